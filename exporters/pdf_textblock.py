"""Long user text on the detail pages as a flowable of pre-broken lines.

reportlab's Paragraph measures every character of CJK text through its font machinery on each
wrap (about 3.5 µs a character here); a card with pages of text made that most of the export.
TextLines breaks the text once with model.layout.text (the poster's own line breaking, with the
PDF fonts' cached advances) and splits between lines when a column is full, so its cost is linear
in the text and small. Used for the part of a long text after its first chunk (pdf_details).
Imports reportlab, model and exporters only.
"""
from __future__ import annotations

from reportlab.lib.colors import HexColor
from reportlab.platypus import Flowable

from exporters.fonts import char_widths, draw_text
from model.layout.text import wrap_text


class TextLines(Flowable):
    """Plain text in lines of one size, breaking only between lines across columns and pages."""

    def __init__(self, text: str, size: float, leading: float, indent: float = 0.0,
                 ink: str = "#1f2933", lines: list[str] | None = None,
                 width: float | None = None) -> None:
        super().__init__()
        self.text, self.size, self.leading, self.indent, self.ink = text, size, leading, indent, ink
        self._lines, self._width = lines, width

    def _break(self, available_width: float) -> list[str]:
        if self._lines is None or self._width != available_width:
            self._lines = wrap_text(self.text, available_width - self.indent, char_widths(),
                                    self.size)
            self._width = available_width
        return self._lines

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        self.height = len(self._break(available_width)) * self.leading
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        lines = self._break(available_width)
        fit = int(available_height // self.leading)
        if fit <= 0:
            return []
        if fit >= len(lines):
            return [self]
        return [self._part(lines[:fit], available_width), self._part(lines[fit:], available_width)]

    def _part(self, lines: list[str], width: float) -> TextLines:
        return TextLines("\n".join(lines), self.size, self.leading, self.indent, self.ink, lines,
                         width)

    def draw(self) -> None:
        canvas = self.canv
        canvas.setFillColor(HexColor(self.ink))
        top = self.height
        for line in self._lines or ():
            baseline = top - (self.leading - self.size) / 2 - self.size * 0.88
            draw_text(canvas, self.indent, baseline, line, self.size)
            top -= self.leading
