"""A map frozen at one moment, for work in another thread (exports, previews) while the map edits on.

``MapSnapshot.of(journey)`` is cheap: entities are frozen, so it keeps references to them and
copies only the orders (a few milliseconds for 2,000 cards, on the thread that owns the map);
``to_map()`` builds a private JourneyMap from it, the slower part, on the worker's thread. Nothing
the snapshot holds can change afterwards. Uses only JourneyMap's public API; imports
model.journey only.
"""
from __future__ import annotations

import copy
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from model.journey.entities import Card, CardLink, JourneyPath, Lane, Segment, Stage, Transition
from model.journey.journey_map import JourneyMap
from model.journey.workshop_entities import Comment, ParkingItem, Participant, PrivateRound, VoteRound


@dataclass(frozen=True)
class MapSnapshot:
    """Everything a map holds, in its orders; cards as (card, stage id, lane id) in cell order."""

    title: str
    language: str
    description: str
    extra: Mapping[str, Any]
    segments: tuple[Segment, ...]
    stages: tuple[Stage, ...]
    lanes: tuple[Lane, ...]
    cards: tuple[tuple[Card, str, str], ...]
    transitions: tuple[Transition, ...]
    paths: tuple[JourneyPath, ...]
    links: tuple[CardLink, ...]
    # The workshop's data (issue 14): cards name participants, so they come along too.
    participants: tuple[Participant, ...] = ()
    comments: tuple[Comment, ...] = ()
    parking_items: tuple[ParkingItem, ...] = ()
    vote_round: VoteRound | None = None
    private_round: PrivateRound | None = None

    @classmethod
    def of(cls, journey: JourneyMap) -> MapSnapshot:
        card = journey.card
        cards = tuple((card(card_id), stage_id, lane_id)
                      for (stage_id, lane_id), ids in journey.cells().items() for card_id in ids)
        return cls(journey.title, journey.language, journey.description, journey.extra,
                   journey.segments(), journey.stages(), journey.lanes(), cards,
                   journey.transitions(), journey.paths(), journey.links(),
                   journey.participants(), journey.comments(), journey.parking_items(),
                   journey.vote_round(), journey.private_round())

    def to_map(self) -> JourneyMap:
        """A new map equal to the one the snapshot was taken of (its own copy of ``extra``)."""
        journey = JourneyMap(self.title, self.language, self.description,
                             extra=copy.deepcopy(dict(self.extra)))
        for participant in self.participants:  # before the cards, comments and items naming them
            journey.add_participant(participant)
        for segment in self.segments:
            journey.add_segment(segment)
        for stage in self.stages:
            journey.add_stage(stage)
        for lane in self.lanes:
            journey.add_lane(lane)
        for card, stage_id, lane_id in self.cards:
            journey.add_card(card, stage_id, lane_id)
        for transition in self.transitions:
            journey.add_transition(transition)
        for path in self.paths:
            journey.add_path(path)
        for link in self.links:
            journey.add_link(link)
        self._add_workshop(journey)
        return journey

    def _add_workshop(self, journey: JourneyMap) -> None:
        for comment in sorted(self.comments, key=lambda c: bool(c.parent)):  # replies after parents
            journey.add_comment(comment)
        for item in self.parking_items:
            journey.add_parking_item(item)
        if self.vote_round is not None:
            journey.set_vote_round(self.vote_round)
        if self.private_round is not None:
            journey.set_private_round(self.private_round)
