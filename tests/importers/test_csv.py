"""CSV of cards as Japanese Excel and hand-written files make them: CP932 and UTF-8 with BOM,
Japanese headers, kinds by name, bad rows reported by row number, and the round trip through
our own CSV export."""
from __future__ import annotations

import pytest

from exporters.csv_export import export_csv
from importers import ImportFileError, guess_format, import_file
from model.fileformat import load_journey
from resources import TEMPLATES_DIR
from tests.importers.helpers import check_summary

JAPANESE_CSV = (
    "ステージ,レーン,種類,タイトル,詳細,担当,セグメント,投票\r\n"
    "導入,タッチポイント,,チャットサポート,機能の質問にすぐ答える,サポート,\"SMB, 中堅\",2\r\n"
    "導入,問題点,,同じ説明を何度も,,,,\r\n"
    "積極活用,タッチポイント,,他社のサクセス事例,,CSM,エンタープライズ,0\r\n"
    "積極活用,アイディア,アイデア,利用状況に合わせた事例配信,\"改行を\n含む詳細\",,,5\r\n"
    ",,,,,,,\r\n"
    "契約更新,真実の瞬間,,更新の120日前,,CSM,,\r\n")


@pytest.mark.parametrize("encoding", ["cp932", "utf-8-sig", "utf-8"])
def test_japanese_excel_csv_in_any_encoding(tmp_path, encoding):
    path = tmp_path / "cards.csv"
    path.write_bytes(JAPANESE_CSV.encode(encoding))
    assert guess_format(path) == "csv"
    result = import_file(path)
    journey = result.journey
    assert [s.name for s in journey.stages()] == ["導入", "積極活用", "契約更新"]
    assert [(lane.name, lane.kind) for lane in journey.lanes()] == [
        ("タッチポイント", "touchpoints"), ("問題点", "pain_points"), ("アイディア", "ideas"),
        ("真実の瞬間", "text")]
    cards = {c.title: c for c in journey.cards()}
    assert cards["チャットサポート"].kind == "touchpoint" and cards["チャットサポート"].votes == 2
    assert [journey.segment(s).name for s in cards["チャットサポート"].segments] == ["SMB", "中堅"]
    assert cards["同じ説明を何度も"].kind == "pain_point"
    assert cards["利用状況に合わせた事例配信"].details == "改行を\n含む詳細"
    assert cards["更新の120日前"].kind == "moment_of_truth"  # a moments-of-truth lane
    assert journey.language == "ja" and result.skipped == []
    expected = {"cp932": "CP932 (Shift_JIS)", "utf-8-sig": "UTF-8 with BOM", "utf-8": "UTF-8"}
    assert f"read as {expected[encoding]}" in result.summary
    assert "5 cards" in result.summary and "タッチポイント → touchpoints" in result.summary


def test_english_headers_tabs_and_ids(tmp_path):
    path = tmp_path / "cards.tsv"
    path.write_text("ID\tStage\tLane\tKind\tTitle\n"
                    "c1\tTrial\tTouchpoints\tTouchpoint\tWelcome mail\n"
                    "c1\tTrial\tPain points\tpain point\tToo many steps\n", encoding="utf-8")
    result = import_file(path)
    ids = result.journey.card_ids()
    assert ids[0] == "c1" and len(set(ids)) == 2  # a repeated ID becomes a new card
    assert "tab-separated" in result.summary


def test_bad_rows_are_skipped_and_named(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("stage,lane,kind,title,votes\n"
                    "導入,タッチポイント,,ok,1\n"
                    "導入,タッチポイント,ふせん,unknown kind,\n"
                    "導入,タッチポイント,,bad votes,たくさん\n"
                    "導入,タッチポイント,,too many,1,extra\n"
                    "活用,新レーン,,never created,-1\n", encoding="utf-8")
    result = import_file(path)
    assert [line.split(":")[0] for line in result.skipped] == ["row 3", "row 4", "row 5", "row 6"]
    assert 'unknown kind "ふせん"' in result.skipped[0]
    assert 'votes must be a whole number ≥ 0, not "たくさん"' in result.skipped[1]
    assert "more cell(s) than the header" in result.skipped[2]
    # A skipped row leaves nothing behind: no stage or lane of its own.
    assert [s.name for s in result.journey.stages()] == ["導入"]
    assert [lane.name for lane in result.journey.lanes()] == ["タッチポイント"]
    assert result.summary.endswith("and more") or "skipped 4" in result.summary


@pytest.mark.parametrize("content, message", [
    (b"", "it is empty"),
    (b"stage,lane,details\nA,B,C\n", "names no title column"),
    (b"title\n\x81 broken\n", "neither UTF-8 nor CP932"),
    (b'title,stage\n"unclosed,A\n', "title"),  # an open quote runs to the end: one odd row
])
def test_unreadable_csv_is_one_clear_error(tmp_path, content, message):
    path = tmp_path / "x.csv"
    path.write_bytes(content)
    try:
        result = import_file(path)
    except ImportFileError as error:
        assert str(path) in str(error) and message in str(error)
    else:  # the unclosed quote: the csv module reads it as one long title, as Excel does
        assert message == "title" and result.journey.card_count() == 1


@pytest.mark.parametrize("name", ["saas-cs-lifecycle.ja", "saas-customer-journey.en"])
def test_export_then_import_keeps_the_cards(tmp_path, name):
    original = load_journey(TEMPLATES_DIR / f"{name}.journey")
    path = tmp_path / "cards.csv"
    report = export_csv(original, path)
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    assert any("cards only" in w for w in report.warnings)
    journey = import_file(path).journey
    assert journey.card_ids() == original.card_ids()
    for card_id in original.card_ids():
        a, b = original.card(card_id), journey.card(card_id)
        assert (a.kind, a.title, a.details, a.owner, a.votes) == (b.kind, b.title, b.details,
                                                                  b.owner, b.votes)
        assert journey.stage(journey.card_place(card_id).stage).name == original.stage(
            original.card_place(card_id).stage).name
    summary, before = check_summary(journey), check_summary(original)
    assert summary["cards"] == before["cards"]
