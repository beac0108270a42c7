"""Generated journey maps for the benchmarks: realistic shape, any number of cards, reproducible.

A map has 8-12 stages and 6-8 lanes (one of them an emotion lane with a curve per segment),
3 segments, forward transitions plus a skip and a back arc, two journey paths and idea → pain-point
links. Cards mix every kind; titles and details mix Japanese and English phrases of varied length,
some with channel, owner and votes (the footer line), some tagged with segments. Cards crowd the
touchpoint and pain-point lanes more than the others, as in a real workshop. The same ``seed``
gives the same map.

    /tmp/devvenv/bin/python benchmarks/mapgen.py 2000 /tmp/m2000.journey
"""
from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import model as jm  # noqa: E402
from model.fileformat import save_journey  # noqa: E402

SIZES = (200, 2_000, 10_000)

STAGE_NAMES = ("認知", "検討", "契約", "オンボーディング", "初期活用", "定着", "拡大", "更新",
               "Advocacy", "Renewal review", "Expansion", "解約防止")
LANES = (("タッチポイント", jm.LaneKind.TOUCHPOINTS), ("顧客の行動 Actions", jm.LaneKind.ACTIONS),
         ("感情曲線", jm.LaneKind.EMOTION), ("ペインポイント", jm.LaneKind.PAIN_POINTS),
         ("アイディア Ideas", jm.LaneKind.IDEAS), ("バックステージ", jm.LaneKind.BACKSTAGE),
         ("KPI", jm.LaneKind.KPIS), ("Goals 目標", jm.LaneKind.GOALS))
# How many cards each lane attracts (the emotion lane holds none, like a real map).
LANE_WEIGHTS = (5, 3, 0, 4, 3, 2, 1, 1)
PHRASES = ("オンボーディング面談", "定例ミーティング", "success story", "ヘルプページを検索",
           "NPS survey", "更新の打診", "チャットサポートに問い合わせ", "kick-off call",
           "利用状況ダッシュボード", "エキスパート向けコンテンツ", "管理者が招待メールを送る",
           "billing question", "請求書の確認", "QBR (quarterly business review)",
           "ログインできない", "設定が複雑すぎる", "training webinar", "トライアル延長",
           "契約更新の稟議", "API連携のテスト", "first value moment", "担当者の異動")
CHANNELS = ("", "", "Web", "メール", "電話", "Zoom", "Slack", "対面")
OWNERS = ("", "", "CSM", "営業", "サポート", "PM", "Onboarding team")
SEGMENTS = (("seg-smb", "SMB", "#4e79a7"), ("seg-ent", "Enterprise 大企業", "#f28e2b"),
            ("seg-self", "セルフサーブ", "#59a14f"))


def make_map(cards: int, seed: int = 1) -> jm.JourneyMap:
    """A Japanese-English journey map with exactly ``cards`` cards."""
    rng = random.Random(seed * 1_000_003 + cards)
    journey = jm.JourneyMap(f"ベンチマーク {cards:,} cards", "ja", "benchmarks/mapgen.py")
    for segment_id, name, colour in SEGMENTS:
        journey.add_segment(jm.Segment(segment_id, name, colour))
    stage_ids = _add_stages(journey, rng)
    lane_ids = _add_lanes(journey, rng)
    _add_cards(journey, rng, cards, stage_ids, lane_ids)
    _add_relations(journey, rng, stage_ids)
    return journey


def _add_stages(journey: jm.JourneyMap, rng: random.Random) -> list[str]:
    count = rng.randint(8, 12)
    for s in range(count):
        criteria = tuple(jm.ExitCriterion(f"{rng.choice(PHRASES)}が完了", f"NPS {30 + s} 以上")
                         for _ in range(rng.randint(0, 2)))
        emotions = {"": rng.choice((-2, -1, -0.5, 0, 0.5, 1, 2))}
        emotions.update({seg[0]: rng.choice((-1.5, -1, 0, 1, 1.5)) for seg in SEGMENTS
                         if rng.random() < 0.6})
        overview = " / ".join(rng.sample(PHRASES, rng.randint(1, 3)))
        journey.add_stage(jm.Stage(f"s{s}", STAGE_NAMES[s], overview, criteria, emotions))
    return [f"s{s}" for s in range(count)]


def _add_lanes(journey: jm.JourneyMap, rng: random.Random) -> list[str]:
    count = rng.randint(6, 8)
    for index, (name, kind) in enumerate(LANES[:count]):
        journey.add_lane(jm.Lane(f"l{index}", name, kind))
    return [f"l{index}" for index in range(count)]


def _title(rng: random.Random) -> str:
    words = rng.sample(PHRASES, rng.choice((1, 1, 2, 2, 3, 4)))
    return rng.choice((" ", "、", " — ")).join(words)


def _add_cards(journey: jm.JourneyMap, rng: random.Random, cards: int, stage_ids: list[str],
               lane_ids: list[str]) -> None:
    kinds_for = {jm.LaneKind.TOUCHPOINTS: (jm.CardKind.TOUCHPOINT, jm.CardKind.MOMENT_OF_TRUTH),
                 jm.LaneKind.PAIN_POINTS: (jm.CardKind.PAIN_POINT,),
                 jm.LaneKind.IDEAS: (jm.CardKind.IDEA,), jm.LaneKind.KPIS: (jm.CardKind.KPI,),
                 jm.LaneKind.GOALS: (jm.CardKind.MILESTONE,)}
    lanes = [journey.lane(lane_id) for lane_id in lane_ids]
    weights = LANE_WEIGHTS[:len(lanes)]
    stage_weights = [rng.uniform(0.6, 1.4) for _ in stage_ids]
    for i in range(cards):
        lane = rng.choices(lanes, weights)[0]
        stage_id = rng.choices(stage_ids, stage_weights)[0]
        kind = rng.choice(kinds_for.get(lane.kind, tuple(jm.CardKind)))
        segments = tuple(s[0] for s in SEGMENTS if rng.random() < 0.2)
        details = "\n".join(_title(rng) for _ in range(rng.randint(0, 3)))
        card = jm.Card(f"c{i}", kind, f"{_title(rng)}", details, rng.choice(CHANNELS),
                       rng.choice(OWNERS), segments=segments, votes=rng.choice((0, 0, 0, 1, 2, 5)),
                       feeling="不安" if kind == jm.CardKind.MOMENT_OF_TRUTH else "",
                       stakes="解約リスク" if kind == jm.CardKind.MOMENT_OF_TRUTH else "")
        journey.add_card(card, stage_id, lane.id)


def _add_relations(journey: jm.JourneyMap, rng: random.Random, stage_ids: list[str]) -> None:
    for a, b in zip(stage_ids, stage_ids[1:], strict=False):
        journey.add_transition(jm.Transition(f"t-{a}-{b}", a, b, jm.TransitionKind.FORWARD,
                                             rng.choice(("契約締結", "初回ログイン", "trial ends", "")),
                                             rng.choice((None, 0.42, 0.8))))
    journey.add_transition(jm.Transition("t-skip", stage_ids[1], stage_ids[4], jm.TransitionKind.SKIP,
                                         "セルフサーブ"))
    journey.add_transition(jm.Transition("t-back", stage_ids[-1], stage_ids[-3],
                                         jm.TransitionKind.BACK, "再検討"))
    journey.add_path(jm.JourneyPath("p-main", "標準ルート", tuple(stage_ids)))
    journey.add_path(jm.JourneyPath("p-fast", "Fast track", (stage_ids[0], stage_ids[1], stage_ids[4]),
                                    "#76b7b2"))
    ideas = [c for c in journey.card_ids() if journey.card(c).kind == jm.CardKind.IDEA]
    pains = [c for c in journey.card_ids() if journey.card(c).kind == jm.CardKind.PAIN_POINT]
    for n, idea in enumerate(ideas[: len(ideas) // 3]):
        if pains:
            journey.add_link(jm.CardLink(f"k{n}", idea, rng.choice(pains)))


def write_map(cards: int, path: str | Path, seed: int = 1) -> Path:
    path = Path(path)
    save_journey(make_map(cards, seed), path)
    return path


def main() -> None:
    if len(sys.argv) != 3:
        sys.exit("usage: mapgen.py CARDS OUT.journey")
    out = write_map(int(sys.argv[1]), sys.argv[2])
    print(f"{out}: {out.stat().st_size / 1024:.0f} KiB")


if __name__ == "__main__":
    main()
