"""Saving safely: failed saves, temp-file clean-up, another program's change, and file locks.

A failed save is produced for real (a read-only folder, a folder that is gone) and by patching
os.replace to fail with ENOSPC. Another editor is a child process holding the lock with QLockFile;
a crashed one is that child killed. Questions are answered by patching the window's ask_* methods.
"""
from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from canvas_helpers import ini_settings
from PySide6.QtCore import QSettings, QStandardPaths

from editor.document import locking
from editor.document.document import Document
from editor.document.locking import OPEN_COPY, OPEN_READ_ONLY, DocumentLock, lock_file_for
from editor.window import file_ops
from editor.window.mainwindow import MainWindow
from model.fileformat import dumps_journey, load_journey

HOLD_LOCK = """
import sys
from PySide6.QtCore import QLockFile
lock = QLockFile(sys.argv[1])
lock.setStaleLockTime(0)
print("locked" if lock.tryLock(0) else "refused", flush=True)
sys.stdin.read()
"""


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return ini_settings(tmp_path, "en")


@pytest.fixture(autouse=True)
def lock_folder(tmp_path: Path, monkeypatch) -> Path:
    """The data folder of these tests (for locks of read-only folders), never the user's."""
    monkeypatch.setattr(locking, "data_folder", lambda: tmp_path / "data")
    QStandardPaths.setTestModeEnabled(True)
    yield tmp_path / "data"
    QStandardPaths.setTestModeEnabled(False)


@pytest.fixture
def saved_file(tmp_path: Path) -> Path:
    path = tmp_path / "maps" / "workshop.journey"
    path.parent.mkdir()
    Document.from_template("blank", "en").save(path)
    return path


@pytest.fixture
def make_window(qtbot, settings):
    windows = []

    def make(document: Document) -> MainWindow:
        window = MainWindow(document, settings)
        window.show()
        windows.append(window)
        return window
    yield make
    for window in windows:
        window.document.undo_stack.setClean()
        window.close()
        window.deleteLater()


@pytest.fixture
def window(make_window, saved_file):
    return make_window(Document.open(saved_file))


@pytest.fixture
def blank_window(make_window):
    """A window on an untitled map, which locks no file."""
    return make_window(Document.from_template("blank", "en"))


def capture_errors(window: MainWindow, monkeypatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(window, "show_error", lambda _title, message: shown.append(message))
    return shown


@pytest.fixture
def errors(window, monkeypatch) -> list[str]:
    return capture_errors(window, monkeypatch)


@pytest.fixture
def other_editor(saved_file):
    """Another editor holding the lock of ``saved_file``, in a process of its own."""
    child = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(lock_file_for(saved_file))],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert child.stdout.readline().strip() == "locked"
    yield child
    child.kill()
    child.wait()


def edit_title(window: MainWindow, title: str = "Changed") -> None:
    window.document.controller.update_map(title=title)


def temp_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


# --------------------------------------------------------------------- failed saves
def test_a_full_disk_keeps_the_map_unsaved_and_the_old_file_intact(window, errors, saved_file,
                                                                   monkeypatch):
    before = saved_file.read_bytes()
    edit_title(window)

    def disk_full(*_args):
        raise OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr("model.fileformat.journey_file.os.replace", disk_full)
    assert not window.files.save()
    assert len(errors) == 1 and "the disk is full" in errors[0] and str(saved_file) in errors[0]
    assert window.document.is_modified() and window.isWindowModified()
    assert saved_file.read_bytes() == before
    assert temp_files(saved_file.parent) == []


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0,
                    reason="folder permissions do not bind root")
def test_a_read_only_folder_keeps_the_map_unsaved_and_the_old_file_intact(window, errors,
                                                                          saved_file):
    before = saved_file.read_bytes()
    edit_title(window)
    saved_file.parent.chmod(0o555)
    try:
        assert not window.files.save()
    finally:
        saved_file.parent.chmod(0o755)
    assert len(errors) == 1 and "permission denied" in errors[0]
    assert window.document.is_modified()
    assert saved_file.read_bytes() == before


def test_a_folder_that_is_gone_is_named_in_the_error(window, errors, saved_file):
    edit_title(window)
    shutil.rmtree(saved_file.parent)
    assert not window.files.save()
    assert len(errors) == 1 and "does not exist" in errors[0]
    assert window.document.is_modified()


def test_save_as_into_a_missing_folder_creates_no_folder(window, errors, tmp_path, lock_folder):
    edit_title(window)
    assert not window.files.save_as(tmp_path / "missing" / "new.journey")
    assert len(errors) == 1 and "does not exist" in errors[0]
    assert not (tmp_path / "missing").exists() and not lock_folder.exists()


# --------------------------------------------------------------------- temp files
def test_old_temp_files_of_the_document_are_removed_on_open_and_after_save(window, saved_file):
    folder = saved_file.parent
    old, young = folder / ".workshop.journey.0badc0de.tmp", folder / ".workshop.journey.0000beef.tmp"
    other = folder / ".other.journey.0badc0de.tmp"
    for temp in (old, young, other):
        temp.write_text("partial")
    stale = time.time() - 600
    for temp in (old, other):
        os.utime(temp, (stale, stale))
    Document.open(saved_file)
    assert temp_files(folder) == sorted([young.name, other.name])  # young: a save in progress?
    os.utime(young, (stale, stale))
    edit_title(window)
    assert window.files.save()
    assert temp_files(folder) == [other.name]  # another document's are not ours to remove


# --------------------------------------------------------------------- another program's change
def change_on_disk(path: Path, title: str = "Theirs") -> None:
    document = Document.open(path)
    document.controller.update_map(title=title)
    Path(path).write_text(dumps_journey(document.journey), encoding="utf-8")


def test_another_programs_change_is_not_overwritten_without_asking(window, saved_file, monkeypatch):
    asked: list[Path] = []
    monkeypatch.setattr(window.files, "ask_changed_on_disk",
                        lambda path: asked.append(path) or file_ops.CANCEL)
    change_on_disk(saved_file)
    edit_title(window, "Mine")
    assert not window.files.save()
    assert asked == [saved_file]
    assert load_journey(saved_file).title == "Theirs"
    assert window.document.is_modified()

    monkeypatch.setattr(window.files, "ask_changed_on_disk", lambda path: file_ops.OVERWRITE)
    assert window.files.save()
    assert load_journey(saved_file).title == "Mine"
    assert not window.document.changed_on_disk()  # the new state is recorded


def test_save_as_instead_of_overwriting(window, saved_file, tmp_path, monkeypatch):
    monkeypatch.setattr(window.files, "ask_changed_on_disk", lambda path: file_ops.SAVE_AS)
    monkeypatch.setattr(window.files, "ask_save_path", lambda: str(tmp_path / "mine.journey"))
    change_on_disk(saved_file)
    edit_title(window, "Mine")
    assert window.files.save()
    assert load_journey(saved_file).title == "Theirs"
    assert load_journey(tmp_path / "mine.journey").title == "Mine"
    assert window.document.path == tmp_path / "mine.journey"


def test_a_file_only_touched_is_saved_without_asking(window, saved_file, monkeypatch):
    monkeypatch.setattr(window.files, "ask_changed_on_disk", lambda path: pytest.fail("asked"))
    later = time.time() + 5
    os.utime(saved_file, (later, later))
    edit_title(window)
    assert window.files.save()


# --------------------------------------------------------------------- locks
def test_a_file_open_in_another_editor_is_locked(saved_file, other_editor):
    document = Document.open(saved_file)
    assert not document.acquire_lock()
    owner = document.lock_owner()
    assert owner.pid == other_editor.pid and owner.host


def test_two_documents_in_one_editor_see_the_lock(saved_file):
    first, second = Document.open(saved_file), Document.open(saved_file)
    assert first.acquire_lock()
    assert not second.acquire_lock()
    assert second.lock_owner().is_this_process()
    first.release_lock()
    assert second.acquire_lock()
    second.release_lock()


def test_a_crashed_editors_lock_is_reclaimed(saved_file, other_editor):
    other_editor.kill()
    other_editor.wait()
    assert lock_file_for(saved_file).exists()  # it had no chance to remove it
    document = Document.open(saved_file)
    assert document.acquire_lock()
    document.release_lock()


def test_open_read_only_refuses_plain_save_and_goes_to_save_as(blank_window, saved_file,
                                                               other_editor, tmp_path, monkeypatch):
    window = blank_window
    errors = capture_errors(window, monkeypatch)
    asked = []
    monkeypatch.setattr(window.files, "ask_locked_choice",
                        lambda path, owner: asked.append(owner.pid) or OPEN_READ_ONLY)
    assert window.files.open_path(saved_file)
    assert asked == [other_editor.pid]
    assert "(read-only)" in window.windowTitle()
    edit_title(window, "Read-only edit")
    monkeypatch.setattr(window.files, "ask_save_path", lambda: "")
    assert not window.files.save()  # Save asked for another name, and was cancelled
    assert load_journey(saved_file).title != "Read-only edit"
    monkeypatch.setattr(window.files, "ask_save_path", lambda: str(saved_file))
    assert not window.files.save()  # the same file, still held by the other editor
    assert "open in another Journey Map Editor" in errors[-1]
    monkeypatch.setattr(window.files, "ask_save_path", lambda: str(tmp_path / "elsewhere.journey"))
    assert window.files.save()
    assert load_journey(tmp_path / "elsewhere.journey").title == "Read-only edit"
    assert "(read-only)" not in window.windowTitle()
    assert not DocumentLock(tmp_path / "elsewhere.journey").acquire()  # the new file is ours


def test_open_a_copy_gives_an_untitled_map_with_the_same_content(blank_window, saved_file,
                                                                 other_editor, monkeypatch):
    window = blank_window
    monkeypatch.setattr(window.files, "ask_locked_choice", lambda path, owner: OPEN_COPY)
    assert window.files.open_path(saved_file)
    assert window.document.path is None and not window.document.read_only
    assert dumps_journey(window.document.journey) == dumps_journey(load_journey(saved_file))


def test_cancel_keeps_the_current_map(window, saved_file, tmp_path, monkeypatch):
    other = tmp_path / "other.journey"
    Document.from_template("blank", "en").save(other)
    holder = Document.open(other)
    assert holder.acquire_lock()
    monkeypatch.setattr(window.files, "ask_locked_choice", lambda path, owner: file_ops.CANCEL)
    assert not window.files.open_path(other)
    assert window.document.path == saved_file
    holder.release_lock()


def test_the_lock_is_released_on_close(make_window, saved_file):
    window = make_window(Document.open(saved_file))
    assert not DocumentLock(saved_file).acquire()
    assert window.close()
    assert DocumentLock(saved_file).acquire()


def test_save_as_moves_the_lock_to_the_new_file(window, saved_file, tmp_path):
    assert window.files.save_as(tmp_path / "moved.journey")
    assert DocumentLock(saved_file).acquire()
    assert not DocumentLock(tmp_path / "moved.journey").acquire()


def test_save_as_onto_a_file_another_editor_holds_is_refused(window, saved_file, tmp_path,
                                                             errors):
    target = tmp_path / "held.journey"
    Document.from_template("blank", "en").save(target)
    before = target.read_bytes()
    holder = Document.open(target)
    assert holder.acquire_lock()
    edit_title(window)
    assert not window.files.save_as(target)
    assert "already open in another window" in errors[0]
    assert target.read_bytes() == before and window.document.path == saved_file
    assert window.document.is_modified()
    holder.release_lock()


def test_a_read_only_folder_keeps_its_lock_in_the_data_folder(saved_file, lock_folder,
                                                              monkeypatch):
    monkeypatch.setattr(locking, "folder_is_writable", lambda folder: False)
    lock_file = lock_file_for(saved_file)
    assert lock_file.parent == lock_folder / "locks"
    first, second = Document.open(saved_file), Document.open(saved_file)
    assert first.acquire_lock() and lock_file.exists()
    assert not second.acquire_lock()
    first.release_lock()
