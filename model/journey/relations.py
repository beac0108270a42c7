"""Transitions, card links and journey paths: the relation edges of JourneyMap. Pure Python.

A mixin of JourneyMap (it uses the map's graph and helpers); kept apart only so that each module
stays short. Transitions are stage→stage edges keyed by their id; links are card→card edges keyed by
their id; a path is a node with one ``step`` edge per stop, keyed by position.
"""
from __future__ import annotations

import dataclasses
from typing import Any

import networkx as nx

from model.journey import validation as check
from model.journey.entities import CardLink, JourneyPath, Transition
from model.journey.errors import ModelError

# Edge kinds. A cell (stage x lane) is a node of its own, keyed ("cell", stage, lane), so a card
# has one ``in_cell`` edge and a cell's cards are its predecessors.
IN_CELL, OF_STAGE, OF_LANE, TAGGED, LINK, TRANSITION, STEP = (
    "in_cell", "of_stage", "of_lane", "tagged", "link", "transition", "step")


def cell_key(stage_id: str, lane_id: str) -> tuple[str, str, str]:
    return ("cell", stage_id, lane_id)


class RelationsMixin:
    """Transitions, card links and journey paths of JourneyMap (see docs/architecture.md for why
    this stays a mixin). Expects of the map: ``_graph``, ``_edge_ends``, ``events`` and the helpers
    ``_require``, ``_require_new_id``, ``_node_type``, ``_order``, ``_add_ordered``, ``_replace``."""

    # ----------------------------------------------------------------- edge-element helpers
    def _edge_entity(self, element_id: str, kind: str) -> Any:
        ends = self._edge_ends.get(element_id)
        if ends is None or self._graph.edges[ends[0], ends[1], element_id]["kind"] != kind:
            raise ModelError(f"no {kind} with id {element_id!r}")
        return self._graph.edges[ends[0], ends[1], element_id]["entity"]

    def _add_edge_element(self, entity: Any, kind: str) -> None:
        self._graph.add_edge(entity.source, entity.target, key=entity.id, kind=kind, entity=entity)
        self._edge_ends[entity.id] = (entity.source, entity.target)

    def _remove_edge_element(self, element_id: str) -> None:
        source, target = self._edge_ends.pop(element_id)
        self._graph.remove_edge(source, target, element_id)

    def _edge_elements(self, kind: str) -> tuple[Any, ...]:
        # Through the index of edge-elements, not over every edge of the graph: the cards' cell
        # and tag edges outnumber transitions and links a hundred to one. (Callers sort.)
        succ = self._graph._succ
        return tuple(data["entity"] for element_id, (source, target) in self._edge_ends.items()
                     if (data := succ[source][target][element_id])["kind"] == kind)

    # ----------------------------------------------------------------- graph views
    def stage_graph(self) -> nx.MultiDiGraph:
        """A read-only view of stages joined by transitions (edge attribute ``entity``)."""
        nodes = self._graph.nodes
        return nx.subgraph_view(
            self._graph, filter_node=lambda n: nodes[n]["type"] == "stage",
            filter_edge=lambda u, v, k: self._graph.edges[u, v, k]["kind"] == TRANSITION)

    def card_link_graph(self) -> nx.MultiDiGraph:
        """A read-only view of cards joined by links (idea → pain point it addresses)."""
        nodes = self._graph.nodes
        return nx.subgraph_view(
            self._graph, filter_node=lambda n: nodes[n]["type"] == "card",
            filter_edge=lambda u, v, k: self._graph.edges[u, v, k]["kind"] == LINK)

    # ----------------------------------------------------------------- transitions
    def transitions(self) -> tuple[Transition, ...]:
        """All transitions, ordered by their source stage's position, then target's, then id."""
        position = {s: i for i, s in enumerate(self._order("stage"))}
        return tuple(sorted(self._edge_elements(TRANSITION),
                            key=lambda t: (position[t.source], position[t.target], t.id)))

    def transition(self, transition_id: str) -> Transition:
        return self._edge_entity(transition_id, TRANSITION)

    def add_transition(self, transition: Transition) -> None:
        check.check_transition(transition)
        self._require_new_id(transition.id)
        self._require(transition.source, "stage")
        self._require(transition.target, "stage")
        if transition.source == transition.target:
            raise ModelError(f"transition {transition.id}: a stage cannot lead to itself")
        self._add_edge_element(transition, TRANSITION)
        self.events.emit("transition_added", transition_id=transition.id)

    def update_transition(self, transition_id: str, **changes: Any) -> None:
        old = self.transition(transition_id)
        if {"id", "source", "target"} & set(changes):
            raise ModelError(f"transition {transition_id}: remove and add it to change its stages")
        try:
            new = dataclasses.replace(old, **changes)
        except (TypeError, ValueError) as exc:  # ValueError: an unknown kind
            raise ModelError(f"transition {transition_id}: {exc}") from None
        check.check_transition(new)
        self._graph.edges[old.source, old.target, transition_id]["entity"] = new
        self.events.emit("transition_changed", transition_id=transition_id, fields=tuple(changes))

    def remove_transition(self, transition_id: str) -> Transition:
        transition = self.transition(transition_id)
        self._remove_edge_element(transition_id)
        self.events.emit("transition_removed", transition_id=transition_id,
                         source=transition.source, target=transition.target)
        return transition

    # ----------------------------------------------------------------- links between cards
    def links(self) -> tuple[CardLink, ...]:
        return tuple(sorted(self._edge_elements(LINK), key=lambda link: link.id))

    def link(self, link_id: str) -> CardLink:
        return self._edge_entity(link_id, LINK)

    def add_link(self, link: CardLink) -> None:
        check.check_link(link)
        self._require_new_id(link.id)
        self._require(link.source, "card")
        self._require(link.target, "card")
        self._add_edge_element(link, LINK)
        self.events.emit("link_added", link_id=link.id)

    def remove_link(self, link_id: str) -> CardLink:
        link = self.link(link_id)
        self._remove_edge_element(link_id)
        self.events.emit("link_removed", link_id=link_id)
        return link

    # ----------------------------------------------------------------- journey paths
    def path(self, path_id: str) -> JourneyPath:
        entity = self._require(path_id, "path")["entity"]
        steps = sorted((data["index"], target) for _, target, data
                       in self._graph.out_edges(path_id, data=True) if data["kind"] == STEP)
        return dataclasses.replace(entity, stages=tuple(stage for _, stage in steps))

    def add_path(self, path: JourneyPath, index: int | None = None) -> None:
        check.check_path(path)
        self._check_route(path)
        position = self._add_ordered("path", dataclasses.replace(path, stages=()), index)
        self._set_steps(path.id, path.stages)
        self.events.emit("path_added", path_id=path.id, index=position)

    def update_path(self, path_id: str, **changes: Any) -> None:
        path = self._replace(path_id, "path", changes)
        path = dataclasses.replace(path, stages=changes.get("stages", self.path(path_id).stages))
        check.check_path(path)
        self._check_route(path)
        self._graph.nodes[path_id]["entity"] = dataclasses.replace(path, stages=())
        self._set_steps(path_id, path.stages)
        self.events.emit("path_changed", path_id=path_id, fields=tuple(changes))

    def _check_route(self, path: JourneyPath) -> None:
        for stage_id in path.stages:
            if self._node_type(stage_id) != "stage":
                raise ModelError(f"path {path.id}: unknown stage {stage_id!r}")

    def _set_steps(self, path_id: str, stage_ids: tuple[str, ...]) -> None:
        old = [(target, key) for _, target, key, data
               in self._graph.out_edges(path_id, keys=True, data=True) if data["kind"] == STEP]
        for target, key in old:
            self._graph.remove_edge(path_id, target, key)
        for index, stage_id in enumerate(stage_ids):
            self._graph.add_edge(path_id, stage_id, key=f"{STEP}:{index}", kind=STEP, index=index)
