"""Selection and deletion in the main window (issue 12), each beside a bare window doing the same
to a bare scene of the same rectangles:

- select all: the window's Select All (Ctrl+A) until the inspector, docks and actions have
  followed, against selecting every rect of the bare scene with one selection area;
- select 200: a rubber band's selection area over 200 cards of one cell, the same area in the
  bare scene; the target compares the 50,000-card map with the 200-card one;
- delete N + undo: N selected cards deleted with the Delete action, then Undo, each until idle,
  against removing the same N rects from the bare scene and adding them back.

Imports: PySide6, editor.*.
"""
from __future__ import annotations

import statistics

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainterPath
from PySide6.QtWidgets import QGraphicsRectItem

from .fixtures import map_file
from .window import bare_window, close_bare, close_window, drain, idle, load, open_window


def area_of(scene, card_ids) -> QPainterPath:
    """The rubber band around these cards."""
    rect = QRectF()
    for card_id in card_ids:
        box = scene.layout.cards[card_id].rect
        rect = rect.united(QRectF(box.x, box.y, box.w, box.h))
    path = QPainterPath()
    path.addRect(rect.adjusted(-2, -2, 2, 2))
    return path


def two_hundred(scene) -> list[str]:
    """200 cards a rubber band can take: the first 200 of the fullest cell (or all, if fewer)."""
    journey = scene.journey
    cell = max(journey.cells().values(), key=len)
    if len(cell) >= 200:
        return list(cell[:200])
    return list(journey.card_ids()[:200])


def spread(scene, count: int) -> list[str]:
    ids = scene.journey.card_ids()
    step = max(1, len(ids) // count)
    return list(ids[::step][:count])


def bare_rects(view, scene, card_ids) -> list[QGraphicsRectItem]:
    """The bare scene's rect items at these cards' rectangles."""
    rects = []
    for card_id in card_ids:
        x, y = scene.layout.cards[card_id].rect.center
        item = view.scene().itemAt(x, y, view.transform())
        rects.append(item if isinstance(item, QGraphicsRectItem) else item.parentItem())
    return rects


class SelectionBench:
    def __init__(self, size: int) -> None:
        self.size = size
        self.window, self.opened = open_window(map_file(size))
        self.scene = self.window.scene
        self.bare_window, self.bare_view = bare_window(self.scene)
        self.bare = self.bare_view.scene()

    def close(self) -> None:
        close_window(self.window)
        close_bare(self.bare_window)

    def select_all(self) -> tuple[float, float]:
        ours = idle(self.window.menu_actions.select_all.trigger)
        assert len(self.scene.selected_card_ids()) == self.size
        self.scene.clearSelection()
        drain()
        everything = QPainterPath()
        everything.addRect(self.bare.itemsBoundingRect())
        bare = idle(lambda: self.bare.setSelectionArea(everything))
        self.bare.clearSelection()
        return ours, bare

    def select_200(self) -> tuple[float, float]:
        chosen = two_hundred(self.scene)
        area = area_of(self.scene, chosen)
        ours = idle(lambda: self.scene.setSelectionArea(area))
        assert len(self.scene.selected_card_ids()) == len(chosen), len(self.scene.selected_card_ids())
        self.scene.clearSelection()
        drain()
        bare = idle(lambda: self.bare.setSelectionArea(area))
        self.bare.clearSelection()
        return ours, bare

    def delete_and_undo(self, card_ids: list[str]) -> tuple[float, float, float]:
        """(delete, undo, bare remove + add back) seconds."""
        self.scene.selection.select_cards(card_ids)
        drain()
        delete = idle(self.window.menu_actions.delete.trigger)
        assert not self.scene.journey.has(card_ids[0])
        undo = idle(self.window.document.undo_stack.undo)
        assert self.scene.journey.has(card_ids[0])
        self.scene.clearSelection()
        drain()
        rects = bare_rects(self.bare_view, self.scene, card_ids)

        def bare_delete_and_back() -> None:
            for rect in rects:
                self.bare.removeItem(rect)
            drain()
            for rect in rects:
                self.bare.addItem(rect)
        return delete, undo, idle(bare_delete_and_back)


def bench_selection_at(bench: SelectionBench, runs: int) -> list[dict]:
    size, rows = bench.size, []
    for what, measure in (("select-all", bench.select_all), ("select-200", bench.select_200)):
        measure()  # warm-up
        pairs = [measure() for _ in range(runs)]
        ours, bare = (statistics.median(p[i] for p in pairs) for i in (0, 1))
        rows.append(dict(what=what, size=size, ours=ours, bare=bare, ratio=ours / bare))
        print(f"{what} {size:>6,}: {ours * 1000:.1f} ms vs bare {bare * 1000:.1f} ms  ({load()})",
              flush=True)
    for count in sorted({min(200, size), min(2000, size)}):
        cards = spread(bench.scene, count)
        bench.delete_and_undo(cards)  # warm-up
        times = [bench.delete_and_undo(cards) for _ in range(runs)]
        delete, undo, bare = (statistics.median(t[i] for t in times) for i in (0, 1, 2))
        rows.append(dict(what=f"delete-{count}", size=size, ours=delete + undo, bare=bare,
                         ratio=(delete + undo) / bare, parts=dict(delete=delete, undo=undo)))
        print(f"delete {count:,} of {size:,} + undo: {delete:.3f} + {undo:.3f} s vs bare "
              f"{bare:.3f} s  ({load()})", flush=True)
    return rows
