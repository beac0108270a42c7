"""Keeping the canvas's MapLayout current through edits without recomputing the whole map.

``compute_layout`` walks every card. The canvas used to call it after every model event, so undoing
one title edit in a 10,000-card map took 0.2 s. ``LayoutKeeper`` recomputes everything only after
structural edits (stages, lanes); after a card edit it redoes the cells the edit touched, from the
first card that changed, and the rows below only when a row's height changed. Its layout always
equals ``compute_layout`` of the map: tests/editor/test_incremental_updates.py checks that after
every kind of edit. Card boxes are held relative to their row (model.layout.card_boxes): when a
row changes height, the rows below move and their cards' boxes stay, so the cost of an edit is
that of the cells it touched whatever lies below them.
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
    CARD_GAP,
    CARD_WIDTH,
    CELL_PADDING,
    CardBox,
    CardSizer,
    Cell,
    MapLayout,
    Rect,
    Sized,
    _row_height,
    _stack_height,
    full_layout,
    lane_lines,
    set_height,
    set_row,
    size_card,
    stage_lines,
)

_END = 1 << 62  # "from no card on": beyond the last index of any cell
# A card added (None, place), removed (place, None) or moved (old place, new place).
Move = tuple[str, CardPlace | None, CardPlace | None]


@dataclass
class LayoutChange:
    """What an update moved, so that the canvas touches only those items."""

    cards: set[str] = field(default_factory=set)  # cards whose box is new or different
    removed: set[str] = field(default_factory=set)  # cards that no longer have a box
    rows_moved: bool = False  # a row changed height: rows below, columns and the map's height too
    moved_rows: set[str] = field(default_factory=set)  # lanes whose rows moved (their cards too)
    cells: set[Cell] = field(default_factory=set)  # cells whose cards came, went or moved
    resized: set[str] = field(default_factory=set)  # cards whose size or lines may differ
    full: bool = False  # everything was recomputed


class LayoutKeeper:
    def __init__(self, sizer: CardSizer) -> None:
        self.sizer = sizer
        self.layout = MapLayout()
        # Of each non-empty cell: its card ids in order, their heights, and the height they need.
        self._cells: dict[Cell, tuple[str, ...]] = {}
        self._heights: dict[Cell, tuple[float, ...]] = {}
        self._stacks: dict[Cell, float] = {}
        self.boxes = CardBoxes(self.layout.rows)

    def cell_cards(self, cell: Cell) -> tuple[str, ...]:
        """The card ids of a cell in order, as the kept layout has them."""
        return self._cells.get(cell, ())

    def rebuild(self, journey: JourneyMap) -> LayoutChange:
        self.layout, self._cells, self._heights, self._stacks = full_layout(journey, self.sizer)
        self.boxes = CardBoxes.from_absolute(self.layout.cards, self._cells, self.layout.rows)
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
        cards = {c for c in cards if journey.element_type(c) == "card"}
        cards.update(c for c, old, _ in moves  # new, and still there after all the moves
                     if old is None and c not in self.boxes and journey.element_type(c) == "card")
        fresh = {c: size_card(self.sizer, journey.card(c)) for c in cards}
        change = LayoutChange()
        stacks = self._moved_stacks(journey, moves, fresh, change)
        spans: dict[Cell, list[int]] = {}  # where the fresh cards sit now
        fresh_in: dict[Cell, list[str]] = {}  # the fresh cards of each cell
        for card_id in fresh:
            place = journey.card_place(card_id)
            cell = (place.stage, place.lane)
            if cell not in stacks and self._cells.get(cell, ())[place.index:][:1] != (card_id,):
                stacks[cell] = self._reread(journey, cell, fresh, change)  # out of step: read it
            spans.setdefault(cell, []).append(place.index)
            fresh_in.setdefault(cell, []).append(card_id)
        change.cells, change.resized = stacks.keys() | spans.keys(), set(fresh)
        for cell in change.cells:
            if self._restack(cell, stacks.get(cell), spans.get(cell, []), fresh,
                             fresh_in.get(cell, ()), change):
                lanes.add(cell[1])
        self._update_rows(journey, lanes, change)
        return change

    def _moved_stacks(self, journey: JourneyMap, moves: list[Move], fresh: dict[str, Sized],
                      change: LayoutChange) -> dict[Cell, tuple[tuple[str, ...], int]]:
        """(new card ids, first index that changed) of each cell that ``moves`` touched, worked
        out from the places the events name, so that no crowded cell is sorted again. A cell
        whose ids do not match an event is read from the map instead. Forgets deleted cards."""
        boxes, stacks, read = self.boxes.relative, {}, set()
        gone = {card_id for card_id, _, new in moves if new is None}
        for card_id, old, new in moves:
            for place, leaving in ((old, True), (new, False)):
                cell = (place.stage, place.lane) if place is not None else None
                if cell is None or cell in read:
                    continue
                ids, start = stacks.get(cell, (self._cells.get(cell, ()), _END))
                heights, i = self._heights.get(cell, ()), place.index
                if leaving and isinstance(i, int) and 0 <= i < len(ids) and ids[i] == card_id:
                    ids, heights = ids[:i] + ids[i + 1:], heights[:i] + heights[i + 1:]
                elif not leaving and isinstance(i, int) and 0 <= i <= len(ids) \
                        and _still_at(journey, card_id, place):
                    height = fresh[card_id][1] if card_id in fresh else boxes[card_id].rect.h
                    ids, heights = ids[:i] + (card_id,) + ids[i:], heights[:i] + (height,) + heights[i:]
                else:
                    stacks[cell] = self._reread(journey, cell, fresh, change)
                    read.add(cell)
                    continue
                stacks[cell] = ids, min(start, i)
                self._heights[cell] = heights
        self._forget(journey, gone, change)
        return stacks

    def _reread(self, journey: JourneyMap, cell: Cell, fresh: dict[str, Sized],
                change: LayoutChange) -> tuple[tuple[str, ...], int]:
        """A cell's cards as the map has them, when the events did not add up (never expected;
        a safety net): (ids, 0), its heights stored, the cards it lost forgotten if deleted."""
        boxes, ids = self.boxes.relative, journey.cell_card_ids(*cell)
        for card_id in ids:
            if card_id not in boxes and card_id not in fresh:
                fresh[card_id] = size_card(self.sizer, journey.card(card_id))
        self._heights[cell] = tuple(fresh[c][1] if c in fresh else boxes[c].rect.h for c in ids)
        self._forget(journey, set(self._cells.get(cell, ())).difference(ids), change)
        return ids, 0

    def _forget(self, journey: JourneyMap, card_ids: Iterable[str], change: LayoutChange) -> None:
        for card_id in card_ids:
            if journey.element_type(card_id) != "card":  # deleted, not moved elsewhere
                change.removed.add(card_id)
                self.boxes.drop(card_id)

    def _restack(self, cell: Cell, moved: tuple[tuple[str, ...], int] | None, spans: list[int],
                 fresh: dict[str, Sized], fresh_here, change: LayoutChange) -> bool:
        """Re-place a cell's cards from the first that may have changed: ``moved`` gives its new
        ids and their first change, ``spans`` where its fresh cards (``fresh_here``) are. True if
        the cell's height changed."""
        old = self._cells.get(cell, ())
        ids, start = moved if moved is not None else (old, _END)
        if moved is not None and fresh_here:  # where they are in the ids the moves gave
            where = {card_id: i for i, card_id in enumerate(ids)}
            spans = [where[c] for c in fresh_here if c in where]
        elif moved is not None:
            spans = []
        heights = list(self._heights.get(cell, ()))
        for i in spans:  # fresh cards whose height may have changed
            heights[i] = fresh[ids[i]][1]
        heights = tuple(heights)
        self._place(cell, ids, min([start, len(ids), *spans]), fresh, change, old,
                    max(spans, default=-1))
        if ids:
            self._cells[cell], self._heights[cell] = ids, heights
        else:
            self._cells.pop(cell, None)
            self._heights.pop(cell, None)
        height = _stack_height(heights) if ids else None
        if height == self._stacks.get(cell):
            return False
        if height is None:
            del self._stacks[cell]
        else:
            self._stacks[cell] = height
        return True

    def _place(self, cell: Cell, ids: tuple[str, ...], start: int, fresh: dict[str, Sized],
               change: LayoutChange, old: tuple[str, ...] | None = None,
               last_fresh: int = -1) -> None:
        """Stack ``ids`` in ``cell`` from index ``start``, as layout.place_cards does, in boxes
        relative to the cell's row.

        With ``old`` (the cell's previous cards), stops at the first unchanged card after the
        last ``fresh`` one when the same cards follow as before: their boxes cannot change.
        """
        boxes, lane_of, lane_id = self.boxes.relative, self.boxes.lane_of, cell[1]
        x = self.layout.cells[cell].x + CELL_PADDING
        if start:
            before = boxes[ids[start - 1]].rect
            y = before.y + before.h + CARD_GAP
        else:
            y = CELL_PADDING
        shift = len(old) - len(ids) if old is not None else 0
        for i in range(start, len(ids)):
            card_id = ids[i]
            previous = boxes.get(card_id)
            lines, height, footer = fresh[card_id] if card_id in fresh else (
                previous.title_lines, previous.rect.h, previous.footer)
            box = CardBox(Rect(x, y, CARD_WIDTH, height), lines, footer)
            if box != previous or lane_of.get(card_id) != lane_id:
                self.boxes.put(card_id, lane_id, box)
                change.cards.add(card_id)
            elif old is not None and i > last_fresh and (
                    old is ids or i + shift >= 0 and ids[i:] == old[i + shift:]):
                break
            y += height + CARD_GAP

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
        y = layout.rows[layout.lane_order[first]].y
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


def _still_at(journey: JourneyMap, card_id: str, place: CardPlace) -> bool:
    """Whether a card is where an event put it (a later event of the same update may have
    moved or removed it again)."""
    return journey.element_type(card_id) == "card" and journey.card_place(card_id) == place
