"""Tooltips of the canvas's items: wrapped to a readable width, whatever the text's length.

Qt shows a plain-text tooltip on one line until it is wider than the whole screen, so a stage
overview of a few sentences ran across a wide monitor and off its edge. Rich text is word-wrapped
by Qt; we give it a width, so long texts (Japanese too: Qt breaks between CJK characters) wrap
into a block that Qt can place on screen, and short ones stay short.
Imports: none of the project.
"""
from __future__ import annotations

import html
import unicodedata

TOOLTIP_WIDTH = 420  # pixels: about 60 Latin or 30 Japanese characters a line
SHORT = 56  # half-width characters (a Japanese one counts two): fits on one line as it is


def _columns(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def wrapped_tooltip(text: str) -> str:
    """``text`` as a tooltip that wraps at TOOLTIP_WIDTH; markup in it is shown, not obeyed."""
    text = text.strip()
    if not text:
        return ""
    body = html.escape(text).replace("\n", "<br>")
    if _columns(text) <= SHORT and "\n" not in text:
        return f"<p style='white-space:pre'>{body}</p>"
    return f"<table width='{TOOLTIP_WIDTH}'><tr><td>{body}</td></tr></table>"
