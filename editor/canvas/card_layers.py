"""Card chunks: the cards grouped by where they are, so that Qt's cost follows what is shown and
an edit moves few items.

Why groups at all: after any change QGraphicsScene visits every top-level item once to find what
needs repainting; 50,000 top-level cards cost more than the edit itself. Why spatial ones: Qt
paints a window by asking its index for the items there and then painting each one's top-level
item with all its children (``QGraphicsScene.render`` does not look at the children again).
Groups filled in creation order each spanned the whole map, so showing one corner painted every
card (issue 12: 88× the bare scene at 50,000 cards). Why chunks of a cell: a card dropped at the
top of a 1,700-card cell pushes the 1,700 cards below it down, and a taller row pushes every row
below it; cards placed one by one cost 25 µs each.

So each cell's cards are cut into chunks of consecutive cards (at most CHUNK cards, split in
halves when a chunk grows past it, never re-cut otherwise). A chunk is a ``CardChunk`` item that
draws nothing, sits at the top of its first card and holds its cards at positions relative to
that; its bounding rectangle is its cards'. When cards above it move, the chunk moves, not its
cards; when its row moves, all its cell's chunks move. Only the chunks whose cards came, went or
changed size place their cards again. ``follow`` takes in what an edit put into cells and took
out (a card goes in after the card before it: the cost of the change, not of the cell), ``sync``
follows a cell's whole new order (the full layout), ``move_row`` a row's new top. A chunk tells
Qt that its cards lie within its shape (their rectangles), so Qt indexes the chunk, not its
cards, and moving it re-files one item; while cards may be dragged out (``loosen``) their chunks
drop that promise. ``CardItem.paint`` also skips a card outside the painter's clip, since a
window still touches the chunks along its edges.
Imports: PySide6, editor.canvas.items, model.layout (card_boxes, grid).
"""
from __future__ import annotations

from bisect import bisect_left

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene

from editor.canvas.items import CARD_Z, CardItem
from model.layout.card_boxes import CardBoxes
from model.layout.grid import CARD_WIDTH

CHUNK = 24  # cards at most in a chunk; a fuller one is split in two
# A chunk draws nothing, and its cards lie within its shape: Qt files the chunk in its index, not
# its cards, so moving a chunk re-files one item, not 25 (140 chunks moved below a drop at the
# top of a 1,700-card cell cost 30-80 ms of re-filing their cards).
_CHUNK_FLAGS = (QGraphicsItem.GraphicsItemFlag.ItemHasNoContents
                | QGraphicsItem.GraphicsItemFlag.ItemContainsChildrenInShape)
REACH = CardItem.paint_margin + 1  # how far a card paints outside its rectangle

Cell = tuple[str, str]


class CardChunk(QGraphicsItem):
    """Consecutive cards of one cell, placed relative to the top of the first (see above)."""

    def __init__(self, cell: Cell) -> None:
        super().__init__()
        self.setFlags(_CHUNK_FLAGS)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)  # presses go to what is below
        self.setZValue(CARD_Z)
        self.cell = cell
        self.ids: list[str] = []
        self.top = 0.0  # the first card's y in its row
        self.dirty = True  # its cards must be placed again
        self._bounds = QRectF()
        self._shape: QPainterPath | None = None

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        """Its cards' rectangles: Qt looks for what is under the pointer or in a rubber band
        among its cards there, and a gap between them is the cell's, as without chunks."""
        if self._shape is None:
            self._shape = QPainterPath()
            for card in self.childItems():
                self._shape.addRect(card.mapRectToParent(card.rect()))
        return self._shape

    def paint(self, painter: QPainter, option, widget=None) -> None:
        pass

    def set_bounds(self, x: float, height: float) -> None:
        self._shape = None  # its cards were placed again
        bounds = QRectF(x - REACH, -REACH, CARD_WIDTH + 2 * REACH, height + 2 * REACH)
        if bounds != self._bounds:
            self.prepareGeometryChange()
            self._bounds = bounds


class CardChunks:
    """The chunks of one scene's cards, cell by cell."""

    def __init__(self, scene: QGraphicsScene) -> None:
        self._scene = scene
        self._cells: dict[Cell, list[CardChunk]] = {}
        self._chunk_of: dict[str, CardChunk] = {}
        self._row_top: dict[str, float] = {}
        self._loose: list[CardChunk] = []  # chunks whose cards may be dragged out (loosen)

    def loosen(self, cards) -> None:
        """These cards may be dragged out of their chunks: until ``tighten``, their chunks stop
        telling Qt that they hold them, else Qt would not repaint where a card is dragged."""
        for card in cards:
            chunk = card.parentItem()
            if isinstance(chunk, CardChunk) and chunk not in self._loose:
                chunk.setFlag(QGraphicsItem.GraphicsItemFlag.ItemContainsChildrenInShape, False)
                self._loose.append(chunk)

    def tighten(self) -> None:
        for chunk in self._loose:
            chunk.setFlag(QGraphicsItem.GraphicsItemFlag.ItemContainsChildrenInShape)
        self._loose.clear()

    def chunks(self) -> list[CardChunk]:
        return [chunk for chunks in self._cells.values() for chunk in chunks]

    # ----------------------------------------------------------------- following the layout
    def sync(self, cell: Cell, ids: tuple[str, ...], boxes: CardBoxes, resized=frozenset()) -> None:
        """The cell now holds ``ids`` in this order, at ``boxes`` (relative to their row); the
        cards in ``resized`` may have changed size or text."""
        chunks = self._cells.setdefault(cell, [])
        self._drop_gone(chunks, set(ids))
        self._drop_out_of_order(chunks, ids)
        self._add_new(cell, chunks, ids)
        self._split_full(chunks)
        self._place(chunks, boxes, resized)
        if not chunks:
            del self._cells[cell]

    def follow(self, cells: dict[Cell, tuple[str, ...]], came: dict[Cell, set[str]],
               went: dict[Cell, set[str]], boxes: CardBoxes, resized=frozenset()) -> None:
        """After an edit: ``cells`` hold these ids now, the cards in ``came`` were put into
        them and those in ``went`` taken out (as the layout keeper followed them), the cards in
        ``resized`` may have changed size or text. Costs what came, went or changed and the
        number of chunks of each cell, not the cells' length: a card goes in after the card
        before it, the chunks below only move."""
        for cell, gone in went.items():
            for card_id in gone:
                chunk = self._chunk_of.get(card_id)
                if chunk is not None and chunk.cell == cell:
                    chunk.ids.remove(card_id)
                    chunk.dirty = True
                    del self._chunk_of[card_id]
        for card_id in resized:
            chunk = self._chunk_of.get(card_id)
            if chunk is not None:
                chunk.dirty = True
        for cell, ids in cells.items():
            chunks = self._cells.setdefault(cell, [])
            if not self._take_in(cell, chunks, ids, came.get(cell, ())):
                self.sync(cell, ids, boxes, resized)  # never expected: follow the cell anew
                continue
            self._split_full(chunks)
            self._place(chunks, boxes, ())
            if not chunks:
                del self._cells[cell]

    def _take_in(self, cell: Cell, chunks: list[CardChunk], ids: tuple[str, ...],
                 arrivals) -> bool:
        """Put each arrival right after the card before it (in order, so that one arriving
        after another finds it placed); False if that card is in no chunk of the cell."""
        where = []
        for card_id in arrivals:
            try:
                where.append((ids.index(card_id), card_id))
            except ValueError:  # came, and went again
                continue
        for index, card_id in sorted(where):
            if index == 0:
                target = chunks[0] if chunks and chunks[0].ids else self._new_chunk(cell, chunks, 0)
                target.ids.insert(0, card_id)
            else:
                target = self._chunk_of.get(ids[index - 1])
                if target is None or target.cell != cell or ids[index - 1] not in target.ids:
                    return False
                target.ids.insert(target.ids.index(ids[index - 1]) + 1, card_id)
            target.dirty = True
            self._chunk_of[card_id] = target
        return True

    def move_row(self, lane_id: str, top: float) -> float:
        """The lane's row now starts at ``top``: its chunks, and so its cards, follow. Returns
        how far they moved down."""
        old = self._row_top.get(lane_id, top)
        self._row_top[lane_id] = top
        if old != top:
            for cell, chunks in self._cells.items():
                if cell[1] == lane_id:
                    for chunk in chunks:
                        chunk.setPos(0, top + chunk.top)
        return top - old

    def cells(self) -> list[Cell]:
        return list(self._cells)

    # ----------------------------------------------------------------- membership
    def _drop_gone(self, chunks: list[CardChunk], kept: set[str]) -> None:
        for chunk in chunks:
            if any(c not in kept for c in chunk.ids):
                for c in chunk.ids:
                    if c not in kept and self._chunk_of.get(c) is chunk:
                        del self._chunk_of[c]
                chunk.ids = [c for c in chunk.ids if c in kept]
                chunk.dirty = True

    def _drop_out_of_order(self, chunks: list[CardChunk], ids: tuple[str, ...]) -> None:
        """Cards that stayed in the cell but changed places (a move within it) leave their
        chunks, to come back where they belong: all but the longest run that kept its order."""
        held = [c for chunk in chunks for c in chunk.ids]
        rank = {c: i for i, c in enumerate(ids)}
        ranks = [rank[c] for c in held]
        if all(a < b for a, b in zip(ranks, ranks[1:], strict=False)):
            return
        keep = _longest_rising(ranks)
        moved = {held[i] for i in range(len(held)) if i not in keep}
        for chunk in chunks:
            if any(c in moved for c in chunk.ids):
                chunk.ids = [c for c in chunk.ids if c not in moved]
                chunk.dirty = True
        for c in moved:
            del self._chunk_of[c]

    def _add_new(self, cell: Cell, chunks: list[CardChunk], ids: tuple[str, ...]) -> None:
        """Every card of ``ids`` not in a chunk of this cell goes right after the one before it."""
        for index, card_id in enumerate(ids):
            chunk = self._chunk_of.get(card_id)
            if chunk is not None and chunk.cell == cell and card_id in chunk.ids:
                continue
            if index == 0:
                target = chunks[0] if chunks and chunks[0].ids else self._new_chunk(cell, chunks, 0)
                target.ids.insert(0, card_id)
            else:
                target = self._chunk_of[ids[index - 1]]
                target.ids.insert(target.ids.index(ids[index - 1]) + 1, card_id)
            target.dirty = True
            self._chunk_of[card_id] = target

    def _split_full(self, chunks: list[CardChunk]) -> None:
        i = 0
        while i < len(chunks):
            chunk = chunks[i]
            if not chunk.ids:
                for moving in chunk.childItems():  # cards on their way to another chunk
                    moving.setParentItem(None)
                self._scene.removeItem(chunk)
                del chunks[i]
                continue
            if len(chunk.ids) > CHUNK:
                half = self._new_chunk(chunk.cell, chunks, i + 1)
                half.ids, chunk.ids = chunk.ids[len(chunk.ids) // 2:], chunk.ids[:len(chunk.ids) // 2]
                for c in half.ids:
                    self._chunk_of[c] = half
                chunk.dirty = True
                continue  # the first half may still be too full
            i += 1

    def _new_chunk(self, cell: Cell, chunks: list[CardChunk], at: int) -> CardChunk:
        chunk = CardChunk(cell)
        chunks.insert(at, chunk)
        self._scene.addItem(chunk)
        return chunk

    # ----------------------------------------------------------------- positions
    def _place(self, chunks: list[CardChunk], boxes: CardBoxes, resized) -> None:
        items, relative = self._scene.cards, boxes.relative
        for chunk in chunks:
            top = boxes.top_in_row(chunk.ids[0])
            if chunk.dirty or resized and any(c in resized for c in chunk.ids):
                self._place_cards(chunk, items, relative, top, force=top != chunk.top)
            if top != chunk.top or chunk.pos().y() != self._row_top.get(chunk.cell[1], 0.0) + top:
                chunk.top = top
                chunk.setPos(0, self._row_top.get(chunk.cell[1], 0.0) + top)

    def _place_cards(self, chunk: CardChunk, items, relative, top: float, force: bool) -> None:
        """Place the chunk's cards whose boxes (new objects when they changed) or chunk differ."""
        for card_id in chunk.ids:
            item, box = items.get(card_id), relative[card_id]
            if item is None or (item.box is box and not force and item.parentItem() is chunk):
                continue
            item.set_box(box, top)
            if item.parentItem() is not chunk:
                item.setParentItem(chunk)  # keeps pos(): its place in the chunk
        last = relative[chunk.ids[-1]].rect
        chunk.set_bounds(last.x, last.y + last.h - top)
        chunk.dirty = False


def _longest_rising(values: list[int]) -> set[int]:
    """Indexes of a longest strictly rising run (not necessarily adjacent) of ``values``."""
    tails: list[int] = []  # value at the end of the best run of each length
    ends: list[int] = []  # index where that run ends
    before = [-1] * len(values)
    for i, value in enumerate(values):
        k = bisect_left(tails, value)
        before[i] = ends[k - 1] if k else -1
        if k == len(tails):
            tails.append(value)
            ends.append(i)
        else:
            tails[k], ends[k] = value, i
    kept, i = set(), ends[-1] if ends else -1
    while i >= 0:
        kept.add(i)
        i = before[i]
    return kept
