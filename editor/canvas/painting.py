"""Drawing helpers shared by the scene items: marker shapes, wrapped text lines, colours.

Imports: PySide6.QtCore/QtGui, model.layout.appearance, editor.fonts.
"""
from __future__ import annotations

import math
from functools import lru_cache

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPaintEngine,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
    QStaticText,
)

from editor.fonts import scene_font
from model import CardKind
from model.layout.appearance import CARD_MARKERS, EMPHASISED_KINDS, card_colour
from model.layout.grid import CARD_PADDING

TITLE_COLOUR = QColor("#1d1d1d")
_RASTER = QPaintEngine.Type.Raster


@lru_cache(maxsize=32)
def cached_font(size: float, bold: bool = False) -> QFont:
    return scene_font(size, bold)


@lru_cache(maxsize=32)
def ascent(size: float, bold: bool = False) -> float:
    return QFontMetricsF(cached_font(size, bold)).ascent()


@lru_cache(maxsize=16384)
def static_line(text: str, size: float, bold: bool) -> QStaticText:
    """One line of plain text, shaped once (``drawText`` shapes it again on every paint: a third
    of what a card cost to paint). Keyed by font too, so that a painter never re-lays it out."""
    line = QStaticText(text)
    line.setTextFormat(Qt.TextFormat.PlainText)
    return line


def draw_lines(painter: QPainter, lines, x: float, top: float, size: float, leading: float,
               bold: bool = False) -> float:
    """Draw text lines from ``top`` (first line's top) with ``leading``; return the y after them.
    On a raster device each line is a kept QStaticText (``static_line``): the same glyphs at the
    same places; a recording device (SVG, PDF) gets plain text."""
    painter.setFont(cached_font(size, bold))
    baseline = top + ascent(size, bold) + (leading - size) / 2
    if painter.paintEngine().type() == _RASTER:
        line_top = baseline - ascent(size, bold)
        for line in lines:
            painter.drawStaticText(QPointF(x, line_top), static_line(line, size, bold))
            line_top += leading
    else:
        for line in lines:
            painter.drawText(QPointF(x, baseline), line)
            baseline += leading
    return top + leading * len(lines)


def draw_rect_within(painter: QPainter, rect: QRectF, exposed: QRectF) -> None:
    """``painter.drawRect(rect)`` with the painter's pen and brush, for a rectangle that may reach
    far beyond what is being painted (a cell of a 50,000-card map is 90,000 units tall): Qt strokes
    a rectangle's whole outline, a dashed one dash by dash, however little of it shows. The painter
    must be clipped to ``exposed`` (Qt clips a paint event to its region). A large rectangle is cut
    a little outside ``exposed``: with a solid pen the cut edges fall outside the clip and what
    shows is pixel for pixel the same; with a dashed pen each real edge is drawn on its own, its
    dashes counted from its own corner, so that repaints of neighbouring areas meet."""
    pen = painter.pen()
    reach = pen.widthF() + 2
    area = exposed.adjusted(-reach, -reach, reach, reach)
    if area.contains(rect):
        painter.drawRect(rect)
        return
    inside = rect.intersected(area)
    if inside.isEmpty():
        return
    if pen.style() in (Qt.PenStyle.SolidLine, Qt.PenStyle.NoPen):
        painter.drawRect(inside)
        return
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawRect(inside)
    left, top, right, bottom = rect.left(), rect.top(), rect.right(), rect.bottom()
    for start, end in (((left, top), (right, top)), ((right, top), (right, bottom)),
                       ((left, bottom), (right, bottom)), ((left, top), (left, bottom))):
        _edge_within(painter, pen, QLineF(*start, *end), area)
    painter.restore()


def _edge_within(painter: QPainter, pen: QPen, edge: QLineF, area: QRectF) -> None:
    """One horizontal or vertical edge, cut to ``area``, its dashes in step with the whole."""
    if edge.y1() == edge.y2():  # horizontal
        if not area.top() <= edge.y1() <= area.bottom():
            return
        a, b = max(edge.x1(), area.left()), min(edge.x2(), area.right())
        begun, part = a - edge.x1(), QLineF(a, edge.y1(), b, edge.y1())
    else:
        if not area.left() <= edge.x1() <= area.right():
            return
        a, b = max(edge.y1(), area.top()), min(edge.y2(), area.bottom())
        begun, part = a - edge.y1(), QLineF(edge.x1(), a, edge.x1(), b)
    if a >= b:
        return
    shifted = QPen(pen)
    shifted.setDashOffset(pen.dashOffset() + begun / max(pen.widthF(), 1.0))
    painter.setPen(shifted)
    painter.drawLine(part)


def _star(rect: QRectF) -> QPainterPath:
    cx, cy, r = rect.center().x(), rect.center().y(), rect.width() / 2
    points = []
    for i in range(10):
        radius = r if i % 2 == 0 else r * 0.45
        angle = -math.pi / 2 + i * math.pi / 5
        points.append(QPointF(cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    path = QPainterPath()
    path.addPolygon(QPolygonF(points))
    path.closeSubpath()
    return path


def _bolt(rect: QRectF) -> QPainterPath:
    x, y, w, h = rect.x(), rect.y(), rect.width(), rect.height()
    shape = [(0.6, 0), (0.1, 0.55), (0.45, 0.55), (0.3, 1), (0.9, 0.4), (0.55, 0.4), (0.75, 0)]
    path = QPainterPath()
    path.addPolygon(QPolygonF([QPointF(x + a * w, y + b * h) for a, b in shape]))
    path.closeSubpath()
    return path


def _bulb(rect: QRectF) -> QPainterPath:
    path = QPainterPath()
    w, h = rect.width(), rect.height()
    path.addEllipse(QRectF(rect.x() + w * 0.1, rect.y(), w * 0.8, h * 0.75))
    path.addRect(QRectF(rect.x() + w * 0.32, rect.y() + h * 0.72, w * 0.36, h * 0.28))
    return path


def _flag(rect: QRectF) -> QPainterPath:
    x, y, w, h = rect.x(), rect.y(), rect.width(), rect.height()
    path = QPainterPath()
    path.addRect(QRectF(x + w * 0.1, y, w * 0.12, h))
    path.addPolygon(QPolygonF([QPointF(x + w * 0.22, y), QPointF(x + w, y + h * 0.25),
                               QPointF(x + w * 0.22, y + h * 0.5)]))
    return path


def _bars(rect: QRectF) -> QPainterPath:
    x, y, w, h = rect.x(), rect.y(), rect.width(), rect.height()
    path = QPainterPath()
    for i, frac in enumerate((0.45, 0.75, 1.0)):
        path.addRect(QRectF(x + i * w / 3 + w * 0.04, y + h * (1 - frac), w / 3 - w * 0.08, h * frac))
    return path


def marker_path(marker: str, rect: QRectF) -> QPainterPath:
    """The outline of a kind marker (see model.layout.appearance.CARD_MARKERS) inside ``rect``."""
    if marker == "star":
        return _star(rect)
    if marker == "bolt":
        return _bolt(rect)
    if marker == "bulb":
        return _bulb(rect)
    if marker == "flag":
        return _flag(rect)
    if marker == "bars":
        return _bars(rect)
    path = QPainterPath()
    if marker == "circle":
        path.addEllipse(rect.adjusted(1, 1, -1, -1))
    return path


def darker(colour: str, factor: int = 160) -> QColor:
    return QColor(colour).darker(factor)


@lru_cache(maxsize=512)
def card_style(kind: CardKind, colour: str) -> tuple[QColor, QPen, QPainterPath, QColor]:
    """(fill, border pen, marker path, marker colour) of a card: worked out once per kind and
    colour instead of on every paint of every card."""
    fill = QColor(card_colour(kind, colour))
    emphasis = EMPHASISED_KINDS.get(kind)
    border = QPen(QColor(emphasis), 2.4) if emphasis else QPen(darker(fill.name(), 125), 0.8)
    marker = marker_path(CARD_MARKERS[kind], QRectF(CARD_PADDING, CARD_PADDING - 1, 12, 12))
    return fill, border, marker, QColor(emphasis or darker(fill.name(), 190).name())
