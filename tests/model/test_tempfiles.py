"""Tests of model.fileformat.tempfiles: it finds exactly the temp files the saver leaves, and removes only old
ones. Qt-free. The temp names come from the saver itself, so a change of its pattern fails here."""
from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from model import JourneyMap
from model.fileformat.journey_file import _create_temp, save_journey
from model.fileformat.tempfiles import remove_stale_temp_files, stale_temp_files

NAME = "workshop.journey"


def leave_temp(target: Path, age_s: float = 0) -> Path:
    """A temp file as an interrupted save leaves it: created by the saver, never renamed."""
    fd, temp = _create_temp(target)
    os.write(fd, b"{half a map")
    os.close(fd)
    if age_s:
        then = time.time() - age_s
        os.utime(temp, (then, then))
    return temp


@pytest.fixture
def document(tmp_path) -> Path:
    path = tmp_path / NAME
    save_journey(JourneyMap("Workshop"), path)
    return path


def test_finds_the_temp_files_of_the_document_only(document):
    folder = document.parent
    mine = sorted([leave_temp(document), leave_temp(document)])
    other = folder / "other.journey"
    leave_temp(other)
    lookalikes = [f".{NAME}.tmp", f".{NAME}.1234567.tmp", f".{NAME}.123456789.tmp",
                  f".{NAME}.ABCDEF12.tmp", f".{NAME}.1234abcd.tmp.bak", f"{NAME}.1234abcd.tmp",
                  f".{NAME}.x.1234abcd.tmp", f".{NAME}.journey.1234abcd.tmp", f".{NAME}1234abcd.tmp"]
    for name in lookalikes:
        (folder / name).write_text("not ours", encoding="utf-8")
    assert stale_temp_files(document) == mine
    assert stale_temp_files(other) == sorted(folder.glob(".other.journey.*.tmp"))


def test_a_folder_or_symlink_with_a_temp_name_is_not_a_temp_file(document):
    (document.parent / f".{NAME}.0000aaaa.tmp").mkdir()
    (document.parent / f".{NAME}.0000bbbb.tmp").symlink_to(document)
    assert stale_temp_files(document) == []


def test_removes_only_temp_files_older_than_the_limit(document):
    old = [leave_temp(document, age_s=3600), leave_temp(document, age_s=61)]
    young = leave_temp(document, age_s=5)  # perhaps a save still running in another window
    assert remove_stale_temp_files(document, older_than_s=60) == 2
    assert not any(p.exists() for p in old)
    assert stale_temp_files(document) == [young]
    assert remove_stale_temp_files(document, older_than_s=0) == 1
    assert sorted(os.listdir(document.parent)) == [NAME]
    assert document.read_bytes().startswith(b"{")  # the document itself untouched


def test_temp_files_of_a_symlinked_document_are_next_to_its_target(tmp_path, document):
    link = tmp_path / "links" / "shortcut.journey"
    link.parent.mkdir()
    link.symlink_to(document)
    temp = leave_temp(document)
    assert stale_temp_files(link) == [temp]
    assert remove_stale_temp_files(link, older_than_s=0) == 1


def test_a_long_document_name_matches_the_saver_cutting_it(tmp_path):
    document = tmp_path / ("x" * 240 + ".journey")  # the saver keeps the first 200 characters
    temp = leave_temp(document)
    assert len(temp.name) == 1 + 200 + 1 + 8 + 4
    assert stale_temp_files(document) == [temp]
    assert stale_temp_files(tmp_path / ("x" * 240 + ".other")) == [temp]  # same 200 first: shared


def test_missing_folder_or_document_is_no_error(tmp_path, document):
    assert stale_temp_files(tmp_path / "gone" / NAME) == []
    assert remove_stale_temp_files(tmp_path / "gone" / NAME) == 0
    assert stale_temp_files(tmp_path / "not-yet-saved.journey") == []


def test_a_temp_file_that_vanishes_or_resists_is_skipped(document, monkeypatch):
    temps = [leave_temp(document, age_s=120), leave_temp(document, age_s=120)]
    real_unlink = Path.unlink

    def unlink_first_fails(self, *args, **kwargs):
        if self == temps[0]:
            raise PermissionError(13, "permission denied", str(self))
        return real_unlink(self, *args, **kwargs)

    monkeypatch.setattr(Path, "unlink", unlink_first_fails)
    assert remove_stale_temp_files(document) == 1
    assert stale_temp_files(document) == [temps[0]]


def test_a_successful_save_leaves_nothing_to_clean(document):
    for title in ("a", "b", "c"):
        save_journey(JourneyMap(title), document)
    assert stale_temp_files(document) == []


def test_a_long_japanese_name_still_saves(tmp_path):
    from model import JourneyMap
    from model.fileformat import load_journey, save_journey

    # 80 Japanese characters are 240 UTF-8 bytes: cutting the temp name by characters overflowed
    # the file system's 255-byte name limit, so such a map could be opened but never saved.
    path = tmp_path / ("顧客" * 40 + ".journey")
    save_journey(JourneyMap("x"), path)
    save_journey(JourneyMap("y"), path)
    assert load_journey(path).title == "y"
    assert list(tmp_path.iterdir()) == [path]
