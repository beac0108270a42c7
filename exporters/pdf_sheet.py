"""One poster page of the PDF as a platypus flowable: heading, legend, then the map through its
view, clipped to the poster area; tiles get their printer's marks, the overview its tile grid.

The overview (first page of a tiled poster) shows the whole map small, without the text that
would print below the minimum size, and the grid of tiles over it, each labelled with its key, so
the pages can be laid out and glued. Imports reportlab, model and exporters only.
"""
from __future__ import annotations

from collections.abc import Callable

from reportlab.lib.colors import Color, HexColor
from reportlab.platypus import Flowable

from exporters.fonts import BOLD_FONT
from exporters.paper import PosterOptions
from exporters.pdf_heading import PosterHeading
from exporters.pdf_legend import PosterLegend
from exporters.pdf_pages import MARGIN, PosterPlan, PosterSheet, draw_tile_marks, tile_key
from exporters.pdf_poster import PosterPainter
from model.layout import grid as geo

GRID_INK = "#c62828"
INDENT = 8  # the heading and legend start right of the crop mark rising from the poster's corner


class PosterPage(Flowable):
    """One poster page, filling its page, so platypus paginates posters and details alike."""

    def __init__(self, painter: PosterPainter, plan: PosterPlan, sheet: PosterSheet,
                 heading: PosterHeading, legend: PosterLegend, page_line: str,
                 bookmark: str, on_drawn: Callable[[], None], options: PosterOptions) -> None:
        super().__init__()
        self.painter, self.plan, self.sheet = painter, plan, sheet
        self.heading, self.legend, self.page_line = heading, legend, page_line
        self.bookmark, self.on_drawn, self.options = bookmark, on_drawn, options

    @property
    def is_overview(self) -> bool:
        return self.sheet is self.plan.overview

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return available_width, available_height

    def draw(self) -> None:
        canvas, sheet = self.canv, self.sheet
        if self.bookmark:
            canvas.bookmarkPage("map")
            canvas.addOutlineEntry(self.bookmark, "map", level=0)
            canvas.showOutline()
        top = canvas._pagesize[1] - MARGIN
        self.heading.draw(canvas, sheet.area.x + INDENT, top, "" if self.is_overview else sheet.key,
                          self.page_line)
        if sheet.rows * sheet.cols == 1:  # a single page or the overview: tiles leave it out
            self.legend.draw(canvas, sheet.area.x + INDENT, top - self.heading.height)
        self._map()
        if self.is_overview:
            self._tile_grid()
        elif sheet.rows * sheet.cols > 1:
            draw_tile_marks(canvas, sheet)
        self.on_drawn()

    def _map(self) -> None:
        canvas, sheet, painter = self.canv, self.sheet, self.painter
        painter.canvas = canvas
        # Only the overview drops text, all that would print below the title minimum (it shows the
        # map's shape and the tiles); a forced one-page fit prints it all, and warns.
        painter.min_size = self.options.min_text / sheet.scale if self.is_overview else 0.0
        painter.secondary = max(geo.SMALL_SIZE, self.options.min_secondary / sheet.scale)
        canvas.saveState()
        clip = canvas.beginPath()
        clip.rect(sheet.area.x, sheet.area.y, sheet.area.w, sheet.area.h)
        canvas.clipPath(clip, stroke=0, fill=0)
        canvas.translate(*sheet.origin)
        canvas.scale(sheet.scale, sheet.scale)
        canvas.translate(-sheet.view.x, sheet.view.y)  # layout y grows down: see pdf_shapes.up
        painter.draw(sheet.view)
        canvas.restoreState()

    def _page_point(self, x: float, y: float) -> tuple[float, float]:
        """A layout point on the overview page."""
        sheet = self.sheet
        return (sheet.origin[0] + (x - sheet.view.x) * sheet.scale,
                sheet.origin[1] - (y - sheet.view.y) * sheet.scale)

    def _tile_grid(self) -> None:
        """Each tile's share of the map (from its view's start to the next tile's start), framed
        and labelled with its key."""
        canvas, tiles, whole = self.canv, self.plan.tiles, self.sheet.view
        rows, cols = tiles[-1].rows, tiles[-1].cols
        starts_x = [t.view.x for t in tiles[:cols]] + [whole.right]
        starts_y = [tiles[r * cols].view.y for r in range(rows)] + [whole.bottom]
        canvas.saveState()
        canvas.setStrokeColor(HexColor(GRID_INK))
        canvas.setLineWidth(1.2)
        canvas.setDash(6, 3)
        left, top = self._page_point(whole.x, whole.y)
        right, bottom = self._page_point(whole.right, whole.bottom)
        canvas.rect(left, bottom, right - left, top - bottom, stroke=1, fill=0)
        for x in starts_x[1:-1]:
            canvas.line(self._page_point(x, 0)[0], bottom, self._page_point(x, 0)[0], top)
        for y in starts_y[1:-1]:
            canvas.line(left, self._page_point(0, y)[1], right, self._page_point(0, y)[1])
        canvas.setDash()
        for r in range(rows):
            for c in range(cols):
                x0, y0 = self._page_point(starts_x[c], starts_y[r])
                x1, y1 = self._page_point(starts_x[c + 1], starts_y[r + 1])
                self._key_label(tile_key(r + 1, c + 1), (x0 + x1) / 2, (y0 + y1) / 2,
                                min(abs(x1 - x0), abs(y0 - y1)))
        canvas.restoreState()

    def _key_label(self, key: str, x: float, y: float, room: float) -> None:
        canvas = self.canv
        size = max(self.options.min_text, min(28.0, room / 3))
        width = canvas.stringWidth(key, BOLD_FONT, size)
        canvas.setFillColor(Color(1, 1, 1, alpha=0.8))
        canvas.roundRect(x - width / 2 - 4, y - size * 0.55, width + 8, size * 1.1, 3, stroke=0, fill=1)
        canvas.setFillColor(HexColor(GRID_INK))
        canvas.setFont(BOLD_FONT, size)
        canvas.drawCentredString(x, y - size * 0.35, key)
