"""The journey map a Yjs document state stands for: "repair on read". Pure Python, no Qt; imports
collab.layout, collab.workshop_rules and model.fileformat.migrations (the format version) only.

Concurrent edits can leave states no single person made: a card in a stage someone deleted, a
transition to a removed stage, a tag of a deleted segment, two elements with one id. Instead of
writing repairs back (two peers repairing at once would fight, and a repair could overwrite a
later real edit), every peer derives its model from the document with the same deterministic
rules, numbered R1-R12 in docs/collaboration.md (the workshop's, R10-R12, in workshop_rules.py).
Equal documents give equal maps on every peer, and a card is never dropped: it is shown
somewhere visible and a ``Notice`` says where.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from model.fileformat.migrations import CURRENT_VERSION

from .layout import (
    DELETED,
    DOTS,
    KINDS,
    ORDERED,
    TOMBSTONED,
    VOTES,
    clean_meta,
    clean_record,
    place_of,
    pos_of,
    valid_id,
)
from .workshop_rules import VoteLimits, clean_people, project_comments

RECOVERED = {"stage": "recovered-stage", "lane": "recovered-lane"}
RECOVERED_NAME = {"stage": "Recovered cards", "lane": "Recovered cards"}
Raw = dict[str, dict[str, Mapping[str, Any]]]  # kind -> id -> record as read from the document


@dataclass(frozen=True)
class Notice:
    """Something the person should know about a merge: a card shown elsewhere, a record ignored."""

    kind: str  # "card_relocated" or "record_ignored"
    element_id: str
    message: str


@dataclass
class Projection:
    meta: dict[str, Any] = field(default_factory=dict)
    records: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)
    orders: dict[str, list[str]] = field(default_factory=dict)
    sort_keys: dict[str, dict[str, tuple[str, str]]] = field(default_factory=dict)
    claims: dict[str, str] = field(default_factory=dict)  # id -> kind, segment..card
    card_cell: dict[str, tuple[str, str]] = field(default_factory=dict)
    cells: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    relocated: dict[str, Notice] = field(default_factory=dict)
    ignored: dict[tuple[str, str], Notice] = field(default_factory=dict)
    # card id -> (raw record, live segments and participants, clean record): a record read
    # again only when its raw form is a new object (the engine replaces it on every change), so
    # a structural edit does not clean 10,000 unchanged cards again.
    card_cache: dict[str, tuple[Any, tuple, dict[str, Any]]] = field(default_factory=dict)
    limits: VoteLimits = field(default_factory=VoteLimits)  # R11: dots within the vote's rules

    def to_data(self) -> dict[str, Any]:
        """The `.journey` data form (what ``model.fileformat.serialize.map_from_data`` builds a map from)."""
        extra = self.meta["extra"]
        data = {"format": "journey-map", "version": CURRENT_VERSION, **extra["top"],
                "map": {**extra["map"], **{k: self.meta[k] for k in ("title", "language",
                                                                      "description")}}}
        for kind in ("segment", "stage", "lane", "path", "participant"):
            data[kind + "s"] = [self.records[kind][i] for i in self.orders[kind]]
        data["cards"] = [{**self.records["card"][c], "stage": s, "lane": lane}
                         for s in self.orders["stage"] for lane in self.orders["lane"]
                         for c in self.cells.get((s, lane), ())]
        data["transitions"] = list(self.records["transition"].values())
        data["links"] = list(self.records["link"].values())
        data["comments"] = list(self.records["comment"].values())
        data["parking_lot"] = [self.records["parking_item"][i] for i in self.orders["parking_item"]]
        data["vote_round"], data["private_round"] = self.meta["vote_round"], self.meta["private_round"]
        return data


def project(meta: Mapping[str, Any], raw: Raw, previous: Projection | None = None) -> Projection:
    """The whole repaired map of a document state (R1-R9); ``previous`` lends its cache."""
    result = Projection(meta=clean_meta(meta))
    if previous is not None:
        result.card_cache = previous.card_cache
    _claim_ids(result, raw)
    for kind in ORDERED:
        _project_ordered(result, kind, raw.get(kind, {}))
    _project_cards(result, raw, result.records.get("card", {}).keys() | raw.get("card", {}).keys())
    _project_relations(result, raw)
    project_comments(result, raw)
    return result


def update_cards(result: Projection, raw: Raw, card_ids: Iterable[str]
                 ) -> tuple[set[tuple[str, str]], set[str], set[str]] | None:
    """Re-derive only some cards (the common edit): the changed cells, the cards that came or
    went, and other cards whose dots shown changed with them (R11). None when an id clash needs
    the whole projection (R1 decides those)."""
    card_ids = list(card_ids)
    cards_raw = raw.get("card", {})
    for card_id in card_ids:
        claimed = result.claims.get(card_id)
        if card_id not in cards_raw:
            if claimed == "card":
                del result.claims[card_id]
        elif claimed not in (None, "card") or not valid_id(card_id) \
                or ("card", card_id) in result.ignored:
            return None
        else:
            result.claims[card_id] = "card"
    before = {c for c in card_ids if c in result.records.get("card", {})}
    touched, limited = _project_cards(result, raw, card_ids)
    after = {c for c in card_ids if c in result.records["card"]}
    return touched, before ^ after, limited


def links_touching(raw: Raw, card_ids: set[str]) -> set[str]:
    """Ids of the link records that name one of ``card_ids`` (without cleaning them all)."""
    if not card_ids:
        return set()
    return {i for i, r in raw.get("link", {}).items()
            if r.get("source") in card_ids or r.get("target") in card_ids}


def update_relation(result: Projection, raw: Raw, kind: str, element_id: str) -> bool:
    """Re-derive one transition or link; False when an id clash needs the whole projection."""
    record_raw = raw.get(kind, {}).get(element_id)
    claimed = result.claims.get(element_id)
    result.records[kind].pop(element_id, None)
    if record_raw is None:
        if claimed == kind:
            del result.claims[element_id]
        return True
    if claimed not in (None, kind) or not valid_id(element_id) \
            or (kind, element_id) in result.ignored:
        return False
    result.claims[element_id] = kind
    _keep_if_joined(result, kind, element_id, record_raw)
    return True


# ----------------------------------------------------------------------------- R1: ids
def _claim_ids(result: Projection, raw: Raw) -> None:
    """R1: an id names one element. Kinds claim ids in the order of KINDS, each kind in id
    order; a record whose id is invalid or already claimed is ignored (and reported)."""
    result.claims = {}
    result.ignored = {}
    for kind in KINDS:
        for element_id in sorted(raw.get(kind, {})):
            if not valid_id(element_id) or element_id in result.claims:
                _ignore(result, kind, element_id)
            else:
                result.claims[element_id] = kind


def _ignore(result: Projection, kind: str, element_id: str) -> None:
    result.ignored[(kind, element_id)] = Notice(
        "record_ignored", element_id[:80], f"a {kind} record with the id {element_id[:80]!r} "
        "was ignored: the id is invalid or used by another element")


# ----------------------------------------------------------------------------- R2-R4
def _live(kind: str, raw: Mapping[str, Any]) -> bool:
    return not (kind in TOMBSTONED and raw.get(DELETED) is True)


def _project_ordered(result: Projection, kind: str, raw: Mapping[str, Mapping[str, Any]]) -> None:
    """R2: live stages, lanes, segments and paths in (order key, id) order; R3: tags, emotions
    and path steps that name no live element are left out."""
    keys = {i: (pos_of(r), i) for i, r in raw.items() if result.claims.get(i) == kind}
    live = sorted((keys[i], i) for i in keys if _live(kind, raw[i]))
    result.sort_keys[kind] = keys
    result.orders[kind] = [i for _, i in live]
    result.records[kind] = {i: _clean_ordered(result, kind, i, raw[i]) for _, i in live}


def _clean_ordered(result: Projection, kind: str, element_id: str, raw: Mapping[str, Any]):
    record = clean_record(kind, element_id, raw)
    if kind == "stage":
        segments = set(result.orders["segment"])
        record["emotions"] = {k: v for k, v in record["emotions"].items()
                              if k == "" or k in segments}
    elif kind == "path":
        stages = set(result.orders["stage"])
        record["stages"] = [s for s in record["stages"] if s in stages]
    elif kind == "parking_item":
        clean_people(record, set(result.orders["participant"]))
    return record


def update_record(result: Projection, raw: Raw, kind: str, element_id: str) -> bool:
    """Re-derive one live stage, lane, segment or path whose fields (not its key, not its
    life) changed; False when nothing shown depends on it."""
    if element_id not in result.records[kind] or element_id not in raw.get(kind, {}):
        return False
    result.records[kind][element_id] = _clean_ordered(result, kind, element_id,
                                                      raw[kind][element_id])
    return True


def _project_cards(result: Projection, raw: Raw, card_ids: Iterable[str]
                   ) -> tuple[set[tuple[str, str]], set[str]]:
    """R4: every card is shown. One whose stage or lane is gone goes to the live stage (lane)
    that followed the removed one, else the last; with none left, to a "Recovered cards"
    stage (lane). R5: a card's tags name live segments only. R10: it names live participants
    only. Cells sort by (key, id). Returns the touched cells and the other cards whose dots
    shown changed (R11)."""
    cards = result.records.setdefault("card", {})
    keys = result.sort_keys.setdefault("card", {})
    touched: set[tuple[str, str]] = set()
    incoming: dict[tuple[str, str], list[str]] = {}
    live = (tuple(result.orders["segment"]), tuple(result.orders["participant"]))
    segments, participants = set(live[0]), set(live[1])
    card_ids = list(card_ids)
    for card_id in card_ids:
        old = result.card_cell.pop(card_id, None)
        if old is not None:
            touched.add(old)
        cards.pop(card_id, None)
        keys.pop(card_id, None)
        result.relocated.pop(card_id, None)
        card_raw = raw.get("card", {}).get(card_id)
        if card_raw is None or result.claims.get(card_id) != "card":
            result.card_cache.pop(card_id, None)
            result.limits.forget(card_id)
            continue
        cached = result.card_cache.get(card_id)
        if cached is not None and cached[0] is card_raw and cached[1] == live:
            record = cached[2]
        else:
            record = clean_record("card", card_id, card_raw)
            record["segments"] = [s for s in record["segments"] if s in segments]
            _count_dots(record, participants)
            result.card_cache[card_id] = (card_raw, live, record)
        result.limits.note(card_id, record[DOTS])
        cards[card_id] = record
        keys[card_id] = (place_of(card_raw)[2], card_id)
        result.card_cell[card_id] = cell = _cell_for(result, raw, card_id, card_raw)
        incoming.setdefault(cell, []).append(card_id)
        touched.add(cell)
    for cell in touched:
        members = [c for c in result.cells.get(cell, ()) if result.card_cell.get(c) == cell
                   and c not in incoming.get(cell, ())]
        members = sorted(members + incoming.get(cell, []), key=keys.__getitem__)
        if members:
            result.cells[cell] = members
        else:
            result.cells.pop(cell, None)
    _ensure_recovered(result)
    cache = result.card_cache
    limited = result.limits.apply(result.meta["vote_round"], cards,
                                  {c: cache[c][2] for c in card_ids if c in cards},
                                  lambda c: cache[c][2] if c in cache else None)
    return touched, limited - set(card_ids)


def _count_dots(record: dict[str, Any], participants: set[str]) -> None:
    """R10 for a card: authorship naming no live participant reads as "" and the dots of one
    count as unattributed votes (the total stays); ``votes`` becomes the total (R8 + dots)."""
    clean_people(record, participants)
    unknown = sum(n for p, n in record[DOTS].items() if p not in participants)
    record[DOTS] = {p: n for p, n in record[DOTS].items() if p in participants}
    record[VOTES] = record[VOTES] + unknown + sum(record[DOTS].values())


def _cell_for(result: Projection, raw: Raw, card_id: str, card_raw) -> tuple[str, str]:
    stage, lane, _ = place_of(card_raw)
    cell = (_nearest(result, raw, "stage", stage), _nearest(result, raw, "lane", lane))
    if cell != (stage, lane):
        result.relocated[card_id] = Notice(
            "card_relocated", card_id,
            f"card {card_id} was in a stage or lane that was removed meanwhile; "
            f"it is now shown in {cell[0]} / {cell[1]}")
    return cell


def _nearest(result: Projection, raw: Raw, kind: str, element_id: str) -> str:
    order = result.orders[kind]
    if element_id in result.records[kind]:
        return element_id
    if not order:
        return RECOVERED[kind]
    gone = result.sort_keys[kind].get(element_id)
    if gone is None:
        return order[0]
    keys = result.sort_keys[kind]
    return next((i for i in order if keys[i] > gone), order[-1])


def _ensure_recovered(result: Projection) -> None:
    """The "Recovered cards" stage or lane exists exactly while a card needs it."""
    for kind, index in (("stage", 0), ("lane", 1)):
        needed = any(cell[index] == RECOVERED[kind] for cell in result.cells)
        present = RECOVERED[kind] in result.records[kind]
        if needed and not present:
            result.records[kind][RECOVERED[kind]] = clean_record(
                kind, RECOVERED[kind], {"name": RECOVERED_NAME[kind]})
            result.orders[kind].append(RECOVERED[kind])
        elif present and not needed and RECOVERED[kind] not in result.sort_keys[kind]:
            del result.records[kind][RECOVERED[kind]]
            result.orders[kind].remove(RECOVERED[kind])


# ----------------------------------------------------------------------------- R6-R7
def _project_relations(result: Projection, raw: Raw) -> None:
    """R6: a transition joins two different live stages; R7: a link joins two different cards.
    Anything else is left out (the element it hung on was removed)."""
    for kind in ("transition", "link"):
        result.records[kind] = {}
        for element_id in sorted(raw.get(kind, {})):
            if (kind, element_id) not in result.ignored:
                _keep_if_joined(result, kind, element_id, raw[kind][element_id])


def _keep_if_joined(result: Projection, kind: str, element_id: str, record_raw) -> None:
    ends = result.records["stage" if kind == "transition" else "card"]
    record = clean_record(kind, element_id, record_raw)
    if record["source"] in ends and record["target"] in ends \
            and record["source"] != record["target"]:
        result.records[kind][element_id] = record
