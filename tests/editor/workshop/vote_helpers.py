"""Helpers for the dot-vote and private-round tests: the Start Vote dialog answered as a person
would, clicks on a card of the canvas (left, right with its context-menu event), what the
canvas shows of a card (its dots' colours, read from the pixels of the view)."""
from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QColor, QContextMenuEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from window_helpers import when_modal

from editor.canvas.card_marks import DOT_SIZE, DOT_STEP, INSET
from editor.workshop.vote_dialog import StartVoteDialog


def start_vote_from_menu(qtbot, window, dots=2, kinds=None, max_per_card=0, anonymous=False,
                         clear=False) -> dict:
    """Workshop → Start Vote…: fill the dialog and press Start Vote; what it showed."""
    seen: dict = {}

    def answer(widget) -> bool:
        if not isinstance(widget, StartVoteDialog):
            return False
        seen["presets"] = [widget.preset.itemText(i) for i in range(widget.preset.count())]
        seen["dots shown"] = widget.dots.value()
        widget.dots.setValue(dots)
        for kind, box in widget.kind_boxes.items():
            box.setChecked(kinds is None or kind in kinds)
        widget.max_per_card.setValue(max_per_card)
        widget.anonymous.setChecked(anonymous)
        widget.clear.setChecked(clear)
        qtbot.mouseClick(widget.buttons.button(QDialogButtonBox.StandardButton.Ok),
                         Qt.MouseButton.LeftButton)
        return True
    when_modal(answer)
    window.workshop.vote_actions.start_vote.trigger()
    return seen


def card_point(window, card_id) -> QPoint:
    box = window.scene.layout.cards[card_id].rect
    return window.view.mapFromScene(QPointF(box.x + box.w / 2, box.y + box.h / 2))


def click_card(window, card_id, button=Qt.MouseButton.LeftButton) -> None:
    QTest.mouseClick(window.view.viewport(), button, Qt.KeyboardModifier.NoModifier,
                     card_point(window, card_id))


def right_click_card(window, card_id) -> list[str]:
    """A right-click as the system delivers it (press, release, context-menu event); the
    titles of any menu that opened (closed again at once)."""
    opened: list[str] = []

    def close_popup() -> None:
        popup = QApplication.activePopupWidget()
        if popup is not None:
            opened.append(popup.objectName() or type(popup).__name__)
            popup.close()
    timer = QTimer()
    timer.timeout.connect(close_popup)
    timer.start(20)
    viewport, point = window.view.viewport(), card_point(window, card_id)
    QTest.mouseClick(viewport, Qt.MouseButton.RightButton, Qt.KeyboardModifier.NoModifier, point)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point, viewport.mapToGlobal(point))
    QApplication.sendEvent(viewport, event)
    timer.stop()
    return opened


def dot_colours(window, card_id, count: int = 4) -> list[str]:
    """The colours at the places of a card's first ``count`` dots (right to left), read from
    the view's pixels: what the user sees there ("#rrggbb")."""
    window.view.viewport().repaint()
    image = window.view.viewport().grab().toImage()
    box = window.scene.layout.cards[card_id].rect
    colours = []
    for index in range(count):
        centre = QPointF(box.x + box.w - INSET - DOT_SIZE / 2 - index * DOT_STEP,
                         box.y + box.h - INSET - DOT_SIZE / 2)
        point = window.view.mapFromScene(centre)
        colours.append(QColor(image.pixel(point.x(), point.y())).name())
    return colours


def near(colour: str, expected: str, tolerance: int = 24) -> bool:
    a, b = QColor(colour), QColor(expected)
    return max(abs(a.red() - b.red()), abs(a.green() - b.green()), abs(a.blue() - b.blue())) <= tolerance
