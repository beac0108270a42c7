"""The Export menu: each export is written, reopened and read back; failures show one message.
The PDF and PowerPoint exports ask for their options first (answered here by a timer, through the
dialog's own widgets), remember them, and show the one-page mode's small-text warning. Exports run
in a worker thread: each test waits for the window's "finished" signal, processing events."""
from __future__ import annotations

from pathlib import Path

import pytest
from canvas_helpers import ini_settings
from PySide6.QtCore import QDeadlineTimer, QEventLoop, QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QProgressDialog

from editor.document.document import Document
from editor.settings import KEY_EXPORT_FOLDER
from editor.window.export_dialog import KEY_DETAILS, KEY_MODE, KEY_PAPER, ExportOptionsDialog
from editor.window.mainwindow import MainWindow


def record_messages(window, monkeypatch) -> None:
    """The window's error, warning and information boxes noted in ``window.messages`` as
    (kind, text) instead of shown."""
    window.messages = []
    for name in ("show_error", "show_warning", "show_info"):
        monkeypatch.setattr(window, name,
                            lambda title, text, name=name: window.messages.append((name, text)))


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    settings = ini_settings(tmp_path, "en")
    window = MainWindow(Document.from_template("saas-cs-lifecycle", "ja"), settings)
    record_messages(window, monkeypatch)
    yield window
    window.close()
    window.deleteLater()


def export_to(window: MainWindow, monkeypatch, path: Path, verb: str, answer=None) -> str:
    """Run an export verb; ``answer(dialog)`` fills the options dialog, which is then accepted.
    Returns how the export ended ("written", "failed", "cancelled"), "" if it never started."""
    monkeypatch.setattr(window.exports, "ask_path", lambda *args: str(path))

    def respond() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, ExportOptionsDialog):
            if answer is not None:
                answer(dialog)
            dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        else:
            QTimer.singleShot(20, respond)

    QTimer.singleShot(0, respond)
    return wait_for_export(window, lambda: getattr(window.exports, verb)())


def wait_for_export(window: MainWindow, start) -> str:
    """Call ``start()``; if it started an export, process events until the export has ended."""
    ended: list[str] = []
    window.exports.finished.connect(lambda _path, how: ended.append(how))
    if not start():
        return ""
    deadline = QDeadlineTimer(120_000)
    while not ended and not deadline.hasExpired():
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
    return ended[0] if ended else "timed out"


def previewed_text(dialog: ExportOptionsDialog, qtbot) -> str:
    """Ask the dialog for its preview and wait until the worker has worked it out."""
    with qtbot.waitSignal(dialog.previewed, timeout=60_000) as blocker:
        dialog.update_preview()
    return blocker.args[0]


def test_png_image_export(window, monkeypatch, tmp_path):
    target = tmp_path / "map.png"
    assert export_to(window, monkeypatch, target, "export_image") == "written"
    image = QImage(str(target))
    assert not image.isNull() and image.width() > 500
    assert window.settings.value(KEY_EXPORT_FOLDER) == str(tmp_path)
    assert not [m for m in window.messages if m[0] == "show_error"]


def test_svg_image_export(window, monkeypatch, tmp_path):
    target = tmp_path / "map.svg"
    assert export_to(window, monkeypatch, target, "export_image") == "written"
    text = target.read_text(encoding="utf-8")
    assert "<svg" in text


def test_pdf_export_reads_back(window, monkeypatch, tmp_path):
    pypdf = pytest.importorskip("pypdf")
    pytest.importorskip("exporters.pdf")
    target = tmp_path / "poster.pdf"
    assert export_to(window, monkeypatch, target, "export_pdf") == "written"
    reader = pypdf.PdfReader(str(target))
    assert len(reader.pages) >= 1
    text = "".join(page.extract_text() for page in reader.pages)
    assert window.document.journey.stages()[0].name in text


def test_excel_export_reads_back(window, monkeypatch, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    pytest.importorskip("exporters.excel")
    target = tmp_path / "map.xlsx"
    assert export_to(window, monkeypatch, target, "export_excel") == "written"
    workbook = openpyxl.load_workbook(target)
    values = {str(cell.value) for sheet in workbook for row in sheet.iter_rows() for cell in row}
    assert window.document.journey.stages()[0].name in values


def test_export_to_a_missing_folder_shows_one_error(window, monkeypatch, tmp_path):
    pytest.importorskip("exporters.pdf")
    target = tmp_path / "missing" / "poster.pdf"
    assert export_to(window, monkeypatch, target, "export_pdf") == "failed"
    errors = [text for kind, text in window.messages if kind == "show_error"]
    assert len(errors) == 1 and "poster.pdf" in errors[0]
    assert not target.exists()
    assert not [d for d in window.findChildren(QProgressDialog) if d.isVisible()]


def test_cancelled_file_dialog_exports_nothing(window, monkeypatch):
    monkeypatch.setattr(window.exports, "ask_path", lambda *args: "")
    assert not window.exports.export_excel()
    assert window.messages == []


def test_export_menu_holds_the_four_exports(window):
    actions = window.menu_actions
    assert {actions.export_pdf, actions.export_excel, actions.export_image, actions.export_pptx} <= set(
        next(a.menu() for a in window.menuBar().actions()[0].menu().actions()
             if a.menu() is not None and actions.export_pdf in a.menu().actions()).actions())


def _choose(paper: str, mode: int, details: bool, min_text: float = 7.0):
    def answer(dialog: ExportOptionsDialog) -> None:
        dialog.paper.setCurrentIndex(dialog.paper.findData(paper))
        dialog.modes.button(mode).setChecked(True)
        dialog.details.setChecked(details)
        dialog.min_text.setValue(min_text)
    return answer


def test_pdf_options_reach_the_file_and_are_remembered(window, monkeypatch, tmp_path):
    pypdf = pytest.importorskip("pypdf")
    target = tmp_path / "poster.pdf"
    assert export_to(window, monkeypatch, target, "export_pdf", _choose("a4", 1, False)) == "written"
    reader = pypdf.PdfReader(str(target))
    assert len(reader.pages) == 1  # one page ("fit"), no detail pages
    assert round(float(reader.pages[0].mediabox.width)) == 842  # A4 landscape
    settings = window.settings
    assert (settings.value(KEY_PAPER), settings.value(KEY_MODE)) == ("a4", "fit")
    assert str(settings.value(KEY_DETAILS)).lower() == "false"
    dialog = ExportOptionsDialog("pdf", window.document.journey, settings, window)
    assert dialog.paper.currentData() == "a4" and dialog.modes.checkedId() == 1
    assert not dialog.details.isChecked()
    dialog.deleteLater()


def test_one_page_mode_warns_in_the_dialog_and_after_the_export(window, monkeypatch, tmp_path,
                                                                qtbot):
    pytest.importorskip("exporters.pdf")
    seen = []

    def answer(dialog: ExportOptionsDialog) -> None:
        _choose("a4", 1, False)(dialog)
        seen.append(previewed_text(dialog, qtbot))

    assert export_to(window, monkeypatch, tmp_path / "small.pdf", "export_pdf", answer) == "written"
    assert "below the minimum of 7 pt" in seen[0] and "one A4 page" in seen[0]
    warnings = [text for kind, text in window.messages if kind == "show_warning"]
    assert len(warnings) == 1 and "below the minimum of 7 pt" in warnings[0]


def test_automatic_layout_tiles_and_the_preview_says_so(window, monkeypatch, tmp_path, qtbot):
    pypdf = pytest.importorskip("pypdf")
    seen = []

    def answer(dialog: ExportOptionsDialog) -> None:
        _choose("a4", 0, False)(dialog)
        seen.append(previewed_text(dialog, qtbot))

    target = tmp_path / "tiles.pdf"
    assert export_to(window, monkeypatch, target, "export_pdf", answer) == "written"
    assert "after an overview page" in seen[0] and "⚠" not in seen[0]
    assert len(pypdf.PdfReader(str(target)).pages) > 1
    assert not [m for m in window.messages if m[0] == "show_warning"]


def test_custom_paper_size(window, monkeypatch, tmp_path):
    pypdf = pytest.importorskip("pypdf")

    def answer(dialog: ExportOptionsDialog) -> None:
        dialog.paper.setCurrentIndex(dialog.paper.findData("custom"))
        dialog.custom_w.setValue(1000)
        dialog.custom_h.setValue(700)
        dialog.details.setChecked(False)

    target = tmp_path / "plotter.pdf"
    assert export_to(window, monkeypatch, target, "export_pdf", answer) == "written"
    box = pypdf.PdfReader(str(target)).pages[0].mediabox
    assert round(float(box.width) / 72 * 25.4) == 1000 and round(float(box.height) / 72 * 25.4) == 700


def test_cancelled_options_export_nothing(window, monkeypatch, tmp_path):
    asked = []
    monkeypatch.setattr(window.exports, "ask_path", lambda *args: asked.append(args) or "")
    QTimer.singleShot(0, lambda: QApplication.activeModalWidget().reject())
    assert not window.exports.export_pdf()
    assert asked == [] and window.messages == []


def test_powerpoint_export_from_the_menu(window, monkeypatch, tmp_path):
    pptx = pytest.importorskip("pptx")
    target = tmp_path / "slides.pptx"
    monkeypatch.setattr(window.exports, "ask_path", lambda *args: str(target))

    def respond() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ExportOptionsDialog):
            QTimer.singleShot(20, respond)
            return
        dialog.aspect.setCurrentIndex(dialog.aspect.findData("4:3"))
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    QTimer.singleShot(0, respond)
    assert wait_for_export(window, lambda: window.menu_actions.export_pptx.trigger() or True) \
        == "written"
    deck = pptx.Presentation(str(target))
    assert deck.slide_width * 3 == deck.slide_height * 4
    texts = [shape.text_frame.text for slide in deck.slides for shape in slide.shapes
             if shape.has_text_frame]
    assert any(window.document.journey.stages()[0].name in t for t in texts)


def test_the_save_dialog_starts_in_the_maps_folder(window, tmp_path):
    folder = tmp_path / "workshop"
    folder.mkdir()
    window.document.path = folder / "kickoff.journey"
    assert window.exports.start_path(".pdf") == folder / "kickoff.pdf"
    window.document.path = None
    assert window.exports.start_path(".pptx").parent == Path.home()
