"""JourneyMap: every mutator emits exactly one event with the right payload, refuses bad input before
any change, hands out immutable values, and undoes removals exactly. Plain pytest, no Qt."""
from __future__ import annotations

import dataclasses

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from model import Event, JourneyMap, ModelError, Segment, Stage, Transition, TransitionKind
from model.journey.entities import Card, CardKind, CardLink, CardPlace, JourneyPath, Lane, LaneKind
from tests.model.strategies import journey_maps


def build_map() -> JourneyMap:
    """Three stages, three lanes, two segments, cards in several cells, a loop, links and paths."""
    journey = JourneyMap("Lifecycle", "en", "A test map", extra={"top": {"x-tool": {"v": 1}}})
    for segment_id in ("seg-a", "seg-b"):
        journey.add_segment(Segment(segment_id, segment_id.upper()))
    journey.add_stage(Stage("s1", "Onboarding"))
    journey.add_stage(Stage("s2", "Adoption", emotions={"": 1, "seg-a": -1, "seg-b": 2}))
    journey.add_stage(Stage("s3", "Renewal"))
    for lane_id, kind in (("l1", LaneKind.TOUCHPOINTS), ("l2", LaneKind.PAIN_POINTS),
                          ("l3", LaneKind.IDEAS)):
        journey.add_lane(Lane(lane_id, lane_id.upper(), kind))
    for card_id in ("c1", "c2", "c3"):
        journey.add_card(Card(card_id, CardKind.TOUCHPOINT, card_id), "s1", "l1")
    journey.add_card(Card("c4", CardKind.PAIN_POINT, "slow", segments=("seg-a",)), "s2", "l2")
    journey.add_card(Card("c5", CardKind.IDEA, "faster", segments=("seg-a", "seg-b")), "s2", "l3")
    journey.add_card(Card("c6", CardKind.TOUCHPOINT, "meeting"), "s3", "l1")
    journey.add_transition(Transition("t12", "s1", "s2"))
    journey.add_transition(Transition("t23", "s2", "s3", trigger="QBR"))
    journey.add_transition(Transition("t32", "s3", "s2", TransitionKind.BACK))
    journey.add_link(CardLink("k1", "c5", "c4"))
    journey.add_link(CardLink("k2", "c1", "c6"))
    journey.add_path(JourneyPath("p1", "Main", ("s1", "s2", "s3")))
    journey.add_path(JourneyPath("p2", "Loop", ("s2", "s3", "s2")))
    return journey


@pytest.fixture
def journey() -> JourneyMap:
    return build_map()


@pytest.fixture
def events(journey: JourneyMap) -> list[Event]:
    received: list[Event] = []
    journey.events.connect(received.append)
    return received


def removal_payload(**ids) -> dict:
    keys = ("card_ids", "transition_ids", "link_ids", "path_ids", "retagged_ids", "stage_ids",
            "comment_ids")
    return {key: tuple(ids.get(key, ())) for key in keys}


# ------------------------------------------------------------------ one event per mutation
MUTATIONS = [
    (lambda j: j.set_fields(title="New", language="ja"),
     Event("map_changed", {"fields": ("title", "language")})),
    (lambda j: j.add_stage(Stage("s4", "Expansion")), Event("stage_added", {"stage_id": "s4", "index": 3})),
    (lambda j: j.add_stage(Stage("s0", "Trial"), 0), Event("stage_added", {"stage_id": "s0", "index": 0})),
    (lambda j: j.update_stage("s1", name="導入", overview="x"),
     Event("stage_changed", {"stage_id": "s1", "fields": ("name", "overview")})),
    (lambda j: j.move_stage("s1", 2),
     Event("stage_moved", {"stage_id": "s1", "old_index": 0, "new_index": 2})),
    (lambda j: j.add_lane(Lane("l4", "Emotion", LaneKind.EMOTION), 1),
     Event("lane_added", {"lane_id": "l4", "index": 1})),
    (lambda j: j.update_lane("l1", kind=LaneKind.BACKSTAGE),
     Event("lane_changed", {"lane_id": "l1", "fields": ("kind",)})),
    (lambda j: j.move_lane("l3", 0),
     Event("lane_moved", {"lane_id": "l3", "old_index": 2, "new_index": 0})),
    (lambda j: j.add_segment(Segment("seg-c", "C")),
     Event("segment_added", {"segment_id": "seg-c", "index": 2})),
    (lambda j: j.update_segment("seg-a", colour="#000000"),
     Event("segment_changed", {"segment_id": "seg-a", "fields": ("colour",)})),
    (lambda j: j.add_card(Card("c9"), "s3", "l3"),
     Event("card_added", {"card_id": "c9", "stage_id": "s3", "lane_id": "l3", "index": 0})),
    (lambda j: j.update_card("c1", title="Chat", segments=("seg-b",)),
     Event("card_changed", {"card_id": "c1", "fields": ("title", "segments")})),
    (lambda j: j.move_card("c1", "s2", "l2", 0),
     Event("card_moved", {"card_id": "c1", "old": CardPlace("s1", "l1", 0),
                          "new": CardPlace("s2", "l2", 0)})),
    (lambda j: j.add_transition(Transition("t13", "s1", "s3", TransitionKind.SKIP)),
     Event("transition_added", {"transition_id": "t13"})),
    (lambda j: j.update_transition("t12", trigger="kick-off", conversion_rate=0.5),
     Event("transition_changed", {"transition_id": "t12", "fields": ("trigger", "conversion_rate")})),
    (lambda j: j.remove_transition("t23"),
     Event("transition_removed", {"transition_id": "t23", "source": "s2", "target": "s3"})),
    (lambda j: j.add_link(CardLink("k3", "c5", "c1")), Event("link_added", {"link_id": "k3"})),
    (lambda j: j.remove_link("k1"), Event("link_removed", {"link_id": "k1"})),
    (lambda j: j.add_path(JourneyPath("p3", "Skip", ("s1", "s3")), 0),
     Event("path_added", {"path_id": "p3", "index": 0})),
    (lambda j: j.update_path("p1", name="Happy", stages=("s1", "s3")),
     Event("path_changed", {"path_id": "p1", "fields": ("name", "stages")})),
    (lambda j: j.remove_stage("s2"),
     Event("stage_removed", {"stage_id": "s2", "index": 1, **removal_payload(
         card_ids=("c4", "c5"), transition_ids=("t12", "t23", "t32"), link_ids=("k1",),
         path_ids=("p1", "p2"))})),
    (lambda j: j.remove_lane("l1"),
     Event("lane_removed", {"lane_id": "l1", "index": 0, **removal_payload(
         card_ids=("c1", "c2", "c3", "c6"), link_ids=("k2",))})),
    (lambda j: j.remove_card("c2"),
     Event("card_removed", {"card_id": "c2", "stage_id": "s1", "lane_id": "l1", "index": 1,
                            **removal_payload(card_ids=("c2",))})),
    (lambda j: j.remove_segment("seg-a"),
     Event("segment_removed", {"segment_id": "seg-a", "index": 0, **removal_payload(
         retagged_ids=("c4", "c5"), stage_ids=("s2",))})),
    (lambda j: j.remove_path("p2"),
     Event("path_removed", {"path_id": "p2", "index": 1, **removal_payload()})),
]


@pytest.mark.parametrize(("mutate", "expected"), MUTATIONS, ids=[e.type for _, e in MUTATIONS])
def test_each_mutator_emits_exactly_its_event(journey, events, mutate, expected):
    mutate(journey)
    assert events == [expected]


def test_mutators_change_what_queries_return(journey):
    journey.update_card("c1", title="Chat", segments=("seg-b",))
    journey.update_transition("t12", conversion_rate=0.5)
    journey.update_path("p1", stages=("s1", "s3"))
    journey.move_stage("s1", 2)
    assert journey.card("c1").title == "Chat" and journey.card("c1").segments == ("seg-b",)
    assert journey.transition("t12").conversion_rate == 0.5
    assert journey.path("p1").stages == ("s1", "s3")
    assert journey.stage_ids() == ("s2", "s3", "s1")


def test_restore_emits_one_added_event_marked_restored(journey, events):
    record = journey.remove_card("c2")
    journey.restore(record)
    assert events[1] == Event("card_added", {
        "card_id": "c2", "restored": True, "stage_id": "s1", "lane_id": "l1", "index": 1,
        **removal_payload()})
    assert len(events) == 2


# ------------------------------------------------------------------ invalid input changes nothing
INVALID = {
    "map field": lambda j: j.set_fields(title="ok", bogus="x"),
    "map text": lambda j: j.set_fields(title=5),
    "stage dup": lambda j: j.add_stage(Stage("s1", "again")),
    "stage id of a transition": lambda j: j.add_stage(Stage("t12", "x")),
    "stage empty id": lambda j: j.add_stage(Stage("", "x")),
    "stage index": lambda j: j.add_stage(Stage("s9", "x"), 4),
    "stage negative index": lambda j: j.add_stage(Stage("s9", "x"), -1),
    "stage bool index": lambda j: j.add_stage(Stage("s9", "x"), True),
    "stage emotion segment": lambda j: j.add_stage(Stage("s9", "x", emotions={"ghost": 1})),
    "stage emotion range": lambda j: j.add_stage(Stage("s9", "x", emotions={"": 2.5})),
    "update stage unknown": lambda j: j.update_stage("ghost", name="x"),
    "update stage id": lambda j: j.update_stage("s1", id="s9"),
    "update stage field": lambda j: j.update_stage("s1", colour="#ffffff"),
    "update stage text": lambda j: j.update_stage("s1", name=None),
    "update stage emotion": lambda j: j.update_stage("s1", emotions={"": float("nan")}),
    "move stage range": lambda j: j.move_stage("s1", 3),
    "move stage lane id": lambda j: j.move_stage("l1", 0),
    "lane dup": lambda j: j.add_lane(Lane("l1", "x")),
    "lane id of a card": lambda j: j.add_lane(Lane("c1", "x")),
    "update lane kind": lambda j: j.update_lane("l1", kind="bogus"),
    "move lane range": lambda j: j.move_lane("l1", -1),
    "segment colour": lambda j: j.add_segment(Segment("seg-c", "C", "red")),
    "segment dup": lambda j: j.add_segment(Segment("seg-a", "A")),
    "update segment colour": lambda j: j.update_segment("seg-a", colour="blue"),
    "card dup": lambda j: j.add_card(Card("c1"), "s1", "l1"),
    "card stage": lambda j: j.add_card(Card("c9"), "ghost", "l1"),
    "card lane": lambda j: j.add_card(Card("c9"), "s1", "s2"),
    "card index": lambda j: j.add_card(Card("c9"), "s1", "l1", 4),
    "card segment": lambda j: j.add_card(Card("c9", segments=("ghost",)), "s1", "l1"),
    "card twice tagged": lambda j: j.add_card(Card("c9", segments=("seg-a", "seg-a")), "s1", "l1"),
    "card votes": lambda j: j.add_card(Card("c9", votes=-1), "s1", "l1"),
    "card colour": lambda j: j.add_card(Card("c9", colour="yellow"), "s1", "l1"),
    "update card kind": lambda j: j.update_card("c1", kind="bogus"),
    "update card segment": lambda j: j.update_card("c1", title="x", segments=("ghost",)),
    "update card unknown": lambda j: j.update_card("ghost", title="x"),
    "update card id": lambda j: j.update_card("c1", id="c9"),
    "move card index": lambda j: j.move_card("c1", "s1", "l1", 3),
    "move card stage": lambda j: j.move_card("c1", "ghost", "l1"),
    "move card unknown": lambda j: j.move_card("ghost", "s1", "l1"),
    "transition to itself": lambda j: j.add_transition(Transition("t9", "s1", "s1")),
    "transition stage": lambda j: j.add_transition(Transition("t9", "s1", "ghost")),
    "transition card end": lambda j: j.add_transition(Transition("t9", "s1", "c1")),
    "transition dup": lambda j: j.add_transition(Transition("t12", "s1", "s3")),
    "transition id of a card": lambda j: j.add_transition(Transition("c1", "s1", "s3")),
    "transition rate": lambda j: j.add_transition(Transition("t9", "s1", "s3", conversion_rate=1.5)),
    "update transition ends": lambda j: j.update_transition("t12", source="s3"),
    "update transition rate": lambda j: j.update_transition("t12", conversion_rate=-0.1),
    "update transition kind": lambda j: j.update_transition("t12", kind="sideways"),
    "update transition field": lambda j: j.update_transition("t12", colour="#ffffff"),
    "update transition unknown": lambda j: j.update_transition("k1", trigger="x"),
    "remove transition link id": lambda j: j.remove_transition("k1"),
    "link to itself": lambda j: j.add_link(CardLink("k9", "c1", "c1")),
    "link card": lambda j: j.add_link(CardLink("k9", "c1", "ghost")),
    "link stage end": lambda j: j.add_link(CardLink("k9", "c1", "s1")),
    "link dup": lambda j: j.add_link(CardLink("k1", "c1", "c2")),
    "remove link unknown": lambda j: j.remove_link("t12"),
    "path stage": lambda j: j.add_path(JourneyPath("p9", "x", ("s1", "ghost"))),
    "path colour": lambda j: j.add_path(JourneyPath("p9", "x", colour="#12")),
    "path dup": lambda j: j.add_path(JourneyPath("p1", "x")),
    "path index": lambda j: j.add_path(JourneyPath("p9", "x"), 3),
    "update path stage": lambda j: j.update_path("p1", name="x", stages=("ghost",)),
    "update path colour": lambda j: j.update_path("p1", colour="x"),
    "update path id": lambda j: j.update_path("p1", id="p9"),
    "update path unknown": lambda j: j.update_path("ghost", name="x"),
    "remove stage unknown": lambda j: j.remove_stage("l1"),
    "remove lane unknown": lambda j: j.remove_lane("s1"),
    "remove card unknown": lambda j: j.remove_card("ghost"),
    "remove segment unknown": lambda j: j.remove_segment("ghost"),
    "remove path unknown": lambda j: j.remove_path("s1"),
}


@pytest.mark.parametrize("mutate", INVALID.values(), ids=INVALID.keys())
def test_invalid_input_raises_before_any_change(journey, events, mutate):
    before = journey.to_data()
    with pytest.raises(ModelError):
        mutate(journey)
    assert journey.to_data() == before
    assert events == []


def test_restore_refuses_an_id_in_use_again(journey):
    record = journey.remove_card("c2")
    journey.add_card(Card("c2"), "s3", "l3")
    before, received = journey.to_data(), []
    journey.events.connect(received.append)
    with pytest.raises(ModelError):
        journey.restore(record)
    assert journey.to_data() == before and received == []


OUT_OF_ORDER = {  # what changed after the removal, making its restore impossible
    "card id taken": ("remove_stage", "s2", lambda j: j.add_card(Card("c4"), "s1", "l1")),
    "transition id taken": ("remove_stage", "s2", lambda j: j.add_stage(Stage("t23", "x"))),
    "link id taken": ("remove_card", "c4", lambda j: j.add_path(JourneyPath("k1", "x"))),
    "lane gone": ("remove_stage", "s2", lambda j: j.remove_lane("l2")),
    "other end gone": ("remove_card", "c4", lambda j: j.remove_card("c5")),
    "segment gone": ("remove_card", "c5", lambda j: j.remove_segment("seg-b")),
    "path gone": ("remove_stage", "s2", lambda j: j.remove_path("p1")),
    "cell shrank": ("remove_card", "c3", lambda j: j.remove_card("c1")),
    "retagged card gone": ("remove_segment", "seg-a", lambda j: j.remove_card("c4")),
}


@pytest.mark.parametrize(("remover", "element_id", "change"), OUT_OF_ORDER.values(),
                         ids=OUT_OF_ORDER.keys())
def test_restore_out_of_order_is_refused_before_any_change(journey, remover, element_id, change):
    record = getattr(journey, remover)(element_id)
    change(journey)
    before, received = journey.to_data(), []
    journey.events.connect(received.append)
    with pytest.raises(ModelError):
        journey.restore(record)
    assert journey.to_data() == before and received == []


# ------------------------------------------------------------------ immutable query results
def test_queries_return_frozen_values(journey):
    stage, card = journey.stages()[1], journey.card("c5")
    assert isinstance(journey.stages(), tuple) and isinstance(journey.cards(), tuple)
    with pytest.raises(dataclasses.FrozenInstanceError):
        stage.name = "changed"
    with pytest.raises(TypeError):
        stage.emotions["seg-a"] = 2  # a read-only mapping
    with pytest.raises(AttributeError):
        card.segments.append("seg-b")  # a tuple
    with pytest.raises(AttributeError):
        journey.paths()[0].stages.append("s1")
    with pytest.raises(dataclasses.FrozenInstanceError):
        journey.card_place("c1").index = 5


def test_changing_returned_containers_leaves_the_map_alone(journey):
    journey.cells().clear()
    journey.extra["top"]["x-tool"]["v"] = 2
    journey.extra.clear()
    data = journey.to_data()
    data["stages"].clear()
    data["map"]["title"] = "changed"
    data["x-tool"]["v"] = 3
    assert journey.to_data() == build_map().to_data()


# ------------------------------------------------------------------ removal and restore
REMOVALS = {
    "stage": lambda j: j.remove_stage("s2"),
    "first stage": lambda j: j.remove_stage("s1"),
    "lane": lambda j: j.remove_lane("l1"),
    "card": lambda j: j.remove_card("c2"),
    "linked card": lambda j: j.remove_card("c4"),
    "segment": lambda j: j.remove_segment("seg-a"),
    "path": lambda j: j.remove_path("p1"),
}


@pytest.mark.parametrize("remove", REMOVALS.values(), ids=REMOVALS.keys())
def test_remove_then_restore_gives_an_equal_map(journey, remove):
    record = remove(journey)
    assert journey != build_map()
    journey.restore(record)
    assert journey == build_map()
    assert journey.cells() == build_map().cells()


def test_remove_stage_takes_its_dependents(journey):
    journey.remove_stage("s2")
    assert journey.card_ids() == ("c1", "c2", "c3", "c6")
    assert [t.id for t in journey.transitions()] == [] and [k.id for k in journey.links()] == ["k2"]
    assert journey.path("p1").stages == ("s1", "s3") and journey.path("p2").stages == ("s3",)


def test_remove_segment_untags_cards_and_drops_its_emotions(journey):
    journey.remove_segment("seg-a")
    assert journey.card("c5").segments == ("seg-b",) and journey.card("c4").segments == ()
    assert dict(journey.stage("s2").emotions) == {"": 1, "seg-b": 2}


def test_restore_segment_keeps_the_tag_order(journey):
    journey.restore(journey.remove_segment("seg-a"))
    assert journey.card("c5").segments == ("seg-a", "seg-b")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(journey_maps(), st.data())
def test_any_removal_restores_exactly(journey, data):
    before = journey.to_data()
    removers = ([(journey.remove_stage, s) for s in journey.stage_ids()]
                + [(journey.remove_lane, x) for x in journey.lane_ids()]
                + [(journey.remove_card, c) for c in journey.card_ids()]
                + [(journey.remove_segment, s.id) for s in journey.segments()]
                + [(journey.remove_path, p.id) for p in journey.paths()])
    if not removers:
        return
    remove, element_id = data.draw(st.sampled_from(removers))
    record = remove(element_id)
    assert not journey.has(element_id)
    journey.restore(record)
    assert journey.to_data() == before


# ------------------------------------------------------------------ card order inside cells
def test_add_card_inserts_at_index_and_renumbers(journey):
    journey.add_card(Card("c0"), "s1", "l1", 0)
    journey.add_card(Card("c9"), "s1", "l1", 2)
    assert journey.cell_card_ids("s1", "l1") == ("c0", "c1", "c9", "c2", "c3")
    assert [journey.card_place(c).index for c in ("c0", "c1", "c9", "c2", "c3")] == [0, 1, 2, 3, 4]


def test_move_card_within_a_cell(journey):
    journey.move_card("c1", "s1", "l1", 2)
    assert journey.cell_card_ids("s1", "l1") == ("c2", "c3", "c1")
    journey.move_card("c3", "s1", "l1", 0)
    assert journey.cell_card_ids("s1", "l1") == ("c3", "c2", "c1")
    assert journey.card_place("c1") == CardPlace("s1", "l1", 2)


def test_move_card_between_cells_closes_the_gap(journey):
    journey.move_card("c2", "s3", "l1", 0)
    journey.move_card("c6", "s1", "l1")  # no index: the end of the cell
    assert journey.cell_card_ids("s1", "l1") == ("c1", "c3", "c6")
    assert journey.cell_card_ids("s3", "l1") == ("c2",)
    assert journey.card_place("c3") == CardPlace("s1", "l1", 1)


def test_emptied_cell_disappears_from_cells(journey):
    journey.move_card("c6", "s1", "l2")
    assert ("s3", "l1") not in journey.cells()
    assert journey.cell_card_ids("s3", "l1") == ()


def test_remove_card_renumbers_the_rest(journey):
    journey.remove_card("c1")
    assert journey.card_place("c3") == CardPlace("s1", "l1", 1)


def test_card_ids_follow_stage_then_lane_order(journey):
    journey.move_lane("l3", 0)
    assert journey.card_ids() == ("c1", "c2", "c3", "c5", "c4", "c6")


def test_element_type_names_every_kind(journey):
    kinds = {"s1": "stage", "l1": "lane", "c1": "card", "seg-a": "segment", "p1": "path",
             "t12": "transition", "k1": "link", "ghost": None}
    assert {i: journey.element_type(i) for i in kinds} == kinds
