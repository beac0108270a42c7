"""Times the editor against the bare libraries doing the same work in the same run.

Each figure is a ratio to a lower bound measured next to it (median of several interleaved runs),
so the ratios mean something on any machine; the seconds only describe this one:

- open: read + parse + validate + build the model + build the scene, against ``json.loads`` of
  the same file plus a bare QGraphicsScene with as many rect + text items;
- drag: one mouse-move event of a card drag on a shown JourneyView (offscreen), with the repaint,
  in a 2,000-card map, against the same drag of a rect item in a bare scene and view;
- render: the whole scene painted into an image, against the bare scene with the same rectangles
  and texts painted into an image of the same size;
- undo/redo of one card edit (title) and one card move, at 200 and at 10,000 cards;
- PDF and Excel exports, against bare reportlab / openpyxl writing the same strings (the baselines
  of benchmarks/bench_exports.py);
- start-up to a shown window (a subprocess running main.py on a file, whose event loop returns
  once the first show is painted) against a bare QMainWindow; the peak RSS of a 10,000-card map
  open in the editor.

    /tmp/devvenv/bin/python benchmarks/bench_editor.py                # everything (~5 minutes)
    /tmp/devvenv/bin/python benchmarks/bench_editor.py --only open undo
    /tmp/devvenv/bin/python benchmarks/bench_editor.py --profile open --size 10000

This file is the command line; the measures live in benchmarks/editor_bench/, one module per
concern (fixtures, opening, drag, render, undo, exports, startup, report, profiling).
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

import mapgen  # noqa: E402
from editor_bench.drag import bench_drag  # noqa: E402
from editor_bench.exports import bench_exports  # noqa: E402
from editor_bench.fixtures import app, bare_scene, grid_entries  # noqa: E402
from editor_bench.opening import bench_open  # noqa: E402
from editor_bench.profiling import profile  # noqa: E402
from editor_bench.render import bench_render  # noqa: E402
from editor_bench.report import machine, table  # noqa: E402
from editor_bench.startup import bench_memory, bench_startup  # noqa: E402
from editor_bench.undo import bench_undo  # noqa: E402

# The bare-memory child (editor_bench.startup) imports these from here, so that its floor loads
# the same modules as before the split.
__all__ = ["bare_scene", "grid_entries", "main"]
SIZES = mapgen.SIZES


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="+", default=["open", "drag", "render", "undo", "exports",
                                                       "startup", "memory"])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--runs", type=int, default=5, help="interleaved runs per figure")
    parser.add_argument("--export-sizes", type=int, nargs="+", default=[2000])
    parser.add_argument("--profile", choices=("open", "drag", "render", "undo"))
    parser.add_argument("--size", type=int, default=2000, help="map size for --profile")
    args = parser.parse_args()
    app()
    if args.profile:
        profile(args.profile, args.size)
        return
    print(machine(), flush=True)
    rows: list[dict] = []
    steps = {"open": lambda: bench_open(args.sizes, args.runs),
             "drag": lambda: bench_drag(2000, args.runs),
             "render": lambda: bench_render(args.sizes, args.runs),
             "undo": lambda: bench_undo([min(args.sizes), max(args.sizes)], args.runs),
             "exports": lambda: bench_exports(args.export_sizes, min(3, args.runs)),
             "startup": lambda: bench_startup([200, 2000], args.runs),
             "memory": lambda: bench_memory(max(args.sizes), 3)}
    for name in args.only:
        rows += steps[name]()
    print()
    print(table(rows))


if __name__ == "__main__":
    main()
