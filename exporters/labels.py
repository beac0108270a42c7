"""Headings and column names of the exports, in each supported language. Pure data.

The exports speak the map's language (or the one the user asks for), not the UI's: a Japanese team
shares a Japanese poster even from an English desktop. Imports model.layout.appearance only.
"""
from __future__ import annotations

from collections.abc import Mapping

from model.layout.appearance import label_language

LABELS: dict[str, dict[str, str]] = {
    "en": {
        "map": "Map", "overview": "Overview", "exit_criteria": "Exit criteria",
        "criterion": "Milestone", "kpi_target": "KPI target",
        "moments_of_truth": "Moments of truth", "pain_points": "Pain points",
        "other_cards": "Cards", "feeling": "Customer feels", "stakes": "At stake",
        "team_actions": "Team actions", "details": "Details", "channel": "Channel",
        "owner": "Owner", "segments": "Segments", "votes": "Votes", "stage": "Stage",
        "lane": "Lane", "kind": "Kind", "title": "Title", "order": "Order", "number": "No.",
        "emotions": "Emotions", "all_customers": "All customers", "transitions": "Transitions",
        "from": "From", "to": "To", "trigger": "Trigger", "conversion_rate": "Conversion rate",
        "name": "Name", "none": "(none)", "tile": "row {row} / col {col}",
        "tile_of": "of {rows} × {cols} pages", "page": "Page {page}", "subject": "Customer journey map",
        "author": "Journey Map Editor", "lanes_stages": "Lane \\ Stage",
        "list_sep": ", ", "field_sep": " · ",
        "segments_paths": "Segments & paths", "paths": "Journey paths", "route": "Route",
        "stops": "Stops", "colour": "Colour", "tagged_cards": "Tagged cards",
        "tagged_count": "tagged cards: {count}", "addresses": "Addresses",
        "addressed_by": "Addressed by", "ideas": "Ideas", "no_transition": "no transition",
        "more": "… and {count} more (see \"Segments & paths\")",
        "kinds": "Card kinds", "overview_page": "Overview",
        "page_line": "Page {key}: row {row} / column {col} of {rows} × {cols} pages",
        "above": "the page above is {key}",
        "overview_line": "{rows} × {cols} pages, {first} to {last}: cut at the crop marks and glue "
                         "each page over its neighbour's dashed overlap",
        **{  # the workshop's (issue 14)
            "comments": "Comments", "comment": "Comment", "parking_lot": "Parking lot",
            "written_by": "Author", "time": "Time", "resolved": "Resolved", "reply_to": "Reply to",
            "card": "Card", "votes_of": "Votes: {name}", "text": "Text", "yes": "Yes", "no": "No",
            "participants": "Participants", "record": "Workshop record", "date": "Date",
            "duration": "Duration", "minutes": "{count} min", "ranking": "Vote ranking",
            "rank": "Rank", "nothing": "None.", "anonymous": "Anonymous vote: totals only.",
            "vote_rules": "{dots} dots per participant", "replies": "Replies", "dot_count": "dots",
        },
    },
    "ja": {
        "map": "マップ", "overview": "ステージの概要", "exit_criteria": "フェーズのゴール(マイルストーン)",
        "criterion": "マイルストーン", "kpi_target": "指標の目標",
        "moments_of_truth": "真実の瞬間", "pain_points": "問題点", "other_cards": "カード",
        "feeling": "顧客の気持ち", "stakes": "懸かっていること", "team_actions": "チームの行動",
        "details": "詳細", "channel": "チャネル", "owner": "担当", "segments": "セグメント",
        "votes": "投票", "stage": "ステージ", "lane": "レーン", "kind": "種類", "title": "タイトル",
        "order": "順序", "number": "番号", "emotions": "顧客の感情", "all_customers": "全顧客",
        "transitions": "ステージ間の移動", "from": "移動元", "to": "移動先", "trigger": "トリガー",
        "conversion_rate": "コンバージョン率", "name": "名前", "none": "(なし)",
        "tile": "{row}行目 / {col}列目", "tile_of": "全 {rows} × {cols} ページ", "page": "{page} ページ",
        "subject": "カスタマージャーニーマップ", "author": "Journey Map Editor",
        "lanes_stages": "レーン \\ ステージ", "list_sep": "、", "field_sep": " ・ ",
        "segments_paths": "セグメントとジャーニーパス", "paths": "ジャーニーパス", "route": "経路",
        "stops": "経由ステージ数", "colour": "色", "tagged_cards": "タグ付きカード数",
        "tagged_count": "タグ付きカード {count} 枚", "addresses": "対応する問題点",
        "addressed_by": "対応するアイディア", "ideas": "対応するアイディア",
        "no_transition": "移動の定義なし", "more": "… ほか {count} 件(「セグメントとジャーニーパス」を参照)",
        "kinds": "カードの種類", "overview_page": "全体図",
        "page_line": "{key} ページ:全 {rows} 行 × {cols} 列の {row} 行目 / {col} 列目",
        "above": "上は {key} ページ",
        "overview_line": "全 {rows} × {cols} ページ({first}〜{last}):トンボで切り、"
                         "点線ののりしろに隣のページを重ねて貼ります",
        **{  # the workshop's (issue 14)
            "comments": "コメント", "comment": "コメント", "parking_lot": "パーキングロット",
            "written_by": "投稿者", "time": "日時", "resolved": "解決済み", "reply_to": "返信先",
            "card": "カード", "votes_of": "投票: {name}", "text": "内容", "yes": "はい",
            "no": "いいえ", "participants": "参加者", "record": "ワークショップ記録",
            "date": "日付", "duration": "所要時間", "minutes": "{count} 分",
            "ranking": "投票結果", "rank": "順位", "nothing": "なし。",
            "anonymous": "匿名投票(合計のみ)。", "vote_rules": "1人 {dots} 票",
            "replies": "返信", "dot_count": "票",
        },
    },
}


def labels_for(language: str) -> Mapping[str, str]:
    """The label table for a map language ("ja", "ja-JP", "en", ...); English for anything else."""
    return LABELS[label_language(language or "en")]
