"""Saving honours the file's permission bits, also for root (whom the OS lets write anything).
Qt-free."""
from __future__ import annotations

import os
import stat

import pytest

from model import JourneyFileError, JourneyMap
from model.fileformat import load_journey, save_journey

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")


@pytest.fixture
def read_only_file(tmp_path):
    path = tmp_path / "shared.journey"
    save_journey(JourneyMap("Theirs", "en"), path)
    path.chmod(0o444)
    return path


def test_a_read_only_file_is_not_overwritten(read_only_file):
    before = read_only_file.read_bytes()
    with pytest.raises(JourneyFileError) as caught:
        save_journey(JourneyMap("Mine", "en"), read_only_file)
    assert "read-only" in caught.value.reason and str(read_only_file) in str(caught.value)
    assert read_only_file.read_bytes() == before
    assert stat.S_IMODE(read_only_file.stat().st_mode) == 0o444
    assert [p.name for p in read_only_file.parent.iterdir()] == ["shared.journey"]  # no temp file


def test_a_read_only_file_behind_a_symlink_is_not_overwritten(read_only_file, tmp_path):
    link = tmp_path / "link.journey"
    link.symlink_to(read_only_file)
    with pytest.raises(JourneyFileError):
        save_journey(JourneyMap("Mine", "en"), link)
    assert load_journey(read_only_file).title == "Theirs"


def test_a_file_writable_by_its_owner_is_saved_with_its_mode_kept(read_only_file):
    read_only_file.chmod(0o640)
    save_journey(JourneyMap("Mine", "en"), read_only_file)
    assert load_journey(read_only_file).title == "Mine"
    assert stat.S_IMODE(read_only_file.stat().st_mode) == 0o640
