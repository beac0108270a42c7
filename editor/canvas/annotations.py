"""What the canvas draws beside the elements themselves: the map's title in the top-left corner
(issue 10, item 21), idea → pain-point links as arrows between cards and journey paths as lines
along the stage headers (item 17; View menu toggles, view state only, neither saved nor undone).

Annotations is a collaborator of the scene (``scene.annotations``): the scene tells it after a
relayout (everything), after an incremental layout change (the cards that moved: only their links
are redrawn) and after each model event (only the links it names, paths, title). Paths are drawn
as the PDF poster draws them (exporters.pdf_poster._path_lines), so what prints is what the
facilitator saw. The link items themselves are editor.canvas.links'.
Imports: PySide6, model, editor (fonts, canvas.painting, canvas.items, canvas.links).
"""
from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem

from editor.canvas.detail import LOD_DETAIL, level_of_detail, paint_header_name
from editor.canvas.links import LinkItem, LinkLayer
from editor.canvas.painting import draw_lines
from model.layout.grid import ARC_BAND_HEIGHT, CELL_PADDING, LANE_HEADER_WIDTH, STAGE_HEADER_HEIGHT
from model.layout.text import wrap_text

TITLE_SIZE = 12.5
TITLE_LEADING = 16
TITLE_LINES = 4
TITLE_INK = QColor("#24303c")
# As on the PDF poster: up to three paths along the headers' lower edge, each a step higher.
PATH_LINE_WIDTH, PATH_LINE_STEP, PATH_DOT, MAX_PATH_LINES = 1.8, 4.0, 2.4, 3
PATH_EDGE, PATH_EDGE_WIDTH = QColor("#d5dde6"), 1.0

# How far a link's curve and arrow reach beyond its cards' rectangles (editor.canvas.links: a
# bend of at most 24 units past its ends when they are close, the arrow head and pen).
BEND = 24 + 12
# Events after which any link may have come or gone: all are read again.
STRUCTURAL = ("stage_", "lane_")


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
        self.link_layer = LinkLayer()  # keeps the links out of Qt's index (editor.canvas.links)
        self._links_of_card: dict[str, set[str]] = {}
        # Links whose cards moved, not re-curved yet: the scene area (x0, y0, x1, y1) where
        # they were or will be, to re-curve them before it is painted (curve_within).
        self._stale: dict[str, tuple[float, float, float, float]] = {}
        self.links_visible = True
        self.paths_visible = True
        scene.addItem(self.title)
        scene.addItem(self.paths)
        scene.addItem(self.link_layer)

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
        elif kind in ("card_removed", "link_removed"):  # only the links that went with it
            self._drop_links(event.payload.get("link_ids", ()) or (event.payload.get("link_id"),))
        elif kind == "card_added":  # a card put back brings its links back
            self._adopt_links(event.payload.get("link_ids", ()))  # placed once it has its box
        elif kind == "link_added":
            self._adopt_links((event.link_id,))
            self._place_link(self.links[event.link_id])

    def cards_moved(self, card_ids, row_shifts: dict[str, float] | None = None) -> None:
        """The links of cards that moved follow them; when rows moved (``row_shifts``, lane ->
        offset), a link whose two ends moved alike only moves, the others follow their cards.
        A link is re-curved at once if it shows in a view, else when first painted
        (``curve_within``): a delete near the top of a crowded cell moves every card below it,
        and their links are mostly far from what shows."""
        touched, links_of = set(), self._links_of_card
        for card_id in card_ids:
            links = links_of.get(card_id)
            if links:
                touched.update(links)
        if row_shifts:
            block_of = self.scene.geometry.keeper.boxes.block_of
            for link_id, item in self.links.items():
                if link_id in touched:
                    continue
                source, target = block_of.get(item.source), block_of.get(item.target)
                down = row_shifts.get(source.cell[1], 0.0) if source else 0.0
                if down == (row_shifts.get(target.cell[1], 0.0) if target else 0.0) \
                        and link_id not in self._stale:
                    if down:
                        item.shift(down)
                else:
                    touched.add(link_id)
        for link_id in touched:
            item = self.links.get(link_id)
            if item is not None:
                self._mark_stale(item)
        for view in self.scene.views():  # the canvas and its frozen header strips
            if view.isVisible():
                self.curve_within(view.mapToScene(view.viewport().rect()).boundingRect())

    def curve_within(self, area: QRectF) -> None:
        """Re-curve the links waiting to follow their cards whose old or new place meets
        ``area`` (the scene calls this before painting an area)."""
        if not self._stale or area.isEmpty():
            return
        left, top, right, bottom = area.left(), area.top(), area.right(), area.bottom()
        due = [link_id for link_id, (x0, y0, x1, y1) in self._stale.items()
               if x0 <= right and x1 >= left and y0 <= bottom and y1 >= top]
        for link_id in due:
            del self._stale[link_id]
            self._place_link(self.links[link_id])

    def _mark_stale(self, item: LinkItem) -> None:
        """The link's ends moved: it waits, with the area where it was and where it will be."""
        boxes = self.scene.geometry.keeper.boxes
        if item.source not in boxes or item.target not in boxes:
            return
        ends = [boxes.extent(item.source), boxes.extent(item.target)]
        if not item.boundingRect().isEmpty():
            was = item.sceneBoundingRect()
            ends.append((was.left(), was.top(), was.right(), was.bottom()))
        self._stale[item.link_id] = (min(e[0] for e in ends) - BEND, min(e[1] for e in ends) - BEND,
                                     max(e[2] for e in ends) + BEND, max(e[3] for e in ends) + BEND)

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
        self._stale.clear()  # all placed anew below
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
                item.setParentItem(self.link_layer)
            self._links_of_card.setdefault(link.source, set()).add(link_id)
            self._links_of_card.setdefault(link.target, set()).add(link_id)
            self._place_link(item)

    def _adopt_links(self, link_ids) -> None:
        journey = self.scene.journey
        for link_id in link_ids:
            link = journey.link(link_id)
            item = self.links[link_id] = LinkItem(link_id, link.source, link.target)
            item.setVisible(self.links_visible)
            item.setParentItem(self.link_layer)
            self._links_of_card.setdefault(link.source, set()).add(link_id)
            self._links_of_card.setdefault(link.target, set()).add(link_id)

    def _drop_links(self, link_ids) -> None:
        for link_id in link_ids:
            item = self.links.pop(link_id, None)
            self._stale.pop(link_id, None)
            if item is None:
                continue
            self.scene.removeItem(item)
            for card_id in (item.source, item.target):
                self._links_of_card.get(card_id, set()).discard(link_id)

    def _place_link(self, item: LinkItem) -> None:
        self._stale.pop(item.link_id, None)
        layout = self.scene.geometry.keeper.layout  # as it is (also while painting)
        self.link_layer.cover(QRectF(-40, -40, layout.width + 80, layout.height + 80))
        boxes = layout.cards
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
