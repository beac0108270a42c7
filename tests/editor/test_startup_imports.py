"""Start-up loads and builds what the first window shows, not what a later command needs: the
live session's engine (pycrdt, anyio), LAN discovery (zeroconf), the exporters' libraries, the
command line and the start screen load when first used (docs/performance.md, start-up); the
first window's secondary docks follow its map once the canvas has been painted, and are then
filled as before."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from canvas_helpers import ini_settings
from PySide6.QtWidgets import QApplication
from window_helpers import close_window, make_window

from editor.document.document import Document
from editor.window.mainwindow import show_new_window

ROOT = Path(__file__).resolve().parents[2]
DEFERRED = ("pycrdt", "anyio", "zeroconf", "collab.engine", "editor.live.bridge", "reportlab",
            "openpyxl", "pptx", "cli", "editor.window.start_screen", "ssl")

PROBE = """
import json, sys
from editor.window.app import make_application
app = make_application([])
from editor.document.document import Document
from editor.window.mainwindow import MainWindow
window = MainWindow(Document.from_template("blank", "ja"))
window.show()
app.processEvents()
print(json.dumps(sorted(m for m in {deferred!r} if m in sys.modules)))
window.document.undo_stack.setClean()
window.close()
"""


def test_the_first_window_loads_no_live_engine_exporter_or_command_line():
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", PROBE.format(deferred=DEFERRED)], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.strip().splitlines()[-1]) == []


def test_the_first_window_fills_its_docks_once_its_map_is_painted(qtbot, tmp_path):
    window = show_new_window(Document.from_template("saas-cs-lifecycle", "en"),
                             ini_settings(tmp_path, "en"))
    try:
        # Shown but not painted yet: the canvas, palette and inspector follow the map already.
        assert window.dock_filling.waiting()
        assert window.inspector.controller is window.document.controller
        assert window.palette.isVisible()
        assert window.moments.scene is None and window.health.scene is None
        assert window.segments.scene is None and window.comments.scene is None
        assert window.parking.controller is None
        qtbot.waitUntil(lambda: window.moments.scene is window.scene)
        assert not window.dock_filling.waiting()
        assert window.health.scene is window.scene and window.segments.scene is window.scene
        assert window.comments.scene is window.scene
        assert window.parking.controller is window.document.controller
        qtbot.waitUntil(lambda: window.moments.list.count() > 0)  # filled, as before
        moments = [window.moments.list.item(i).text() for i in range(window.moments.list.count())]
        assert len(moments) == len([c for c in window.document.journey.cards()
                                    if c.kind.value == "moment_of_truth"])
    finally:
        close_window(window)


def test_a_window_opening_another_map_fills_its_docks_at_once(qtbot, tmp_path):
    window = make_window(qtbot, ini_settings(tmp_path, "en"), "blank", "en")
    try:
        qtbot.waitUntil(lambda: not window.dock_filling.waiting())
        window.set_document(Document.from_template("saas-cs-lifecycle", "en"))
        assert window.moments.scene is window.scene and window.health.scene is window.scene
        assert window.comments.scene is window.scene
        assert window.parking.controller is window.document.controller
    finally:
        close_window(window)


def test_the_start_screen_is_made_when_a_map_is_first_closed(qtbot, tmp_path):
    window = make_window(qtbot, ini_settings(tmp_path, "en"), "blank", "en")
    try:
        assert window.start_screen is None
        window.close_map()
        QApplication.processEvents()
        assert window.pages.currentWidget() is window.start_screen is not None
        assert window.start_screen.template_buttons  # every template offered, as before
    finally:
        close_window(window)
