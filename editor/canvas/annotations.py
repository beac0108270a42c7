"""What the canvas draws beside the elements themselves: the map's title in the top-left corner
(issue 10, item 21), idea → pain-point links as arrows between cards and journey paths as lines
along the stage headers (item 17; View menu toggles, view state only, neither saved nor undone).

Annotations is a collaborator of the scene (``scene.annotations``): the scene tells it after a
relayout (everything), after an incremental layout change (the cards that moved: only their links
are redrawn) and after each model event (links, paths, title). Paths are drawn as the PDF poster
draws them (exporters.pdf_poster._path_lines), so what prints is what the facilitator saw.
Imports: PySide6, model, editor (fonts, canvas.painting, canvas.items).
"""
from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPainterPathStroker, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem

from editor.canvas.detail import LOD_DETAIL, level_of_detail, paint_header_name
from editor.canvas.items import CARD_Z
from editor.canvas.painting import draw_lines
from model.layout.grid import ARC_BAND_HEIGHT, CELL_PADDING, LANE_HEADER_WIDTH, STAGE_HEADER_HEIGHT, Rect
from model.layout.text import wrap_text

TITLE_SIZE = 12.5
TITLE_LEADING = 16
TITLE_LINES = 4
TITLE_INK = QColor("#24303c")
LINK_INK = QColor(46, 125, 50, 200)  # the idea cards' green, a little see-through
LINK_WIDTH = 1.6
# As on the PDF poster: up to three paths along the headers' lower edge, each a step higher.
PATH_LINE_WIDTH, PATH_LINE_STEP, PATH_DOT, MAX_PATH_LINES = 1.8, 4.0, 2.4, 3
PATH_EDGE, PATH_EDGE_WIDTH = QColor("#d5dde6"), 1.0

# Events after which the set of links, or the cards they join, may differ.
STRUCTURAL = ("stage_", "lane_", "card_added", "card_removed", "link_")


class MapTitleItem(QGraphicsItem):
    """The map's title in the corner left of the stage headers; the frozen corner keeps it."""

    def __init__(self, char_widths) -> None:
        super().__init__()
        self._widths = char_widths
        self.lines: list[str] = []
        self.setZValue(5)

    def set_title(self, title: str) -> None:
        width = LANE_HEADER_WIDTH - 2 * CELL_PADDING
        lines = wrap_text(title, width, self._widths, TITLE_SIZE, TITLE_LINES) if title else []
        if lines != self.lines:
            self.lines = lines
            self.setToolTip(title)
            self.update()

    def boundingRect(self) -> QRectF:
        return QRectF(0, ARC_BAND_HEIGHT, LANE_HEADER_WIDTH, STAGE_HEADER_HEIGHT)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        lod = level_of_detail(painter)
        painter.setPen(TITLE_INK)
        if self.lines and lod < LOD_DETAIL:  # zoomed out: grown like the headers' names
            paint_header_name(painter, self.toolTip(), LANE_HEADER_WIDTH, STAGE_HEADER_HEIGHT,
                              TITLE_SIZE, lod, top=ARC_BAND_HEIGHT)
        elif self.lines:
            draw_lines(painter, self.lines, CELL_PADDING, ARC_BAND_HEIGHT + CELL_PADDING,
                       TITLE_SIZE, TITLE_LEADING, bold=True)


def link_curve(source: Rect, target: Rect) -> QPainterPath:
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
    path = QPainterPath(start)
    path.cubicTo(c1, c2, end)
    return path


class LinkItem(QGraphicsItem):
    """One idea → pain-point link: a curve under the cards with an arrow head at the pain point."""

    kind = "link"

    def __init__(self, link_id: str, source: str, target: str) -> None:
        super().__init__()
        self.link_id, self.source, self.target = link_id, source, target
        self._path = QPainterPath()
        self._arrow = QPolygonF()
        self.setZValue(CARD_Z - 1)  # under the cards: a link never hides a card's text

    def set_ends(self, source: Rect, target: Rect) -> None:
        self.prepareGeometryChange()
        self._path = link_curve(source, target)
        end = self._path.pointAtPercent(1.0)
        before = self._path.pointAtPercent(0.92)
        self._arrow = arrow_head(before, end)
        self.update()

    def boundingRect(self) -> QRectF:
        return self._path.boundingRect().united(self._arrow.boundingRect()).adjusted(-3, -3, 3, 3)

    def shape(self) -> QPainterPath:
        stroker = QPainterPathStroker()
        stroker.setWidth(6)
        return stroker.createStroke(self._path)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(LINK_INK, LINK_WIDTH, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self._path)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(LINK_INK)
        painter.drawPolygon(self._arrow)


def arrow_head(before: QPointF, tip: QPointF, size: float = 8.0) -> QPolygonF:
    direction = tip - before
    length = max((direction.x() ** 2 + direction.y() ** 2) ** 0.5, 1e-6)
    ux, uy = direction.x() / length, direction.y() / length
    back = QPointF(tip.x() - ux * size, tip.y() - uy * size)
    normal = QPointF(-uy * size / 2, ux * size / 2)
    return QPolygonF([tip, back + normal, back - normal])


class PathLinesItem(QGraphicsItem):
    """Journey paths as lines through their stages' header centres, a dot at every stop."""

    def __init__(self) -> None:
        super().__init__()
        self.lines: list[tuple[QColor, list[QPointF]]] = []
        self._bounds = QRectF()
        self.setZValue(6)  # over the stage headers

    def set_lines(self, lines: list[tuple[QColor, list[QPointF]]]) -> None:
        self.prepareGeometryChange()
        self.lines = lines
        points = [p for _, stops in lines for p in stops]
        self._bounds = QRectF()
        if points:
            xs, ys = [p.x() for p in points], [p.y() for p in points]
            self._bounds = QRectF(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys)).adjusted(
                -6, -6, 6, 6)
        self.update()

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for colour, stops in self.lines:
            # A pale edge first, so a dark path colour still shows on the dark header.
            for ink, grow in ((PATH_EDGE, PATH_EDGE_WIDTH), (colour, 0.0)):
                pen = QPen(ink, PATH_LINE_WIDTH + grow)
                pen.setCapStyle(Qt.PenCapStyle.RoundCap)
                pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
                painter.setPen(pen)
                painter.drawPolyline(QPolygonF(stops))
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(ink)
                for stop in stops:
                    painter.drawEllipse(stop, PATH_DOT + grow / 2, PATH_DOT + grow / 2)


class Annotations:
    """The title, link and path items of one scene, following its model and layout."""

    def __init__(self, scene, char_widths) -> None:
        self.scene = scene
        self.title = MapTitleItem(char_widths)
        self.paths = PathLinesItem()
        self.links: dict[str, LinkItem] = {}
        self._links_of_card: dict[str, set[str]] = {}
        self.links_visible = True
        self.paths_visible = True
        scene.addItem(self.title)
        scene.addItem(self.paths)

    # ----------------------------------------------------------------- following the scene
    def refresh(self) -> None:
        """After a full relayout: everything."""
        self.title.set_title(self.scene.journey.title)
        self.refresh_paths()
        self.sync_links()

    def follow(self, event) -> None:
        kind = event.type
        if kind == "map_changed":
            self.title.set_title(self.scene.journey.title)
        if kind.startswith(("path_", "stage_")):
            self.refresh_paths()
        if kind.startswith(STRUCTURAL):
            self.sync_links()

    def cards_moved(self, card_ids) -> None:
        """Redraw only the links of cards whose boxes changed."""
        touched = set()
        for card_id in card_ids:
            touched |= self._links_of_card.get(card_id, set())
        for link_id in touched:
            self._place_link(self.links[link_id])

    # ----------------------------------------------------------------- view toggles
    def set_links_visible(self, visible: bool) -> None:
        self.links_visible = visible
        for item in self.links.values():
            item.setVisible(visible)

    def set_paths_visible(self, visible: bool) -> None:
        self.paths_visible = visible
        self.paths.setVisible(visible)

    # ----------------------------------------------------------------- links
    def sync_links(self) -> None:
        """Items for exactly the map's links (there are few; cards are many), all placed anew."""
        wanted = {link.id: link for link in self.scene.journey.links()}
        for link_id in [i for i in self.links if i not in wanted]:
            self.scene.removeItem(self.links.pop(link_id))
        self._links_of_card = {}
        for link_id, link in wanted.items():
            item = self.links.get(link_id)
            if item is None or (item.source, item.target) != (link.source, link.target):
                if item is not None:
                    self.scene.removeItem(item)
                item = self.links[link_id] = LinkItem(link_id, link.source, link.target)
                item.setVisible(self.links_visible)
                self.scene.addItem(item)
            self._links_of_card.setdefault(link.source, set()).add(link_id)
            self._links_of_card.setdefault(link.target, set()).add(link_id)
            self._place_link(item)

    def _place_link(self, item: LinkItem) -> None:
        boxes = self.scene.layout.cards
        if item.source in boxes and item.target in boxes:
            item.set_ends(boxes[item.source].rect, boxes[item.target].rect)

    # ----------------------------------------------------------------- paths
    def refresh_paths(self) -> None:
        journey, headers = self.scene.journey, self.scene.layout.stage_headers
        paths = list(journey.paths())
        shown = self.scene.filters.highlighted_path
        drawn = paths[:MAX_PATH_LINES]
        if shown and shown not in {p.id for p in drawn} and journey.has(shown):
            drawn[-1] = journey.path(shown)  # the highlighted path always has a line
        lines = []
        for step, path in enumerate(drawn):
            stops = [QPointF(headers[s].center[0], headers[s].bottom - 6 - step * PATH_LINE_STEP)
                     for s in path.stages if s in headers]
            if stops:
                lines.append((QColor(path.colour), stops))
        self.paths.set_lines(lines)
