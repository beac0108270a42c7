"""Bring a JourneyMap to a Projection through the model's public mutators. Pure Python, no Qt;
imports model.* and collab.layout/projection only.

Only what differs is changed, so the editor's views receive the few events of a remote edit
(one card moved: one ``card_moved``). The order of the steps keeps every mutator call valid:
new segments before the tags and emotions that name them, new stages and lanes before the cards
placed in them, cards moved out before their old stage or lane is removed.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

from model import JourneyMap
from model.journey import plain_data as form

from .layout import FIELDS, same
from .projection import Projection

TO_DATA = {"segment": form.segment_to_data, "stage": form.stage_to_data,
           "lane": form.lane_to_data, "card": form.card_to_data, "path": form.path_to_data,
           "transition": form.transition_to_data, "link": form.link_to_data,
           "participant": form.participant_to_data, "comment": form.comment_to_data,
           "parking_item": form.parking_item_to_data}
FROM_DATA = {"segment": form.segment_from_data, "stage": form.stage_from_data,
             "lane": form.lane_from_data, "card": form.card_from_data, "path": form.path_from_data,
             "transition": form.transition_from_data, "link": form.link_from_data,
             "participant": form.participant_from_data, "comment": form.comment_from_data,
             "parking_item": form.parking_item_from_data}
ROUND_FORMS = {"vote_round": (form.vote_round_to_data, form.vote_round_from_data),
               "private_round": (form.private_round_to_data, form.private_round_from_data)}


@dataclass
class Scope:
    """What a reconcile compares: everything, or the given cards and cells (plus the few
    transitions, links and paths, which are always compared)."""

    full: bool = False
    cards: set[str] = field(default_factory=set)
    cells: set[tuple[str, str]] = field(default_factory=set)
    elements: set[tuple[str, str]] = field(default_factory=set)  # (kind, id), kind in ORDERED
    relations: set[tuple[str, str]] = field(default_factory=set)  # (kind, id): transitions, links
    comments: bool = False  # compare all comments (they are few; replies hang on parents)


def model_data(journey: JourneyMap, kind: str, element_id: str) -> dict[str, Any]:
    """An element of the map in its `.journey` data form (a card without its place)."""
    return TO_DATA[kind](getattr(journey, kind)(element_id))


def field_changes(kind: str, current: dict[str, Any], target: dict[str, Any]) -> dict[str, Any]:
    """The mutator keyword arguments that turn ``current`` into ``target`` (data forms)."""
    known = FIELDS[kind]
    names = [n for n in known if n not in ("source", "target")
             and not (current.get(n) == target.get(n) and same(current.get(n), target.get(n)))]
    if not same(_extra(current, known), _extra(target, known)):
        names.append("extra")
    if not names:
        return {}
    entity = FROM_DATA[kind](target)
    return {name: getattr(entity, name) for name in names}


def _extra(data: dict[str, Any], known: tuple[str, ...]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k not in known and k not in ("id", "stage", "lane")}


class Reconciler:
    def __init__(self, journey: JourneyMap) -> None:
        self.journey = journey

    def apply(self, target: Projection, scope: Scope, previous: Projection | None = None) -> None:
        """``previous``: the projection the map already equals; with it a full reconcile
        compares only the cards whose record or cell is not the very same any more."""
        self._previous = previous
        self._map_fields(target)
        if scope.full:  # participants before the cards, comments and items naming them
            for kind in ("segment", "stage", "lane", "participant"):
                self._add_or_update(target, kind)
        for kind, element_id in sorted(scope.elements):
            self._update(target, kind, element_id)
        self._cards(target, scope)
        if scope.full:
            self._transitions(target)
            self._add_or_update(target, "path")
            self._remove_missing(target, "path")
            self._links(target)
        else:
            for kind, element_id in sorted(scope.relations):
                self._relation(target, kind, element_id)
        if scope.full or scope.comments:
            self._comments(target)
        if scope.full:
            self._add_or_update(target, "parking_item")
            for kind in ("segment", "stage", "lane", "parking_item", "participant"):
                self._remove_missing(target, kind)
            for kind in ("stage", "lane", "participant", "parking_item"):
                self._reorder(target, kind)
            self._reorder_by_restore(target, "segment")
            self._reorder_by_restore(target, "path")

    # ------------------------------------------------------------------------- elements
    def _map_fields(self, target: Projection) -> None:
        journey = self.journey
        changes = {name: target.meta[name] for name in ("title", "language", "description")
                   if getattr(journey, name) != target.meta[name]}
        if changes:
            journey.set_fields(**changes)
        for name, (to_data, from_data) in ROUND_FORMS.items():
            if not same(to_data(getattr(journey, name)()), target.meta[name]):
                getattr(journey, f"set_{name}")(from_data(target.meta[name]))

    def _add_or_update(self, target: Projection, kind: str) -> None:
        journey, records = self.journey, target.records[kind]
        for index, element_id in enumerate(target.orders[kind]):
            record = records[element_id]
            if journey.element_type(element_id) != kind:
                count = len(getattr(journey, f"{kind}s")())
                getattr(journey, f"add_{kind}")(FROM_DATA[kind](record), min(index, count))
                continue
            self._update(target, kind, element_id)

    def _update(self, target: Projection, kind: str, element_id: str) -> None:
        record = target.records[kind].get(element_id)
        if record is None or self.journey.element_type(element_id) != kind:
            return
        changes = field_changes(kind, model_data(self.journey, kind, element_id), record)
        if changes:
            getattr(self.journey, f"update_{kind}")(element_id, **changes)

    def _remove_missing(self, target: Projection, kind: str) -> None:
        present = [e.id for e in getattr(self.journey, f"{kind}s")()]
        for element_id in present:
            if element_id not in target.records[kind]:
                getattr(self.journey, f"remove_{kind}")(element_id)

    # ------------------------------------------------------------------------- cards
    def _cards(self, target: Projection, scope: Scope) -> None:
        journey, records = self.journey, target.records["card"]
        if scope.full:
            ids, cells = self._changed_cards(target)
        else:
            ids = scope.cards
            cells = scope.cells | {target.card_cell[c] for c in ids if c in target.card_cell}
        for card_id in [c for c in ids if c not in records and journey.element_type(c) == "card"]:
            journey.remove_card(card_id)
        for card_id in ids:
            if card_id in records and journey.element_type(card_id) == "card":
                changes = field_changes("card", model_data(journey, "card", card_id),
                                        records[card_id])
                if changes:
                    journey.update_card(card_id, **changes)
        for cell in sorted(cells):
            self._place_cell(target, cell)

    def _changed_cards(self, target: Projection) -> tuple[set[str], set[tuple[str, str]]]:
        previous, records = self._previous, target.records["card"]
        if previous is None:
            return set(self.journey.card_ids()) | set(records), set(target.cells)
        before = previous.records.get("card", {})
        ids = {c for c, record in records.items() if before.get(c) is not record}
        ids |= {c for c in before if c not in records}
        cells = {cell for cell, members in target.cells.items()
                 if previous.cells.get(cell) != members}
        cells |= {cell for cell in previous.cells if cell not in target.cells}
        return ids, cells

    def _place_cell(self, target: Projection, cell: tuple[str, str]) -> None:
        """Put the cell's cards in order: by induction the first i places already hold the
        first i target cards, so placing card i at index i is always valid."""
        journey, (stage, lane) = self.journey, cell
        for index, card_id in enumerate(target.cells.get(cell, ())):
            if journey.element_type(card_id) != "card":
                card = FROM_DATA["card"](target.records["card"][card_id])
                journey.add_card(card, stage, lane, index)
                continue
            place = journey.card_place(card_id)
            if (place.stage, place.lane, place.index) != (stage, lane, index):
                journey.move_card(card_id, stage, lane, index)

    # ------------------------------------------------------------------------- relations
    def _transitions(self, target: Projection) -> None:
        journey, records = self.journey, target.records["transition"]
        for transition in journey.transitions():
            record = records.get(transition.id)
            if record is None or (record["source"], record["target"]) != (
                    transition.source, transition.target):
                journey.remove_transition(transition.id)
        for element_id in sorted(records):
            record = records[element_id]
            if journey.element_type(element_id) != "transition":
                journey.add_transition(FROM_DATA["transition"](record))
                continue
            changes = field_changes("transition", model_data(journey, "transition", element_id),
                                    record)
            if changes:
                journey.update_transition(element_id, **changes)

    def _links(self, target: Projection) -> None:
        journey, records = self.journey, target.records["link"]
        for link in journey.links():
            if link.id not in records or not same(form.link_to_data(link), records[link.id]):
                journey.remove_link(link.id)
        for element_id in sorted(records):
            if journey.element_type(element_id) != "link":
                journey.add_link(FROM_DATA["link"](records[element_id]))

    def _relation(self, target: Projection, kind: str, element_id: str) -> None:
        """One transition or link, as the projection has it (or not at all)."""
        journey, record = self.journey, target.records[kind].get(element_id)
        present = journey.element_type(element_id) == kind
        if present:
            current = model_data(journey, kind, element_id)
            if record is not None and (current["source"], current["target"]) == (
                    record["source"], record["target"]):
                changes = field_changes(kind, current, record)
                if changes and kind == "transition":
                    journey.update_transition(element_id, **changes)
                if not changes or kind == "transition":
                    return
            getattr(journey, f"remove_{kind}")(element_id)
        if record is not None:
            getattr(journey, f"add_{kind}")(FROM_DATA[kind](record))

    # ------------------------------------------------------------------------- comments
    def _comments(self, target: Projection) -> None:
        """Comments as the projection has them: replies go before their parents (removing a
        parent takes its replies), parents come back before their replies."""
        journey, records = self.journey, target.records["comment"]
        current = {c.id: form.comment_to_data(c) for c in journey.comments()}
        for comment_id in sorted(current, key=lambda c: not current[c]["parent"]):
            record = records.get(comment_id)
            if not journey.has(comment_id):
                continue  # went with its parent
            if record is None or (record["card"], record["parent"]) != (
                    current[comment_id]["card"], current[comment_id]["parent"]):
                journey.remove_comment(comment_id)
        for comment_id in sorted(records, key=lambda c: bool(records[c]["parent"])):
            if journey.element_type(comment_id) != "comment":
                journey.add_comment(FROM_DATA["comment"](records[comment_id]))
                continue
            changes = field_changes("comment", form.comment_to_data(journey.comment(comment_id)),
                                    records[comment_id])
            if changes:
                journey.update_comment(comment_id, **changes)

    # ------------------------------------------------------------------------- orders
    def _reorder(self, target: Projection, kind: str) -> None:
        for index, element_id in enumerate(target.orders[kind]):
            if getattr(self.journey, f"{kind}_index")(element_id) != index:
                getattr(self.journey, f"move_{kind}")(element_id, index)

    def _reorder_by_restore(self, target: Projection, kind: str) -> None:
        """Segments and paths have no move in the model (no one reorders them by hand); a
        remote order that differs is reached by removing and restoring at the right index."""
        for index, element_id in enumerate(target.orders[kind]):
            current = [e.id for e in getattr(self.journey, f"{kind}s")()]
            if current.index(element_id) != index:
                record = getattr(self.journey, f"remove_{kind}")(element_id)
                self.journey.restore(dataclasses.replace(record, index=index))
