"""SIGTERM and SIGHUP (a logout, `kill`, a closed terminal): the editor writes recovery copies of
unsaved maps, releases its locks and quits, also with no unsaved changes.

Real editors in child processes (``main.py FILE``, offscreen), each with a home, data and config
folder of its own; every wait is bounded. The copy a terminated editor leaves is then claimed by
a recovery manager here, as the next start would.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from canvas_helpers import ini_settings

from editor.document.document import Document
from editor.document.locking import lock_file_for
from editor.document.recovery import RecoveryManager, RecoveryStore
from editor.settings import APPLICATION, ORGANIZATION
from model.fileformat import load_journey

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX signals")

ROOT = Path(__file__).resolve().parents[2]
START_TIMEOUT_S = 60  # a busy machine may take long to start Qt; the wait ends as soon as it is up
EXIT_TIMEOUT_S = 20

EDIT_THEN_WAIT = textwrap.dedent("""
    import sys
    sys.path.insert(0, sys.argv[1])
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from editor.window.app import make_application, run_gui
    from editor.window.mainwindow import MainWindow

    app = make_application(["journey"])

    def edit():
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        if not windows:
            QTimer.singleShot(50, edit)
            return
        windows[0].document.controller.update_map(title="Unsaved when terminated")
        print("edited", flush=True)
    QTimer.singleShot(0, edit)
    sys.exit(run_gui(sys.argv[2:]))
""")


@pytest.fixture
def home(tmp_path) -> dict[str, str]:
    """The environment of a child editor whose folders are all under tmp_path."""
    folders = {name: tmp_path / name for name in ("home", "data", "config", "runtime")}
    for folder in folders.values():
        folder.mkdir(mode=0o700)
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(folders["home"]),
            "XDG_DATA_HOME": str(folders["data"]), "XDG_CONFIG_HOME": str(folders["config"]),
            "XDG_RUNTIME_DIR": str(folders["runtime"]), "LANG": "C.UTF-8", "LANGUAGE": "en"}


@pytest.fixture
def saved_file(tmp_path) -> Path:
    path = tmp_path / "workshop.journey"
    Document.from_template("blank", "en").save(path)
    return path


def recovery_store(tmp_path) -> RecoveryStore:
    return RecoveryStore(tmp_path / "data" / ORGANIZATION / APPLICATION / "recovery")


def wait_for(condition, timeout_s: float) -> bool:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


def terminate(child: subprocess.Popen, signum: int) -> int:
    child.send_signal(signum)
    try:
        return child.wait(EXIT_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        child.kill()
        child.wait(EXIT_TIMEOUT_S)
        pytest.fail(f"the editor did not exit within {EXIT_TIMEOUT_S} s of signal {signum}")


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_an_editor_with_no_changes_releases_its_lock_and_quits(home, saved_file, tmp_path, signum):
    child = subprocess.Popen([sys.executable, str(ROOT / "main.py"), str(saved_file)], env=home,
                             cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        assert wait_for(lambda: lock_file_for(saved_file).exists(), START_TIMEOUT_S)
        assert terminate(child, signum) == 128 + signum
    finally:
        if child.poll() is None:
            child.kill()
            child.wait(EXIT_TIMEOUT_S)
    assert not lock_file_for(saved_file).exists()
    assert not recovery_store(tmp_path).entries()


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_unsaved_changes_are_copied_for_the_next_start(home, saved_file, tmp_path, signum):
    child = subprocess.Popen([sys.executable, "-c", EDIT_THEN_WAIT, str(ROOT), str(saved_file)],
                             env=home, cwd=tmp_path, stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "edited"
        assert terminate(child, signum) == 128 + signum
    finally:
        if child.poll() is None:
            child.kill()
            child.wait(EXIT_TIMEOUT_S)
    assert not lock_file_for(saved_file).exists()
    assert load_journey(saved_file).title != "Unsaved when terminated"  # the file is untouched
    offered = RecoveryManager(recovery_store(tmp_path), ini_settings(tmp_path)).claim_orphans()
    assert [entry.title for entry in offered] == ["Unsaved when terminated"]
    assert offered[0].original_path == saved_file
