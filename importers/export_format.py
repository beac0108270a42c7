"""What our exports write, as the importers read it back: header names, kind marks, the route
arrow, how an emotion is shown, the characters a workbook cannot hold, the CSV formula guard,
the workshop's sheets and per-participant votes columns.

Importers may not import exporters (dependencies point one way: tests/test_architecture.py), so
this is the format's contract written down on the reading side; tests/importers/
test_export_contract.py checks that it still matches what the exporters write, so the two
cannot drift apart silently. Imports the standard library and model.* only.
"""
from __future__ import annotations

import re

from model.journey.entities import CardKind

# The exports' header and heading labels the importers need, per language.
LABELS = {
    "en": {
        "number": "No.", "stage": "Stage", "lane": "Lane", "kind": "Kind", "title": "Title",
        "details": "Details", "channel": "Channel", "owner": "Owner", "segments": "Segments",
        "votes": "Votes", "order": "Order", "feeling": "Customer feels", "stakes": "At stake",
        "team_actions": "Team actions", "addresses": "Addresses", "addressed_by": "Addressed by",
        "name": "Name", "overview": "Overview", "exit_criteria": "Exit criteria",
        "kpi_target": "KPI target", "emotions": "Emotions", "from": "From", "to": "To",
        "trigger": "Trigger", "conversion_rate": "Conversion rate", "colour": "Colour",
        "route": "Route", "stops": "Stops", "tagged_cards": "Tagged cards",
        "all_customers": "All customers", "lanes_stages": "Lane \\ Stage",
        # the workshop's (issue 14): a votes column per participant on Cards, two more sheets
        "votes_of": "Votes: {name}", "comment": "Comment", "written_by": "Author", "time": "Time",
        "reply_to": "Reply to", "resolved": "Resolved", "card": "Card", "text": "Text",
    },
    "ja": {
        "number": "番号", "stage": "ステージ", "lane": "レーン", "kind": "種類", "title": "タイトル",
        "details": "詳細", "channel": "チャネル", "owner": "担当", "segments": "セグメント",
        "votes": "投票", "order": "順序", "feeling": "顧客の気持ち", "stakes": "懸かっていること",
        "team_actions": "チームの行動", "addresses": "対応する問題点",
        "addressed_by": "対応するアイディア", "name": "名前", "overview": "ステージの概要",
        "exit_criteria": "フェーズのゴール(マイルストーン)", "kpi_target": "指標の目標",
        "emotions": "顧客の感情", "from": "移動元", "to": "移動先", "trigger": "トリガー",
        "conversion_rate": "コンバージョン率", "colour": "色", "route": "経路",
        "stops": "経由ステージ数", "tagged_cards": "タグ付きカード数", "all_customers": "全顧客",
        "lanes_stages": "レーン \\ ステージ",
        "votes_of": "投票: {name}", "comment": "コメント", "written_by": "投稿者", "time": "日時",
        "reply_to": "返信先", "resolved": "解決済み", "card": "カード", "text": "内容",
    },
}

# One glyph per kind in a spreadsheet cell of the Map sheet, "● title"; workbooks exported
# before issue 11 used the legacy marks.
KIND_MARKS = {
    CardKind.NOTE: "・", CardKind.TOUCHPOINT: "●", CardKind.MOMENT_OF_TRUTH: "★",
    CardKind.PAIN_POINT: "▲", CardKind.IDEA: "◆", CardKind.MILESTONE: "■", CardKind.KPI: "◎",
}
LEGACY_KIND_MARKS = {
    CardKind.PAIN_POINT: "⚡", CardKind.IDEA: "💡", CardKind.MILESTONE: "⚑", CardKind.KPI: "▮",
}
ROUTE_ARROW = " → "
# Sheets the workbook has after the ones the importer reads (issue 14); read by no importer yet.
WORKSHOP_SHEETS = ("Comments", "Parking lot")
CELL_LIMIT = 32_767  # Excel's maximum characters in one cell
# Characters XML 1.0 forbids: the workbook export drops them.
FORBIDDEN_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_CR_RE = re.compile("\r\n?")

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_GUARDED = FORMULA_STARTS + ("'",)
SEGMENT_SEPARATORS = (",", "、", ";")


def labels_for(language: str) -> dict[str, str]:
    return LABELS["ja" if language.lower().startswith("ja") else "en"]


def is_participant_votes(header: str, language: str) -> bool:
    """Whether a Cards header is a participant's votes column ("Votes: Ana"): the named part of
    the Votes total, which the total already holds (an importer reading the total loses no
    vote; the names stay in the map the workbook was exported from)."""
    prefix = labels_for(language)["votes_of"].split("{name}")[0]
    return header.startswith(prefix) and len(header) > len(prefix)


def format_emotion(value: float) -> str:
    """+1, -0.5, 0: as the exports show an emotion value."""
    return "0" if value == 0 else f"{value:+g}"


def as_written(text: str) -> str:
    """The text a workbook cell holds for ``text``: no characters XML forbids, at most a cell's
    length (the export's cleaning)."""
    return FORBIDDEN_RE.sub("", text)[:CELL_LIMIT] if text else ""


def as_shown(text: str) -> str:
    """``as_written`` with CR or CR LF as LF: XML's line-end rule turns a raw CR into LF when a
    cell is read back, unless the writer escaped it (openpyxl does so for some cells, LibreOffice
    for none), so a reader may get either form."""
    return _CR_RE.sub("\n", as_written(text))


def shows(cell: str, text: str) -> bool:
    """Whether a cell read back from a workbook shows ``text`` unchanged."""
    return cell == as_written(text) or cell == as_shown(text)


def unguard_formula(text: str) -> str:
    """The CSV export writes "'=SUM(A1)" for "=SUM(A1)" (and "''x" for "'x"): undo that."""
    return text[1:] if text.startswith("'") and text[1:].startswith(_GUARDED) else text
