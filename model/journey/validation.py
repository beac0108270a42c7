"""Value checks shared by the model's mutators. Pure Python; imports only model.journey.entities,
workshop_entities and errors.

Each check raises ModelError naming the element and field, so a mutator can validate everything
before it changes anything.
"""
from __future__ import annotations

import math
import re
from typing import Any

from model.journey.entities import (
    COLOUR_RE,
    EMOTION_MAX,
    EMOTION_MIN,
    Card,
    CardLink,
    JourneyPath,
    Lane,
    Segment,
    Stage,
    Transition,
)
from model.journey.errors import ModelError
from model.journey.messages import Message
from model.journey.workshop_entities import Comment, ParkingItem, Participant, PrivateRound, VoteRound

MAX_ID_LENGTH = 64
MAX_TEXT_LENGTH = 100_000


def check_id(value: Any, what: str) -> None:
    if not isinstance(value, str) or not value or len(value) > MAX_ID_LENGTH:
        raise ModelError(f"{what}: id must be a non-empty string of at most {MAX_ID_LENGTH} characters")


def check_text(value: Any, what: str) -> None:
    if not isinstance(value, str):
        raise ModelError(f"{what}: expected text, got {type(value).__name__}")
    if len(value) > MAX_TEXT_LENGTH:
        raise ModelError(Message("{what}: text longer than {limit} characters", what=what,
                                 limit=f"{MAX_TEXT_LENGTH:,}"))


def check_colour(value: Any, what: str, allow_empty: bool = False) -> None:
    if allow_empty and value == "":
        return
    if not isinstance(value, str) or not COLOUR_RE.match(value):
        raise ModelError(f"{what}: colour must look like #rrggbb, got {value!r}")


def check_number(value: Any, what: str, low: float, high: float) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise ModelError(f"{what}: expected a number, got {value!r}")
    if not low <= value <= high:
        raise ModelError(Message("{what}: {value} is outside {low}..{high}", what=what, value=value,
                                 low=low, high=high))


def check_segment(segment: Segment) -> None:
    check_id(segment.id, "segment")
    check_text(segment.name, f"segment {segment.id} name")
    check_colour(segment.colour, f"segment {segment.id}")


def check_stage(stage: Stage) -> None:
    check_id(stage.id, "stage")
    for name in ("name", "overview"):
        check_text(getattr(stage, name), f"stage {stage.id} {name}")
    for i, criterion in enumerate(stage.exit_criteria):
        check_text(criterion.text, f"stage {stage.id} exit criterion {i + 1}")
        check_text(criterion.kpi, f"stage {stage.id} exit criterion {i + 1} KPI")
    for key, value in stage.emotions.items():
        check_text(key, f"stage {stage.id} emotion key")
        check_number(value, f"stage {stage.id} emotion", EMOTION_MIN, EMOTION_MAX)


def check_lane(lane: Lane) -> None:
    check_id(lane.id, "lane")
    check_text(lane.name, f"lane {lane.id} name")


CARD_TEXT_FIELDS = ("title", "details", "channel", "owner", "feeling", "stakes", "actions")


def check_card(card: Card) -> None:
    check_id(card.id, "card")
    for name in CARD_TEXT_FIELDS:
        check_text(getattr(card, name), f"card {card.id} {name}")
    check_colour(card.colour, f"card {card.id}", allow_empty=True)
    if isinstance(card.votes, bool) or not isinstance(card.votes, int) or card.votes < 0:
        raise ModelError(f"card {card.id}: votes must be a whole number ≥ 0, got {card.votes!r}")
    if len(set(card.segments)) != len(card.segments):
        raise ModelError(f"card {card.id}: a segment is tagged twice")
    check_dots(card)
    check_flag(card.private, f"card {card.id} private")
    for name in ("created_by", "edited_by"):
        check_person(getattr(card, name), f"card {card.id} {name}")
    for name in ("created_at", "edited_at"):
        check_time(getattr(card, name), f"card {card.id} {name}")


def check_dots(card: Card) -> None:
    for participant_id, count in card.dots.items():
        check_id(participant_id, f"card {card.id} dots")
        check_count(count, f"card {card.id} dots of {participant_id}", low=1)
    named = sum(card.dots.values())
    if named > card.votes:
        raise ModelError(f"card {card.id}: its named dots ({named}) are more than its votes "
                         f"({card.votes})")


# An ISO 8601 date and time, as the editor writes them (2025-03-14T09:30:00+00:00), or "".
TIME_RE = re.compile(r"^(\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])"
                     r"T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})?)?$")
MAX_COUNT = 1_000_000  # dots, votes per participant: far beyond any room


def check_time(value: Any, what: str) -> None:
    if not isinstance(value, str) or not TIME_RE.match(value):
        raise ModelError(f"{what}: expected an ISO 8601 time like 2025-03-14T09:30:00+00:00 "
                         f"or nothing, got {value!r:.60}")


def check_person(value: Any, what: str) -> None:
    """A participant id, or "" for nobody known."""
    if value != "":
        check_id(value, what)


def check_flag(value: Any, what: str) -> None:
    if not isinstance(value, bool):
        raise ModelError(f"{what}: expected true or false, got {value!r:.60}")


def check_count(value: Any, what: str, low: int = 0, high: int = MAX_COUNT) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ModelError(f"{what}: expected a whole number from {low} to {high:,}, "
                         f"got {value!r:.60}")


def check_participant(participant: Participant) -> None:
    check_id(participant.id, "participant")
    check_text(participant.name, f"participant {participant.id} name")
    check_colour(participant.colour, f"participant {participant.id}")


def check_comment(comment: Comment) -> None:
    check_id(comment.id, "comment")
    what = f"comment {comment.id}"
    check_id(comment.card, f"{what} card")
    check_text(comment.text, f"{what} text")
    check_person(comment.author, f"{what} author")
    check_time(comment.created_at, f"{what} created_at")
    check_time(comment.edited_at, f"{what} edited_at")
    check_flag(comment.resolved, f"{what} resolved")
    if comment.parent != "":
        check_id(comment.parent, f"{what} parent")
    if comment.parent == comment.id:
        raise ModelError(f"{what}: a comment cannot reply to itself")


def check_parking_item(item: ParkingItem) -> None:
    check_id(item.id, "parking item")
    check_text(item.text, f"parking item {item.id} text")
    check_person(item.author, f"parking item {item.id} author")
    check_time(item.created_at, f"parking item {item.id} created_at")


def check_vote_round(vote: VoteRound) -> None:
    check_flag(vote.active, "vote active")
    check_flag(vote.anonymous, "vote anonymous")
    check_flag(vote.revealed, "vote revealed")
    check_count(vote.dots_per_participant, "vote: dots per participant", low=1, high=1000)
    check_count(vote.max_per_card, "vote: most dots per card (0 for no limit)", high=1000)
    if len(set(vote.kinds)) != len(vote.kinds):
        raise ModelError("vote: a card kind is listed twice")
    check_time(vote.started_at, "vote started_at")
    check_time(vote.ended_at, "vote ended_at")


def check_private_round(private: PrivateRound) -> None:
    check_flag(private.active, "private round active")
    check_time(private.started_at, "private round started_at")
    check_time(private.ended_at, "private round ended_at")


def check_transition(transition: Transition) -> None:
    check_id(transition.id, "transition")
    check_text(transition.trigger, f"transition {transition.id} trigger")
    if transition.conversion_rate is not None:
        check_number(transition.conversion_rate, f"transition {transition.id} conversion rate", 0, 1)


def check_path(path: JourneyPath) -> None:
    check_id(path.id, "path")
    check_text(path.name, f"path {path.id} name")
    check_colour(path.colour, f"path {path.id}")


def check_link(link: CardLink) -> None:
    check_id(link.id, "link")
    if link.source == link.target:
        raise ModelError(f"link {link.id}: a card cannot link to itself")
