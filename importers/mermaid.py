"""Mermaid ``journey`` diagram -> a map: ``title`` the map's title, each ``section`` a stage,
each task a card in an actions lane, its score (1–5) the stage's emotion point (−2…+2), its
actors segments.

A stage's emotion (for all customers) is the mean of its tasks' scores; each card keeps its own
score in the card's ``mermaid_score`` field, so that exporting the map back to Mermaid gives
the same scores.
Tolerant of what people paste: spacing around colons, ``%%`` and ``#`` comment lines, a
Markdown code fence, YAML front matter with a title, ``accTitle``/``accDescr``, CJK text,
tasks without a score. Scores outside 1–5 are clamped with a warning; a score that is not a
number skips its line (reported with the line number). One pass over the lines.
Imports the standard library, model.* and importers.*.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field

from model.journey.entities import CardKind, LaneKind
from model.layout.appearance import LANE_KIND_LABELS

from .builder import MapBuilder
from .common import (
    MAX_TEXT_SOURCE_BYTES,
    ImportFileError,
    ImportResult,
    check_cancelled,
    decode_text,
    listed,
    read_source,
)
from .vocabulary import parse_number, whole

SCORE_MIN, SCORE_MAX, NEUTRAL_SCORE = 1, 5, 3
SCORE_FIELD = "mermaid_score"  # a card's own Mermaid score, kept for the way back
# Mermaid's lexer: "title" and "section" followed by white space; accTitle/accDescr by : or {.
_KEYWORD_RE = re.compile(r"(?i)^(title|section)\s+(.*)$|^(acctitle|accdescr)\s*([:{].*)$")
_JOURNEY_RE = re.compile(r"(?i)^\s*journey\s*$")
_FENCE_RE = re.compile(r"^\s*(```|~~~)")


@dataclass
class _Task:
    line: int
    name: str
    score: float | None
    actors: list[str]


@dataclass
class _Diagram:
    title: str = ""
    description: str = ""
    sections: list[tuple[str, list[_Task]]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def import_mermaid(path: str | os.PathLike[str]) -> ImportResult:
    text, _ = decode_text(read_source(path, MAX_TEXT_SOURCE_BYTES), path)
    diagram = parse_journey(text, path)
    return _build(diagram, path)


# ----------------------------------------------------------------------------- parsing
def _lines_of_block(text: str, path) -> tuple[list[tuple[int, str]], str, list[str]]:
    """The numbered lines after the ``journey`` keyword (up to a closing code fence), the title
    of a YAML front matter, and warnings."""
    lines = text.lstrip("\ufeff").splitlines()
    start = next((n for n, line in enumerate(lines) if _JOURNEY_RE.match(line)), None)
    if start is None:
        first = next((line.strip() for line in lines if line.strip()), "")
        raise ImportFileError(path, "cannot be imported: it is not a Mermaid journey diagram "
                                    f"(no line starts with 'journey'; the first line is "
                                    f"{first[:40]!r})")
    body: list[tuple[int, str]] = []
    warnings: list[str] = []
    for number in range(start + 1, len(lines)):
        if _FENCE_RE.match(lines[number]):
            if any(_JOURNEY_RE.match(later) for later in lines[number + 1:]):
                warnings.append("the file holds more than one journey diagram: only the first "
                                f"(line {start + 1}) was read")
            break
        body.append((number + 1, lines[number]))
    return body, _front_matter_title(lines[:start]), warnings


def _front_matter_title(lines: list[str]) -> str:
    """``title:`` of a YAML front matter (between two ``---`` lines) before the diagram."""
    inside, title = False, ""
    for line in lines:
        if line.strip() == "---":
            inside = not inside
        elif inside and (match := re.match(r"\s*title\s*:\s*(.*)$", line)):
            title = match.group(1).strip().strip("\"'")
    return title


def parse_journey(text: str, path) -> _Diagram:
    body, front_title, warnings = _lines_of_block(text, path)
    diagram = _Diagram(title=front_title, warnings=warnings)
    current: list[_Task] | None = None
    in_description = False
    for number, raw in body:
        check_cancelled()
        line = raw.strip()
        if in_description:  # accDescr { ... } over several lines
            in_description = "}" not in line
            part = line.split("}")[0].strip()
            diagram.description = "\n".join(filter(None, (diagram.description, part)))
            continue
        if not line or line.startswith(("%%", "#")):
            continue
        keyword = _KEYWORD_RE.match(line)
        if keyword:
            word = (keyword.group(1) or keyword.group(3)).lower()
            rest = (keyword.group(2) or keyword.group(4) or "").strip()
            if word == "title":
                diagram.title = rest
            elif word == "section":
                current = []
                diagram.sections.append((rest, current))
            elif word == "accdescr":
                in_description = rest.startswith("{") and "}" not in rest
                diagram.description = rest.lstrip(":").strip().strip("{}").strip()
            continue
        if current is None:
            current = []
            diagram.sections.append(("", current))
            diagram.warnings.append(f"tasks before the first section (line {number}) went to a "
                                    "stage with no name")
        task = _task(line, number, diagram)
        if task is not None:
            current.append(task)
    return diagram


def _task(line: str, number: int, diagram: _Diagram) -> _Task | None:
    name, _, data = line.partition(":")
    score_text, _, actors_text = data.partition(":")
    score = None
    if score_text.strip():
        score = parse_number(score_text)
        if score is None:
            diagram.skipped.append(f"line {number}: the score {score_text.strip()!r} of task "
                                   f"{name.strip()!r} is not a number")
            return None
        if not SCORE_MIN <= score <= SCORE_MAX:
            clamped = min(SCORE_MAX, max(SCORE_MIN, score))
            diagram.warnings.append(f"line {number}: score {score:g} is outside 1–5; "
                                    f"used {clamped:g}")
            score = clamped
    actors = [actor.strip() for actor in actors_text.split(",") if actor.strip()]
    return _Task(number, name.strip(), score, actors)


# ----------------------------------------------------------------------------- building
def _language(diagram: _Diagram) -> str:
    texts = [diagram.title] + [name for name, _ in diagram.sections] + [
        task.name for _, tasks in diagram.sections for task in tasks]
    return "ja" if any(ord(c) >= 0x3000 for text in texts for c in text) else "en"


def _build(diagram: _Diagram, path) -> ImportResult:
    language = _language(diagram)
    builder = MapBuilder(path, diagram.title, language, diagram.description)
    builder.warn_averages = False  # the summary says that a stage's emotion is the mean
    lanes = LANE_KIND_LABELS[language]
    actions = builder.lane(lanes[LaneKind.ACTIONS], LaneKind.ACTIONS)
    builder.lane(lanes[LaneKind.EMOTION], LaneKind.EMOTION)
    unscored: list[str] = []
    for name, tasks in diagram.sections:
        stage_id = builder.stage(name, new=True)
        for task in tasks:
            _add_task(builder, stage_id, actions, task)
            if task.score is None:
                unscored.append(f"line {task.line}")
    understood = [f"Mermaid journey \"{diagram.title}\": {builder.counts_line()}",
                  "each section is a stage, each task a card in the actions lane; a stage's "
                  "emotion is the mean of its tasks' scores (1–5 read as −2…+2)"]
    warnings = list(diagram.warnings)
    if unscored:
        warnings.append(f"tasks without a score (no emotion point): {listed(unscored)}")
    return builder.finish("mermaid", understood, warnings, diagram.skipped)


def _add_task(builder: MapBuilder, stage_id: str, lane_id: str, task: _Task) -> None:
    segments = tuple(builder.segment(actor) for actor in task.actors)
    extra = {SCORE_FIELD: whole(task.score)} if task.score is not None else {}
    builder.add_card(stage_id, lane_id, task.name, CardKind.NOTE, segments=segments, extra=extra)
    if task.score is not None:
        builder.sample_emotion(stage_id, task.score - NEUTRAL_SCORE)
