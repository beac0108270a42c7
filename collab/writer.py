"""Local edits -> Yjs: the writes that make the document say what the local model now says about
the elements one undo step touched. No Qt; imports pycrdt, model.* and collab.* only.

Only fields that differ are written, so two people editing different fields of one card (title
and colour, or a move and a retitle) both keep their edit. Votes are added, not overwritten:
each client writes its own net contribution and the shown count is the sum (R8), so ten people
dot-voting one card at once all count. Orders change by rewriting the fewest keys (ordering.py).
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from pycrdt import Map

from model import JourneyMap
from model.journey import plain_data as form

from .layout import (
    DELETED,
    DOTS,
    EMOTIONS,
    ORDERED,
    PLACE,
    POS,
    TOMBSTONED,
    VOTES,
    canonical,
    model_record,
    same,
    vote_total,
)
from .ordering import assign_keys, fresh_keys
from .projection import Projection
from .reconcile import model_data


@dataclass
class Dirty:
    """What a local step touched: element ids per kind, and whether the map's own fields did."""

    ids: dict[str, set[str]] = field(default_factory=dict)
    meta: bool = False

    def add(self, kind: str, element_id: str) -> None:
        self.ids.setdefault(kind, set()).add(element_id)

    def __bool__(self) -> bool:
        return self.meta or any(self.ids.values())


@dataclass(frozen=True)
class Write:
    """One change to the document. ``field`` is None for a whole record (value) or a removal
    (value None); ``(kind, id, field)`` is what an undo conflict is judged on."""

    kind: str
    element_id: str
    field: str | None
    value: Any


def plan_writes(journey: JourneyMap, dirty: Dirty, target: Projection,
                raw: Mapping[str, Mapping[str, Mapping[str, Any]]], me: str) -> list[Write]:
    """The writes that make the document agree with the model on everything ``dirty`` names."""
    writes: list[Write] = []
    if dirty.meta:
        meta = raw.get("meta", {})
        writes += [Write("meta", "", name, getattr(journey, name))
                   for name in ("title", "language", "description")
                   if meta.get(name) != getattr(journey, name)]
        writes += [Write("meta", "", name, value) for name, value in _rounds(journey).items()
                   if not same(canonical(meta.get(name)), value)]
    positions = _positions(journey, dirty, target)
    for kind, ids in dirty.ids.items():
        for element_id in sorted(ids | {i for (k, i) in positions if k == kind}):
            writes += _element_writes(journey, kind, element_id, raw.get(kind, {}), me,
                                      positions, target)
    return writes


def _rounds(journey: JourneyMap) -> dict[str, Any]:
    return {"vote_round": form.vote_round_to_data(journey.vote_round()),
            "private_round": form.private_round_to_data(journey.private_round())}


def _element_writes(journey, kind, element_id, raws, me, positions, target) -> list[Write]:
    raw = raws.get(element_id)
    if journey.element_type(element_id) != kind:
        if raw is None or kind in TOMBSTONED and raw.get(DELETED) is True:
            return []
        return [Write(kind, element_id, DELETED if kind in TOMBSTONED else None,
                      True if kind in TOMBSTONED else None)]
    entity = getattr(journey, kind)(element_id)
    record = model_record(kind, model_data(journey, kind, element_id), entity.extra)
    position = positions.get((kind, element_id))
    if kind == "card":
        record[VOTES] = entity.unattributed_votes  # the dots go key by key
    if raw is None:
        if position is None:
            position = _kept_position(kind, journey, element_id)
        return [Write(kind, element_id, None, _full_record(kind, record, position, me))]
    writes = [Write(kind, element_id, name, value) for name, value in record.items()
              if name not in (EMOTIONS, VOTES, DOTS) and not same(canonical(raw.get(name)), value)]
    if raw.get(DELETED) is True:  # a restored stage or lane: its fields may have been edited
        writes.append(Write(kind, element_id, DELETED, False))
    if kind == "stage" and not same(canonical(raw.get(EMOTIONS)), record[EMOTIONS]):
        writes.append(Write(kind, element_id, EMOTIONS, record[EMOTIONS]))
    if kind == "card":
        writes += _vote_writes(entity, raw, target)
    if position is not None:
        writes.append(Write(kind, element_id, PLACE if kind == "card" else POS, position))
    return writes


def _vote_writes(card, raw, target: Projection) -> list[Write]:
    """The unattributed part goes into this client's counter (concurrent counts add up); the
    dots are set per participant, only where the model and the document differ for a
    participant shown (a participant's key is theirs: no two people write it)."""
    writes = []
    shown = target.records.get("card", {}).get(card.id)
    if shown is not None:
        unattributed = shown[VOTES] - sum(shown[DOTS].values())
    else:
        unattributed = max(0, round(vote_total(raw.get(VOTES))))
    if unattributed != card.unattributed_votes:
        writes.append(Write("card", card.id, VOTES, card.unattributed_votes - unattributed))
    current = raw.get(DOTS) if isinstance(raw.get(DOTS), Mapping) else {}
    live = set(target.orders.get("participant", ())) | set(card.dots)
    changes = {p: card.dots.get(p, 0) for p in live
               if canonical(current.get(p, 0)) != card.dots.get(p, 0)}
    if changes:
        writes.append(Write("card", card.id, DOTS, changes))
    return writes


def _kept_position(kind, journey, element_id):
    """A record written whole always carries its place (fallback: the end of its cell)."""
    if kind == "card":
        place = journey.card_place(element_id)
        return {"stage": place.stage, "lane": place.lane, "pos": ""}
    return "" if kind in ORDERED else None


def _full_record(kind: str, record: dict[str, Any], position: Any, me: str) -> dict[str, Any]:
    full = dict(record)
    if kind == "card":
        full[VOTES] = {me: record[VOTES]} if record[VOTES] else {}
        full[DOTS] = dict(record[DOTS])
    if position is not None:
        full[PLACE if kind == "card" else POS] = position
    return full


# ----------------------------------------------------------------------------- order keys
def _positions(journey: JourneyMap, dirty: Dirty, target: Projection) -> dict[tuple[str, str], Any]:
    """New order keys (or card places) for the orders and cells the step touched."""
    positions: dict[tuple[str, str], Any] = {}
    for kind in ORDERED:
        if dirty.ids.get(kind):
            order = [e.id for e in getattr(journey, f"{kind}s")()]
            keys = target.sort_keys.get(kind, {})
            current = {i: keys[i][0] for i in order if i in keys}
            positions.update(((kind, i), key) for i, key in assign_keys(order, current).items())
    cells = {_cell(journey, c) for c in dirty.ids.get("card", ()) if
             journey.element_type(c) == "card"}
    keys = target.sort_keys.get("card", {})
    for stage, lane in sorted(cells):
        order = journey.cell_card_ids(stage, lane)
        current = {c: keys[c][0] for c in order
                   if target.card_cell.get(c) == (stage, lane) and c in keys}
        new = assign_keys(order, current)
        for card_id in order:
            if card_id in new or card_id not in current:
                positions[("card", card_id)] = {"stage": stage, "lane": lane,
                                                "pos": new.get(card_id, current.get(card_id))}
    return positions


def _cell(journey: JourneyMap, card_id: str) -> tuple[str, str]:
    place = journey.card_place(card_id)
    return place.stage, place.lane


# ----------------------------------------------------------------------------- applying
def apply_writes(writes: list[Write], roots: Mapping[str, Map], meta: Map, me: str) -> None:
    """Carry out the writes; call inside one transaction."""
    for write in writes:
        if write.kind == "meta":
            meta[write.field] = write.value
            continue
        root = roots[write.kind]
        if write.field is None:
            if write.value is None:
                root.pop(write.element_id, None)
            else:
                root[write.element_id] = _prelim(write.value)
            continue
        record = root[write.element_id]
        if write.field == EMOTIONS:
            _write_emotions(record, write.value)
        elif write.field == DOTS:
            _write_dots(record, write.value)
        elif write.field == VOTES:
            _add_votes(record, me, write.value)
        elif write.field == DELETED and write.value is False:
            record.pop(DELETED, None)
        else:
            record[write.field] = write.value


def _prelim(record: dict[str, Any]) -> Map:
    values = dict(record)
    for name in (EMOTIONS, VOTES, DOTS):
        if name in values:
            values[name] = Map(dict(values[name]))
    return Map(values)


def _write_emotions(record: Map, emotions: dict[str, Any]) -> None:
    current = record.get(EMOTIONS)
    if not isinstance(current, Map):
        record[EMOTIONS] = Map(dict(emotions))
        return
    for key in [k for k in current.keys() if k not in emotions]:
        del current[key]
    for key, value in emotions.items():
        if canonical(current.get(key)) != value:
            current[key] = value


def _write_dots(record: Map, changes: dict[str, int]) -> None:
    """Set the changed participants' dots (0: the key goes)."""
    current = record.get(DOTS)
    if not isinstance(current, Map):
        record[DOTS] = Map({p: n for p, n in changes.items() if n})
        return
    for participant_id, count in changes.items():
        if count:
            current[participant_id] = count
        elif participant_id in current:
            del current[participant_id]


def _add_votes(record: Map, me: str, delta: float) -> None:
    current = record.get(VOTES)
    if not isinstance(current, Map):
        base = vote_total(current)
        record[VOTES] = Map({"base": base, me: delta} if base else {me: delta})
        return
    current[me] = (current.get(me) or 0) + delta


def publish_writes(journey: JourneyMap, me: str) -> list[Write]:
    """Every element of the map as whole records with fresh, evenly spread keys."""
    writes = [Write("meta", "", name, getattr(journey, name))
              for name in ("title", "language", "description")]
    writes += [Write("meta", "", name, value) for name, value in _rounds(journey).items()]
    for kind in ORDERED:
        ids = [e.id for e in getattr(journey, f"{kind}s")()]
        writes += [_whole(journey, kind, element_id, key, me)
                   for element_id, key in zip(ids, fresh_keys(len(ids)), strict=True)]
    for (stage, lane), card_ids in sorted(journey.cells().items()):
        writes += [_whole(journey, "card", card_id, {"stage": stage, "lane": lane, "pos": key}, me)
                   for card_id, key in zip(card_ids, fresh_keys(len(card_ids)), strict=True)]
    for kind in ("transition", "link", "comment"):
        writes += [_whole(journey, kind, e.id, None, me) for e in getattr(journey, f"{kind}s")()]
    return writes


def _whole(journey: JourneyMap, kind: str, element_id: str, position: Any, me: str) -> Write:
    entity = getattr(journey, kind)(element_id)
    record = model_record(kind, model_data(journey, kind, element_id), entity.extra)
    if kind == "card":
        record[VOTES] = entity.unattributed_votes
    return Write(kind, element_id, None, _full_record(kind, record, position, me))
