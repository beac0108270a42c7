"""Wrapping text into lines of a given width, the same way for the canvas and the PDF. Pure Python.

Widths come from a ``CharWidths`` table: the advance of each character at font size 1. The editor
fills it from Qt's metrics of the bundled font, the PDF exporter from reportlab's metrics of the same
TTF, so both break lines at the same places. Without a font, ``estimated_char_width`` stands in
(East Asian wide characters one em, others a little over half).
"""
from __future__ import annotations

import unicodedata
from collections.abc import Callable
from functools import lru_cache

# Characters that must not start a line (Japanese kinsoku shori, simplified) or end one.
NO_LINE_START = set(
    "、。，．,.!?！？)）]」』】〕〉》ー～…‥・：；:;ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ")
NO_LINE_END = set("(（[「『【〔〈《")


@lru_cache(maxsize=4096)
def estimated_char_width(char: str) -> float:
    if unicodedata.east_asian_width(char) in ("W", "F"):
        return 1.0
    if char.isupper() or char in "mwMW@%":
        return 0.68
    return 0.52


def is_wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in ("W", "F")


class CharWidths:
    """Caches per-character advances (em units) from a measuring function."""

    def __init__(self, measure: Callable[[str], float] = estimated_char_width) -> None:
        self._measure = measure
        self._cache: dict[str, float] = {}

    def char(self, char: str) -> float:
        width = self._cache.get(char)
        if width is None:
            width = self._cache[char] = self._measure(char)
        return width

    def text(self, text: str, size: float) -> float:
        return sum(self.char(c) for c in text) * size


def _break_points(line: str) -> list[int]:
    """Indexes where a line may break: after spaces, and between characters where one is wide."""
    points = []
    for i in range(1, len(line)):
        before, after = line[i - 1], line[i]
        if after in NO_LINE_START or before in NO_LINE_END:
            continue
        if before == " " or is_wide(before) or is_wide(after):
            points.append(i)
    return points


def wrap_line(line: str, max_width: float, widths: CharWidths, size: float) -> list[str]:
    """Greedy wrap of one paragraph; words longer than a line are split between characters."""
    lines: list[str] = []
    start, width, last_break = 0, 0.0, None
    breaks = set(_break_points(line))
    i = 0
    while i < len(line):
        if i in breaks:
            last_break = i
        width += widths.char(line[i]) * size
        if width > max_width and i > start:
            cut = last_break if last_break and last_break > start else i
            lines.append(line[start:cut].rstrip(" "))
            start = cut
            while start < len(line) and line[start] == " ":
                start += 1
            i, width, last_break = start, 0.0, None
            continue
        i += 1
    lines.append(line[start:].rstrip(" "))
    return lines


def wrap_text(text: str, max_width: float, widths: CharWidths, size: float,
              max_lines: int | None = None) -> list[str]:
    """Lines of ``text`` (explicit newlines kept) no wider than ``max_width`` at font ``size``.

    With ``max_lines``, extra lines are dropped and the last kept line ends in an ellipsis.
    """
    lines: list[str] = []
    for paragraph in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        lines.extend(wrap_line(paragraph, max_width, widths, size))
    if max_lines is not None and len(lines) > max_lines:
        lines = lines[:max_lines]
        last = lines[-1]
        while last and widths.text(last + "…", size) > max_width:
            last = last[:-1]
        lines[-1] = last + "…"
    return lines
