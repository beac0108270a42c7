"""Start-up loads what the first window shows, not what a later command needs: the live
session's engine (pycrdt, anyio), LAN discovery (zeroconf), the exporters' libraries and the
command line load when first used (docs/performance.md, start-up)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEFERRED = ("pycrdt", "anyio", "zeroconf", "collab.engine", "editor.live.bridge", "reportlab",
            "openpyxl", "pptx", "cli")

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
