"""Scenarios in `.journey` files (format version 3): v1 and v2 files open as one as-is scenario
(現状 in a Japanese map), a document round-trips, load_journey gives the current scenario, and a
broken scenario is refused with a message naming it. Qt-free."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from model import JourneyFileError
from model.fileformat import load_journey, loads_journey, save_journey
from model.fileformat.filechecks import MAX_ELEMENTS, MAX_SCENARIOS
from model.scenarios import dumps_document, load_document, loads_document, save_document

FIXTURES = Path(__file__).parent / "fixtures"


def two_scenarios() -> dict:
    as_is = json.loads((FIXTURES / "v1-onboarding.journey").read_text(encoding="utf-8"))
    body = {k: v for k, v in as_is.items() if k not in ("format", "version")}
    to_be = json.loads(json.dumps(body))
    to_be["stages"][1]["emotions"] = {"": 1}
    return {"format": "journey-map", "version": 3, "current_scenario": "to-be",
            "x-document": {"kept": True},
            "scenarios": [{"id": "as-is", "name": "現状", **body},
                          {"id": "to-be", "name": "あるべき姿", **to_be}]}


def refused(data: dict) -> str:
    with pytest.raises(JourneyFileError) as info:
        loads_document(json.dumps(data, ensure_ascii=False), source="ws.journey")
    return str(info.value)


def test_a_version_1_file_is_one_as_is_scenario_named_in_its_language(tmp_path):
    scenarios = load_document(FIXTURES / "v1-onboarding.journey")
    assert [(s.id, s.name) for s in scenarios] == [("as-is", "現状")]
    journey = scenarios.journey
    assert journey.card("c1").votes == 2 and journey.stage("st-renew").emotions == {"": -1}
    target = tmp_path / "saved.journey"
    save_document(scenarios, target)  # just the as-is scenario: the top-level form
    saved = json.loads(target.read_text(encoding="utf-8"))
    assert saved["version"] == 3 and "scenarios" not in saved
    assert saved["x-written-by"] == "journey 0.9"  # an unknown field kept
    assert load_document(target).journey == journey
    scenarios.rename("as-is", "現状分析")  # a name of its own needs the scenarios form
    save_document(scenarios, target)
    saved = json.loads(target.read_text(encoding="utf-8"))
    assert saved["current_scenario"] == "as-is"
    assert [s["name"] for s in saved["scenarios"]] == ["現状分析"]
    assert saved["scenarios"][0]["x-written-by"] == "journey 0.9"
    assert [s.name for s in load_document(target)] == ["現状分析"]


def test_a_version_2_file_keeps_its_workshop_data_as_the_as_is_scenario():
    scenarios = load_document(FIXTURES / "v2-workshop.journey")
    assert [(s.id, s.name) for s in scenarios] == [("as-is", "As-is")]
    journey = scenarios.journey
    assert journey.card("c1").dots == {"ana": 2} and len(journey.comments()) == 1
    assert load_journey(FIXTURES / "v2-workshop.journey") == journey


def test_a_document_round_trips_with_its_current_scenario_and_unknown_fields(tmp_path):
    scenarios = loads_document(json.dumps(two_scenarios()))
    assert scenarios.current_id == "to-be" and scenarios.extra == {"x-document": {"kept": True}}
    path = tmp_path / "doc.journey"
    written = save_document(scenarios, path)
    assert written == path.read_bytes() and dumps_document(scenarios).encode() == written
    again = load_document(path)
    assert [(s.id, s.name) for s in again] == [("as-is", "現状"), ("to-be", "あるべき姿")]
    assert all(a.journey == b.journey for a, b in zip(scenarios, again, strict=True))
    assert again.current_id == "to-be" and again.extra == scenarios.extra


def test_load_journey_gives_the_current_scenario(tmp_path):
    path = tmp_path / "doc.journey"
    path.write_text(json.dumps(two_scenarios()), encoding="utf-8")
    assert load_journey(path).stage("st-renew").emotions == {"": 1}  # the to-be scenario
    save_journey(load_journey(path), tmp_path / "one.journey")  # one map: the top-level form
    assert json.loads((tmp_path / "one.journey").read_text(encoding="utf-8"))["version"] == 3
    assert loads_journey((tmp_path / "one.journey").read_bytes()) == load_journey(path)


def test_a_broken_reference_names_the_scenario_and_its_place():
    data = two_scenarios()
    data["scenarios"][1]["cards"][0]["stage"] = "st-gone"
    message = refused(data)
    assert message.startswith('ws.journey: scenario "あるべき姿": card "c1" is in stage "st-gone"')
    assert "scenarios[1].cards[0].stage" in message


def test_a_schema_error_names_the_scenario_and_its_place():
    data = two_scenarios()
    data["scenarios"][1]["cards"][0]["title"] = 3
    message = refused(data)
    assert 'scenario "あるべき姿": card "c1": title must be text, not 3' in message
    assert "scenarios[1].cards[0].title" in message


@pytest.mark.parametrize("change, fragment", [
    (lambda d: d["scenarios"][1].update(id="as-is"), 'the scenario id "as-is" twice'),
    (lambda d: d["scenarios"][1].update(name="現状"), 'the scenario name "現状" twice'),
    (lambda d: d.update(current_scenario="later"), 'no scenario has that id; the scenarios are'),
    (lambda d: d.update(scenarios=[]), "needs at least one"),
    (lambda d: d.update(cards=[]), 'both "scenarios" and the map field "cards"'),
])
def test_bad_scenario_lists_are_refused_clearly(change, fragment):
    data = two_scenarios()
    change(data)
    assert fragment in refused(data)


def test_many_scenarios_are_refused_before_any_map_is_built():
    data = two_scenarios()
    entry = {"id": "x", "name": "x"}
    data["scenarios"] = [dict(entry, id=f"s{i}", name=f"s{i}") for i in range(MAX_SCENARIOS + 1)]
    assert f"has {MAX_SCENARIOS + 1:,} scenarios, more than the limit" in refused(data)


def test_elements_of_all_scenarios_count_together():
    data = two_scenarios()
    half = MAX_ELEMENTS // 2 + 1
    for entry in data["scenarios"]:
        entry["parking_lot"] = [{"id": f"q{i}"} for i in range(half)]
    assert "more than the limit of 100,000" in refused(data)
