"""Another program's change to an open map is never overwritten without asking, however it lands.

The editor compares the file's content (SHA-256) before every save, with what it read at open or
wrote at its last save. The two races are produced for real: another writer changes the file at
the exact moment between the editor's read and its note of the file (at open), or right after the
editor's own rename (at save); the hook only chooses the moment, the reading and writing are real.
Also: a read-only file (mode bits) is refused even when running as root.
"""
from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from canvas_helpers import ini_settings
from PySide6.QtCore import QStandardPaths

from editor.document import locking
from editor.document.document import Document
from editor.window import file_ops
from editor.window.mainwindow import MainWindow
from model.fileformat import dumps_journey, journey_file, load_journey


@pytest.fixture(autouse=True)
def lock_folder(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.setattr(locking, "data_folder", lambda: tmp_path / "data")
    QStandardPaths.setTestModeEnabled(True)
    yield tmp_path / "data"
    QStandardPaths.setTestModeEnabled(False)


@pytest.fixture
def saved_file(tmp_path: Path) -> Path:
    path = tmp_path / "workshop.journey"
    Document.from_template("blank", "en").save(path)
    return path


@pytest.fixture
def open_window(qtbot, tmp_path):
    windows = []

    def make(path: Path) -> MainWindow:
        window = MainWindow(Document.open(path), ini_settings(tmp_path, "en"))
        window.show()
        windows.append(window)
        return window
    yield make
    for window in windows:
        window.document.undo_stack.setClean()
        window.close()


THEIR_TITLE = "NEW JOURNEY MAP"  # as long as the template's "New journey map"


def their_version(path: Path, title: str = THEIR_TITLE) -> bytes:
    """The file as another program would write it: the same map with another title."""
    theirs = load_journey(path)
    theirs.set_fields(title=title)
    return dumps_journey(theirs).encode("utf-8")


def asked_questions(window: MainWindow, monkeypatch, answer: str = file_ops.CANCEL) -> list[Path]:
    asked: list[Path] = []
    monkeypatch.setattr(window.files, "ask_changed_on_disk", lambda path: asked.append(path) or answer)
    return asked


def test_a_change_that_keeps_size_and_time_is_noticed(open_window, saved_file, monkeypatch):
    window = open_window(saved_file)
    asked = asked_questions(window, monkeypatch)
    before = os.stat(saved_file)
    saved_file.write_bytes(their_version(saved_file))
    os.utime(saved_file, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert os.stat(saved_file).st_size == before.st_size
    window.document.controller.update_map(title="Mine")
    assert not window.files.save()
    assert asked == [saved_file] and load_journey(saved_file).title == THEIR_TITLE


def test_a_change_between_reading_and_noting_the_file_at_open_is_noticed(
        open_window, saved_file, monkeypatch):
    real_read = journey_file._read_file
    theirs = their_version(saved_file)

    def read_then_another_program_writes(path):
        content = real_read(path)
        Path(path).write_bytes(theirs)
        return content
    monkeypatch.setattr(journey_file, "_read_file", read_then_another_program_writes)
    window = open_window(saved_file)
    monkeypatch.setattr(journey_file, "_read_file", real_read)
    assert window.document.journey.title == "New journey map"  # what the editor read
    asked = asked_questions(window, monkeypatch)
    window.document.controller.update_map(title="Mine")
    assert not window.files.save()
    assert asked == [saved_file] and load_journey(saved_file).title == THEIR_TITLE


def test_a_change_right_after_the_editors_own_save_is_noticed(open_window, saved_file,
                                                              monkeypatch):
    window = open_window(saved_file)
    window.document.controller.update_map(title="First")
    real_fsync_folder = journey_file._fsync_folder
    theirs = their_version(saved_file, "Theirs")

    def renamed_then_another_program_writes(folder):
        real_fsync_folder(folder)
        saved_file.write_bytes(theirs)
    monkeypatch.setattr(journey_file, "_fsync_folder", renamed_then_another_program_writes)
    assert window.files.save()
    monkeypatch.setattr(journey_file, "_fsync_folder", real_fsync_folder)
    asked = asked_questions(window, monkeypatch)
    window.document.controller.update_map(title="Second")
    assert not window.files.save()
    assert asked == [saved_file] and load_journey(saved_file).title == "Theirs"


def test_the_editors_own_save_is_not_taken_for_a_change(open_window, saved_file, monkeypatch):
    window = open_window(saved_file)
    asked = asked_questions(window, monkeypatch)
    for title in ("One", "Two"):
        window.document.controller.update_map(title=title)
        assert window.files.save()
    assert asked == [] and load_journey(saved_file).title == "Two"


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
def test_a_read_only_file_is_refused_with_a_message(open_window, saved_file, monkeypatch):
    window = open_window(saved_file)
    errors: list[str] = []
    monkeypatch.setattr(window, "show_error", lambda _title, message: errors.append(message))
    saved_file.chmod(0o444)
    before = saved_file.read_bytes()
    window.document.controller.update_map(title="Mine")
    assert not window.files.save()
    assert len(errors) == 1 and "read-only" in errors[0]
    assert saved_file.read_bytes() == before and stat.S_IMODE(saved_file.stat().st_mode) == 0o444
    assert window.document.is_modified()
