"""Participants, dot votes and private rounds of JourneyMap: the workshop's data. Pure Python.

A mixin of JourneyMap, like relations.py and for the same reason (docs/architecture.md): every
method is part of the map's public API and works on the one private graph. Participants are
typed nodes with an order (``participant_order``); the vote's and the private round's settings
are graph attributes; a card's dots, privacy and authorship are fields of the card. The rules
of a running vote (budget, votable kinds, dots per card) are checked by ``add_dot``; ``set_dots``
is the plain setter that undo, merges and hand corrections use. Imports model.journey.* only.
"""
from __future__ import annotations

import dataclasses
import heapq
import itertools
from collections.abc import Iterable
from typing import Any

from model.journey import validation as check
from model.journey.entities import Card
from model.journey.errors import ModelError
from model.journey.messages import Message
from model.journey.people_index import CARD, COMMENT, PARKING_ITEM
from model.journey.removal import Removal
from model.journey.workshop_entities import Participant, PrivateRound, VoteRound

PARTICIPANT = "participant"
SMALL_BUCKET = 64  # voted cards of one count sorted by place; more are met walking the cells
# The workshop's events that move no card and change no card's size (a view of the grid need
# not lay anything out again for them).
GEOMETRY_FREE_EVENTS = frozenset({
    "participant_added", "participant_changed", "participant_moved", "participant_removed",
    "vote_round_changed", "private_round_changed", "privacy_changed", "comment_added",
    "comment_changed", "comment_removed", "parking_item_added", "parking_item_changed",
    "parking_item_moved", "parking_item_removed"})


def workshop_attributes() -> dict[str, Any]:
    """The graph attributes a new map starts with (JourneyMap.__init__ adds them)."""
    return {"participant_order": [], "parking_order": [], "comment_order": [],
            "vote_round": VoteRound(), "private_round": PrivateRound()}


def people_of_card(card: Card) -> set[str]:
    """The participant ids a card names (authorship and dots)."""
    return {p for p in (card.created_by, card.edited_by, *card.dots) if p}


class WorkshopMixin:
    """Participants, votes and private rounds of JourneyMap. Expects of the map: ``_graph``,
    ``events``, ``card``, ``cards``, ``card_ids``, ``_require``, ``_node_type``, ``_order``,
    ``_add_ordered``, ``_move_ordered``, ``_replace``, the kept ``_card_order``,
    ``_card_flags`` and ``_people`` (its PeopleIndex), and the comments and parking lot of
    DiscussionMixin (a participant who wrote one cannot be removed)."""

    # ----------------------------------------------------------------- participants
    def participants(self) -> tuple[Participant, ...]:
        nodes = self._graph._node
        return tuple(nodes[p]["entity"] for p in self._order(PARTICIPANT))

    def participant(self, participant_id: str) -> Participant:
        return self._require(participant_id, PARTICIPANT)["entity"]

    def participant_index(self, participant_id: str) -> int:
        self._require(participant_id, PARTICIPANT)
        return self._order(PARTICIPANT).index(participant_id)

    def participant_named(self, name: str) -> Participant | None:
        """The first participant called ``name`` (names are how people know each other)."""
        return next((p for p in self.participants() if p.name == name), None)

    def add_participant(self, participant: Participant, index: int | None = None) -> None:
        check.check_participant(participant)
        position = self._add_ordered(PARTICIPANT, participant, index)
        self.events.emit("participant_added", participant_id=participant.id, index=position)

    def update_participant(self, participant_id: str, **changes: Any) -> None:
        participant = self._replace(participant_id, PARTICIPANT, changes)
        check.check_participant(participant)
        self._graph._node[participant_id]["entity"] = participant
        self.events.emit("participant_changed", participant_id=participant_id,
                         fields=tuple(changes))

    def move_participant(self, participant_id: str, new_index: int) -> None:
        old_index = self._move_ordered(PARTICIPANT, participant_id, new_index)
        self.events.emit("participant_moved", participant_id=participant_id, old_index=old_index,
                         new_index=new_index)

    def remove_participant(self, participant_id: str) -> Removal:
        """Remove someone nothing names any more; refused (saying what names them) otherwise:
        their dots, comments and cards would lose their author."""
        participant = self.participant(participant_id)
        uses = self._participant_uses(participant_id)
        if uses:
            raise ModelError(Message("participant \"{name}\" cannot be removed: {uses} still name "
                                     "them", name=participant.name, uses=", ".join(uses)))
        record = Removal(PARTICIPANT, participant, self.participant_index(participant_id))
        self._order(PARTICIPANT).remove(participant_id)
        self._graph.remove_node(participant_id)
        self.events.emit("participant_removed", participant_id=participant_id, **record.payload())
        return record

    def _restore_participant(self, record: Removal) -> None:
        self._graph.add_node(record.element.id, type=PARTICIPANT, entity=record.element)
        self._order(PARTICIPANT).insert(record.index, record.element.id)

    def _participant_uses(self, participant_id: str) -> list[str]:
        # From the index of who is named where, not a scan of the map (0.3 s at 50,000 cards).
        uses = self._people.uses(participant_id)
        counts = [(uses.get(word, 0), word) for word in (CARD, COMMENT, PARKING_ITEM)]
        return [f"{n} {word}{'s' if n > 1 else ''}" for n, word in counts if n]

    def cards_naming(self, participant_id: str) -> list[str]:
        """Ids of the cards naming the participant (author, last editor, dots), in no particular
        order; from the index, at the cost of those cards alone."""
        return self._people.elements_naming(participant_id, CARD)

    def _check_people(self, what: str, participant_ids: Iterable[str]) -> None:
        for participant_id in participant_ids:
            if participant_id and self._node_type(participant_id) != PARTICIPANT:
                raise ModelError(f"{what}: unknown participant {participant_id!r}")

    # ----------------------------------------------------------------- the vote
    def vote_round(self) -> VoteRound:
        return self._graph.graph["vote_round"]

    def set_vote_round(self, vote: VoteRound) -> None:
        """Store the vote's settings and state (start, stop, reveal are changes of this)."""
        check.check_vote_round(vote)
        changed = _changed_fields(self.vote_round(), vote)
        self._graph.graph["vote_round"] = vote
        self.events.emit("vote_round_changed", fields=changed)

    def set_dots(self, card_id: str, participant_id: str, count: int) -> None:
        """Set one participant's dots on a card (``""``: the unattributed votes); the card's
        total follows. No vote rules: this is what undo, merges and corrections use."""
        card = self.card(card_id)
        check.check_count(count, f"card {card_id} dots")
        self._check_people(f"card {card_id} dots", (participant_id,))
        old = card.dots.get(participant_id, 0) if participant_id else card.unattributed_votes
        if participant_id:
            dots = {**card.dots, participant_id: count}
            dots = {p: n for p, n in dots.items() if n}
            card = dataclasses.replace(card, dots=dots, votes=card.votes + count - old)
        else:
            card = dataclasses.replace(card, votes=card.votes + count - old)
        check.check_card(card)
        self._store_card(card)
        # A card_changed, not an event of its own: every view of a card already follows it.
        self.events.emit("card_changed", card_id=card_id, fields=("votes", "dots"),
                         participant_id=participant_id, old=old, new=count)

    def check_dot(self, card_id: str, participant_id: str) -> None:
        """Why ``add_dot`` would refuse, as a ModelError; nothing if it would not."""
        vote, card = self.vote_round(), self.card(card_id)
        name = self.participant(participant_id).name or participant_id
        title = card.title.split("\n")[0][:40] or card_id
        if not vote.active:
            raise ModelError(Message("no vote is running: start a vote first"))
        if not vote.votable(card.kind):
            kinds = ", ".join(k.value for k in vote.kinds)
            raise ModelError(Message("\"{title}\" is a {kind} card; this vote is on {kinds} only",
                                     title=title, kind=card.kind.value, kinds=kinds))
        mine = card.dots.get(participant_id, 0)
        if vote.max_per_card and mine >= vote.max_per_card:
            raise ModelError(Message("{name} already has {mine} of the at most {limit} dots one "
                                     "person may put on \"{title}\"", name=name, mine=mine,
                                     limit=vote.max_per_card, title=title))
        if self.dots_used(participant_id) >= vote.dots_per_participant:
            raise ModelError(Message("{name} has used all {count} dots", name=name,
                                     count=vote.dots_per_participant))

    def add_dot(self, card_id: str, participant_id: str) -> None:
        """One more dot of a participant on a card, within the running vote's rules."""
        self.check_dot(card_id, participant_id)
        self.set_dots(card_id, participant_id, self.card(card_id).dots.get(participant_id, 0) + 1)

    def remove_dot(self, card_id: str, participant_id: str) -> None:
        """Take back one of a participant's dots from a card while the vote runs."""
        card = self.card(card_id)
        name = self.participant(participant_id).name or participant_id
        if not self.vote_round().active:
            raise ModelError(Message("no vote is running: the dots can no longer be taken back"))
        mine = card.dots.get(participant_id, 0)
        if not mine:
            raise ModelError(Message("{name} has no dot on \"{title}\"", name=name,
                                     title=card.title[:40] or card_id))
        self.set_dots(card_id, participant_id, mine - 1)

    def dots_of(self, participant_id: str) -> dict[str, int]:
        """Card id -> the participant's dots on it, in journey order."""
        nodes, named = self._graph._node, self._people.elements_naming(participant_id, CARD)
        dots = ((card_id, nodes[card_id]["entity"].dots) for card_id in self.in_journey_order(named))
        return {card_id: card_dots[participant_id] for card_id, card_dots in dots
                if participant_id in card_dots}

    def dots_used(self, participant_id: str) -> int:
        nodes = self._graph._node  # only the cards that name the participant: not the map
        return sum(nodes[card_id]["entity"].dots.get(participant_id, 0)
                   for card_id in self._people.elements_naming(participant_id, CARD))

    def remaining_dots(self, participant_id: str) -> int:
        """Dots the participant may still place in the running vote (0 when none runs)."""
        vote = self.vote_round()
        if not vote.active:
            return 0
        return max(0, vote.dots_per_participant - self.dots_used(participant_id))

    def vote_ranking(self) -> tuple[tuple[Card, int], ...]:
        """Cards with votes, most first; ties in journey order."""
        return tuple((self.card(card_id), votes) for card_id, votes in self.vote_ranking_ids())

    def vote_ranking_ids(self, first: int | None = None) -> list[tuple[str, int]]:
        """(card id, votes) of the cards with votes, most first, ties in journey order; only the
        ``first`` so many if given. From the kept flags (model.journey.card_flags): the cost is
        that of the voted cards, and of the top few when only those are asked for."""
        votes = self._card_flags.votes
        if first is not None and first < len(votes):  # the top few of many
            return [(card_id, votes[card_id]) for card_id in self._first_voted(first)]
        position = self._card_order.journey_index(self._order("stage"), self._order("lane"))
        key = lambda card_id: (-votes[card_id], position[card_id])  # noqa: E731
        ids = heapq.nsmallest(first, votes, key=key) if first is not None else sorted(votes, key=key)
        return [(card_id, votes[card_id]) for card_id in ids]

    def _first_voted(self, first: int) -> list[str]:
        """The first cards of the ranking without placing every voted card in journey order
        (after a drop that order changes, and indexing 50,000 cards took 10 ms twice per drop):
        counts from the most, each count's cards in journey order; a count held by many cards
        (one or two dots: a good part of a big map) is met walking the cells from the start."""
        ranked: list[str] = []
        for count in sorted(self._card_flags.by_votes, reverse=True):
            need, bucket = first - len(ranked), self._card_flags.by_votes[count]
            if need <= 0:
                break
            if len(bucket) <= max(need, SMALL_BUCKET):
                ranked += self.in_journey_order(bucket)[:need]
            else:
                ranked += itertools.islice((c for c in self._cards_in_journey_order() if c in bucket),
                                           need)
        return ranked

    def _cards_in_journey_order(self):
        for stage_id in self._order("stage"):
            for lane_id in self._order("lane"):
                cell = ("cell", stage_id, lane_id)
                if cell in self._graph:
                    yield from self._sorted_members(cell)

    def voted_card_count(self) -> int:
        return len(self._card_flags.votes)

    def marked_card_ids(self) -> tuple[str, ...]:
        """Cards whose marks depend on the participants' order and colours: those with someone's
        dots and the private ones (kept flags), in journey order. Who names one person is
        ``cards_naming``."""
        flags = self._card_flags
        return tuple(self.in_journey_order(flags.dotted | flags.private))

    # ----------------------------------------------------------------- private round
    def private_round(self) -> PrivateRound:
        return self._graph.graph["private_round"]

    def set_private_round(self, private: PrivateRound) -> None:
        check.check_private_round(private)
        changed = _changed_fields(self.private_round(), private)
        self._graph.graph["private_round"] = private
        self.events.emit("private_round_changed", fields=changed)

    def private_card_ids(self) -> tuple[str, ...]:
        """In journey order; from the kept flags (model.journey.card_flags)."""
        return tuple(self.in_journey_order(self._card_flags.private))

    def set_private(self, card_ids: Iterable[str], private: bool) -> None:
        """Mark cards private to their author (hidden from others) or not: one event."""
        check.check_flag(private, "private")
        card_ids = tuple(dict.fromkeys(card_ids))
        cards = [self.card(card_id) for card_id in card_ids]  # all known before any change
        for card in cards:
            self._store_card(dataclasses.replace(card, private=private))
        self.events.emit("privacy_changed", card_ids=card_ids, private=private)

    def reveal_private_cards(self) -> tuple[str, ...]:
        """Show every private card to everyone (the end of silent brainstorming): one
        mutation, one event; returns the ids revealed (what an undo hides again)."""
        revealed = self.private_card_ids()
        self.set_private(revealed, False)
        return revealed

    def _store_card(self, card: Card) -> None:
        """Replace a checked card's stored entity, keeping its tags (stored as edges)."""
        self._graph._node[card.id]["entity"] = dataclasses.replace(card, segments=())
        self._people.note(card.id, CARD, people_of_card(card))
        self._card_flags.stored(card)


def _changed_fields(old: Any, new: Any) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(new) if getattr(old, f.name) != getattr(new, f.name))
