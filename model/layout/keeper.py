"""Keeping the canvas's MapLayout current through edits without recomputing the whole map.

``compute_layout`` walks every card. The canvas used to call it after every model event, so undoing
one title edit in a 10,000-card map took 0.2 s. ``LayoutKeeper`` recomputes everything only after
structural edits (stages, lanes); after card edits it follows each card added, removed or moved
as the events name it (no cell is sorted or read again), re-sizes the cards whose content changed,
and moves the rows below only when a row's height changed. Its layout always equals
``compute_layout`` of the map: tests/editor/test_incremental_updates.py checks that after every
kind of edit. Card boxes are held in blocks of a cell, relative to their row
(model.layout.card_boxes): a card that comes or goes re-places the cards of its block, the blocks
below it and the rows below move whole, so an edit costs what it touched, not the cell's length
or what lies below.
Pure Python; imports model.* only.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from model.journey.entities import CardPlace
from model.journey.events import Event
from model.journey.journey_map import JourneyMap
from model.layout.card_boxes import CardBoxes
from model.layout.grid import (
    CELL_PADDING,
    CardBox,
    CardSizer,
    Cell,
    MapLayout,
    Sized,
    _row_height,
    full_layout,
    lane_lines,
    set_height,
    set_row,
    size_card,
    stage_lines,
)

# A card added (None, place), removed (place, None) or moved (old place, new place).
Move = tuple[str, CardPlace | None, CardPlace | None]


@dataclass
class LayoutChange:
    """What an update moved, so that the canvas touches only those items."""

    cards: set[str] = field(default_factory=set)  # cards placed again in their block
    removed: set[str] = field(default_factory=set)  # cards that no longer have a box
    rows_moved: bool = False  # a row changed height: rows below, columns and the map's height too
    rows_from: float = 0.0  # when rows moved: nothing above this height changed (cells, rows)
    moved_rows: set[str] = field(default_factory=set)  # lanes whose rows moved (their cards too)
    # Cells whose cards came, went or changed, each with the first index from which its cards
    # may have moved (the blocks below a change move whole: their cards are not in ``cards``).
    moved_from: dict[Cell, int] = field(default_factory=dict)
    resized: set[str] = field(default_factory=set)  # cards whose size or lines may differ
    came: dict[Cell, set[str]] = field(default_factory=dict)  # cards put into each cell
    went: dict[Cell, set[str]] = field(default_factory=dict)  # cards taken out of each cell
    broken: set[Cell] = field(default_factory=set)  # cells read again from the map
    full: bool = False  # everything was recomputed

    @property
    def cells(self) -> set[Cell]:
        return set(self.moved_from)

    def mark(self, cell: Cell, index: int) -> None:
        """Cards of ``cell`` from ``index`` on may have moved."""
        self.moved_from[cell] = min(index, self.moved_from.get(cell, index))


class LayoutKeeper:
    def __init__(self, sizer: CardSizer) -> None:
        self.sizer = sizer
        self.layout = MapLayout()
        self._cells: dict[Cell, tuple[str, ...]] = {}  # each non-empty cell's card ids in order
        self._stacks: dict[Cell, float] = {}  # the height each non-empty cell needs
        self.boxes = CardBoxes(self.layout.rows)

    def cell_cards(self, cell: Cell) -> tuple[str, ...]:
        """The card ids of a cell in order, as the kept layout has them."""
        return self._cells.get(cell, ())

    def rebuild(self, journey: JourneyMap) -> LayoutChange:
        self.layout, self._cells, _, self._stacks = full_layout(journey, self.sizer)
        absolute, self.boxes = self.layout.cards, CardBoxes(self.layout.rows)
        for cell, ids in self._cells.items():
            self.boxes.fill(cell, self.layout.cells[cell].x + CELL_PADDING, ids,
                            {c: _sized(absolute[c]) for c in ids})
        self.layout.cards = self.boxes
        return LayoutChange(full=True)

    def update(self, journey: JourneyMap, moves: Iterable[Move] = (), cards: Iterable[str] = (),
               stages: Iterable[str] = (), lanes: Iterable[str] = ()) -> LayoutChange:
        """Catch up with edits that only added, removed or moved cards (``moves``, as the model's
        events tell them, in order: several edits may be caught up with at once), changed the
        content of ``cards``, the name or overview of ``stages`` or the name or kind of
        ``lanes``."""
        layout, widths = self.layout, self.sizer.widths
        lanes, moves = set(lanes), list(moves)
        if any(p is not None and (p.stage not in layout.stage_headers or p.lane not in layout.rows)
               for _, old, new in moves for p in (old, new)):
            return self.rebuild(journey)
        for stage_id in stages:
            stage_lines(layout, journey.stage(stage_id), widths)
        for lane_id in lanes:
            lane_lines(layout, journey.lane(lane_id), widths)
        change, sized = LayoutChange(), set()
        for card_id, old, new in moves:
            if old is not None:
                self._take_out(card_id, old, change)
            if new is not None:
                self._put_in(journey, card_id, new, sized, change)
        for card_id, _, new in moves:
            if new is None and journey.element_type(card_id) != "card":  # deleted
                change.removed.add(card_id)
                self.boxes.forget(card_id)
        for card_id in cards:
            if card_id not in sized and journey.element_type(card_id) == "card":
                self._resize(journey, card_id, change)
        change.removed = {c for c in change.removed if c not in self.boxes.block_of}  # put back
        self._reread_broken(journey, change)
        for cell in change.cells:
            if self._restacked(cell):
                lanes.add(cell[1])
        self._update_rows(journey, lanes, change)
        return change

    def _take_out(self, card_id: str, place: CardPlace, change: LayoutChange) -> None:
        cell, i = (place.stage, place.lane), place.index
        ids = self._cells.get(cell, ())
        change.mark(cell, i if isinstance(i, int) else 0)
        if cell in change.broken:
            return
        block = self.boxes.block_of.get(card_id)
        if not (isinstance(i, int) and 0 <= i < len(ids) and ids[i] == card_id
                and block is not None and block.cell == cell):
            change.broken.add(cell)  # the events do not add up: read from the map below
            return
        self._cells[cell] = ids[:i] + ids[i + 1:]
        change.went.setdefault(cell, set()).add(card_id)
        change.cards.update(self.boxes.remove(card_id))

    def _put_in(self, journey: JourneyMap, card_id: str, place: CardPlace, sized: set[str],
                change: LayoutChange) -> None:
        cell, i = (place.stage, place.lane), place.index
        ids = self._cells.get(cell, ())
        change.mark(cell, i if isinstance(i, int) else 0)
        if cell in change.broken or card_id in self.boxes.block_of:  # it is in a broken cell
            change.broken.add(cell)
            return
        if not (isinstance(i, int) and 0 <= i <= len(ids)):
            change.broken.add(cell)
            return
        if card_id in self.boxes.sized and card_id not in sized:
            size = self.boxes.sized[card_id]  # moved: its size is known
        elif journey.element_type(card_id) == "card":
            size = size_card(self.sizer, journey.card(card_id))  # new
            sized.add(card_id)
            change.resized.add(card_id)
        else:
            size = ((), 0.0, "")  # added and deleted again in this update: leaves no trace
        self._cells[cell] = ids[:i] + (card_id,) + ids[i:]
        change.came.setdefault(cell, set()).add(card_id)
        x = self.layout.cells[cell].x + CELL_PADDING
        change.cards.update(self.boxes.insert(cell, x, i, card_id, size))

    def _resize(self, journey: JourneyMap, card_id: str, change: LayoutChange) -> None:
        """A card whose content changed: its lines, height or footer may differ."""
        block = self.boxes.block_of.get(card_id)
        if block is None or block.cell in change.broken:
            return  # in a broken cell: read again below
        size = size_card(self.sizer, journey.card(card_id))
        change.resized.add(card_id)
        if size == self.boxes.sized[card_id]:
            return
        change.mark(block.cell, self.boxes.index_of(card_id))
        change.cards.update(self.boxes.resize(card_id, size))

    def _reread_broken(self, journey: JourneyMap, change: LayoutChange) -> None:
        """Cells whose events did not add up (never expected; a safety net), or whose kept cards
        differ from the map's in the end, are read from the map and stacked again."""
        change.broken.update(c for c in change.cells if c not in change.broken
                             and self._cells.get(c, ()) != journey.cell_card_ids(*c))
        for cell in change.broken:
            ids = journey.cell_card_ids(*cell)
            fresh = {c: size_card(self.sizer, journey.card(c)) for c in ids}
            self.boxes.fill(cell, self.layout.cells[cell].x + CELL_PADDING, ids, fresh)
            change.cards.update(ids)
            change.resized.update(ids)
            change.mark(cell, 0)
            if ids:
                self._cells[cell] = ids
            else:
                self._cells.pop(cell, None)
        for card_id in list(change.cards):
            if card_id not in self.boxes.block_of:
                change.cards.discard(card_id)
                if journey.element_type(card_id) != "card":
                    change.removed.add(card_id)
                    self.boxes.forget(card_id)

    def _restacked(self, cell: Cell) -> bool:
        """Note the height the cell's cards need now; True if it changed."""
        if not self._cells.get(cell):
            self._cells.pop(cell, None)
        height = self.boxes.stack_height(cell)
        if height == self._stacks.get(cell):
            return False
        if height is None:
            del self._stacks[cell]
        else:
            self._stacks[cell] = height
        return True

    def _update_rows(self, journey: JourneyMap, lanes: set[str], change: LayoutChange) -> None:
        """New heights for ``lanes``; if one changed, move that row and every row below it (their
        cards' boxes, relative to their rows, stay)."""
        layout = self.layout
        heights = {lane_id: _row_height(journey.lane(lane_id).kind,
                                        (self._stacks[(s, lane_id)] for s in layout.stage_order
                                         if (s, lane_id) in self._stacks))
                   for lane_id in lanes}
        moved = [layout.lane_order.index(x) for x, h in heights.items() if h != layout.rows[x].h]
        if not moved:
            return
        first = min(moved)
        row = layout.rows[layout.lane_order[first]]
        change.rows_from = row.y + min(row.h, heights[layout.lane_order[first]])
        y = row.y
        for lane_id in layout.lane_order[first:]:
            row_h = heights.get(lane_id, layout.rows[lane_id].h)
            if layout.rows[lane_id].y != y:
                change.moved_rows.add(lane_id)
            set_row(layout, lane_id, y, row_h)
            y += row_h
        set_height(layout, y)
        change.rows_moved = True


def card_updates(events: Iterable[Event]) -> tuple[list[Move], list[str]]:
    """A batch of card events (card_added, card_removed, card_moved, card_changed) as
    ``update``'s moves and changed cards; what the canvas does at the end of an undo step."""
    moves: list[Move] = []
    cards: list[str] = []
    for event in events:
        p = event.payload
        if event.type == "card_moved":
            moves.append((p["card_id"], p["old"], p["new"]))
        elif event.type == "card_changed":
            cards.append(p["card_id"])
        else:
            place = CardPlace(p["stage_id"], p["lane_id"], p.get("index"))
            added = event.type == "card_added"
            moves.append((p["card_id"], None, place) if added else (p["card_id"], place, None))
            cards += [p["card_id"]] if added else []
    return moves, cards


def _sized(box: CardBox) -> Sized:
    return box.title_lines, box.rect.h, box.footer
