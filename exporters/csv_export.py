"""CSV export: one row a card (stage, lane, kind, title, details, …, ID), the columns the CSV
importer reads back, in UTF-8 with a BOM so that Japanese Excel opens it with the right encoding.

Rows come in the shared projection's journey order; headers and kind names speak the map's
language (or the one asked for). A field that Excel would run as a formula (=, +, -, @, tab, CR)
is written with a leading apostrophe -- the usual CSV-injection guard -- which the importer
removes again (importers.export_format.unguard_formula), so the text round-trips. Segments
go one per line in their cell, because a segment's name may hold a comma. Imports the standard
library, model.* and exporters.* only.
"""
from __future__ import annotations

import csv
import io
import os
from pathlib import Path

from model import JourneyMap
from model.layout.appearance import CARD_KIND_LABELS, label_language

from .common import ExportError, ExportReport, atomic_target, check_target
from .labels import labels_for
from .projection import CardRow, Projection

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_GUARDED = FORMULA_STARTS + ("'",)  # an apostrophe too, so that unguard_formula is exact
CSV_COLUMNS = ("stage", "lane", "kind", "title", "details", "channel", "owner", "segments",
               "votes", "feeling", "stakes", "team_actions")
SEGMENT_SEPARATORS = (",", "、", ";")


def guard_formula(text: str) -> str:
    """'=SUM(A1)' -> "'=SUM(A1)": Excel shows it as text instead of running it."""
    return "'" + text if text.startswith(_GUARDED) else text


def segments_cell(names: tuple[str, ...]) -> str:
    """Segment names one a line; a lone name holding a separator gets a line break after it, so
    the importer reads it as one name, not as a list to split."""
    text = "\n".join(names)
    if len(names) == 1 and any(sep in names[0] for sep in SEGMENT_SEPARATORS + ("\n",)):
        text += "\n"
    return text


def csv_text(journey: JourneyMap, language: str | None = None) -> tuple[str, int]:
    """(the CSV text, how many fields got the formula guard)."""
    labels = labels_for(language or journey.language)
    kinds = CARD_KIND_LABELS[label_language(language or journey.language)]
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)  # Excel's dialect: commas, CRLF, quotes only where needed
    writer.writerow([labels[column] for column in CSV_COLUMNS] + ["ID"])
    guarded = 0
    for row in Projection(journey).rows:
        values = _row_values(row, kinds[row.card.kind])
        safe = [guard_formula(value) for value in values]
        guarded += sum(a != b for a, b in zip(values, safe, strict=True))
        writer.writerow(safe)
    return buffer.getvalue(), guarded


def _row_values(row: CardRow, kind_label: str) -> list[str]:
    card = row.card
    return [row.stage.name, row.lane.name, kind_label, card.title, card.details, card.channel,
            card.owner, segments_cell(row.segment_names), str(card.votes), card.feeling,
            card.stakes, card.actions, card.id]


def export_csv(journey: JourneyMap, path: str | os.PathLike[str], *,
               language: str | None = None) -> ExportReport:
    """Write the cards of ``journey`` as CSV to ``path``; raises ExportError if it cannot."""
    check_target(Path(path))
    text, guarded = csv_text(journey, language)
    try:
        payload = text.encode("utf-8-sig")
    except UnicodeEncodeError as exc:  # a lone surrogate: not text any file can hold
        raise ExportError(path, f"a card holds text that cannot be written as UTF-8 ({exc.reason})"
                          ) from None
    with atomic_target(path) as temp:
        temp.write_bytes(payload)
    report = ExportReport(str(path))
    if guarded:
        report.warn(f"{guarded} field(s) start with =, +, -, @ or a control character: written "
                    "with a leading ' so that Excel shows them as text (the importer removes it)")
    report.warn("the CSV holds the cards only: stage overviews, exit criteria, emotions, "
                "transitions, segments' colours, paths, links and card colours are not in it")
    return report
