"""Workshop: the window's workshop tools (``window.workshop``): the presentation, the timer and
their menu. It wires the three together: the timer's keys while presenting (P pauses or resumes,
+ adds a minute), the right-click menu, the countdown kept above the presentation's veil.

The API a live session builds on (docs/workshop.md): ``presentation.state`` (PresentationState)
and ``timer.state`` (TimerState), each with ``events``, ``to_data()`` and ``apply_data()``.
Imports: PySide6, editor.workshop (presenter, timer, menu).
"""
from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QMainWindow, QMenu

from editor.workshop.menu import WorkshopActions
from editor.workshop.presenter import PresentationController
from editor.workshop.timer import TimerController


class Workshop(QObject):
    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.timer = TimerController(window)
        keys = {Qt.Key.Key_P: self.timer.pause_or_resume, Qt.Key.Key_Plus: self.timer.add_minute,
                Qt.Key.Key_Equal: self.timer.add_minute}
        self.presentation = PresentationController(window, keys)
        self.actions = WorkshopActions(window, self)
        self.presentation.input.passing_shortcuts = self.actions.present.shortcuts()
        self.presentation.input.context_menu = self.actions.popup_menu
        self.presentation.active_changed.connect(lambda _on: self.timer.raise_overlay())
        self.timer.menu_requested.connect(self.actions.popup_menu)

    def fill_menu(self, menu: QMenu) -> None:
        self.actions.fill_menu(menu)

    def set_map_open(self, is_open: bool) -> None:
        self.actions.set_map_open(is_open)

    def leave_presentation(self) -> None:
        """Before the window changes its map or closes: the window comes back as it was."""
        self.presentation.leave()
