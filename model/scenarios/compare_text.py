"""A Comparison in words (English or Japanese, the language of the map compared to) and as plain
data (``compare --json``). The summary reads like the issue's example: "As-is → To-be: +7 ideas,
−3 pain points, emotion at 契約更新 −1 → +1"; Japanese: "現状 → あるべき姿: アイディア +7、
問題点 −3、契約更新の感情 −1 → +1". Pure; imports model.layout.appearance (kind labels) and
model.scenarios.compare.
"""
from __future__ import annotations

from typing import Any

from model.journey.entities import CardKind
from model.layout.appearance import CARD_KIND_LABELS, label_language
from model.scenarios.compare import CardChange, Comparison, EmotionChange

MINUS = "\u2212"  # a real minus sign: "−3", as a person writes it
PLURALS = {"note": "notes", "touchpoint": "touchpoints", "moment_of_truth": "moments of truth",
           "pain_point": "pain points", "idea": "ideas", "milestone": "milestones",
           "kpi": "KPIs"}
FIELD_WORDS_JA = {"title": "タイトル", "details": "詳細", "kind": "種類", "channel": "チャネル",
                  "owner": "担当", "colour": "色", "segments": "セグメント", "feeling": "感情",
                  "stakes": "懸かっていること", "actions": "すべきこと", "stage": "ステージ",
                  "lane": "レーン"}
WORDS = {
    "en": {"none": "no differences", "sep": ", ", "stage_added": "stage added: {name}",
           "stage_removed": "stage removed: {name}",
           "stage_renamed": "stage renamed: {old} → {new}",
           "added": "Cards added ({count}):", "removed": "Cards removed ({count}):",
           "changed": "Cards changed ({count}):", "emotions": "Emotion by stage:"},
    "ja": {"none": "差分なし", "sep": "、", "stage_added": "ステージ追加: {name}",
           "stage_removed": "ステージ削除: {name}",
           "stage_renamed": "ステージ名変更: {old} → {new}",
           "added": "追加されたカード ({count}):", "removed": "削除されたカード ({count}):",
           "changed": "変更されたカード ({count}):", "emotions": "ステージごとの感情:"},
}


def signed(value: float | None) -> str:
    """+1, −1, 0, +0.5; "–" for no value."""
    if value is None:
        return "–"
    text = f"{abs(value):g}"
    if value > 0:
        return f"+{text}"
    return f"{MINUS}{text}" if value < 0 else "0"


def summary_text(comparison: Comparison) -> str:
    """One line: the names, the kinds' net counts, the emotions changed, the stages changed."""
    language = label_language(comparison.language)
    words = WORDS[language]
    parts = _kind_parts(comparison, language) + _emotion_parts(comparison, language)
    parts += _stage_parts(comparison, language)
    if not parts:  # the counts and emotions are even, yet cards may differ: never "no differences"
        parts = _card_status_parts(comparison, language)
    head = f"{comparison.before_name} → {comparison.after_name}: "
    return head + (words["sep"].join(parts) if parts else words["none"])


def _card_status_parts(comparison: Comparison, language: str) -> list[str]:
    """"1 card added, 1 removed, 2 changed" / "カード追加 1、削除 1、変更 2" (the non-zero ones)."""
    counts = [(status, len(comparison.of_status(status)))
              for status in ("added", "removed", "changed")]
    counts = [(status, count) for status, count in counts if count]
    if not counts:
        return []
    if language == "ja":
        names = {"added": "追加", "removed": "削除", "changed": "変更"}
        return ["カード" + "、".join(f"{names[status]} {count}" for status, count in counts)]
    first_status, first = counts[0]
    head = f"{first} card{'s' if first != 1 else ''} {first_status}"
    return [head] + [f"{count} {status}" for status, count in counts[1:]]


def _kind_parts(comparison: Comparison, language: str) -> list[str]:
    parts = []
    for kind, before, after in comparison.kind_counts:
        change = after - before
        if change:
            parts.append(_kind_count(kind, change, language))
    return parts


def _kind_count(kind: str, change: int, language: str) -> str:
    if language == "ja":
        return f"{CARD_KIND_LABELS['ja'][CardKind(kind)]} {signed(change)}"
    label = PLURALS[kind] if abs(change) != 1 else CARD_KIND_LABELS["en"][CardKind(kind)].lower()
    if kind == "kpi" and abs(change) == 1:
        label = "KPI"
    return f"{signed(change)} {label}"


def emotion_words(change: EmotionChange, language: str) -> str:
    """'emotion at 契約更新 −1 → +1' / '契約更新の感情 −1 → +1' (with the segment if any)."""
    values = f"{signed(change.before)} → {signed(change.after)}"
    stage = change.stage.name
    if language == "ja":
        who = f"{change.curve_name}の" if change.curve else ""
        return f"{who}{stage}の感情 {values}"
    who = f" of {change.curve_name}" if change.curve else ""
    return f"emotion{who} at {stage} {values}"


def _emotion_parts(comparison: Comparison, language: str) -> list[str]:
    # Only stages on both sides: an added or removed stage is said once, as a stage.
    return [emotion_words(e, language) for e in comparison.emotion_changes()
            if e.stage.before_id is not None and e.stage.after_id is not None]


def _stage_parts(comparison: Comparison, language: str) -> list[str]:
    words, parts = WORDS[language], []
    for pair in comparison.stages:
        if pair.before_id is None:
            parts.append(words["stage_added"].format(name=pair.after_name))
        elif pair.after_id is None:
            parts.append(words["stage_removed"].format(name=pair.before_name))
        elif pair.before_name != pair.after_name:
            parts.append(words["stage_renamed"].format(old=pair.before_name, new=pair.after_name))
    return parts


def kind_label(kind: str, language: str) -> str:
    return CARD_KIND_LABELS[label_language(language)][CardKind(kind)]


def field_words(fields: tuple[str, ...], language: str) -> str:
    if label_language(language) == "ja":
        return "、".join(FIELD_WORDS_JA.get(f, f) for f in fields)
    return ", ".join(fields)


def change_line(change: CardChange, language: str) -> str:
    """'+ [Idea] Renewal / Ideas: Call 120 days ahead' ('~ ... (title, stage)' when changed)."""
    mark = {"added": "+", "removed": MINUS, "changed": "~"}[change.status]
    card = change.card
    line = (f"{mark} [{kind_label(str(card.kind), language)}] {change.stage.name} / "
            f"{change.lane_name}: {card.title}")
    if change.status == "changed":
        if change.before.title != card.title:
            line = line[:-len(card.title)] + f"{change.before.title} → {card.title}"
        line += f" ({field_words(change.fields, language)})"
    return line


def detail_lines(comparison: Comparison) -> list[str]:
    """The summary, then the cards added, removed and changed, one per line."""
    language = label_language(comparison.language)
    lines = [summary_text(comparison)]
    for status in ("added", "removed", "changed"):
        changes = comparison.of_status(status)
        if changes:
            lines.append(WORDS[language][status].format(count=len(changes)))
            lines += [f"  {change_line(c, language)}" for c in changes]
    return lines


def comparison_data(comparison: Comparison) -> dict[str, Any]:
    """Plain data for ``compare --json``."""
    return {
        "from": comparison.before_name, "to": comparison.after_name,
        "summary": summary_text(comparison),
        "kinds": [{"kind": k, "before": b, "after": a, "change": a - b}
                  for k, b, a in comparison.kind_counts],
        "stages": [{"before_id": p.before_id, "after_id": p.after_id, "before_name": p.before_name,
                    "after_name": p.after_name, "matched_by": p.matched_by}
                   for p in comparison.stages],
        "emotions": [{"stage": e.stage.name, "stage_before_id": e.stage.before_id,
                      "stage_after_id": e.stage.after_id, "curve": e.curve,
                      "curve_name": e.curve_name, "before": e.before, "after": e.after}
                     for e in comparison.emotions],
        "cards": {status: [_card_data(c) for c in comparison.of_status(status)]
                  for status in ("added", "removed", "changed")},
    }


def _card_data(change: CardChange) -> dict[str, Any]:
    data = {"id": change.card.id, "kind": str(change.card.kind), "title": change.card.title,
            "stage": change.stage.name, "lane": change.lane_name}
    if change.status == "changed":
        data.update(before_id=change.before.id, before_title=change.before.title,
                    fields=list(change.fields), matched_by=change.matched_by)
    return data
