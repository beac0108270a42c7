"""Prompts about files in use, driven through real windows and real dialogs.

- Cancel in the "file in use" prompt at start opens nothing (not the default template).
- A file restored at start, then opened again (command line, File → Open), raises its window
  instead of asking whether to open "the file open in another window".
- In a read-only window, Save As suggests another name than the locked file's.
Dialogs are answered by a timer, as a person would click; another editor is a child process.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from canvas_helpers import ini_settings
from PySide6.QtCore import QStandardPaths, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from editor.document import locking
from editor.document.document import Document
from editor.document.locking import lock_file_for
from editor.document.recovery import RecoveryManager, RecoveryStore
from editor.window.app import first_windows
from editor.window.mainwindow import MainWindow

HOLD_LOCK = """
import sys
from PySide6.QtCore import QLockFile
lock = QLockFile(sys.argv[1])
lock.setStaleLockTime(0)
print("locked" if lock.tryLock(0) else "refused", flush=True)
sys.stdin.read()
"""


@pytest.fixture(autouse=True)
def test_folders(tmp_path, monkeypatch):
    monkeypatch.setattr(locking, "data_folder", lambda: tmp_path / "data")
    QStandardPaths.setTestModeEnabled(True)
    yield
    QStandardPaths.setTestModeEnabled(False)


@pytest.fixture
def settings(tmp_path):
    return ini_settings(tmp_path, "en")


@pytest.fixture
def saved_file(tmp_path: Path) -> Path:
    path = tmp_path / "maps" / "workshop.journey"
    path.parent.mkdir()
    Document.from_template("blank", "en").save(path)
    return path


@pytest.fixture
def other_editor(saved_file):
    child = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(lock_file_for(saved_file))],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert child.stdout.readline().strip() == "locked"
    yield child
    child.kill()
    child.wait(30)


@pytest.fixture
def windows():
    made: list[MainWindow] = []
    yield made
    for window in made:
        window.document.undo_stack.setClean()
        window.close()


def answer_message_box(button, seen: list[str]) -> None:
    """Click ``button`` of the next message box, remembering its text."""
    def click() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            box.button(button).click()
        else:
            QTimer.singleShot(20, click)
    QTimer.singleShot(0, click)


def test_cancel_in_the_file_in_use_prompt_at_start_opens_nothing(qtbot, saved_file, other_editor,
                                                                 settings, windows):
    seen: list[str] = []
    answer_message_box(QMessageBox.StandardButton.Cancel, seen)
    windows += first_windows([str(saved_file)], settings)
    assert seen and "workshop.journey" in seen[0] and "open in another" in seen[0]
    assert windows == []
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]


def restored_document(saved_file: Path, store: RecoveryStore, settings) -> Document:
    """The file as the recovery offer at start restores it: from its copy, modified, locked."""
    document = Document.open(saved_file)
    document.controller.update_map(title="Restored")
    store.write(document)
    manager = RecoveryManager(store, settings)
    return manager.restore(store.entry(document.recovery_id))


def test_opening_a_restored_file_again_at_start_asks_nothing(qtbot, saved_file, settings, tmp_path,
                                                             windows, monkeypatch):
    asked = []
    monkeypatch.setattr(locking, "ask_locked_choice", lambda *args: asked.append(args) or "cancel")
    restored = restored_document(saved_file, RecoveryStore(tmp_path / "recovery"), settings)
    windows += first_windows([str(saved_file)], settings, [restored])
    assert asked == []
    assert len(windows) == 1 and windows[0].document is restored
    assert windows[0].document.journey.title == "Restored" and not windows[0].document.read_only


def test_file_open_of_a_file_shown_in_another_window_raises_that_window(
        qtbot, saved_file, settings, tmp_path, windows, monkeypatch):
    restored = restored_document(saved_file, RecoveryStore(tmp_path / "recovery"), settings)
    windows += first_windows([], settings, [restored])
    other = MainWindow(Document.from_template("blank", "en"), settings)
    other.show()
    windows.append(other)
    monkeypatch.setattr(other.files, "ask_locked_choice", lambda *args: pytest.fail("asked"))
    assert other.files.open_path(saved_file)
    assert other.document.path is None  # this window keeps its own map
    assert windows[0].document is restored
    qtbot.waitUntil(lambda: QApplication.activeWindow() is windows[0], timeout=3000)
    assert windows[0].files.open_path(saved_file)  # its own file: nothing to do, nothing asked
    assert windows[0].document is restored


def test_save_as_in_a_read_only_window_suggests_another_name(qtbot, saved_file, other_editor,
                                                              settings, windows):
    window = MainWindow(Document.from_template("blank", "en"), settings)
    window.show()
    windows.append(window)
    window.files.ask_locked_choice = lambda path, owner: locking.OPEN_READ_ONLY
    assert window.files.open_path(saved_file) and window.document.read_only
    suggested: list[str] = []

    def read_and_cancel() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QFileDialog):
            suggested.append(dialog.selectedFiles()[0])
            dialog.reject()
        else:
            QTimer.singleShot(20, read_and_cancel)
    QTimer.singleShot(0, read_and_cancel)
    assert not window.files.save()  # Save in a read-only window is Save As; cancelled
    assert suggested and Path(suggested[0]).parent == saved_file.parent
    assert Path(suggested[0]).name == "workshop (copy).journey"
