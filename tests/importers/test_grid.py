"""A facilitator's hand-made grid: built with openpyxl the way people lay them out (a title row,
merged stage headers, a lane merged down, bullets, an emotion row), re-saved by LibreOffice."""
from __future__ import annotations

import openpyxl
import pytest

from importers import ImportFileError, guess_format, import_file
from tests.importers.helpers import needs_soffice, resave_with_libreoffice


def build_grid(path, emotions=("4", 5, "2\n不安")):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "ジャーニー"
    ws["A1"] = "オンボーディングのジャーニーマップ"
    ws.merge_cells("A1:F1")
    ws["B3"], ws["D3"], ws["F3"] = "導入", "活用", "更新"
    ws.merge_cells("B3:C3")  # one stage over two columns
    ws["A4"] = "タッチポイント"
    ws["B4"] = "・チャットサポート\n・初期設定マニュアル"
    ws["C4"], ws["D4"] = "- ヘルプページ", "事例集"
    ws["A5"], ws["B5"], ws["F5"] = "課題", "説明を何度も", "担当交代"
    # row 6 and column E stay empty
    ws["A7"], ws["B7"], ws["D7"], ws["F7"] = "感情", *emotions
    ws["A8"] = "アイデア"
    ws.merge_cells("A8:A9")  # one lane over two rows
    ws["B8"], ws["B9"] = "引継ぎシート", "ウェルカムメール"
    ws["D10"] = "続きのメモ"  # no lane name: more notes of the lane above
    ws["A11"], ws["B11"] = "真実の瞬間", "キックオフ"
    wb.save(path)
    wb.close()
    return path


def placed(journey):
    return [(journey.stage(journey.card_place(c).stage).name,
             journey.lane(journey.card_place(c).lane).name, journey.card(c).kind,
             journey.card(c).title) for c in journey.card_ids()]


def check_grid(result):
    journey = result.journey
    assert journey.title == "オンボーディングのジャーニーマップ"
    assert [s.name for s in journey.stages()] == ["導入", "活用", "更新"]
    assert [(lane.name, lane.kind) for lane in journey.lanes()] == [
        ("タッチポイント", "touchpoints"), ("課題", "pain_points"), ("感情", "emotion"),
        ("アイデア", "ideas"), ("真実の瞬間", "text")]
    assert placed(journey) == [
        ("導入", "タッチポイント", "touchpoint", "チャットサポート"),
        ("導入", "タッチポイント", "touchpoint", "初期設定マニュアル"),
        ("導入", "タッチポイント", "touchpoint", "ヘルプページ"),
        ("導入", "課題", "pain_point", "説明を何度も"),
        ("導入", "アイデア", "idea", "引継ぎシート"),
        ("導入", "アイデア", "idea", "ウェルカムメール"),
        ("導入", "真実の瞬間", "moment_of_truth", "キックオフ"),
        ("活用", "タッチポイント", "touchpoint", "事例集"),
        ("活用", "アイデア", "idea", "続きのメモ"),
        ("更新", "課題", "pain_point", "担当交代"),
        ("更新", "感情", "note", "不安")]
    assert [dict(s.emotions) for s in journey.stages()] == [{"": 1}, {"": 2}, {"": -1}]
    summary = result.summary
    assert "header in row 3, lane names in column A" in summary
    assert "3 stages, 5 lanes, 11 cards" in summary
    assert "課題 → pain_points" in summary and "感情 → emotion" in summary
    assert "3 emotion values read on the 1…5 scale" in summary
    assert any("rows 10" in w for w in result.warnings)


def test_hand_made_grid(tmp_path):
    path = build_grid(tmp_path / "grid.xlsx")
    assert guess_format(path) == "grid"
    check_grid(import_file(path))


@needs_soffice
def test_hand_made_grid_resaved_by_calc(tmp_path):
    [resaved] = resave_with_libreoffice([build_grid(tmp_path / "grid.xlsx")], tmp_path / "calc")
    check_grid(import_file(resaved))


def test_emotions_on_the_minus_two_to_two_scale_and_clamped(tmp_path):
    path = build_grid(tmp_path / "grid.xlsx", emotions=("−1", "＋2", "-3"))
    result = import_file(path)
    assert [dict(s.emotions) for s in result.journey.stages()] == [{"": -1}, {"": 2}, {"": -2}]
    assert "read on the −2…+2 scale" in result.summary
    assert any("clamped: -3" in w for w in result.warnings)


def test_merged_body_cell_and_choosing_a_sheet(tmp_path):
    path = tmp_path / "two.xlsx"
    wb = openpyxl.Workbook()
    wb.active.title = "メモ"
    ws = wb.create_sheet("Journey")
    ws["B1"], ws["C1"], ws["A2"], ws["B2"] = "Trial", "Buy", "Touchpoints", "Demo call"
    ws.merge_cells("B2:C2")
    wb.save(path)
    with pytest.raises(ImportFileError, match="every sheet is empty|no sheet"):
        import_file(path, "grid", sheet="missing")
    result = import_file(path, "grid", sheet="Journey")
    assert [c.title for c in result.journey.cards()] == ["Demo call"]
    assert any("B2" in w for w in result.warnings)
    assert "read sheet \"Journey\" of 2" in result.summary


def test_empty_workbook_is_refused(tmp_path):
    path = tmp_path / "empty.xlsx"
    openpyxl.Workbook().save(path)
    with pytest.raises(ImportFileError, match="every sheet is empty"):
        import_file(path)
