"""Page geometry of the PDF poster: fit the whole map on one page, or tile it at 100 % with overlap.

From the paper's top: the margin, the title line, the legend band (pdf_legend; its height is
given), then the poster area the map is fitted or tiled into.

Pure arithmetic over a MapLayout, plus the printer's marks a tiled poster needs to be cut and glued
(crop marks, registration marks, overlap guides). Imports reportlab and model only.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from reportlab.lib.colors import HexColor
from reportlab.pdfgen.canvas import Canvas

from model.layout.grid import MapLayout, Rect

MARGIN = 28  # points; printers cannot print to the paper's edge
TITLE_BAND = 26  # room above the poster for the title line
OVERLAP = 36  # tiles repeat this much of their neighbour, so they can be glued edge over edge
MAX_FIT_SCALE = 2.0  # a tiny map need not become a giant one
MARK_INK = "#5f6b7a"
EDGE = 2.0  # layout units shown around the map


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
    layout: MapLayout
    area: Rect  # the poster area in page coordinates: y up, so area.y is its lower edge and
    #             area.bottom (y + h) its upper edge
    legend_height: float = 0.0  # the legend band between the title line and the poster area

    @property
    def title_baseline(self) -> float:
        return self.area.bottom + self.legend_height + TITLE_BAND / 2 - 2


def poster_area(page_size: tuple[float, float], legend_height: float = 0.0) -> Rect:
    """Where the map goes on the paper: inside the margins, below the title and the legend."""
    width, height = page_size
    return Rect(MARGIN, MARGIN, width - 2 * MARGIN,
                height - 2 * MARGIN - TITLE_BAND - legend_height)


def poster_sheets(layout: MapLayout, page_size: tuple[float, float], tile: bool,
                  legend_height: float = 0.0) -> list[PosterSheet]:
    area = poster_area(page_size, legend_height)
    # The whole map plus a hair, so the clip at the poster area never halves the outer grid lines.
    whole = Rect(-EDGE, -EDGE, layout.width + 2 * EDGE, layout.height + 2 * EDGE)
    if not tile:
        return [_fit_sheet(layout, whole, area, legend_height)]
    step_w, step_h = area.w - OVERLAP, area.h - OVERLAP
    cols = max(1, math.ceil((whole.w - OVERLAP) / step_w))
    rows = max(1, math.ceil((whole.h - OVERLAP) / step_h))
    return [PosterSheet(r + 1, c + 1, rows, cols,
                        Rect(whole.x + c * step_w, whole.y + r * step_h, area.w, area.h),
                        1.0, (area.x, area.bottom), layout, area, legend_height)
            for r in range(rows) for c in range(cols)]


def _fit_sheet(layout: MapLayout, whole: Rect, area: Rect, legend_height: float) -> PosterSheet:
    scale = min(area.w / whole.w, area.h / whole.h, MAX_FIT_SCALE)
    left = area.x + (area.w - whole.w * scale) / 2
    return PosterSheet(1, 1, 1, 1, whole, scale, (left, area.bottom), layout, area, legend_height)


def draw_tile_marks(canvas: Canvas, sheet: PosterSheet) -> None:
    """Crop marks at the corners, registration marks mid-edge, dashed guides at the overlaps."""
    area = sheet.area
    canvas.saveState()
    canvas.setStrokeColor(HexColor(MARK_INK))
    canvas.setLineWidth(0.5)
    for x, y, dx, dy in ((area.x, area.y, -1, -1), (area.right, area.y, 1, -1),
                         (area.x, area.bottom, -1, 1), (area.right, area.bottom, 1, 1)):
        canvas.line(x + dx * 3, y, x + dx * 15, y)
        canvas.line(x, y + dy * 3, x, y + dy * 15)
    middle_x, middle_y = area.x + area.w / 2, area.y + area.h / 2
    top = area.bottom + sheet.legend_height + TITLE_BAND  # the paper's top margin starts here
    for x, y in ((middle_x, area.y - 12), (middle_x, top + 14),
                 (area.x - 14, middle_y), (area.right + 14, middle_y)):
        _registration_mark(canvas, x, y)
    _overlap_guides(canvas, sheet)
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
