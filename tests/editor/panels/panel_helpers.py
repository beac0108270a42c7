"""Helpers for the workshop docks' tests: a main window on a small map whose "me" and clock are
set the way the live layer and the tests set them (controller.workshop.live_name and .clock),
a click on a card as a hand would make it, and what a comment view shows."""
from __future__ import annotations

from datetime import UTC, datetime, timedelta

from canvas_helpers import ini_settings, small_map, to_view
from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest

from editor.document.document import Document
from editor.window.mainwindow import MainWindow

START = datetime(2026, 11, 30, 5, 0, tzinfo=UTC)  # 14:00 in Tokyo, whatever this machine's zone


class Clock:
    """The controller's clock: a fixed moment that the test moves on."""

    def __init__(self, moment: datetime = START) -> None:
        self.moment = moment

    def __call__(self) -> datetime:
        return self.moment

    def advance(self, minutes: int) -> None:
        self.moment += timedelta(minutes=minutes)


def local_text(moment: datetime) -> str:
    """How the docks write a time: this machine's zone, to the minute."""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def open_workshop_window(qtbot, tmp_path, name: str = "Aiko", journey=None) -> MainWindow:
    window = MainWindow(Document(journey or small_map()), ini_settings(tmp_path))
    window.resize(1500, 950)
    window.show()
    qtbot.waitExposed(window)
    window.clock = Clock()
    be(window, name)
    return window


def be(window: MainWindow, name: str) -> None:
    """Who is at this window's keyboard (the live layer's display name does the same)."""
    workshop = window.document.controller.workshop
    workshop.live_name = lambda: name
    workshop.clock = window.clock


def click_card(window: MainWindow, card_id: str, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    """Click a card on the canvas (scrolled into view first)."""
    rect = window.scene.card_item(card_id).sceneBoundingRect()
    window.view.ensureVisible(rect)
    QTest.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, modifiers,
                     to_view(window.view, QPointF(rect.center())))


def shown_comments(window: MainWindow) -> list[tuple[str, str, str]]:
    """(author, time, text) of each comment the Comments dock shows, top to bottom."""
    column = window.comments.thread_column
    widgets = [column.itemAt(i).widget() for i in range(column.count())]
    views = [w for w in widgets if w in window.comments.views.values()]  # top to bottom
    return [(v.author.text(), v.time.text(), v.text.text()) for v in views if v.isVisible()]


def undo_texts(window: MainWindow) -> list[str]:
    stack = window.document.undo_stack
    return [stack.text(i) for i in range(stack.count())]
