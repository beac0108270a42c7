"""The elements of a journey map as immutable values. Pure Python; imports nothing of the project.

Entities are frozen: the map hands them out freely and changes one by storing a replaced copy, so no
caller can alter the map behind its back. Unknown file fields ride along in ``extra``.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType
from typing import Any

COLOUR_RE = re.compile(r"^#[0-9a-fA-F]{6}$")
EMOTION_MIN, EMOTION_MAX = -2.0, 2.0
ALL_CUSTOMERS = ""  # the emotions key for the curve of all customers, i.e. no segment


class CardKind(StrEnum):
    NOTE = "note"
    TOUCHPOINT = "touchpoint"
    MOMENT_OF_TRUTH = "moment_of_truth"
    PAIN_POINT = "pain_point"
    IDEA = "idea"
    MILESTONE = "milestone"
    KPI = "kpi"


class LaneKind(StrEnum):
    TEXT = "text"
    TOUCHPOINTS = "touchpoints"
    EMOTION = "emotion"
    PAIN_POINTS = "pain_points"
    IDEAS = "ideas"
    BACKSTAGE = "backstage"
    KPIS = "kpis"
    ACTIONS = "actions"
    EXPERIENCES = "experiences"
    SERVICES = "services"
    GOALS = "goals"


class TransitionKind(StrEnum):
    FORWARD = "forward"
    SKIP = "skip"
    BACK = "back"


class LinkKind(StrEnum):
    ADDRESSES = "addresses"


def _frozen_mapping(value: Mapping[str, Any] | None) -> Mapping[str, Any]:
    return MappingProxyType(dict(value or {}))


def _by_key(item: tuple[Any, Any]) -> str:
    return str(item[0])


@dataclass(frozen=True)
class ExitCriterion:
    """A milestone to reach before the next stage, with an optional measurable target."""

    text: str
    kpi: str = ""
    extra: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "extra", _frozen_mapping(self.extra))


@dataclass(frozen=True)
class Segment:
    id: str
    name: str
    colour: str = "#4e79a7"
    extra: Mapping[str, Any] = field(default_factory=dict, compare=True)

    def __post_init__(self) -> None:
        object.__setattr__(self, "extra", _frozen_mapping(self.extra))


@dataclass(frozen=True)
class Stage:
    id: str
    name: str
    overview: str = ""
    exit_criteria: tuple[ExitCriterion, ...] = ()
    emotions: Mapping[str, float] = field(default_factory=dict)
    extra: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "exit_criteria", tuple(self.exit_criteria))
        object.__setattr__(self, "emotions", _frozen_mapping(self.emotions))
        object.__setattr__(self, "extra", _frozen_mapping(self.extra))


@dataclass(frozen=True)
class Lane:
    id: str
    name: str
    kind: LaneKind = LaneKind.TEXT
    extra: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", LaneKind(self.kind))
        object.__setattr__(self, "extra", _frozen_mapping(self.extra))


@dataclass(frozen=True)
class Card:
    """A sticky note. Where it sits (stage, lane, order) is a relation in the map, not a field."""

    id: str
    kind: CardKind = CardKind.NOTE
    title: str = ""
    details: str = ""
    channel: str = ""
    owner: str = ""
    colour: str = ""
    segments: tuple[str, ...] = ()
    votes: int = 0
    feeling: str = ""
    stakes: str = ""
    actions: str = ""
    extra: Mapping[str, Any] = field(default_factory=dict)
    # Workshop fields (format version 2), after ``extra`` so positional construction still works.
    # ``votes`` is the card's total; ``dots`` the named part of it, participant id -> dots; the
    # rest (``unattributed_votes``) was counted by hand or came from a version 1 file.
    dots: Mapping[str, int] = field(default_factory=dict)
    private: bool = False  # a silent-brainstorming card shown only to its author until revealed
    created_by: str = ""  # participant ids and ISO 8601 times; "" when not known
    created_at: str = ""
    edited_by: str = ""
    edited_at: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", CardKind(self.kind))
        object.__setattr__(self, "segments", tuple(self.segments))
        object.__setattr__(self, "extra", _frozen_mapping(self.extra))
        object.__setattr__(self, "dots", _frozen_mapping(dict(sorted(dict(self.dots).items(), key=_by_key))))

    @property
    def unattributed_votes(self) -> int:
        """The votes no participant is named for (``votes`` minus the named dots)."""
        return self.votes - sum(self.dots.values())


@dataclass(frozen=True)
class Transition:
    id: str
    source: str
    target: str
    kind: TransitionKind = TransitionKind.FORWARD
    trigger: str = ""
    conversion_rate: float | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", TransitionKind(self.kind))
        object.__setattr__(self, "extra", _frozen_mapping(self.extra))


@dataclass(frozen=True)
class JourneyPath:
    id: str
    name: str
    stages: tuple[str, ...] = ()
    colour: str = "#e15759"
    extra: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "stages", tuple(self.stages))
        object.__setattr__(self, "extra", _frozen_mapping(self.extra))


@dataclass(frozen=True)
class CardLink:
    id: str
    source: str
    target: str
    kind: LinkKind = LinkKind.ADDRESSES
    extra: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", LinkKind(self.kind))
        object.__setattr__(self, "extra", _frozen_mapping(self.extra))


@dataclass(frozen=True)
class CardPlace:
    """Where a card sits: its cell and its index inside the cell."""

    stage: str
    lane: str
    index: int
