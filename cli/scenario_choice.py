"""Choosing scenarios on the command line (``compare --from/--to``, ``export --scenario`` and
``--compare``): by id or name, with an error that names the scenario that does not exist and lists
those that do. Not a verb. Imports model.* only.
"""
from __future__ import annotations

from pathlib import Path

from model.journey.errors import ModelError
from model.scenarios import Scenario, ScenarioSet


class ScenarioChoiceError(ModelError):
    """A scenario asked for on the command line is not in the file (exit 2, one line)."""


def listed(scenarios: ScenarioSet) -> str:
    return ", ".join(f'"{s.name}" ({s.id})' for s in scenarios)


def pick(scenarios: ScenarioSet, wanted: str, path: Path) -> Scenario:
    """The scenario with the id or name ``wanted``; ScenarioChoiceError naming both if none."""
    found = scenarios.find(wanted)
    if found is None:
        raise ScenarioChoiceError(f'{path}: there is no scenario "{wanted}"; the file has '
                                  f"{listed(scenarios)}")
    return found


def pair(scenarios: ScenarioSet, before: str | None, after: str | None,
         path: Path) -> tuple[Scenario, Scenario]:
    """The two scenarios to compare; by default the first and the second."""
    if len(scenarios) < 2 and (before is None or after is None):
        raise ScenarioChoiceError(f"{path}: has one scenario ({listed(scenarios)}); a comparison "
                                  "needs two")
    ids = scenarios.scenario_ids()
    first = pick(scenarios, before, path) if before is not None else scenarios.scenario(ids[0])
    default_after = ids[1] if ids[0] == first.id else ids[0]
    second = pick(scenarios, after, path) if after is not None else scenarios.scenario(default_after)
    return first, second
