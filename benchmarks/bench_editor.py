"""Times the editor against the bare libraries doing the same work in the same run.

Each figure is a ratio to a lower bound measured next to it (median of several interleaved runs),
or an absolute time where the target is one, so the ratios mean something on any machine; the
seconds only describe this one (the load of the machine is printed beside the figures):

- open: read + parse + validate + build the model + build the scene, against ``json.loads`` of
  the same file plus a bare QGraphicsScene with as many rect + text items;
- facilitator (issue 12), in the main window at each size, beside a bare window: Select All,
  a rubber band over 200 cards, deleting 200 and 2,000 selected cards with their undo, a click,
  a drag's mouse moves and its drop, the undo of a delete, a title edit and its undo, find;
- window (issue 12): a fixed 2,400 × 1,600 window of the map rendered (top-left, middle) and a
  2,400 × 1,600 view repainting, against the bare scene doing the same;
- drag: one mouse-move event of a card drag on a shown JourneyView (offscreen), with the repaint,
  in a 2,000-card map, against the same drag of a rect item in a bare scene and view;
- render: the whole scene painted into an image, against the bare scene with the same rectangles
  and texts painted into an image of the same size;
- undo/redo of one card edit (title) and one card move, at the smallest and largest size;
- PDF and Excel exports, against bare reportlab / openpyxl writing the same strings (the baselines
  of benchmarks/bench_exports.py);
- start-up to a shown window (a subprocess running main.py on a file, whose event loop returns
  once the first show is painted) against a bare QMainWindow; the peak RSS of the largest map
  open in the editor against the parsed file and a bare scene of as many items on screen.

    python benchmarks/bench_editor.py                  # everything (about 25 minutes)
    python benchmarks/bench_editor.py --quick          # 3 runs a figure, 200 to 10,000 cards
    python benchmarks/bench_editor.py --only facilitator window --sizes 200 50000
    python benchmarks/bench_editor.py --profile open --size 10000

This file is the command line; the measures live in benchmarks/editor_bench/, one module per
concern (fixtures, window, opening, selection, interactions, partial_render, drag, render, undo,
exports, startup, report, profiling).
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from editor_bench.drag import bench_drag  # noqa: E402
from editor_bench.exports import bench_exports  # noqa: E402
from editor_bench.fixtures import app, bare_scene, grid_entries  # noqa: E402
from editor_bench.interactions import bench_facilitator  # noqa: E402
from editor_bench.opening import bench_open  # noqa: E402
from editor_bench.partial_render import bench_partial_render  # noqa: E402
from editor_bench.profiling import CHOICES, profile  # noqa: E402
from editor_bench.render import bench_render  # noqa: E402
from editor_bench.report import machine, table  # noqa: E402
from editor_bench.startup import bench_memory, bench_startup  # noqa: E402
from editor_bench.undo import bench_undo  # noqa: E402

# The bare-memory child (editor_bench.startup) imports these from here, so that its floor loads
# the same modules as before the split.
__all__ = ["bare_scene", "grid_entries", "main"]
SIZES = (200, 2_000, 10_000, 50_000)
QUICK_SIZES = (200, 2_000, 10_000)
STEPS = ("open", "facilitator", "window", "drag", "render", "undo", "exports", "startup", "memory")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="+", choices=STEPS, default=list(STEPS))
    parser.add_argument("--sizes", type=int, nargs="+")
    parser.add_argument("--runs", type=int, help="interleaved runs per figure (default 5)")
    parser.add_argument("--quick", action="store_true", help="3 runs a figure, up to 10,000 cards")
    parser.add_argument("--export-sizes", type=int, nargs="+", default=[2000])
    parser.add_argument("--profile", choices=CHOICES)
    parser.add_argument("--size", type=int, default=2000, help="map size for --profile")
    args = parser.parse_args()
    sizes = args.sizes or list(QUICK_SIZES if args.quick else SIZES)
    runs = args.runs or (3 if args.quick else 5)
    app()
    if args.profile:
        profile(args.profile, args.size)
        return
    print(machine(), flush=True)
    rows: list[dict] = []
    steps = {"open": lambda: bench_open(sizes, runs),
             "facilitator": lambda: bench_facilitator(sizes, runs),
             "window": lambda: bench_partial_render(sizes, runs),
             "drag": lambda: bench_drag(2000, runs),
             "render": lambda: bench_render([s for s in sizes if s <= 10_000], runs),
             "undo": lambda: bench_undo([min(sizes), max(sizes)], runs),
             "exports": lambda: bench_exports(args.export_sizes, min(3, runs)),
             "startup": lambda: bench_startup([200, 2000], runs),
             "memory": lambda: bench_memory(max(sizes), 3)}
    for name in args.only:
        rows += steps[name]()
    print()
    print(table(rows))
    print(f"\nload {os.getloadavg()[0]:.1f} at the end", flush=True)


if __name__ == "__main__":
    main()
