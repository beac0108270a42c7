"""Value checks shared by the model's mutators. Pure Python; imports only model.journey.entities/errors.

Each check raises ModelError naming the element and field, so a mutator can validate everything
before it changes anything.
"""
from __future__ import annotations

import math
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

MAX_ID_LENGTH = 64
MAX_TEXT_LENGTH = 100_000


def check_id(value: Any, what: str) -> None:
    if not isinstance(value, str) or not value or len(value) > MAX_ID_LENGTH:
        raise ModelError(f"{what}: id must be a non-empty string of at most {MAX_ID_LENGTH} characters")


def check_text(value: Any, what: str) -> None:
    if not isinstance(value, str):
        raise ModelError(f"{what}: expected text, got {type(value).__name__}")
    if len(value) > MAX_TEXT_LENGTH:
        raise ModelError(f"{what}: text longer than {MAX_TEXT_LENGTH} characters")


def check_colour(value: Any, what: str, allow_empty: bool = False) -> None:
    if allow_empty and value == "":
        return
    if not isinstance(value, str) or not COLOUR_RE.match(value):
        raise ModelError(f"{what}: colour must look like #rrggbb, got {value!r}")


def check_number(value: Any, what: str, low: float, high: float) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise ModelError(f"{what}: expected a number, got {value!r}")
    if not low <= value <= high:
        raise ModelError(f"{what}: {value} is outside {low}..{high}")


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
