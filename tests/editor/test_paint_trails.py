"""Issue 10, items 6 and 7: what the canvas leaves on screen after a drag or an undo.

The pictures are the window's own backing store (QScreen.grabWindow on the offscreen platform),
i.e. what the user sees after Qt's partial repaints, compared with a full repaint of the view.
"""
from __future__ import annotations

from canvas_helpers import centre_of, to_view
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QCursor, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication


def on_screen(view) -> QImage:
    return QApplication.primaryScreen().grabWindow(view.winId()).toImage()


def fully_repainted(view, qtbot) -> QImage:
    view.viewport().update()
    qtbot.wait(30)
    return on_screen(view)


def count_differences(a: QImage, b: QImage) -> int:
    return sum(1 for y in range(0, a.height(), 2) for x in range(a.width())
               if a.pixel(x, y) != b.pixel(x, y))


def test_dragging_a_selected_card_leaves_no_trail(canvas, qtbot):
    document, scene, view = canvas
    view.set_zoom(3.0)  # the outline's overflow grows with the zoom
    view.centerOn(centre_of(scene.layout.cards["a"].rect))
    qtbot.wait(30)
    viewport = view.viewport()
    start = to_view(view, centre_of(scene.layout.cards["a"].rect))
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for step in range(1, 25):
        QTest.mouseMove(viewport, start + QPoint(step * 3, step * 2))
        qtbot.wait(5)  # each step painted, as under a real hand
    seen = on_screen(view)
    truth = fully_repainted(view, qtbot)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       start + QPoint(72, 48))
    assert seen == truth, f"{count_differences(seen, truth)} stale pixels after the drag"


def knob_centre(scene, stage_id: str):
    header = scene.stage_item(stage_id)
    return header.mapToScene(header.link_handle_rect().center())


def knob_shown(view, scene, stage_id: str, image: QImage) -> bool:
    """Whether the knob's blue shows at the knob's place in a picture of the view."""
    point = to_view(view, knob_centre(scene, stage_id)) + QPoint(0, 5)
    colour = image.pixelColor(point)
    return colour.blue() > 180 and colour.red() < 80


def move_pointer(view, qtbot, point: QPoint) -> None:
    """Move the pointer itself (QCursor, as a hand does) and deliver the move: QTest.mouseMove
    alone leaves QCursor.pos() behind while a button is down, unlike a real pointer."""
    QCursor.setPos(view.viewport().mapToGlobal(point))
    QTest.mouseMove(view.viewport(), point)
    qtbot.wait(5)


def test_knob_drag_then_undo_leaves_no_stale_knob(canvas, qtbot):
    document, scene, view = canvas
    view.centerOn(scene.sceneRect().center())
    qtbot.wait(30)
    viewport = view.viewport()
    source = to_view(view, knob_centre(scene, "s1"))
    target = to_view(view, centre_of(scene.layout.stage_headers["s3"]))
    move_pointer(view, qtbot, source - QPoint(30, 0))  # hover the header: its knob appears
    move_pointer(view, qtbot, source)
    assert knob_shown(view, scene, "s1", on_screen(view))
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, source)
    for step in range(1, 9):
        move_pointer(view, qtbot, source + (target - source) * step / 8)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, target)
    qtbot.wait(20)  # the hand rests a moment before it moves on
    assert [(t.source, t.target) for t in document.journey.transitions()][-1] == ("s1", "s3")
    away = to_view(view, centre_of(scene.layout.cells[("s2", "pain")]))
    move_pointer(view, qtbot, away)  # one quick move off the headers
    for when in ("after the drag", "after undo"):
        seen = on_screen(view)
        shown = [s for s in ("s1", "s2", "s3") if knob_shown(view, scene, s, seen)]
        assert shown == [], f"stale knob on {shown} {when}"
        assert seen == fully_repainted(view, qtbot), f"stale pixels {when}"
        document.undo_stack.undo()
        qtbot.wait(20)
