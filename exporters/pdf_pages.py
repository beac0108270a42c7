"""Page geometry of the PDF poster: one page when the text stays legible, tiles when it would not.

From the paper's top: the margin, the heading (title, description, page key; pdf_heading), the
legend band (pdf_legend; on a single page and the overview, not on every tile), then the poster
area the map is fitted or tiled into. Their heights are known before the map is placed.

The scale is chosen from the text: at scale s a card title prints at TITLE_SIZE × s points.
"auto" fits the whole map on one page if that keeps titles at least at the minimum (and scales a
small map up, to at most MAX_TITLE_PT), and otherwise tiles it at the smallest legible scale,
grown until the tiles it needs are full. "fit" always makes one
page; "tile" prints at 100 % (or the legible scale, if larger). Tiles repeat OVERLAP points of
their neighbours, carry crop, registration and overlap marks and a key: row letter, column number
(A1, A2, … B1). A tiled poster starts with an overview page. Pure arithmetic plus the printer's
marks; imports reportlab, model and exporters only.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

from reportlab.lib.colors import HexColor
from reportlab.pdfgen.canvas import Canvas

from exporters.fonts import draw_text
from exporters.paper import PosterOptions
from model.layout import grid as geo
from model.layout.grid import MapLayout, Rect

MARGIN = 28  # points; printers cannot print to the paper's edge
OVERLAP = 36  # tiles repeat this much of their neighbour, so they can be glued edge over edge
MAX_TITLE_PT = 18.0  # a small map grows to fill the page until card titles reach this size
MARK_INK = "#5f6b7a"
EDGE = 2.0  # layout units shown around the map
KEY_SIZE = 8.0  # the neighbours' keys beside the marks


@dataclass(frozen=True)
class PosterSheet:
    """One poster page: which part of the layout it shows, how large, and where on the paper."""

    row: int
    col: int
    rows: int
    cols: int
    view: Rect  # layout coordinates
    scale: float
    origin: tuple[float, float]  # page point where the view's top-left corner goes
    area: Rect  # the poster area in page coordinates: y up, so area.y is its lower edge

    @property
    def key(self) -> str:
        return tile_key(self.row, self.col) if self.rows * self.cols > 1 else ""


@dataclass(frozen=True)
class PosterPlan:
    """Every poster page, and what the export should say about the text size."""

    sheets: list[PosterSheet]
    overview: PosterSheet | None
    scale: float
    min_scale: float
    tiles: list[PosterSheet] = field(default_factory=list)

    @property
    def below_minimum(self) -> bool:
        return self.scale < self.min_scale - 1e-9

    @property
    def title_pt(self) -> float:
        return geo.TITLE_SIZE * self.scale


def tile_key(row: int, col: int) -> str:
    """A, B, … Z, AA, AB, … for the row; the column's number after it."""
    letters = ""
    while row:
        row, rest = divmod(row - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return f"{letters}{col}"


def legible_scale(options: PosterOptions) -> float:
    """The smallest scale at which card titles reach their minimum size. Secondary lines follow
    the poster's scale too, but grow where that would print them below their own minimum
    (pdf_poster.PosterPainter.secondary): they are re-fitted to their boxes, not the map."""
    return options.min_text / geo.TITLE_SIZE


def poster_area(page_size: tuple[float, float], header_height: float) -> Rect:
    """Where the map goes on the paper: inside the margins, below the heading and the legend."""
    width, height = page_size
    return Rect(MARGIN, MARGIN, width - 2 * MARGIN, max(height - 2 * MARGIN - header_height, 72))


def plan_poster(layout: MapLayout, page_size: tuple[float, float], options: PosterOptions,
                header_height: float, tile_header_height: float | None = None) -> PosterPlan:
    """The pages: ``header_height`` stands above the map on a single page and on the overview,
    ``tile_header_height`` (the heading without the legend) above it on the tiles."""
    area = poster_area(page_size, header_height)
    # The whole map plus a hair, so the clip at the poster area never halves the outer grid lines.
    whole = Rect(-EDGE, -EDGE, layout.width + 2 * EDGE, layout.height + 2 * EDGE)
    fit = min(area.w / whole.w, area.h / whole.h)
    minimum = legible_scale(options)
    largest = max(MAX_TITLE_PT / geo.TITLE_SIZE, minimum)
    if options.mode == "fit" or (options.mode == "auto" and fit >= minimum):
        sheet = _fit_sheet(whole, area, min(fit, largest))
        return PosterPlan([sheet], None, sheet.scale, minimum)
    tile_area = poster_area(page_size, header_height if tile_header_height is None
                            else tile_header_height)
    tiles = _tiles(whole, tile_area, max(1.0, minimum) if options.mode == "tile" else minimum,
                   grow_to=None if options.mode == "tile" else largest)
    if len(tiles) == 1:  # it fits one page after all (tile mode at 100 %): with its legend
        sheet = _fit_sheet(whole, area, min(tiles[0].scale, fit))
        return PosterPlan([sheet], None, sheet.scale, minimum)
    overview = _fit_sheet(whole, area, fit)
    return PosterPlan(tiles, overview, tiles[0].scale, minimum, tiles)


def _fit_sheet(whole: Rect, area: Rect, scale: float) -> PosterSheet:
    left = area.x + (area.w - whole.w * scale) / 2
    return PosterSheet(1, 1, 1, 1, whole, scale, (left, area.bottom), area)


def _count(length: float, room: float) -> int:
    return max(1, math.ceil((length - OVERLAP) / (room - OVERLAP) - 1e-9))


def _tiles(whole: Rect, area: Rect, scale: float, grow_to: float | None) -> list[PosterSheet]:
    cols, rows = _count(whole.w * scale, area.w), _count(whole.h * scale, area.h)
    if grow_to is not None:  # the pages are bought: fill them, up to the largest text size
        filled = min((cols * (area.w - OVERLAP) + OVERLAP) / whole.w,
                     (rows * (area.h - OVERLAP) + OVERLAP) / whole.h, grow_to)
        scale = max(scale, filled)
    step_w, step_h = (area.w - OVERLAP) / scale, (area.h - OVERLAP) / scale
    return [PosterSheet(r + 1, c + 1, rows, cols,
                        Rect(whole.x + c * step_w, whole.y + r * step_h, area.w / scale,
                             area.h / scale), scale, (area.x, area.bottom), area)
            for r in range(rows) for c in range(cols)]


# ---------------------------------------------------------------------- printer's marks
def draw_tile_marks(canvas: Canvas, sheet: PosterSheet) -> None:
    """Crop marks at the corners, registration marks mid-edge, dashed guides at the overlaps,
    and the key of the neighbour beside each edge that has one."""
    area = sheet.area
    canvas.saveState()
    canvas.setStrokeColor(HexColor(MARK_INK))
    canvas.setLineWidth(0.5)
    for x, y, dx, dy in ((area.x, area.y, -1, -1), (area.right, area.y, 1, -1),
                         (area.x, area.bottom, -1, 1), (area.right, area.bottom, 1, 1)):
        canvas.line(x + dx * 3, y, x + dx * 15, y)
        canvas.line(x, y + dy * 3, x, y + dy * 15)
    middle_x, middle_y = area.x + area.w / 2, area.y + area.h / 2
    for x, y in ((middle_x, area.y - 12), (area.x - 14, middle_y), (area.right + 14, middle_y)):
        _registration_mark(canvas, x, y)
    _overlap_guides(canvas, sheet)
    _neighbour_keys(canvas, sheet)
    canvas.restoreState()


def _registration_mark(canvas: Canvas, x: float, y: float) -> None:
    canvas.circle(x, y, 4, stroke=1, fill=0)
    canvas.line(x - 7, y, x + 7, y)
    canvas.line(x, y - 7, x, y + 7)


def _overlap_guides(canvas: Canvas, sheet: PosterSheet) -> None:
    """Where this page's content repeats its neighbour's: glue the neighbour up to this line."""
    area = sheet.area
    canvas.setDash(2, 3)
    if sheet.col < sheet.cols:
        canvas.line(area.right - OVERLAP, area.y, area.right - OVERLAP, area.bottom)
    if sheet.col > 1:
        canvas.line(area.x + OVERLAP, area.y, area.x + OVERLAP, area.bottom)
    if sheet.row < sheet.rows:
        canvas.line(area.x, area.y + OVERLAP, area.right, area.y + OVERLAP)
    if sheet.row > 1:
        canvas.line(area.x, area.bottom - OVERLAP, area.right, area.bottom - OVERLAP)
    canvas.setDash()


def _neighbour_keys(canvas: Canvas, sheet: PosterSheet) -> None:
    """"→A2" by the right edge, "↓ B1" under the bottom edge, "A1←" by the left edge: which
    page is glued on there."""
    area = sheet.area
    canvas.setFillColor(HexColor(MARK_INK))
    middle_x, middle_y = area.x + area.w / 2, area.y + area.h / 2
    if sheet.col < sheet.cols:
        draw_text(canvas, area.right + 14, middle_y + 12, f"→{tile_key(sheet.row, sheet.col + 1)}",
                  KEY_SIZE, centred=True)
    if sheet.col > 1:
        draw_text(canvas, area.x - 14, middle_y + 12, f"{tile_key(sheet.row, sheet.col - 1)}←",
                  KEY_SIZE, centred=True)
    if sheet.row < sheet.rows:
        draw_text(canvas, middle_x + 20, area.y - 15, f"↓ {tile_key(sheet.row + 1, sheet.col)}",
                  KEY_SIZE)
    # The page above is named in the heading's page line (pdf_heading), where there is room.
