"""Scenario ids and names: the defaults (as-is 現状 / As-is, to-be あるべき姿 / To-be, then
"Scenario 3" / "シナリオ 3") and fresh ids made from a name. Pure; imports
model.fileformat.scenario_data (where the file format defines the default names).
"""
from __future__ import annotations

import re
from collections.abc import Collection

from model.fileformat.scenario_data import AS_IS_ID, TO_BE_ID, default_name, is_japanese

__all__ = ["AS_IS_ID", "TO_BE_ID", "default_name", "fresh_id", "next_default"]

_NOT_ID = re.compile(r"[^0-9a-z]+")


def next_default(ids: Collection[str], names: Collection[str], language: str) -> tuple[str, str]:
    """The id and name of a new scenario: as-is, then to-be, then scenario-3 "Scenario 3"..."""
    for scenario_id in (AS_IS_ID, TO_BE_ID):
        name = default_name(scenario_id, language)
        if scenario_id not in ids and name not in names:
            return scenario_id, name
    number = len(ids) + 1
    while True:
        name = f"シナリオ {number}" if is_japanese(language) else f"Scenario {number}"
        if f"scenario-{number}" not in ids and name not in names:
            return f"scenario-{number}", name
        number += 1


def fresh_id(name: str, ids: Collection[str]) -> str:
    """An id for a scenario named ``name``: its ASCII letters and digits ("to-be" for "To be"),
    or "scenario"; "-2", "-3"... added until it is unused."""
    base = _NOT_ID.sub("-", name.casefold()).strip("-")[:48] or "scenario"
    candidate, number = base, 1
    while candidate in ids:
        number += 1
        candidate = f"{base}-{number}"
    return candidate
