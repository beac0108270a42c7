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
"""
from __future__ import annotations

import argparse
import cProfile
import gc
import json
import os
import platform
import pstats
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import mapgen  # noqa: E402
from PySide6.QtCore import QPoint, QPointF, QRectF, QSize, Qt  # noqa: E402
from PySide6.QtGui import QColor, QImage  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QApplication,
    QGraphicsItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
)

SIZES = mapgen.SIZES
RENDER_WIDTH = 2400  # pixels; both images get the same size
DRAG_MOVES = 120
UNDO_PAIRS = 40


# ------------------------------------------------------------------------------------ helpers
def app() -> QApplication:
    from editor.window.app import make_application
    return make_application([sys.argv[0]])


def settle() -> None:
    """Let Qt finish deferred work (index updates, deletions) before the next timing."""
    for _ in range(2):
        QApplication.processEvents()
    gc.collect()


def clock(action: Callable[[], object]) -> tuple[float, object]:
    start = time.perf_counter()
    result = action()
    return time.perf_counter() - start, result


def paired(runs: int, ours: Callable[[], float], bare: Callable[[], float]) -> tuple[float, float, float]:
    """Median of ours, of bare and of the per-run ratio; the two alternate so load hits both."""
    a, b, ratios = [], [], []
    for _ in range(runs):
        x, y = ours(), bare()
        a.append(x)
        b.append(y)
        ratios.append(x / y)
    return statistics.median(a), statistics.median(b), statistics.median(ratios)


def maps_folder() -> Path:
    folder = Path(tempfile.gettempdir()) / "journey-bench-maps"
    folder.mkdir(exist_ok=True)
    return folder


def map_file(cards: int) -> Path:
    """The generated map of ``cards`` cards, written once and reused between runs."""
    path = maps_folder() / f"bench-{cards}.journey"
    if not path.exists():
        mapgen.write_map(cards, path)
    return path


# ------------------------------------------------------------------------------------ bare scenes
def bare_scene(entries: list[tuple[float, float, float, float, str]]) -> QGraphicsScene:
    """A QGraphicsScene with one rect item and one child text item per (x, y, w, h, text)."""
    scene = QGraphicsScene()
    for x, y, w, h, text in entries:
        rect = QGraphicsRectItem(0, 0, w, h)
        rect.setPos(x, y)
        rect.setBrush(QColor("#fff6a8"))
        rect.setFlags(QGraphicsItem.GraphicsItemFlag.ItemIsMovable
                      | QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        label = QGraphicsSimpleTextItem(text, rect)
        label.setPos(8, 8)
        scene.addItem(rect)
    return scene


def grid_entries(data: dict) -> list[tuple[float, float, float, float, str]]:
    """Rect + text entries for every element of a loaded file, on a plain grid."""
    texts = ([c["title"] for c in data["cards"]] + [s["name"] for s in data["stages"]]
             + [lane["name"] for lane in data["lanes"]] + [t["trigger"] for t in data["transitions"]])
    return [(150 + (i % 40) * 210, 180 + (i // 40) * 70, 190, 60, text)
            for i, text in enumerate(texts)]


def layout_entries(scene) -> list[tuple[float, float, float, float, str]]:
    """The editor scene's own rectangles and texts, for a bare scene that paints the same area."""
    layout = scene.layout
    entries = [(b.rect.x, b.rect.y, b.rect.w, b.rect.h, "\n".join(b.title_lines))
               for b in layout.cards.values()]
    entries += [(r.x, r.y, r.w, r.h, "\n".join(layout.stage_name_lines[s]))
                for s, r in layout.stage_headers.items()]
    entries += [(r.x, r.y, r.w, r.h, "\n".join(layout.lane_name_lines[x]))
                for x, r in layout.lane_headers.items()]
    return entries


def dispose(scene) -> None:
    if hasattr(scene, "detach"):
        scene.detach()
    scene.clear()
    scene.deleteLater()
    settle()


# ------------------------------------------------------------------------------------ open
def open_editor(path: Path):
    from editor.canvas.scene import JourneyScene
    from editor.document.document import Document
    document = Document.open(path)
    return document, JourneyScene(document.controller)


def open_bare(path: Path) -> QGraphicsScene:
    data = json.loads(path.read_text(encoding="utf-8"))
    return bare_scene(grid_entries(data))


def open_breakdown(path: Path) -> dict[str, float]:
    """Where the editor's open time goes: each stage of load_journey, then the scene."""
    from PySide6.QtGui import QUndoStack

    from editor.canvas.scene import JourneyScene
    from editor.document.controller import EditController
    from model.fileformat import journey_file as fileformat
    from model.fileformat.filechecks import decode_bytes, parse_json
    from model.fileformat.serialize import map_from_data
    times = {}
    times["read"], raw = clock(lambda: fileformat._read_file(path))
    times["parse"], data = clock(lambda: parse_json(decode_bytes(raw)))
    times["validate"], data = clock(lambda: fileformat._validate(data))
    times["model"], journey = clock(lambda: map_from_data(data))
    times["scene"], scene = clock(lambda: JourneyScene(EditController(journey, QUndoStack())))
    dispose(scene)
    return times


def bench_open(sizes, runs: int) -> list[dict]:
    rows = []
    for size in sizes:
        path = map_file(size)

        def ours(path=path) -> float:
            seconds, (_document, scene) = clock(lambda: open_editor(path))
            dispose(scene)
            return seconds

        def bare(path=path) -> float:
            seconds, scene = clock(lambda: open_bare(path))
            dispose(scene)
            return seconds

        ours(), bare()  # warm the caches (schema, fonts, imports) before timing
        mine, floor, ratio = paired(runs, ours, bare)
        parts = open_breakdown(path)
        rows.append(dict(what="open", size=size, ours=mine, bare=floor, ratio=ratio, parts=parts))
        print(f"open {size:>6,}: {mine:.3f} s vs {floor:.3f} s  ({ratio:.2f}×)  "
              + ", ".join(f"{k} {v:.3f}" for k, v in parts.items()), flush=True)
    return rows


# ------------------------------------------------------------------------------------ drag
def shown_view(view: QGraphicsView) -> QGraphicsView:
    view.resize(1200, 800)
    view.show()
    QTest.qWaitForWindowExposed(view)
    settle()
    return view


def drag_timing(view: QGraphicsView, start_scene: QPointF, moves: int) -> tuple[float, float]:
    """(seconds per move with its repaint, seconds for the release) of one left-button drag."""
    viewport = view.viewport()
    start = view.mapFromScene(start_scene)
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    settle()
    grabbed = view.scene().selectedItems()
    assert len(grabbed) == 1, "the press did not grab one item"
    home = grabbed[0].pos()
    began = time.perf_counter()
    for i in range(1, moves + 1):
        # Right and down, a few pixels per event, like a hand; stays inside the viewport.
        QTest.mouseMove(viewport, start + QPoint(3 * (i % 60), 2 * (i % 45)))
        QApplication.processEvents()
    per_move = (time.perf_counter() - began) / moves
    assert grabbed[0].pos() != home, "the drag did not move the item"
    end = start + QPoint(250, 30)
    QTest.mouseMove(viewport, end)
    QApplication.processEvents()
    released, _ = clock(lambda: (QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton,
                                                    Qt.KeyboardModifier.NoModifier, end),
                                 QApplication.processEvents()))
    return per_move, released


def visible_card(view, scene) -> str:
    """A card near the middle of the viewport (the view is centred on a busy cell first)."""
    middle = view.mapToScene(view.viewport().rect().center())
    return min(scene.layout.cards, key=lambda c: (QPointF(*scene.layout.cards[c].rect.center)
                                                   - middle).manhattanLength())


def bench_drag(size: int, runs: int) -> list[dict]:
    from editor.canvas.view import JourneyView
    path = map_file(size)
    document, scene = open_editor(path)
    view = shown_view(JourneyView(scene))
    data = json.loads(path.read_text(encoding="utf-8"))
    bare = bare_scene(layout_entries(scene))
    bare_view = shown_view(QGraphicsView(bare))
    first = next(iter(scene.layout.cards.values())).rect
    view.centerOn(QPointF(first.x + 400, first.y + 300))
    bare_view.centerOn(QPointF(first.x + 400, first.y + 300))
    settle()

    def ours() -> float:
        card_id = visible_card(view, scene)
        scene.clearSelection()
        move, release = drag_timing(view, QPointF(*scene.layout.cards[card_id].rect.center),
                                    DRAG_MOVES)
        ours.releases.append(release)
        document.undo_stack.undo() if document.undo_stack.canUndo() else None
        settle()
        return move
    ours.releases = []

    def bare_drag() -> float:
        # The bare scene has a rect item at every card's rectangle: drag the same one.
        point = QPointF(*scene.layout.cards[visible_card(view, scene)].rect.center)
        assert isinstance(bare.itemAt(point, bare_view.transform()), QGraphicsRectItem)
        bare.clearSelection()
        seconds = drag_timing(bare_view, point, DRAG_MOVES)[0]
        for item in bare.selectedItems():
            item.setPos(item.pos() - QPointF(250, 30))  # put it back (the drop is a plain move)
        return seconds

    ours(), bare_drag()  # warm-up
    mine, floor, ratio = paired(runs, ours, bare_drag)
    release = statistics.median(ours.releases)
    print(f"drag {size:>6,}: {mine * 1000:.2f} ms per move vs {floor * 1000:.2f} ms ({ratio:.2f}×); "
          f"drop {release * 1000:.1f} ms  [{len(data['cards'])} cards]", flush=True)
    view.close()
    bare_view.close()
    dispose(scene)
    dispose(bare)
    return [dict(what="drag", size=size, ours=mine, bare=floor, ratio=ratio, drop=release)]


# ------------------------------------------------------------------------------------ render
def paint_to_width(scene: QGraphicsScene, source: QRectF) -> QImage:
    """The editor's own painting (editor.canvas.render.paint_scene) for ours and the bare scene alike."""
    from editor.canvas.render import paint_scene

    size = QSize(RENDER_WIDTH, max(1, round(source.height() * RENDER_WIDTH / source.width())))
    return paint_scene(scene, source, size)


def bench_render(sizes, runs: int) -> list[dict]:
    rows = []
    for size in sizes:
        _document, scene = open_editor(map_file(size))
        scene.clearSelection()
        source = scene.sceneRect()
        bare = bare_scene(layout_entries(scene))
        bare.setSceneRect(source)

        def ours(scene=scene, source=source) -> float:
            return clock(lambda: paint_to_width(scene, source))[0]

        def floor(bare=bare, source=source) -> float:
            return clock(lambda: paint_to_width(bare, source))[0]

        ours(), floor()
        mine, low, ratio = paired(runs, ours, floor)
        rows.append(dict(what="render", size=size, ours=mine, bare=low, ratio=ratio))
        print(f"render {size:>6,}: {mine:.3f} s vs {low:.3f} s ({ratio:.2f}×)", flush=True)
        dispose(scene)
        dispose(bare)
    return rows


# ------------------------------------------------------------------------------------ undo/redo
def movable_card(scene) -> tuple[str, str, str]:
    """(card, stage, lane): the last card of a cell and another cell of the same row that it can
    join at the end without making either cell the row's tallest, so no other row moves."""
    layout, journey = scene.layout, scene.journey
    for lane_id in journey.lane_ids():
        row = layout.rows[lane_id]
        cells = {s: journey.cell_card_ids(s, lane_id) for s in journey.stage_ids()}
        filled = {s: (layout.cards[ids[-1]].rect.bottom if ids else layout.cells[(s, lane_id)].y)
                  for s, ids in cells.items()}
        for source, ids in cells.items():
            if not ids:
                continue
            height = layout.cards[ids[-1]].rect.h
            for target, bottom in filled.items():
                if target != source and bottom + 8 + height + 10 < row.bottom - 1:
                    return ids[-1], target, lane_id
    raise RuntimeError("no card can move without changing a row's height")


def undo_redo_timing(document, pairs: int) -> float:
    """Median seconds of one undo or one redo of the top command (with Qt's deferred work)."""
    stack, times = document.undo_stack, []
    for _ in range(pairs):
        for step in (stack.undo, stack.redo):
            start = time.perf_counter()
            step()
            QApplication.processEvents()
            times.append(time.perf_counter() - start)
    return statistics.median(times)


def bench_undo(sizes, runs: int) -> list[dict]:
    results: dict[tuple[str, int], list[float]] = {}
    editors = {size: open_editor(map_file(size)) for size in sizes}
    for _ in range(runs):  # alternate the sizes so that load on the machine hits them alike
        for size, (document, scene) in editors.items():
            middle = list(scene.cards)[len(scene.cards) // 2]
            title = scene.journey.card(middle).title
            document.controller.update_card(middle, title=title[::-1])  # same width, same lines
            results.setdefault(("title", size), []).append(undo_redo_timing(document, UNDO_PAIRS))
            card_id, stage_id, lane_id = movable_card(scene)
            document.controller.move_cards([card_id], stage_id, lane_id,
                                           len(scene.journey.cell_card_ids(stage_id, lane_id)))
            results.setdefault(("move", size), []).append(undo_redo_timing(document, UNDO_PAIRS))
            document.undo_stack.undo()
            document.undo_stack.undo()
            settle()
    rows = []
    small, large = min(sizes), max(sizes)
    for edit in ("title", "move"):
        a = statistics.median(results[(edit, small)])
        b = statistics.median(results[(edit, large)])
        rows.append(dict(what=f"undo-{edit}", size=large, ours=b, bare=a, ratio=b / a))
        print(f"undo/redo {edit}: {a * 1e6:.1f} µs at {small:,} cards, {b * 1e6:.1f} µs at "
              f"{large:,} ({b / a:.2f}×)", flush=True)
    for _document, scene in editors.values():
        dispose(scene)
    return rows


# ------------------------------------------------------------------------------------ exports
def export_pairs(journey, strings, folder: Path) -> dict[str, tuple[Callable, Callable]]:
    """(ours, bare) actions per export, the bare ones from bench_exports.py."""
    import bench_exports as be

    from exporters import export_excel, export_pdf
    return {"pdf": (lambda: export_pdf(journey, folder / "m.pdf"),
                    lambda: be.bare_reportlab(strings, folder / "b.pdf")),
            "pdf-platypus": (lambda: export_pdf(journey, folder / "m.pdf"),
                             lambda: be.bare_platypus(strings, folder / "p.pdf")),
            "excel": (lambda: export_excel(journey, folder / "m.xlsx"),
                      lambda: be.bare_openpyxl(strings, folder / "b.xlsx"))}


def bench_exports(sizes, runs: int) -> list[dict]:
    """bench_exports.py's baselines on the mapgen maps (its own table uses its own maps)."""
    import bench_exports as be

    from model.fileformat import load_journey
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for size in sizes:
            journey = load_journey(map_file(size))
            pairs = export_pairs(journey, be.card_strings(journey), folder)
            for name, (ours, bare) in pairs.items():
                ours(), bare()  # warm-up: the libraries load lazily on first use
                mine, floor, ratio = paired(runs, lambda ours=ours: clock(ours)[0],
                                            lambda bare=bare: clock(bare)[0])
                rows.append(dict(what=name, size=size, ours=mine, bare=floor, ratio=ratio))
                print(f"{name} {size:>6,}: {mine:.2f} s vs {floor:.2f} s ({ratio:.1f}×)", flush=True)
    return rows


# ------------------------------------------------------------------------------------ start-up
# Peak RSS is VmHWM: ru_maxrss would carry over the parent's peak across exec on Linux.
PEAK_RSS = ("int(next(l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM')))")
# Runs main.py as `python main.py FILE` would, except that the event loop returns as soon as the
# first window is shown and painted; prints the seconds since the interpreter started and the
# peak RSS. The bare script does the same with a QMainWindow.
STARTUP_SCRIPT = """
import os, runpy, sys, time
from PySide6.QtWidgets import QApplication
def first_show_only(*_args):
    for _ in range(3):
        QApplication.processEvents()
    shown = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    print(time.perf_counter() - START, PEAK_RSS(), len(shown))
    return 0
QApplication.exec = first_show_only
sys.argv = ["main.py", sys.argv[1]]
runpy.run_path(os.path.join(ROOT, "main.py"), run_name="__main__")
"""
BARE_STARTUP_SCRIPT = """
import sys, time
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1600, 1000)
window.show()
for _ in range(3):
    QApplication.processEvents()
print(time.perf_counter() - START, PEAK_RSS(), 1)
"""
# The bare floor for memory: the same file parsed and a bare scene of as many items, on screen.
BARE_MEMORY_SCRIPT = """
import json, sys, time
sys.path.insert(0, ROOT + "/benchmarks")
from PySide6.QtWidgets import QApplication, QGraphicsView
app = QApplication(sys.argv[:1])
from bench_editor import bare_scene, grid_entries
scene = bare_scene(grid_entries(json.loads(open(sys.argv[1], encoding="utf-8").read())))
view = QGraphicsView(scene)
view.resize(1600, 1000)
view.show()
for _ in range(3):
    QApplication.processEvents()
print(time.perf_counter() - START, PEAK_RSS(), 1)
"""


def run_child(script: str, argument: str, home: Path) -> tuple[float, float, int]:
    """(wall seconds of the whole process, peak RSS in MiB, windows shown)."""
    prologue = (f"import time\nSTART = time.perf_counter()\nROOT = {str(ROOT)!r}\n"
                f"PEAK_RSS = lambda: {PEAK_RSS}\n")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(home),
               XDG_CONFIG_HOME=str(home / "config"), PYTHONPATH=str(ROOT))
    began = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", prologue + script, argument], env=env, cwd=ROOT,
                         capture_output=True, text=True, check=True).stdout.split()
    wall = time.perf_counter() - began
    return wall, int(out[1]) / 1024, int(out[2])


def bench_startup(sizes, runs: int) -> list[dict]:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        for size in sizes:
            path = str(map_file(size))
            ours_mem, bare_mem = [], []

            def ours(path=path, memory=ours_mem) -> float:
                wall, rss, shown = run_child(STARTUP_SCRIPT, path, home)
                assert shown == 1, "the editor window did not show"
                memory.append(rss)
                return wall

            def bare(memory=bare_mem) -> float:
                wall, rss, _ = run_child(BARE_STARTUP_SCRIPT, "", home)
                memory.append(rss)
                return wall

            ours(), bare()
            mine, floor, ratio = paired(runs, ours, bare)
            rows.append(dict(what="startup", size=size, ours=mine, bare=floor, ratio=ratio,
                             rss=statistics.median(ours_mem)))
            print(f"start-up {size:>6,}: {mine:.2f} s vs {floor:.2f} s ({ratio:.2f}×); "
                  f"peak RSS {rows[-1]['rss']:.0f} MiB", flush=True)
    return rows


def bench_memory(size: int, runs: int) -> list[dict]:
    """Peak RSS of the editor with the map open and shown, next to the bare floor."""
    path = str(map_file(size))
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        ours = statistics.median(run_child(STARTUP_SCRIPT, path, home)[1] for _ in range(runs))
        floor = statistics.median(run_child(BARE_MEMORY_SCRIPT, path, home)[1] for _ in range(runs))
    print(f"peak RSS {size:,}: {ours:.0f} MiB vs bare {floor:.0f} MiB", flush=True)
    return [dict(what="memory", size=size, ours=ours, bare=floor, ratio=ours / floor)]


# ------------------------------------------------------------------------------------ report
TARGETS = {  # what: (target text, limit on the ratio or None, absolute limit in seconds or None)
    "open": ("≤ 3× (2,000 cards < 1 s)", 3.0, None),
    "drag": ("< 4 ms per move", None, 0.004),
    "render": ("≤ 1.5×", 1.5, None),
    "undo-title": ("10,000 vs 200 cards: ± 20 %", 1.2, None),
    "undo-move": ("10,000 vs 200 cards: ± 20 %", 1.2, None),
    "pdf": ("≤ 2×", 2.0, None),
    "pdf-platypus": ("≤ 2×", 2.0, None),
    "excel": ("≤ 2×", 2.0, None),
    "startup": ("≤ 2×", 2.0, None),
    "memory": ("(figure only)", None, None),
}


def verdict(row: dict) -> str:
    _, ratio_limit, seconds = TARGETS[row["what"]]
    ok = True
    if ratio_limit is not None:
        ok = row["ratio"] <= ratio_limit and (row["ratio"] >= 1 / ratio_limit
                                              if row["what"].startswith("undo") else True)
    if seconds is not None:
        ok = ok and row["ours"] < seconds
    if row["what"] == "open" and row["size"] == 2000:
        ok = ok and row["ours"] < 1.0
    if row["what"] == "memory":
        return "—"
    return "pass" if ok else "**miss**"


def table(rows: list[dict]) -> str:
    lines = ["| measure | cards | target | measured | lower bound | ratio | verdict |",
             "|---|---:|---|---:|---:|---:|---|"]
    for row in rows:
        what, unit = row["what"], "s"
        ours, bare = row["ours"], row["bare"]
        if what == "drag":
            ours, bare, unit = ours * 1000, bare * 1000, "ms"
        if what.startswith("undo"):
            ours, bare, unit = ours * 1e6, bare * 1e6, "µs"
        if what == "memory":
            unit = "MiB"
        label = {"undo-title": "undo/redo title", "undo-move": "undo/redo move",
                 "pdf": "PDF export (bare canvas)", "pdf-platypus": "PDF export (bare platypus)",
                 "excel": "Excel export", "startup": "start-up", "memory": "peak RSS"}.get(what, what)
        floor = (f"{bare:.3g} {unit} at 200 cards" if what.startswith("undo")
                 else f"{bare:.3g} {unit}")
        lines.append(f"| {label} | {row['size']:,} | {TARGETS[what][0]} | {ours:.3g} {unit} | "
                     f"{floor} | {row['ratio']:.2f}× | {verdict(row)} |")
    return "\n".join(lines)


def machine() -> str:
    import PySide6
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            cpu = next(line.split(":", 1)[1].strip() for line in info if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    return (f"{os.cpu_count()} cores ({cpu}), Python {platform.python_version()}, "
            f"PySide6 {PySide6.__version__}, {platform.system()} {platform.release()}, "
            f"QT_QPA_PLATFORM={os.environ.get('QT_QPA_PLATFORM')}")


# ------------------------------------------------------------------------------------ profiling
def profile(what: str, size: int) -> None:
    profiler = cProfile.Profile()
    if what == "open":
        profiler.runcall(open_editor, map_file(size))
    elif what == "undo":
        document, scene = open_editor(map_file(size))
        middle = list(scene.cards)[len(scene.cards) // 2]
        document.controller.update_card(middle, title="x" + scene.journey.card(middle).title)
        profiler.runcall(undo_redo_timing, document, 20)
    elif what == "render":
        _document, scene = open_editor(map_file(size))
        profiler.runcall(paint_to_width, scene, scene.sceneRect())
    elif what == "drag":
        from editor.canvas.view import JourneyView
        _document, scene = open_editor(map_file(size))
        view = shown_view(JourneyView(scene))
        first = next(iter(scene.layout.cards.values())).rect
        view.centerOn(QPointF(first.x + 400, first.y + 300))
        settle()
        card = QPointF(*scene.layout.cards[visible_card(view, scene)].rect.center)
        profiler.runcall(drag_timing, view, card, DRAG_MOVES)
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)


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
