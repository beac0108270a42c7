"""A generated map of any number of cards for the tests that need a big or varied map: 10 stages x
7 lanes (one an emotion lane), cards spread unevenly over the lanes, some tagged with a segment,
reproducible from a seed. Used by tests/editor/test_incremental_updates.py and
tests/model/test_fast_checks.py. Imports model.* only; Qt-free.
"""
from __future__ import annotations

import random

from model import Card, CardKind, JourneyMap, Lane, LaneKind, Segment, Stage, Transition

PHRASES = ("オンボーディング面談", "kick-off call", "ヘルプページを検索", "NPS", "更新の打診",
           "billing question", "ログインできない", "設定が複雑すぎる")


def generated_map(cards: int, seed: int = 7) -> JourneyMap:
    """10 stages x 7 lanes (one an emotion lane), cards spread unevenly, some tagged."""
    rng = random.Random(seed)
    journey = JourneyMap("incremental", "ja")
    journey.add_segment(Segment("smb", "SMB", "#4e79a7"))
    journey.add_segment(Segment("ent", "Enterprise", "#f28e2b"))
    for s in range(10):
        journey.add_stage(Stage(f"s{s}", f"ステージ {s}", emotions={"": (s % 5) - 2, "smb": 1}))
    kinds = [LaneKind.TOUCHPOINTS, LaneKind.EMOTION, LaneKind.PAIN_POINTS, LaneKind.IDEAS,
             LaneKind.BACKSTAGE, LaneKind.KPIS, LaneKind.ACTIONS]
    for index, kind in enumerate(kinds):
        journey.add_lane(Lane(f"l{index}", f"レーン {index}", kind))
    card_lanes = [f"l{i}" for i in (0, 0, 0, 2, 2, 3, 4, 5, 6)]
    for i in range(cards):
        title = " ".join(rng.sample(PHRASES, rng.choice((1, 1, 2, 3))))
        journey.add_card(Card(f"c{i}", rng.choice(list(CardKind)), title,
                              channel=rng.choice(("", "Web", "メール")), votes=rng.choice((0, 0, 2)),
                              segments=("smb",) if i % 5 == 0 else ()),
                         f"s{rng.randrange(10)}", rng.choice(card_lanes))
    for s in range(9):
        journey.add_transition(Transition(f"t{s}", f"s{s}", f"s{s + 1}"))
    return journey
