"""Undo commands of the workshop's edits that the generic commands (commands.py) do not cover:
the vote's and private round's settings, dots, private marks. Each redo/undo is one or two model
calls. Participants, comments and parking-lot items use the generic add, update, move and
remove commands (their model methods follow the same names).
Imports: model and editor.document.commands only.
"""
from __future__ import annotations

from editor.document.commands import ModelCommand
from model import JourneyMap, PrivateRound, VoteRound


class SetRoundCommand(ModelCommand):
    """Replaces the vote's (``kind="vote_round"``) or the private round's settings."""

    def __init__(self, journey: JourneyMap, kind: str, new: VoteRound | PrivateRound,
                 text: str) -> None:
        super().__init__(text)
        self._journey, self._kind, self._new = journey, kind, new
        self._old = getattr(journey, kind)()

    def do(self) -> None:
        getattr(self._journey, f"set_{self._kind}")(self._new)

    def undo(self) -> None:
        getattr(self._journey, f"set_{self._kind}")(self._old)


class DotCommand(ModelCommand):
    """One dot placed or taken back under the running vote's rules (checked again on redo:
    a budget others' dots used up meanwhile refuses it); undo puts the count back as it was."""

    def __init__(self, journey: JourneyMap, card_id: str, participant_id: str, add: bool,
                 text: str) -> None:
        super().__init__(text)
        self._journey, self._card, self._participant, self._add = journey, card_id, participant_id, add
        self._old = journey.card(card_id).dots.get(participant_id, 0)

    def do(self) -> None:
        if self._add:
            self._journey.add_dot(self._card, self._participant)
        else:
            self._journey.remove_dot(self._card, self._participant)

    def undo(self) -> None:
        self._journey.set_dots(self._card, self._participant, self._old)


class SetDotsCommand(ModelCommand):
    """Sets a participant's dots on a card (clearing the results of an earlier vote)."""

    def __init__(self, journey: JourneyMap, card_id: str, participant_id: str, count: int,
                 text: str = "") -> None:
        super().__init__(text or "Set dots")
        self._journey, self._card, self._participant, self._new = journey, card_id, participant_id, count
        card = journey.card(card_id)
        self._old = card.dots.get(participant_id, 0) if participant_id else card.unattributed_votes

    def do(self) -> None:
        self._journey.set_dots(self._card, self._participant, self._new)

    def undo(self) -> None:
        self._journey.set_dots(self._card, self._participant, self._old)


class RevealPrivateCommand(ModelCommand):
    """Reveals every private card (one model mutation); undo hides exactly those again."""

    def __init__(self, journey: JourneyMap, text: str) -> None:
        super().__init__(text)
        self._journey = journey
        self.revealed: tuple[str, ...] = ()

    def do(self) -> None:
        if self.revealed:  # a redo: the cards this step revealed, not others hidden since
            self._journey.set_private(self.revealed, False)
        else:
            self.revealed = self._journey.reveal_private_cards()

    def undo(self) -> None:
        self._journey.set_private(self.revealed, True)


class PrivacyCommand(ModelCommand):
    """Marks cards private or not (hiding one card again by hand)."""

    def __init__(self, journey: JourneyMap, card_ids: list[str], private: bool, text: str) -> None:
        super().__init__(text)
        self._journey, self._ids, self._private = journey, tuple(card_ids), private

    def do(self) -> None:
        self._journey.set_private(self._ids, self._private)

    def undo(self) -> None:
        self._journey.set_private(self._ids, not self._private)
