"""A scenario comparison as rows, shared by the PDF comparison page and the Excel "Compare" sheet,
so both list the same things in the same order with the same words (English or Japanese).
Imports model (model.scenarios.compare, compare_text, layout.appearance) only.
"""
from __future__ import annotations

from dataclasses import dataclass

from model.layout.appearance import label_language
from model.scenarios.compare import Comparison
from model.scenarios.compare_text import field_words, kind_label, summary_text

COMPARE_LABELS = {
    "en": {"title": "Compare: {before} → {after}", "summary": "Summary", "kinds": "Cards by kind",
           "kind": "Kind", "before": "Before", "after": "After", "change": "Change",
           "emotions": "Emotion by stage", "stage": "Stage", "curve": "Curve",
           "all_customers": "All customers", "cards": "Card changes", "status": "Status",
           "lane": "Lane", "title_col": "Title", "before_title": "Title before",
           "fields": "What changed", "added": "added", "removed": "removed",
           "changed": "changed", "none": "No card changes.", "chart": "Emotion curves"},
    "ja": {"title": "比較: {before} → {after}", "summary": "概要", "kinds": "種類ごとのカード",
           "kind": "種類", "before": "変更前", "after": "変更後", "change": "差",
           "emotions": "ステージごとの感情", "stage": "ステージ", "curve": "曲線",
           "all_customers": "全顧客", "cards": "カードの変更", "status": "変更",
           "lane": "レーン", "title_col": "タイトル", "before_title": "変更前のタイトル",
           "fields": "変わったところ", "added": "追加", "removed": "削除", "changed": "変更",
           "none": "カードの変更はありません。", "chart": "感情曲線"},
}


@dataclass(frozen=True)
class CompareRows:
    """Everything a comparison page or sheet shows, as text and numbers."""

    language: str
    labels: dict[str, str]
    title: str
    summary: str
    kinds: tuple[tuple[str, int, int, int], ...]  # label, before, after, change
    emotions: tuple[tuple[str, str, float | None, float | None, float | None], ...]  # stage,
    # curve, before, after, change (None where a side has no value)
    cards: tuple[tuple[str, str, str, str, str, str, str], ...]  # status, kind, stage, lane,
    # title, title before, fields
    stage_names: tuple[str, ...]  # the aligned stages, for the chart's axis
    curve_before: tuple[float | None, ...]  # all customers' emotion per aligned stage
    curve_after: tuple[float | None, ...]


def compare_rows(comparison: Comparison, language: str | None = None) -> CompareRows:
    lang = label_language(language or comparison.language)
    labels = COMPARE_LABELS[lang]
    kinds = tuple((kind_label(k, lang), b, a, a - b)
                  for k, b, a in comparison.kind_counts if a or b)
    emotions = tuple((e.stage.name, e.curve_name or labels["all_customers"], e.before, e.after,
                      _delta(e.before, e.after)) for e in comparison.emotions)
    cards = tuple((labels[c.status], kind_label(str(c.card.kind), lang), c.stage.name, c.lane_name,
                   c.card.title, c.before.title if c.status == "changed" else "",
                   field_words(c.fields, lang)) for c in comparison.cards)
    by_stage = {(id(e.stage)): e for e in comparison.emotions if e.curve == ""}
    before = tuple(by_stage[id(p)].before if id(p) in by_stage else None for p in comparison.stages)
    after = tuple(by_stage[id(p)].after if id(p) in by_stage else None for p in comparison.stages)
    title = labels["title"].format(before=comparison.before_name, after=comparison.after_name)
    return CompareRows(lang, labels, title, summary_text(comparison), kinds, emotions, cards,
                       tuple(p.name for p in comparison.stages), before, after)


def _delta(before: float | None, after: float | None) -> float | None:
    if before is None or after is None:
        return None
    return after - before
