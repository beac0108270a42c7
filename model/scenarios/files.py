"""A whole document (every scenario) to and from `.journey` files, through model.fileformat's
checks and atomic writes. ``load_document``/``save_document`` are the editor's open and save;
``model.fileformat.load_journey`` stays for callers that want one map (the current scenario).
Imports model.fileformat, model.journey and model.scenarios.scenario_set.
"""
from __future__ import annotations

import os
from typing import Any

from model.bulk import gc_paused
from model.fileformat.journey_file import (
    CURRENT_VERSION,
    FORMAT_NAME,
    build_map,
    dumps_data,
    loads_data,
    read_journey_bytes,
    save_data,
)
from model.fileformat.scenario_data import DOCUMENT_FIELDS, normalize_scenarios, scenario_body, scenario_entry
from model.journey.plain_data import map_to_data
from model.scenarios.naming import AS_IS_ID, default_name
from model.scenarios.scenario_set import Scenario, ScenarioSet

__all__ = ["document_from_data", "document_to_data", "dumps_document", "load_document",
           "loads_document", "save_document"]


def load_document(path: str | os.PathLike[str]) -> ScenarioSet:
    """Every scenario of a `.journey` file (any version); JourneyFileError if it is not valid."""
    return loads_document(read_journey_bytes(path), source=path)


def loads_document(content: str | bytes, source: Any = "<string>") -> ScenarioSet:
    """Every scenario of a `.journey` file's text or bytes; ``source`` names it in errors."""
    with gc_paused():
        return document_from_data(loads_data(content, source), source)


def document_from_data(data: dict[str, Any], source: Any = "<data>") -> ScenarioSet:
    """A scenario set from checked data (``model.fileformat.loads_data`` or ``validate_data``)."""
    data = normalize_scenarios(data)
    scenarios = [Scenario(entry["id"], entry.get("name", ""), build_map(scenario_body(entry), source))
                 for entry in data["scenarios"]]
    extra = {k: v for k, v in data.items() if k not in DOCUMENT_FIELDS}
    return ScenarioSet(scenarios, data["current_scenario"], extra)


def document_to_data(scenarios: ScenarioSet) -> dict[str, Any]:
    """The plain data of a whole document, as it is saved. A document that is just its as-is
    scenario (default id and name, no document fields) is saved in the top-level form, as a
    single map is: the same file, readable by every tool that reads version 2 layouts."""
    if _is_plain_map(scenarios):
        return map_to_data(scenarios.journey)
    entries = [scenario_entry(s.id, s.name, map_to_data(s.journey)) for s in scenarios]
    return {"format": FORMAT_NAME, "version": CURRENT_VERSION,
            "current_scenario": scenarios.current_id, "scenarios": entries, **scenarios.extra}


def _is_plain_map(scenarios: ScenarioSet) -> bool:
    if len(scenarios) != 1 or scenarios.extra:
        return False
    only = scenarios.current
    return only.id == AS_IS_ID and only.name == default_name(AS_IS_ID, only.journey.language)


def dumps_document(scenarios: ScenarioSet) -> str:
    return dumps_data(document_to_data(scenarios))


def save_document(scenarios: ScenarioSet, path: str | os.PathLike[str]) -> bytes:
    """Write every scenario atomically; JourneyFileError on failure (the old file intact).
    Returns the bytes written."""
    return save_data(document_to_data(scenarios), path)
