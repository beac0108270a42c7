"""Mermaid ``journey`` export: the map as text for a team's docs. Lossy by nature -- the report
says what was dropped.

The title becomes ``title``, each stage a ``section``, and the cards of the map's actions lanes
(every card, when the map has no actions lane) its tasks, in journey order, with their segments
as actors. A task's score is the card's own Mermaid score when it came from Mermaid, else the
stage's emotion for all customers (−2…+2 read as 1–5), else 3 (neutral). Characters Mermaid's
grammar cannot hold in a name (``:`` ``#`` ``;`` a line break; ``,`` in an actor) are replaced by
their full-width forms, with a warning. Imports the standard library, model.* and exporters.*.
"""
from __future__ import annotations

import os
from pathlib import Path

from model import ALL_CUSTOMERS, JourneyMap, LaneKind

from .common import ExportError, ExportReport, atomic_target, check_target
from .projection import CardRow, Projection

SCORE_FIELD = "mermaid_score"  # written by importers.mermaid
NEUTRAL_SCORE = 3
_FULL_WIDTH = {":": "：", "#": "＃", ";": "；", ",": "，"}


class _Escaper:
    """Replaces characters Mermaid cannot hold in a name, counting the names it changed."""

    def __init__(self) -> None:
        self.changed = 0

    def __call__(self, text: str, forbidden: str) -> str:
        cleaned = " ".join(text.split())  # line breaks (and runs of spaces) end a statement
        for char in forbidden:
            cleaned = cleaned.replace(char, _FULL_WIDTH[char])
        if cleaned != text:
            self.changed += 1
        return cleaned


def mermaid_text(journey: JourneyMap) -> tuple[str, list[str]]:
    """(the Mermaid text, warnings saying what it could not carry)."""
    projection = Projection(journey)
    action_lanes = {lane.id for lane in projection.lanes if lane.kind == LaneKind.ACTIONS}
    escape = _Escaper()
    lines = ["journey"]
    if journey.title.strip():
        lines.append(f"    title {escape(journey.title, '#;')}")
    tasks = [row for row in projection.rows if not action_lanes or row.lane.id in action_lanes]
    untitled = neutral = 0
    for stage in projection.stages:
        lines.append(f"    section {escape(stage.name, ':#;') or '-'}")
        for row in (r for r in tasks if r.stage.id == stage.id):
            name = escape(row.card.title, ":#;")
            if not name:
                untitled += 1
                continue
            score, guessed = _score(row)
            neutral += guessed
            actors = ", ".join(escape(n, ":#;,") for n in row.segment_names if n.strip())
            lines.append(f"      {name}: {score}" + (f": {actors}" if actors else ""))
    warnings = _dropped(journey, projection, len(tasks), bool(action_lanes))
    if untitled:
        warnings.append(f"{untitled} card(s) without a title left out (a task needs a name)")
    if neutral:
        warnings.append(f"{neutral} task(s) in stages without an emotion got the neutral score 3")
    if escape.changed:
        warnings.append(f"{escape.changed} name(s) held : # ; , or a line break, which Mermaid "
                        "cannot show there: replaced by full-width characters or spaces")
    return "\n".join(lines) + "\n", warnings


def _score(row: CardRow) -> tuple[int, bool]:
    """(score 1–5, whether it is the neutral fallback)."""
    own = row.card.extra.get(SCORE_FIELD)
    if isinstance(own, (int, float)) and not isinstance(own, bool) and 1 <= own <= 5:
        return round(own), False
    emotion = row.stage.emotions.get(ALL_CUSTOMERS)
    if emotion is None:
        return NEUTRAL_SCORE, True
    return max(1, min(5, round(emotion + NEUTRAL_SCORE))), False


def _dropped(journey: JourneyMap, projection: Projection, tasks: int,
             has_action_lanes: bool) -> list[str]:
    """What the map holds that a Mermaid journey cannot: said once each, only when present."""
    dropped = []
    others = len(projection.rows) - tasks
    if has_action_lanes and others:
        dropped.append(f"{others} card(s) outside the actions lanes")
    if not has_action_lanes and projection.rows:
        dropped.append("lanes and card kinds (the map has no actions lane, so every card "
                       "became a task)")
    checks = (
        (any(r.card.details or r.card.channel or r.card.owner for r in projection.rows),
         "card details, channels and owners"),
        (any(s.overview or s.exit_criteria for s in projection.stages),
         "stage overviews and exit criteria"),
        (any(len(s.emotions) > (ALL_CUSTOMERS in s.emotions) for s in projection.stages),
         "segments' own emotion curves"),
        (bool(journey.transitions()), "transitions"), (bool(journey.paths()), "journey paths"),
        (bool(journey.links()), "links between cards"), (bool(journey.description), "the description"),
    )
    dropped += [what for present, what in checks if present]
    return [f"Mermaid journey cannot hold: {'; '.join(dropped)}"] if dropped else []


def export_mermaid(journey: JourneyMap, path: str | os.PathLike[str]) -> ExportReport:
    """Write ``journey`` as a Mermaid journey diagram (UTF-8) to ``path``."""
    check_target(Path(path))
    text, warnings = mermaid_text(journey)
    try:
        payload = text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ExportError(path, f"the map holds text that cannot be written as UTF-8 ({exc.reason})"
                          ) from None
    with atomic_target(path) as temp:
        temp.write_bytes(payload)
    report = ExportReport(str(path))
    for warning in warnings:
        report.warn(warning)
    return report
