"""Paragraphs of the detail pages that platypus breaks into lines quickly.

platypus breaks CJK text of one run (one font, one colour) with its quick word split, but text of
several runs (a ``<b>`` label, an ``&amp;``, a ``<br/>``) glyph by glyph, each glyph an object of
its own: five times slower, and most of a 2,000-card export. The bundled font has no bold face
(``<b>`` switched to a second embedding of the same glyphs), so a label and its text print the
same as one run. ``paragraph()`` therefore gives plain text as a PlainParagraph: one run built
directly (user text is never parsed as markup), line breaks kept by breaking each line on its
own, with platypus's own rules. Text that needs a fallback font (Korean, emoji, right-to-left)
keeps the markup path with its font runs. Imports reportlab and exporters only.
"""
from __future__ import annotations

import functools

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.textsplit import wordSplit
from reportlab.platypus import Paragraph

from exporters.fonts import RTL_RE, font_markup, needs_fallback, printable


def markup(text: str) -> str:
    """User text as Paragraph markup that shows exactly the user's characters."""
    return font_markup(printable(text)).replace("\n", "<br/>")


class WrapOnceParagraph(Paragraph):
    """A Paragraph that breaks its lines once per width.

    KeepTogether measures a card by wrapping it, then the frame wraps the same paragraphs again at
    the same width; line breaking of CJK text is most of the export's time, so reuse the result.
    A paragraph's lines depend only on the width (see Paragraph.wrap), never on the height.
    """

    _wrapped_width: float | None = None

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        # Paragraph.split deletes blPara when it gives up on a frame: then break lines again.
        if available_width != self._wrapped_width or "blPara" not in self.__dict__:
            super().wrap(available_width, available_height)
            self._wrapped_width = available_width
        return self.width, self.height


@functools.lru_cache(maxsize=64)
def _first_frag(style: ParagraphStyle):
    """The run a style's paragraph starts with (font, size, colour), as platypus's parser makes it."""
    return Paragraph("x", style).frags[0]


class BrokenLine(tuple):
    """One line of a one-run paragraph: (room left, [text]) as platypus draws it, with the room
    also named as on the lines of a paragraph of several runs."""

    __slots__ = ()

    @property
    def extraSpace(self) -> float:  # noqa: N802 - platypus's name
        return self[0]


class PlainParagraph(WrapOnceParagraph):
    """Plain text in one run of the style's font; each line of the text broken on its own."""

    def __init__(self, text: str | None, style: ParagraphStyle, bulletText=None,  # noqa: N803
                 frags=None, **kwargs) -> None:
        # Paragraph.split makes the two halves through this signature, with their frags.
        if frags is None:
            frags = [_first_frag(style).clone(text=text)]
        super().__init__("", style, bulletText, frags=frags, **kwargs)

    def breakLinesCJK(self, maxWidths):  # noqa: N802 - reportlab's name
        frag = self.frags[0] if len(self.frags) == 1 else None
        text = getattr(frag, "text", None)  # a half made by split holds lines, not text
        if getattr(self, "_splitpara", 0) or not isinstance(text, str) or self.style.endDots:
            return super().breakLinesCJK(maxWidths)
        widths = list(maxWidths) if isinstance(maxWidths, (list, tuple)) else [maxWidths]
        self.height = 0
        lines: list = []
        for part in text.split("\n"):
            room = widths[len(lines):] or widths[-1:]
            lines += wordSplit(part, room, frag.fontName, frag.fontSize) or [[room[0], ""]]
        return frag.clone(kind=0, lines=[BrokenLine((space, [line])) for space, line in lines],
                          ascent=frag.fontSize, descent=-0.2 * frag.fontSize)


def paragraph(text: str, style: ParagraphStyle) -> Paragraph:
    """Plain ``text`` (labels and user text, never markup) as the quickest paragraph that prints it."""
    shown = printable(text)
    if not shown:  # no line at all, as platypus lays out an empty paragraph
        return WrapOnceParagraph("", style)
    if needs_fallback(shown.replace("\n", "")) or RTL_RE.search(shown):
        return WrapOnceParagraph(markup(shown), style)
    return PlainParagraph(shown, style)
