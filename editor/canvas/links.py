"""Idea → pain-point links on the canvas: one dashed curve per link, under the cards, with an
arrow head at the pain point (issue 10, item 17), drawn at a cost that follows what shows.

A link may join cards tens of thousands of units apart (a 50,000-card map). Four things keep
such links from costing the map's size:
- the scene's index: moving a card re-shapes its links, and Qt re-files a re-shaped item in every
  cell of its index that its rectangle spans (10 ms for a long link, 70 s for deleting 200 cards
  of a 50,000-card map). Links are children of a ``LinkLayer`` that declares it contains them
  (``ItemContainsChildrenInShape``), so Qt files the layer once and never the links;
- painting: Qt dashes and flattens a whole curve however little of it shows, so a link draws
  only the stretch of its curve inside the painted area (the same curve, cut with de Casteljau's
  construction; its dashes continue from the length before it), and nothing when it is outside;
  it draws that stretch as dashed chords (editor.canvas.dashes), which Qt rasterises about 15
  times faster than a dashed curve. The links paint nothing themselves (Qt would call each of
  them for every window): their layer draws them, into tiles that it lays again on later paints
  (editor.canvas.link_tiles), and a link tells its layer before it changes;
- hit tests: the layer has no shape, so Qt never looks at the links under the pointer (a press
  in a 50,000-card map asked 6,000 links for their rectangles); a link's stroked outline is made
  when first asked for, then kept;
- edits: a card that moves re-curves its links, many at once below a change in a crowded cell;
  ``set_ends`` works out only the four points and the rectangle they span, and the curve, its
  arrow and dashes are made when the link is first painted.
Imports: PySide6, model.layout.grid, editor.canvas (items, dashes, link_tiles).
"""
from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPainterPathStroker, QPolygonF, QTransform
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem
from shiboken6 import isValid

from editor.canvas.dashes import Cubic, draw_dashed, length_table
from editor.canvas.items import CARD_Z
from editor.canvas.link_tiles import LinkTiles
from model.layout.grid import Rect

LINK_INK = QColor(46, 125, 50, 200)  # the idea cards' green, a little see-through
LINK_WIDTH = 1.6
REACH = 6.0  # how far a link paints outside its curve (pen, arrow): the cut keeps this margin
ARROW = 8.0  # the arrow head's length
SHORT = 400.0  # units along its main axis: a link shorter than this is drawn whole
Points = tuple[QPointF, QPointF, QPointF, QPointF]  # start, two controls, end of a cubic
_CHANGES = (QGraphicsItem.GraphicsItemChange.ItemPositionChange,
            QGraphicsItem.GraphicsItemChange.ItemVisibleChange,
            QGraphicsItem.GraphicsItemChange.ItemParentChange,
            QGraphicsItem.GraphicsItemChange.ItemSceneChange)


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
    """Holds every link item, tells Qt's index that they lie within it, and paints them from
    tiles where it can (editor.canvas.link_tiles; see above)."""

    def __init__(self) -> None:
        super().__init__()
        self.setFlags(QGraphicsItem.GraphicsItemFlag.ItemContainsChildrenInShape
                      | QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)
        self.setZValue(CARD_Z - 1)  # under the cards: a link never hides a card's text
        self._bounds = QRectF()
        self.tiles = LinkTiles()
        self._changed: list[LinkItem] = []  # links whose new place is to be repainted

    def link_changing(self, link: LinkItem) -> None:
        """``link`` is about to change (shape, place, visibility, coming or going). Links paint
        nothing themselves, so Qt repaints nothing for them: the layer has its old place
        repainted now, and its new place as soon as the change is done (before the next paint
        at the latest), and the tiles there go."""
        self._repaint(link.sceneBoundingRect())
        self._changed.append(link)
        if len(self._changed) == 1:
            QTimer.singleShot(0, self._after_changes)

    def _after_changes(self) -> None:
        if isValid(self):
            for link in self._changed:
                if isValid(link) and link.parentItem() is self:
                    self._repaint(link.sceneBoundingRect())
            self._changed.clear()

    def _repaint(self, place: QRectF) -> None:
        self.tiles.forget(place)
        self.update(place)

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
        """Lay the tiles over what is painted, or draw the links there directly."""
        self._after_changes()
        area = _painted_area(painter, option)
        if not area.isEmpty() and not self.tiles.paint(painter, area, self._draw_links):
            self._draw_links(painter, area)

    def _draw_links(self, painter: QPainter, area: QRectF) -> list[QRectF]:
        """Draw the links over ``area`` (scene units); their scene rectangles."""
        drawn, base = [], painter.transform()
        for link in self.childItems():
            if not isinstance(link, LinkItem) or not link.isVisible():
                continue
            place = link.sceneBoundingRect()
            if place.intersects(area):
                painter.setTransform(QTransform.fromTranslate(link.x(), link.y()) * base)
                link.draw(painter, area.translated(-link.x(), -link.y()))
                drawn.append(place)
        painter.setTransform(base)
        return drawn


def _painted_area(painter: QPainter, option: QStyleOptionGraphicsItem) -> QRectF:
    """What is being painted, in the item's units: the exposed rectangle within the clip."""
    area = option.exposedRect
    clip = painter.clipBoundingRect()
    return area.intersected(clip) if not clip.isEmpty() else area


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
        self._dashes: tuple[Points, Cubic, list[float]] | None = None  # see _dash_geometry
        # The layer paints its links: Qt never asks 50,000 cards' links to paint a corner, and
        # the link tells its layer of every change instead (see LinkLayer.link_changing).
        self.setFlags(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption  # exposedRect
                      | QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges)

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
        """Nothing: the layer draws its links (a link outside a layer draws itself)."""
        if not isinstance(self.parentItem(), LinkLayer):
            self.draw(painter, _painted_area(painter, option))

    def draw(self, painter: QPainter, area: QRectF) -> None:
        """Draw what of the link lies in ``area`` (the item's units)."""
        if self._points is None or not area.intersects(self._bounds):
            return
        self._make_curve()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        grown = area.adjusted(-REACH, -REACH, REACH, REACH)
        a, b = (0.0, 1.0) if grown.contains(self._bounds) else self._span_in(grown)
        if a < b:
            cubic, lengths = self._dash_geometry()
            draw_dashed(painter, cubic, lengths, LINK_INK, LINK_WIDTH, a, b)
        if grown.intersects(self._arrow.boundingRect()):
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(LINK_INK)
            painter.drawPolygon(self._arrow)

    # Qt's word that the link is about to change: its layer repaints it (see link_changing).
    def prepareGeometryChange(self) -> None:  # noqa: N802 (Qt's name)
        self._changing(self.parentItem())
        super().prepareGeometryChange()

    def itemChange(self, change, value):  # noqa: N802 (Qt's name)
        if change in _CHANGES:
            self._changing(self.parentItem())
            if change == QGraphicsItem.GraphicsItemChange.ItemParentChange:
                self._changing(value)  # its new layer
        elif change == QGraphicsItem.GraphicsItemChange.ItemParentHasChanged:
            self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents,
                         isinstance(value, LinkLayer))  # its layer paints it
        return super().itemChange(change, value)

    def _changing(self, layer) -> None:
        if isinstance(layer, LinkLayer):  # a new link too: its first place comes next
            layer.link_changing(self)

    def _dash_geometry(self) -> tuple[Cubic, list[float]]:
        """The curve as plain numbers and its length table (editor.canvas.dashes), worked out
        when first painted after its ends changed."""
        kept = self._dashes
        if kept is None or kept[0] is not self._points:
            cubic = tuple((p.x(), p.y()) for p in self._points)
            kept = self._dashes = (self._points, cubic, length_table(cubic))
        return kept[1], kept[2]

    def _span_in(self, area: QRectF) -> tuple[float, float]:
        """The parameters between which the curve runs inside ``area`` (the whole curve when it
        is short: not worth cutting, and it may double back)."""
        vertical, coefficients = self._axis
        low, high = (area.top(), area.bottom()) if vertical else (area.left(), area.right())
        if coefficients[3] == 0 or abs(_along(coefficients, 1.0) - coefficients[0]) < SHORT:
            return 0.0, 1.0
        return _span(coefficients, low, high)


def _cubic(points: Points) -> QPainterPath:
    path = QPainterPath(points[0])
    path.cubicTo(points[1], points[2], points[3])
    return path


def _at(points: Points, t: float) -> QPointF:
    (p0, p1, p2, p3), s = points, 1 - t
    return p0 * s ** 3 + p1 * (3 * s * s * t) + p2 * (3 * s * t * t) + p3 * t ** 3


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
