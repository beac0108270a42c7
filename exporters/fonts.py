"""The bundled Japanese TrueType font for the PDF: registration, metrics and glyph coverage.

The PDF never relies on the reader's fonts: IPAexGothic is embedded (reportlab subsets it). It has
no bold face, so the same file is registered as the bold member of its family; otherwise ``<b>`` in
a Paragraph would silently switch to Helvetica, which has no Japanese. Imports reportlab, model and
resources only.
"""
from __future__ import annotations

import functools
from collections.abc import Iterable

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from model.layout.text import CharWidths
from resources import JAPANESE_FONT_FAMILY, JAPANESE_FONT_PATH

FONT = JAPANESE_FONT_FAMILY
BOLD_FONT = f"{JAPANESE_FONT_FAMILY}-Bold"
# Common characters IPAexGothic lacks, drawn as the nearest glyph it has rather than as an empty
# box (KPI targets say "NPS ≥ 40"). Anything else missing is reported, never silently replaced.
SUBSTITUTES = str.maketrans({"≥": "≧", "≤": "≦", "✔": "✓", "✗": "×", "™": "TM"})


def printable(text: str) -> str:
    """``text`` with the substitutes above applied: what the PDF actually draws."""
    return text.translate(SUBSTITUTES)


@functools.cache
def register_fonts() -> TTFont:
    """Register the regular and 'bold' font once per process; return the regular one."""
    regular = TTFont(FONT, str(JAPANESE_FONT_PATH))
    pdfmetrics.registerFont(regular)
    pdfmetrics.registerFont(TTFont(BOLD_FONT, str(JAPANESE_FONT_PATH)))
    for bold, italic, name in ((0, 0, FONT), (1, 0, BOLD_FONT), (0, 1, FONT), (1, 1, BOLD_FONT)):
        addMapping(FONT, bold, italic, name)
    return regular


def _measure(char: str) -> float:
    return pdfmetrics.stringWidth(char, FONT, 1)


@functools.cache
def char_widths() -> CharWidths:
    """Advances from the very font the PDF embeds, so the layout breaks lines where it draws them."""
    register_fonts()
    return CharWidths(_measure)


@functools.cache
def _covered() -> frozenset[int]:
    return frozenset(register_fonts().face.charToGlyph) | frozenset(SUBSTITUTES)


def missing_glyphs(texts: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Each character of the (place, text) pairs the font cannot draw -> the first place it is in.

    Whitespace and the controls the exporters strip anyway are not glyphs and are not reported.
    """
    covered = _covered()
    found: dict[str, str] = {}
    for place, text in texts:
        for char in set(text).difference(found):
            if ord(char) not in covered and char.isprintable() and not char.isspace():
                found[char] = place
    return dict(sorted(found.items(), key=lambda item: ord(item[0])))


def describe_missing(found: dict[str, str]) -> str:
    """One warning line: which characters print as empty boxes, and where the first one is."""
    chars = ", ".join(f"{c} (U+{ord(c):04X}, in {place})" for c, place in list(found.items())[:8])
    more = len(found) - 8
    return (f"the bundled font has no glyph for {chars}" + (f" and {more} more" if more > 0 else "")
            + "; they print as empty boxes")
