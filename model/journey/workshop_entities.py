"""The workshop's elements as immutable values: participants, comments, parking-lot items and
the settings of a dot vote and of a private (silent brainstorming) round. Pure Python; imports
model.journey.entities only.

Like the other entities they are frozen (the map stores replaced copies) and keep unknown file
fields in ``extra``. Times are ISO 8601 texts (``2025-03-14T09:30:00+00:00``), "" when unknown;
people are named by participant id, "" when unknown.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from model.journey.entities import CardKind

DEFAULT_DOTS = 3  # dots per participant when a facilitator does not say (3-5 is the practice)


def _frozen(value: Mapping[str, Any] | None) -> Mapping[str, Any]:
    return MappingProxyType(dict(value or {}))


@dataclass(frozen=True)
class Participant:
    """Someone who took part: voted, commented, wrote a card or a parking-lot item."""

    id: str
    name: str
    colour: str = "#4e79a7"
    extra: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "extra", _frozen(self.extra))


@dataclass(frozen=True)
class Comment:
    """A comment on a card; a reply names its ``parent`` (a top-level comment of the same card:
    threads are one level deep)."""

    id: str
    card: str
    text: str = ""
    author: str = ""
    created_at: str = ""
    parent: str = ""
    resolved: bool = False
    edited_at: str = ""
    extra: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "extra", _frozen(self.extra))


@dataclass(frozen=True)
class ParkingItem:
    """An off-topic point parked for later; it may be turned into a card."""

    id: str
    text: str = ""
    author: str = ""
    created_at: str = ""
    extra: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "extra", _frozen(self.extra))


@dataclass(frozen=True)
class VoteRound:
    """The settings and state of a dot vote, saved with the map so a vote survives a reopen.

    ``kinds`` empty means every card kind can be voted on; ``max_per_card`` 0 means no limit
    (it caps one participant's dots on one card). ``anonymous``: results show totals only.
    ``revealed``: everyone sees everyone's dots (before, each sees only their own)."""

    active: bool = False
    dots_per_participant: int = DEFAULT_DOTS
    kinds: tuple[CardKind, ...] = ()
    max_per_card: int = 0
    anonymous: bool = False
    revealed: bool = False
    started_at: str = ""
    ended_at: str = ""
    extra: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "kinds", tuple(CardKind(k) for k in self.kinds))
        object.__setattr__(self, "extra", _frozen(self.extra))

    def votable(self, kind: CardKind | str) -> bool:
        return not self.kinds or CardKind(kind) in self.kinds


@dataclass(frozen=True)
class PrivateRound:
    """Silent brainstorming: while ``active``, new cards are private to their author."""

    active: bool = False
    started_at: str = ""
    ended_at: str = ""
    extra: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "extra", _frozen(self.extra))
