"""What every editor measure shares: the generated maps (written once into the temp folder and
reused), the editor opened on one, the bare QGraphicsScene baselines (one rect + text item per
element), and the timing helpers (``clock``, ``paired``: interleaved runs, median ratio).
Imports: PySide6, editor.*, and mapgen from benchmarks/.
"""
from __future__ import annotations

import gc
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import mapgen
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
)

ROOT = Path(__file__).resolve().parents[2]


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


def open_editor(path: Path):
    from editor.canvas.scene import JourneyScene
    from editor.document.document import Document
    document = Document.open(path)
    return document, JourneyScene(document.controller)
