"""File → Export with scenarios (issue 16): the options ask which scenario and, for the PDF and the
workbook, a comparison with another; the files are read back (pypdf, openpyxl) for the scenario
exported and the comparison page or "Compare" sheet, as the command line's --scenario / --compare
write them."""
from __future__ import annotations

from pathlib import Path

import pytest
from canvas_helpers import ini_settings
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QComboBox, QDialogButtonBox
from test_export_ui import export_to, record_messages, wait_for_export

from editor.document.document import Document
from editor.window.export_scenarios import ScenarioExportDialog
from editor.window.mainwindow import MainWindow

PAIR = Path(__file__).resolve().parents[1] / "model" / "scenarios" / "fixtures" / \
    "crafted-pair.en.journey"


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    window = MainWindow(Document.open(PAIR), ini_settings(tmp_path, "en"))
    record_messages(window, monkeypatch)
    yield window
    window.close()
    window.deleteLater()


def choose(box: QComboBox, text: str) -> None:
    index = box.findText(text)
    assert index >= 0, [box.itemText(i) for i in range(box.count())]
    box.setCurrentIndex(index)


def pdf_text(path: Path) -> list[str]:
    pypdf = pytest.importorskip("pypdf")
    return [page.extract_text() for page in pypdf.PdfReader(str(path)).pages]


def test_the_pdf_of_the_scenario_chosen_with_a_comparison_page(window, monkeypatch, tmp_path):
    assert window.document.scenarios.current_id == "as-is"
    seen = {}

    def answer(dialog):
        rows = dialog.scenario_rows
        seen["scenarios"] = [rows.scenario.itemText(i) for i in range(rows.scenario.count())]
        seen["default"] = rows.scenario.currentText()
        choose(rows.scenario, "To-be")
        choose(rows.compare, "As-is")
        seen["direction"] = rows.direction.text()
        dialog.details.setChecked(False)

    target = tmp_path / "to-be.pdf"
    assert export_to(window, monkeypatch, target, "export_pdf", answer) == "written"
    assert seen["scenarios"] == ["As-is", "To-be"] and seen["default"] == "As-is"
    assert seen["direction"].startswith("Compares As-is → To-be")
    pages = pdf_text(target)
    assert "Active use" in pages[0] and "Advocacy" in pages[0]  # the to-be poster
    compare = next(text for text in pages if "Compare: As-is → To-be" in text)
    assert "+2 ideas" in compare
    assert not window.messages or all(kind != "show_error" for kind, _ in window.messages)


def test_the_pdf_without_a_comparison_has_no_comparison_page(window, monkeypatch, tmp_path):
    target = tmp_path / "as-is.pdf"
    assert export_to(window, monkeypatch, target, "export_pdf",
                     lambda dialog: dialog.details.setChecked(False)) == "written"
    pages = pdf_text(target)
    assert "Adoption" in pages[0] and all("Compare:" not in text for text in pages)


def test_the_workbook_with_a_compare_sheet(window, monkeypatch, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    target = tmp_path / "pair.xlsx"
    monkeypatch.setattr(window.exports, "ask_path", lambda *args: str(target))
    seen = {}

    def respond() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ScenarioExportDialog):
            QTimer.singleShot(20, respond)
            return
        choose(dialog.rows.compare, "To-be")  # exporting as-is, compared with to-be
        seen["direction"] = dialog.rows.direction.text()
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    QTimer.singleShot(0, respond)
    assert wait_for_export(window, window.exports.export_excel) == "written"
    assert seen["direction"].startswith("Compares As-is → To-be")
    workbook = openpyxl.load_workbook(target)
    assert workbook.sheetnames[-1] == "Compare"
    assert workbook["Compare"]["A1"].value == "Compare: As-is → To-be"


def test_a_map_of_one_scenario_asks_nothing_for_excel(qtbot, tmp_path, monkeypatch):
    window = MainWindow(Document.from_template("saas-cs-lifecycle", "ja"), ini_settings(tmp_path))
    try:
        target = tmp_path / "one.xlsx"
        monkeypatch.setattr(window.exports, "ask_path", lambda *args: str(target))
        assert wait_for_export(window, window.exports.export_excel) == "written"
        openpyxl = pytest.importorskip("openpyxl")
        assert "Compare" not in openpyxl.load_workbook(target).sheetnames
    finally:
        window.close()
        window.deleteLater()
