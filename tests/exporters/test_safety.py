"""Both exporters write atomically: an unwritable target raises ExportError naming the path and
cause and leaves nothing behind; a good target is replaced whole.
(That the exporters import without Qt is tests/test_import_boundary.py's job.)"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from exporters import ExportError, export_excel, export_pdf
from exporters.common import atomic_target

EXPORTERS = [pytest.param(export_pdf, id="pdf"), pytest.param(export_excel, id="xlsx")]


def _listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.mark.parametrize("export", EXPORTERS)
def test_missing_folder(tmp_path, journey, export):
    target = tmp_path / "nowhere" / "out.file"
    with pytest.raises(ExportError) as info:
        export(journey, target)
    assert str(target) in str(info.value) and "does not exist" in str(info.value)
    assert _listing(tmp_path) == []


@pytest.mark.parametrize("export", EXPORTERS)
def test_target_is_a_folder(tmp_path, journey, export):
    (tmp_path / "out").mkdir()
    with pytest.raises(ExportError, match="folder"):
        export(journey, tmp_path / "out")
    assert _listing(tmp_path) == ["out"] and _listing(tmp_path / "out") == []


@pytest.mark.parametrize("export", EXPORTERS)
def test_parent_is_a_file(tmp_path, journey, export):
    (tmp_path / "file").write_text("x")
    with pytest.raises(ExportError, match="not a folder"):
        export(journey, tmp_path / "file" / "out")
    assert _listing(tmp_path) == ["file"]


@pytest.mark.parametrize("export", EXPORTERS)
def test_read_only_folder(tmp_path, journey, export):
    if os.geteuid() == 0:
        pytest.skip("root may write into read-only folders")
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(ExportError, match="permission denied"):
            export(journey, folder / "out")
        assert _listing(folder) == []
    finally:
        folder.chmod(0o755)


def test_failure_while_writing_leaves_no_partial_file_and_keeps_the_old_one(tmp_path):
    target = tmp_path / "out.pdf"
    target.write_text("old")
    with pytest.raises(RuntimeError), atomic_target(target) as temp:
        temp.write_text("half")
        raise RuntimeError("writer crashed")
    assert _listing(tmp_path) == ["out.pdf"] and target.read_text() == "old"


@pytest.mark.parametrize("export", EXPORTERS)
def test_replaces_an_existing_file_whole(tmp_path, journey, export):
    target = tmp_path / "out"
    target.write_text("old")
    export(journey, target)
    assert target.read_bytes()[:4] in (b"%PDF", b"PK\x03\x04")
    assert _listing(tmp_path) == ["out"]


def test_exported_file_is_not_private(tmp_path, journey):
    export_excel(journey, tmp_path / "out.xlsx")
    assert (tmp_path / "out.xlsx").stat().st_mode & 0o044  # mkstemp's 0600 was not kept


def test_permission_error_while_creating_the_file(tmp_path, journey, monkeypatch):
    # Root ignores folder modes, so simulate the refusal where the exporter meets it.
    import tempfile

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(ExportError, match="Permission denied") as info:
        export_pdf(journey, tmp_path / "out.pdf")
    assert str(tmp_path / "out.pdf") in str(info.value)
    assert _listing(tmp_path) == []
