"""Card frames: a card's pixels (its shadow, note, border and kind marker; at 100 % detail also its
segment dots and text), rasterised once per look, then copied.

Antialiased rounded rectangles were most of what a card cost to paint: the see-through shadow
alone took 120 µs, the note with its border 55 µs, against 2 µs to copy the same pixels from a
pixmap; and each text line was shaped again on every paint. A look is what decides every pixel
besides the size and zoom: a zoomed-out card's kind and colour (cards share few of those), a
detailed card's kind, colour, label, title lines, footer and segment colours (its own, until
its text changes or the zoom does). ``draw_card_frame`` keeps each look's pixels in a
least-recently-used cache of CACHE_BYTES (a 2,400 × 1,600 window of cards is about 16 MB) and
copies them to the device. The pixmap is drawn with the same antialiasing at the same offset
inside a device pixel, so at any zoom where the card starts on a whole pixel (100 %, where cards
sit at whole scene units) the result is the direct drawing's; elsewhere the card lands on the
nearest pixel (under half a pixel off). A painter that rotates or shears, or one that records
rather than rasterises (SVG, or a QPainter subclass noting the calls), gets the direct drawing.
Imports: PySide6.
"""
from __future__ import annotations

import math
from collections import OrderedDict
from collections.abc import Callable, Hashable

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPaintEngine, QPainter, QPixmap, QTransform

CACHE_BYTES = 40 * 1024 * 1024
MAX_SCALE = 8.0  # beyond this zoom a frame is drawn directly: its pixmap would be huge
_RASTER = (QPaintEngine.Type.Raster,)


class _FrameCache:
    def __init__(self, budget: int) -> None:
        self.budget, self.used = budget, 0
        self._pixmaps: OrderedDict[tuple, QPixmap] = OrderedDict()

    def get(self, key: tuple) -> QPixmap | None:
        pixmap = self._pixmaps.get(key)
        if pixmap is not None:
            self._pixmaps.move_to_end(key)
        return pixmap

    def put(self, key: tuple, pixmap: QPixmap) -> None:
        self._pixmaps[key] = pixmap
        self.used += pixmap.width() * pixmap.height() * 4
        while self.used > self.budget and len(self._pixmaps) > 1:
            _, old = self._pixmaps.popitem(last=False)
            self.used -= old.width() * old.height() * 4

    def clear(self) -> None:
        self._pixmaps.clear()
        self.used = 0


frames = _FrameCache(CACHE_BYTES)


def draw_card_frame(painter: QPainter, rect: QRectF, look: Hashable,
                    paint: Callable[[QPainter, QRectF], None], reach: float) -> None:
    """Have ``paint(painter, rect)`` draw a card's frame, or copy what it drew for the same
    ``look`` (what decides every pixel besides the size) at this size and zoom. ``rect`` is the
    card in item coordinates; ``reach`` how far the frame may paint outside it."""
    t = painter.worldTransform()
    scale = t.m11()
    if (t.type().value > QTransform.TransformationType.TxScale.value or scale != t.m22()
            or scale <= 0 or scale > MAX_SCALE or painter.paintEngine().type() not in _RASTER
            or type(painter) is not QPainter):  # one that notes what is drawn on it
        paint(painter, rect)
        return
    x, y = t.map(rect.topLeft()).toTuple()  # off a whole pixel: the nearest one (see above)
    margin = math.ceil(reach * scale) + 1
    key = (look, rect.width(), rect.height(), scale)
    pixmap = frames.get(key)
    if pixmap is None:
        pixmap = _rasterise(rect, paint, scale, margin, painter.renderHints())
        frames.put(key, pixmap)
    painter.save()
    painter.resetTransform()
    painter.drawPixmap(round(x) - margin, round(y) - margin, pixmap)
    painter.restore()


def _rasterise(rect: QRectF, paint: Callable[[QPainter, QRectF], None], scale: float,
               margin: int, hints) -> QPixmap:
    pixmap = QPixmap(math.ceil(rect.width() * scale) + 2 * margin,
                     math.ceil(rect.height() * scale) + 2 * margin)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHints(hints)
    painter.translate(margin, margin)
    painter.scale(scale, scale)
    paint(painter, QRectF(0, 0, rect.width(), rect.height()))
    painter.end()
    return pixmap
