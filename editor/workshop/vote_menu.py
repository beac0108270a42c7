"""The Workshop menu's entries for dot voting and the private round: Start Vote…, End Vote,
Reveal Votes, Start Private Round, End Private Round, Reveal Private Cards. Each is enabled when
it can do something (Reveal Votes once a vote ran and is not revealed, End Vote while one
runs...), following the map's events through the controllers' ``changed`` signals. The votes
dock shows the vote's three as buttons. On a live session's participant they are all off
(``set_led``): the facilitator (the host) runs the room's votes and rounds.
Imports: PySide6.
"""
from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu


class VoteActions(QObject):
    def __init__(self, window: QMainWindow, votes, private) -> None:
        super().__init__(window)
        self.window, self.votes, self.private = window, votes, private
        self.start_vote = self._action(self.tr("Start &Vote…"), votes.start_vote_dialog)
        self.end_vote = self._action(self.tr("E&nd Vote"), votes.end_vote)
        self.reveal_votes = self._action(self.tr("Reveal V&otes"), votes.reveal_votes)
        self.start_private = self._action(self.tr("Start P&rivate Round"), private.start)
        self.end_private = self._action(self.tr("End Private Ro&und"), private.end)
        self.reveal_private = self._action(self.tr("Reveal Private &Cards"), private.reveal)
        self.led = False  # a live session's participant: the facilitator runs votes and rounds
        votes.changed.connect(self.update)
        private.changed.connect(self.update)
        self.update()

    def _action(self, text: str, slot) -> QAction:
        action = QAction(text, self.window)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def vote_actions(self) -> list[QAction]:
        return [self.start_vote, self.end_vote, self.reveal_votes]

    def fill_menu(self, menu: QMenu) -> None:
        menu.addActions(self.vote_actions())
        menu.addSeparator()
        menu.addActions([self.start_private, self.end_private, self.reveal_private])

    def set_led(self, led: bool) -> None:
        self.led = led
        self.update()

    def update(self) -> None:
        journey = self.votes.journey
        has_map = journey is not None and not self.led
        vote = journey.vote_round() if has_map else None
        self.start_vote.setEnabled(has_map)
        self.end_vote.setEnabled(has_map and vote.active)
        self.reveal_votes.setEnabled(has_map and bool(vote.started_at) and not vote.revealed)
        running = has_map and journey.private_round().active
        self.start_private.setEnabled(has_map and not running)
        self.end_private.setEnabled(has_map and running)
        self.reveal_private.setEnabled(has_map and (running or bool(journey.private_card_ids())))
