"""The content of the workshop record, in the map's language: the map's title, the date and
duration (the vote's and private round's times, or as given), the participants, the vote
ranking (named votes unless the vote was anonymous), the comments card by card with their
threads, and the parking lot. record_markdown and record_pdf lay it out.
Imports model.* and exporters (labels, projection, workshop_rows) only.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

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
