"""A map opened by a relative path keeps working from anywhere: its path is made absolute at open.

The crash is real: a child editor started in one folder opens ``maps/workshop.journey``, edits,
autosaves and is killed with SIGKILL; the next editor starts in another folder, restores the copy
and saves it back to the original file.
"""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from canvas_helpers import ini_settings
from PySide6.QtCore import QStandardPaths

from editor.document import locking
from editor.document.document import Document
from editor.document.recovery import RESTORE, RecoveryManager, RecoveryStore, offer_recovery
from editor.settings import KEY_AUTOSAVE_INTERVAL, RecentFiles
from editor.window.app import first_windows
from model.fileformat import load_journey

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT_S = 60

EDITOR_IN_ANOTHER_FOLDER = textwrap.dedent("""
    import sys, time
    sys.path.insert(0, sys.argv[1])
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication
    from editor.document.document import Document
    from editor.document.recovery import RecoveryManager, RecoveryStore
    app = QApplication([])
    settings = QSettings(sys.argv[3], QSettings.Format.IniFormat)
    manager = RecoveryManager(RecoveryStore(sys.argv[2]), settings)
    document = Document.open("maps/workshop.journey")
    manager.watch(document)
    document.controller.update_map(title="Edited before the crash")
    deadline = time.monotonic() + 30
    while not manager.store.meta_file(document.recovery_id).exists() and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    print("autosaved", flush=True)
    time.sleep(60)
""")


@pytest.fixture(autouse=True)
def test_folders(tmp_path, monkeypatch):
    monkeypatch.setattr(locking, "data_folder", lambda: tmp_path / "data")
    QStandardPaths.setTestModeEnabled(True)
    yield
    QStandardPaths.setTestModeEnabled(False)


@pytest.fixture
def workshop(tmp_path) -> Path:
    (tmp_path / "first" / "maps").mkdir(parents=True)
    (tmp_path / "second").mkdir()
    path = tmp_path / "first" / "maps" / "workshop.journey"
    Document.from_template("blank", "en").save(path)
    return path


def test_opening_by_a_relative_path_gives_an_absolute_one(workshop, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path / "first")
    document = Document.open(Path("maps") / "workshop.journey")
    assert document.path == workshop and document.path.is_absolute()


def test_a_relative_path_restored_from_another_folder_saves_to_the_original_file(
        qtbot, workshop, tmp_path, monkeypatch):
    settings = ini_settings(tmp_path, "en", **{KEY_AUTOSAVE_INTERVAL: 0.05})
    settings.sync()
    store = RecoveryStore(tmp_path / "data" / "recovery")
    child = subprocess.Popen([sys.executable, "-c", EDITOR_IN_ANOTHER_FOLDER, str(ROOT),
                              str(store.folder), settings.fileName()],
                             cwd=tmp_path / "first", stdout=subprocess.PIPE, text=True,
                             env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    try:
        assert child.stdout.readline().strip() == "autosaved"
    finally:
        child.kill()
        child.wait(TIMEOUT_S)
    monkeypatch.chdir(tmp_path / "second")
    restored, failures = offer_recovery(RecoveryManager(store, settings),
                                        lambda entries: {e.recovery_id: RESTORE for e in entries})
    assert failures == [] and restored[0].path == workshop
    window = first_windows([], settings, restored)[0]
    errors = []
    monkeypatch.setattr(window, "show_error", lambda _title, message: errors.append(message))
    try:
        assert window.files.save(), errors
        assert load_journey(workshop).title == "Edited before the crash"
        assert RecentFiles(settings).paths()[0] == str(workshop)
    finally:
        window.document.undo_stack.setClean()
        window.close()
