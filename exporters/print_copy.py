"""A copy of the map with every user text as a printed page must show it.

The PDF and the slides lay text out and draw it; both work on this copy, so line breaks are
measured on exactly the characters that print. Each text goes through PrintCleaner (NFC, no
invisible or control characters; names, channels, owners and triggers on one line), then, for the
PDF, through a glyph check that replaces what no bundled font can draw. Where something was
removed or replaced is remembered for the export's warnings. The copy is built from the map's
plain data, so ids, order, colours and relations are the original's. Imports model and
exporters.cleaning only.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from exporters.cleaning import PrintCleaner
from model import JourneyMap
from model.fileformat.serialize import map_from_data
from model.journey.plain_data import map_to_data

Glyphs = Callable[[str, str], str]  # (text, where) -> text with undrawable characters replaced
# Per element kind: its text fields, and whether each is a one-line place.
TEXT_FIELDS: dict[str, dict[str, bool]] = {
    "segments": {"name": True},
    "stages": {"name": True, "overview": False},
    "lanes": {"name": True},
    "cards": {"title": False, "details": False, "channel": True, "owner": True, "feeling": False,
              "stakes": False, "actions": False},
    "transitions": {"trigger": True},
    "paths": {"name": True},
}
SINGULAR = {"segments": "segment", "stages": "stage", "lanes": "lane", "cards": "card",
            "transitions": "transition", "paths": "path"}


class PrintableMap:
    """``journey`` is the cleaned copy; ``warnings()`` says what cleaning removed or replaced."""

    def __init__(self, original: JourneyMap, glyphs: Glyphs | None = None) -> None:
        self.cleaner = PrintCleaner()
        self._glyphs = glyphs
        data = map_to_data(original)
        head = data.get("map", {})
        head["title"] = self._text(head.get("title", ""), "map title", True)
        head["description"] = self._text(head.get("description", ""), "map description", False)
        for kind, fields in TEXT_FIELDS.items():
            for element in data.get(kind, []):
                self._element(kind, element, fields)
        self.journey = map_from_data(data)

    def _text(self, text: Any, where: str, one_line: bool) -> Any:
        if not isinstance(text, str) or not text:
            return text
        cleaned = self.cleaner(text, where, one_line)
        return self._glyphs(cleaned, where) if self._glyphs else cleaned

    def _element(self, kind: str, element: dict[str, Any], fields: dict[str, bool]) -> None:
        where = f"{SINGULAR[kind]} {element.get('id', '?')}"
        for field, one_line in fields.items():
            if field in element:
                element[field] = self._text(element[field], f"{where} {field}", one_line)
        for criterion in element.get("exit_criteria", ()) if kind == "stages" else ():
            criterion["text"] = self._text(criterion.get("text", ""), f"{where} exit criterion",
                                           False)
            criterion["kpi"] = self._text(criterion.get("kpi", ""), f"{where} KPI", True)

    def warnings(self) -> list[str]:
        return self.cleaner.warnings()
