"""The Excel export, reopened with openpyxl: cells, tables, filters, and text that is only text."""
from __future__ import annotations

import openpyxl
import pytest
from export_maps import build_map

from exporters import export_excel
from exporters.excel import CELL_LIMIT, SHEET_NAMES, display_width
from exporters.excel_map import MAX_STAGE_WIDTH
from exporters.excel_workshop import WORKSHOP_SHEETS
from exporters.projection import KIND_MARKS
from model import Card, CardKind


@pytest.fixture
def workbook(tmp_path, journey):
    path = tmp_path / "map.xlsx"
    report = export_excel(journey, path)
    return openpyxl.load_workbook(path), report


def test_every_card_is_in_its_map_cell_and_cards_row(tmp_path, template_map):
    path = tmp_path / "lifecycle.xlsx"
    export_excel(template_map, path)
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == [*SHEET_NAMES, *WORKSHOP_SHEETS]
    grid = wb["Map"]
    columns = {grid.cell(2, c).value: c for c in range(2, grid.max_column + 1)}
    rows = {grid.cell(r, 1).value: r for r in range(4, grid.max_row + 1)}
    cards = list(wb["Cards"].iter_rows(min_row=2, values_only=True))
    assert len(cards) == len(template_map.card_ids())
    for number, card_id in enumerate(template_map.card_ids()):
        card, place = template_map.card(card_id), template_map.card_place(card_id)
        stage, lane = template_map.stage(place.stage), template_map.lane(place.lane)
        value = grid.cell(rows[lane.name], columns[stage.name]).value
        assert f"{KIND_MARKS[card.kind]} {card.title}" in value.split("\n")
        assert cards[number][1:5] == (stage.name, lane.name, cards[number][3], card.title)
        assert cards[number][-1] == card_id


def test_tables_filters_freeze_panes_and_print_setup(workbook):
    wb, report = workbook
    assert report.sheets == (*SHEET_NAMES, *WORKSHOP_SHEETS) and report.warnings == []
    for name in ("Cards", "Stages", "Transitions", "Segments", "Paths"):
        ws = wb[name]
        assert name in ws.tables
        assert ws.tables[name].autoFilter.ref == ws.tables[name].ref
        assert ws.freeze_panes == "A2"
    grid = wb["Map"]
    assert grid.freeze_panes == "B4"
    assert grid.page_setup.orientation == "landscape"
    assert grid.page_setup.fitToWidth == 1 and grid.sheet_properties.pageSetUpPr.fitToPage
    assert grid.cell(4, 2).alignment.wrap_text
    assert grid.print_title_rows == "$2:$3" and wb["Cards"].print_title_rows == "$1:$1"


def test_stages_and_transitions_rows(workbook, journey):
    wb, _ = workbook
    stages = list(wb["Stages"].iter_rows(min_row=2, values_only=True))
    assert [row[1] for row in stages] == [s.name for s in journey.stages()]
    assert "利用率 70%以上" in stages[0][4] and "SMB顧客: -1" in stages[0][5]
    transitions = list(wb["Transitions"].iter_rows(min_row=2, values_only=True))
    first, second, third = (f"ステージ{i}「導入」" for i in range(3))
    assert [(r[0], r[1], r[2]) for r in transitions][:2] == [
        (first, second, "前進"), (first, third, "スキップ")]
    assert transitions[0][4] == 0.5


@pytest.mark.parametrize("title", ["=1+1", "+cmd|' /C calc'!A0", "-2", "@SUM(A1)", "\tTAB",
                                   "\r=1", '=HYPERLINK("http://x","y")'])
def test_formula_like_text_stays_text(tmp_path, title):
    path = tmp_path / "inject.xlsx"
    export_excel(build_map({"tp0": title}), path)
    wb = openpyxl.load_workbook(path)
    cell = wb["Cards"]["E2"]
    # Some XML readers turn a stored CR into LF; what matters is that it is text, not a formula.
    assert cell.value.replace("\r", "\n") == title.replace("\r", "\n") and cell.data_type == "s"
    map_cell = wb["Map"]["B4"]
    assert map_cell.data_type == "s"
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            assert all(c.data_type != "f" for c in row)


def test_hostile_characters_are_removed_and_reported(tmp_path):
    path = tmp_path / "controls.xlsx"
    report = export_excel(build_map({"tp0": "a\x00b\x0bc\ufffed\uffffe\ud800f\x1fg"}), path)
    wb = openpyxl.load_workbook(path)
    assert wb["Cards"]["E2"].value == "abcdefg"
    assert any("removed" in w and "card tp0" in w for w in report.warnings)


def test_text_over_the_cell_limit_is_cut_and_reported(tmp_path):
    journey = build_map()
    journey.update_card("tp0", details="長" * (CELL_LIMIT + 100))
    path = tmp_path / "long.xlsx"
    report = export_excel(journey, path)
    assert len(openpyxl.load_workbook(path)["Cards"]["F2"].value) == CELL_LIMIT
    assert any("cut text" in w and "tp0" in w for w in report.warnings)


def test_column_widths_count_full_width_characters_twice(tmp_path, journey):
    assert display_width("日本語abc") == 9
    assert display_width("ab\n日本") == 4
    journey.add_card(Card("wide", CardKind.NOTE, "長" * 20), "s0", "l-touch")
    journey.add_card(Card("narrow", CardKind.NOTE, "n" * 20), "s1", "l-touch")
    path = tmp_path / "widths.xlsx"
    export_excel(journey, path)
    dims = openpyxl.load_workbook(path)["Map"].column_dimensions
    # 40 columns wanted, capped so a dozen stages still print one page wide
    assert dims["B"].width == MAX_STAGE_WIDTH > dims["C"].width >= 22


def test_empty_map_still_makes_valid_tables(tmp_path):
    from model import JourneyMap

    path = tmp_path / "empty.xlsx"
    export_excel(JourneyMap("空"), path)
    wb = openpyxl.load_workbook(path)
    assert wb["Cards"].tables["Cards"].ref == "A1:Q2"
    assert wb["Segments"].tables["Segments"].ref == "A1:E2"
    assert wb["Paths"].tables["Paths"].ref == "A1:F2"


def test_progress_reaches_the_total(tmp_path, journey):
    calls = []
    export_excel(journey, tmp_path / "p.xlsx", progress=lambda d, t: calls.append((d, t)))
    assert calls[0] == (0, calls[0][1]) and calls[-1][0] == calls[-1][1]
