"""The drag measure: one mouse-move event of a card drag on a shown JourneyView (offscreen), with the
repaint, against the same drag of a rect item in a bare scene and view; and the drop (release).
Imports: PySide6 (QtTest drives the mouse), editor.*.
"""
from __future__ import annotations

import json
import statistics
import time

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QGraphicsRectItem, QGraphicsView

from .fixtures import bare_scene, clock, dispose, layout_entries, map_file, open_editor, paired, settle

DRAG_MOVES = 120


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
