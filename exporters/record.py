"""The workshop record: what a session produced, as Markdown (record_markdown) or a PDF
(record_pdf). The map's title, the date and duration (the vote's and private round's times, or
as given), the participants, the vote ranking (named votes unless the vote was anonymous), the
comments card by card with their threads, and the parking lot.

``export_record`` picks the format by the file's suffix (.md, .markdown, .pdf) and writes it
atomically. ``Record`` is the content both formats lay out, in the map's language.
Imports model.* and exporters.* (reportlab only through record_pdf, when a PDF is asked for).
"""
from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from exporters.common import ExportError, ExportReport, atomic_target, check_target
from exporters.labels import labels_for
from exporters.projection import Projection
from exporters.workshop_rows import (
    CommentRow,
    ParkingRow,
    RankRow,
    SessionSpan,
    comment_rows,
    parking_rows,
    ranking,
    session_span,
    voters,
)
from model import JourneyMap
from model.layout.appearance import CARD_KIND_LABELS, label_language

SUFFIXES = {".md": "markdown", ".markdown": "markdown", ".pdf": "pdf"}


@dataclass(frozen=True)
class Record:
    title: str
    language: str  # "en" or "ja": of the labels and kind names
    labels: Mapping[str, str]
    span: SessionSpan
    participants: tuple[str, ...]
    voters: tuple[str, ...]  # the named columns of the ranking; () for an anonymous vote
    vote_rules: str  # "3 dots per participant · Pain point, Idea", "" when no vote was set up
    anonymous: bool
    ranking: tuple[RankRow, ...]
    comments: tuple[CommentRow, ...]
    parking: tuple[ParkingRow, ...]

    @property
    def duration(self) -> str:
        minutes = self.span.minutes
        if minutes is None:
            return ""
        times = f"{self.span.start:%H:%M}–{self.span.end:%H:%M}"
        return f"{self.labels['minutes'].format(count=minutes)} ({times})"

    def kind(self, row: RankRow | CommentRow) -> str:
        return CARD_KIND_LABELS[self.language][row.card.card.kind]


def build_record(journey: JourneyMap, language: str | None = None, start: datetime | None = None,
                 end: datetime | None = None) -> Record:
    labels = labels_for(language or journey.language)
    projection, vote = Projection(journey), journey.vote_round()
    lang = label_language(language or journey.language)
    kinds = labels["list_sep"].join(CARD_KIND_LABELS[lang][k] for k in vote.kinds)
    rules = labels["vote_rules"].format(dots=vote.dots_per_participant) if vote.started_at else ""
    rules = labels["field_sep"].join(part for part in (rules, kinds if rules else "") if part)
    return Record(journey.title, lang, labels, session_span(journey, start, end),
                  tuple(p.name for p in journey.participants()),
                  tuple(p.name for p in voters(journey)), rules, vote.anonymous,
                  tuple(ranking(projection)), tuple(comment_rows(projection)),
                  tuple(parking_rows(journey)))


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
