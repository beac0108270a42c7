"""The first few of the vote ranking (what the canvas's top N asks after every drop) equal the
head of the whole ranking, whatever the edits: counts held by a few cards and by hundreds (met
walking the cells), cards moved, removed and put back, votes changed. Plain pytest."""
from __future__ import annotations

import random

from model import Card, CardKind, JourneyMap, Lane, LaneKind, Stage


def voted_map(rng: random.Random) -> JourneyMap:
    journey = JourneyMap("votes", "en")
    for s in range(4):
        journey.add_stage(Stage(f"s{s}", f"Stage {s}"))
    for lane in ("a", "b", "c"):
        journey.add_lane(Lane(lane, lane, LaneKind.TOUCHPOINTS))
    for i in range(900):  # one or two votes on hundreds of cards: large ties
        journey.add_card(Card(f"c{i}", CardKind.TOUCHPOINT, f"Card {i}",
                              votes=rng.choice((0, 0, 1, 1, 2, 2, 5, 9))),
                         f"s{rng.randrange(4)}", rng.choice("abc"))
    return journey


def test_the_first_of_the_ranking_equal_the_head_of_the_whole_ranking():
    rng = random.Random(3)
    journey = voted_map(rng)
    records = []
    for step in range(150):
        ids = journey.card_ids()
        roll = rng.random()
        if roll < 0.4:
            card_id, stage, lane = rng.choice(ids), f"s{rng.randrange(4)}", rng.choice("abc")
            place = journey.card_place(card_id)
            size = len(journey.cell_card_ids(stage, lane)) - ((place.stage, place.lane) == (stage, lane))
            journey.move_card(card_id, stage, lane, rng.randint(0, size))
        elif roll < 0.6:
            journey.update_card(rng.choice(ids), votes=rng.choice((0, 1, 2, 5, 9, 12)))
        elif roll < 0.8:
            records.append(journey.remove_card(rng.choice(ids)))
        elif records:
            journey.restore(records.pop())
        whole = journey.vote_ranking_ids()
        for first in (1, 3, 5, 40, 200):
            assert journey.vote_ranking_ids(first) == whole[:first], f"step {step}, first {first}"
        by_votes = {}
        for card_id, votes in whole:
            by_votes.setdefault(votes, set()).add(card_id)
        assert journey._card_flags.by_votes == by_votes
