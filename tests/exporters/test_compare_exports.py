"""The comparison in the exports (``comparison=``): the PDF comparison page (title, summary,
chart, card changes; the difference between the curves shaded green where the to-be curve is
higher, red where lower) and the Excel "Compare" sheet, read back with pypdf and openpyxl."""
from __future__ import annotations

from pathlib import Path

import openpyxl
from pypdf import PdfReader
from pypdf.generic import ContentStream

from exporters.excel import export_excel
from exporters.pdf import export_pdf
from model.scenarios import load_document
from model.scenarios.compare import compare_scenarios

FIXTURES = Path(__file__).resolve().parents[1] / "model" / "scenarios" / "fixtures"
CHANGE = "+General;\"−\"General;0"
BETTER, WORSE = (0.349, 0.631, 0.310), (0.882, 0.341, 0.349)  # #59a14f, #e15759


def pair(language: str = "en"):
    scenarios = load_document(FIXTURES / f"crafted-pair.{language}.journey")
    return scenarios, scenarios.scenarios()


def fill_colours(page) -> set[tuple[float, float, float]]:
    """Every RGB fill colour a page sets (the ``rg`` operator), rounded."""
    stream = ContentStream(page.get_contents(), page.pdf)
    return {tuple(round(float(v), 3) for v in operands)
            for operands, operator in stream.operations if operator == b"rg"}


def test_the_pdf_ends_with_the_comparison_page(tmp_path):
    scenarios, (as_is, to_be) = pair("ja")
    target = tmp_path / "compare.pdf"
    report = export_pdf(to_be.journey, target, comparison=compare_scenarios(as_is, to_be))
    pages = PdfReader(target).pages
    assert report.pages == len(pages)
    text = pages[-1].extract_text()
    assert "比較: 現状 → あるべき姿" in text
    assert "問題点 −2、アイディア +2、契約更新の感情 −1 → +1" in text
    assert "感情曲線" in text and "カードの変更" in text
    assert "+ [アイディア] 契約更新 / Ideas: Call 120 days ahead" in text
    assert "Webinar → Monthly webinar" in text
    colours = fill_colours(pages[-1])
    assert BETTER in colours and WORSE not in colours  # to-be is only ever higher


def test_the_shading_turns_red_where_the_curve_drops(tmp_path):
    scenarios, (as_is, to_be) = pair("en")
    target = tmp_path / "reverse.pdf"
    export_pdf(as_is.journey, target, details=False,
               comparison=compare_scenarios(to_be, as_is))
    page = PdfReader(target).pages[-1]
    assert "Compare: To-be → As-is" in page.extract_text()
    assert WORSE in fill_colours(page) and BETTER not in fill_colours(page)


def test_without_a_comparison_there_is_no_comparison_page(tmp_path):
    _, (as_is, _) = pair("en")
    target = tmp_path / "plain.pdf"
    export_pdf(as_is.journey, target)
    assert all("Compare:" not in page.extract_text() for page in PdfReader(target).pages)


def test_the_compare_sheet(tmp_path):
    _, (as_is, to_be) = pair("en")
    target = tmp_path / "compare.xlsx"
    report = export_excel(to_be.journey, target, comparison=compare_scenarios(as_is, to_be))
    assert report.sheets[-1] == "Compare"
    sheet = openpyxl.load_workbook(target)["Compare"]
    rows = [[c for c in row if c is not None] for row in sheet.iter_rows(values_only=True)]
    assert rows[0] == ["Compare: As-is → To-be"]
    assert rows[1][0].startswith("As-is → To-be: −2 pain points, +2 ideas")
    assert ["Pain point", 3, 1, -2] in rows and ["Idea", 1, 3, 2] in rows
    assert ["Renewal", "All customers", -1, 1, 2] in rows
    assert sheet.cell(row=rows.index(["Idea", 1, 3, 2]) + 1, column=4).number_format == CHANGE
    assert ["added", "Idea", "Renewal", "Ideas", "Call 120 days ahead"] in rows
    assert ["changed", "Idea", "Active use", "Ideas", "Monthly webinar", "Webinar", "title"] in rows
    assert "CompareCards" in sheet.tables
    assert openpyxl.load_workbook(target).sheetnames[:1] == ["Map"]
