"""Helpers of the importer tests (imported as tests.importers.helpers): LibreOffice re-saving a
workbook the way a user's Calc does, and the summary ``check --json`` prints (without the file
name) to compare maps by."""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from cli.check import summarize
from model.journey.journey_map import JourneyMap

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
needs_soffice = pytest.mark.skipif(
    SOFFICE is None, reason="LibreOffice (soffice) is not installed: apt-get install "
                            "libreoffice-calc-nogui to run the re-saved-workbook tests")


def resave_with_libreoffice(files: list[Path], folder: Path) -> list[Path]:
    """Open each workbook in LibreOffice Calc (headless) and save it as .xlsx into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    profile = folder / "lo-profile"  # its own profile: runs in parallel never share a lock
    subprocess.run([SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless",
                    "--convert-to", "xlsx", "--outdir", str(folder), *map(str, files)],
                   check=True, capture_output=True, timeout=180,
                   env={**os.environ, "HOME": str(folder)})
    saved = [folder / Path(f).name for f in files]
    assert all(path.exists() for path in saved), list(folder.iterdir())
    return saved


def check_summary(journey: JourneyMap) -> dict:
    summary = summarize(journey, Path("x"))
    del summary["file"]
    return summary
