"""The scenarios of one journey document: as-is (現状), to-be (あるべき姿) and any more.

A scenario is a whole map (``Scenario.journey``, a JourneyMap with its own stages, lanes, cards,
emotion curves, transitions, segments and workshop data), with an id and a name, each unique in
the set. Everything that works on one map (layout, exporters, health check, import) works on a
scenario unchanged; a copy keeps the element ids, so a comparison can match cards by id.
``ScenarioSet`` owns the ordered scenarios and the current one. Like the map, its mutators check
first, then change, then emit one past-tense event (``scenario_added``, ``scenario_removed``,
``scenario_renamed``, ``scenario_moved``, ``current_scenario_changed``) carrying ids; removal
returns what ``insert`` needs to restore it exactly (for undo and for live sync). Refusals a
person can meet (a name in use, no name, the last scenario) are translatable Messages. Edits inside a
scenario are the map's own events. Pure Python; imports model.journey, model.fileformat
(serialize, scenario_data) and model.scenarios.naming.
"""
from __future__ import annotations

import copy
from collections.abc import Iterable
from typing import Any

from model.fileformat.serialize import map_from_data
from model.journey import validation as check
from model.journey.errors import ModelError
from model.journey.events import EventEmitter
from model.journey.journey_map import JourneyMap
from model.journey.messages import Message
from model.scenarios.naming import AS_IS_ID, default_name, fresh_id, next_default

EMPTY_KEEPS = ("map", "segments", "stages", "lanes")  # what an empty scenario takes from its source


class Scenario:
    """One scenario: its id (fixed), its name (renamed through the set) and its map."""

    def __init__(self, scenario_id: str, name: str, journey: JourneyMap) -> None:
        check.check_id(scenario_id, "scenario id")
        check.check_text(name, "scenario name")
        self._id, self._name, self._journey = scenario_id, name, journey

    @property
    def id(self) -> str:
        return self._id

    @property
    def name(self) -> str:
        return self._name

    @property
    def journey(self) -> JourneyMap:
        return self._journey

    def __repr__(self) -> str:
        return f"Scenario({self._id!r}, {self._name!r}, {self._journey!r})"


class ScenarioSet:
    """The ordered scenarios of a document, and the current one (the one the editor shows)."""

    def __init__(self, scenarios: Iterable[Scenario], current_id: str | None = None,
                 extra: dict[str, Any] | None = None) -> None:
        self._scenarios: list[Scenario] = []
        for scenario in scenarios:
            self._check_new(scenario.id, scenario.name)
            self._scenarios.append(scenario)
        if not self._scenarios:
            raise ModelError("a document needs at least one scenario")
        self._current = self._scenarios[0].id if current_id is None else current_id
        self._find_id(self._current)
        self._extra = copy.deepcopy(dict(extra or {}))
        self.events = EventEmitter()

    @classmethod
    def of_map(cls, journey: JourneyMap, scenario_id: str = AS_IS_ID,
               name: str | None = None) -> ScenarioSet:
        """One scenario holding ``journey``; named 現状 / As-is by the map's language."""
        if name is None:
            name = default_name(scenario_id, journey.language)
        return cls([Scenario(scenario_id, name, journey)])

    # ----------------------------------------------------------------- queries
    def scenarios(self) -> tuple[Scenario, ...]:
        return tuple(self._scenarios)

    def scenario_ids(self) -> tuple[str, ...]:
        return tuple(s.id for s in self._scenarios)

    def __len__(self) -> int:
        return len(self._scenarios)

    def __iter__(self):
        return iter(tuple(self._scenarios))

    def scenario(self, scenario_id: str) -> Scenario:
        return self._scenarios[self._find_id(scenario_id)]

    def has(self, scenario_id: str) -> bool:
        return any(s.id == scenario_id for s in self._scenarios)

    def index_of(self, scenario_id: str) -> int:
        return self._find_id(scenario_id)

    def find(self, id_or_name: str) -> Scenario | None:
        """The scenario with this id, else this name (then ignoring case, spaces, hyphens and
        underscores), else None."""
        for matches in (lambda s: s.id == id_or_name, lambda s: s.name == id_or_name,
                        lambda s: _folded(s.name) == _folded(id_or_name)):
            found = [s for s in self._scenarios if matches(s)]
            if found:
                return found[0]
        return None

    @property
    def current(self) -> Scenario:
        return self.scenario(self._current)

    @property
    def current_id(self) -> str:
        return self._current

    @property
    def journey(self) -> JourneyMap:
        """The current scenario's map."""
        return self.current.journey

    @property
    def language(self) -> str:
        return self._scenarios[0].journey.language

    @property
    def extra(self) -> dict[str, Any]:
        """The document's unknown top-level fields (kept through load and save)."""
        return copy.deepcopy(self._extra)

    # ----------------------------------------------------------------- mutators
    def set_current(self, scenario_id: str) -> None:
        self._find_id(scenario_id)
        if scenario_id == self._current:
            return
        previous, self._current = self._current, scenario_id
        self.events.emit("current_scenario_changed", scenario_id=scenario_id, previous=previous)

    def add_copy(self, source_id: str | None = None, name: str | None = None,
                 scenario_id: str | None = None, index: int | None = None) -> Scenario:
        """A new scenario copying ``source_id`` (default: the current one), element ids kept."""
        source = self.scenario(source_id or self._current)
        journey = map_from_data(source.journey.to_data())
        return self.insert(self._new_scenario(journey, name, scenario_id), index)

    def add_empty(self, source_id: str | None = None, name: str | None = None,
                  scenario_id: str | None = None, index: int | None = None) -> Scenario:
        """A new scenario on the same stages and lanes as ``source_id`` (default: the current
        one): its title, segments, stages (with overview and exit criteria, no emotions) and
        lanes, nothing else (no cards, transitions, paths or workshop data)."""
        data = self.scenario(source_id or self._current).journey.to_data()
        kept = {k: v for k, v in data.items() if k in EMPTY_KEEPS}
        for stage in kept["stages"]:
            stage["emotions"] = {}
        return self.insert(self._new_scenario(map_from_data(kept), name, scenario_id), index)

    def insert(self, scenario: Scenario, index: int | None = None) -> Scenario:
        """Add a scenario built elsewhere (undo of a removal, a peer's scenario, an import)."""
        self._check_new(scenario.id, scenario.name)
        index = _checked_index(index, len(self._scenarios))
        self._scenarios.insert(index, scenario)
        self.events.emit("scenario_added", scenario_id=scenario.id, index=index)
        return scenario

    def rename(self, scenario_id: str, name: str) -> None:
        scenario = self.scenario(scenario_id)
        if name == scenario.name:
            return
        self._check_name(name, exclude=scenario_id)
        old, scenario._name = scenario.name, name
        self.events.emit("scenario_renamed", scenario_id=scenario_id, old_name=old, name=name)

    def remove(self, scenario_id: str) -> tuple[Scenario, int]:
        """Remove a scenario (never the last one); returns it and its index for ``insert``.
        Removing the current scenario makes its neighbour current first (one event each)."""
        index = self._find_id(scenario_id)
        if len(self._scenarios) == 1:
            raise ModelError(Message("the last scenario cannot be removed"))
        if scenario_id == self._current:
            neighbour = self._scenarios[index + 1 if index == 0 else index - 1]
            self.set_current(neighbour.id)
        scenario = self._scenarios.pop(index)
        self.events.emit("scenario_removed", scenario_id=scenario_id, index=index)
        return scenario, index

    def move(self, scenario_id: str, new_index: int) -> None:
        old_index = self._find_id(scenario_id)
        new_index = _checked_index(new_index, len(self._scenarios) - 1)
        if new_index == old_index:
            return
        self._scenarios.insert(new_index, self._scenarios.pop(old_index))
        self.events.emit("scenario_moved", scenario_id=scenario_id, old_index=old_index,
                         new_index=new_index)

    # ----------------------------------------------------------------- helpers
    def next_defaults(self) -> tuple[str, str]:
        """(id, name) a new scenario gets when none is given: to-be / あるべき姿 first."""
        return next_default(self.scenario_ids(), [s.name for s in self._scenarios], self.language)

    def _new_scenario(self, journey: JourneyMap, name: str | None,
                      scenario_id: str | None) -> Scenario:
        default_id, default_name_ = self.next_defaults()
        if scenario_id is None:
            scenario_id = default_id if name is None else fresh_id(name, self.scenario_ids())
        return Scenario(scenario_id, default_name_ if name is None else name, journey)

    def _find_id(self, scenario_id: str) -> int:
        for index, scenario in enumerate(self._scenarios):
            if scenario.id == scenario_id:
                return index
        raise ModelError(f"no scenario with id {scenario_id!r}")

    def _check_new(self, scenario_id: str, name: str) -> None:
        if self.has(scenario_id):
            raise ModelError(f"scenario id {scenario_id!r} is already used")
        self._check_name(name)

    def _check_name(self, name: str, exclude: str | None = None) -> None:
        check.check_text(name, "scenario name")
        if not name.strip():
            raise ModelError(Message("a scenario needs a name"))
        for scenario in self._scenarios:
            if scenario.id != exclude and scenario.name == name:
                raise ModelError(Message("another scenario is already named {name}",
                                         name=f'"{name}"'))

    def __repr__(self) -> str:
        return f"ScenarioSet({[s.name for s in self._scenarios]!r}, current={self._current!r})"


def _folded(name: str) -> str:
    """'As-is', 'as is' and 'AS_IS' alike: what a person types on a command line."""
    return "".join(name.replace("-", " ").replace("_", " ").split()).casefold()


def _checked_index(index: int | None, last: int) -> int:
    if index is None:
        return last
    if isinstance(index, bool) or not isinstance(index, int) or not 0 <= index <= last:
        raise ModelError(f"scenario index {index!r} is outside 0..{last}")
    return index
