"""Hypothesis strategies for journey maps; other tests reuse ``journey_maps()``. Qt-free.

The maps are built through the model's own mutators, so every generated map is one the editor
could hold: every element kind, every lane/card/transition kind, Japanese and hostile text, ids that
clash with the model's internal edge names, and unknown fields ("extra") everywhere.
"""
from __future__ import annotations

from hypothesis import strategies as st

from model import (
    ALL_CUSTOMERS,
    Card,
    CardKind,
    CardLink,
    ExitCriterion,
    JourneyMap,
    JourneyPath,
    Lane,
    LaneKind,
    LinkKind,
    Segment,
    Stage,
    Transition,
    TransitionKind,
)
from model.journey.plain_data import _KNOWN  # the fields each element knows; extras must avoid them

JAPANESE = ["導入", "積極活用", "契約更新", "契約拡大", "愛着", "真実の瞬間", "チャットサポート",
            "初期設定マニュアル", "ペインポイント", "アイディア", "𠮷野家", "ｶﾀｶﾅ", "NPS≥40"]
HOSTILE = ["", " ", '"', "\\", "\\u0000", "\x00", "\n\r\t", "\u202e", "\ufeff", "\u2028",
           "</script>", "{}", "[]", "null", "NaN", "Infinity", "🙂👍🏽", "e\u0301", "\U0010ffff",
           "' OR 1=1 --", "${x}", "%s%n"]
# Ids that match the model's edge keys and kinds must still round-trip.
TRICKY_IDS = ["tagged", "in_cell", "of_stage", "of_lane", "link", "transition", "step", "step:0",
              "cell", "card", "stage", "0", "-1", "__proto__", "id with spaces", "導入"]

_chars = st.characters(blacklist_categories=("Cs",))  # lone surrogates are not text
texts = st.one_of(st.text(_chars, max_size=30), st.sampled_from(JAPANESE + HOSTILE),
                  st.lists(st.sampled_from(JAPANESE + HOSTILE), max_size=4).map("".join))
ids = st.one_of(st.sampled_from(TRICKY_IDS), st.text(_chars, min_size=1, max_size=64),
                st.from_regex(r"[a-z]{1,3}-[0-9]{1,4}", fullmatch=True))
colours = st.from_regex(r"#[0-9a-fA-F]{6}", fullmatch=True)
emotions_values = st.one_of(st.integers(-2, 2), st.floats(-2, 2, allow_nan=False))

json_scalars = st.one_of(st.none(), st.booleans(), st.integers(-10**30, 10**30),
                         st.floats(allow_nan=False, allow_infinity=False), texts)
json_values = st.recursive(
    json_scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=3),
                            st.dictionaries(texts, inner, max_size=3)),
    max_leaves=8)


def extras(kind: str) -> st.SearchStrategy[dict]:
    """Unknown fields for an element of ``kind`` (a key of serialize._KNOWN)."""
    keys = st.one_of(st.text(_chars, max_size=12), st.sampled_from(["x-note", "未来", "_rev"]))
    return st.dictionaries(keys.filter(lambda k: k not in _KNOWN[kind]), json_values, max_size=2)


def _ids(draw, count: int, used: set[str]) -> list[str]:
    result = draw(st.lists(ids.filter(lambda i: i not in used), min_size=count, max_size=count,
                           unique=True))
    used.update(result)
    return result


def _segment(draw, segment_id: str) -> Segment:
    return Segment(segment_id, draw(texts), draw(colours), draw(extras("segment")))


def _stage(draw, stage_id: str, segment_ids: list[str]) -> Stage:
    criteria = draw(st.lists(st.builds(ExitCriterion, texts, texts), max_size=3))
    keys = st.sampled_from([ALL_CUSTOMERS, *segment_ids])
    emotions = draw(st.dictionaries(keys, emotions_values, max_size=3))
    return Stage(stage_id, draw(texts), draw(texts), tuple(criteria), emotions,
                 draw(extras("stage")))


def _card(draw, card_id: str, segment_ids: list[str]) -> Card:
    kind = draw(st.sampled_from(list(CardKind)))
    truth = kind is CardKind.MOMENT_OF_TRUTH
    segments = draw(st.lists(st.sampled_from(segment_ids), unique=True)) if segment_ids else []
    return Card(card_id, kind, draw(texts), draw(texts), draw(texts), draw(texts),
                draw(st.one_of(st.just(""), colours)), tuple(segments),
                draw(st.one_of(st.integers(0, 20), st.integers(0, 10**18))),
                draw(texts) if truth else "", draw(texts) if truth else "",
                draw(texts) if truth else "", draw(extras("card")))


def _transitions(draw, stage_ids: list[str], used: set[str]) -> list[Transition]:
    if len(stage_ids) < 2:
        return []
    count = draw(st.integers(0, 4))
    pairs = st.lists(st.sampled_from(stage_ids), min_size=2, max_size=2, unique=True)
    rates = st.one_of(st.none(), st.floats(0, 1), st.sampled_from([0, 1]))
    return [Transition(tid, *draw(pairs), draw(st.sampled_from(list(TransitionKind))),
                       draw(texts), draw(rates), draw(extras("transition")))
            for tid in _ids(draw, count, used)]


def _paths(draw, stage_ids: list[str], used: set[str]) -> list[JourneyPath]:
    route = st.lists(st.sampled_from(stage_ids), max_size=6) if stage_ids else st.just([])
    return [JourneyPath(pid, draw(texts), tuple(draw(route)), draw(colours), draw(extras("path")))
            for pid in _ids(draw, draw(st.integers(0, 3)), used)]


def _links(draw, card_ids: list[str], used: set[str]) -> list[CardLink]:
    if len(card_ids) < 2:
        return []
    pairs = st.lists(st.sampled_from(card_ids), min_size=2, max_size=2, unique=True)
    return [CardLink(lid, *draw(pairs), LinkKind.ADDRESSES, draw(extras("link")))
            for lid in _ids(draw, draw(st.integers(0, 4)), used)]


@st.composite
def _journey_map(draw) -> JourneyMap:
    used: set[str] = set()
    language = st.one_of(st.sampled_from(["ja", "en", "en-GB"]), texts)
    extra = {"top": draw(extras("top")), "map": draw(extras("map"))}
    journey = JourneyMap(draw(texts), draw(language), draw(texts), extra=extra)
    segment_ids = _ids(draw, draw(st.integers(0, 3)), used)
    for segment_id in segment_ids:
        journey.add_segment(_segment(draw, segment_id))
    stage_ids = _ids(draw, draw(st.integers(0, 5)), used)
    for stage_id in stage_ids:
        journey.add_stage(_stage(draw, stage_id, segment_ids))
    lane_ids = _ids(draw, draw(st.integers(0, len(LaneKind))), used)
    for lane_id in lane_ids:
        journey.add_lane(Lane(lane_id, draw(texts), draw(st.sampled_from(list(LaneKind))),
                              draw(extras("lane"))))
    card_ids = _ids(draw, draw(st.integers(0, 12)) if stage_ids and lane_ids else 0, used)
    for card_id in card_ids:
        journey.add_card(_card(draw, card_id, segment_ids), draw(st.sampled_from(stage_ids)),
                         draw(st.sampled_from(lane_ids)), draw(st.sampled_from([None, 0])))
    for transition in _transitions(draw, stage_ids, used):
        journey.add_transition(transition)
    for path in _paths(draw, stage_ids, used):
        journey.add_path(path)
    for link in _links(draw, card_ids, used):
        journey.add_link(link)
    return journey


def journey_maps() -> st.SearchStrategy[JourneyMap]:
    """Random valid JourneyMaps built through the model's mutators."""
    return _journey_map()
