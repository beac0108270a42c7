"""Workshop: the window's workshop tools (``window.workshop``): the presentation, the timer and
their menu. It wires the three together: the timer's keys while presenting (P pauses or resumes,
+ adds a minute), the right-click menu, the countdown kept above the presentation's veil.

The API a live session builds on (docs/workshop.md): ``presentation.state`` (PresentationState)
and ``timer.state`` (TimerState), each with ``events``, ``to_data()`` and ``apply_data()``;
``attach_live(channel)`` / ``detach_live()``, called by the live room through the window, share
them (editor.workshop.live_link).
Dot voting and the private round (``votes``, ``private``, their menu entries ``vote_actions``,
the ``votes_dock``, the canvas clicks of a vote) follow the map the window shows:
``set_scene(scene, controller)``, called by the window, also gives the scene its
``card_marks`` (editor.canvas.card_marks), which the projector sees as nobody's.
Imports: PySide6, editor.canvas.card_marks, editor.settings, editor.workshop (presenter, timer,
menu, live_link, voting, private_round, vote_clicks, vote_menu, votes_dock).
"""
from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QMainWindow, QMenu

from editor.canvas.card_marks import CardMarks
from editor.settings import KEY_LIVE_NAME, read_text
from editor.workshop.live_link import WorkshopLiveLink
from editor.workshop.menu import WorkshopActions
from editor.workshop.presenter import PresentationController
from editor.workshop.private_round import PrivateRoundController
from editor.workshop.timer import TimerController
from editor.workshop.vote_clicks import VoteClicks
from editor.workshop.vote_menu import VoteActions
from editor.workshop.votes_dock import VotesDock
from editor.workshop.voting import VoteController


class Workshop(QObject):
    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.timer = TimerController(window)
        self.live: WorkshopLiveLink | None = None
        keys = {Qt.Key.Key_P: self.timer.pause_or_resume, Qt.Key.Key_Plus: self.timer.add_minute,
                Qt.Key.Key_Equal: self.timer.add_minute, Qt.Key.Key_B: self.bring_everyone}
        self.presentation = PresentationController(window, keys)
        self.votes = VoteController(window)
        self.private = PrivateRoundController(window)
        self.vote_actions = VoteActions(window, self.votes, self.private)
        self.votes_dock = VotesDock(self.votes, window)
        self.votes_dock.add_buttons(self.vote_actions.vote_actions())
        self.votes.started.connect(self._show_votes_dock)
        self.clicks = VoteClicks(self.votes)
        self.marks: CardMarks | None = None
        self.presentation.active_changed.connect(lambda _on: self._update_public())
        self.presentation.active_changed.connect(self.votes.set_presenting)
        self.actions = WorkshopActions(window, self)
        self.presentation.input.passing_shortcuts = self.actions.present.shortcuts()
        self.presentation.input.context_menu = self.actions.popup_menu
        self.presentation.active_changed.connect(lambda _on: self.timer.raise_overlay())
        self.presentation.active_changed.connect(lambda _on: self._update_bring())
        self.timer.menu_requested.connect(self.actions.popup_menu)

    def fill_menu(self, menu: QMenu) -> None:
        self.actions.fill_menu(menu)

    def set_map_open(self, is_open: bool) -> None:
        self.actions.set_map_open(is_open)

    def set_scene(self, scene, controller) -> None:
        """The window shows another map (None: the start screen): votes and marks follow it."""
        if self.marks is not None:
            self.marks.detach()
            self.marks = None
        if controller is not None:
            # "Me" is the name this window goes by (in a live session, the one the others see).
            controller.workshop.live_name = lambda: read_text(self.window.settings, KEY_LIVE_NAME)
        self.votes.set_scene(scene, controller)
        if scene is not None:
            self.marks = CardMarks(scene, self.votes.my_id)
            self.marks.set_public(self.shows_the_room())
            self.clicks.install(self.window.view)
            if controller.journey.vote_round().active:  # a map saved during its vote
                self._show_votes_dock()
        self.private.set_scene(scene, controller)

    def _show_votes_dock(self) -> None:
        self.votes_dock.show()
        self.votes_dock.raise_()

    def leave_presentation(self) -> None:
        """Before the window changes its map or closes: the window comes back as it was."""
        self.presentation.leave()

    # ----------------------------------------------------------------- a live session
    def attach_live(self, channel) -> None:
        """A live session began (editor.live hands over its channel): share or follow."""
        self.detach_live()
        self.live = WorkshopLiveLink(self, channel)
        self._update_bring()
        self._update_public()
        self.vote_actions.set_led(not channel.is_facilitator)
        if self.marks is not None:  # the name I go by may have changed with the session
            self.marks.refresh_all()
            self.votes.changed.emit()

    def detach_live(self) -> None:
        if self.live is not None:
            self.live.close()
            self.live.deleteLater()
            self.live = None
        self.vote_actions.set_led(False)
        self._update_bring()
        self._update_public()

    def bring_everyone(self) -> None:
        """Workshop → Bring Everyone to Me (B while presenting): the facilitator's."""
        if self.live is not None:
            self.live.bring_everyone()

    def shows_the_room(self) -> bool:
        """Whether this window is the projector: presenting, and not a participant following the
        facilitator on their own laptop (who still sees their own private cards)."""
        return self.presentation.is_active() and (self.live is None or self.live.is_facilitator)

    def _update_public(self) -> None:
        self.private.set_public(self.shows_the_room())

    def _update_bring(self) -> None:
        self.actions.bring.setEnabled(self.live is not None and self.live.is_facilitator
                                      and self.presentation.is_active())
