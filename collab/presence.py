"""Presence: who is in the session, in which colour, with which cards selected. Pure Python.

The awareness state follows the y-protocols convention, so a browser client's cursor library
shows our people too: ``{"user": {"name": ..., "color": "#rrggbb"}, "selection": [card ids]}``.
A participant whose state vanished (left, connection closed, or silent for 30 s) stays
listed as not connected. Other top-level fields of a state (``workshop``: the facilitator's
presentation and timer, docs/workshop.md) are ``PeerFields``: what each other client publishes.
"""
from __future__ import annotations

import copy
import hashlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

PALETTE = ("#e15759", "#4e79a7", "#59a14f", "#f28e2b", "#b07aa1", "#76b7b2", "#edc948",
           "#ff9da7", "#9c755f", "#bab0ac")
_COLOUR_RE = re.compile(r"^#[0-9a-fA-F]{6}$")
MAX_NAME, MAX_SELECTION = 80, 10_000
PRESENCE_FIELDS = frozenset({"user", "selection"})  # presence's own; other fields are PeerFields


@dataclass(frozen=True)
class Participant:
    client_id: int
    name: str
    colour: str
    selection: tuple[str, ...] = ()
    connected: bool = True
    is_me: bool = False


def colour_for(name: str) -> str:
    """A stable colour for a name, so a person keeps their colour across sessions."""
    digest = hashlib.sha256(name.encode("utf-8")).digest()
    return PALETTE[digest[0] % len(PALETTE)]


def presence_state(name: str, colour: str, selection: Iterable[str] = ()) -> dict[str, Any]:
    return {"user": {"name": name, "color": colour}, "selection": list(selection)}


def participant(client_id: int, state: Mapping[str, Any], me: int) -> Participant | None:
    """A participant from an awareness state; None for a state that is not a person's (the
    server's own empty state). Malformed fields from other clients are cut down, never trusted."""
    user = state.get("user") if isinstance(state, Mapping) else None
    if not isinstance(user, Mapping):
        return None
    name = user.get("name") if isinstance(user.get("name"), str) else ""
    colour = user.get("color") if isinstance(user.get("color"), str) else ""
    selection = state.get("selection")
    selection = selection if isinstance(selection, list) else []
    return Participant(
        client_id, name[:MAX_NAME] or f"guest {client_id % 1000}",
        colour if _COLOUR_RE.match(colour) else colour_for(name),
        tuple(s for s in selection[:MAX_SELECTION] if isinstance(s, str)),
        True, client_id == me)


class Roster:
    """Everyone seen in the session, connected or not, updated from awareness states."""

    def __init__(self, me: int) -> None:
        self.me = me
        self._people: dict[int, Participant] = {}

    def update(self, states: Mapping[int, Mapping[str, Any]]) -> bool:
        """Take the current awareness states; True when the list changed."""
        before = dict(self._people)
        for client_id, person in list(self._people.items()):
            if client_id not in states and person.connected:
                self._people[client_id] = Participant(person.client_id, person.name,
                                                      person.colour, (), False, person.is_me)
        for client_id, state in states.items():
            person = participant(client_id, state, self.me)
            if person is not None:
                self._people[client_id] = person
        return before != self._people

    def participants(self) -> list[Participant]:
        return sorted(self._people.values(), key=lambda p: (not p.is_me, p.name, p.client_id))

    def connected_count(self) -> int:
        return sum(p.connected for p in self._people.values())


class PeerFields:
    """The awareness fields beside presence that the *other* clients publish (client id ->
    {field: value}), copied so another thread may read them; ``update`` says whether they
    changed, so a selection change, which touches none of them, reports nothing."""

    def __init__(self, me: int) -> None:
        self.me = me
        self._fields: dict[int, dict[str, Any]] = {}

    def update(self, states: Mapping[int, Mapping[str, Any]]) -> bool:
        fields = {}
        for client_id, state in states.items():
            if client_id == self.me or not isinstance(state, Mapping):
                continue
            own = {k: copy.deepcopy(v) for k, v in state.items()
                   if isinstance(k, str) and k not in PRESENCE_FIELDS}
            if own:
                fields[client_id] = own
        changed, self._fields = fields != self._fields, fields
        return changed

    def fields(self) -> dict[int, dict[str, Any]]:
        return copy.deepcopy(self._fields)


def check_field_name(name: str) -> str:
    """A field a client may publish beside presence: not ``user`` or ``selection``."""
    if not isinstance(name, str) or not name or name in PRESENCE_FIELDS:
        raise ValueError(f"not an awareness field beside presence: {name!r}")
    return name
