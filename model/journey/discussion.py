"""Comments on cards and the parking lot of JourneyMap. Pure Python.

A mixin of JourneyMap, like relations.py and workshop.py (docs/architecture.md says why). A
comment is a typed node with a ``comment_on`` edge to its card, so a card's comments are its
predecessors; all comments are also listed in ``comment_order``, kept in their one canonical
order, (created_at, id): every peer and every file lists them alike and a restored comment
needs no index. Threads are one level deep: a reply's parent is a top-level comment of the same
card. Removing a card takes its comments along (removal.py records them); removing a comment
takes its replies. Parking-lot items are typed nodes in ``parking_order``.
Imports model.journey.* only.
"""
from __future__ import annotations

import bisect
from collections.abc import Iterable
from typing import Any

from model.journey import validation as check
from model.journey.errors import ModelError
from model.journey.people_index import COMMENT as NAMING_COMMENT
from model.journey.people_index import PARKING_ITEM as NAMING_PARKING_ITEM
from model.journey.removal import Removal
from model.journey.workshop_entities import Comment, ParkingItem

COMMENT, COMMENT_ON, PARKING = "comment", "comment_on", "parking_item"


def _sort_key(comment: Comment) -> tuple[str, str]:
    return comment.created_at, comment.id


class DiscussionMixin:
    """Comments and the parking lot of JourneyMap. Expects of the map: ``_graph``, ``events``,
    ``_require``, ``_require_new_id``, ``_node_type``, ``_order``, ``_add_ordered``,
    ``_move_ordered``, ``_replace`` and WorkshopMixin's ``_check_people``."""

    # ----------------------------------------------------------------- comments: queries
    def comments(self, card_id: str | None = None) -> tuple[Comment, ...]:
        """All comments, or a card's, in their canonical order (created_at, id)."""
        nodes = self._graph._node
        if card_id is None:
            return tuple(nodes[c]["entity"] for c in self._graph.graph["comment_order"])
        self._require(card_id, "card")
        return tuple(sorted((nodes[c]["entity"] for c in self._comment_ids_on(card_id)),
                            key=_sort_key))

    def _comment_ids_on(self, card_id: str) -> list[str]:
        return [source for source, keyed in self._graph._pred[card_id].items()
                if any(data["kind"] == COMMENT_ON for data in keyed.values())]

    def comment(self, comment_id: str) -> Comment:
        return self._require(comment_id, COMMENT)["entity"]

    def comment_count(self, card_id: str, unresolved_only: bool = False) -> int:
        """How many comments a card has (the badge on the card)."""
        self._require(card_id, "card")
        nodes = self._graph._node
        return sum(1 for c in self._comment_ids_on(card_id)
                   if not (unresolved_only and nodes[c]["entity"].resolved))

    def comment_threads(self, card_id: str) -> tuple[tuple[Comment, tuple[Comment, ...]], ...]:
        """A card's top-level comments, each with its replies, in order."""
        comments = self.comments(card_id)
        return tuple((top, tuple(c for c in comments if c.parent == top.id))
                     for top in comments if not top.parent)

    # ----------------------------------------------------------------- comments: mutators
    def add_comment(self, comment: Comment) -> None:
        self._check_new_comment(comment)
        self._insert_comment(comment)
        self.events.emit("comment_added", comment_id=comment.id, card_id=comment.card)

    def _check_new_comment(self, comment: Comment) -> None:
        check.check_comment(comment)
        self._require_new_id(comment.id)
        if self._node_type(comment.card) != "card":
            raise ModelError(f"comment {comment.id}: no card with id {comment.card!r}")
        self._check_people(f"comment {comment.id}", (comment.author,))
        if comment.parent:
            parent = self._graph._node.get(comment.parent)
            if parent is None or parent["type"] != COMMENT:
                raise ModelError(f"comment {comment.id}: no comment {comment.parent!r} to reply to")
            if parent["entity"].card != comment.card or parent["entity"].parent:
                raise ModelError(f"comment {comment.id}: a reply must answer a top-level "
                                 "comment of the same card")

    def _insert_comment(self, comment: Comment) -> None:
        self._graph.add_node(comment.id, type=COMMENT, entity=comment)
        self._people.note(comment.id, NAMING_COMMENT, (comment.author,))
        self._graph.add_edge(comment.id, comment.card, key=COMMENT_ON, kind=COMMENT_ON)
        self._place_in_order(comment)

    def _place_in_order(self, comment: Comment) -> None:
        order, nodes = self._graph.graph["comment_order"], self._graph._node
        position = bisect.bisect(order, _sort_key(comment),
                                 key=lambda c: _sort_key(nodes[c]["entity"]))
        order.insert(position, comment.id)

    def update_comment(self, comment_id: str, **changes: Any) -> None:
        """Edit a comment's text, resolved flag, edited_at, author or extra (not its card or
        parent: a comment does not move)."""
        if {"card", "parent"} & set(changes):
            raise ModelError(f"comment {comment_id}: its card and parent cannot change")
        old = self.comment(comment_id)
        comment = self._replace(comment_id, COMMENT, changes)
        check.check_comment(comment)
        self._check_people(f"comment {comment_id}", (comment.author,))
        self._graph._node[comment_id]["entity"] = comment
        self._people.note(comment_id, NAMING_COMMENT, (comment.author,))
        if comment.created_at != old.created_at:  # its place in the canonical order moves
            self._graph.graph["comment_order"].remove(comment_id)
            self._place_in_order(comment)
        self.events.emit("comment_changed", comment_id=comment_id, card_id=comment.card,
                         fields=tuple(changes))

    def remove_comment(self, comment_id: str) -> Removal:
        """Remove a comment and its replies; ``restore(record)`` brings them all back."""
        comment = self.comment(comment_id)
        order = self._graph.graph["comment_order"]
        replies = tuple(c for c in self.comments(comment.card) if c.parent == comment_id)
        record = Removal(COMMENT, comment, order.index(comment_id), comments=replies)
        self._drop_comments((*replies, comment))
        self.events.emit("comment_removed", comment_id=comment_id, card_id=comment.card,
                         **record.payload())
        return record

    def _restore_comment(self, record: Removal) -> None:
        self._insert_comments((record.element, *record.comments))

    def _comments_on_cards(self, card_ids: Iterable[str]) -> tuple[Comment, ...]:
        """The comments of the given cards, top-level ones first (the order to put them back)."""
        nodes = self._graph._node
        found = [nodes[c]["entity"] for card_id in card_ids for c in self._comment_ids_on(card_id)]
        return tuple(sorted(found, key=lambda c: (bool(c.parent), _sort_key(c))))

    def _drop_comments(self, comments: Iterable[Comment]) -> None:
        order = self._graph.graph["comment_order"]
        gone = {comment.id for comment in comments}
        if gone:
            order[:] = [c for c in order if c not in gone]
            self._graph.remove_nodes_from(gone)
            for comment_id in gone:
                self._people.forget(comment_id)

    def _insert_comments(self, comments: Iterable[Comment]) -> None:
        for comment in sorted(comments, key=lambda c: bool(c.parent)):  # parents first
            self._insert_comment(comment)

    # ----------------------------------------------------------------- parking lot
    def parking_items(self) -> tuple[ParkingItem, ...]:
        nodes = self._graph._node
        return tuple(nodes[i]["entity"] for i in self._order(PARKING))

    def parking_item(self, item_id: str) -> ParkingItem:
        return self._require(item_id, PARKING)["entity"]

    def parking_item_index(self, item_id: str) -> int:
        self._require(item_id, PARKING)
        return self._order(PARKING).index(item_id)

    def add_parking_item(self, item: ParkingItem, index: int | None = None) -> None:
        check.check_parking_item(item)
        self._check_people(f"parking item {item.id}", (item.author,))
        position = self._add_ordered(PARKING, item, index)
        self._people.note(item.id, NAMING_PARKING_ITEM, (item.author,))
        self.events.emit("parking_item_added", parking_item_id=item.id, index=position)

    def update_parking_item(self, item_id: str, **changes: Any) -> None:
        item = self._replace(item_id, PARKING, changes)
        check.check_parking_item(item)
        self._check_people(f"parking item {item_id}", (item.author,))
        self._graph._node[item_id]["entity"] = item
        self._people.note(item_id, NAMING_PARKING_ITEM, (item.author,))
        self.events.emit("parking_item_changed", parking_item_id=item_id, fields=tuple(changes))

    def move_parking_item(self, item_id: str, new_index: int) -> None:
        old_index = self._move_ordered(PARKING, item_id, new_index)
        self.events.emit("parking_item_moved", parking_item_id=item_id, old_index=old_index,
                         new_index=new_index)

    def remove_parking_item(self, item_id: str) -> Removal:
        item = self.parking_item(item_id)
        record = Removal(PARKING, item, self.parking_item_index(item_id))
        self._order(PARKING).remove(item_id)
        self._graph.remove_node(item_id)
        self._people.forget(item_id)
        self.events.emit("parking_item_removed", parking_item_id=item_id, **record.payload())
        return record

    def _restore_parking_item(self, record: Removal) -> None:
        self._graph.add_node(record.element.id, type=PARKING, entity=record.element)
        self._people.note(record.element.id, NAMING_PARKING_ITEM, (record.element.author,))
        self._order(PARKING).insert(record.index, record.element.id)
