"""Wrapping text into lines of a given width, the same way for the canvas and the PDF. Pure Python.

Widths come from a ``CharWidths`` table: the advance of each character at font size 1. The editor
fills it from Qt's metrics of the bundled font, the PDF exporter from reportlab's metrics of the same
TTF, so both break lines at the same places. Without a font, ``estimated_char_width`` stands in
(East Asian wide characters one em, others a little over half).
"""
from __future__ import annotations

import unicodedata
from bisect import bisect_right
from collections.abc import Callable
from functools import lru_cache
from itertools import accumulate

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

    def advances(self, text: str) -> list[float]:
        """char() of each character of ``text``, in one go."""
        cache = self._cache
        return [cache[c] if c in cache else self.char(c) for c in text]

    def text(self, text: str, size: float) -> float:
        return sum(self.char(c) for c in text) * size


def wrap_line(line: str, max_width: float, widths: CharWidths, size: float,
              max_lines: int | None = None) -> list[str]:
    """Greedy wrap of one paragraph; words longer than a line are split between characters.

    A line ends before the first character that takes it past ``max_width`` (a character wider
    than a line stays on it), at the last break point inside it if there is one. Running widths
    come from accumulate() and bisect over a window that grows only until the line is full, and
    break points are looked for only back from where a line must end: the same sums and breaks as
    a loop over every character, in time linear in the text. With ``max_lines``, wrapping stops
    once that many lines are made (the rest of the paragraph is left out).
    """
    lines: list[str] = []
    advances = [advance * size for advance in widths.advances(line)]
    # Running widths only grow (so bisect applies) with no negative or NaN advance: a real font.
    total = sum(advances)  # the same sum, in the same order, as the last running width
    ascending = min(advances, default=0.0) >= 0 and total == total
    if ascending and total <= max_width:
        return [line.rstrip(" ")]  # it fits
    start, end = 0, len(line)
    while max_lines is None or len(lines) < max_lines:
        i = start + _line_end(advances, start, max_width, ascending)
        if i >= end:
            break
        cut = next((k for k in range(i, start, -1) if _breaks_at(line, k)), i)
        lines.append(line[start:cut].rstrip(" "))
        start = cut
        while start < end and line[start] == " ":
            start += 1
    else:
        return lines
    lines.append(line[start:].rstrip(" "))
    return lines


_WINDOW = 64  # characters summed at first; doubled while a line is not yet full


def _line_end(advances: list[float], start: int, max_width: float, ascending: bool) -> int:
    """How many characters from ``start`` go on the line (at least one; all that are left if
    they fit): the index of the first running width past ``max_width``."""
    window = _WINDOW
    while True:
        sums = list(accumulate(advances[start:start + window]))
        last = start + window >= len(advances)
        if ascending:
            over = bisect_right(sums, max_width)
            if over < len(sums) or last:
                return max(over, 1)
        else:
            over = next((k for k in range(1, len(sums)) if sums[k] > max_width), None)
            if over is not None or last:
                return len(sums) if over is None else over
        window *= 2


def _breaks_at(line: str, i: int) -> bool:
    """Whether the line may break before ``line[i]``: after a space, or next to a wide
    character, unless kinsoku forbids it."""
    before, after = line[i - 1], line[i]
    if after in NO_LINE_START or before in NO_LINE_END:
        return False
    return before == " " or is_wide(before) or is_wide(after)


def wrap_text(text: str, max_width: float, widths: CharWidths, size: float,
              max_lines: int | None = None) -> list[str]:
    """Lines of ``text`` (explicit newlines kept) no wider than ``max_width`` at font ``size``.

    With ``max_lines``, extra lines are dropped and the last kept line ends in an ellipsis.
    """
    lines: list[str] = []
    for paragraph in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        # One line more than kept is enough to know that the text goes on.
        room = None if max_lines is None else max_lines + 1 - len(lines)
        if room is not None and room <= 0:
            break
        lines.extend(wrap_line(paragraph, max_width, widths, size, room))
    if max_lines is not None and len(lines) > max_lines:
        lines = lines[:max_lines]
        last = lines[-1]
        while last and widths.text(last + "…", size) > max_width:
            last = last[:-1]
        lines[-1] = last + "…"
    return lines
