"""Graph findings: reachability, dead ends, loops, routes, and every health finding kind. No Qt."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from model import (
    Card,
    CardKind,
    CardLink,
    ExitCriterion,
    JourneyMap,
    Lane,
    LaneKind,
    ModelError,
    Stage,
    Transition,
    TransitionKind,
)
from model.analysis import (
    FINDING_KINDS,
    content_findings,
    dead_ends,
    health_findings,
    loops,
    routes_between,
    structure_findings,
    unreachable_stages,
)

DONE = (ExitCriterion("done", "100%"),)


def chain(count: int, *extra: tuple[str, str, TransitionKind]) -> JourneyMap:
    """Stages s1..sN joined forward, plus extra transitions (source, target, kind)."""
    journey = JourneyMap("chain")
    for i in range(1, count + 1):
        journey.add_stage(Stage(f"s{i}", f"Stage {i}", exit_criteria=DONE))
    for i in range(1, count):
        journey.add_transition(Transition(f"t{i}", f"s{i}", f"s{i + 1}"))
    for n, (source, target, kind) in enumerate(extra):
        journey.add_transition(Transition(f"x{n}", source, target, kind))
    return journey


def test_empty_map_has_no_findings():
    journey = JourneyMap()
    assert unreachable_stages(journey) == [] and dead_ends(journey) == []
    assert loops(journey) == [] and health_findings(journey) == []


def test_stages_without_transitions_are_unreachable_and_dead_ends():
    journey = chain(3)
    journey.remove_transition("t1")
    assert unreachable_stages(journey) == ["s2", "s3"]
    assert dead_ends(journey) == ["s1"]


def test_a_stage_reached_only_by_a_skip_is_reachable():
    journey = chain(3, ("s1", "s3", TransitionKind.SKIP))
    journey.remove_transition("t1")
    assert unreachable_stages(journey) == ["s2"]
    assert dead_ends(journey) == []


def test_the_last_stage_is_never_a_dead_end():
    assert dead_ends(chain(4)) == []
    journey = chain(4)
    journey.remove_transition("t2")
    assert dead_ends(journey) == ["s2"]


def test_loops_start_at_their_earliest_stage():
    journey = chain(5, ("s4", "s2", TransitionKind.BACK), ("s5", "s4", TransitionKind.BACK))
    assert loops(journey) == [["s2", "s3", "s4"], ["s4", "s5"]]
    assert loops(chain(5)) == []


def test_parallel_transitions_make_one_loop_not_two():
    journey = chain(2, ("s2", "s1", TransitionKind.BACK), ("s2", "s1", TransitionKind.BACK))
    assert loops(journey) == [["s1", "s2"]]


def test_routes_between_follow_skips_and_never_repeat_a_stage():
    journey = chain(4, ("s1", "s3", TransitionKind.SKIP), ("s3", "s2", TransitionKind.BACK))
    routes = routes_between(journey, "s1", "s4")
    assert sorted(routes) == [["s1", "s2", "s3", "s4"], ["s1", "s3", "s4"]]
    assert routes_between(journey, "s4", "s1") == []


def test_routes_between_unknown_stage_raises():
    with pytest.raises(ModelError):
        routes_between(chain(2), "s1", "ghost")


def crafted_map() -> JourneyMap:
    """One of every health finding kind, on elements named after it.

    Stages s1 → s2 | bare → end: s2 is a dead end; bare and end cannot be reached from s1.
    """
    journey = chain(2)
    journey.add_stage(Stage("bare", "Bare"))  # also no touchpoint and no exit criteria
    journey.add_stage(Stage("end", "End", exit_criteria=DONE))
    journey.add_transition(Transition("t-end", "bare", "end"))
    journey.add_lane(Lane("lane", "Cards", LaneKind.TOUCHPOINTS))
    for stage_id in ("s1", "s2", "end"):
        journey.add_card(Card(f"tp-{stage_id}", CardKind.TOUCHPOINT, "chat"), stage_id, "lane")
    journey.add_card(Card("mot", CardKind.MOMENT_OF_TRUTH, "kickoff"), "s1", "lane")
    journey.add_card(Card("mot-owned", CardKind.MOMENT_OF_TRUTH, "QBR", owner="CSM"), "s2", "lane")
    journey.add_card(Card("pain", CardKind.PAIN_POINT, "slow setup"), "s1", "lane")
    journey.add_card(Card("pain-fixed", CardKind.PAIN_POINT, "no docs"), "s2", "lane")
    journey.add_card(Card("idea", CardKind.IDEA, "write docs"), "s2", "lane")
    journey.add_link(CardLink("fix", "idea", "pain-fixed"))
    return journey


def test_every_health_finding_kind_on_a_crafted_map():
    journey = crafted_map()
    found = {(f.kind, f.element_id) for f in health_findings(journey)}
    assert found == {
        ("unreachable_stage", "bare"), ("unreachable_stage", "end"), ("dead_end", "s2"),
        ("no_touchpoint", "bare"), ("no_exit_criteria", "bare"),
        ("moment_without_owner", "mot"), ("pain_point_without_idea", "pain"),
    }
    assert {kind for kind, _ in found} == set(FINDING_KINDS)


def test_structural_findings_come_first_and_messages_name_the_element():
    findings = health_findings(crafted_map())
    kinds = [f.kind for f in findings]
    assert kinds[:3] == ["unreachable_stage", "unreachable_stage", "dead_end"]
    assert all(f.message for f in findings)
    assert any("Bare" in f.message for f in findings if f.element_id == "bare")
    assert any("kickoff" in f.message for f in findings if f.element_id == "mot")


def test_blank_owner_counts_as_no_owner():
    journey = chain(1)
    journey.add_lane(Lane("lane", "Cards"))
    journey.add_card(Card("mot", CardKind.MOMENT_OF_TRUTH, "renewal", owner="  "), "s1", "lane")
    assert ("moment_without_owner", "mot") in {(f.kind, f.element_id)
                                              for f in content_findings(journey)}


def two_pain_points() -> JourneyMap:
    journey = chain(2)
    journey.add_lane(Lane("a", "A"))
    journey.add_lane(Lane("b", "B"))
    journey.add_card(Card("p1", CardKind.PAIN_POINT, "first"), "s1", "a")
    journey.add_card(Card("p2", CardKind.PAIN_POINT, "second"), "s2", "b")
    return journey


def test_equal_maps_give_findings_in_journey_order():
    journey = two_pain_points()
    journey.restore(journey.remove_card("p1"))  # p1's emptied cell comes back after p2's
    assert journey == two_pain_points()
    pains = [f.element_id for f in health_findings(journey) if f.kind == "pain_point_without_idea"]
    assert pains == ["p1", "p2"]
    assert health_findings(journey) == health_findings(two_pain_points())


@given(st.integers(1, 8), st.data())
def test_well_formed_maps_have_no_structural_findings(count, data):
    """A forward chain stays well formed whatever skips and back moves are added to it."""
    stage = st.integers(1, count)
    pairs = data.draw(st.lists(st.tuples(stage, stage).filter(lambda p: p[0] != p[1]), max_size=5))
    extra = [(f"s{a}", f"s{b}", TransitionKind.SKIP if a < b else TransitionKind.BACK)
             for a, b in pairs]
    journey = chain(count, *extra)
    assert structure_findings(journey) == []
    assert unreachable_stages(journey) == [] and dead_ends(journey) == []
