"""The map's kept card flags (model.journey.card_flags: votes, dots, privacy) equal a fresh
reading of its cards after every kind of edit: add, update, dots, privacy, reveal, move, remove
(a card, a whole stage), and the undo-like restore of a removal; and the workshop
queries built on them (ranking, private cards, dots used) answer as a pass over the cards does."""
from __future__ import annotations

import random

from model import Card, CardKind, JourneyMap, Lane, LaneKind, Stage
from model.journey.card_flags import fresh_flags
from model.journey.workshop_entities import Participant


def flags_of(journey: JourneyMap):
    kept, fresh = journey._card_flags, fresh_flags(journey.cards())
    return (kept.votes, kept.dotted, kept.private), (fresh.votes, fresh.dotted, fresh.private)


def big_map(rng: random.Random) -> JourneyMap:
    journey = JourneyMap("Flags", "en")
    for s in range(3):
        journey.add_stage(Stage(f"s{s}", f"Stage {s}"))
    for lane in ("a", "b"):
        journey.add_lane(Lane(lane, lane, LaneKind.TOUCHPOINTS))
    journey.add_participant(Participant("p1", "Aiko", "#e15759"))
    journey.add_participant(Participant("p2", "Ken", "#4e79a7"))
    for i in range(60):
        journey.add_card(Card(f"c{i}", CardKind.TOUCHPOINT, f"Card {i}", votes=rng.choice((0, 0, 1, 3)),
                              private=rng.random() < 0.2, created_by=rng.choice(("", "p1"))),
                         f"s{i % 3}", rng.choice("ab"))
    return journey


def test_the_kept_flags_follow_every_kind_of_edit():
    rng = random.Random(12)
    journey = big_map(rng)
    assert flags_of(journey)[0] == flags_of(journey)[1]
    for step in range(300):
        ids = journey.card_ids()
        card_id = rng.choice(ids)
        action = rng.randrange(8)
        if action == 0:
            named = sum(journey.card(card_id).dots.values())  # votes are at least the dots
            journey.update_card(card_id, votes=named + rng.choice((0, 2, 5)))
        elif action == 1:
            journey.set_dots(card_id, rng.choice(("p1", "p2")), rng.randrange(3))
        elif action == 2:
            journey.set_private([card_id], rng.random() < 0.5)
        elif action == 3:
            journey.move_card(card_id, rng.choice(("s0", "s1", "s2")), rng.choice("ab"), 0)
        elif action == 4 and len(ids) > 20:
            removal = journey.remove_card(card_id)
            if rng.random() < 0.5:
                journey.restore(removal)
        elif action == 5:
            journey.add_card(Card(f"n{step}", CardKind.IDEA, "new", votes=rng.randrange(3),
                                  private=rng.random() < 0.5), "s1", "a")
        elif action == 6 and rng.random() < 0.1:
            journey.reveal_private_cards()
        elif action == 7 and rng.random() < 0.05:
            stage = rng.choice(journey.stage_ids())
            removal = journey.remove_stage(stage)
            journey.restore(removal)
        kept, fresh = flags_of(journey)
        assert kept == fresh, (step, action)


def test_the_queries_built_on_the_flags_answer_as_a_pass_over_the_cards():
    journey = big_map(random.Random(3))
    journey.set_dots("c4", "p2", 2)
    journey.set_dots("c9", "p2", 1)
    cards = journey.cards()
    voted = sorted((c for c in cards if c.votes),
                   key=lambda c: (-c.votes, journey.journey_position(c.id)))
    assert journey.vote_ranking_ids() == [(c.id, c.votes) for c in voted]
    assert journey.vote_ranking_ids(5) == [(c.id, c.votes) for c in voted[:5]]
    assert journey.voted_card_count() == len(voted)
    assert journey.private_card_ids() == tuple(c.id for c in cards if c.private)
    assert journey.dots_used("p2") == 3 and journey.dots_of("p2") == {"c4": 2, "c9": 1}
    assert set(journey.marked_card_ids()) == {c.id for c in journey.cards() if c.dots or c.private}
