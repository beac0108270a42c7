"""Exports run in a worker thread: the progress dialog's Cancel leaves no file (and no temporary
file), the canvas answers clicks while an export runs, edits made meanwhile do not reach the file,
a second export waits for the first, and closing the window asks to stop the running export.

The tests act as a user does (File menu, the options dialog, the progress dialog's Cancel button,
mouse clicks on the canvas). To act at a known moment in the middle of an export, a test listens to
the worker's progress with a blocking connection: the worker waits at that step until the test's
handler has returned. Nothing here is timed."""
from __future__ import annotations

from pathlib import Path

import pytest
from canvas_helpers import ini_settings
from pypdf import PdfReader
from PySide6.QtCore import QDeadlineTimer, QEventLoop, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QPushButton
from window_helpers import answer_message_box, start_from_menu

from editor.document.document import Document
from editor.window.mainwindow import MainWindow
from tests.model.generated_maps import generated_map

BLOCKING = Qt.ConnectionType.BlockingQueuedConnection


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    """A shown window on a 300-card map (so an export has many steps); messages are recorded."""
    window = MainWindow(Document(generated_map(300)), ini_settings(tmp_path, "en"))
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    window.messages = []
    for name in ("show_error", "show_warning", "show_info"):
        monkeypatch.setattr(window, name,
                            lambda title, text, name=name: window.messages.append((name, text)))
    yield window
    window.document.undo_stack.setClean()
    if window.exports.task is not None:  # a failed test may leave one running
        window.exports.task.cancel()
        window.exports.task.wait()
    window.close()
    window.deleteLater()


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def wait_until_ended(window: MainWindow, ended: list[str]) -> None:
    deadline = QDeadlineTimer(120_000)
    while not ended and not deadline.hasExpired():
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
    assert ended, "the export did not end"


def on_first_progress(window: MainWindow, handler) -> None:
    """Call ``handler()`` once, in the GUI thread, while the worker waits at its next step.
    The blocking connection is cut before the handler runs: a later progress signal would
    otherwise hold the worker until the GUI thread answered it, while closing the window holds
    the GUI thread until the worker ends (a deadlock seen as an occasional hang)."""
    task = window.exports.task
    done: list[bool] = []

    def once(_done: int, _total: int) -> None:
        if not done:
            done.append(True)
            task.progressed.disconnect(once)
            handler()

    task.progressed.connect(once, BLOCKING)


def test_cancel_in_the_progress_dialog_leaves_no_file(window, monkeypatch, tmp_path, qtbot):
    folder = _folder(tmp_path)
    target = folder / "poster.pdf"
    ended: list[str] = []
    window.exports.finished.connect(lambda _path, how: ended.append(how))
    start_from_menu(window, monkeypatch, target)
    seen: list[str] = []
    press_cancel = cancel_pressed(window, qtbot, seen)
    on_first_progress(window, press_cancel)
    wait_until_ended(window, ended)
    assert ended == ["cancelled"]
    assert seen and "PDF" in seen[0]
    assert list(folder.iterdir()) == []  # neither the PDF nor its temporary file
    assert not window.exports.busy
    assert window.findChild(QProgressDialog, "exportProgress") is None or \
        not window.findChild(QProgressDialog, "exportProgress").isVisible()
    assert window.messages == []  # a cancel is not an error
    assert "cancelled" in window.statusBar().currentMessage()


def cancel_pressed(window: MainWindow, qtbot, seen: list[str]):
    """A handler that waits for the progress dialog, notes its text and clicks its Cancel."""
    def press_cancel() -> None:
        dialog = window.findChild(QProgressDialog, "exportProgress")
        qtbot.waitUntil(dialog.isVisible, timeout=10_000)  # shown after a moment, not modal
        seen.append(dialog.labelText())
        assert not dialog.isModal()
        button = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Cancel")
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    return press_cancel


@pytest.mark.parametrize("action, suffix", [("export_excel", ".xlsx"), ("export_image", ".png"),
                                             ("export_pptx", ".pptx")])
def test_every_export_can_be_cancelled(window, monkeypatch, tmp_path, qtbot, action, suffix):
    folder = _folder(tmp_path)
    ended: list[str] = []
    window.exports.finished.connect(lambda _path, how: ended.append(how))
    start_from_menu(window, monkeypatch, folder / f"map{suffix}", action)
    on_first_progress(window, cancel_pressed(window, qtbot, []))
    wait_until_ended(window, ended)
    assert ended == ["cancelled"]
    assert list(folder.iterdir()) == []


def test_the_canvas_answers_a_click_while_an_export_runs(window, monkeypatch, tmp_path, qtbot):
    target = _folder(tmp_path) / "poster.pdf"
    card_id = window.document.journey.card_ids()[0]
    title = window.document.journey.card(card_id).title
    ended: list[str] = []
    window.exports.finished.connect(lambda _path, how: ended.append(how))
    start_from_menu(window, monkeypatch, target)
    during: list[tuple] = []

    def click_a_card_and_edit() -> None:
        view, item = window.view, window.scene.card_item(card_id)
        view.centerOn(item)
        point = view.mapFromScene(item.sceneBoundingRect().center())
        QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                         point)
        during.append((window.exports.busy, list(window.scene.selected_ids())))
        # An edit while the export runs: the export works on the map as it was when it started.
        window.document.controller.update_card(card_id, title="Renamed during the export")

    on_first_progress(window, click_a_card_and_edit)
    wait_until_ended(window, ended)
    assert during == [(True, [card_id])]
    assert ended == ["written"]
    text = "".join(page.extract_text() for page in PdfReader(target).pages)
    assert "Renamed during the export" not in text
    assert window.document.journey.card(card_id).title == "Renamed during the export"
    assert title.split()[0] in text


def test_a_second_export_waits_for_the_first(window, monkeypatch, tmp_path):
    folder = _folder(tmp_path)
    ended: list[str] = []
    window.exports.finished.connect(lambda _path, how: ended.append(how))
    start_from_menu(window, monkeypatch, folder / "poster.pdf")
    second: list[bool] = []
    on_first_progress(window, lambda: second.append(window.exports.export_excel()))
    wait_until_ended(window, ended)
    assert second == [False]
    infos = [text for kind, text in window.messages if kind == "show_info"]
    assert len(infos) == 1 and "poster.pdf" in infos[0] and "still running" in infos[0]
    assert ended == ["written"] and sorted(p.name for p in folder.iterdir()) == ["poster.pdf"]


def test_closing_the_window_during_an_export_stops_it(window, monkeypatch, tmp_path, qtbot):
    folder = _folder(tmp_path)
    start_from_menu(window, monkeypatch, folder / "poster.pdf")
    asked: list[str] = []
    closed: list[bool] = []

    def close_soon() -> None:  # not inside the blocking handler: closing waits for the worker
        answer_message_box(QMessageBox.StandardButton.Yes, asked)
        QTimer.singleShot(0, lambda: closed.append(window.close()))

    on_first_progress(window, close_soon)
    qtbot.waitUntil(lambda: bool(closed), timeout=60_000)
    assert closed == [True]
    assert len(asked) == 1 and "still running" in asked[0]
    assert not window.exports.busy
    assert list(folder.iterdir()) == []


def test_refusing_to_stop_keeps_the_window_and_the_export(window, monkeypatch, tmp_path, qtbot):
    folder = _folder(tmp_path)
    ended: list[str] = []
    window.exports.finished.connect(lambda _path, how: ended.append(how))
    start_from_menu(window, monkeypatch, folder / "poster.pdf")
    asked: list[str] = []
    closed: list[bool] = []

    def close_soon() -> None:
        answer_message_box(QMessageBox.StandardButton.No, asked)
        QTimer.singleShot(0, lambda: closed.append(window.close()))

    on_first_progress(window, close_soon)
    wait_until_ended(window, ended)
    assert closed == [False] and window.isVisible()
    assert ended == ["written"] and (folder / "poster.pdf").exists()


def test_a_failing_export_shows_the_error(window, monkeypatch, tmp_path):
    folder = _folder(tmp_path)
    (folder / "taken.xlsx").mkdir()  # a folder where the workbook should go
    ended: list[str] = []
    window.exports.finished.connect(lambda _path, how: ended.append(how))
    start_from_menu(window, monkeypatch, folder / "taken.xlsx", "export_excel")
    wait_until_ended(window, ended)
    assert ended == ["failed"]
    errors = [text for kind, text in window.messages if kind == "show_error"]
    assert len(errors) == 1 and "taken.xlsx" in errors[0] and "folder" in errors[0]
    assert sorted(p.name for p in folder.iterdir()) == ["taken.xlsx"]


def test_quitting_stops_running_exports(qtbot):
    """A worker still running when the application quits is cancelled and waited for (a QThread
    destroyed while it runs would abort the process)."""
    import time

    from editor.window.export_worker import ExportTask

    steps: list[int] = []

    def job(progress) -> None:
        for step in range(100_000):
            steps.append(step)
            progress(step, 100_000)
            time.sleep(0.001)

    task = ExportTask(job)
    task.start()
    # waitUntil, not waitSignal: the worker keeps emitting queued progress signals, and a
    # blocker that has returned then received one from the test's closing processEvents (segfault)
    qtbot.waitUntil(lambda: len(steps) > 2, timeout=10_000)
    QApplication.instance().aboutToQuit.emit()
    assert task.isFinished() and task.cancel_requested
    assert len(steps) < 100_000
