"""Making user text safe for a file format (characters XML 1.0 forbids, over-long cells) and for a
printed page (invisible characters, decomposed kana, line breaks in one-line places).

Both the xlsx (XML inside) and the PDF (text strings and ToUnicode maps, plus reportlab's markup
parser) break on NUL, most C0 controls, U+FFFE/U+FFFF and lone surrogates; openpyxl refuses only
some of them and writes the rest into a file Excel calls corrupt. Imports the standard library only.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter

# Tab, LF and CR are legal XML; the surrogate range only ever holds lone halves in a Python str.
FORBIDDEN_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
MAX_PLACES_LISTED = 5


class TextCleaner:
    """Removes forbidden characters (and optionally cuts long text), remembering where it did."""

    def __init__(self, limit: int | None = None) -> None:
        self.limit = limit
        self.removed: Counter[str] = Counter()
        self.cut: list[str] = []

    def __call__(self, text: str, where: str = "") -> str:
        if not text:
            return ""
        cleaned, count = FORBIDDEN_RE.subn("", text)
        if count:
            self.removed[where] += count
        if self.limit is not None and len(cleaned) > self.limit:
            self.cut.append(f"{where} ({len(cleaned):,} characters)")
            cleaned = cleaned[:self.limit]
        return cleaned

    def warnings(self) -> list[str]:
        found = []
        if self.removed:
            total = sum(self.removed.values())
            found.append(f"removed {total} character(s) a file cannot hold (control characters, "
                         f"U+FFFE/U+FFFF, lone surrogates) from {_places(list(self.removed))}")
        if self.cut:
            found.append(f"cut text to {self.limit:,} characters (the cell limit) in "
                         f"{_places(self.cut)}")
        return found


def _places(places: list[str]) -> str:
    shown = ", ".join(p or "map" for p in places[:MAX_PLACES_LISTED])
    more = len(places) - MAX_PLACES_LISTED
    return shown + (f" and {more} more" if more > 0 else "")


# Characters that print as nothing or as an empty box, never as what the writer meant: DEL and C1
# controls, zero-width spaces and joiners, bidi marks and embeddings, word joiners, BOMs, the
# Mongolian vowel separator, and variation selectors (no bundled font has glyphs for them).
INVISIBLE_RE = re.compile("[\x7f-\x9f\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064"
                          "\u2066-\u2069\ufeff\ufe00-\ufe0f\U000e0100-\U000e01ef]")
# In a one-line place (a name, a channel, a trigger) every line break or tab is a space.
ONE_LINE_BREAKS_RE = re.compile("[\t\n\r\x0b\x0c\x85\u2028\u2029]+")
TABS_RE = re.compile("[\t\x0b\x0c]")


class PrintCleaner:
    """Text as a printed page shows it: NFC, no invisible characters, one-line places on one line.

    macOS writes か+゛ decomposed, which prints as two glyphs side by side: NFC joins them. What it
    removes is remembered by place, so the export can say where it was.
    """

    def __init__(self) -> None:
        self.removed: dict[str, int] = {}

    def __call__(self, text: str, where: str, one_line: bool = False) -> str:
        if not text:
            return ""
        cleaned, forbidden = FORBIDDEN_RE.subn("", text)
        cleaned, invisible = INVISIBLE_RE.subn("", cleaned)
        if forbidden + invisible:
            self.removed[where] = self.removed.get(where, 0) + forbidden + invisible
        cleaned = unicodedata.normalize("NFC", cleaned)
        if one_line:
            return ONE_LINE_BREAKS_RE.sub(" ", cleaned)
        cleaned = cleaned.replace("\r\n", "\n").replace("\r", "\n").replace("\x85", "\n")
        return TABS_RE.sub(" ", cleaned.replace("\u2028", "\n").replace("\u2029", "\n"))

    def warnings(self) -> list[str]:
        if not self.removed:
            return []
        total = sum(self.removed.values())
        return [f"removed {total} invisible or control character(s) (zero-width spaces, BOMs, bidi "
                f"controls, DEL, C0/C1 controls, variation selectors) from {_places(list(self.removed))}"]
