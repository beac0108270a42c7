"""WorkshopEdits (``controller.workshop``): the workshop's user actions, one undo step each.

Votes, private rounds, comments, the parking lot and participants (docs/workshop.md, "the
data"). A collaborator of EditController (composition, not more methods on the controller): it
builds the commands and pushes them through the controller's ``_push``/``atomic``, so they run
in the live session's one-transaction-per-step gate like every edit. Who "I" am and what time
it is are injected: ``clock`` (an aware datetime) and ``live_name`` (the live session's display
name, set by editor.live while a session runs); without a session the name is the setting
``live/name``, else the OS user name.
Imports: PySide6 (via editor.settings), model, editor.document (commands), editor.i18n/settings.
"""
from __future__ import annotations

import dataclasses
import functools
import getpass
import uuid
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from editor.document.commands import (
    AddCardCommand,
    AddElementCommand,
    AddRelationCommand,
    MoveOrderedCommand,
    RemoveElementCommand,
    UpdateCommand,
)
from editor.document.workshop_commands import (
    DotCommand,
    PrivacyCommand,
    RevealPrivateCommand,
    SetDotsCommand,
    SetRoundCommand,
)
from editor.i18n import tr
from editor.settings import KEY_LIVE_NAME, app_settings, read_text
from model import Card, CardKind, CardPlace, Comment, ModelError, ParkingItem, Participant, VoteRound

if TYPE_CHECKING:
    from editor.document.controller import EditController

# The colours new participants get in turn (the segment palette, readable on white).
PARTICIPANT_COLOURS = ("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948",
                       "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac")
NAME_LENGTH = 30


def new_id(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


def system_user_name() -> str:
    return _os_user() or tr("Me")


@functools.cache  # the password database took 1.3 ms a look-up, a dozen times per edit
def _os_user() -> str | None:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name in the environment or the password database
        return None


def utc_now() -> datetime:
    return datetime.now(UTC)


class WorkshopEdits:
    def __init__(self, controller: EditController) -> None:
        self._controller = controller
        self.clock: Callable[[], datetime] = utc_now
        self.live_name: Callable[[], str] | None = None

    @property
    def journey(self):
        return self._controller.journey

    # ----------------------------------------------------------------- who and when
    def now(self) -> str:
        """The time to record, ISO 8601 to the second (an aware clock: UTC offset kept)."""
        moment = self.clock()
        if moment.tzinfo is None:
            moment = moment.astimezone()
        return moment.isoformat(timespec="seconds")

    def my_name(self) -> str:
        """The live session's display name, else the setting ``live/name``, else the OS user."""
        name = self.live_name() if self.live_name is not None else ""
        name = name or read_text(app_settings(), KEY_LIVE_NAME)
        return (name or system_user_name()).strip()[:80] or tr("Me")

    def me(self) -> str:
        """My participant id; the first time, I join the map's participants (as a part of the
        step being pushed: call inside ``controller.atomic``)."""
        name = self.my_name()
        found = self.journey.participant_named(name)
        if found is not None:
            return found.id
        return self.add_participant(name)

    def stamp_new(self, card: Card) -> Card:
        """A card as I create it now: author, time, private while a private round runs."""
        private = self.journey.private_round().active
        return dataclasses.replace(card, created_by=self.me(), created_at=self.now(),
                                   edited_by="", edited_at="", private=private, dots={},
                                   votes=card.votes)

    def stamp_edit(self) -> dict[str, str]:
        return {"edited_by": self.me(), "edited_at": self.now()}

    # ----------------------------------------------------------------- participants
    def add_participant(self, name: str, colour: str | None = None) -> str:
        colours = PARTICIPANT_COLOURS
        colour = colour or colours[len(self.journey.participants()) % len(colours)]
        participant = Participant(new_id("participant"), name, colour)
        self._push(AddElementCommand(self.journey, "participant", participant, None,
                                     tr("Add participant %1").replace("%1", _short(name))))
        return participant.id

    def update_participant(self, participant_id: str, **changes: Any) -> None:
        current = self.journey.participant(participant_id)
        changes = {k: v for k, v in changes.items() if getattr(current, k) != v}
        if changes:
            self._push(UpdateCommand(self.journey, "participant", participant_id, changes, False,
                                     tr("Edit participant %1").replace("%1", _short(current.name))))

    def remove_participant(self, participant_id: str) -> None:
        name = self.journey.participant(participant_id).name
        self._push(RemoveElementCommand(self.journey, "participant", participant_id,
                                        tr("Remove participant %1").replace("%1", _short(name))))

    # ----------------------------------------------------------------- the vote
    def start_vote(self, dots_per_participant: int = 3, kinds: Iterable[CardKind | str] = (),
                   max_per_card: int = 0, anonymous: bool = False, clear: bool = False) -> None:
        """Start a dot vote; ``clear`` first takes away the named dots of earlier votes."""
        vote = VoteRound(True, dots_per_participant, tuple(CardKind(k) for k in kinds),
                         max_per_card, anonymous, False, self.now(), "")
        with self._controller.atomic(tr("Start vote")):
            if clear:
                for card in self.journey.cards():
                    for participant_id in card.dots:
                        self._push(SetDotsCommand(self.journey, card.id, participant_id, 0))
            self._push(SetRoundCommand(self.journey, "vote_round", vote, tr("Start vote")))

    def stop_vote(self) -> None:
        vote = self._running_vote()
        self._push(SetRoundCommand(self.journey, "vote_round",
                                   dataclasses.replace(vote, active=False, ended_at=self.now()),
                                   tr("Stop vote")))

    def reveal_votes(self) -> None:
        vote = self.journey.vote_round()
        if not vote.revealed:
            self._push(SetRoundCommand(self.journey, "vote_round",
                                       dataclasses.replace(vote, revealed=True), tr("Reveal votes")))

    def _running_vote(self) -> VoteRound:
        vote = self.journey.vote_round()
        if not vote.active:
            raise ModelError("no vote is running")
        return vote

    def add_dot(self, card_id: str, participant_id: str | None = None) -> None:
        """One dot on a card, mine or (on one machine, the facilitator recording) a participant's.
        Refused with a ModelError that says why (no vote, kind, dots per card, budget)."""
        text = tr("Add dot to \"%1\"").replace("%1", self._card_name(card_id))
        with self._controller.atomic(text):
            participant_id = participant_id or self.me()
            self.journey.check_dot(card_id, participant_id)
            self._push(DotCommand(self.journey, card_id, participant_id, True, text))

    def remove_dot(self, card_id: str, participant_id: str | None = None) -> None:
        text = tr("Remove dot from \"%1\"").replace("%1", self._card_name(card_id))
        with self._controller.atomic(text):
            participant_id = participant_id or self.me()
            self._push(DotCommand(self.journey, card_id, participant_id, False, text))

    # ----------------------------------------------------------------- private round
    def start_private_round(self) -> None:
        private = self.journey.private_round()
        if not private.active:
            self._push(SetRoundCommand(
                self.journey, "private_round",
                dataclasses.replace(private, active=True, started_at=self.now(), ended_at=""),
                tr("Start private round")))

    def end_private_round(self) -> None:
        """New cards are no longer private; those made during the round stay hidden until
        ``reveal_private_cards``."""
        private = self.journey.private_round()
        if private.active:
            self._push(SetRoundCommand(
                self.journey, "private_round",
                dataclasses.replace(private, active=False, ended_at=self.now()),
                tr("End private round")))

    def reveal_private_cards(self) -> tuple[str, ...]:
        """Show every private card to everyone, ending the round if it runs: one undo step."""
        if not self.journey.private_card_ids() and not self.journey.private_round().active:
            return ()
        reveal = RevealPrivateCommand(self.journey, tr("Reveal private cards"))
        with self._controller.atomic(tr("Reveal private cards")):
            self.end_private_round()
            self._push(reveal)
        return reveal.revealed

    def set_private(self, card_ids: Iterable[str], private: bool) -> None:
        """Hide cards from the others again (or show them) by hand."""
        ids = [c for c in card_ids if self.journey.card(c).private != private]
        if ids:
            self._push(PrivacyCommand(self.journey, ids, private,
                                      tr("Hide cards") if private else tr("Show cards")))

    # ----------------------------------------------------------------- comments
    def add_comment(self, card_id: str, text: str) -> str:
        label = tr("Comment on \"%1\"").replace("%1", self._card_name(card_id))
        return self._comment(card_id, text, "", label)

    def reply(self, comment_id: str, text: str) -> str:
        """Answer a comment; a reply to a reply joins the same thread (one level deep)."""
        comment = self.journey.comment(comment_id)
        parent = comment.parent or comment.id
        return self._comment(comment.card, text, parent, tr("Reply to comment"))

    def _comment(self, card_id: str, text: str, parent: str, label: str) -> str:
        comment_id = new_id("comment")
        with self._controller.atomic(label):
            comment = Comment(comment_id, card_id, text, self.me(), self.now(), parent)
            self._push(AddRelationCommand(self.journey, "comment", comment, label))
        return comment_id

    def edit_comment(self, comment_id: str, text: str, mergeable: bool = False) -> None:
        if self.journey.comment(comment_id).text != text:
            self._push(UpdateCommand(self.journey, "comment", comment_id,
                                     {"text": text, "edited_at": self.now()}, mergeable,
                                     tr("Edit comment"), self._controller.merge_session))

    def resolve_comment(self, comment_id: str, resolved: bool = True) -> None:
        if self.journey.comment(comment_id).resolved != resolved:
            self._push(UpdateCommand(self.journey, "comment", comment_id, {"resolved": resolved},
                                     False, tr("Resolve comment") if resolved
                                     else tr("Reopen comment")))

    def delete_comment(self, comment_id: str) -> None:
        """Delete a comment (with its replies, if it starts a thread)."""
        self._push(RemoveElementCommand(self.journey, "comment", comment_id, tr("Delete comment")))

    # ----------------------------------------------------------------- parking lot
    def park(self, text: str, index: int | None = None) -> str:
        """Put an off-topic point in the parking lot (at the end, or at ``index``)."""
        label = tr("Park \"%1\"").replace("%1", _short(text))
        item_id = new_id("parked")
        with self._controller.atomic(label):
            item = ParkingItem(item_id, text, self.me(), self.now())
            self._push(AddElementCommand(self.journey, "parking_item", item, index, label))
        return item_id

    def edit_parking_item(self, item_id: str, text: str, mergeable: bool = False) -> None:
        if self.journey.parking_item(item_id).text != text:
            self._push(UpdateCommand(self.journey, "parking_item", item_id, {"text": text},
                                     mergeable, tr("Edit parking-lot item"),
                                     self._controller.merge_session))

    def remove_parking_item(self, item_id: str) -> None:
        self._push(RemoveElementCommand(self.journey, "parking_item", item_id,
                                        tr("Remove parking-lot item")))

    def move_parking_item(self, item_id: str, new_index: int) -> None:
        if self.journey.parking_item_index(item_id) != new_index:
            self._push(MoveOrderedCommand(self.journey, "parking_item", item_id, new_index,
                                          tr("Move parking-lot item")))

    def parking_item_to_card(self, item_id: str, stage_id: str, lane_id: str,
                             kind: CardKind | str = CardKind.NOTE, index: int | None = None) -> str:
        """Turn a parked point into a card in a cell: one undo step (item out, card in). The
        card keeps the item's text and author."""
        item = self.journey.parking_item(item_id)
        label = tr("Turn \"%1\" into a card").replace("%1", _short(item.text))
        with self._controller.atomic(label):
            card = self.stamp_new(Card(new_id("card"), CardKind(kind), item.text))
            card = dataclasses.replace(card, created_by=item.author or card.created_by)
            size = len(self.journey.cell_card_ids(stage_id, lane_id))
            self._push(RemoveElementCommand(self.journey, "parking_item", item_id, label))
            self._push(AddCardCommand(self.journey, card,
                                      CardPlace(stage_id, lane_id, size if index is None else index),
                                      label))
        return card.id

    # ----------------------------------------------------------------- helpers
    def _push(self, command) -> None:
        self._controller._push(command)

    def _card_name(self, card_id: str) -> str:
        return _short(self.journey.card(card_id).title) or tr("(untitled)")


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= NAME_LENGTH else text[:NAME_LENGTH - 1] + "…"
