"""The Export menu: each export is written, reopened and read back; failures show one message."""
from __future__ import annotations

from pathlib import Path

import pytest
from canvas_helpers import ini_settings
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QProgressDialog

from editor.document.document import Document
from editor.settings import KEY_EXPORT_FOLDER
from editor.window.mainwindow import MainWindow


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    settings = ini_settings(tmp_path, "en")
    window = MainWindow(Document.from_template("saas-cs-lifecycle", "ja"), settings)
    window.messages = []
    for name in ("show_error", "show_warning", "show_info"):
        monkeypatch.setattr(window, name,
                            lambda title, text, name=name: window.messages.append((name, text)))
    yield window
    window.close()
    window.deleteLater()


def export_to(window: MainWindow, monkeypatch, path: Path, verb: str) -> bool:
    monkeypatch.setattr(window.exports, "ask_path", lambda *args: str(path))
    return getattr(window.exports, verb)()


def test_png_image_export(window, monkeypatch, tmp_path):
    target = tmp_path / "map.png"
    assert export_to(window, monkeypatch, target, "export_image")
    image = QImage(str(target))
    assert not image.isNull() and image.width() > 500
    assert window.settings.value(KEY_EXPORT_FOLDER) == str(tmp_path)
    assert not [m for m in window.messages if m[0] == "show_error"]


def test_svg_image_export(window, monkeypatch, tmp_path):
    target = tmp_path / "map.svg"
    assert export_to(window, monkeypatch, target, "export_image")
    text = target.read_text(encoding="utf-8")
    assert "<svg" in text


def test_pdf_export_reads_back(window, monkeypatch, tmp_path):
    pypdf = pytest.importorskip("pypdf")
    pytest.importorskip("exporters.pdf")
    target = tmp_path / "poster.pdf"
    assert export_to(window, monkeypatch, target, "export_pdf")
    reader = pypdf.PdfReader(str(target))
    assert len(reader.pages) >= 1
    text = "".join(page.extract_text() for page in reader.pages)
    assert window.document.journey.stages()[0].name in text


def test_excel_export_reads_back(window, monkeypatch, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    pytest.importorskip("exporters.excel")
    target = tmp_path / "map.xlsx"
    assert export_to(window, monkeypatch, target, "export_excel")
    workbook = openpyxl.load_workbook(target)
    values = {str(cell.value) for sheet in workbook for row in sheet.iter_rows() for cell in row}
    assert window.document.journey.stages()[0].name in values


def test_export_to_a_missing_folder_shows_one_error(window, monkeypatch, tmp_path):
    pytest.importorskip("exporters.pdf")
    target = tmp_path / "missing" / "poster.pdf"
    assert not export_to(window, monkeypatch, target, "export_pdf")
    errors = [text for kind, text in window.messages if kind == "show_error"]
    assert len(errors) == 1 and "poster.pdf" in errors[0]
    assert not target.exists()
    assert not [d for d in window.findChildren(QProgressDialog) if d.isVisible()]


def test_cancelled_file_dialog_exports_nothing(window, monkeypatch):
    monkeypatch.setattr(window.exports, "ask_path", lambda *args: "")
    assert not window.exports.export_excel()
    assert window.messages == []


def test_export_menu_holds_the_three_exports(window):
    actions = window.menu_actions
    assert {actions.export_pdf, actions.export_excel, actions.export_image} <= set(
        next(a.menu() for a in window.menuBar().actions()[0].menu().actions()
             if a.menu() is not None and actions.export_pdf in a.menu().actions()).actions())
