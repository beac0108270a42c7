"""JourneyMap's order caches (model.journey.card_order) always equal a fresh computation from the
graph: after every kind of edit, after removals and their restores, after random edit sequences;
and journey_position / in_journey_order sort like card_ids(). Plain pytest, no Qt."""
from __future__ import annotations

import random

import pytest

from model import JourneyMap, ModelError, Segment, Stage
from model.journey.card_order import differences, fresh_members
from model.journey.entities import Card, CardKind, CardLink, Lane
from tests.model.test_journey import build_map


def assert_caches_fresh(journey: JourneyMap) -> None:
    found = differences(journey._card_order, journey._order("stage"), journey._order("lane"))
    assert not found, found
    assert journey.cells() == {(c[1], c[2]): fresh_members(journey._graph, c)
                               for c, data in journey._graph.nodes(data=True) if data["type"] == "cell"}
    every = journey.card_ids()
    assert journey.in_journey_order(reversed(every)) == list(every)
    assert journey.card_count() == len(every) == len(set(every))


def test_fresh_after_building():
    assert_caches_fresh(build_map())


@pytest.mark.parametrize("edit", [
    lambda j: j.add_card(Card("n1", CardKind.NOTE, "new"), "s1", "l1", 0),
    lambda j: j.add_card(Card("n1", CardKind.NOTE, "new"), "s3", "l3"),  # a new cell
    lambda j: j.move_card("c1", "s1", "l1", 2),
    lambda j: j.move_card("c3", "s2", "l2", 0),
    lambda j: j.move_card("c6", "s1", "l1", 3),  # the last card leaves its cell
    lambda j: j.move_card("c2", "s1", "l1", 1),  # stays put
    lambda j: j.remove_card("c1"),
    lambda j: j.remove_card("c3"),
    lambda j: j.remove_stage("s1"),
    lambda j: j.remove_lane("l2"),
    lambda j: j.move_stage("s3", 0),
    lambda j: j.move_lane("l3", 0),
    lambda j: j.add_stage(Stage("s0", "First"), 0),
    lambda j: j.add_lane(Lane("l0", "Top"), 0),
    lambda j: j.remove_segment("seg-a"),
])
def test_fresh_after_each_kind_of_edit_and_its_restore(edit):
    journey = build_map()
    before = journey.card_ids()
    assert_caches_fresh(journey)  # the caches are filled before the edit, so they can go stale
    record = edit(journey)
    assert_caches_fresh(journey)
    if record is not None and hasattr(record, "kind"):
        journey.restore(record)
        assert_caches_fresh(journey)
        assert journey.card_ids() == before


def test_links_touching_a_card_go_and_come_back_with_it():
    journey = build_map()
    journey.add_link(CardLink("k0", "c6", "c4"))
    record = journey.remove_card("c4")
    assert [link.id for link in record.links] == ["k0", "k1"]  # sorted by id, as links() is
    assert [link.id for link in journey.links()] == ["k2"]
    journey.restore(record)
    assert [link.id for link in journey.links()] == ["k0", "k1", "k2"]


def test_fresh_after_random_edits():
    """300 random card, stage and lane edits and restores, the caches checked after each."""
    rng = random.Random(12)
    journey = build_map()
    journey.add_segment(Segment("seg-c", "C"))
    records, made = [], 0
    for step in range(300):
        cards, stages, lanes = journey.card_ids(), journey.stage_ids(), journey.lane_ids()
        roll = rng.random()
        if roll < 0.3 or not cards:
            made += 1
            stage, lane = rng.choice(stages), rng.choice(lanes)
            size = len(journey.cell_card_ids(stage, lane))
            journey.add_card(Card(f"r{made}", CardKind.NOTE, "x"), stage, lane, rng.randint(0, size))
        elif roll < 0.6:
            card, stage, lane = rng.choice(cards), rng.choice(stages), rng.choice(lanes)
            size = len(journey.cell_card_ids(stage, lane))
            place = journey.card_place(card)
            same = (place.stage, place.lane) == (stage, lane)
            journey.move_card(card, stage, lane, rng.randint(0, size - same))
        elif roll < 0.75:
            records.append(journey.remove_card(rng.choice(cards)))
        elif roll < 0.82 and records:
            try:
                journey.restore(records.pop())
            except ModelError:
                pass  # its cell shrank meanwhile: refused before any change
        elif roll < 0.88:
            journey.move_stage(rng.choice(stages), rng.randrange(len(stages)))
        elif roll < 0.94:
            journey.move_lane(rng.choice(lanes), rng.randrange(len(lanes)))
        elif len(stages) > 1:
            record = journey.remove_stage(rng.choice(stages))
            assert_caches_fresh(journey)
            journey.restore(record)
        if step % 3 == 0 or roll >= 0.88:
            assert_caches_fresh(journey)
        records = [r for r in records if not any(journey.has(c.id) for c, _ in r.cards)]
    assert_caches_fresh(journey)


def test_a_stale_cache_is_caught():
    """The check itself can fail: a cell changed behind the cache's back is reported."""
    journey = build_map()
    assert_caches_fresh(journey)
    journey._graph._node["c1"]["order"], journey._graph._node["c2"]["order"] = 1, 0
    assert differences(journey._card_order, journey._order("stage"), journey._order("lane"))


def test_the_journey_index_follows_the_journey_order():
    """card id -> index in journey order, kept while the order stands, new after a move."""
    from model import Card, CardKind, JourneyMap, Lane, LaneKind, Stage

    journey = JourneyMap("Index", "en")
    for s in ("s1", "s2"):
        journey.add_stage(Stage(s, s))
    journey.add_lane(Lane("a", "a", LaneKind.TOUCHPOINTS))
    for i in range(6):
        journey.add_card(Card(f"c{i}", CardKind.TOUCHPOINT, "x"), ("s1", "s2")[i % 2], "a")
    order = lambda: journey._card_order.journey_index(journey._order("stage"), journey._order("lane"))  # noqa: E731
    first = order()
    assert first == {c: i for i, c in enumerate(journey.card_ids())}
    journey.update_card("c1", title="y")
    assert order() is first  # kept: the order did not change
    journey.move_card("c5", "s1", "a", 0)
    assert order() == {c: i for i, c in enumerate(journey.card_ids())} and order()["c5"] == 0
    journey.move_stage("s2", 0)
    assert order() == {c: i for i, c in enumerate(journey.card_ids())}
