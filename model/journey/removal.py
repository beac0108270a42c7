"""Removing elements with everything that hangs on them, and putting them back exactly.

A mixin of JourneyMap. ``remove_*`` returns a ``Removal`` record holding the element, its index and
every dependent it took along (cards, transitions, links, path routes, segment tags, emotions,
the cards' comments);
``restore(record)`` puts all of it back at the same places, which is what undo needs.
Pure Python; imports model.* only.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from model.journey.entities import Card, CardLink, CardPlace, JourneyPath, Stage, Transition
from model.journey.errors import ModelError
from model.journey.relations import LINK, cell_key
from model.journey.workshop_entities import Comment


@dataclass(frozen=True)
class Removal:
    kind: str  # 'stage', 'lane', 'card', 'segment', 'path', 'participant', 'comment', 'parking_item'
    element: Any
    index: int
    cards: tuple[tuple[Card, CardPlace], ...] = ()
    transitions: tuple[Transition, ...] = ()
    links: tuple[CardLink, ...] = ()
    paths: tuple[JourneyPath, ...] = ()  # routes as they were, for a removed stage
    retagged: tuple[Card, ...] = ()  # cards as they were, for a removed segment
    stages: tuple[Stage, ...] = ()  # stages as they were, for a removed segment's emotions
    comments: tuple[Comment, ...] = ()  # of the removed cards, or a removed comment's replies

    def payload(self) -> dict[str, Any]:
        """The ids an event about this removal or its restore carries."""
        return {"index": self.index,
                "card_ids": tuple(card.id for card, _ in self.cards),
                "transition_ids": tuple(t.id for t in self.transitions),
                "link_ids": tuple(link.id for link in self.links),
                "path_ids": tuple(p.id for p in self.paths),
                "retagged_ids": tuple(card.id for card in self.retagged),
                "stage_ids": tuple(s.id for s in self.stages),
                "comment_ids": tuple(c.id for c in self.comments)}


def _references(record: Removal):
    """(id, type) of every element the restored elements point at."""
    for card, place in (*record.cards, *((card, None) for card in record.retagged)):
        yield from ((segment_id, "segment") for segment_id in card.segments)
        yield from ((place.stage, "stage"), (place.lane, "lane")) if place else ((card.id, "card"),)
    for transition in record.transitions:
        yield from ((transition.source, "stage"), (transition.target, "stage"))
    for link in record.links:
        yield from ((link.source, "card"), (link.target, "card"))
    for path in record.paths:
        yield from ((path.id, "path"), *((stage_id, "stage") for stage_id in path.stages))
    for stage in record.stages:
        yield from ((stage.id, "stage"), *((key, "segment") for key in stage.emotions if key))
    element = record.element
    for comment in (*record.comments, *((element,) if record.kind == "comment" else ())):
        yield from ((comment.card, "card"), *(((comment.parent, "comment"),) if comment.parent else ()))
        yield from (((comment.author, "participant"),) if comment.author else ())
    for card, _ in record.cards:
        yield from ((p, "participant") for p in (card.created_by, card.edited_by, *card.dots) if p)


class RemovalMixin:
    """Removals and restore of JourneyMap (see docs/architecture.md for why this stays a mixin).
    Expects of the map: ``_graph``, ``_card_order``, ``events``, the queries and the graph
    helpers of JourneyMap and RelationsMixin (``_cell_of``, ``_renumber``, ``_remove_edge_element``,
    ...)."""

    def _links_touching(self, card_ids: set[str]) -> tuple[CardLink, ...]:
        # Through the cards' own edges, not every link of the map: deleting 2,000 cards must
        # not walk all links 2,000 times. Sorted by id, as links() lists them.
        succ, pred, found = self._graph._succ, self._graph._pred, {}
        for card_id in card_ids:
            for adjacency in (succ[card_id], pred[card_id]):
                for keyed in adjacency.values():
                    found.update((key, data["entity"]) for key, data in keyed.items()
                                 if data["kind"] == LINK)
        return tuple(found[key] for key in sorted(found))

    def _cards_where(self, predicate) -> tuple[tuple[Card, CardPlace], ...]:
        placed = ((self.card(c), self.card_place(c)) for c in self.card_ids())
        return tuple((card, place) for card, place in placed if predicate(place))

    def _drop_cards(self, cards, links) -> None:
        for link in links:
            self._remove_edge_element(link.id)
        touched: dict[tuple, list[int]] = {}  # cell -> the orders of the cards taken out of it
        for card, _ in cards:
            touched.setdefault(self._cell_of(card.id), []).append(self._graph.nodes[card.id]["order"])
            self._graph.remove_node(card.id)
            self._people.forget(card.id)
            self._card_flags.removed(card.id)
        self._card_order.cards_counted(-len(cards))
        if len(cards) == 1:  # one card: its cell's kept order loses it, the rest is renumbered
            (cell, (order,)), = touched.items()
            self._card_order.card_left(cell, order, cards[0][0].id)
            if self._graph._pred[cell]:
                self._renumber(self._sorted_members(cell)[order:], start=order)
            else:
                self._graph.remove_node(cell)
                self._card_order.cell_removed(cell)
            return
        for cell, orders in touched.items():  # renumber each cell once, not once per card
            self._card_order.cell_changed(cell)
            left = len(self._graph._pred[cell])
            if not left:
                self._graph.remove_node(cell)
                self._card_order.cell_removed(cell)
            elif sorted(orders) != list(range(left, left + len(orders))):  # not only the last ones
                self._renumber(self._sorted_members(cell))  # the same order: the cache holds

    def remove_stage(self, stage_id: str) -> Removal:
        stage = self.stage(stage_id)
        cards = self._cards_where(lambda place: place.stage == stage_id)
        links = self._links_touching({card.id for card, _ in cards})
        transitions = tuple(t for t in self.transitions() if stage_id in (t.source, t.target))
        paths = tuple(p for p in self.paths() if stage_id in p.stages)
        record = Removal("stage", stage, self.stage_index(stage_id), cards=cards,
                         transitions=transitions, links=links, paths=paths,
                         comments=self._comments_on_cards(card.id for card, _ in cards))
        self._drop_comments(record.comments)
        self._drop_cards(cards, links)
        for transition in transitions:
            self._remove_edge_element(transition.id)
        for path in paths:
            self._set_steps(path.id, tuple(s for s in path.stages if s != stage_id))
        self._order("stage").remove(stage_id)
        self._card_order.orders_changed()
        self._graph.remove_node(stage_id)
        self.events.emit("stage_removed", stage_id=stage_id, **record.payload())
        return record

    def remove_lane(self, lane_id: str) -> Removal:
        lane = self.lane(lane_id)
        cards = self._cards_where(lambda place: place.lane == lane_id)
        links = self._links_touching({card.id for card, _ in cards})
        record = Removal("lane", lane, self.lane_index(lane_id), cards=cards, links=links,
                         comments=self._comments_on_cards(card.id for card, _ in cards))
        self._drop_comments(record.comments)
        self._drop_cards(cards, links)
        self._order("lane").remove(lane_id)
        self._card_order.orders_changed()
        self._graph.remove_node(lane_id)
        self.events.emit("lane_removed", lane_id=lane_id, **record.payload())
        return record

    def remove_card(self, card_id: str) -> Removal:
        card, place = self.card(card_id), self.card_place(card_id)
        links = self._links_touching({card_id})
        record = Removal("card", card, place.index, cards=((card, place),), links=links,
                         comments=self._comments_on_cards((card_id,)))
        self._drop_comments(record.comments)
        self._drop_cards(record.cards, links)
        self.events.emit("card_removed", card_id=card_id, stage_id=place.stage,
                         lane_id=place.lane, **record.payload())
        return record

    def remove_segment(self, segment_id: str) -> Removal:
        segment = self.segment(segment_id)
        retagged = tuple(self.card(c) for c in self.card_ids()
                         if segment_id in self.card(c).segments)
        stages = tuple(s for s in self.stages() if segment_id in s.emotions)
        record = Removal("segment", segment, self._order("segment").index(segment_id),
                         retagged=retagged, stages=stages)
        for stage in stages:
            emotions = {k: v for k, v in stage.emotions.items() if k != segment_id}
            self._graph.nodes[stage.id]["entity"] = dataclasses.replace(stage, emotions=emotions)
        self._order("segment").remove(segment_id)
        self._graph.remove_node(segment_id)  # takes the card→segment tag edges with it
        self.events.emit("segment_removed", segment_id=segment_id, **record.payload())
        return record

    def remove_path(self, path_id: str) -> Removal:
        path = self.path(path_id)
        record = Removal("path", path, self._order("path").index(path_id))
        self._order("path").remove(path_id)
        self._graph.remove_node(path_id)
        self.events.emit("path_removed", path_id=path_id, **record.payload())
        return record

    def restore(self, record: Removal) -> None:
        """Undo a removal: put the element and all its dependents back where they were."""
        element = record.element
        self._check_restorable(record)
        restore_element = getattr(self, f"_restore_{record.kind}")
        restore_element(record)
        self.events.emit(f"{record.kind}_added", **{f"{record.kind}_id": element.id},
                         restored=True, **self._restored_payload(record))

    def _check_restorable(self, record: Removal) -> None:
        """Refuse, before any change, a restore that no longer fits (an undo replayed out of
        order): every id it brings back must be free and everything it points at still there."""
        what = f"cannot restore {record.kind} {record.element.id}"
        back = [record.element.id, *(card.id for card, _ in record.cards),
                *(t.id for t in record.transitions), *(link.id for link in record.links),
                *(c.id for c in record.comments)]
        for element_id in back:
            if self.has(element_id):
                raise ModelError(f"{what}: the id {element_id!r} is in use again")
        for element_id, type_ in _references(record):
            if element_id not in back and self._node_type(element_id) != type_:
                raise ModelError(f"{what}: {type_} {element_id!r} is gone")
        if record.kind == "card":
            place = record.cards[0][1]
            size = len(self._graph._pred.get(cell_key(place.stage, place.lane), ()))
            self._check_index(place.index, size, what)

    def _restored_payload(self, record: Removal) -> dict[str, Any]:
        payload = record.payload()
        if record.kind == "card":
            card, place = record.cards[0]
            payload.update(stage_id=place.stage, lane_id=place.lane, card_ids=())
        if record.kind == "comment":
            payload.update(card_id=record.element.card)
        return payload

    def _restore_cards(self, record: Removal) -> None:
        # Ascending (cell, index) order makes every insertion index valid and exact.
        for card, place in sorted(record.cards, key=lambda cp: (cp[1].stage, cp[1].lane,
                                                                 cp[1].index)):
            self._insert_card(card, place)
        for link in record.links:
            self._add_edge_element(link, "link")
        self._insert_comments(record.comments)

    def _restore_card(self, record: Removal) -> None:
        self._restore_cards(record)

    def _restore_stage(self, record: Removal) -> None:
        self._graph.add_node(record.element.id, type="stage", entity=record.element)
        self._order("stage").insert(record.index, record.element.id)
        self._card_order.orders_changed()
        self._restore_cards(record)
        for transition in record.transitions:
            self._add_edge_element(transition, "transition")
        for path in record.paths:
            self._set_steps(path.id, path.stages)

    def _restore_lane(self, record: Removal) -> None:
        self._graph.add_node(record.element.id, type="lane", entity=record.element)
        self._order("lane").insert(record.index, record.element.id)
        self._card_order.orders_changed()
        self._restore_cards(record)

    def _restore_segment(self, record: Removal) -> None:
        self._graph.add_node(record.element.id, type="segment", entity=record.element)
        self._order("segment").insert(record.index, record.element.id)
        for card in record.retagged:
            self._set_tags(card.id, card.segments)
        for stage in record.stages:
            self._graph.nodes[stage.id]["entity"] = stage

    def _restore_path(self, record: Removal) -> None:
        path = record.element
        self._graph.add_node(path.id, type="path", entity=dataclasses.replace(path, stages=()))
        self._order("path").insert(record.index, path.id)
        self._set_steps(path.id, path.stages)
