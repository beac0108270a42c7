"""JourneyMap: the one source of truth for a journey map. Pure Python + networkx, no Qt.

Every element is a typed node of one private ``networkx.MultiDiGraph``; every relation is a typed
edge: a card sits in a stage (``in_stage``) and a lane (``in_lane``), is tagged with segments
(``tagged``), links to other cards (``link``); stages are joined by transitions (``transition``);
a journey path steps through stages (``step``, keyed by position). Only orders of top-level
elements live in graph attributes. Mutators validate, then change, then emit one event.
Imports: networkx and model.journey.* only.
"""
from __future__ import annotations

import copy
import dataclasses
from collections.abc import Iterable
from typing import Any

import networkx as nx

from model.journey import validation as check
from model.journey.card_flags import CardFlags
from model.journey.card_order import CardOrder
from model.journey.discussion import DiscussionMixin
from model.journey.entities import Card, CardPlace, JourneyPath, Lane, Segment, Stage
from model.journey.errors import ModelError
from model.journey.events import EventEmitter
from model.journey.people_index import CARD, PeopleIndex
from model.journey.plain_data import map_to_data
from model.journey.relations import IN_CELL, OF_LANE, OF_STAGE, TAGGED, RelationsMixin, cell_key
from model.journey.removal import RemovalMixin
from model.journey.workshop import WorkshopMixin, people_of_card, workshop_attributes

_ORDER_KEYS = {"stage": "stage_order", "lane": "lane_order", "segment": "segment_order",
               "path": "path_order", "participant": "participant_order", "parking_item": "parking_order"}
MAP_FIELDS = ("title", "language", "description")


class JourneyMap(RelationsMixin, RemovalMixin, WorkshopMixin, DiscussionMixin):
    """A journey map. Read through the query methods; change through the mutators.

    Transitions, links and paths live in RelationsMixin, removals in RemovalMixin, participants
    and votes in WorkshopMixin, comments and the parking lot in DiscussionMixin, only to keep
    each module short; all share the one graph.
    """

    def __init__(self, title: str = "", language: str = "en", description: str = "",
                 extra: dict[str, Any] | None = None) -> None:
        self._graph = nx.MultiDiGraph(
            title=title, language=language, description=description, extra=dict(extra or {}),
            stage_order=[], lane_order=[], segment_order=[], path_order=[], **workshop_attributes())
        self.events = EventEmitter()
        # Index of edge-elements (transitions, links) by id -> (source, target): an index over the
        # graph's own edges, so id look-ups need not scan every edge.
        self._edge_ends: dict[str, tuple[str, str]] = {}
        # Caches of the cells' orders (model.journey.card_order), told of every change below.
        self._card_order = CardOrder(self._graph)
        # Who is named where (model.journey.people_index), told of every entity stored below.
        self._people = PeopleIndex()
        self._card_flags = CardFlags()  # votes, dots, privacy: kept like the orders

    # ----------------------------------------------------------------- map-level fields
    @property
    def title(self) -> str:
        return self._graph.graph["title"]

    @property
    def language(self) -> str:
        return self._graph.graph["language"]

    @property
    def description(self) -> str:
        return self._graph.graph["description"]

    @property
    def extra(self) -> dict[str, Any]:
        # A deep copy: the unknown fields nest, and a caller must not change the map through them.
        return copy.deepcopy(self._graph.graph["extra"])

    def set_fields(self, **changes: str) -> None:
        """Change title, language or description."""
        for name, value in changes.items():
            if name not in MAP_FIELDS:
                raise ModelError(f"map has no field {name!r}")
            check.check_text(value, f"map {name}")
        self._graph.graph.update(changes)
        self.events.emit("map_changed", fields=tuple(changes))

    # ----------------------------------------------------------------- generic helpers
    # The hot look-ups below read networkx's own node and adjacency dicts (``_node``, ``_succ``,
    # ``_pred``) instead of its NodeView/EdgeView wrappers: the same data, without building a
    # view object per call, which made card() and the layout of a 10,000-card map several
    # times slower.
    def _node_type(self, node_id: str) -> str | None:
        data = self._graph._node.get(node_id)
        return data["type"] if data else None

    def _require(self, node_id: str, type_: str) -> dict[str, Any]:
        data = self._graph._node.get(node_id)
        if data is None or data["type"] != type_:
            raise ModelError(f"no {type_} with id {node_id!r}")
        return data

    def _require_new_id(self, element_id: str) -> None:
        if element_id in self._graph or self._edge_with_key(element_id) is not None:
            raise ModelError(f"id {element_id!r} is already used")

    def _edge_with_key(self, key: str) -> tuple[str, str] | None:
        return self._edge_ends.get(key)

    def _order(self, type_: str) -> list[str]:
        return self._graph.graph[_ORDER_KEYS[type_]]

    def _check_index(self, index: int | None, length: int, what: str) -> int:
        if index is None:
            return length
        if isinstance(index, bool) or not isinstance(index, int) or not 0 <= index <= length:
            raise ModelError(f"{what}: index {index!r} is outside 0..{length}")
        return index

    def has(self, element_id: str) -> bool:
        return element_id in self._graph or self._edge_with_key(element_id) is not None

    def element_type(self, element_id: str) -> str | None:
        """'stage', 'lane', 'card', 'segment', 'path', 'transition', 'link' or None."""
        node_type = self._node_type(element_id)
        if node_type:
            return node_type
        edge = self._edge_with_key(element_id)
        if edge is None:
            return None
        return self._graph.edges[edge[0], edge[1], element_id]["kind"]

    # ----------------------------------------------------------------- ordered top-level elements
    def stages(self) -> tuple[Stage, ...]:
        return tuple(self._graph.nodes[s]["entity"] for s in self._order("stage"))

    def lanes(self) -> tuple[Lane, ...]:
        return tuple(self._graph.nodes[x]["entity"] for x in self._order("lane"))

    def segments(self) -> tuple[Segment, ...]:
        return tuple(self._graph.nodes[x]["entity"] for x in self._order("segment"))

    def paths(self) -> tuple[JourneyPath, ...]:
        return tuple(self.path(x) for x in self._order("path"))

    def stage_ids(self) -> tuple[str, ...]:
        return tuple(self._order("stage"))

    def lane_ids(self) -> tuple[str, ...]:
        return tuple(self._order("lane"))

    def stage(self, stage_id: str) -> Stage:
        return self._require(stage_id, "stage")["entity"]

    def lane(self, lane_id: str) -> Lane:
        return self._require(lane_id, "lane")["entity"]

    def segment(self, segment_id: str) -> Segment:
        return self._require(segment_id, "segment")["entity"]

    def stage_index(self, stage_id: str) -> int:
        self._require(stage_id, "stage")
        return self._order("stage").index(stage_id)

    def lane_index(self, lane_id: str) -> int:
        self._require(lane_id, "lane")
        return self._order("lane").index(lane_id)

    def _add_ordered(self, type_: str, entity: Any, index: int | None, **attrs: Any) -> int:
        self._require_new_id(entity.id)
        order = self._order(type_)
        position = self._check_index(index, len(order), f"{type_} {entity.id}")
        self._graph.add_node(entity.id, type=type_, entity=entity, **attrs)
        order.insert(position, entity.id)
        self._orders_changed(type_)
        return position

    def _move_ordered(self, type_: str, element_id: str, new_index: int) -> int:
        self._require(element_id, type_)
        order = self._order(type_)
        self._check_index(new_index, len(order) - 1, f"{type_} {element_id}")
        old_index = order.index(element_id)
        order.pop(old_index)
        order.insert(new_index, element_id)
        self._orders_changed(type_)
        return old_index

    def _orders_changed(self, type_: str) -> None:
        if type_ in ("stage", "lane"):
            self._card_order.orders_changed()

    def _replace(self, element_id: str, type_: str, changes: dict[str, Any]) -> Any:
        """The stored entity with ``changes`` applied; raises on unknown fields. Does not store."""
        entity = self._require(element_id, type_)["entity"]
        for name in changes:
            if name in ("id",) or name not in {f.name for f in dataclasses.fields(entity)}:
                raise ModelError(f"{type_} {element_id}: no editable field {name!r}")
        try:
            return dataclasses.replace(entity, **changes)
        except (TypeError, ValueError) as exc:  # e.g. an unknown kind, refused by the entity
            raise ModelError(f"{type_} {element_id}: {exc}") from None

    # ----------------------------------------------------------------- stages
    def add_stage(self, stage: Stage, index: int | None = None) -> None:
        check.check_stage(stage)
        self._check_emotion_keys(stage)
        position = self._add_ordered("stage", stage, index)
        self.events.emit("stage_added", stage_id=stage.id, index=position)

    def update_stage(self, stage_id: str, **changes: Any) -> None:
        stage = self._replace(stage_id, "stage", changes)
        check.check_stage(stage)
        self._check_emotion_keys(stage)
        self._graph.nodes[stage_id]["entity"] = stage
        self.events.emit("stage_changed", stage_id=stage_id, fields=tuple(changes))

    def move_stage(self, stage_id: str, new_index: int) -> None:
        old_index = self._move_ordered("stage", stage_id, new_index)
        self.events.emit("stage_moved", stage_id=stage_id, old_index=old_index, new_index=new_index)

    def _check_emotion_keys(self, stage: Stage) -> None:
        for key in stage.emotions:
            if key and self._node_type(key) != "segment":
                raise ModelError(f"stage {stage.id}: emotion for unknown segment {key!r}")

    # ----------------------------------------------------------------- lanes
    def add_lane(self, lane: Lane, index: int | None = None) -> None:
        check.check_lane(lane)
        position = self._add_ordered("lane", lane, index)
        self.events.emit("lane_added", lane_id=lane.id, index=position)

    def update_lane(self, lane_id: str, **changes: Any) -> None:
        lane = self._replace(lane_id, "lane", changes)
        check.check_lane(lane)
        self._graph.nodes[lane_id]["entity"] = lane
        self.events.emit("lane_changed", lane_id=lane_id, fields=tuple(changes))

    def move_lane(self, lane_id: str, new_index: int) -> None:
        old_index = self._move_ordered("lane", lane_id, new_index)
        self.events.emit("lane_moved", lane_id=lane_id, old_index=old_index, new_index=new_index)

    # ----------------------------------------------------------------- segments
    def add_segment(self, segment: Segment, index: int | None = None) -> None:
        check.check_segment(segment)
        position = self._add_ordered("segment", segment, index)
        self.events.emit("segment_added", segment_id=segment.id, index=position)

    def update_segment(self, segment_id: str, **changes: Any) -> None:
        segment = self._replace(segment_id, "segment", changes)
        check.check_segment(segment)
        self._graph.nodes[segment_id]["entity"] = segment
        self.events.emit("segment_changed", segment_id=segment_id, fields=tuple(changes))

    # ----------------------------------------------------------------- cards: queries
    def card(self, card_id: str) -> Card:
        entity = self._require(card_id, "card")["entity"]
        tags = self._tags_of(card_id)
        return _with_segments(entity, tags) if tags else entity  # stored untagged: segments=()

    def _tags_of(self, card_id: str) -> tuple[str, ...]:
        # Match the edge kind, not the key: a link's key is its id, which may be "tagged".
        # Same order as out_edges(card_id): targets in adjacency order, then keys.
        return tuple(target for target, keyed in self._graph._succ[card_id].items()
                     for data in keyed.values() if data["kind"] == TAGGED)

    def card_place(self, card_id: str) -> CardPlace:
        self._require(card_id, "card")
        _, stage_id, lane_id = self._cell_of(card_id)
        return CardPlace(stage_id, lane_id, self._graph._node[card_id]["order"])

    def _cell_of(self, card_id: str) -> tuple[str, str, str]:
        for cell, keyed in self._graph._succ[card_id].items():
            if any(data["kind"] == IN_CELL for data in keyed.values()):
                return cell
        raise ModelError(f"card {card_id} is in no cell")  # pragma: no cover - invariant

    def card_count(self) -> int:
        return self._card_order.count

    def _sorted_members(self, cell: tuple[str, str, str]) -> tuple[str, ...]:
        return self._card_order.members(cell)

    def cell_card_ids(self, stage_id: str, lane_id: str) -> tuple[str, ...]:
        """Ids of the cards in one cell, in their order."""
        self._require(stage_id, "stage")
        self._require(lane_id, "lane")
        return self._sorted_members(cell_key(stage_id, lane_id))

    def cells(self) -> dict[tuple[str, str], tuple[str, ...]]:
        """Every non-empty cell's card ids in order, keyed by (stage id, lane id)."""
        return {(node[1], node[2]): self._sorted_members(node) for node in self._card_order.cells()}

    def card_ids(self) -> tuple[str, ...]:
        """All card ids in journey order: stage by stage, lane by lane, then inside the cell."""
        return self._card_order.all_cards(self._order("stage"), self._order("lane"))

    def journey_position(self, card_id: str) -> tuple[int, int, int]:
        """(stage index, lane index, index in the cell): sorting by it gives journey order."""
        place = self.card_place(card_id)
        positions = self._card_order.positions(self._order("stage"), self._order("lane"))
        return positions[place.stage], positions[place.lane], place.index

    def in_journey_order(self, card_ids: Iterable[str]) -> list[str]:
        """The given card ids, each once, in journey order; at the cost of sorting them alone,
        not the map (a selection of 200 cards costs the same in a map of any size)."""
        return sorted(set(card_ids), key=self.journey_position)

    def cards(self) -> tuple[Card, ...]:
        return tuple(self.card(card_id) for card_id in self.card_ids())

    # ----------------------------------------------------------------- cards: mutators
    def add_card(self, card: Card, stage_id: str, lane_id: str, index: int | None = None) -> None:
        check.check_card(card)
        self._require_new_id(card.id)
        self._require(stage_id, "stage")
        self._require(lane_id, "lane")
        self._check_segments(card.id, card.segments)
        self._check_people(f"card {card.id}", people_of_card(card))
        cell = cell_key(stage_id, lane_id)
        size = len(self._graph._pred.get(cell, ()))
        position = self._check_index(index, size, f"card {card.id}")
        self._insert_card(card, CardPlace(stage_id, lane_id, position))
        self.events.emit("card_added", card_id=card.id, stage_id=stage_id, lane_id=lane_id,
                         index=position)

    def _insert_card(self, card: Card, place: CardPlace) -> None:
        """Store a validated card at ``place``; shared by add_card and restore."""
        cell = self._ensure_cell(place.stage, place.lane)
        # Sort the siblings only to insert among them: sorting on every append made loading a
        # file with many cards in one cell quadratic (10,000 cards: 5 s).
        appending = place.index >= len(self._graph._pred[cell])
        siblings = () if appending else self._sorted_members(cell)
        self._graph.add_node(card.id, type="card", order=place.index,
                             entity=_with_segments(card, ()) if card.segments else card)
        self._graph.add_edge(card.id, cell, key=IN_CELL, kind=IN_CELL)
        self._set_tags(card.id, card.segments)
        self._people.note(card.id, CARD, people_of_card(card))
        if not appending:  # appending needs no renumbering: the common case
            self._renumber(siblings[place.index:], start=place.index + 1)
        self._card_order.card_joined(cell, place.index, card.id)
        self._card_order.cards_counted(1)
        self._card_flags.stored(card)

    def update_card(self, card_id: str, **changes: Any) -> None:
        card = self._replace(card_id, "card", changes)
        check.check_card(card)
        self._check_people(f"card {card_id}", people_of_card(card))
        if "segments" in changes:
            self._check_segments(card_id, card.segments)
            self._set_tags(card_id, card.segments)
        self._graph._node[card_id]["entity"] = _with_segments(card, ()) if card.segments else card
        self._people.note(card_id, CARD, people_of_card(card))
        self._card_flags.stored(card)
        self.events.emit("card_changed", card_id=card_id, fields=tuple(changes))

    def move_card(self, card_id: str, stage_id: str, lane_id: str, index: int | None = None) -> None:
        """Put a card into a cell at ``index`` (counted after the card left its old place)."""
        old = self.card_place(card_id)
        self._require(stage_id, "stage")
        self._require(lane_id, "lane")
        same_cell = (old.stage, old.lane) == (stage_id, lane_id)
        size = len(self._graph._pred.get(cell_key(stage_id, lane_id), ())) - same_cell
        position = self._check_index(index, size, f"card {card_id}")
        # A cell's orders are always 0..n-1: staying put, or going to the end of another cell,
        # needs no sorting and no renumbering of the cell (undoing a move in a crowded cell).
        if same_cell and position == old.index or not same_cell and position == size:
            if not same_cell:
                self._unplace(card_id)
                cell = self._ensure_cell(stage_id, lane_id)
                self._graph.add_edge(card_id, cell, key=IN_CELL, kind=IN_CELL)
                self._graph._node[card_id]["order"] = position
                self._card_order.card_joined(cell, position, card_id)
            self.events.emit("card_moved", card_id=card_id, old=old,
                             new=CardPlace(stage_id, lane_id, position))
            return
        target = [c for c in self.cell_card_ids(stage_id, lane_id) if c != card_id]
        if not same_cell:
            self._unplace(card_id)
        cell = self._ensure_cell(stage_id, lane_id)
        if not same_cell:
            self._graph.add_edge(card_id, cell, key=IN_CELL, kind=IN_CELL)
        target.insert(position, card_id)
        self._renumber(target)
        self._card_order.cell_is(cell, tuple(target))
        self.events.emit("card_moved", card_id=card_id, old=old,
                         new=CardPlace(stage_id, lane_id, position))

    def _ensure_cell(self, stage_id: str, lane_id: str) -> tuple[str, str, str]:
        cell = cell_key(stage_id, lane_id)
        if cell not in self._graph:
            self._graph.add_node(cell, type="cell")
            self._graph.add_edge(cell, stage_id, key=OF_STAGE, kind=OF_STAGE)
            self._graph.add_edge(cell, lane_id, key=OF_LANE, kind=OF_LANE)
            self._card_order.cell_added(cell)
        return cell

    def _unplace(self, card_id: str) -> None:
        """Take a card out of its cell, closing the gap; an emptied cell node goes away."""
        cell = self._cell_of(card_id)
        order = self._graph._node[card_id]["order"]
        was_last = order == len(self._graph._pred[cell]) - 1
        self._graph.remove_edge(card_id, cell, IN_CELL)
        self._card_order.card_left(cell, order, card_id)
        if not was_last:  # without the last card the others are still numbered 0..n-2
            self._renumber(self._sorted_members(cell)[order:], start=order)
        if not self._graph._pred[cell]:
            self._graph.remove_node(cell)
            self._card_order.cell_removed(cell)

    def _renumber(self, ordered_ids: Iterable[str], start: int = 0) -> None:
        nodes = self._graph._node
        for position, card_id in enumerate(ordered_ids, start):
            nodes[card_id]["order"] = position

    def _check_segments(self, card_id: str, segment_ids: Iterable[str]) -> None:
        for segment_id in segment_ids:
            if self._node_type(segment_id) != "segment":
                raise ModelError(f"card {card_id}: unknown segment {segment_id!r}")

    def _set_tags(self, card_id: str, segment_ids: Iterable[str]) -> None:
        for segment_id in self._tags_of(card_id):
            self._graph.remove_edge(card_id, segment_id, TAGGED)
        for segment_id in segment_ids:
            self._graph.add_edge(card_id, segment_id, key=TAGGED, kind=TAGGED)

    # ----------------------------------------------------------------- comparison
    def to_data(self) -> dict[str, Any]:
        """The map as plain data, owned by the caller (it shares nothing with the map)."""
        return copy.deepcopy(map_to_data(self))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, JourneyMap):
            return NotImplemented
        return map_to_data(self) == map_to_data(other)  # no copies needed just to compare

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return (f"<JourneyMap {self.title!r}: {len(self._order('stage'))} stages, "
                f"{len(self._order('lane'))} lanes, {self.card_count()} cards>")


def _with_segments(card: Card, segments: tuple[str, ...]) -> Card:
    """``dataclasses.replace(card, segments=segments)`` for a checked card (built by Card(), so
    normalised), without re-running __init__ and __post_init__: card() is called for every card
    on every layout and export, and replace() was most of its cost (and of add_card's)."""
    tagged = object.__new__(type(card))
    tagged.__dict__.update(card.__dict__, segments=segments)
    return tagged
