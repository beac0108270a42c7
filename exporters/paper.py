"""Paper for the PDF poster and the poster's print options. Pure Python.

Named sheets are ISO A (A4 … A0) and JIS B (B5 … B0: the B sizes Japanese printers and copiers
use, slightly larger than ISO B). A custom sheet for a plotter is written ``WIDTHxHEIGHT`` with a
unit (mm by default, or cm, in, pt), e.g. ``900x600mm`` or ``36x24in``; it is used as written,
between 100 mm and 5,000 mm a side (a PDF page may be at most 200 inches). Named sheets print
landscape unless asked otherwise. Imports the standard library only.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

MM = 72 / 25.4
PAPERS_MM = {
    "a4": (210, 297), "a3": (297, 420), "a2": (420, 594), "a1": (594, 841), "a0": (841, 1189),
    "b5": (182, 257), "b4": (257, 364), "b3": (364, 515), "b2": (515, 728), "b1": (728, 1030),
    "b0": (1030, 1456),
}
PAPER_NAMES = tuple(PAPERS_MM)
UNITS = {"mm": MM, "cm": 10 * MM, "in": 72.0, "pt": 1.0}
MIN_SIDE_MM, MAX_SIDE_MM = 100, 5000
CUSTOM_RE = re.compile(r"\s*(\d+(?:\.\d+)?)\s*[x×*]\s*(\d+(?:\.\d+)?)\s*(mm|cm|in|pt)?\s*",
                       re.IGNORECASE)
MODES = ("auto", "fit", "tile")
DEFAULT_MIN_TEXT = 7.0  # points: card titles; secondary lines get SECONDARY_RATIO of it
SECONDARY_RATIO = 5.5 / 7.0
MIN_TEXT_RANGE = (4.0, 24.0)


class PaperError(ValueError):
    """A paper name or size the poster cannot use; the message says what would do."""


def paper_size(paper: str, landscape: bool = True) -> tuple[float, float]:
    """(width, height) in points of a named or custom paper."""
    key = paper.strip().lower()
    if key in PAPERS_MM:
        short, long = (side * MM for side in PAPERS_MM[key])
        return (long, short) if landscape else (short, long)
    match = CUSTOM_RE.fullmatch(paper)
    if match is None:
        raise PaperError(f"unknown paper size {paper!r}; use one of {', '.join(PAPER_NAMES)} "
                         "or a custom size such as 900x600mm")
    unit = UNITS[(match.group(3) or "mm").lower()]
    width, height = float(match.group(1)) * unit, float(match.group(2)) * unit
    for side in (width, height):
        if not MIN_SIDE_MM * MM - 0.01 <= side <= MAX_SIDE_MM * MM + 0.01:
            raise PaperError(f"paper size {paper!r}: each side must be between {MIN_SIDE_MM} mm "
                             f"and {MAX_SIDE_MM:,} mm")
    return width, height


def paper_label(paper: str) -> str:
    """How the paper is named in messages: "A3", "B2", "900x600mm"."""
    key = paper.strip().lower()
    return key.upper() if key in PAPERS_MM else paper.strip()


@dataclass(frozen=True)
class PosterOptions:
    """How the poster is printed. ``mode``: "auto" fits one page while text stays at least
    ``min_text`` and tiles otherwise; "fit" always prints one page (and warns when text gets
    smaller than the minimum); "tile" prints at 100 % (or larger, for the minimum) over pages."""

    paper: str = "a3"
    landscape: bool = True
    mode: str = "auto"
    min_text: float = DEFAULT_MIN_TEXT
    details: bool = True

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise PaperError(f"unknown poster mode {self.mode!r}; use one of {', '.join(MODES)}")
        low, high = MIN_TEXT_RANGE
        if not low <= self.min_text <= high:
            raise PaperError(f"minimum text size {self.min_text:g} pt is outside {low:g}–{high:g} pt")
        paper_size(self.paper, self.landscape)  # refuse a bad paper before any work

    @property
    def size(self) -> tuple[float, float]:
        return paper_size(self.paper, self.landscape)

    @property
    def min_secondary(self) -> float:
        return self.min_text * SECONDARY_RATIO
