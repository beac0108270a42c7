"""The poster's legend: card kinds (a little note with the kind's marker + the kind's name),
segments (colour dot + name) and journey paths (colour line + name + route).

A band under the poster's title, in page points: it is laid out for the paper, not for the map, so
it keeps its size however small a fitted map gets, and its height is known before the poster is
fitted below it (pdf_pages.poster_sheets). Items flow left to right and wrap; an item longer than a
line wraps inside its own block. A legend taller than its share of the page shows what fits (the
groups share the room) and ends with "… and N more"; the details section "Segments & paths" lists
them all. Imports reportlab, model and exporters only.
"""
from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from reportlab.lib.colors import HexColor
from reportlab.pdfgen.canvas import Canvas

from exporters.fonts import draw_text
from exporters.pdf_shapes import draw_marker
from exporters.projection import Projection
from model.layout.text import CharWidths, wrap_text

SIZE = 8.5
LEADING = 12.5
HEADING_INK = "#5f6b7a"
TEXT_INK = "#1f2933"
SWATCH = 16  # the width of a swatch (dot or line) and its gap before the text
ITEM_GAP = 16  # between two items on one line
HEADING_GAP = 10
BOTTOM_GAP = 6  # between the legend's last line and the poster
MAX_SHARE = 0.25  # of the room under the title: the map keeps the rest
PATH_LINE_WIDTH = 2.4


@dataclass(frozen=True)
class LegendItem:
    swatch: str  # "kind" (a card kind), "dot" (a segment) or "line" (a path)
    colour: str
    text: str
    shape: str = ""  # the kind's marker (model.layout.appearance.CARD_MARKERS)
    ink: str = ""  # the marker's colour


@dataclass(frozen=True)
class Placed:
    """One item's block at its place: ``row`` is the first legend line it takes."""

    item: LegendItem
    row: int
    x: float  # from the left of the items' column
    lines: tuple[str, ...]


@dataclass(frozen=True)
class Group:
    heading: str
    first_row: int
    placed: tuple[Placed, ...]


class PosterLegend:
    """Segments and paths of ``projection`` laid out for a band ``width`` points wide."""

    def __init__(self, projection: Projection, labels: Mapping[str, str], widths: CharWidths,
                 width: float, max_height: float, clean, kinds: list[LegendItem] = ()) -> None:
        self.widths, self.width, self.labels = widths, width, labels
        groups = [(labels["kinds"], list(kinds)),
                  (labels["segments"], [LegendItem("dot", r.segment.colour, clean(r.segment.name))
                                        for r in projection.segment_rows]),
                  (labels["paths"], [LegendItem("line", r.path.colour,
                                                clean(f"{r.path.name}: {r.route}"))
                                     for r in projection.path_rows])]
        groups = [(heading, items) for heading, items in groups if items]
        self.heading_width = max((widths.text(h, SIZE) for h, _ in groups), default=0) + HEADING_GAP
        self.groups, self.more = self._fit(groups, max(1, math.floor(max_height / LEADING)))

    @property
    def rows(self) -> int:
        return _rows(self.groups) + (1 if self.more else 0)

    @property
    def height(self) -> float:
        return self.rows * LEADING + BOTTOM_GAP if self.rows else 0.0

    # ------------------------------------------------------------------ layout
    def _fit(self, groups, max_rows: int) -> tuple[list[Group], int]:
        """Lay out every item; if that takes more than ``max_rows``, keep as many items as fit
        with the "… and N more" line (rows only grow with items: a binary search finds them)."""
        total = sum(len(items) for _, items in groups)
        laid = self._place(groups, total)
        if _rows(laid) <= max_rows:
            return laid, 0
        low, high = 0, total - 1  # the most items that fit above the "more" line
        while low < high:
            middle = (low + high + 1) // 2
            if _rows(self._place(groups, middle)) <= max_rows - 1:
                low = middle
            else:
                high = middle - 1
        return self._place(groups, low), total - low

    def _place(self, groups, keep: int) -> list[Group]:
        """``keep`` items shared fairly between the groups (so many segments cannot crowd out
        every path), each group starting on a line of its own."""
        column = self.width - self.heading_width
        laid, row = [], 0
        for (heading, items), count in zip(groups, _allot([len(i) for _, i in groups], keep),
                                           strict=True):
            items = items[:count]
            if not items:
                continue
            first_row, x, placed = row, 0.0, []
            for item in items:
                need = SWATCH + self.widths.text(item.text, SIZE)
                if x and need > column - x:  # not on this line: on the next
                    row, x = row + 1, 0.0
                if need <= column - x:
                    lines: tuple[str, ...] = (item.text,)
                else:  # longer than a whole line: it wraps, in a block of its own
                    lines = tuple(wrap_text(item.text, column - SWATCH, self.widths, SIZE))
                placed.append(Placed(item, row, x, lines))
                if len(lines) > 1:
                    row, x = row + len(lines), 0.0
                else:
                    x += need + ITEM_GAP
            laid.append(Group(heading, first_row, tuple(placed)))
            row += 1 if x else 0
        return laid

    # ------------------------------------------------------------------ drawing
    def draw(self, canvas: Canvas, left: float, top: float) -> None:
        """Draw with the first line's em box starting at page height ``top`` (y up)."""
        if not self.rows:
            return
        canvas.saveState()
        column = left + self.heading_width

        def baseline(row: int) -> float:
            return top - row * LEADING - (LEADING - SIZE) / 2 - SIZE * 0.88

        for group in self.groups:
            canvas.setFillColor(HexColor(HEADING_INK))
            draw_text(canvas, left, baseline(group.first_row), group.heading, SIZE)
            for placed in group.placed:
                self._swatch(canvas, placed.item, column + placed.x,
                             baseline(placed.row) + SIZE * 0.3)
                canvas.setFillColor(HexColor(TEXT_INK))
                for i, line in enumerate(placed.lines):
                    draw_text(canvas, column + placed.x + SWATCH, baseline(placed.row + i), line, SIZE)
        if self.more:
            canvas.setFillColor(HexColor(HEADING_INK))
            draw_text(canvas, column, baseline(self.rows - 1),
                      self.labels["more"].format(count=self.more), SIZE)
        canvas.restoreState()

    @staticmethod
    def _swatch(canvas: Canvas, item: LegendItem, x: float, y: float) -> None:
        colour = HexColor(item.colour)
        if item.swatch == "kind":
            canvas.setFillColor(colour)
            canvas.setStrokeColor(HexColor("#9aa5b1"))
            canvas.setLineWidth(0.5)
            canvas.roundRect(x - 1, y - 5.5, 13, 11, 2, stroke=1, fill=1)
            if item.shape != "none":  # draw_marker flips y (layout y points down): hand it -y
                draw_marker(canvas, item.shape, x + 5.5, -y, 4.2, item.ink)
        elif item.swatch == "dot":
            canvas.setFillColor(colour)
            canvas.circle(x + 5, y, 4, stroke=0, fill=1)
        else:
            canvas.setStrokeColor(colour)
            canvas.setLineWidth(PATH_LINE_WIDTH)
            canvas.setLineCap(1)
            canvas.line(x + 1, y, x + SWATCH - 4, y)
            canvas.setFillColor(colour)
            canvas.circle(x + 1, y, 2.2, stroke=0, fill=1)
            canvas.circle(x + SWATCH - 4, y, 2.2, stroke=0, fill=1)


def _allot(sizes: list[int], keep: int) -> list[int]:
    """How many items of each group to show: ``keep`` in all, each group its equal share, the
    share a small group leaves going to the others. More ``keep`` never shows fewer of any group."""
    counts = [0] * len(sizes)
    while keep > 0 and any(c < s for c, s in zip(counts, sizes, strict=True)):
        for i, size in enumerate(sizes):
            if keep > 0 and counts[i] < size:
                counts[i] += 1
                keep -= 1
    return counts


def _rows(groups: list[Group]) -> int:
    return max((p.row + len(p.lines) for g in groups for p in g.placed), default=0)
