"""The workbook prints: the Map sheet is a bordered grid with a print area, landscape, one page
wide, its header rows and lane column on every page, A3 by default; a crowded cell continues on
the next rows; every row is as tall as its wrapped text; markers every font has; the description
is in the workbook. Reopened with openpyxl, and printed by LibreOffice where it is installed."""
from __future__ import annotations

import shutil
import subprocess

import openpyxl
import pytest
from export_maps import build_map, workshop_map
from export_readback import text_runs

from exporters import export_excel
from exporters.excel_sheet import LINE_HEIGHT, MAX_ROW_HEIGHT, line_count
from exporters.projection import KIND_MARKS
from model import Card, CardKind


@pytest.fixture(scope="module")
def workbook(tmp_path_factory):
    path = tmp_path_factory.mktemp("xlsx") / "map300.xlsx"
    journey = workshop_map(300)
    export_excel(journey, path)
    return journey, openpyxl.load_workbook(path), path


def test_every_sheet_prints_landscape_one_page_wide_on_a3(workbook):
    _, wb, _ = workbook
    for ws in wb.worksheets:
        setup = ws.page_setup
        assert setup.orientation == "landscape" and int(setup.paperSize) == int(ws.PAPERSIZE_A3)
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        assert int(setup.fitToWidth) == 1 and int(setup.fitToHeight) == 0  # not one page tall
        assert ws.print_area, ws.title
    grid = wb["Map"]
    assert grid.print_title_rows == "$2:$3" and grid.print_title_cols == "$A:$A"
    assert grid.print_area == f"'Map'!$A$1:${openpyxl.utils.get_column_letter(grid.max_column)}" \
                              f"${grid.max_row}"


def test_the_map_grid_has_borders_and_the_description(workbook):
    journey, wb, _ = workbook
    grid = wb["Map"]
    assert grid["B1"].value == journey.description
    assert "B1" in {str(r).split(":")[0] for r in grid.merged_cells.ranges}
    for row in grid.iter_rows(min_row=2, max_row=grid.max_row, max_col=grid.max_column):
        for cell in row:
            assert cell.border.left.style == "thin" and cell.border.bottom.style == "thin"


def test_the_overview_label_sits_at_the_top_of_its_row(workbook):
    _, wb, _ = workbook
    grid = wb["Map"]
    assert grid["A3"].value == "ステージの概要" and grid["A3"].alignment.vertical == "top"
    assert grid["B3"].alignment.vertical == "top"


def test_every_row_is_as_tall_as_its_wrapped_lines(workbook):
    _, wb, _ = workbook
    for ws in wb.worksheets:
        widths = {col: dim.width for col, dim in
                  ((openpyxl.utils.column_index_from_string(k), v)
                   for k, v in ws.column_dimensions.items())}
        for row in ws.iter_rows(min_row=3 if ws.title == "Map" else 1):
            lines = max((line_count(c.value, int(widths.get(c.column, 8)))
                         for c in row if isinstance(c.value, str) and c.value), default=1)
            height = ws.row_dimensions[row[0].row].height
            assert height == min(MAX_ROW_HEIGHT, lines * LINE_HEIGHT + 3), (ws.title, row[0].row)


def test_a_crowded_cell_continues_on_the_next_rows(tmp_path):
    journey = build_map(stages=2)
    for i in range(60):
        journey.add_card(Card(f"crowd{i}", CardKind.NOTE, f"付箋 {i:02d} の内容をここに書く"), "s0",
                         "l-touch")
    path = tmp_path / "crowded.xlsx"
    export_excel(journey, path)
    grid = openpyxl.load_workbook(path)["Map"]
    rows = [r for r in range(4, grid.max_row + 1) if grid.cell(r, 2).value]
    lane = [str(m) for m in grid.merged_cells.ranges if str(m).startswith("A4:")]
    assert len(lane) == 1 and grid["A4"].value == "タッチポイント"
    end = int(lane[0].split(":A")[1])
    assert end > 4  # the touchpoint lane spans several rows
    lines = [line for r in range(4, end + 1) for line in (grid.cell(r, 2).value or "").split("\n")]
    expected = [f"{KIND_MARKS[c.kind]} {c.title}" for c in journey.cards()
                if journey.card_place(c.id).stage == "s0" and journey.card_place(c.id).lane == "l-touch"]
    assert lines == expected  # every card, in order
    assert all(grid.row_dimensions[r].height <= MAX_ROW_HEIGHT for r in rows)
    assert grid.cell(end + 1, 1).value == "真実の瞬間"  # the next lane follows


def test_kind_marks_are_characters_every_japanese_font_has():
    for mark in KIND_MARKS.values():
        assert len(mark) == 1 and ord(mark) <= 0xFFFF
        assert mark.encode("shift_jis")  # JIS X 0208: MS Gothic, Yu Gothic, IPA, Noto CJK


def test_other_papers(tmp_path):
    path = tmp_path / "a4.xlsx"
    export_excel(build_map(), path, paper="a4")
    assert int(openpyxl.load_workbook(path)["Map"].page_setup.paperSize) == 9


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_prints_the_workbook_legibly(workbook, tmp_path):
    _, wb, path = workbook
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/lo", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
                   check=True, capture_output=True, timeout=180)
    pages = text_runs(tmp_path / "map300.pdf")
    assert len(pages) > 2
    sizes = [size for runs in pages for _, size, _, _ in runs]
    assert min(sizes) >= 5.5  # one page wide, not one page: the Cards sheet printed at 3.7 pt
    text = " ".join(t for runs in pages for t, _, _, _ in runs)
    assert "◆" in text and "\U0001F4A1" not in text
