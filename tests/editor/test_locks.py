"""File locks for every legal name, and a lock that cannot be taken is said, never skipped.

A long Japanese name (82 × あ + ".journey" = 254 bytes, legal on ext4) must still get its lock
file, within the 255-byte limit of a name; two names that share their first 200 bytes get two
locks. When no lock can be made (here a folder squats the lock file's name), the map opens and
the window says that it is not protected, naming the file.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from canvas_helpers import ini_settings
from PySide6.QtCore import QStandardPaths

from editor.document import locking
from editor.document.document import Document
from editor.document.locking import DocumentLock, lock_file_for
from editor.window.mainwindow import MainWindow

LONG_NAME = "あ" * 82 + ".journey"


@pytest.fixture(autouse=True)
def lock_folder(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.setattr(locking, "data_folder", lambda: tmp_path / "data")
    QStandardPaths.setTestModeEnabled(True)
    yield tmp_path / "data"
    QStandardPaths.setTestModeEnabled(False)


def saved(path: Path) -> Path:
    Document.from_template("blank", "en").save(path)
    return path


@pytest.fixture
def blank_window(qtbot, tmp_path, monkeypatch):
    window = MainWindow(Document.from_template("blank", "en"), ini_settings(tmp_path, "en"))
    window.show()
    window.warnings = []
    monkeypatch.setattr(window, "show_warning",
                        lambda title, message: window.warnings.append((title, message)))
    monkeypatch.setattr(window, "show_error",
                        lambda title, message: window.warnings.append(("error", message)))
    monkeypatch.setattr(window.files, "ask_locked_choice",
                        lambda path, owner: window.warnings.append(("asked", str(path))) or "cancel")
    yield window
    window.document.undo_stack.setClean()
    window.close()


def test_a_long_japanese_name_gets_a_lock_within_the_name_limit(tmp_path):
    assert len(LONG_NAME.encode("utf-8")) == 254
    path = saved(tmp_path / LONG_NAME)
    first, second = Document.open(path), Document.open(path)
    assert first.acquire_lock()
    assert len(lock_file_for(path).name.encode("utf-8")) <= 255 and lock_file_for(path).exists()
    assert not second.acquire_lock()  # the second editor sees the first one's lock
    assert first.lock_problem is None
    first.release_lock()


def test_long_names_that_share_their_beginning_get_two_locks(tmp_path):
    a, b = saved(tmp_path / ("あ" * 80 + "1.journey")), saved(tmp_path / ("あ" * 80 + "2.journey"))
    assert lock_file_for(a) != lock_file_for(b)
    first, second = DocumentLock(a), DocumentLock(b)
    assert first.acquire() and second.acquire()
    first.release()
    second.release()


def test_a_long_name_opened_in_a_window_is_locked_against_a_second_window(blank_window, tmp_path):
    path = saved(tmp_path / LONG_NAME)
    assert blank_window.files.open_path(path)
    assert blank_window.warnings == []
    assert not DocumentLock(path).acquire()


def test_a_lock_that_cannot_be_made_is_said_to_the_user(blank_window, tmp_path):
    path = saved(tmp_path / "workshop.journey")
    os.mkdir(lock_file_for(path))  # something else has the lock file's name
    assert blank_window.files.open_path(path)
    assert blank_window.document.path == path and not blank_window.document.read_only
    assert len(blank_window.warnings) == 1
    title, message = blank_window.warnings[0]
    assert title == "File not locked"
    assert "workshop.journey" in message and "could not be locked" in message
    assert blank_window.document.lock_problem


def test_save_as_to_a_file_that_cannot_be_locked_says_so(blank_window, tmp_path):
    path = tmp_path / "new.journey"
    os.mkdir(lock_file_for(path))
    assert blank_window.files.save_as(path)
    assert [title for title, _ in blank_window.warnings] == ["File not locked"]


def test_no_folder_for_the_lock_is_said_too(blank_window, tmp_path, lock_folder, monkeypatch):
    """A folder the editor may not write keeps its locks in the data folder; when that cannot be
    made either (here a file stands where it should be), the map opens unlocked, and says so."""
    path = saved(tmp_path / "shared.journey")
    monkeypatch.setattr(locking, "folder_is_writable", lambda folder: False)
    lock_folder.write_text("not a folder")
    assert blank_window.files.open_path(path)
    assert [title for title, _ in blank_window.warnings] == ["File not locked"]
