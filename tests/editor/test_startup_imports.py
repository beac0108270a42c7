"""Start-up loads and builds what the first window shows, not what a later command needs: the
live session's engine (pycrdt, anyio), LAN discovery (zeroconf), the exporters' libraries, the
command line load when first used (docs/performance.md, start-up); the first window's secondary
docks follow its map, and its start screen page is built, once the canvas has been painted:
then the docks fill and the window keeps its minimum width as before."""
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
            "openpyxl", "pptx", "cli", "ssl")

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
        assert window.first_paint.waiting() and window.start_screen is None
        assert window.inspector.controller is window.document.controller
        assert window.palette.isVisible()
        assert window.moments.scene is None and window.health.scene is None
        assert window.segments.scene is None and window.comments.scene is None
        assert window.parking.controller is None
        qtbot.waitUntil(lambda: window.moments.scene is window.scene)
        assert not window.first_paint.waiting()
        assert window.start_screen is not None and window.start_screen.isHidden()
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
        qtbot.waitUntil(lambda: not window.first_paint.waiting())
        window.set_document(Document.from_template("saas-cs-lifecycle", "en"))
        assert window.moments.scene is window.scene and window.health.scene is window.scene
        assert window.comments.scene is window.scene
        assert window.parking.controller is window.document.controller
    finally:
        close_window(window)


def test_the_first_window_keeps_the_minimum_width_of_any_window(qtbot, tmp_path):
    # The hidden start screen page sets how narrow a window may get (847 px in Japanese, 370
    # without it): built after the first paint, it must still be there once shown.
    settings = ini_settings(tmp_path, "ja")
    first = show_new_window(Document.from_template("blank", "ja"), settings)
    try:
        other = make_window(qtbot, settings, "blank", "ja")
        try:
            qtbot.waitUntil(lambda: not first.first_paint.waiting())
            assert first.start_screen is not None
            qtbot.waitUntil(lambda: first.minimumSizeHint().width()
                            == other.minimumSizeHint().width())
            assert first.minimumSizeHint().width() > 800
            assert other.start_screen is not None  # a window never waiting builds it at once
        finally:
            close_window(other)
        QApplication.processEvents()
        first.close_map()  # the last window: its map closes, the start screen shows
        assert first.pages.currentWidget() is first.start_screen
        assert first.start_screen.template_buttons  # every template offered, as before
    finally:
        close_window(first)
