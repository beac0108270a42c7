"""The model, the file format, the exporters and the command line import without Qt (napari's rule,
checked at run time in a fresh interpreter so no earlier import can hide a leak)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

PROBE = """
import importlib, pkgutil, sys
import model, model.fileformat, model.layout, model.analysis, model.templates, exporters, cli
import main
# Building the parser imports every verb module: no command may pay for Qt just to start
# (render and export load the editor lazily, only when they draw).
cli.build_parser()
# exporters/ grows while others work on it: import whatever modules it has today.
for info in pkgutil.walk_packages(exporters.__path__, "exporters."):
    importlib.import_module(info.name)
import collab  # live co-editing: every module, the GUI's layer over it lives in editor/
for info in pkgutil.walk_packages(collab.__path__, "collab."):
    importlib.import_module(info.name)
leaked = sorted(m for m in sys.modules if m.startswith(("PySide6", "shiboken6")))
assert not leaked, leaked
"""


def test_model_exporters_and_cli_import_without_qt():
    result = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr


def test_the_probe_would_notice_qt():
    """Guards the guard: the same check fails when Qt is imported."""
    probe = PROBE.replace("import model,", "import PySide6.QtCore, model,")
    result = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode != 0 and "PySide6" in result.stderr
