"""Maps for the exporter tests: a small Japanese map built in code, with hostile text where a test
asks for it. Imported by conftest.py and by the tests (pytest puts this folder on sys.path)."""
from __future__ import annotations

from model import (
    Card,
    CardKind,
    CardLink,
    ExitCriterion,
    JourneyMap,
    JourneyPath,
    Lane,
    LaneKind,
    Segment,
    Stage,
    Transition,
    TransitionKind,
)
from resources import TEMPLATES_DIR

TEMPLATE = TEMPLATES_DIR / "saas-cs-lifecycle.ja.journey"
# Templates with segments, journey paths and card links, in both languages.
LINKED_TEMPLATES = ("saas-customer-journey.ja", "saas-customer-journey.en", "saas-cs-lifecycle.en")


def build_map(titles: dict[str, str] | None = None, stages: int = 3, language: str = "ja",
              cards_per_cell: int = 1) -> JourneyMap:
    """Stages × 4 lanes (one an emotion lane), one card of each kind per stage, all transitions.

    ``titles`` overrides the title of cards by id, for hostile-text tests.
    """
    journey = JourneyMap("オンボーディング改善マップ", language, "ワークショップの記録")
    journey.add_segment(Segment("seg-smb", "SMB顧客", "#59a14f"))
    for i in range(stages):
        journey.add_stage(Stage(
            f"s{i}", f"ステージ{i}「導入」", f"概要{i}: 顧客が小さな成功を体感する",
            (ExitCriterion(f"基本機能を理解{i}", f"利用率 {70 + i}%以上"),),
            {"": float(i % 3 - 1), "seg-smb": -1.0}))
    for lane_id, name, kind in (("l-touch", "タッチポイント", LaneKind.TOUCHPOINTS),
                                ("l-mot", "真実の瞬間", LaneKind.TEXT),
                                ("l-emo", "顧客の感情", LaneKind.EMOTION),
                                ("l-pain", "問題点", LaneKind.PAIN_POINTS)):
        journey.add_lane(Lane(lane_id, name, kind))
    for i in range(stages):
        for n in range(cards_per_cell):
            _add_cards(journey, i, n, titles or {})
    for i in range(stages - 1):
        journey.add_transition(Transition(f"t{i}", f"s{i}", f"s{i + 1}", TransitionKind.FORWARD,
                                          f"トリガー{i}", 0.5))
    if stages > 2:
        journey.add_transition(Transition("t-skip", "s0", "s2", TransitionKind.SKIP, "紹介"))
        journey.add_transition(Transition("t-back", "s2", "s1", TransitionKind.BACK, "再活用"))
    return journey


def _add_cards(journey: JourneyMap, i: int, n: int, titles: dict[str, str]) -> None:
    suffix = f"{i}" if n == 0 else f"{i}-{n}"
    specs = (("tp", CardKind.TOUCHPOINT, "l-touch", f"チャットサポート{suffix}"),
             ("idea", CardKind.IDEA, "l-touch", f"引継ぎシート{suffix}"),
             ("mot", CardKind.MOMENT_OF_TRUTH, "l-mot", f"キックオフ{suffix}"),
             ("ms", CardKind.MILESTONE, "l-mot", f"完了{suffix}"),
             ("kpi", CardKind.KPI, "l-mot", f"NPS{suffix}"),
             ("note", CardKind.NOTE, "l-mot", f"メモ{suffix}"),
             ("pain", CardKind.PAIN_POINT, "l-pain", f"同じ説明を何度も{suffix}"))
    for prefix, kind, lane, title in specs:
        card_id = f"{prefix}{suffix}"
        journey.add_card(Card(
            card_id, kind, titles.get(card_id, title), details=f"詳細 {title}", channel="チャット",
            owner="CSM", segments=("seg-smb",) if kind == CardKind.TOUCHPOINT else (), votes=i,
            feeling="不安" if kind == CardKind.MOMENT_OF_TRUTH else "",
            stakes="信頼" if kind == CardKind.MOMENT_OF_TRUTH else "",
            actions="議事録を送る" if kind == CardKind.MOMENT_OF_TRUTH else ""), f"s{i}", lane)




def add_paths_and_links(journey: JourneyMap, names: dict[str, str] | None = None) -> JourneyMap:
    """A second segment, two paths (one skipping s1) and links on a build_map() map (3 stages).

    ``names`` overrides the names of "seg-ent", "p-main" and "p-skip", for hostile-text tests.
    """
    names = names or {}
    journey.add_segment(Segment("seg-ent", names.get("seg-ent", "大企業"), "#1f3a5f"))
    journey.update_card("mot0", segments=("seg-smb", "seg-ent"))
    journey.add_path(JourneyPath("p-main", names.get("p-main", "標準ルート"), ("s0", "s1", "s2"),
                                 "#e15759"))
    journey.add_path(JourneyPath("p-skip", names.get("p-skip", "紹介ルート"), ("s0", "s2"),
                                 "#b07aa1"))
    # Two ideas address pain0 (one from another stage); idea1 addresses two pain points.
    journey.add_link(CardLink("k1", "idea0", "pain0"))
    journey.add_link(CardLink("k2", "idea1", "pain0"))
    journey.add_link(CardLink("k3", "idea1", "pain1"))
    return journey


def workshop_map(cards: int):
    """A realistic generated map (benchmarks/mapgen.py: 8-12 stages, 6-8 lanes, segments, paths)."""
    import importlib.util
    from pathlib import Path

    source = Path(__file__).resolve().parents[2] / "benchmarks" / "mapgen.py"
    spec = importlib.util.spec_from_file_location("mapgen", source)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.make_map(cards)
