"""VoteClicks: the canvas's clicks during a dot vote, and the guard on hidden private cards.

An event filter on the view's canvas (the viewport), so that nothing in editor/canvas changes:
while a vote runs, a left click on a card anyone may vote on places a dot of the participant
picked (a quick double click: two), a click on a card at the limit takes one back, and a
right-click on a card that has their dot takes one back (else the usual menu opens). A click
on a card the vote is not about selects it as usual, and the status bar says why it took no
dot. Someone else's private card (a blank placeholder) opens neither the in-place editor nor
the context menu, so its text never shows. Presentation mode's own filter, installed later,
sees the events first and takes them all.
Imports: PySide6.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt

CLICKS = (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick)


class VoteClicks(QObject):
    def __init__(self, votes) -> None:
        super().__init__(votes)
        self.votes = votes  # editor.workshop.voting.VoteController
        self.view = None
        self._eat_menu = False  # the right-click took a dot back: no menu after it
        self._eaten: set = set()  # buttons whose press was taken here (their release is too)

    def install(self, view) -> None:
        if view is not self.view:
            self.view = view
            view.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (*CLICKS, QEvent.Type.MouseButtonRelease, QEvent.Type.ContextMenu):
            return False
        scene = self.votes.scene
        if scene is None or self.view is None or watched is not self.view.viewport():
            return False
        marks = getattr(scene, "card_marks", None)
        if not self.votes.journey.vote_round().active and (marks is None or not marks.any_hidden()):
            return False  # an ordinary click: finding the card under it cost 10 ms at 50,000 cards
        card_id = self._card_at(event.position().toPoint() if kind != QEvent.Type.ContextMenu
                                else event.pos())
        if card_id is None:
            return False
        if kind == QEvent.Type.ContextMenu:
            eaten, self._eat_menu = self._eat_menu, False
            return eaten or self._hidden(card_id)
        if self._hidden(card_id):
            return True  # not selectable, not editable: only a placeholder to look at
        return self._vote_click(event, card_id)

    def _vote_click(self, event, card_id: str) -> bool:
        journey = self.votes.journey
        vote = journey.vote_round()
        if not vote.active or not vote.votable(journey.card(card_id).kind):
            if vote.active and event.type() == QEvent.Type.MouseButtonPress \
                    and event.button() == Qt.MouseButton.LeftButton:
                self.votes.explain(card_id)  # why no dot was placed; the card is selected as usual
            return False
        if event.type() == QEvent.Type.MouseButtonRelease:
            eaten, self._eaten = self._eaten, set()  # only the release of a press taken here
            return event.button() in eaten
        if event.button() == Qt.MouseButton.LeftButton:
            self.votes.click_card(card_id)
            self._eaten.add(event.button())
            return True
        if event.button() == Qt.MouseButton.RightButton:
            self._eat_menu = self.votes.take_back(card_id)
            if self._eat_menu:
                self._eaten.add(event.button())
            return self._eat_menu
        return False

    def _card_at(self, point) -> str | None:
        scene = self.votes.scene
        for item in self.view.items(point):
            element_id = getattr(item, "element_id", None)
            if getattr(item, "kind", "") == "card" and element_id in scene.cards:
                return element_id
        return None

    def _hidden(self, card_id: str) -> bool:
        marks = getattr(self.votes.scene, "card_marks", None)
        return marks is not None and marks.is_hidden(self.votes.journey.card(card_id))
