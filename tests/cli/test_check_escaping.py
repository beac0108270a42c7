"""``check`` prints user text with control characters escaped: a crafted title cannot send ESC
sequences, BEL or C1 controls to the user's terminal, in the text or the JSON summary."""
from __future__ import annotations

import json

from cli import main
from model import Card, CardKind, JourneyMap, Lane, Stage, Transition, TransitionKind
from model.fileformat import save_journey

HOSTILE = "\x1b]0;pwned\x07\x1b[2J\x9b31m\x00\u202eevil\x7f"


def _crafted(tmp_path):
    journey = JourneyMap(f"Map {HOSTILE}", "en")
    journey.add_stage(Stage("s0", f"Stage {HOSTILE}"))
    journey.add_stage(Stage("s1", "Next"))
    journey.add_lane(Lane("l0", "Lane"))
    journey.add_card(Card("c0", CardKind.NOTE, "note"), "s0", "l0")
    journey.add_transition(Transition("t0", "s0", "s1", TransitionKind.FORWARD))
    journey.add_transition(Transition("t1", "s1", "s0", TransitionKind.BACK))
    path = tmp_path / "crafted.journey"
    save_journey(journey, path)
    return path


def _no_controls(text: str) -> bool:
    return not any(c in text for c in "\x1b\x07\x9b\x00\u202e\x7f")


def test_text_summary_escapes_control_characters(tmp_path, capsys):
    assert main(["check", str(_crafted(tmp_path))]) == 0
    out = capsys.readouterr().out
    assert _no_controls(out)
    assert "Title: Map \\x1b]0;pwned\\x07\\x1b[2J\\x9b31m\\x00\\u202eevil\\x7f" in out
    assert "Loop (informational): Stage \\x1b" in out  # stage names in the loop line too


def test_json_summary_has_no_raw_controls_and_keeps_the_text(tmp_path, capsys):
    assert main(["check", str(_crafted(tmp_path)), "--json"]) == 0
    out = capsys.readouterr().out
    assert _no_controls(out)
    assert json.loads(out)["title"] == f"Map {HOSTILE}"  # escaped for the terminal, not changed
