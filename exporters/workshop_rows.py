"""The workshop's data as rows for every export: comments in journey order with their threads,
the parking lot, who voted, the vote ranking, and the session's date and duration. Shared by the
Excel sheets, the PDF and the workshop record, so they all order and name things alike.
Imports model.* and exporters.projection only.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from exporters.projection import CardRow, Projection
from model import Comment, JourneyMap, ParkingItem, Participant


@dataclass(frozen=True)
class CommentRow:
    number: int  # 1-based, in journey order of the cards, each thread's replies after it
    comment: Comment
    card: CardRow
    author: str  # the participant's name, "" when nobody is known
    time: str  # as shown: "2025-03-14 09:30 UTC"
    reply_to: int | None  # the number of the comment it answers


@dataclass(frozen=True)
class ParkingRow:
    number: int
    item: ParkingItem
    author: str
    time: str


@dataclass(frozen=True)
class RankRow:
    rank: int  # 1, 2, 2, 4: cards with as many votes share a rank
    card: CardRow
    votes: int
    named: tuple[tuple[str, int], ...]  # (participant name, dots); empty for an anonymous vote


@dataclass(frozen=True)
class SessionSpan:
    start: datetime | None
    end: datetime | None

    @property
    def date(self) -> str:
        return self.start.date().isoformat() if self.start else ""

    @property
    def minutes(self) -> int | None:
        if self.start is None or self.end is None or self.end < self.start:
            return None
        return round((self.end - self.start).total_seconds() / 60)


def parse_time(text: str) -> datetime | None:
    """An ISO 8601 time of the file, None when empty or not a real date (31 February)."""
    if not text:
        return None
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None


def format_time(text: str) -> str:
    """2025-03-14T09:30:00+00:00 -> "2025-03-14 09:30 UTC" (the offset kept: no local guess)."""
    moment = parse_time(text)
    if moment is None:
        return ""
    shown = moment.strftime("%Y-%m-%d %H:%M")
    offset = moment.strftime("%z")
    if not offset:
        return shown
    return f"{shown} UTC" if offset == "+0000" else f"{shown} {offset[:3]}:{offset[3:]}"


def participant_name(journey: JourneyMap, participant_id: str) -> str:
    if participant_id and journey.element_type(participant_id) == "participant":
        return journey.participant(participant_id).name
    return ""


def voters(journey: JourneyMap) -> tuple[Participant, ...]:
    """Participants with a dot on some card, in the participants' order; none for an
    anonymous vote (its results are totals only)."""
    if journey.vote_round().anonymous:
        return ()
    named = {p for card in journey.cards() for p in card.dots}
    return tuple(p for p in journey.participants() if p.id in named)


def comment_rows(projection: Projection) -> list[CommentRow]:
    journey, rows, numbers = projection.journey, [], {}
    for card_row in projection.rows:
        for top, replies in journey.comment_threads(card_row.card.id):
            for comment in (top, *replies):
                numbers[comment.id] = len(rows) + 1
                rows.append(CommentRow(len(rows) + 1, comment, card_row,
                                       participant_name(journey, comment.author),
                                       format_time(comment.created_at),
                                       numbers.get(comment.parent)))
    return rows


def parking_rows(journey: JourneyMap) -> list[ParkingRow]:
    return [ParkingRow(number, item, participant_name(journey, item.author),
                       format_time(item.created_at))
            for number, item in enumerate(journey.parking_items(), start=1)]


def ranking(projection: Projection) -> list[RankRow]:
    """Cards with votes, most first (ties in journey order), with who gave them."""
    journey = projection.journey
    by_id = {row.card.id: row for row in projection.rows}
    people = {p.id: p.name for p in voters(journey)}
    rows: list[RankRow] = []
    for card, votes in journey.vote_ranking():
        rank = rows[-1].rank if rows and rows[-1].votes == votes else len(rows) + 1
        named = tuple((people[p], n) for p, n in card.dots.items() if p in people)
        rows.append(RankRow(rank, by_id[card.id], votes, named))
    return rows


def session_span(journey: JourneyMap, start: datetime | None = None,
                 end: datetime | None = None) -> SessionSpan:
    """When the session ran: as given, else from the vote's and the private round's times,
    and when those do not span a while (a vote still running), with the times cards,
    comments and parking-lot items were written too."""
    rounds = (journey.vote_round(), journey.private_round())
    marks = {m for r in rounds for t in (r.started_at, r.ended_at) if (m := parse_time(t))}
    if len({_comparable(m) for m in marks}) < 2:
        marks |= {m for t in _written_times(journey) if (m := parse_time(t))}
    marks = sorted(marks, key=_comparable)
    return SessionSpan(start or (marks[0] if marks else None), end or (marks[-1] if marks else None))


def _written_times(journey: JourneyMap) -> list[str]:
    times = [t for card in journey.cards() for t in (card.created_at, card.edited_at)]
    times += [c.created_at for c in journey.comments()]
    times += [i.created_at for i in journey.parking_items()]
    return times


def _comparable(moment: datetime) -> datetime:
    """Naive times (no offset written) compare as if local; aware ones as they are."""
    return moment if moment.tzinfo is not None else moment.astimezone()
