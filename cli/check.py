"""The ``check`` verb: validates a `.journey` file and summarises it with its graph findings
(each scenario's, under its name, when the file has several; --json has one shape for both).

Exit 0 for a valid file, findings or not (findings are advice, not errors); an invalid file raises
JourneyFileError, which the dispatcher reports in one line with exit 2. User text reaches the
terminal with its control characters escaped (``\x1b``, ``\u202e``): a crafted title must not be
able to drive the user's terminal (ESC sequences, BEL, C1 controls, bidi overrides).
Pure Python; imports the standard library and model.* only.
"""
from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

from model import analysis
from model.fileformat import load_journey
from model.journey.entities import CardKind, TransitionKind
from model.journey.errors import JourneyFileError, ModelError
from model.journey.journey_map import JourneyMap
from model.scenarios import ScenarioSet, load_document

# C0 controls, DEL, C1 controls (U+009B is a one-byte CSI), line and paragraph separators, and
# the bidi marks, embeddings, overrides and isolates that reorder what the terminal shows.
TERMINAL_UNSAFE_RE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029"
                                "\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def terminal_safe(text: str) -> str:
    """``text`` with every character that could control a terminal written as an escape."""
    return TERMINAL_UNSAFE_RE.sub(_escape, text)


JSON_UNSAFE_RE = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def json_safe(text: str) -> str:
    """JSON text whose strings hold no raw DEL, C1 or bidi control: json.dumps escapes C0 in
    strings itself, and its own line breaks are the layout."""
    return JSON_UNSAFE_RE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def add_parser(subparsers) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        "check", help="validate a .journey file and summarise it",
        description="Validate a .journey file; print its contents and the findings of the "
                    "graph and health checks. Exit 0 when the file is valid, 2 when it is not.")
    parser.add_argument("file", metavar="FILE", type=Path, help="the .journey file to check")
    parser.add_argument("--json", action="store_true", help="print the summary as JSON")
    return parser


def _counts(values, kinds) -> dict[str, int]:
    """Count per kind, every kind present (zero included) so the JSON shape never varies."""
    counted = Counter(str(value) for value in values)
    return {str(kind): counted[str(kind)] for kind in kinds}


def summarize(journey: JourneyMap, path: Path) -> dict[str, Any]:
    """Everything ``check`` reports, as plain data (the --json output)."""
    cards, transitions = journey.cards(), journey.transitions()
    return {
        "file": str(path), "valid": True,
        "title": journey.title, "language": journey.language,
        "stages": len(journey.stage_ids()), "lanes": len(journey.lane_ids()),
        "cards": {"total": len(cards), "by_kind": _counts((c.kind for c in cards), CardKind)},
        "transitions": {"total": len(transitions),
                        "by_kind": _counts((t.kind for t in transitions), TransitionKind)},
        "segments": len(journey.segments()), "paths": len(journey.paths()),
        "links": len(journey.links()),
        "unreachable_stages": analysis.unreachable_stages(journey),
        "dead_ends": analysis.dead_ends(journey),
        "loops": analysis.loops(journey),
        "findings": [{"kind": f.kind, "element_id": f.element_id, "message": f.message}
                     for f in analysis.health_findings(journey)],
    }


def _by_kind(counts: dict[str, Any]) -> str:
    parts = [f"{kind} {n}" for kind, n in counts["by_kind"].items() if n]
    return f"{counts['total']}" + (f" ({', '.join(parts)})" if parts else "")


def format_summary(summary: dict[str, Any], journey: JourneyMap) -> list[str]:
    lines = [f"File: {summary['file']}", f"Title: {summary['title']}",
             f"Language: {summary['language']}", f"Stages: {summary['stages']}",
             f"Lanes: {summary['lanes']}", f"Cards: {_by_kind(summary['cards'])}",
             f"Transitions: {_by_kind(summary['transitions'])}",
             f"Segments: {summary['segments']}", f"Paths: {summary['paths']}",
             f"Links: {summary['links']}"]
    # Loops are how renewals go back to adoption: worth seeing, not a problem.
    for loop in summary["loops"]:
        names = [journey.stage(s).name for s in loop + loop[:1]]
        lines.append(f"Loop (informational): {' → '.join(names)}")
    findings = summary["findings"]
    lines.append(f"Findings: {len(findings)}" if findings else "Findings: none")
    lines += [f"  - [{f['kind']}] {f['message']}" for f in findings]
    return lines


def load_checked(path: Path) -> JourneyMap:
    try:
        return load_journey(path)
    except ModelError as exc:  # the file layer should wrap these; make sure the file is named
        raise JourneyFileError(path, str(exc)) from None


def load_checked_document(path: Path) -> ScenarioSet:
    try:
        return load_document(path)
    except ModelError as exc:
        raise JourneyFileError(path, str(exc)) from None


def run(args: argparse.Namespace) -> int:
    scenarios = load_checked_document(args.file)
    if args.json:
        print(json_safe(json.dumps(json_summary(scenarios, args.file), ensure_ascii=False, indent=2)))
    elif len(scenarios) > 1:
        print("\n".join(terminal_safe(line) for line in _scenario_lines(scenarios, args.file)))
    else:
        journey = scenarios.journey
        lines = format_summary(summarize(journey, args.file), journey)
        print("\n".join(terminal_safe(line) for line in lines))
    return 0


def json_summary(scenarios: ScenarioSet, path: Path) -> dict[str, Any]:
    """The --json output, one shape for every file: the current scenario's summary at the top
    (what a one-scenario file always had), then every scenario's under "scenarios"."""
    summaries = [{"scenario": s.id, "name": s.name, **summarize(s.journey, path)}
                 for s in scenarios]
    current = next(s for s in summaries if s["scenario"] == scenarios.current_id)
    top = {key: value for key, value in current.items() if key not in ("scenario", "name")}
    return {**top, "current_scenario": scenarios.current_id, "scenarios": summaries}


def _scenario_lines(scenarios: ScenarioSet, path: Path) -> list[str]:
    """Several scenarios: each one's summary and findings, under its name."""
    lines = [f"File: {path}", f"Scenarios: {len(scenarios)}"]
    for scenario in scenarios:
        lines.append(f"Scenario: {scenario.name} ({scenario.id})")
        summary = summarize(scenario.journey, path)
        lines += [f"  {line}" for line in format_summary(summary, scenario.journey)[1:]]
    return lines
