"""Tests of saving a `.journey` file (model.fileformat.save_journey): a failed rename, a full
disk, an interrupt or a crashed process leave the old file whole and no temporary file behind;
missing or read-only folders and files are refused in words; permissions and symlinks are kept.
Qt-free.
"""
from __future__ import annotations

import errno
import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from model import JourneyFileError
from model.fileformat import journey_file as fileformat
from model.fileformat.journey_file import load_journey, loads_journey, save_journey
from tests.model.fileformat_helpers import needs_permissions, valid_data


# ----------------------------------------------------------------------------- saving
@pytest.fixture
def old_file(tmp_path):
    path = tmp_path / "map.journey"
    path.write_text("OLD CONTENT", encoding="utf-8")
    return path


@pytest.fixture
def journey():
    return loads_journey(json.dumps(valid_data()))


def assert_untouched(path: Path):
    assert path.read_text(encoding="utf-8") == "OLD CONTENT"
    assert os.listdir(path.parent) == [path.name], "a temporary file was left behind"


def test_failing_rename_keeps_old_file_and_removes_temp(old_file, journey, monkeypatch):
    def broken_replace(*_args):
        raise OSError(errno.EIO, "Input/output error")
    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(JourneyFileError) as info:
        save_journey(journey, old_file)
    assert info.value.path == str(old_file)
    assert "could not be saved: Input/output error" in info.value.reason
    assert_untouched(old_file)


def test_disk_full_during_write_keeps_old_file(old_file, journey, monkeypatch):
    real_write = os.write

    def half_then_full(fd, data):
        if len(data) > 10:
            return real_write(fd, bytes(data[:10]))
        raise OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr(os, "write", half_then_full)
    with pytest.raises(JourneyFileError, match="the disk is full"):
        save_journey(journey, old_file)
    assert_untouched(old_file)


def test_interrupt_during_fsync_keeps_old_file(old_file, journey, monkeypatch):
    def interrupted(_fd):
        raise KeyboardInterrupt
    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        save_journey(journey, old_file)
    assert_untouched(old_file)


def test_crash_during_save_leaves_old_file(old_file):
    # A real process dies in the middle of the save; only the rename could have touched the file.
    script = (
        "import os, json, sys\n"
        "from model.fileformat.journey_file import loads_journey, save_journey\n"
        "journey = loads_journey(sys.argv[2])\n"
        "os.fsync = lambda fd: os._exit(3)\n"
        "save_journey(journey, sys.argv[1])\n")
    done = subprocess.run([sys.executable, "-c", script, str(old_file), json.dumps(valid_data())],
                          cwd=Path(fileformat.__file__).parents[2], timeout=60)
    assert done.returncode == 3
    assert old_file.read_text(encoding="utf-8") == "OLD CONTENT"


def test_save_into_missing_folder(tmp_path, journey):
    path = tmp_path / "nowhere" / "map.journey"
    with pytest.raises(JourneyFileError) as info:
        save_journey(journey, path)
    assert info.value.path == str(path)
    assert f"the folder {path.parent} does not exist" in info.value.reason


def test_save_into_read_only_folder_simulated(tmp_path, journey, monkeypatch):
    def denied(*_args, **_kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")
    monkeypatch.setattr(os, "open", denied)
    with pytest.raises(JourneyFileError, match="could not be saved: permission denied"):
        save_journey(journey, tmp_path / "map.journey")
    assert os.listdir(tmp_path) == []


@needs_permissions
def test_save_into_read_only_folder(tmp_path, journey):
    tmp_path.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        with pytest.raises(JourneyFileError, match="permission denied"):
            save_journey(journey, tmp_path / "map.journey")
    finally:
        tmp_path.chmod(stat.S_IRWXU)


def test_save_onto_a_folder(tmp_path, journey):
    with pytest.raises(JourneyFileError, match="is a folder"):
        save_journey(journey, tmp_path)


@needs_permissions
def test_save_onto_read_only_file(old_file, journey):
    old_file.chmod(stat.S_IRUSR)
    with pytest.raises(JourneyFileError, match="read-only"):
        save_journey(journey, old_file)


@pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")
def test_save_keeps_permissions_of_the_replaced_file(old_file, journey):
    old_file.chmod(0o640)
    save_journey(journey, old_file)
    assert stat.S_IMODE(old_file.stat().st_mode) == 0o640
    assert load_journey(old_file) == journey


@pytest.mark.skipif(os.name == "nt", reason="symlinks")
def test_save_through_a_symlink_replaces_the_target(old_file, journey):
    link = old_file.parent / "link.journey"
    link.symlink_to(old_file)
    save_journey(journey, link)
    assert link.is_symlink()
    assert load_journey(old_file) == journey


def test_save_refuses_text_that_utf8_cannot_hold(tmp_path, journey):
    journey.set_fields(title="bad \ud800")
    with pytest.raises(JourneyFileError, match="could not be saved"):
        save_journey(journey, tmp_path / "map.journey")
    assert os.listdir(tmp_path) == []
