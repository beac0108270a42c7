"""Autosave and crash recovery: the copy after an edit, the offer after a crash, the clean close.

Every test has a recovery folder, a lock folder and a settings file of its own under tmp_path (and
QStandardPaths is in test mode besides); the autosave interval is 50 ms. A crash is simulated
either by dropping the first manager's locks while keeping its files, or for real: a child process
autosaves and is killed with SIGKILL.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from canvas_helpers import ini_settings
from PySide6.QtCore import QSettings, QStandardPaths, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from editor.document import locking
from editor.document.document import Document
from editor.document.recovery import (
    DISCARD,
    KEEP,
    RESTORE,
    RecoveryDialog,
    RecoveryManager,
    RecoveryStore,
    install_recovery,
    offer_recovery,
)
from editor.settings import KEY_AUTOSAVE_INTERVAL, autosave_interval_ms
from editor.window.app import first_windows
from editor.window.mainwindow import MainWindow
from model.fileformat import load_journey

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def qt_test_paths():
    """Belt and braces: even a path not handed in explicitly is not the user's."""
    QStandardPaths.setTestModeEnabled(True)
    yield
    QStandardPaths.setTestModeEnabled(False)


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return ini_settings(tmp_path, "en", **{KEY_AUTOSAVE_INTERVAL: 0.05})


@pytest.fixture
def store(tmp_path: Path, monkeypatch) -> RecoveryStore:
    monkeypatch.setattr(locking, "data_folder", lambda: tmp_path / "data")
    return RecoveryStore(tmp_path / "data" / "recovery")


@pytest.fixture
def manager(store, settings):
    manager = RecoveryManager(store, settings)
    install_recovery(manager)
    yield manager
    install_recovery(None)


@pytest.fixture
def saved_file(tmp_path: Path) -> Path:
    path = tmp_path / "workshop.journey"
    Document.from_template("blank", "en").save(path)
    return path


@pytest.fixture
def window(qtbot, manager, settings, saved_file):
    window = MainWindow(Document.open(saved_file), settings)
    window.show()
    yield window
    window.document.undo_stack.setClean()
    window.close()
    window.deleteLater()


def edit_title(window: MainWindow, title: str) -> None:
    window.document.controller.update_map(title=title)


def wait_for_copy(qtbot, store: RecoveryStore, document: Document, title: str) -> None:
    def written() -> None:
        assert store.meta_file(document.recovery_id).exists()
        assert load_journey(store.map_file(document.recovery_id)).title == title
    qtbot.waitUntil(written, timeout=3000)


def simulate_crash(manager: RecoveryManager, window: MainWindow) -> None:
    """What a crash leaves: the copies on disk, no editor holding their locks or the file's."""
    for recovery_id in list(manager._locks):
        manager._locks.pop(recovery_id).unlock()
    window.document.release_lock()
    install_recovery(None)


# --------------------------------------------------------------------- autosave
def test_the_interval_setting(settings):
    assert autosave_interval_ms(settings) == 50
    for value, expected in ((None, 30_000), ("abc", 30_000), ("0", 0), ("-4", 30_000), ("90", 90_000)):
        settings.remove(KEY_AUTOSAVE_INTERVAL) if value is None else settings.setValue(
            KEY_AUTOSAVE_INTERVAL, value)
        assert autosave_interval_ms(settings) == expected


def test_an_edit_is_copied_to_the_recovery_folder_after_the_interval(window, store, qtbot,
                                                                     saved_file):
    saver = window.recovery._savers[window.document.recovery_id]
    assert not saver.timer.isActive()  # idle: no timer, no polling
    edit_title(window, "First edit")
    assert saver.timer.isActive()
    wait_for_copy(qtbot, store, window.document, "First edit")
    meta = json.loads(store.meta_file(window.document.recovery_id).read_text("utf-8"))
    assert meta["original_path"] == str(saved_file)
    assert meta["title"] == "First edit"
    assert not saver.timer.isActive()  # the next change starts it again
    edit_title(window, "Second edit")
    wait_for_copy(qtbot, store, window.document, "Second edit")
    assert window.document.is_modified()
    assert load_journey(saved_file).title != "Second edit"  # the document itself is untouched


def test_saving_removes_the_copy(window, store, qtbot):
    edit_title(window, "Saved soon")
    wait_for_copy(qtbot, store, window.document, "Saved soon")
    assert window.files.save()
    assert not store.map_file(window.document.recovery_id).exists()
    assert not store.meta_file(window.document.recovery_id).exists()


def test_undoing_back_to_the_saved_map_removes_the_copy(window, store, qtbot):
    edit_title(window, "Undone soon")
    wait_for_copy(qtbot, store, window.document, "Undone soon")
    window.document.undo_stack.undo()
    assert not store.map_file(window.document.recovery_id).exists()


def test_closing_with_the_changes_discarded_removes_the_copy(window, store, qtbot):
    edit_title(window, "Thrown away")
    wait_for_copy(qtbot, store, window.document, "Thrown away")

    def discard() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            box.button(QMessageBox.StandardButton.Discard).click()
        else:
            QTimer.singleShot(10, discard)
    QTimer.singleShot(0, discard)
    assert window.close()
    assert list(store.folder.glob("*.journey")) == []
    assert list(store.folder.glob("*.json")) == []


def test_an_untitled_map_is_copied_too(qtbot, manager, store, settings):
    window = MainWindow(Document.from_template("blank", "en"), settings)
    try:
        edit_title(window, "Never saved")
        wait_for_copy(qtbot, store, window.document, "Never saved")
        entry = store.entries()[0]
        assert entry.original_path is None and entry.title == "Never saved"
    finally:
        window.document.undo_stack.setClean()
        window.close()


# --------------------------------------------------------------------- after a crash
def test_a_running_editors_copies_are_not_offered(window, store, settings, qtbot):
    edit_title(window, "Still open")
    wait_for_copy(qtbot, store, window.document, "Still open")
    assert RecoveryManager(store, settings).claim_orphans() == []


def test_after_a_crash_the_copy_is_offered_and_restores_modified_with_its_path(
        window, manager, store, settings, qtbot, saved_file):
    edit_title(window, "Before the crash")
    wait_for_copy(qtbot, store, window.document, "Before the crash")
    simulate_crash(manager, window)

    offered = []
    next_start = RecoveryManager(store, settings)
    restored, failures = offer_recovery(next_start, lambda entries: offered.extend(entries) or {
        entry.recovery_id: RESTORE for entry in entries})
    assert failures == [] and len(offered) == 1
    assert offered[0].title == "Before the crash" and offered[0].original_path == saved_file
    document = restored[0]
    assert document.journey.title == "Before the crash"
    assert document.is_modified() and document.path == saved_file
    assert document.undo_stack.count() == 0
    document.save()  # Save writes back to the original file and the copy goes
    assert load_journey(saved_file).title == "Before the crash"
    next_start.forget(document)
    assert store.entries() == []


def test_a_restored_map_opens_in_a_window_marked_unsaved(qtbot, manager, store, settings, window):
    edit_title(window, "Restored in a window")
    wait_for_copy(qtbot, store, window.document, "Restored in a window")
    simulate_crash(manager, window)
    next_start = RecoveryManager(store, settings)
    install_recovery(next_start)
    restored, _ = offer_recovery(next_start, lambda entries: {e.recovery_id: RESTORE for e in entries})
    windows = first_windows([], settings, restored)
    try:
        assert len(windows) == 1  # no extra template window
        assert windows[0].isWindowModified()
        assert windows[0].windowTitle().startswith("workshop.journey[*]")
    finally:
        for each in windows:
            each.document.undo_stack.setClean()
            each.close()


def test_discard_removes_the_copy_and_keep_offers_it_again(window, manager, store, settings, qtbot):
    edit_title(window, "Kept")
    wait_for_copy(qtbot, store, window.document, "Kept")
    simulate_crash(manager, window)
    keep = RecoveryManager(store, settings)
    assert offer_recovery(keep, lambda entries: {e.recovery_id: KEEP for e in entries}) == ([], [])
    assert len(store.entries()) == 1
    discard = RecoveryManager(store, settings)
    assert offer_recovery(discard, lambda entries: {e.recovery_id: DISCARD for e in entries}) == ([], [])
    assert store.entries() == []


def test_a_copy_whose_file_changed_after_the_crash_warns_on_save(window, manager, store, settings,
                                                                 qtbot, saved_file):
    edit_title(window, "Mine")
    wait_for_copy(qtbot, store, window.document, "Mine")
    simulate_crash(manager, window)
    saved_file.write_bytes(saved_file.read_bytes() + b"\n")  # another program's change
    restored, _ = offer_recovery(RecoveryManager(store, settings),
                                 lambda entries: {e.recovery_id: RESTORE for e in entries})
    assert restored[0].changed_on_disk()


CRASHING_EDITOR = textwrap.dedent("""
    import os, sys, time
    sys.path.insert(0, sys.argv[1])
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication
    from editor.document.document import Document
    from editor.document.recovery import RecoveryManager, RecoveryStore
    app = QApplication([])
    settings = QSettings(sys.argv[4], QSettings.Format.IniFormat)
    manager = RecoveryManager(RecoveryStore(sys.argv[2]), settings)
    document = Document.open(sys.argv[3])
    manager.watch(document)
    document.controller.update_map(title="Killed mid-session")
    while not manager.store.meta_file(document.recovery_id).exists():
        app.processEvents()
        time.sleep(0.01)
    print("autosaved", flush=True)
    time.sleep(60)
""")


def test_a_killed_editors_copy_is_offered(store, settings, saved_file):
    settings.sync()
    child = subprocess.Popen(
        [sys.executable, "-c", CRASHING_EDITOR, str(ROOT), str(store.folder), str(saved_file),
         settings.fileName()], stdout=subprocess.PIPE, text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    try:
        assert child.stdout.readline().strip() == "autosaved"
        assert RecoveryManager(store, settings).claim_orphans() == []  # alive: not an orphan
    finally:
        child.kill()
        child.wait()
    restored, _ = offer_recovery(RecoveryManager(store, settings),
                                 lambda entries: {e.recovery_id: RESTORE for e in entries})
    assert [d.journey.title for d in restored] == ["Killed mid-session"]
    assert restored[0].path == saved_file and restored[0].is_modified()


# --------------------------------------------------------------------- the dialog
def test_the_dialog_lists_each_map_with_a_choice(qtbot, window, manager, store, settings, saved_file):
    edit_title(window, "In the dialog")
    wait_for_copy(qtbot, store, window.document, "In the dialog")
    simulate_crash(manager, window)
    entries = RecoveryManager(store, settings).claim_orphans()
    dialog = RecoveryDialog(entries)
    qtbot.addWidget(dialog)
    row = dialog.tree.topLevelItem(0)
    assert row.text(0) == "In the dialog" and row.text(1) == str(saved_file) and row.text(2)
    assert dialog.choices() == {entries[0].recovery_id: RESTORE}  # restoring is the default
    dialog.combos[0].setCurrentIndex(dialog.combos[0].findData(KEEP))
    assert dialog.choices() == {entries[0].recovery_id: KEEP}
