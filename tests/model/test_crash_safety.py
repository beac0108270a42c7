"""Crash safety of saving: a saving process killed with SIGKILL at random moments leaves the old
file or a new one, never a broken one; the temp files a kill leaves are found and removed.
Qt-free. The long run (500 kills of a 1 MB map) is scripts/crash_save.py; see docs/reliability.md.
"""
from __future__ import annotations

import os
import random

import pytest

from model.fileformat import save_journey
from model.fileformat.tempfiles import stale_temp_files
from scripts.crash_save import Tally, Versions, kill_once

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")
KILLS = 20


def test_a_killed_save_leaves_the_old_or_a_new_file(tmp_path):
    versions = Versions.make(tmp_path / "versions", cards=200)
    target = tmp_path / "work" / "workshop.journey"
    target.parent.mkdir()
    rng, tally = random.Random(20), Tally()
    for _ in range(KILLS):
        save_journey(versions.old, target)
        outcome = kill_once(versions, target, rng, tally)
        assert outcome in ("old", "new"), f"a kill after {tally.delays[-1] * 1000:.1f} ms: {outcome}"
    assert sum(tally.counts.values()) == KILLS
    assert stale_temp_files(target) == []  # kill_once removes what each kill left, as the editor does
    assert os.listdir(target.parent) == ["workshop.journey"]
