"""The heading of every poster page: the map's title, its description, and on a tiled poster the
page's key with the page line (where it sits, which page joins above).

A long title wraps onto a second line and then ends in "…"; the description takes at most two
lines under it. The heading is laid out for the paper's width before the map is placed, so its
height is known (pdf_pages.plan_poster). Imports reportlab, model and exporters only.
"""
from __future__ import annotations

from reportlab.lib.colors import HexColor
from reportlab.pdfgen.canvas import Canvas

from exporters.fonts import BOLD_FONT, draw_text, text_width
from model.layout.text import CharWidths, wrap_text

TITLE_PT, TITLE_LEADING, MAX_TITLE_LINES = 13.0, 16.5, 2
TEXT_PT, TEXT_LEADING, MAX_DESCRIPTION_LINES = 8.5, 11.5, 2
KEY_PT = 18.0
GAP = 6.0  # between the heading and the legend or the poster
TITLE_INK, TEXT_INK, KEY_INK = "#1f2933", "#5f6b7a", "#2f3e4e"


def baseline(top: float, size: float, leading: float) -> float:
    """The baseline of a line whose leading box starts at page height ``top`` (y up)."""
    return top - (leading - size) / 2 - size * 0.88


class PosterHeading:
    """The title and description wrapped for a heading ``width`` points wide."""

    def __init__(self, title: str, description: str, widths: CharWidths, width: float,
                 tiled: bool) -> None:
        self.tiled = tiled
        key_room = 70.0 if tiled else 0.0  # the page key stands at the right of the title
        self.title_lines = wrap_text(title, width - key_room, widths, TITLE_PT, MAX_TITLE_LINES) \
            if title else []
        self.description_lines = wrap_text(description, width, widths, TEXT_PT,
                                           MAX_DESCRIPTION_LINES) if description else []
        self.width = width

    @property
    def height(self) -> float:
        lines = len(self.description_lines) + (1 if self.tiled else 0)
        return max(len(self.title_lines), 1) * TITLE_LEADING + lines * TEXT_LEADING + GAP

    def draw(self, canvas: Canvas, left: float, top: float, key: str = "", page_line: str = "") -> None:
        canvas.saveState()
        canvas.setFillColor(HexColor(TITLE_INK))
        for i, line in enumerate(self.title_lines):
            draw_text(canvas, left, baseline(top - i * TITLE_LEADING, TITLE_PT, TITLE_LEADING),
                      line, TITLE_PT)
        if key:
            canvas.setFillColor(HexColor(KEY_INK))
            canvas.setFont(BOLD_FONT, KEY_PT)
            canvas.drawRightString(left + self.width, baseline(top, KEY_PT, TITLE_LEADING), key)
        top -= max(len(self.title_lines), 1) * TITLE_LEADING
        canvas.setFillColor(HexColor(TEXT_INK))
        lines = self.description_lines + ([page_line] if self.tiled else [])
        for line in lines:
            draw_text(canvas, left, baseline(top, TEXT_PT, TEXT_LEADING), line, TEXT_PT)
            top -= TEXT_LEADING
        canvas.restoreState()


def fit_line(text: str, width: float, size: float) -> str:
    """``text`` on one line of ``width`` points, ending in "…" when it is cut."""
    text = text[:int(width / (size * 0.2)) + 2]  # no glyph is narrower than a fifth of an em
    if text_width(text, size) <= width:
        return text
    low, high = 0, len(text)
    while low < high:  # the longest prefix that fits with the ellipsis
        middle = (low + high + 1) // 2
        if text_width(text[:middle] + "…", size) <= width:
            low = middle
        else:
            high = middle - 1
    return text[:low] + "…"
