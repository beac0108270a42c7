"""The PDF's fonts: IPAexGothic first, then a chain of fallback TrueType fonts, all embedded.

The PDF never relies on the reader's fonts. IPAexGothic draws Japanese and Latin; characters it
lacks come from the first font of the chain that has them: NanumGothic (Korean), Noto Sans Hebrew,
Arabic and Thai, and Symbola (monochrome emoji and symbols). All are glyf TrueType (reportlab
cannot embed CFF) under free licences shipped beside them in resources/fonts. A character no font
has is printed as a visible replacement (U+FFFD) and reported. reportlab draws glyphs left to
right as given, so a line with Hebrew or Arabic is put in visual order first (python-bidi), Arabic
in its joined letter forms (arabic-reshaper). Each font is registered as the bold
member of its own family too: otherwise ``<b>`` in a Paragraph would switch to Helvetica.
Fallback fonts are loaded only when a text needs one. Imports reportlab, model and resources only.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from xml.sax.saxutils import escape

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

from model.layout.text import CharWidths
from resources import FONTS_DIR, JAPANESE_FONT_FAMILY, JAPANESE_FONT_PATH

FONT = JAPANESE_FONT_FAMILY
BOLD_FONT = f"{JAPANESE_FONT_FAMILY}-Bold"
FALLBACK_FILES = (("NanumGothic", "NanumGothic.ttf"), ("NotoSansHebrew", "NotoSansHebrew-Regular.ttf"),
                  ("NotoSansArabic", "NotoSansArabic-Regular.ttf"),
                  ("NotoSansThai", "NotoSansThai-Regular.ttf"), ("Symbola", "Symbola.ttf"))
REPLACEMENT = "\ufffd"  # Symbola has it: a visible "?" in a diamond where no font has a glyph
# Common characters IPAexGothic lacks, drawn as its nearest glyph (the same font as the text
# around them) rather than from a fallback font (KPI targets say "NPS ≥ 40").
SUBSTITUTES = str.maketrans({"≥": "≧", "≤": "≦", "✔": "✓", "✗": "×", "™": "TM"})


RTL_RE = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")


def visual(line: str) -> str:
    """One line in the order its glyphs are drawn: right-to-left runs reversed, Arabic joined."""
    if not RTL_RE.search(line):
        return line
    import arabic_reshaper  # only for text that needs it
    from bidi import get_display

    return get_display(arabic_reshaper.reshape(line))


def printable(text: str) -> str:
    """``text`` with the substitutes above applied: what the PDF actually draws."""
    return text.translate(SUBSTITUTES)


_REPORTLAB_CMAP = ttfonts.makeToUnicodeCMap


def _to_unicode_cmap(fontname: str, subset) -> str:
    """reportlab's ToUnicode map, with characters beyond U+FFFF written as UTF-16 surrogate
    pairs as the PDF format requires (reportlab writes <1F600>, which readers reject, so emoji
    could not be searched or copied from the PDF)."""
    cmap = _REPORTLAB_CMAP(fontname, subset)
    for code in {v for v in subset if v > 0xFFFF}:
        cmap = cmap.replace(f"<{code:04X}>", f"<{chr(code).encode('utf-16-be').hex().upper()}>")
    return cmap


ttfonts.makeToUnicodeCMap = _to_unicode_cmap


def _register(name: str, path) -> TTFont:
    font = TTFont(name, str(path))
    pdfmetrics.registerFont(font)
    for bold, italic in ((0, 0), (1, 0), (0, 1), (1, 1)):
        addMapping(name, bold, italic, name)
    return font


@functools.cache
def register_fonts() -> TTFont:
    """Register the regular and 'bold' primary font once per process; return the regular one."""
    regular = TTFont(FONT, str(JAPANESE_FONT_PATH))
    pdfmetrics.registerFont(regular)
    pdfmetrics.registerFont(TTFont(BOLD_FONT, str(JAPANESE_FONT_PATH)))
    for bold, italic, name in ((0, 0, FONT), (1, 0, BOLD_FONT), (0, 1, FONT), (1, 1, BOLD_FONT)):
        addMapping(FONT, bold, italic, name)
    return regular


@functools.cache
def _primary_chars() -> frozenset[str]:
    return frozenset(map(chr, register_fonts().face.charToGlyph))


@functools.cache
def _fallbacks() -> tuple[tuple[str, frozenset[int]], ...]:
    """The fallback chain, registered on first need: (font name, code points it has)."""
    return tuple((name, frozenset(_register(name, FONTS_DIR / file).face.charToGlyph))
                 for name, file in FALLBACK_FILES)


_FONT_OF: dict[str, str | None] = {}


def font_for(char: str) -> str | None:
    """The first font of the chain that has ``char``; None when none has it."""
    found = _FONT_OF.get(char, "")
    if found == "":
        if char in _primary_chars():
            found = FONT
        else:
            found = next((name for name, chars in _fallbacks() if ord(char) in chars), None)
        _FONT_OF[char] = found
    return found


def needs_fallback(text: str) -> bool:
    return not _primary_chars().issuperset(text)


def runs(text: str) -> list[tuple[str, str]]:
    """``text`` cut into (font, run) pieces, each run drawn by one font of the chain."""
    if not needs_fallback(text):
        return [(FONT, text)] if text else []
    pieces: list[tuple[str, str]] = []
    for char in text:
        font = font_for(char) or FONT
        if pieces and pieces[-1][0] == font:
            pieces[-1] = (font, pieces[-1][1] + char)
        else:
            pieces.append((font, char))
    return pieces


def text_width(text: str, size: float) -> float:
    return sum(pdfmetrics.stringWidth(run, font, size) for font, run in runs(visual(text)))


def draw_text(canvas, x: float, y: float, text: str, size: float, centred: bool = False) -> None:
    """One line at baseline ``y``, each run in its font; ``x`` is its start or, centred, its middle."""
    pieces = runs(visual(text))
    if centred:
        x -= sum(pdfmetrics.stringWidth(run, font, size) for font, run in pieces) / 2
    for i, (font, run) in enumerate(pieces):
        canvas.setFont(font, size)
        canvas.drawString(x, y, run)
        if i + 1 < len(pieces):  # measuring is most of drawing a long line: only when needed
            x += pdfmetrics.stringWidth(run, font, size)


def font_markup(text: str) -> str:
    """Plain ``text`` as Paragraph markup: escaped, runs of fallback fonts in ``<font face>``.

    Right-to-left text is put in visual order line by line of the text; a paragraph that
    platypus wraps onto several lines keeps its lines in logical order (known limit)."""
    if RTL_RE.search(text):
        text = "\n".join(visual(line) for line in text.split("\n"))
    return "".join(escape(run) if font == FONT else f'<font face="{font}">{escape(run)}</font>'
                   for font, run in runs(text))


def _measure(char: str) -> float:
    return pdfmetrics.stringWidth(char, font_for(char) or FONT, 1)


@functools.cache
def char_widths() -> CharWidths:
    """Advances from the very fonts the PDF embeds, so the layout breaks lines where it draws them."""
    register_fonts()
    return CharWidths(_measure)


def _drawable(char: str) -> bool:
    return ord(char) in _substituted() or font_for(char) is not None


@functools.cache
def _substituted() -> frozenset[int]:
    return frozenset(SUBSTITUTES)


class GlyphCheck:
    """Replaces characters no font of the chain can draw, remembering the first place of each."""

    def __init__(self) -> None:
        self.found: dict[str, str] = {}

    def __call__(self, text: str, where: str) -> str:
        if not text or not needs_fallback(text):
            return text
        missing = {c for c in set(text) if c.isprintable() and not c.isspace() and not _drawable(c)}
        if not missing:
            return text
        for char in missing:
            self.found.setdefault(char, where)
        return "".join(REPLACEMENT if c in missing else c for c in text)

    def warnings(self) -> list[str]:
        return [describe_missing(dict(sorted(self.found.items(), key=lambda i: ord(i[0]))))] \
            if self.found else []


def missing_glyphs(texts: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Each character of the (place, text) pairs no font can draw -> the first place it is in."""
    check = GlyphCheck()
    for place, text in texts:
        check(text, place)
    return dict(sorted(check.found.items(), key=lambda item: ord(item[0])))


def describe_missing(found: dict[str, str]) -> str:
    """One warning line: which characters no font has, and where the first one is."""
    chars = ", ".join(f"{c} (U+{ord(c):04X}, in {place})" for c, place in list(found.items())[:8])
    more = len(found) - 8
    return (f"no bundled font has a glyph for {chars}" + (f" and {more} more" if more > 0 else "")
            + f"; they print as {REPLACEMENT}")
