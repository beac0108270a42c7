"""ScenarioSet: defaults (現状 / あるべき姿), copies that keep ids, empty scenarios on the same
stages and lanes, rename / remove / move / current with their events, and removal undone exactly.
Qt-free."""
from __future__ import annotations

import pytest

from model import Card, CardKind, JourneyMap, Lane, LaneKind, ModelError, Stage
from model.scenarios import Scenario, ScenarioSet


def small_map(language: str = "ja") -> JourneyMap:
    journey = JourneyMap("オンボーディング", language)
    journey.add_stage(Stage("st-onb", "導入", emotions={"": 1}))
    journey.add_stage(Stage("st-renew", "契約更新", emotions={"": -1}))
    journey.add_lane(Lane("ln-pain", "問題点", LaneKind.PAIN_POINTS))
    journey.add_card(Card("c1", CardKind.PAIN_POINT, "遅い"), "st-onb", "ln-pain")
    return journey


def recorded(scenarios: ScenarioSet) -> list:
    events = []
    scenarios.events.connect(lambda event: events.append((event.type, dict(event.payload))))
    return events


@pytest.mark.parametrize("language, as_is, to_be", [("ja", "現状", "あるべき姿"),
                                                    ("en", "As-is", "To-be")])
def test_default_names_follow_the_maps_language(language, as_is, to_be):
    scenarios = ScenarioSet.of_map(small_map(language))
    added = scenarios.add_copy()
    assert [(s.id, s.name) for s in scenarios] == [("as-is", as_is), ("to-be", to_be)]
    third = scenarios.add_empty()
    assert third.id == "scenario-3"
    assert third.name == ("シナリオ 3" if language == "ja" else "Scenario 3")
    assert added is scenarios.scenario("to-be")


def test_a_copy_keeps_ids_and_is_independent():
    scenarios = ScenarioSet.of_map(small_map())
    copy = scenarios.add_copy(name="改善案")
    assert copy.id == "scenario"  # a Japanese name has no ASCII letters for an id
    assert copy.journey == scenarios.scenario("as-is").journey
    copy.journey.update_card("c1", title="速い")
    assert scenarios.scenario("as-is").journey.card("c1").title == "遅い"
    assert copy.journey.card("c1").title == "速い"


def test_an_empty_scenario_keeps_stages_and_lanes_but_no_cards_or_emotions():
    scenarios = ScenarioSet.of_map(small_map())
    empty = scenarios.add_empty(name="あるべき姿")
    assert empty.journey.stage_ids() == ("st-onb", "st-renew")
    assert empty.journey.lane_ids() == ("ln-pain",)
    assert empty.journey.card_count() == 0
    assert all(stage.emotions == {} for stage in empty.journey.stages())
    assert empty.journey.title == "オンボーディング"


def test_events_for_add_rename_move_current_and_remove():
    scenarios = ScenarioSet.of_map(small_map())
    events = recorded(scenarios)
    scenarios.add_copy()
    scenarios.rename("to-be", "理想")
    scenarios.move("to-be", 0)
    scenarios.set_current("to-be")
    removed, index = scenarios.remove("to-be")
    assert events == [
        ("scenario_added", {"scenario_id": "to-be", "index": 1}),
        ("scenario_renamed", {"scenario_id": "to-be", "old_name": "あるべき姿", "name": "理想"}),
        ("scenario_moved", {"scenario_id": "to-be", "old_index": 1, "new_index": 0}),
        ("current_scenario_changed", {"scenario_id": "to-be", "previous": "as-is"}),
        ("current_scenario_changed", {"scenario_id": "as-is", "previous": "to-be"}),
        ("scenario_removed", {"scenario_id": "to-be", "index": 0}),
    ]
    scenarios.insert(removed, index)  # what an undo does: the same map object comes back
    assert scenarios.scenario_ids() == ("to-be", "as-is")
    assert scenarios.scenario("to-be") is removed


def test_refusals_change_nothing():
    scenarios = ScenarioSet.of_map(small_map())
    scenarios.add_copy()
    events = recorded(scenarios)
    with pytest.raises(ModelError, match='another scenario is already named "現状"'):
        scenarios.rename("to-be", "現状")
    with pytest.raises(ModelError, match="needs a name"):
        scenarios.rename("to-be", "  ")
    with pytest.raises(ModelError, match="no scenario"):
        scenarios.set_current("nope")
    with pytest.raises(ModelError, match="outside"):
        scenarios.move("to-be", 2)
    with pytest.raises(ModelError, match="already used"):
        scenarios.insert(Scenario("as-is", "Other", JourneyMap()))
    scenarios.remove("to-be")
    with pytest.raises(ModelError, match="last scenario"):
        scenarios.remove("as-is")
    assert [e[0] for e in events] == ["scenario_removed"]
    assert [s.name for s in scenarios] == ["現状"]


def test_find_by_id_then_name_then_loosely():
    scenarios = ScenarioSet.of_map(small_map("en"))
    scenarios.add_copy()
    assert scenarios.find("to-be").name == "To-be"
    assert scenarios.find("As-is").id == "as-is"
    assert scenarios.find("as - IS").id == "as-is"
    assert scenarios.find("missing") is None


def test_the_current_scenarios_map_is_the_sets_journey():
    scenarios = ScenarioSet.of_map(small_map())
    copy = scenarios.add_copy()
    scenarios.set_current(copy.id)
    assert scenarios.journey is copy.journey
