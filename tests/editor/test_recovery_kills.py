"""A kill during the very first autosave leaves nothing behind that is never offered or cleaned.

The first autosave writes two files, the map's copy and its side-car. A real child editor stops
between the two (it announces it, then sleeps) and is killed with SIGKILL there; the next start
must either offer what was saved or clean it away: no file of that copy may stay in the recovery
folder unoffered. Tried with each of the two writes as the one that finished.
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

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT_S = 60

KILLED_HALFWAY = textwrap.dedent("""
    import sys, time
    sys.path.insert(0, sys.argv[1])
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication
    from editor.document import recovery
    from editor.document.document import Document
    app = QApplication([])
    stop_after = sys.argv[5]  # "map" or "side-car": the write after which this editor stops

    def halt(kind, write):
        def written_then_halt(*args, **kwargs):
            result = write(*args, **kwargs)
            if kind == stop_after:
                print("half-written", flush=True)
                time.sleep(60)
            return result
        return written_then_halt
    recovery.save_journey = halt("map", recovery.save_journey)
    recovery._write_atomically = halt("side-car", recovery._write_atomically)
    settings = QSettings(sys.argv[4], QSettings.Format.IniFormat)
    manager = recovery.RecoveryManager(recovery.RecoveryStore(sys.argv[2]), settings)
    document = Document.open(sys.argv[3])
    manager.watch(document)
    document.controller.update_map(title="Killed in the first autosave")
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
""")


@pytest.fixture(autouse=True)
def test_folders(tmp_path, monkeypatch):
    monkeypatch.setattr(locking, "data_folder", lambda: tmp_path / "data")
    QStandardPaths.setTestModeEnabled(True)
    yield
    QStandardPaths.setTestModeEnabled(False)


@pytest.mark.parametrize("stop_after", ["map", "side-car"])
def test_a_kill_during_the_first_autosave_leaves_no_orphan(tmp_path, stop_after):
    settings = ini_settings(tmp_path, "en", **{"autosave/interval_s": 0.05})
    settings.sync()
    store = RecoveryStore(tmp_path / "data" / "recovery")
    saved_file = tmp_path / "workshop.journey"
    Document.from_template("blank", "en").save(saved_file)
    child = subprocess.Popen([sys.executable, "-c", KILLED_HALFWAY, str(ROOT), str(store.folder),
                              str(saved_file), settings.fileName(), stop_after],
                             stdout=subprocess.PIPE, text=True,
                             env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    try:
        line = child.stdout.readline().strip()
    finally:
        child.kill()
        child.wait(TIMEOUT_S)
    if line != "half-written":
        pytest.skip(f"this order never stops after the {stop_after}")  # the other write came first
    offered = []
    restored, failures = offer_recovery(
        RecoveryManager(store, settings),
        lambda entries: offered.extend(entries) or {e.recovery_id: RESTORE for e in entries})
    assert failures == []
    if restored:
        assert [d.journey.title for d in restored] == ["Killed in the first autosave"]
        assert restored[0].path == saved_file
    leftovers = sorted(p.name for p in store.folder.iterdir() if not p.name.endswith(".lock"))
    kept = {f"{e.recovery_id}.journey" for e in offered} | {f"{e.recovery_id}.json" for e in offered}
    assert set(leftovers) <= kept, f"never offered, never cleaned: {leftovers}"


def test_a_copy_without_its_side_car_is_offered_with_its_title(tmp_path):
    """What an older editor, which copied the map first, left when killed in between."""
    settings = ini_settings(tmp_path, "en")
    store = RecoveryStore(tmp_path / "data" / "recovery")
    store.folder.mkdir(parents=True)
    document = Document.from_template("blank", "en")
    document.controller.update_map(title="Only the map")
    document.save(store.map_file("0123abcd"))
    restored, failures = offer_recovery(RecoveryManager(store, settings),
                                        lambda entries: {e.recovery_id: RESTORE for e in entries})
    assert failures == [] and [d.journey.title for d in restored] == ["Only the map"]
    assert restored[0].path is None and restored[0].is_modified()
