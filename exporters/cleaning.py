"""Making user text safe for a file format: characters XML 1.0 forbids, and over-long cells.

Both the xlsx (XML inside) and the PDF (text strings and ToUnicode maps, plus reportlab's markup
parser) break on NUL, most C0 controls, U+FFFE/U+FFFF and lone surrogates; openpyxl refuses only
some of them and writes the rest into a file Excel calls corrupt. Imports the standard library only.
"""
from __future__ import annotations

import re
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
