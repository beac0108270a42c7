"""The words importers understand: card kinds, lane kinds guessed from lane names, column headers,
and numbers as people type them (full-width digits, a Unicode minus, ▲ for negative).

Both languages are accepted whatever the map's language: a Japanese team's CSV may carry English
headers, and the other way round. Names are compared after NFKC normalisation and case folding,
so "ＴＩＴＬＥ", "Title " and "title" are one header. Imports the standard library, model.* and
importers.export_format (the exports' own header names, so what we write we can read).
"""
from __future__ import annotations

import math
import re
import unicodedata

from model.journey.entities import EMOTION_MAX, EMOTION_MIN, CardKind, LaneKind
from model.layout.appearance import CARD_KIND_LABELS, LANE_KIND_LABELS

from .export_format import LABELS


def fold(text: str) -> str:
    """A name as compared: NFKC, case-folded, inner whitespace squeezed, ends stripped."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


# ----------------------------------------------------------------------------- card kinds
_KIND_SYNONYMS = {
    CardKind.NOTE: ("note", "メモ", "付箋", "ノート", "text", "テキスト"),
    CardKind.TOUCHPOINT: ("touchpoint", "touch point", "タッチポイント", "接点"),
    CardKind.MOMENT_OF_TRUTH: ("moment of truth", "moment_of_truth", "mot", "真実の瞬間"),
    CardKind.PAIN_POINT: ("pain point", "pain_point", "pain", "ペインポイント", "問題点", "課題",
                          "問題"),
    CardKind.IDEA: ("idea", "アイデア", "アイディア", "改善案"),
    CardKind.MILESTONE: ("milestone", "マイルストーン", "ゴール", "goal"),
    CardKind.KPI: ("kpi", "指標", "metric"),
}
CARD_KIND_NAMES: dict[str, CardKind] = {}
for _kind, _names in _KIND_SYNONYMS.items():
    for _name in (*_names, _kind.value, *(labels[_kind] for labels in CARD_KIND_LABELS.values())):
        CARD_KIND_NAMES[fold(_name)] = _kind


def card_kind(text: str) -> CardKind | None:
    """The kind a cell names, or None when it names none we know."""
    return CARD_KIND_NAMES.get(fold(text))


# ----------------------------------------------------------------------------- lane kinds
# Checked in order: the first pattern found in a lane's name decides. "ユーザが体験すること" must be
# an experience before "すること" makes it an action; "pain point" a pain before "point" matters.
_LANE_PATTERNS = (
    ("emotion", LaneKind.EMOTION, ("emotion", "感情", "気持ち", "feeling", "mood", "満足度")),
    ("pain", LaneKind.PAIN_POINTS, ("pain", "課題", "問題", "ペイン", "不満", "困りごと", "困り事")),
    ("idea", LaneKind.IDEAS, ("idea", "アイデア", "アイディア", "改善", "opportunit", "機会")),
    ("kpi", LaneKind.KPIS, ("kpi", "指標", "metric")),
    ("goal", LaneKind.GOALS, ("goal", "ゴール", "milestone", "マイルストーン", "目標")),
    ("backstage", LaneKind.BACKSTAGE, ("backstage", "バックステージ", "裏側", "社内", "back office")),
    ("experience", LaneKind.EXPERIENCES, ("experience", "体験", "思考", "thought")),
    ("service", LaneKind.SERVICES, ("service", "サービス", "提供")),
    ("touchpoint", LaneKind.TOUCHPOINTS, ("touchpoint", "touch point", "タッチポイント", "接点",
                                          "channel", "チャネル", "チャンネル")),
    ("action", LaneKind.ACTIONS, ("action", "行動", "実行", "アクション", "すること", "doing",
                                  "user does")),
)
_MOMENT_WORDS = ("moment of truth", "moments of truth", "真実の瞬間")
_EXACT_LANE_NAMES = {fold(name): kind for labels in LANE_KIND_LABELS.values()
                     for kind, name in labels.items()}

# The card a note becomes in a lane of each kind.
CARD_KIND_OF_LANE = {
    LaneKind.TOUCHPOINTS: CardKind.TOUCHPOINT, LaneKind.PAIN_POINTS: CardKind.PAIN_POINT,
    LaneKind.IDEAS: CardKind.IDEA, LaneKind.KPIS: CardKind.KPI, LaneKind.GOALS: CardKind.MILESTONE,
}


def guess_lane_kind(name: str) -> LaneKind:
    """A lane's kind from its name; TEXT when nothing in the name says more."""
    folded = fold(name)
    if folded in _EXACT_LANE_NAMES:
        return _EXACT_LANE_NAMES[folded]
    if any(word in folded for word in _MOMENT_WORDS):
        return LaneKind.TEXT
    for _, kind, words in _LANE_PATTERNS:
        if any(word in folded for word in words):
            return kind
    return LaneKind.TEXT


def card_kind_for_lane(name: str, kind: LaneKind) -> CardKind:
    """The kind of a note written in a lane: a moments-of-truth lane holds moments of truth."""
    if any(word in fold(name) for word in _MOMENT_WORDS):
        return CardKind.MOMENT_OF_TRUTH
    return CARD_KIND_OF_LANE.get(kind, CardKind.NOTE)


# ----------------------------------------------------------------------------- column headers
# field -> the header names accepted for it (besides the exports' own labels, added below).
_HEADER_SYNONYMS = {
    "id": ("id", "card id", "カードid"),
    "stage": ("stage", "phase", "ステージ", "フェーズ", "段階"),
    "lane": ("lane", "row", "レーン", "行", "項目"),
    "kind": ("kind", "type", "card kind", "種類", "種別", "カード種類", "タイプ"),
    "title": ("title", "card", "note", "text", "タイトル", "カード", "内容", "付箋", "メモ", "見出し"),
    "details": ("details", "description", "detail", "詳細", "説明", "補足"),
    "channel": ("channel", "チャネル", "チャンネル"),
    "owner": ("owner", "担当", "担当者", "オーナー"),
    "segments": ("segments", "segment", "セグメント"),
    "votes": ("votes", "vote", "dots", "投票", "投票数", "票数"),
    "feeling": ("feeling", "customer feels", "顧客の気持ち", "気持ち"),
    "stakes": ("stakes", "at stake", "懸かっていること"),
    "actions": ("actions", "team actions", "team_actions", "チームの行動"),
    "order": ("order", "順序", "順番"),
}
# The Cards sheet's label keys whose field has another name in the model.
_LABEL_FIELDS = {"team_actions": "actions", "number": "number", "addresses": "addresses",
                 "addressed_by": "addressed_by"}
HEADER_FIELDS: dict[str, str] = {}
for _field, _names in _HEADER_SYNONYMS.items():
    for _name in (*_names, *(labels.get(_field, "") for labels in LABELS.values())):
        if _name:
            HEADER_FIELDS[fold(_name)] = _field
for _key, _field in _LABEL_FIELDS.items():
    for _labels in LABELS.values():
        HEADER_FIELDS[fold(_labels[_key])] = _field
for _labels in LABELS.values():
    HEADER_FIELDS[fold(_labels["team_actions"])] = "actions"


def header_field(text: str) -> str | None:
    """The card field a column header names, or None."""
    return HEADER_FIELDS.get(fold(text))


def label_names(key: str) -> set[str]:
    """The folded names of one export label in every language ("overview" -> {"overview", ...})."""
    return {fold(labels[key]) for labels in LABELS.values()}


# ----------------------------------------------------------------------------- numbers
_NUMBER_RE = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def parse_number(text: str) -> float | None:
    """'+1', '−2', '▲1', '４', '1.5' -> a float; None when the text is not just a number."""
    cleaned = unicodedata.normalize("NFKC", text).strip().replace("\u2212", "-")
    if cleaned.startswith(("▲", "△")):
        cleaned = "-" + cleaned[1:].strip()
    if not _NUMBER_RE.fullmatch(cleaned):
        return None
    value = float(cleaned)
    return value if math.isfinite(value) else None


def parse_count(text: str) -> int | None:
    """A whole number ≥ 0 ('12', '１２', '3.0'); exact for any size when written as digits."""
    cleaned = unicodedata.normalize("NFKC", text).strip().lstrip("+")
    if cleaned.isascii() and cleaned.isdigit():
        return int(cleaned)
    value = parse_number(cleaned)
    return int(value) if value is not None and value >= 0 and value.is_integer() else None


def clamp_emotion(value: float) -> float:
    return min(EMOTION_MAX, max(EMOTION_MIN, value))


def whole(value: float) -> float | int:
    """3.0 -> 3, so a value keeps the type a person would write."""
    return int(value) if float(value).is_integer() else value
