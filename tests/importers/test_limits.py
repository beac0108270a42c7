"""Huge inputs are refused before they cost time or memory, like the loader refuses huge files:
sizes are checked before parsing, rows and elements are counted while reading."""
from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest

from importers import ImportFileError, import_file
from importers.common import MAX_TEXT_SOURCE_BYTES, MAX_YAML_BYTES
from importers.xlsx_reader import MAX_GRID_UNPACKED_BYTES

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("name, limit", [("big.csv", MAX_TEXT_SOURCE_BYTES),
                                         ("big.mmd", MAX_TEXT_SOURCE_BYTES),
                                         ("big.yaml", MAX_YAML_BYTES)])
def test_a_file_over_the_size_limit_is_refused_unread(tmp_path, name, limit):
    path = tmp_path / name
    with open(path, "wb") as handle:
        handle.truncate(limit + 1)  # sparse: no time spent writing it, none reading it
    with pytest.raises(ImportFileError, match="larger than the limit") as error:
        import_file(path)
    assert str(path) in str(error.value)


def test_too_many_rows(tmp_path):
    path = tmp_path / "rows.csv"
    path.write_text("stage,lane,title\n" + "A,B,x\n" * 100_001, encoding="utf-8")
    with pytest.raises(ImportFileError, match="more than 100,000"):
        import_file(path)


def test_a_workbook_that_unpacks_to_too_much_is_refused(tmp_path):
    path = tmp_path / "bomb.xlsx"
    wb = openpyxl.Workbook()
    wb.active["A1"] = "x"
    wb.save(path)
    with zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/media/padding.bin", bytes(MAX_GRID_UNPACKED_BYTES + 1))
    assert path.stat().st_size < 200_000
    with pytest.raises(ImportFileError, match="unpacks to 24 MiB, more than the limit"):
        import_file(path, "grid")


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(ImportFileError, match="does not exist"):
        import_file(tmp_path / "none.csv")
    with pytest.raises(ImportFileError, match="folder"):
        import_file(tmp_path, "csv")


def test_importers_load_no_qt():
    probe = ("import importlib, pkgutil, sys, importers\n"
             "for info in pkgutil.walk_packages(importers.__path__, 'importers.'):\n"
             "    importlib.import_module(info.name)\n"
             "import exporters.csv_export, exporters.mermaid, cli.import_cmd\n"
             "leaked = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]\n"
             "assert not leaked, leaked\n")
    result = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True,
                            text=True, timeout=120, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert result.returncode == 0, result.stderr
