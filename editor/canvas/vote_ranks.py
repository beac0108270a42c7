"""VoteRanks: the top N cards of a dot vote, kept at the cost of the edit rather than the map.

The canvas marks the N cards with most dots (ties in journey order). Working that out from
``JourneyMap.vote_ranking`` reads every card: 1.1 s at 50,000 cards, twice per drop and per undo
of a delete (issue 12). VoteRanks keeps the cards that have votes in buckets by their count, told
of each card event (``follow``); the top N are then the cards of the few highest counts, and
among the cards of one count only the first in journey order, found by sorting the bucket when it
is small, or by walking the cells in journey order until enough are found when it is large (a
bucket holding a good part of the map, as ties of one or two dots do, is met early in the walk).
Pure Python; imports model only. tests/editor/test_vote_ranks.py compares it with
``vote_ranking`` after every kind of card edit.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable

from model import Card, Event, JourneyMap

SMALL_BUCKET = 64  # sorted by journey position; a larger bucket is met walking the cells
# Events whose payload's "card_ids" came back (an undone stage/lane removal) or went with them.
_RESTORING = ("stage_added", "lane_added")
_REMOVING = ("stage_removed", "lane_removed")


class VoteRanks:
    def __init__(self, journey: JourneyMap) -> None:
        self.journey = journey
        self._votes: dict[str, int] = {}  # card id -> its votes, cards with votes only
        self._buckets: dict[int, set[str]] = {}  # votes -> the cards with that many

    def rebuild(self) -> None:
        """Read every card (when the marks are all refreshed: a map opened, a vote started)."""
        self._votes.clear()
        self._buckets.clear()
        for card in self.journey.cards():
            self._note(card.id, card.votes)

    def follow(self, event: Event) -> bool:
        """Take in a card event; True when the ranking may have changed."""
        kind, payload = event.type, event.payload
        if kind == "card_removed":
            return self._note(event.card_id, 0)
        if kind in ("card_added", "card_changed"):
            fields = payload.get("fields", ("votes", "private"))
            if kind == "card_added" or {"votes", "dots"} & set(fields):
                self._note(event.card_id, self.journey.card(event.card_id).votes)
            return kind == "card_added" or bool({"votes", "dots", "private"} & set(fields))
        if kind in _REMOVING:
            return any([self._note(card_id, 0) for card_id in payload.get("card_ids", ())])
        if kind in _RESTORING:
            for card_id in payload.get("card_ids", ()):
                self._note(card_id, self.journey.card(card_id).votes)
            return True
        if kind == "card_moved":  # ties go in journey order: a voted card's move may reorder them
            return event.card_id in self._votes
        return kind == "privacy_changed"

    def _note(self, card_id: str, votes: int) -> bool:
        """Record a card's votes (0: none, or gone); True if it had votes before."""
        old = self._votes.pop(card_id, 0)
        if old:
            bucket = self._buckets[old]
            bucket.discard(card_id)
            if not bucket:
                del self._buckets[old]
        if votes:
            self._votes[card_id] = votes
            self._buckets.setdefault(votes, set()).add(card_id)
        return bool(old)

    def top(self, count: int, hidden: Callable[[Card], bool]) -> dict[str, int]:
        """Card id -> rank (1 = most votes) of the first ``count`` cards not ``hidden``."""
        ranked: list[str] = []
        for votes in sorted(self._buckets, reverse=True):
            if len(ranked) >= count:
                break
            ranked += self._first_in_journey_order(self._buckets[votes], count - len(ranked),
                                                   hidden)
        return {card_id: rank for rank, card_id in enumerate(ranked, start=1)}

    def _first_in_journey_order(self, bucket: set[str], count: int,
                                hidden: Callable[[Card], bool]) -> list[str]:
        journey, found = self.journey, []
        if len(bucket) <= SMALL_BUCKET:
            candidates: Iterable[str] = journey.in_journey_order(bucket)
        else:
            candidates = (card_id for stage_id in journey.stage_ids()
                          for lane_id in journey.lane_ids()
                          for card_id in journey.cell_card_ids(stage_id, lane_id)
                          if card_id in bucket)
        for card_id in candidates:
            if not hidden(journey.card(card_id)):
                found.append(card_id)
                if len(found) == count:
                    break
        return found
