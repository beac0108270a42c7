"""Fixtures of the exporter tests: a small Japanese map and the bundled template read through the
file layer like a user's file."""
from __future__ import annotations

import pytest
from export_maps import TEMPLATE, build_map

from model import JourneyMap


@pytest.fixture
def journey() -> JourneyMap:
    return build_map()


@pytest.fixture(scope="session")
def template_map() -> JourneyMap:
    from model.fileformat import load_journey

    return load_journey(TEMPLATE)
