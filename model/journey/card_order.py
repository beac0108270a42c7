"""CardOrder: JourneyMap's caches of where cards sit, so that no query re-sorts the whole map.

The graph is the one source of truth: a card's cell is its ``in_cell`` edge and its place the
``order`` attribute of its node. Reading a cell's cards in order means sorting the cell, and the
journey order of every card meant sorting every cell (168 ms for 50,000 cards) on every click
that asked for it. CardOrder keeps, per cell, the sorted tuple until that cell changes; the cells
in the graph's order; the journey order of all cards until any card or stage/lane order changes;
the positions of stages and lanes; and the number of cards. JourneyMap tells it what changed
(``card_joined``, ``card_left``, ``cell_is``, ``cell_changed``, ``cell_added``/``cell_removed``,
``orders_changed``, ``cards_counted``);
``fresh_*`` recompute each from the graph alone, and tests compare the two after every kind of
edit (tests/model/test_card_order.py). Pure Python; imports nothing of the project.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

Cell = tuple[str, str, str]  # ("cell", stage id, lane id), the cell's node in the graph


class CardOrder:
    def __init__(self, graph: Any) -> None:
        self._graph = graph
        self._members: dict[Cell, tuple[str, ...]] = {}
        self._cells: dict[Cell, None] = {}  # the cell nodes, in the graph's node order
        self._all: tuple[str, ...] | None = None
        self._positions: dict[str, int] | None = None
        self._index: tuple[tuple[str, ...], dict[str, int]] | None = None  # (of which order, index)
        self.count = 0

    # ----------------------------------------------------------------- told by the map
    def cell_changed(self, cell: Cell) -> None:
        """Cards joined or left ``cell``, or its cards were reordered: sort it when asked."""
        self._members.pop(cell, None)
        self._all = None

    def card_joined(self, cell: Cell, index: int, card_id: str) -> None:
        """One card went into ``cell`` at ``index``: a kept order takes it in without sorting."""
        members = self._members.get(cell)
        if members is not None:
            self._members[cell] = members[:index] + (card_id,) + members[index:]
        self._all = None

    def card_left(self, cell: Cell, index: int, card_id: str) -> None:
        """One card left ``cell`` from ``index``."""
        members = self._members.get(cell)
        if members is not None and members[index:index + 1] == (card_id,):
            self._members[cell] = members[:index] + members[index + 1:]
        else:
            self._members.pop(cell, None)
        self._all = None

    def cell_is(self, cell: Cell, members: tuple[str, ...]) -> None:
        """The map worked out the cell's new order itself."""
        self._members[cell] = members
        self._all = None

    def cell_added(self, cell: Cell) -> None:
        self._cells[cell] = None

    def cell_removed(self, cell: Cell) -> None:
        self._cells.pop(cell, None)
        self.cell_changed(cell)

    def orders_changed(self) -> None:
        """Stages or lanes were added, moved or removed."""
        self._positions = None
        self._all = None

    def cards_counted(self, change: int) -> None:
        self.count += change

    # ----------------------------------------------------------------- queries
    def members(self, cell: Cell) -> tuple[str, ...]:
        """The cell's card ids in order (a cell that does not exist has none)."""
        members = self._members.get(cell)
        if members is None:
            members = self._members[cell] = fresh_members(self._graph, cell)
        return members

    def cells(self) -> Iterable[Cell]:
        return self._cells.keys()

    def all_cards(self, stage_order: list[str], lane_order: list[str]) -> tuple[str, ...]:
        if self._all is None:
            members, cells = self.members, self._cells
            self._all = tuple(card_id for stage_id in stage_order for lane_id in lane_order
                              if ("cell", stage_id, lane_id) in cells
                              for card_id in members(("cell", stage_id, lane_id)))
        return self._all

    def journey_index(self, stage_order: list[str], lane_order: list[str]) -> dict[str, int]:
        """Card id -> its index in journey order; kept while that order is (a title edit or a
        vote leaves it: sorting 25,000 voted cards by place took 0.2 s, by this 10 ms)."""
        order = self.all_cards(stage_order, lane_order)
        if self._index is None or self._index[0] is not order:
            self._index = (order, {card_id: i for i, card_id in enumerate(order)})
        return self._index[1]

    def positions(self, stage_order: list[str], lane_order: list[str]) -> dict[str, int]:
        """Index of each stage among the stages and of each lane among the lanes."""
        if self._positions is None:
            self._positions = {s: i for i, s in enumerate(stage_order)}
            self._positions.update((x, i) for i, x in enumerate(lane_order))
        return self._positions


# ------------------------------------------------------------------ fresh computations (tests)
def fresh_members(graph: Any, cell: Cell) -> tuple[str, ...]:
    if cell not in graph:
        return ()
    nodes = graph._node
    return tuple(sorted(graph._pred[cell], key=lambda c: nodes[c]["order"]))


def fresh_cells(graph: Any) -> list[Cell]:
    return [node for node, data in graph.nodes(data=True) if data["type"] == "cell"]


def fresh_card_count(graph: Any) -> int:
    return sum(1 for _, data in graph.nodes(data=True) if data["type"] == "card")


def differences(order: CardOrder, stage_order: list[str], lane_order: list[str]) -> list[str]:
    """What the caches hold that a fresh computation from the graph does not (empty: equal)."""
    graph, found = order._graph, []
    cells = fresh_cells(graph)
    if list(order.cells()) != cells:
        found.append(f"cells {list(order.cells())} != {cells}")
    for cell, cached in order._members.items():
        if cached != fresh_members(graph, cell):
            found.append(f"members of {cell}: {cached} != {fresh_members(graph, cell)}")
    every = tuple(c for s in stage_order for x in lane_order
                  for c in fresh_members(graph, ("cell", s, x)))
    if order.all_cards(stage_order, lane_order) != every:
        found.append("journey order of all cards differs")
    positions = {s: i for i, s in enumerate(stage_order)} | {x: i for i, x in enumerate(lane_order)}
    if order.positions(stage_order, lane_order) != positions:
        found.append("stage/lane positions differ")
    if order.count != fresh_card_count(graph):
        found.append(f"card count {order.count} != {fresh_card_count(graph)}")
    return found
