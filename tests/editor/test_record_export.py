"""File → Export → Workshop Record…: the times dialog and the save dialog answered by timers as a
person would, the record written in the export worker (Markdown, or PDF when the PDF filter is
chosen), and what the file says; bad choices get clear words. (issue 14, "A record of the session")"""
from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from canvas_helpers import ini_settings, small_map
from PySide6.QtCore import QDateTime, QTimer
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QLineEdit
from test_export_ui import wait_for_export
from window_helpers import close_window, when_modal

from editor.document.document import Document
from editor.window.mainwindow import MainWindow
from editor.window.record_export import RecordOptionsDialog


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    window = MainWindow(Document(small_map()), ini_settings(tmp_path))
    window.messages = []
    for name in ("show_error", "show_warning", "show_info"):
        monkeypatch.setattr(window, name,
                            lambda title, text, name=name: window.messages.append((name, title, text)))
    workshop = window.document.controller.workshop
    workshop.live_name = lambda: "Aiko"
    workshop.clock = lambda: datetime(2026, 11, 30, 5, 0, tzinfo=UTC)
    workshop.start_vote(dots_per_participant=3)
    workshop.add_dot("e")
    comment = workshop.add_comment("e", "Renewal emails go to spam")
    workshop.live_name = lambda: "Ken"
    workshop.clock = lambda: datetime(2026, 11, 30, 6, 30, tzinfo=UTC)
    workshop.reply(comment, "Check the sender domain")
    workshop.park("Pricing for NGOs")
    workshop.stop_vote()
    yield window
    close_window(window)


def answer_times(custom: tuple[QDateTime, QDateTime] | None = None, seen: dict | None = None) -> None:
    def answer(widget) -> bool:
        if not isinstance(widget, RecordOptionsDialog):
            return False
        if seen is not None:
            seen["recorded"] = widget.recorded.text()
        if custom is not None:
            widget.custom.click()
            widget.start_edit.setDateTime(custom[0])
            widget.end_edit.setDateTime(custom[1])
        widget.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        return True
    when_modal(answer)


def answer_file(path: Path, name_filter: str | None = None) -> None:
    def choose(widget) -> bool:
        if not isinstance(widget, QFileDialog):
            return False
        if name_filter is not None and widget.selectedNameFilter() != name_filter:
            widget.selectNameFilter(name_filter)  # the dialog renames the file: type it next time
            return False
        QTimer.singleShot(10_000, widget, widget.reject)  # a dialog that would not close fails
        name = widget.findChild(QLineEdit, "fileNameEdit")  # typed, as a person does
        name.setText(str(path))
        widget.accept()
        return True
    when_modal(choose)


def export_from_menu(window) -> str:
    return wait_for_export(window, lambda: window.menu_actions.export_record.trigger() or
                           window.exports.busy)


def test_the_record_as_markdown_with_the_recorded_times(window, tmp_path):
    target = tmp_path / "workshop record.md"
    seen: dict = {}
    answer_times(seen=seen)
    answer_file(target)
    assert export_from_menu(window) == "written"
    assert "(90 minutes)" in seen["recorded"]  # 05:00 to 06:30 UTC, as the map recorded them
    text = target.read_text(encoding="utf-8")
    assert "# Workshop record: Workshop" in text
    assert "Aiko" in text and "Ken" in text
    assert "90 min" in text and "2026-11-30" in text
    assert "Renewal emails go to spam" in text and "Check the sender domain" in text
    assert "Pricing for NGOs" in text
    assert "Card E" in text  # the vote ranking's one card
    assert not [m for m in window.messages if m[0] == "show_error"]


def test_the_record_as_pdf_chosen_by_the_filter_with_times_set(window, tmp_path):
    import pdfplumber

    start = QDateTime.fromString("2026-11-30T09:00:00", "yyyy-MM-ddTHH:mm:ss")
    answer_times(custom=(start, start.addSecs(150 * 60)))
    answer_file(tmp_path / "record", "PDF documents (*.pdf)")  # no suffix typed: the filter's
    assert export_from_menu(window) == "written"
    target = tmp_path / "record.pdf"
    assert target.exists(), sorted(p.name for p in tmp_path.iterdir())
    with pdfplumber.open(target) as pdf:
        text = "\n".join(page.extract_text() or "" for page in pdf.pages)
    assert "150 min" in text and "09:00" in text and "11:30" in text
    assert "Renewal emails go to spam" in text and "Pricing for NGOs" in text


def test_an_end_before_the_start_cannot_be_exported(window, qtbot):
    dialog = RecordOptionsDialog(window.document.journey, window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.custom.click()
    dialog.end_edit.setDateTime(dialog.start_edit.dateTime().addSecs(-60))
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    assert dialog.error.isVisible() and "cannot end before it starts" in dialog.error.text()
    dialog.end_edit.setDateTime(dialog.start_edit.dateTime().addSecs(60))
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    assert not dialog.error.isVisible()


def test_a_wrong_suffix_or_folder_is_said_in_words(window, tmp_path):
    answer_times()
    answer_file(tmp_path / "record.txt")
    assert export_from_menu(window) == "failed"
    _kind, title, text = window.messages[-1]
    assert title == "Export failed"
    assert "record.txt" in text and "Markdown (.md) or PDF (.pdf)" in text
    assert not (tmp_path / "record.txt").exists()
    answer_times()
    answer_file(tmp_path / "no such folder" / "record.md")
    assert export_from_menu(window) == "failed"
    assert "no such folder" in window.messages[-1][2]


def test_cancelling_the_times_dialog_writes_nothing(window, tmp_path):
    def cancel(widget) -> bool:
        if isinstance(widget, RecordOptionsDialog):
            widget.reject()
            return True
        return False
    when_modal(cancel)
    window.menu_actions.export_record.trigger()
    assert not window.exports.busy and list(tmp_path.glob("*.md")) == []
