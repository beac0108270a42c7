"""The map as a vector poster: draws a MapLayout (model.layout.grid) onto a reportlab canvas.

Geometry comes only from model.layout.grid.compute_layout, so the poster is the canvas the facilitator
saw; this module only paints it: grid, headers, cards with kind markers, the emotion curves, the
transition arcs and the journey paths (a thin line per path along the stage headers' lower edge,
a dot at each of its stops; the legend above the poster names them, see pdf_legend). Coordinates
are layout units under a transform set by the caller (pdf_sheet.py), flipped by pdf_shapes.up.
Text smaller than ``min_size`` (layout units) is left out: the overview page of a tiled poster
shows the map's shape and the tile grid, not text nobody can read. Text is drawn with the font
chain (exporters.fonts). Imports reportlab, model and exporters only.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from reportlab.lib.colors import Color
from reportlab.pdfgen.canvas import Canvas

from exporters.cleaning import FORBIDDEN_RE
from exporters.fonts import draw_text, printable
from exporters.pdf_shapes import HexColor, arrowhead, draw_marker, pdf_rect, quad_to_cubic, up
from exporters.pdf_workshop import draw_vote_dots
from exporters.projection import Projection, format_rate
from model import JourneyMap, LaneKind
from model.layout import grid as geo
from model.layout.appearance import (
    CARD_MARKERS,
    CELL_FILL,
    EMOTION_LINE,
    EMPHASISED_KINDS,
    GRID_LINE,
    HEADER_FILL,
    HEADER_TEXT,
    LANE_FILL,
    TRANSITION_STYLES,
    card_colour,
)
from model.layout.arcs import PlacedLabel, place_shrinking_labels
from model.layout.grid import MapLayout, Rect
from model.layout.text import CharWidths, wrap_text

TEXT_INK = "#1f2933"
MUTED_INK = "#5f6b7a"
CARD_EDGE = "#9aa5b1"
# Marker inks: dark enough to read on any sticky-note colour and in grey print.
MARKER_INK = {"star": "#c77700", "bolt": "#c62828", "circle": "#1f6fb2", "bulb": "#2e7d32",
              "flag": "#6a3fb5", "bars": "#3d6b6b"}
EMOTION_LINE_WIDTH = 2.6
SEGMENT_LINE_WIDTH = 1.6
# Journey paths along the headers' lower edge: the strip under the overview lines is free (see
# model.layout.grid.stage_lines), room for this many lines; with more paths only the legend shows them.
PATH_LINE_WIDTH = 1.8
PATH_LINE_STEP = 4.0
PATH_DOT = 2.4
MAX_PATH_LINES = 3
PATH_EDGE, PATH_EDGE_WIDTH = "#d5dde6", 1.0


def clean(text: str) -> str:
    """Forbidden characters out; the detail pages report them, the poster only must not break."""
    return printable(FORBIDDEN_RE.sub("", text))


def ascent(size: float) -> float:
    """Baseline offset below the top of an em box; IPAexGothic's ascent is 0.88 em."""
    return size * 0.88


@dataclass
class PosterPainter:
    canvas: Canvas | None
    journey: JourneyMap
    projection: Projection
    layout: MapLayout
    widths: CharWidths
    all_customers: str
    min_size: float = 0.0  # layout units: smaller text is not drawn
    # Secondary lines (footers, overviews, arc labels) in layout units: the layout's size, or more
    # when the page is small enough to print them below the minimum; they are re-fitted then.
    secondary: float = geo.SMALL_SIZE
    # Placing the arc labels weighs every arc against every label: once per secondary size, not
    # once per tile.
    _arc_cache: dict = field(default_factory=dict, repr=False)

    @property
    def header_text(self) -> float:
        return max(geo.HEADER_TEXT_SIZE, self.secondary)

    @property
    def header_leading(self) -> float:
        return geo.HEADER_TEXT_LEADING * self.header_text / geo.HEADER_TEXT_SIZE

    def draw(self, view: Rect) -> None:
        """Paint everything that shows through ``view`` (layout coordinates)."""
        self._grid(view)
        self._stage_headers(view)
        self._path_lines()
        self._lane_headers(view)
        for card_id, box in self.layout.cards.items():
            if _overlaps(box.rect, view):
                self._card(card_id, box)
        self._emotions()
        self._transitions()

    # ------------------------------------------------------------------ text
    def _text(self, x: float, top: float, text: str, size: float, ink: str,
              centred: bool = False) -> None:
        """Draw one line whose em box starts at layout height ``top``."""
        if size < self.min_size or not text:
            return
        self.canvas.setFillColor(HexColor(ink))
        draw_text(self.canvas, x, up(top + ascent(size)), clean(text), size, centred)

    def _lines(self, x: float, top: float, lines, size: float, leading: float, ink: str) -> float:
        """Lines centred in their leading; returns the layout y below the last one."""
        for line in lines:
            self._text(x, top + (leading - size) / 2, line, size, ink)
            top += leading
        return top

    def _fit(self, text: str, width: float, size: float) -> str:
        return wrap_text(clean(text), width, self.widths, size, 1)[0] if text else ""

    # ------------------------------------------------------------------ grid and headers
    def _grid(self, view: Rect) -> None:
        canvas = self.canvas
        canvas.setLineWidth(0.6)
        canvas.setStrokeColor(HexColor(GRID_LINE))
        canvas.setFillColor(HexColor(CELL_FILL))
        for cell in self.layout.cells.values():
            if _overlaps(cell, view):  # a tile paints what shows through it
                canvas.rect(*pdf_rect(cell), stroke=1, fill=1)
        canvas.setFillColor(HexColor(LANE_FILL))
        for header in self.layout.lane_headers.values():
            if _overlaps(header, view):
                canvas.rect(*pdf_rect(header), stroke=1, fill=1)

    def _stage_headers(self, view: Rect) -> None:
        self.canvas.setStrokeColor(HexColor(CELL_FILL))
        for stage_id, header in self.layout.stage_headers.items():
            if not _overlaps(header, view):
                continue
            self.canvas.setFillColor(HexColor(HEADER_FILL))
            self.canvas.rect(*pdf_rect(header), stroke=1, fill=1)
            x, top = header.x + geo.CELL_PADDING, header.y + geo.CELL_PADDING
            top = self._lines(x, top, self.layout.stage_name_lines[stage_id], geo.HEADER_NAME_SIZE,
                              geo.HEADER_NAME_LEADING, HEADER_TEXT)
            self._lines(x, top + 2, self._overview_lines(stage_id, header, top + 2),
                        self.header_text, self.header_leading, "#d5dde6")

    def _overview_lines(self, stage_id: str, header: Rect, top: float) -> tuple[str, ...]:
        """The layout's overview lines, or the overview wrapped again at a larger size."""
        if self.header_text == geo.HEADER_TEXT_SIZE:
            return self.layout.stage_overview_lines[stage_id]
        room = int((header.bottom - geo.CELL_PADDING - top) // self.header_leading)
        overview = self.journey.stage(stage_id).overview
        if room < 1 or not overview:
            return ()
        return tuple(wrap_text(overview, header.w - 2 * geo.CELL_PADDING, self.widths,
                               self.header_text, room))

    def _path_lines(self) -> None:
        """Each path as a line through its stops' header centres, offset per path, with a dot at
        every stop: a stage it skips has no dot. Drawn only while they fit the free strip."""
        paths = self.projection.path_rows
        if not paths or len(paths) > MAX_PATH_LINES:
            return
        canvas = self.canvas
        canvas.setLineCap(1)
        canvas.setLineJoin(1)
        for i, row in enumerate(paths):
            points = []
            for stage_id in row.path.stages:
                header = self.layout.stage_headers[stage_id]
                points.append((header.center[0], header.bottom - 6 - i * PATH_LINE_STEP))
            # A pale edge first, so a dark path colour still shows on the dark header.
            for ink, grow in ((PATH_EDGE, PATH_EDGE_WIDTH), (row.path.colour, 0.0)):
                canvas.setStrokeColor(HexColor(ink))
                canvas.setFillColor(HexColor(ink))
                canvas.setLineWidth(PATH_LINE_WIDTH + grow)
                if len(points) > 1:
                    path = canvas.beginPath()
                    for n, (x, y) in enumerate(points):
                        (path.lineTo if n else path.moveTo)(x, up(y))
                    canvas.drawPath(path, stroke=1, fill=0)
                for x, y in points:
                    canvas.circle(x, up(y), PATH_DOT + grow / 2, stroke=0, fill=1)

    def _lane_headers(self, view: Rect) -> None:
        for lane in self.projection.lanes:
            header = self.layout.lane_headers[lane.id]
            if not _overlaps(header, view):
                continue
            x, top = header.x + geo.CELL_PADDING, header.y + geo.CELL_PADDING
            top = self._lines(x, top, self.layout.lane_name_lines[lane.id],
                              geo.HEADER_NAME_SIZE - 1, geo.HEADER_NAME_LEADING - 1, TEXT_INK)
            if lane.kind == LaneKind.EMOTION:
                self._emotion_legend(header, top + 4)

    def _emotion_legend(self, header: Rect, top: float) -> None:
        """Which curve is which: a short line in the curve's colour, then its name."""
        width = header.w - 2 * geo.CELL_PADDING - 18
        for key, name, colour in self._curves():
            if top + self.header_leading > header.bottom - geo.CELL_PADDING:
                break
            mid = top + self.header_leading / 2
            self.canvas.setStrokeColor(HexColor(colour))
            self.canvas.setLineWidth(EMOTION_LINE_WIDTH if not key else SEGMENT_LINE_WIDTH)
            x = header.x + geo.CELL_PADDING
            self.canvas.line(x, up(mid), x + 14, up(mid))
            self._text(x + 18, top + 1.5, self._fit(name, width, self.header_text),
                       self.header_text, TEXT_INK)
            top += self.header_leading

    # ------------------------------------------------------------------ cards
    def _card(self, card_id: str, box: geo.CardBox) -> None:
        card = self.journey.card(card_id)
        rect, canvas = box.rect, self.canvas
        edge = EMPHASISED_KINDS.get(card.kind)
        canvas.setFillColor(HexColor(card_colour(card.kind, card.colour)))
        canvas.setStrokeColor(HexColor(edge or CARD_EDGE))
        canvas.setLineWidth(2.4 if edge else 0.6)
        canvas.roundRect(*pdf_rect(rect), 3, stroke=1, fill=1)
        self._card_strip(card, rect)
        draw_vote_dots(canvas, card.votes, rect)
        top = rect.y + geo.CARD_PADDING + geo.CARD_KIND_STRIP
        self._lines(rect.x + geo.CARD_PADDING, top, box.title_lines, geo.TITLE_SIZE,
                    geo.TITLE_LEADING, TEXT_INK)
        if box.footer:
            size = self.secondary
            footer_top = rect.bottom - geo.CARD_PADDING - size - 3.5
            text = self._fit(box.footer, rect.w - 2 * geo.CARD_PADDING, size)
            self._text(rect.x + geo.CARD_PADDING, footer_top, text, size, MUTED_INK)

    def _card_strip(self, card, rect: Rect) -> None:
        """The top strip: the kind marker, then one dot per segment the card is tagged with."""
        shape = CARD_MARKERS[card.kind]
        mid = rect.y + geo.CARD_PADDING + geo.CARD_KIND_STRIP / 2 - 2
        if shape != "none":
            draw_marker(self.canvas, shape, rect.x + geo.CARD_PADDING + 6, mid, 6,
                        MARKER_INK[shape])
        x = rect.right - geo.CARD_PADDING - 4
        for segment_id in reversed(card.segments):
            self.canvas.setFillColor(HexColor(self.journey.segment(segment_id).colour))
            self.canvas.circle(x, up(mid), 3.5, stroke=0, fill=1)
            x -= 10

    # ------------------------------------------------------------------ emotion curves
    def _curves(self) -> list[tuple[str, str, str]]:
        keys = {k for stage in self.projection.stages for k in stage.emotions}
        curves = [("", self.all_customers, EMOTION_LINE)] if "" in keys else []
        curves += [(s.id, s.name, s.colour) for s in self.projection.segments if s.id in keys]
        return curves

    def _emotions(self) -> None:
        for lane in self.projection.lanes:
            if lane.kind == LaneKind.EMOTION:
                self._neutral_line(self.layout.rows[lane.id])
                for key, _, colour in self._curves():
                    points = geo.emotion_points(self.layout, self.journey, lane.id, key)
                    self._curve(points, colour, SEGMENT_LINE_WIDTH if key else EMOTION_LINE_WIDTH)

    def _neutral_line(self, row: Rect) -> None:
        canvas, y = self.canvas, up(geo.emotion_y(row, 0.0))
        canvas.setStrokeColor(HexColor(GRID_LINE))
        canvas.setLineWidth(0.8)
        canvas.setDash(3, 3)
        canvas.line(row.x + geo.LANE_HEADER_WIDTH, y, row.right, y)
        canvas.setDash()
        for value in (2.0, 0.0, -2.0):
            # Secondary-line size, not smaller: the poster's minimum text size counts on it.
            self._text(row.x + geo.LANE_HEADER_WIDTH + 3, geo.emotion_y(row, value) - 5,
                       f"{value:+g}" if value else "0", self.secondary, MUTED_INK)

    def _curve(self, points, colour: str, width: float) -> None:
        canvas = self.canvas
        canvas.setStrokeColor(HexColor(colour))
        canvas.setFillColor(HexColor(colour))
        canvas.setLineWidth(width)
        canvas.setLineJoin(1)
        canvas.setLineCap(1)
        if len(points) > 1:
            path = canvas.beginPath()
            for i, (_, x, y) in enumerate(points):
                (path.lineTo if i else path.moveTo)(x, up(y))
            canvas.drawPath(path, stroke=1, fill=0)
        for _, x, y in points:
            canvas.circle(x, up(y), width + 1.2, stroke=0, fill=1)

    # ------------------------------------------------------------------ transitions
    def arc_labels(self) -> list[tuple[geo.ArcGeometry, str, str, bool, PlacedLabel | None]]:
        """Each transition's arc, colour, dash and label, the labels placed so that none overlaps
        another and no other arc crosses one (model.layout.arcs); a label with no free place is
        shortened (with "…") until it finds one, or to a third of its arc."""
        if self.secondary not in self._arc_cache:
            self._arc_cache[self.secondary] = self._place_arc_labels()
        return self._arc_cache[self.secondary]

    def _place_arc_labels(self) -> list[tuple[geo.ArcGeometry, str, str, bool, PlacedLabel | None]]:
        size, arcs, texts = self.secondary, {}, {}
        for row in self.projection.transitions():
            t = row.transition
            arcs[t.id] = (geo.transition_arc(self.layout, t.source, t.target), t.kind)
            texts[t.id] = " ".join(p for p in (t.trigger, format_rate(t.conversion_rate)) if p)
        fitted: dict[str, str] = {}

        def fit(key: str, room: float) -> float:
            if not texts[key]:
                return 0.0
            fitted[key] = self._fit(texts[key], room, size)
            return self.widths.text(fitted[key], size) + 4

        placed = place_shrinking_labels({key: arc for key, (arc, _) in arcs.items()}, fit, size + 3)
        return [(arc, fitted.get(key, ""), *TRANSITION_STYLES[kind], placed.get(key))
                for key, (arc, kind) in arcs.items()]

    def _transitions(self) -> None:
        # Every arc first, then every label, so no later arc is drawn over an earlier label.
        arcs = self.arc_labels()
        for arc, _, ink, dashed, _ in arcs:
            self._arc(arc, ink, dashed)
        for _, text, ink, _, placed in arcs:
            if placed is not None:
                self._arc_label(placed.center, text, ink)

    def _arc(self, arc: geo.ArcGeometry, ink: str, dashed: bool) -> None:
        canvas = self.canvas
        c1, c2 = quad_to_cubic(arc.start, arc.control, arc.end)
        canvas.setStrokeColor(HexColor(ink))
        canvas.setLineWidth(1.4)
        canvas.setDash(*((4, 3) if dashed else ()))
        path = canvas.beginPath()
        path.moveTo(arc.start[0], up(arc.start[1]))
        path.curveTo(c1[0], up(c1[1]), c2[0], up(c2[1]), arc.end[0], up(arc.end[1]))
        canvas.drawPath(path, stroke=1, fill=0)
        canvas.setDash()
        arrowhead(canvas, arc.end, c2, 7, ink)

    def _arc_label(self, at: tuple[float, float], text: str, ink: str) -> None:
        size = self.secondary
        width = self.widths.text(text, size)
        self.canvas.setFillColor(Color(1, 1, 1, alpha=0.85))
        self.canvas.rect(at[0] - width / 2 - 2, up(at[1] + size / 2 + 1.5), width + 4, size + 3,
                         stroke=0, fill=1)
        self._text(at[0], at[1] - size / 2, text, size, ink, centred=True)


def _overlaps(a: Rect, b: Rect) -> bool:
    return a.x < b.right and b.x < a.right and a.y < b.bottom and b.y < a.bottom
