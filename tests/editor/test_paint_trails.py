"""Issue 10, items 6 and 7: what the canvas leaves on screen after a drag or an undo.

The pictures are the window's own backing store (QScreen.grabWindow on the offscreen platform),
i.e. what the user sees after Qt's partial repaints, compared with a full repaint of the view.
"""
from __future__ import annotations

from canvas_helpers import centre_of, to_view
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage
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
