"""Mermaid journey export: sections, tasks, scores from emotions, actors from segments, names
made safe for Mermaid's grammar, and what is dropped said as warnings."""
from __future__ import annotations

from exporters.mermaid import export_mermaid, mermaid_text
from importers import import_file
from model import Card, CardKind, JourneyMap, Lane, LaneKind, Segment, Stage
from model.fileformat import load_journey
from resources import TEMPLATES_DIR


def small_map():
    journey = JourneyMap("Trial: week 1", "en")
    journey.add_segment(Segment("smb", "SMB, small"))
    journey.add_stage(Stage("s1", "Sign up", emotions={"": 1.4}))
    journey.add_stage(Stage("s2", "First use"))
    journey.add_lane(Lane("act", "Actions", LaneKind.ACTIONS))
    journey.add_lane(Lane("pain", "Pains", LaneKind.PAIN_POINTS))
    journey.add_card(Card("c1", title="Fill the form; #2", segments=("smb",)), "s1", "act")
    journey.add_card(Card("c2", title="Open the app\nagain"), "s2", "act")
    journey.add_card(Card("c3", CardKind.PAIN_POINT, "Slow"), "s2", "pain")
    return journey


def test_actions_lane_cards_become_tasks(tmp_path):
    text, warnings = mermaid_text(small_map())
    assert text == ("journey\n    title Trial: week 1\n    section Sign up\n"
                    "      Fill the form； ＃2: 4: SMB， small\n    section First use\n"
                    "      Open the app again: 3\n")
    joined = " ".join(warnings)
    assert "1 card(s) outside the actions lanes" in joined
    assert "neutral score 3" in joined and "full-width" in joined


def test_export_file_imports_back(tmp_path):
    path = tmp_path / "map.mmd"
    report = export_mermaid(small_map(), path)
    assert report.path == str(path)
    back = import_file(path).journey
    assert [s.name for s in back.stages()] == ["Sign up", "First use"]
    assert [c.title for c in back.cards()] == ["Fill the form； ＃2", "Open the app again"]
    assert dict(back.stages()[0].emotions) == {"": 1}


def test_a_template_says_what_it_drops():
    text, warnings = mermaid_text(load_journey(TEMPLATES_DIR / "saas-cs-lifecycle.ja.journey"))
    assert text.startswith("journey\n    title SaaSカスタマーライフサイクル")
    assert text.count("section ") == 5
    assert len(warnings) == 1 and "every card became a task" in warnings[0]
    assert "transitions" in warnings[0] and "journey paths" in warnings[0]
