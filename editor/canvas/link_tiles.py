"""The links' pixels kept in tiles, so that repainting a window does not draw its links again.

A 50,000-card map has links tens of thousands of units tall, and some 1,500 of them cross any
window in its middle: drawing them is about 0.3 s however they are drawn (the chords of
editor.canvas.dashes are already Qt's cheapest antialiased line), nearly all of it rasterising
dashes that the cards then cover. So the link layer (editor.canvas.links) draws its links once
into tiles of TILE × TILE device pixels and copies the tiles from then on. The links are one
colour and nothing else is drawn into a tile, so a tile laid over the canvas gives the pixels the
links would have given (up to a rounding of one level where links cross).

Tiles are kept per zoom and per fraction of a pixel by which the view is shifted (a view that
scrolls keeps its fraction), and laid at whole device pixels: pixel for pixel the drawing they
replace. They are dropped where a link changes: a link tells its layer before it changes shape,
moves, shows or hides, comes or goes (``forget`` its old place), and the layer forgets its new
place before the next paint. Only a raster painter that scales without rotating gets tiles; any
other (an SVG, a rotated view, a screen of more than one pixel per unit) gets the links drawn
directly. At most BUDGET bytes are kept.
Imports: PySide6.
"""
from __future__ import annotations

import math
from collections import OrderedDict
from collections.abc import Callable, Iterable

from PySide6.QtCore import QPoint, QRect, QRectF, Qt
from PySide6.QtGui import QImage, QPaintEngine, QPainter, QTransform

TILE = 256  # device pixels
BUDGET = 32 * 1024 * 1024  # bytes of tiles kept, least recently used dropped first
MAX_SCALE = 8.0
MAX_TILES = 2048  # tiles kept at most, empty ones (no link there) included
Key = tuple[float, float, float, int, int]  # zoom, the view's shift's fractions, column, row


class LinkTiles:
    """The tiles of one link layer: ``paint`` lays them (drawing the missing ones first)."""

    def __init__(self) -> None:
        self._tiles: OrderedDict[Key, QImage | None] = OrderedDict()
        self._kept: dict[tuple[float, float, float], set[tuple[int, int]]] = {}  # by zoom, shift
        self.used = 0
        self.drawn_tiles = 0  # tiles drawn afresh (for the tests)

    def forget(self, area: QRectF) -> None:
        """Drop the tiles over ``area`` (scene units), at every zoom: a row that grows moves
        thousands of links, so this looks at the kept tiles of each zoom, not at every tile."""
        if area.isEmpty():
            return
        for shift, kept in list(self._kept.items()):
            columns, rows = self._span(area, *shift)
            if len(columns) * len(rows) <= len(kept):
                doomed = [(c, r) for r in rows for c in columns if (c, r) in kept]
            else:
                doomed = [(c, r) for c, r in kept if c in columns and r in rows]
            for place in doomed:
                self._drop(shift + place)

    def clear(self) -> None:
        self._tiles.clear()
        self._kept.clear()
        self.used = 0

    def paint(self, painter: QPainter, area: QRectF,
              draw: Callable[[QPainter, QRectF], Iterable[QRectF]]) -> bool:
        """Lay the tiles over ``area`` (scene units, the layer at the scene's origin); False when
        the painter cannot take tiles. ``draw(painter, area)`` draws the links over ``area`` with
        ``painter`` and returns the scene rectangles of those it drew."""
        t = painter.worldTransform()
        scale = t.m11()
        if (t.type().value > QTransform.TransformationType.TxScale.value or scale != t.m22()
                or not 0 < scale <= MAX_SCALE
                or painter.paintEngine().type() != QPaintEngine.Type.Raster
                or painter.device().devicePixelRatio() != 1):  # a high-density screen
            return False
        whole_x, whole_y = math.floor(t.dx()), math.floor(t.dy())
        shift = (scale, t.dx() - whole_x, t.dy() - whole_y)
        columns, rows = self._span(area, *shift)
        wanted = [(c, r) for r in rows for c in columns]
        if len(wanted) * TILE * TILE * 4 > BUDGET * 3 // 4:
            return False  # a window too big to keep: drawn directly
        for c, r in wanted:  # kept ahead of any tile dropped for new ones
            if shift + (c, r) in self._tiles:
                self._tiles.move_to_end(shift + (c, r))
        missing = [(c, r) for c, r in wanted if shift + (c, r) not in self._tiles]
        if missing:
            self._draw_tiles(missing, shift, draw, painter.renderHints())
        painter.save()
        painter.resetTransform()
        for c, r in wanted:
            image = self._tiles[shift + (c, r)]
            if image is not None:
                painter.drawImage(QPoint(c * TILE + whole_x, r * TILE + whole_y), image)
        painter.restore()
        return True

    # ----------------------------------------------------------------- inside
    @staticmethod
    def _span(area: QRectF, scale: float, fx: float, fy: float) -> tuple[range, range]:
        """The tiles' columns and rows over ``area``."""
        left, right = area.left() * scale + fx, area.right() * scale + fx
        top, bottom = area.top() * scale + fy, area.bottom() * scale + fy
        return (range(math.floor(left / TILE), math.ceil(right / TILE)),
                range(math.floor(top / TILE), math.ceil(bottom / TILE)))

    @staticmethod
    def _place(scale: float, fx: float, fy: float, column: int, row: int) -> QRectF:
        """A tile's area in scene units."""
        return QRectF((column * TILE - fx) / scale, (row * TILE - fy) / scale, TILE / scale,
                      TILE / scale)

    def _draw_tiles(self, missing: list[tuple[int, int]], shift: tuple[float, float, float],
                    draw, hints) -> None:
        """Draw the links once into an image over all the missing tiles, then cut it up."""
        scale, fx, fy = shift
        c0, c1 = min(c for c, _ in missing), max(c for c, _ in missing)
        r0, r1 = min(r for _, r in missing), max(r for _, r in missing)
        image = QImage((c1 - c0 + 1) * TILE, (r1 - r0 + 1) * TILE,
                       QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHints(hints)
        painter.setTransform(QTransform(scale, 0, 0, scale, fx - c0 * TILE, fy - r0 * TILE))
        covered = self._place(*shift, c0, r0).united(self._place(*shift, c1, r1))
        painter.setClipRect(covered)
        inked: set[tuple[int, int]] = set()
        for rect in draw(painter, covered):  # the tiles each link may have inked
            columns, rows = self._span(rect.intersected(covered), *shift)
            inked.update((c, r) for r in rows for c in columns)
        painter.end()
        for c, r in missing:
            tile = (image.copy(QRect((c - c0) * TILE, (r - r0) * TILE, TILE, TILE))
                    if (c, r) in inked else None)
            self._put(shift + (c, r), tile)
            self.drawn_tiles += 1

    def _put(self, key: Key, tile: QImage | None) -> None:
        self._tiles[key] = tile
        self._kept.setdefault(key[:3], set()).add(key[3:])
        self.used += tile.sizeInBytes() if tile is not None else 0
        while (self.used > BUDGET or len(self._tiles) > MAX_TILES) and len(self._tiles) > 1:
            self._drop(next(iter(self._tiles)))

    def _drop(self, key: Key) -> None:
        tile = self._tiles.pop(key)
        kept = self._kept[key[:3]]
        kept.discard(key[3:])
        if not kept:
            del self._kept[key[:3]]
        self.used -= tile.sizeInBytes() if tile is not None else 0
