"""Helpers for the dot-vote and private-round tests: the Start Vote dialog answered as a person
would, clicks on a card of the canvas (left, right with its context-menu event), what the
canvas shows of a card (its dots' colours, read from the pixels of the view)."""
from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QColor, QContextMenuEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from window_helpers import when_modal

from editor.canvas.card_marks import COMMENT_COLOUR, DOT_MIDDLE, DOT_SIZE, INSET, RESOLVED_COLOUR, TOP_COLOUR
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


BADGE_COLOURS = (TOP_COLOUR, COMMENT_COLOUR, RESOLVED_COLOUR)  # the rank and comment pills


def open_as(qtbot, tmp_path, journey, name: str = "Aiko"):
    """A main window on ``journey`` whose user goes by ``name`` (the live name setting, which is
    "me" for votes, private cards and authorship)."""
    from canvas_helpers import ini_settings
    from live_helpers import open_window

    from editor.settings import KEY_LIVE_NAME

    settings = ini_settings(tmp_path)
    settings.setValue(KEY_LIVE_NAME, name)
    return open_window(qtbot, settings, journey)


def dot_colours(window, card_id, count: int = 4) -> list[str]:
    """The colours of a card's first ``count`` dots (right to left), read from the view's pixels
    along the middle of the card's top strip: what the user sees there ("#rrggbb"). A dot is a
    run of at least half a dot's width of one colour that is not the card's own (its fill, the
    kind label's grey, the white rim, the badges); missing dots read as the card's fill."""
    window.view.viewport().repaint()
    image = window.view.viewport().grab().toImage()
    box = window.scene.layout.cards[card_id].rect
    scale = window.view.transform().m11()
    y = window.view.mapFromScene(QPointF(box.x, box.y + DOT_MIDDLE)).y()
    left = window.view.mapFromScene(QPointF(box.x + box.w / 3, box.y)).x()
    right = window.view.mapFromScene(QPointF(box.x + box.w - INSET, box.y)).x()
    fill = QColor(image.pixel(right - 2, window.view.mapFromScene(
        QPointF(box.x, box.y + box.h / 2)).y())).name()
    runs: list[tuple[str, int]] = []
    for x in range(right, left, -1):
        colour = QColor(image.pixel(x, y)).name()
        if runs and near(runs[-1][0], colour, 8):
            runs[-1] = (runs[-1][0], runs[-1][1] + 1)
        else:
            runs.append((colour, 1))
    dots = [colour for colour, length in runs
            if length >= DOT_SIZE * scale / 2 and not near(colour, fill, 10)
            and not near(colour, "#ffffff", 10) and not near(colour, "#555555", 40)
            and not any(near(colour, badge.name(), 10) for badge in BADGE_COLOURS)]
    return (dots + [fill] * count)[:count]


def near(colour: str, expected: str, tolerance: int = 24) -> bool:
    a, b = QColor(colour), QColor(expected)
    return max(abs(a.red() - b.red()), abs(a.green() - b.green()), abs(a.blue() - b.blue())) <= tolerance
