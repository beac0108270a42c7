"""Shared by the tests of the `.journey` file layer (tests/model/test_fileformat_*.py): a small
valid map to break one thing in, the assertion that content is refused naming its source, and
the markers for Hypothesis-heavy and permission-dependent tests. Imports pytest, hypothesis and
model.* only; Qt-free.
"""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from model import JourneyFileError
from model.fileformat.journey_file import loads_journey

SOURCE = "workshop.journey"


def _permissions_enforced() -> bool:
    """False for root (or anyone else who may read a mode-000 file): those tests cannot fail."""
    with tempfile.TemporaryDirectory() as folder:
        probe = Path(folder) / "probe"
        probe.write_text("x", encoding="utf-8")
        probe.chmod(0)
        try:
            probe.read_text(encoding="utf-8")
            return False
        except PermissionError:
            return True
        finally:
            probe.chmod(0o600)


PERMISSIONS = os.name != "nt" and _permissions_enforced()
needs_permissions = pytest.mark.skipif(not PERMISSIONS, reason="file permissions not enforced")
slow = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow], max_examples=60)


def valid_data() -> dict:
    """A small map using every element kind; tests break one thing in a copy of it."""
    return {
        "format": "journey-map", "version": 1,
        "map": {"title": "オンボーディング", "language": "ja", "description": ""},
        "segments": [{"id": "seg-smb", "name": "SMB", "colour": "#4e79a7"}],
        "stages": [
            {"id": "st-onb", "name": "導入", "overview": "", "emotions": {"": 1, "seg-smb": -1},
             "exit_criteria": [{"text": "Setup done", "kpi": "100% of setup tasks"}]},
            {"id": "st-adopt", "name": "積極活用", "overview": "", "exit_criteria": [],
             "emotions": {}},
        ],
        "lanes": [{"id": "ln-tp", "name": "Touchpoints", "kind": "touchpoints"},
                  {"id": "ln-pain", "name": "Pain points", "kind": "pain_points"}],
        "cards": [
            {"id": "c1", "stage": "st-onb", "lane": "ln-tp", "kind": "idea", "title": "Chat",
             "segments": ["seg-smb"], "votes": 2},
            {"id": "c2", "stage": "st-onb", "lane": "ln-pain", "kind": "pain_point",
             "title": "Manual is hard to find"},
        ],
        "transitions": [{"id": "t1", "source": "st-onb", "target": "st-adopt",
                         "kind": "forward", "trigger": "Kick-off", "conversion_rate": 0.9}],
        "paths": [{"id": "p1", "name": "Model path", "colour": "#e15759",
                   "stages": ["st-onb", "st-adopt"]}],
        "links": [{"id": "l1", "source": "c1", "target": "c2", "kind": "addresses"}],
    }


def refused(content, source=SOURCE) -> JourneyFileError:
    with pytest.raises(JourneyFileError) as info:
        loads_journey(content, source)
    error = info.value
    assert str(error).startswith(f"{source}: ")
    return error


def refused_data(change) -> JourneyFileError:
    data = valid_data()
    change(data)
    return refused(json.dumps(data, ensure_ascii=False))
