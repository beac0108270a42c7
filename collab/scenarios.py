"""Scenarios in a live session: every scenario's map in the one Yjs document, and the list of
scenarios itself shared, so a scenario added, renamed, moved or removed by one person does the
same on every peer. No Qt; imports pycrdt, model.* and collab.* only.

Layout (docs/collaboration.md, "Scenarios"): each scenario's map has its own roots, named as
today's (``map``, ``cards``, ...) with a prefix: "" for the **base** scenario (the first one when
the document was made; a layout-2 document is its base scenario alone, so older peers keep
reading and editing it) and ``scenario/<id>/`` for the others. The root ``scenarios`` is a Y.Map
scenario id -> record {``name``, ``pos`` (order key), ``base`` (true for the base one),
``deleted`` (a tombstone: the roots stay, so an undo brings the scenario back)}. One
``SyncEngine`` per scenario keeps its map and its roots in step. Which scenario a person looks
at is theirs (not shared).

Repair on read, identical on every peer: live records sort by (pos, id); a name that is empty
or used by an earlier scenario reads as "<name> (<id>)"; the base is the first record claiming
``base`` in that order; with no live record at all, the base scenario shows alone.
"""
from __future__ import annotations

import asyncio
from typing import Any

from pycrdt import Doc, Map

from model.journey.events import Event
from model.scenarios import Scenario, ScenarioSet
from model.scenarios.naming import AS_IS_ID, default_name

from .engine import SyncEngine
from .layout import META_ROOT, ROOTS, valid_id
from .ordering import assign_keys, fresh_keys, usable

SCENARIOS_ROOT = "scenarios"
NAME, POS, BASE, DELETED = "name", "pos", "base", "deleted"


def prefix_for(scenario_id: str, base: bool) -> str:
    return "" if base else f"scenario/{scenario_id}/"


class ScenarioSync:
    """Keeps a ScenarioSet and a Doc saying the same thing. ``share(scenarios, doc)`` on the
    host (an empty document), ``join(doc)`` on a guest (after the first sync)."""

    def __init__(self, scenarios: ScenarioSet, doc: Doc, engines: dict[str, SyncEngine],
                 base_id: str) -> None:
        self.scenarios, self.doc, self.engines, self.base_id = scenarios, doc, engines, base_id
        self.origin = f"journey-engine:{doc.client_id}"  # the engines' origin: one transaction
        self._root = doc.get(SCENARIOS_ROOT, type=Map)
        self._parked: dict[str, SyncEngine] = {}  # engines of removed scenarios (for an undo)
        self._applying = False
        self._changed = False
        self._root_subscription = self._root.observe_deep(self._on_root)
        self._doc_subscription = doc.observe(self._after_transaction)
        scenarios.events.connect(self._on_set_event)

    # ------------------------------------------------------------------------- making one
    @classmethod
    def share(cls, scenarios: ScenarioSet, doc: Doc) -> ScenarioSync:
        """Publish every scenario into an empty document; the first one is the base."""
        ids = scenarios.scenario_ids()
        engines = {s.id: SyncEngine(s.journey, doc, prefix=prefix_for(s.id, s.id == ids[0]))
                   for s in scenarios}
        with doc.transaction(origin=f"journey-engine:{doc.client_id}"):
            for engine in engines.values():
                engine.publish()
            root = doc.get(SCENARIOS_ROOT, type=Map)
            for scenario, key in zip(scenarios, fresh_keys(len(ids)), strict=True):
                root[scenario.id] = Map({NAME: scenario.name, POS: key,
                                         BASE: scenario.id == ids[0]})
        return cls(scenarios, doc, engines, ids[0])

    @classmethod
    def join(cls, doc: Doc) -> ScenarioSync:
        """The scenarios a synced document holds, each map built from its roots."""
        shown = read_scenarios(doc.get(SCENARIOS_ROOT, type=Map).to_py() or {})
        if not shown:  # a layout-2 document: its maps roots are the as-is scenario
            engine = SyncEngine.join(doc)
            name = default_name(AS_IS_ID, engine.journey.language)
            return cls(ScenarioSet([Scenario(AS_IS_ID, name, engine.journey)]), doc,
                       {AS_IS_ID: engine}, AS_IS_ID)
        base_id = next(i for i, _, base in shown if base)
        engines = {i: SyncEngine.join(doc, prefix_for(i, base)) for i, _, base in shown}
        scenarios = ScenarioSet([Scenario(i, name, engines[i].journey) for i, name, _ in shown])
        return cls(scenarios, doc, engines, base_id)

    def engine(self, scenario_id: str) -> SyncEngine:
        return self.engines[scenario_id]

    def close(self) -> None:
        self.scenarios.events.disconnect(self._on_set_event)
        self._root.unobserve(self._root_subscription)
        self.doc.unobserve(self._doc_subscription)
        for engine in [*self.engines.values(), *self._parked.values()]:
            engine.close()

    # ------------------------------------------------------------------------- local changes
    def _on_set_event(self, event: Event) -> None:
        if self._applying or event.type == "current_scenario_changed":
            return
        added = None
        if event.type == "scenario_added":
            # Subscriptions cannot be made inside a transaction: the engine first, then writes.
            added = self._engine_for(self.scenarios.scenario(event.scenario_id))
        with self.doc.transaction(origin=self.origin):
            self._ensure_records()
            if added is not None:
                self._write_added(self.scenarios.scenario(event.scenario_id), *added)
            elif event.type == "scenario_removed":
                self._root[event.scenario_id][DELETED] = True
                self._parked[event.scenario_id] = self.engines.pop(event.scenario_id)
            elif event.type == "scenario_renamed":
                self._root[event.scenario_id][NAME] = event.name
            self._write_order()

    def _ensure_records(self) -> None:
        """A layout-2 document gets its base scenario's record with the first added one."""
        if self.base_id not in self._root:
            base = self.scenarios.scenario(self.base_id) if self.scenarios.has(self.base_id) \
                else None
            self._root[self.base_id] = Map({NAME: base.name if base else self.base_id,
                                            POS: fresh_keys(1)[0], BASE: True})

    def _engine_for(self, scenario: Scenario) -> tuple[SyncEngine, bool]:
        """(engine, is_new): the parked engine of an undone removal, or a new one."""
        parked = self._parked.pop(scenario.id, None)
        if parked is not None and parked.journey is scenario.journey:
            return parked, False
        if parked is not None:  # the id of a removed scenario, used again for a new map
            parked.close()
        return SyncEngine(scenario.journey, self.doc, prefix=prefix_for(scenario.id, False)), True

    def _write_added(self, scenario: Scenario, engine: SyncEngine, is_new: bool) -> None:
        self.engines[scenario.id] = engine
        if not is_new:
            self._root[scenario.id].pop(DELETED, None)
            self._root[scenario.id][NAME] = scenario.name
            return
        _clear_roots(self.doc, engine.prefix)
        engine.publish()
        self._root[scenario.id] = Map({NAME: scenario.name, POS: ""})

    def _write_order(self) -> None:
        order = list(self.scenarios.scenario_ids())
        current = {i: self._root[i].get(POS) if i in self._root else None for i in order}
        current = {i: key if usable(key) else None for i, key in current.items()}
        for scenario_id, key in assign_keys(order, current).items():
            self._root[scenario_id][POS] = key

    # ------------------------------------------------------------------------- remote changes
    def _on_root(self, _events, transaction) -> None:
        if transaction.origin != self.origin:
            self._changed = True

    def _after_transaction(self, _event) -> None:
        # Engines cannot be made while the document is in a transaction: settle() makes them
        # at once after it, in the event loop that applied the update (the network client's, the
        # server's), or when the caller calls it (tests, a session without an event loop).
        if self._changed:
            try:
                asyncio.get_running_loop().call_soon(self.settle)
            except RuntimeError:
                pass

    def settle(self) -> None:
        """Bring the scenario set to what the document says (after remote changes)."""
        if not self._changed:
            return
        self._changed = False
        shown = read_scenarios(self._root.to_py() or {})
        if shown:
            self._apply(shown)

    def _apply(self, shown: list[tuple[str, str, bool]]) -> None:
        self._applying = True
        try:
            wanted = [i for i, _, _ in shown]
            for scenario_id in [i for i in self.scenarios.scenario_ids() if i not in wanted]:
                self.scenarios.remove(scenario_id)
                self._parked[scenario_id] = self.engines.pop(scenario_id)
            for index, (scenario_id, name, base) in enumerate(shown):
                if not self.scenarios.has(scenario_id):
                    self._insert_remote(scenario_id, name, base, index)
            self._rename_all({i: name for i, name, _ in shown})
            for index, scenario_id in enumerate(wanted):
                self.scenarios.move(scenario_id, index)
        finally:
            self._applying = False

    def _insert_remote(self, scenario_id: str, name: str, base: bool, index: int) -> None:
        engine = self._parked.pop(scenario_id, None)
        if engine is None:
            engine = SyncEngine.join(self.doc, prefix_for(scenario_id, base))
        self.engines[scenario_id] = engine
        taken = {s.name for s in self.scenarios}
        shown_name = name if name not in taken else _interim(scenario_id)
        self.scenarios.insert(Scenario(scenario_id, shown_name, engine.journey),
                              min(index, len(self.scenarios)))

    def _rename_all(self, names: dict[str, str]) -> None:
        """Names can swap between scenarios: free every name that moves first."""
        moving = {i: n for i, n in names.items() if self.scenarios.scenario(i).name != n}
        for scenario_id in moving:
            self.scenarios.rename(scenario_id, _interim(scenario_id))
        for scenario_id, name in moving.items():
            self.scenarios.rename(scenario_id, name)


def read_scenarios(records: dict[str, Any]) -> list[tuple[str, str, bool]]:
    """The live scenarios as (id, name, base), after the repair rules (module docstring); []
    for a document without scenario records (layout 2: its own roots are the one scenario)."""
    valid = sorted(((i, r) for i, r in records.items() if valid_id(i) and isinstance(r, dict)),
                   key=lambda item: (_key(item[1].get(POS)), item[0]))
    base_id = next((i for i, r in valid if r.get(BASE) is True), None)
    if base_id is None:
        return []
    live = [(i, r) for i, r in valid if r.get(DELETED) is not True] or \
        [(i, r) for i, r in valid if i == base_id]
    shown: list[tuple[str, str, bool]] = []
    names: set[str] = set()
    for scenario_id, record in live:
        name = record.get(NAME)
        name = name.strip() if isinstance(name, str) and name.strip() else scenario_id
        if name in names:
            name = f"{name} ({scenario_id})"
        names.add(name)
        shown.append((scenario_id, name, scenario_id == base_id))
    return shown


def _interim(scenario_id: str) -> str:
    """A name no one types, held for an instant while names swap between scenarios."""
    return f"\u2026{scenario_id}\u2026"


def _key(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _clear_roots(doc: Doc, prefix: str) -> None:
    """Empty a scenario's roots (its id is used again for a new map); call in a transaction."""
    for name in (META_ROOT, *ROOTS.values()):
        root = doc.get(prefix + name, type=Map)
        for key in list(root.keys()):
            del root[key]
