"""Two scenarios compared: stages aligned, cards added / removed / changed, emotion before → after.

``compare_maps(before, after)`` (or ``compare_scenarios`` for two Scenario objects) returns a
frozen ``Comparison``. Stages are aligned by id (a copy keeps them), then by name; lanes the same
way. Cards match by id, then, among those left, by the same aligned stage and lane and the same
title (ignoring case and spaces): a card re-created by hand still counts as the same one. A matched
card is "changed" when a design field differs (title, details, kind, channel, owner, colour,
segments, feeling, stakes, actions) or it sits in another stage or lane; votes and the workshop's
bookkeeping are not design changes. Emotions compare per aligned stage and per curve (all customers,
each segment). The summary words live in model.scenarios.compare_text. Pure; imports model.journey.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from model.journey.entities import ALL_CUSTOMERS, Card, CardKind
from model.journey.journey_map import JourneyMap

DESIGN_FIELDS = ("title", "details", "kind", "channel", "owner", "colour", "segments", "feeling",
                 "stakes", "actions")


@dataclass(frozen=True)
class StagePair:
    """One aligned stage: ``before_id``/``after_id`` None when it exists on one side only."""

    before_id: str | None
    after_id: str | None
    before_name: str
    after_name: str
    matched_by: str  # "id", "name", "" (one side only)

    @property
    def name(self) -> str:
        return self.after_name or self.before_name


@dataclass(frozen=True)
class EmotionChange:
    """An emotion of one curve at one aligned stage; None where the side has no value."""

    stage: StagePair
    curve: str  # "" (all customers) or a segment id
    curve_name: str  # "" for all customers, else the segment's name
    before: float | None
    after: float | None


@dataclass(frozen=True)
class CardChange:
    """A card added (before None), removed (after None) or changed (``fields`` name what)."""

    status: str  # "added", "removed", "changed"
    before: Card | None
    after: Card | None
    stage: StagePair  # where it sits (after, else before)
    lane_name: str
    fields: tuple[str, ...] = ()
    matched_by: str = ""  # "id" or "title" for a changed card

    @property
    def card(self) -> Card:
        return self.after or self.before  # type: ignore[return-value]


@dataclass(frozen=True)
class Comparison:
    before_name: str
    after_name: str
    language: str  # of the map after: the summary's language
    stages: tuple[StagePair, ...]
    cards: tuple[CardChange, ...]  # added, removed and changed, in stage order
    kind_counts: tuple[tuple[str, int, int], ...]  # (kind, before, after) per kind used, in
    # the order of CardKind
    emotions: tuple[EmotionChange, ...]  # every aligned stage and curve, changed or not

    def of_status(self, status: str) -> tuple[CardChange, ...]:
        return tuple(c for c in self.cards if c.status == status)

    def emotion_changes(self) -> tuple[EmotionChange, ...]:
        return tuple(e for e in self.emotions if e.before != e.after)


def compare_scenarios(before: Any, after: Any) -> Comparison:
    """Compare two model.scenarios.Scenario objects (their maps, under their names)."""
    return compare_maps(before.journey, after.journey, before.name, after.name)


def compare_maps(before: JourneyMap, after: JourneyMap, before_name: str = "",
                 after_name: str = "") -> Comparison:
    stages = align(before.stages(), after.stages())
    lanes = align(before.lanes(), after.lanes())
    cards = _CardMatcher(before, after, stages, lanes).changes()
    return Comparison(before_name, after_name, after.language, stages, cards,
                      _kind_counts(before, after), _emotions(before, after, stages))


# ----------------------------------------------------------------------------- alignment
def align(before: tuple, after: tuple) -> tuple[StagePair, ...]:
    """Elements with ``id`` and ``name`` aligned by id, then by name; in the after order, with
    each element of before only placed after its predecessor's place."""
    partner = _partners(before, after)
    before_index = {b.id: i for i, b in enumerate(before)}
    pairs: list[StagePair] = []
    emitted: set[str] = set()
    for element in after:
        match = partner.get(element.id)
        if match is not None:
            _emit_before(pairs, before, before_index[match.id], partner, emitted)
            emitted.add(match.id)
            how = "id" if match.id == element.id else "name"
            pairs.append(StagePair(match.id, element.id, match.name, element.name, how))
        else:
            pairs.append(StagePair(None, element.id, "", element.name, ""))
    _emit_before(pairs, before, len(before), partner, emitted)
    return tuple(pairs)


def _partners(before: tuple, after: tuple) -> dict[str, Any]:
    """after id -> the before element it aligns with."""
    before_ids = {b.id: b for b in before}
    partner = {a.id: before_ids[a.id] for a in after if a.id in before_ids}
    taken = {b.id for b in partner.values()}
    by_name: dict[str, Any] = {}
    for b in before:
        if b.id not in taken:
            by_name.setdefault(_folded(b.name), b)
    for a in after:
        if a.id not in partner and _folded(a.name) in by_name:
            partner[a.id] = by_name.pop(_folded(a.name))
    return partner


def _emit_before(pairs: list[StagePair], before: tuple, up_to: int, partner: dict[str, Any],
                 emitted: set[str]) -> None:
    matched = {b.id for b in partner.values()}
    for element in before[:up_to]:
        if element.id not in matched and element.id not in emitted:
            emitted.add(element.id)
            pairs.append(StagePair(element.id, None, element.name, "", ""))


def _folded(text: str) -> str:
    return "".join(text.split()).casefold()


# ----------------------------------------------------------------------------- cards
class _CardMatcher:
    def __init__(self, before: JourneyMap, after: JourneyMap, stages: tuple[StagePair, ...],
                 lanes: tuple[StagePair, ...]) -> None:
        self.before, self.after = before, after
        self.stage_of = _pair_index(stages)
        self.lane_of = _pair_index(lanes)
        self.stages, self.lanes = stages, lanes

    def changes(self) -> tuple[CardChange, ...]:
        before_ids = set(self.before.card_ids())
        pairs = [(c, c) for c in self.after.card_ids() if c in before_ids]
        matched_by = dict.fromkeys((a for _, a in pairs), "id")
        gone = [c for c in self.before.card_ids() if c not in set(self.after.card_ids())]
        new = [c for c in self.after.card_ids() if c not in before_ids]
        by_key: dict[tuple, list[str]] = {}
        for card_id in new:
            by_key.setdefault(self._key("after", card_id), []).append(card_id)
        removed = []
        for card_id in gone:
            candidates = by_key.get(self._key("before", card_id))
            if candidates:
                partner = candidates.pop(0)
                pairs.append((card_id, partner))
                matched_by[partner] = "title"
                new.remove(partner)
            else:
                removed.append(card_id)
        found = [self._changed(b, a, matched_by[a]) for b, a in pairs]
        found = [c for c in found if c is not None]
        found += [self._one_side("added", a) for a in new]
        found += [self._one_side("removed", b) for b in removed]
        order = {id(p): i for i, p in enumerate(self.stages)}
        return tuple(sorted(found, key=lambda c: order[id(c.stage)]))

    def _key(self, side: str, card_id: str) -> tuple:
        journey = getattr(self, side)
        place = journey.card_place(card_id)
        return (self.stage_of[side][place.stage], self.lane_of[side][place.lane],
                _folded(journey.card(card_id).title))

    def _changed(self, before_id: str, after_id: str, how: str) -> CardChange | None:
        old, new = self.before.card(before_id), self.after.card(after_id)
        fields = [f for f in DESIGN_FIELDS if getattr(old, f) != getattr(new, f)]
        old_place, new_place = self.before.card_place(before_id), self.after.card_place(after_id)
        if self.stage_of["before"][old_place.stage] != self.stage_of["after"][new_place.stage]:
            fields.append("stage")
        if self.lane_of["before"][old_place.lane] != self.lane_of["after"][new_place.lane]:
            fields.append("lane")
        if not fields:
            return None
        return CardChange("changed", old, new, self._stage("after", after_id),
                          self._lane_name("after", after_id), tuple(fields), how)

    def _one_side(self, status: str, card_id: str) -> CardChange:
        side = "after" if status == "added" else "before"
        card = getattr(self, side).card(card_id)
        return CardChange(status, card if side == "before" else None,
                          card if side == "after" else None, self._stage(side, card_id),
                          self._lane_name(side, card_id))

    def _stage(self, side: str, card_id: str) -> StagePair:
        stage_id = getattr(self, side).card_place(card_id).stage
        return self.stages[self.stage_of[side][stage_id]]

    def _lane_name(self, side: str, card_id: str) -> str:
        lane_id = getattr(self, side).card_place(card_id).lane
        return self.lanes[self.lane_of[side][lane_id]].name


def _pair_index(pairs: tuple[StagePair, ...]) -> dict[str, dict[str, int]]:
    index: dict[str, dict[str, int]] = {"before": {}, "after": {}}
    for i, pair in enumerate(pairs):
        if pair.before_id is not None:
            index["before"][pair.before_id] = i
        if pair.after_id is not None:
            index["after"][pair.after_id] = i
    return index


def _kind_counts(before: JourneyMap, after: JourneyMap) -> tuple[tuple[str, int, int], ...]:
    old = Counter(str(c.kind) for c in before.cards())
    new = Counter(str(c.kind) for c in after.cards())
    return tuple((str(kind), old[kind], new[kind]) for kind in CardKind if old[kind] or new[kind])


# ----------------------------------------------------------------------------- emotions
def _emotions(before: JourneyMap, after: JourneyMap,
              stages: tuple[StagePair, ...]) -> tuple[EmotionChange, ...]:
    names = {s.id: s.name for s in before.segments()} | {s.id: s.name for s in after.segments()}
    curves = [ALL_CUSTOMERS, *dict.fromkeys([*(s.id for s in before.segments()),
                                             *(s.id for s in after.segments())])]
    changes = []
    for curve in curves:
        for pair in stages:
            old = before.stage(pair.before_id).emotions.get(curve) if pair.before_id else None
            new = after.stage(pair.after_id).emotions.get(curve) if pair.after_id else None
            if old is not None or new is not None:
                changes.append(EmotionChange(pair, curve, names.get(curve, ""), old, new))
    return tuple(changes)
