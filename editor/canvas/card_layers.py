"""Card layers: the cards grouped by where they are, so that Qt's cost follows what is shown.

Why layers at all: after any change QGraphicsScene visits every top-level item once to find what
needs repainting; 50,000 top-level cards cost more than the edit itself. Why spatial ones: Qt
paints a window by asking its index for the items there and then painting each one's top-level
item with all its children (``QGraphicsScene.render`` does not look at the children again). Layers
filled in creation order each spanned the whole map, so showing one corner painted every card
(issue 12: 88× the bare scene at 50,000 cards).

A ``CardLayer`` holds the cards whose top-left corner lies in one tile: one stage column of one
lane's row by ``TILE_HEIGHT`` scene units. It sits at the top of its row, so its cards' positions
are relative to the row, as the kept layout's boxes are (model.layout.card_boxes): when a row
moves (a card added to the tallest cell above it), its layers move, not its cards. A layer draws
nothing; its bounding rectangle is the tile grown by the largest card, so the index finds it
exactly when the tile's cards may show. A card changes layer only when a move takes it to another
tile. ``CardItem.paint`` also skips a card outside the painter's clip, since a window still
touches the tiles along its edges.
Imports: PySide6, model.layout.grid, editor.canvas.items.
"""
from __future__ import annotations

import math

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter, QPainterPath
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene

from editor.canvas.items import CARD_Z, CardItem
from model.layout.grid import (
    CARD_FOOTER,
    CARD_KIND_STRIP,
    CARD_PADDING,
    CARD_WIDTH,
    COLUMN_WIDTH,
    MAX_TITLE_LINES,
    TITLE_LEADING,
)

TILE_HEIGHT = 1024.0
# The tallest card there can be, and how far any card paints outside its rectangle.
TALLEST_CARD = 2 * CARD_PADDING + CARD_KIND_STRIP + MAX_TITLE_LINES * TITLE_LEADING + CARD_FOOTER
REACH = CardItem.paint_margin + 1

Tile = tuple[str, int, int]  # lane, column, band of the row


class CardLayer(QGraphicsItem):
    """The cards of one tile (see the module's docstring); draws nothing itself."""

    def __init__(self, tile: Tile) -> None:
        super().__init__()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents)
        self.setZValue(CARD_Z)
        self.tile = tile
        self.cards = 0  # how many cards it holds now
        x, y = tile[1] * COLUMN_WIDTH, tile[2] * TILE_HEIGHT  # in its row
        self._bounds = QRectF(x - REACH, y - REACH, COLUMN_WIDTH + CARD_WIDTH + 2 * REACH,
                              TILE_HEIGHT + TALLEST_CARD + 2 * REACH)

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        return QPainterPath()  # never under the pointer: clicks go to its cards (or past them)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        pass


class CardLayers:
    """The layers of one scene, made as cards need them."""

    def __init__(self, scene: QGraphicsScene) -> None:
        self._scene = scene
        self._layers: dict[Tile, CardLayer] = {}
        self._of_lane: dict[str, list[CardLayer]] = {}
        self._row_top: dict[str, float] = {}
        self._tile_of: dict[str, Tile] = {}  # card id -> the tile of its layer

    def place(self, item: CardItem, lane_id: str, x: float, y: float) -> None:
        """Put a card whose rectangle now starts at (x, y) in its row (``item.pos()``, already
        set) into its tile's layer; this also puts a new card into the scene."""
        tile = (lane_id, math.floor(x / COLUMN_WIDTH), math.floor(y / TILE_HEIGHT))
        old = self._tile_of.get(item.element_id)
        if old == tile:
            return
        layer = self._layers.get(tile)
        if layer is None:
            layer = self._layers[tile] = CardLayer(tile)
            layer.setPos(0, self._row_top.get(lane_id, 0.0))
            self._of_lane.setdefault(lane_id, []).append(layer)
            self._scene.addItem(layer)
        if old is not None:
            self._layers[old].cards -= 1
        item.setParentItem(layer)  # keeps pos(): its place in the row
        layer.cards += 1
        self._tile_of[item.element_id] = tile

    def move_row(self, lane_id: str, top: float) -> float:
        """The lane's row now starts at ``top``: its layers, and so its cards, follow. Returns
        how far they moved down."""
        old = self._row_top.get(lane_id, top)
        self._row_top[lane_id] = top
        if old != top:
            for layer in self._of_lane.get(lane_id, ()):
                layer.setPos(0, top)
        return top - old

    def forget(self, item: CardItem) -> None:
        """The card leaves the scene."""
        tile = self._tile_of.pop(item.element_id, None)
        if tile is not None:
            self._layers[tile].cards -= 1

    def layers(self) -> list[CardLayer]:
        return list(self._layers.values())
