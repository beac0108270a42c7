"""CardBoxes: the card boxes of a kept layout, held in blocks of consecutive cards of a cell, each
block placed in its row and its cards placed in the block.

Why rows: when a row grows or shrinks, every row below it moves; with absolute boxes every card
below had to be placed again (at 50,000 cards, 40,000 boxes for one drop). Why blocks: a card
added, removed or resized near the top of a 1,700-card cell moves every card below it; placed one
by one that was 1,700 boxes per drop or per undo of a delete. Blocks hold at most BLOCK cards; a
card that comes, goes or changes height re-stacks its own block from that card on, and the blocks
below it only change their top (a few dozen numbers), whatever the cell's length. A block keeps
its cards' row-relative boxes with the top it had when each was made; after the block moved, a
box is made again when next asked for.

``CardBoxes`` still reads as the plain ``{card id: CardBox}`` of ``MapLayout.cards`` (absolute
boxes, made when asked for), so everything that reads a layout reads this one alike, and it
compares equal to the dict of a fresh ``compute_layout``. The LayoutKeeper changes it through
``fill``, ``insert``, ``remove`` and ``resize``; the canvas reads ``relative`` (boxes counted
from the top of their row) and ``lane_of`` to place its items inside their rows.
Pure Python; imports model.layout.grid only.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping

from model.layout.grid import CARD_GAP, CARD_WIDTH, CELL_PADDING, CardBox, Rect, Sized

BLOCK = 48  # cards at most in a block: a fuller one is cut in two
FILL = 24  # cards per block when a cell is stacked from scratch (room to grow)
Cell = tuple[str, str]


class CardBlock:
    """Consecutive cards of one cell: their y below the block's top, the block's top in its row."""

    __slots__ = ("cell", "x", "ids", "ys", "top", "boxes")

    def __init__(self, cell: Cell, x: float, top: float) -> None:
        self.cell, self.x, self.top = cell, x, top
        self.ids: list[str] = []
        self.ys: dict[str, float] = {}  # each card's y below the block's top
        # Row-relative boxes made when asked for, each with the block's top it was made at.
        self.boxes: dict[str, tuple[float, CardBox]] = {}

    def bottom(self, sized: Mapping[str, Sized]) -> float:
        """Where its last card ends, below the block's top."""
        last = self.ids[-1]
        return self.ys[last] + sized[last][1]


class CardBoxes(Mapping):
    def __init__(self, rows: dict[str, Rect]) -> None:
        self._rows = rows  # the layout's rows, which the keeper updates in place
        self.sized: dict[str, Sized] = {}  # each placed card's lines, height and footer
        self.block_of: dict[str, CardBlock] = {}
        self.blocks: dict[Cell, list[CardBlock]] = {}  # each non-empty cell's blocks, in order
        self.relative = _RowRelative(self)  # card id -> its box counted from its row's top
        self.lane_of = _LaneOf(self.block_of)

    # ----------------------------------------------------------------- the keeper's changes
    def fill(self, cell: Cell, x: float, card_ids: Iterable[str], sized: Mapping[str, Sized]) -> None:
        """Stack a cell's cards from scratch (``sized`` holds those not placed yet)."""
        self.clear(cell)
        ids = list(card_ids)
        for card_id in ids:
            if card_id in sized:
                self.sized[card_id] = sized[card_id]
        blocks = []
        for start in range(0, len(ids), FILL):
            block = CardBlock(cell, x, 0.0)
            block.ids = ids[start:start + FILL]
            self._restack(block, 0)
            blocks.append(block)
            for card_id in block.ids:
                self.block_of[card_id] = block
        if blocks:
            self.blocks[cell] = blocks
            self._retop(blocks, 0)

    def clear(self, cell: Cell) -> None:
        """Forget a cell's blocks (its cards that are in another cell now stay there)."""
        for block in self.blocks.pop(cell, ()):
            for card_id in block.ids:
                if self.block_of.get(card_id) is block:
                    del self.block_of[card_id]

    def insert(self, cell: Cell, x: float, index: int, card_id: str, sized: Sized) -> list[str]:
        """Put a card into a cell at ``index``; returns the cards of its block placed again."""
        self.sized[card_id] = sized
        blocks = self.blocks.setdefault(cell, [])
        if not blocks:
            blocks.append(CardBlock(cell, x, CELL_PADDING))
        k, offset = _find(blocks, index)
        block = blocks[k]
        block.ids.insert(offset, card_id)
        self.block_of[card_id] = block
        moved = block.ids[offset:]
        self._restack(block, offset)
        if len(block.ids) > BLOCK:
            self._split(blocks, k)
        self._retop(blocks, k)
        return moved

    def remove(self, card_id: str) -> list[str]:
        """Take a card out of its cell; returns the cards of its block placed again."""
        block = self.block_of.pop(card_id)
        blocks = self.blocks[block.cell]
        k, offset = blocks.index(block), block.ids.index(card_id)
        del block.ids[offset]
        del block.ys[card_id]
        block.boxes.pop(card_id, None)
        if not block.ids:
            del blocks[k]
            if not blocks:
                del self.blocks[block.cell]
            self._retop(blocks, k)
            return []
        self._restack(block, offset)
        self._retop(blocks, k)
        return block.ids[offset:]

    def resize(self, card_id: str, sized: Sized) -> list[str]:
        """A card's lines, height or footer changed; returns the cards placed again."""
        old, self.sized[card_id] = self.sized[card_id], sized
        block = self.block_of[card_id]
        if old[1] == sized[1]:
            block.boxes.pop(card_id, None)
            return [card_id]
        offset = block.ids.index(card_id)
        self._restack(block, offset)
        blocks = self.blocks[block.cell]
        self._retop(blocks, blocks.index(block))
        return block.ids[offset:]

    def forget(self, card_id: str) -> None:
        """A card deleted from the map (already out of its cell)."""
        self.sized.pop(card_id, None)

    def stack_height(self, cell: Cell) -> float | None:
        """The height a cell's cards need (None: it has none)."""
        blocks = self.blocks.get(cell)
        if not blocks:
            return None
        last = blocks[-1]
        return last.top + last.bottom(self.sized) + CELL_PADDING

    def index_of(self, card_id: str) -> int:
        """A placed card's index in its cell."""
        block = self.block_of[card_id]
        before = 0
        for other in self.blocks[block.cell]:
            if other is block:
                return before + block.ids.index(card_id)
            before += len(other.ids)
        raise KeyError(card_id)  # pragma: no cover - a placed card is in its cell's blocks

    def _restack(self, block: CardBlock, offset: int) -> None:
        """Place the block's cards from ``offset`` on below the one before them."""
        ids, ys, sized = block.ids, block.ys, self.sized
        y = 0.0
        if offset:
            y = ys[ids[offset - 1]] + sized[ids[offset - 1]][1] + CARD_GAP
        for card_id in ids[offset:]:
            ys[card_id] = y
            y += sized[card_id][1] + CARD_GAP
        boxes = block.boxes
        for card_id in ids[offset:]:
            boxes.pop(card_id, None)

    def _split(self, blocks: list[CardBlock], k: int) -> None:
        block = blocks[k]
        half = CardBlock(block.cell, block.x, block.top)
        half.ids, block.ids = block.ids[len(block.ids) // 2:], block.ids[:len(block.ids) // 2]
        for card_id in half.ids:
            del block.ys[card_id]
            block.boxes.pop(card_id, None)
            self.block_of[card_id] = half
        self._restack(half, 0)
        blocks.insert(k + 1, half)

    def _retop(self, blocks: list[CardBlock], k: int) -> None:
        """The tops of the blocks from ``k`` on, each below the one before it."""
        if k >= len(blocks):
            return
        sized = self.sized
        top = CELL_PADDING if k == 0 else blocks[k - 1].top + blocks[k - 1].bottom(sized) + CARD_GAP
        for block in blocks[k:]:
            if block.top == top and block is not blocks[k]:
                break  # the rest sit where they did
            block.top = top
            top += block.bottom(sized) + CARD_GAP

    # ----------------------------------------------------------------- reading
    def relative_box(self, card_id: str) -> CardBox:
        block = self.block_of[card_id]
        made = block.boxes.get(card_id)
        if made is not None and made[0] == block.top:
            return made[1]
        lines, height, footer = self.sized[card_id]  # new, or its block moved since
        box = CardBox(Rect(block.x, block.top + block.ys[card_id], CARD_WIDTH, height), lines, footer)
        block.boxes[card_id] = (block.top, box)
        return box

    def extent(self, card_id: str) -> tuple[float, float, float, float]:
        """A card's absolute (left, top, right, bottom), without making its box."""
        block = self.block_of[card_id]
        y = self._rows[block.cell[1]].y + block.top + block.ys[card_id]
        return block.x, y, block.x + CARD_WIDTH, y + self.sized[card_id][1]

    def top_in_row(self, card_id: str) -> float:
        """A card's y counted from the top of its row (its box's, without making it)."""
        block = self.block_of[card_id]
        return block.top + block.ys[card_id]

    def __getitem__(self, card_id: str) -> CardBox:
        box = self.relative_box(card_id)
        r = box.rect
        return CardBox(Rect(r.x, r.y + self._rows[self.block_of[card_id].cell[1]].y, r.w, r.h),
                       box.title_lines, box.footer)

    def __iter__(self) -> Iterator[str]:
        return iter(self.block_of)

    def __len__(self) -> int:
        return len(self.block_of)

    def __contains__(self, card_id: object) -> bool:
        return card_id in self.block_of

    def __repr__(self) -> str:
        return f"<CardBoxes of {len(self)} cards>"


def _find(blocks: list[CardBlock], index: int) -> tuple[int, int]:
    """(block, offset in it) where a card inserted at ``index`` of the cell goes: after the last
    card before it, in that card's block."""
    before = 0
    for k, block in enumerate(blocks):
        if index <= before + len(block.ids) and (index > before or k == 0):
            return k, index - before
        before += len(block.ids)
    return len(blocks) - 1, len(blocks[-1].ids)


class _RowRelative(Mapping):
    """Card id -> its box counted from the top of its row (CardBoxes.relative_box)."""

    def __init__(self, boxes: CardBoxes) -> None:
        self._boxes = boxes

    def __getitem__(self, card_id: str) -> CardBox:
        if card_id not in self._boxes.block_of:
            raise KeyError(card_id)
        return self._boxes.relative_box(card_id)

    def __iter__(self) -> Iterator[str]:
        return iter(self._boxes.block_of)

    def __len__(self) -> int:
        return len(self._boxes.block_of)

    def __contains__(self, card_id: object) -> bool:
        return card_id in self._boxes.block_of


class _LaneOf(Mapping):
    """Card id -> the lane of its row."""

    def __init__(self, block_of: dict[str, CardBlock]) -> None:
        self._block_of = block_of

    def __getitem__(self, card_id: str) -> str:
        return self._block_of[card_id].cell[1]

    def __iter__(self) -> Iterator[str]:
        return iter(self._block_of)

    def __len__(self) -> int:
        return len(self._block_of)
