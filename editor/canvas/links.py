"""Idea → pain-point links on the canvas: one dashed curve per link, under the cards, with an
arrow head at the pain point (issue 10, item 17), drawn at a cost that follows what shows.

A link may join cards tens of thousands of units apart (a 50,000-card map). Three things kept
such links from costing the map's size:
- the scene's index: moving a card re-shapes its links, and Qt re-files a re-shaped item in every
  cell of its index that its rectangle spans (10 ms for a long link, 70 s for deleting 200 cards
  of a 50,000-card map). Links are children of a ``LinkLayer`` that declares it contains them
  (``ItemContainsChildrenInShape``), so Qt files the layer once and never the links;
- painting: Qt dashes and flattens a whole curve however little of it shows, so a link paints
  only the stretch of its curve inside the painted area (the same curve, cut with de Casteljau's
  construction; its dashes continue from the length before it), and nothing when it is outside;
- hit tests: the layer has no shape, so Qt never looks at the links under the pointer (a press
  in a 50,000-card map asked 6,000 links for their rectangles); a link's stroked outline is made
  when first asked for, then kept;
- edits: a card that moves re-curves its links, many at once below a change in a crowded cell;
  ``set_ends`` works out only the four points and the rectangle they span, and the curve, its
  arrow and dashes are made when the link is first painted.
Imports: PySide6, model.layout.grid, editor.canvas.items.
"""
from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPainterPathStroker, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem

from editor.canvas.items import CARD_Z
from model.layout.grid import Rect

LINK_INK = QColor(46, 125, 50, 200)  # the idea cards' green, a little see-through
LINK_WIDTH = 1.6
REACH = 6.0  # how far a link paints outside its curve (pen, arrow): the cut keeps this margin
ARROW = 8.0  # the arrow head's length
SHORT = 400.0  # units along its main axis: a link shorter than this is drawn whole
Points = tuple[QPointF, QPointF, QPointF, QPointF]  # start, two controls, end of a cubic


def link_points(source: Rect, target: Rect) -> Points:
    """A curve from the idea's edge to the pain point's facing edge: vertical ends when the cards
    sit in different rows (the usual case), horizontal ones when they sit side by side."""
    (sx, sy), (tx, ty) = source.center, target.center
    if abs(ty - sy) >= abs(tx - sx) * 0.5:
        down = ty > sy
        start = QPointF(sx, source.bottom if down else source.y)
        end = QPointF(tx, target.y if down else target.bottom)
        bend = max(abs(end.y() - start.y()) / 2, 24)
        c1 = QPointF(start.x(), start.y() + (bend if down else -bend))
        c2 = QPointF(end.x(), end.y() - (bend if down else -bend))
    else:
        right = tx > sx
        start = QPointF(source.right if right else source.x, sy)
        end = QPointF(target.x if right else target.right, ty)
        bend = max(abs(end.x() - start.x()) / 2, 24)
        c1 = QPointF(start.x() + (bend if right else -bend), start.y())
        c2 = QPointF(end.x() - (bend if right else -bend), end.y())
    return start, c1, c2, end


def link_curve(source: Rect, target: Rect) -> QPainterPath:
    return _cubic(link_points(source, target))


def arrow_head(before: QPointF, tip: QPointF, size: float = 8.0) -> QPolygonF:
    direction = tip - before
    length = max((direction.x() ** 2 + direction.y() ** 2) ** 0.5, 1e-6)
    ux, uy = direction.x() / length, direction.y() / length
    back = QPointF(tip.x() - ux * size, tip.y() - uy * size)
    normal = QPointF(-uy * size / 2, ux * size / 2)
    return QPolygonF([tip, back + normal, back - normal])


class LinkLayer(QGraphicsItem):
    """Holds every link item, and tells Qt's index that they lie within it (see above)."""

    def __init__(self) -> None:
        super().__init__()
        self.setFlags(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents
                      | QGraphicsItem.GraphicsItemFlag.ItemContainsChildrenInShape)
        self.setZValue(CARD_Z - 1)  # under the cards: a link never hides a card's text
        self._bounds = QRectF()

    def cover(self, rect: QRectF) -> None:
        """Grow to ``rect`` (the scene's rectangle), so that every link lies within."""
        if not self._bounds.contains(rect):
            self.prepareGeometryChange()
            self._bounds = self._bounds.united(rect)

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        return QPainterPath()  # never under the pointer: Qt need not look at its links

    def paint(self, painter: QPainter, option, widget=None) -> None:
        pass


class LinkItem(QGraphicsItem):
    """One idea → pain-point link: a curve under the cards with an arrow head at the pain point."""

    kind = "link"

    def __init__(self, link_id: str, source: str, target: str) -> None:
        super().__init__()
        self.link_id, self.source, self.target = link_id, source, target
        self._points: Points | None = None  # in the item's coordinates
        self._ends: tuple[Rect, Rect] | None = None
        self._axis: tuple[bool, tuple[float, ...]] = (True, (0.0,) * 4)  # see _along
        self._path: QPainterPath | None = QPainterPath()
        self._arrow = QPolygonF()
        self._bounds = QRectF()
        self._shape: QPainterPath | None = None
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)  # exposedRect

    def set_ends(self, source: Rect, target: Rect) -> None:
        """Join two cards' rectangles. When both moved by the same offset (rows below a taller
        one), the link only moves: its curve, kept in its own coordinates, is the same."""
        old, self._ends = self._ends, (source, target)
        if old is not None:
            dx, dy = source.x - old[0].x, source.y - old[0].y
            if (target.x - old[1].x, target.y - old[1].y) == (dx, dy) and (
                    (source.w, source.h, target.w, target.h)
                    == (old[0].w, old[0].h, old[1].w, old[1].h)):
                if dx or dy:
                    self.moveBy(dx, dy)
                return
        self.prepareGeometryChange()
        here = self.pos()
        self._points = points = tuple(p - here for p in link_points(source, target))
        xs, ys = [p.x() for p in points], [p.y() for p in points]
        # The curve lies within its points' hull; the arrow head reaches ARROW beyond its tip.
        grow = ARROW + 3
        self._bounds = QRectF(min(xs) - grow, min(ys) - grow, max(xs) - min(xs) + 2 * grow,
                              max(ys) - min(ys) + 2 * grow)
        self._path = None  # made when first painted or hit (_make_curve)
        self._shape = None

    def curve(self) -> QPainterPath:
        """The link's curve, in its own coordinates."""
        self._make_curve()
        return self._path

    def _make_curve(self) -> None:
        if self._path is None and self._points is not None:
            self._axis = _main_axis(self._points)
            self._path = _cubic(self._points)
            self._arrow = arrow_head(_at(self._points, 0.92), self._points[3], ARROW)

    def shift(self, down: float) -> None:
        """Both ends' rows moved down by ``down``: the link moves with them."""
        self.moveBy(0, down)
        self._ends = None  # the next set_ends works the curve out again

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        self._make_curve()
        if self._shape is None:
            stroker = QPainterPathStroker()
            stroker.setWidth(6)
            self._shape = stroker.createStroke(self._path)
        return self._shape

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        area = option.exposedRect
        clip = painter.clipBoundingRect()
        if not clip.isEmpty():
            area = area.intersected(clip)
        if self._points is None or not area.intersects(self._bounds):
            return
        self._make_curve()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(LINK_INK, LINK_WIDTH, Qt.PenStyle.DashLine)
        grown = area.adjusted(-REACH, -REACH, REACH, REACH)
        path = self._path if grown.contains(self._bounds) else self._stretch_in(grown, pen)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
        if grown.intersects(self._arrow.boundingRect()):
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(LINK_INK)
            painter.drawPolygon(self._arrow)

    def _stretch_in(self, area: QRectF, pen: QPen) -> QPainterPath:
        """The part of the curve inside ``area``, its dashes in step with the whole curve's."""
        vertical, coefficients = self._axis
        low, high = (area.top(), area.bottom()) if vertical else (area.left(), area.right())
        if coefficients[3] == 0 or abs(_along(coefficients, 1.0) - coefficients[0]) < SHORT:
            return self._path  # short: not worth cutting (and it may double back)
        a, b = _span(coefficients, low, high)
        if a >= b:
            return QPainterPath()
        before = _cubic(_cut(self._points, 0.0, a)).length() if a > 0 else 0.0
        pen.setDashOffset(before / LINK_WIDTH)
        return _cubic(_cut(self._points, a, b))


def _cubic(points: Points) -> QPainterPath:
    path = QPainterPath(points[0])
    path.cubicTo(points[1], points[2], points[3])
    return path


def _at(points: Points, t: float) -> QPointF:
    (p0, p1, p2, p3), s = points, 1 - t
    return p0 * s ** 3 + p1 * (3 * s * s * t) + p2 * (3 * s * t * t) + p3 * t ** 3


def _cut(points: Points, a: float, b: float) -> Points:
    """The piece of the cubic between parameters ``a`` and ``b`` (de Casteljau)."""
    def split(p: Points, t: float) -> tuple[Points, Points]:
        p01, p12, p23 = _lerp(p[0], p[1], t), _lerp(p[1], p[2], t), _lerp(p[2], p[3], t)
        p012, p123 = _lerp(p01, p12, t), _lerp(p12, p23, t)
        middle = _lerp(p012, p123, t)
        return (p[0], p01, p012, middle), (middle, p123, p23, p[3])
    tail = split(points, a)[1] if a > 0 else points
    return split(tail, (b - a) / (1 - a))[0] if b < 1 else tail


def _lerp(p: QPointF, q: QPointF, t: float) -> QPointF:
    return p + (q - p) * t


def _main_axis(points: Points) -> tuple[bool, tuple[float, float, float, float]]:
    """(vertical, power-basis coefficients of the curve's coordinate along its main axis)."""
    start, end = points[0], points[3]
    vertical = abs(end.y() - start.y()) >= abs(end.x() - start.x())
    p0, p1, p2, p3 = (p.y() if vertical else p.x() for p in points)
    return vertical, (p0, 3 * (p1 - p0), 3 * (p0 - 2 * p1 + p2), p3 - p0 + 3 * (p1 - p2))


def _along(c: tuple[float, ...], t: float) -> float:
    return c[0] + t * (c[1] + t * (c[2] + t * c[3]))


def _span(c: tuple[float, ...], low: float, high: float) -> tuple[float, float]:
    """Parameters where the curve enters and leaves [low, high] along its main axis. Curves long
    enough to be cut run one way along it (their controls split the distance evenly)."""
    rising = _along(c, 1.0) >= c[0]

    def first_t(value: float) -> float:  # the smallest t whose coordinate passes ``value``
        lo, hi = 0.0, 1.0
        for _ in range(32):
            mid = (lo + hi) / 2
            reached = _along(c, mid) >= value if rising else _along(c, mid) <= value
            lo, hi = (lo, mid) if reached else (mid, hi)
        return hi
    enter, leave = (low, high) if rising else (high, low)
    return max(0.0, first_t(enter) - 1e-4), min(1.0, first_t(leave) + 1e-4)
