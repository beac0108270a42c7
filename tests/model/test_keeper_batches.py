"""LayoutKeeper catching up with several edits at once (the canvas follows a whole undo step, e.g.
deleting 300 cards, in one update): the kept layout always equals compute_layout, whatever the
edits, including a card added then removed, or moved twice, within one update. Plain pytest.
"""
from __future__ import annotations

import random

from model import Card, CardKind, Event, JourneyMap
from model.layout.grid import CardSizer, compute_layout
from model.layout.keeper import LayoutKeeper, card_updates
from model.layout.text import CharWidths
from tests.model.generated_maps import PHRASES, generated_map


def catch_up(keeper: LayoutKeeper, journey, events: list[Event]) -> None:
    """What the canvas does with a step's card events (editor.canvas.scene_geometry.flush)."""
    moves, cards = card_updates(events)
    keeper.update(journey, moves=moves, cards=cards)


def random_edit(journey, rng: random.Random, made: list[int], records: list) -> None:
    cards, stages, lanes = journey.card_ids(), journey.stage_ids(), journey.lane_ids()
    roll = rng.random()
    if roll < 0.25 or len(cards) < 5:
        made[0] += 1
        stage, lane = rng.choice(stages), rng.choice(lanes)
        size = len(journey.cell_card_ids(stage, lane))
        journey.add_card(Card(f"n{made[0]}", CardKind.NOTE, rng.choice(PHRASES) * rng.randint(1, 4)),
                         stage, lane, rng.randint(0, size))
    elif roll < 0.5:
        card, stage, lane = rng.choice(cards), rng.choice(stages), rng.choice(lanes)
        place = journey.card_place(card)
        size = len(journey.cell_card_ids(stage, lane)) - ((place.stage, place.lane) == (stage, lane))
        journey.move_card(card, stage, lane, rng.randint(0, size))
    elif roll < 0.7:
        records.append(journey.remove_card(rng.choice(cards)))
    elif roll < 0.8 and records:
        record = records.pop()
        if not journey.has(record.element.id):
            place = record.cards[0][1]
            if place.index <= len(journey.cell_card_ids(place.stage, place.lane)):
                journey.restore(record)
    else:
        card = rng.choice(cards)
        journey.update_card(card, title=" ".join(rng.sample(PHRASES, rng.randint(1, 4))),
                            channel=rng.choice(("", "Web")))


def caught_up_batches(journey: JourneyMap, rng: random.Random, rounds: int, sizes: tuple[int, ...]):
    """A keeper of ``journey``, yielded after each of ``rounds`` batches of random edits (each
    of one of ``sizes`` edits) that it caught up with at once."""
    keeper = LayoutKeeper(CardSizer(CharWidths()))
    keeper.rebuild(journey)
    events: list[Event] = []
    journey.events.connect(events.append)
    made, records = [0], []
    for _ in range(rounds):
        for _ in range(rng.choice(sizes)):
            random_edit(journey, rng, made, records)
        catch_up(keeper, journey, events)
        events.clear()
        yield keeper


def test_many_edits_caught_up_at_once_equal_a_fresh_layout():
    journey = generated_map(400, seed=3)
    for keeper in caught_up_batches(journey, random.Random(5), 60, (1, 2, 5, 20, 80)):
        assert keeper.layout == compute_layout(journey, keeper.sizer)


def test_a_card_added_and_removed_or_moved_twice_in_one_update():
    journey = generated_map(120, seed=2)
    keeper = LayoutKeeper(CardSizer(CharWidths()))
    keeper.rebuild(journey)
    events: list[Event] = []
    journey.events.connect(events.append)
    journey.add_card(Card("gone", CardKind.NOTE, "brief"), "s1", "l0", 0)
    journey.remove_card("gone")
    card = journey.cell_card_ids("s2", "l0")[0]
    journey.move_card(card, "s3", "l0", 0)
    journey.move_card(card, "s4", "l2", 0)
    record = journey.remove_card(journey.cell_card_ids("s5", "l0")[1])
    journey.restore(record)  # removed and put back: the same id, the same place
    catch_up(keeper, journey, events)
    assert keeper.layout == compute_layout(journey, keeper.sizer)


def crowded_map(cards: int, seed: int):
    """Two stages, two lanes, nearly every card in one cell: cells of many blocks."""
    from model import JourneyMap, Lane, LaneKind, Stage

    rng = random.Random(seed)
    journey = JourneyMap("crowded", "ja")
    for s in range(2):
        journey.add_stage(Stage(f"s{s}", f"ステージ {s}"))
    for x in range(2):
        journey.add_lane(Lane(f"l{x}", f"レーン {x}", LaneKind.TOUCHPOINTS))
    for i in range(cards):
        cell = ("s0", "l0") if i % 10 else (f"s{rng.randrange(2)}", f"l{rng.randrange(2)}")
        journey.add_card(Card(f"c{i}", CardKind.NOTE, " ".join(rng.sample(PHRASES, rng.randint(1, 3)))),
                         *cell)
    return journey


def assert_blocks_hold(keeper: LayoutKeeper, journey) -> None:
    """Each cell's blocks hold its cards in order, none empty or over full, each below the one
    before it."""
    from model.layout.card_boxes import BLOCK
    from model.layout.grid import CARD_GAP, CELL_PADDING

    boxes = keeper.boxes
    assert set(boxes.blocks) == set(journey.cells())
    for cell, blocks in boxes.blocks.items():
        assert [c for b in blocks for c in b.ids] == list(journey.cell_card_ids(*cell))
        top = CELL_PADDING
        for block in blocks:
            assert 0 < len(block.ids) <= BLOCK and block.top == top
            assert all(boxes.block_of[c] is block for c in block.ids)
            top += block.bottom(boxes.sized) + CARD_GAP


def test_crowded_cells_edited_in_batches_equal_a_fresh_layout():
    """Cards added, removed, moved and retitled near the top, middle and end of a cell of
    several hundred cards (blocks split, empty and move), caught up with one to eighty at a
    time."""
    journey = crowded_map(700, seed=8)
    for keeper in caught_up_batches(journey, random.Random(8), 40, (1, 3, 20, 80)):
        assert keeper.layout == compute_layout(journey, keeper.sizer)
        assert_blocks_hold(keeper, journey)
    assert max(len(b) for b in keeper.boxes.blocks.values()) > 5
