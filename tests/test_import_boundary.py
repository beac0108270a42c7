"""The model, the exporters, the importers, the live co-editing engine and the command line import
without Qt (napari's rule, checked at run time in a fresh interpreter so no earlier import can hide
a leak). ruff's banned-api rule says the same statically."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

PROBE = """
import importlib, importlib.util, pkgutil, sys
import cli, main
# Building the parser imports every verb module: no command may pay for Qt just to start
# (render and export load the editor lazily, only when they draw).
cli.build_parser()
# Every module of every Qt-free package, whatever modules they have today.
for name in ("model", "exporters", "importers", "collab"):
    if importlib.util.find_spec(name) is None:
        continue
    package = importlib.import_module(name)
    for info in pkgutil.walk_packages(package.__path__, name + "."):
        importlib.import_module(info.name)
leaked = sorted(m for m in sys.modules if m.startswith(("PySide6", "shiboken6")))
assert not leaked, leaked
"""


def test_the_qt_free_packages_and_cli_import_without_qt():
    result = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr


def test_the_probe_would_notice_qt():
    """Guards the guard: the same check fails when Qt is imported."""
    probe = PROBE.replace("import cli, main", "import PySide6.QtCore, cli, main")
    result = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode != 0 and "PySide6" in result.stderr
