"""How each kind of element looks, shared by the canvas and the PDF poster. Pure Python, no Qt.

Colours are sticky-note colours chosen to stay distinct when printed in grey; every kind also has a
marker shape, so moments of truth and pain points stand out without relying on colour. Labels are
the kind names in each supported language (the UI's own strings go through Qt's translator).
"""
from __future__ import annotations

from model.journey.entities import CardKind, LaneKind, TransitionKind

CARD_COLOURS = {
    CardKind.NOTE: "#fff6a8",
    CardKind.TOUCHPOINT: "#bfe3ff",
    CardKind.MOMENT_OF_TRUTH: "#ffd36b",
    CardKind.PAIN_POINT: "#ffb3b3",
    CardKind.IDEA: "#c9f2c0",
    CardKind.MILESTONE: "#e3d4ff",
    CardKind.KPI: "#d9e8e8",
}

# Marker drawn in the card's top-left corner: a shape per kind.
CARD_MARKERS = {
    CardKind.NOTE: "none",
    CardKind.TOUCHPOINT: "circle",
    CardKind.MOMENT_OF_TRUTH: "star",
    CardKind.PAIN_POINT: "bolt",
    CardKind.IDEA: "bulb",
    CardKind.MILESTONE: "flag",
    CardKind.KPI: "bars",
}

# Kinds that get a heavy border as well as a marker: the make-or-break ones.
EMPHASISED_KINDS = {CardKind.MOMENT_OF_TRUTH: "#c77700", CardKind.PAIN_POINT: "#c62828"}

TRANSITION_STYLES = {  # colour, dashed
    TransitionKind.FORWARD: ("#5f6b7a", False),
    TransitionKind.SKIP: ("#2e7d32", True),
    TransitionKind.BACK: ("#b23c17", True),
}

GRID_LINE = "#c9ced6"
HEADER_FILL = "#2f3e4e"
HEADER_TEXT = "#ffffff"
LANE_FILL = "#eef1f5"
CELL_FILL = "#ffffff"
EMOTION_LINE = "#7b3fa0"

CARD_KIND_LABELS = {
    "en": {
        CardKind.NOTE: "Note", CardKind.TOUCHPOINT: "Touchpoint",
        CardKind.MOMENT_OF_TRUTH: "Moment of truth", CardKind.PAIN_POINT: "Pain point",
        CardKind.IDEA: "Idea", CardKind.MILESTONE: "Milestone", CardKind.KPI: "KPI",
    },
    "ja": {
        CardKind.NOTE: "メモ", CardKind.TOUCHPOINT: "タッチポイント",
        CardKind.MOMENT_OF_TRUTH: "真実の瞬間", CardKind.PAIN_POINT: "問題点",
        CardKind.IDEA: "アイディア", CardKind.MILESTONE: "マイルストーン", CardKind.KPI: "指標",
    },
}

LANE_KIND_LABELS = {
    "en": {
        LaneKind.TEXT: "Text", LaneKind.TOUCHPOINTS: "Touchpoints", LaneKind.EMOTION: "Emotion",
        LaneKind.PAIN_POINTS: "Pain points", LaneKind.IDEAS: "Ideas",
        LaneKind.BACKSTAGE: "Backstage", LaneKind.KPIS: "KPIs", LaneKind.ACTIONS: "User actions",
        LaneKind.EXPERIENCES: "User experiences", LaneKind.SERVICES: "Services provided",
        LaneKind.GOALS: "Phase goal",
    },
    "ja": {
        LaneKind.TEXT: "テキスト", LaneKind.TOUCHPOINTS: "タッチポイント", LaneKind.EMOTION: "顧客の感情",
        LaneKind.PAIN_POINTS: "問題点", LaneKind.IDEAS: "アイディア", LaneKind.BACKSTAGE: "バックステージ",
        LaneKind.KPIS: "指標", LaneKind.ACTIONS: "ユーザが実行すること",
        LaneKind.EXPERIENCES: "ユーザが体験すること", LaneKind.SERVICES: "提供ずみのサービス",
        LaneKind.GOALS: "フェーズのゴール",
    },
}

TRANSITION_KIND_LABELS = {
    "en": {TransitionKind.FORWARD: "Forward", TransitionKind.SKIP: "Skip",
           TransitionKind.BACK: "Back"},
    "ja": {TransitionKind.FORWARD: "前進", TransitionKind.SKIP: "スキップ",
           TransitionKind.BACK: "後戻り"},
}


ALL_CUSTOMERS_LABELS = {"en": "All customers", "ja": "全顧客"}


def card_colour(kind: CardKind, colour: str = "") -> str:
    """The fill of a card: its own colour if set, else its kind's."""
    return colour or CARD_COLOURS[CardKind(kind)]


def label_language(language: str) -> str:
    return "ja" if language.lower().startswith("ja") else "en"
