"""The workshop record: what a session produced, as Markdown (record_markdown) or a PDF
(record_pdf); its content is record_content.Record. ``export_record`` picks the format by the
file's suffix (.md, .markdown, .pdf) and writes it atomically.
Imports model.* and exporters.* (reportlab only through record_pdf, when a PDF is asked for).
"""
from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

from exporters.common import ExportError, ExportReport, atomic_target, check_target
from exporters.record_content import Record, build_record
from model import JourneyMap

SUFFIXES = {".md": "markdown", ".markdown": "markdown", ".pdf": "pdf"}


def export_record(journey: JourneyMap, path: str | os.PathLike[str], *,
                  language: str | None = None, start: datetime | None = None,
                  end: datetime | None = None) -> ExportReport:
    """Write the workshop record of ``journey`` as Markdown or PDF (by the suffix of ``path``)."""
    target = Path(path)
    kind = SUFFIXES.get(target.suffix.lower())
    if kind is None:
        raise ExportError(path, "a workshop record is written as Markdown (.md) or PDF (.pdf), "
                                f"not {target.suffix or 'a file without a suffix'}")
    check_target(target)
    record = build_record(journey, language, start, end)
    with atomic_target(target) as temp:
        if kind == "markdown":
            from exporters.record_markdown import record_markdown
            temp.write_text(record_markdown(record), encoding="utf-8")
            return ExportReport(str(path), summary=_summary(record))
        from exporters.record_pdf import write_record_pdf
        pages = write_record_pdf(record, temp)
    return ExportReport(str(path), pages=pages, summary=_summary(record))


def _summary(record: Record) -> str:
    return (f"{len(record.participants)} participants, {len(record.ranking)} cards with votes, "
            f"{len(record.comments)} comments, {len(record.parking)} parked items")
