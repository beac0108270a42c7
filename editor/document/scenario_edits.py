"""ScenarioEdits: adding, renaming, deleting and moving scenarios as undo steps, on the document's
one undo stack (``document.scenario_edits``).

Every scenario's map edits and these scenario steps share one QUndoStack, so Undo walks back
through the document's history in the order it was made, whatever scenario each step touched.
A map edit's step switches to its scenario before it replays (the document sets the gate's
``focus``); a scenario step shows the scenario it brings back (an undone deletion, a redone
addition). Switching scenarios is not a step: it changes what is shown, not the document. A step
that no longer applies (a peer deleted the scenario meanwhile) is skipped like a map edit:
obsolete, reported through ``on_skipped``. Imports: PySide6 (QtGui), model, editor.i18n.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand, QUndoStack

from editor.i18n import tr
from model import ModelError
from model.scenarios import Scenario, ScenarioSet

Skipped = Callable[[bool, ModelError], None]


class ScenarioCommand(QUndoCommand):
    """One scenario step: ``first()`` ran before the push (so a refusal never reaches the stack),
    then ``apply()``/``revert()`` replay it; a replay the set refuses marks it obsolete."""

    def __init__(self, text: str, scenarios: ScenarioSet, on_skipped: Skipped) -> None:
        super().__init__(text)
        self.scenarios, self._on_skipped = scenarios, on_skipped
        self._pushed = False

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True
            return
        self._replay(self.apply, True)

    def undo(self) -> None:
        self._replay(self.revert, False)

    def _replay(self, action: Callable[[], None], is_redo: bool) -> None:
        try:
            action()
        except ModelError as exc:
            self.setObsolete(True)
            self._on_skipped(is_redo, exc)

    def apply(self) -> None:
        raise NotImplementedError  # pragma: no cover - each step says what it does

    def revert(self) -> None:
        raise NotImplementedError  # pragma: no cover


class AddScenarioCommand(ScenarioCommand):
    """A scenario added (copy or empty) and shown; undo removes it (the neighbour shows)."""

    def __init__(self, scenarios: ScenarioSet, scenario: Scenario, previous: str,
                 on_skipped: Skipped) -> None:
        super().__init__(tr("Add scenario \"%1\"").replace("%1", scenario.name), scenarios,
                         on_skipped)
        self.scenario, self.index = scenario, scenarios.index_of(scenario.id)
        self.previous = previous  # the scenario shown before: shown again after an undo

    def apply(self) -> None:
        self.scenarios.insert(self.scenario, self.index)
        self.scenarios.set_current(self.scenario.id)

    def revert(self) -> None:
        if self.scenarios.has(self.previous):
            self.scenarios.set_current(self.previous)
        self.scenarios.remove(self.scenario.id)


class RemoveScenarioCommand(ScenarioCommand):
    def __init__(self, scenarios: ScenarioSet, scenario: Scenario, index: int,
                 on_skipped: Skipped) -> None:
        super().__init__(tr("Delete scenario \"%1\"").replace("%1", scenario.name), scenarios,
                         on_skipped)
        self.scenario, self.index = scenario, index

    def apply(self) -> None:
        self.scenarios.remove(self.scenario.id)

    def revert(self) -> None:
        self.scenarios.insert(self.scenario, min(self.index, len(self.scenarios)))
        self.scenarios.set_current(self.scenario.id)


class RenameScenarioCommand(ScenarioCommand):
    def __init__(self, scenarios: ScenarioSet, scenario_id: str, old: str, new: str,
                 on_skipped: Skipped) -> None:
        super().__init__(tr("Rename scenario \"%1\" to \"%2\"").replace("%1", old)
                         .replace("%2", new), scenarios, on_skipped)
        self.scenario_id, self.old, self.new = scenario_id, old, new

    def apply(self) -> None:
        self.scenarios.rename(self.scenario_id, self.new)

    def revert(self) -> None:
        self.scenarios.rename(self.scenario_id, self.old)


class MoveScenarioCommand(ScenarioCommand):
    def __init__(self, scenarios: ScenarioSet, scenario_id: str, old: int, new: int,
                 on_skipped: Skipped) -> None:
        name = scenarios.scenario(scenario_id).name
        super().__init__(tr("Move scenario \"%1\"").replace("%1", name), scenarios, on_skipped)
        self.scenario_id, self.old, self.new = scenario_id, old, new

    def apply(self) -> None:
        self.scenarios.move(self.scenario_id, self.new)

    def revert(self) -> None:
        self.scenarios.move(self.scenario_id, self.old)


class ScenarioEdits:
    """The one door for scenario steps; each method raises ModelError (nothing changed, nothing
    pushed) when the set refuses, e.g. a name already used or the last scenario deleted."""

    def __init__(self, scenarios: ScenarioSet, undo_stack: QUndoStack, on_skipped: Skipped) -> None:
        self.scenarios, self.undo_stack, self._on_skipped = scenarios, undo_stack, on_skipped

    def add_copy(self, source_id: str | None = None, name: str | None = None) -> Scenario:
        """A copy of ``source_id`` (default: the current scenario), placed after it and shown."""
        return self._add(self.scenarios.add_copy, source_id, name)

    def add_empty(self, source_id: str | None = None, name: str | None = None) -> Scenario:
        """A scenario on the same stages and lanes, no cards, placed after its source and shown."""
        return self._add(self.scenarios.add_empty, source_id, name)

    def _add(self, make, source_id: str | None, name: str | None) -> Scenario:
        source = source_id or self.scenarios.current_id
        previous = self.scenarios.current_id
        scenario = make(source, name, None, self.scenarios.index_of(source) + 1)
        self.scenarios.set_current(scenario.id)
        self._push(AddScenarioCommand(self.scenarios, scenario, previous, self._on_skipped))
        return scenario

    def rename(self, scenario_id: str, name: str) -> None:
        old = self.scenarios.scenario(scenario_id).name
        name = name.strip()
        if name == old:
            return
        self.scenarios.rename(scenario_id, name)
        self._push(RenameScenarioCommand(self.scenarios, scenario_id, old, name, self._on_skipped))

    def remove(self, scenario_id: str) -> None:
        scenario, index = self.scenarios.remove(scenario_id)
        self._push(RemoveScenarioCommand(self.scenarios, scenario, index, self._on_skipped))

    def move(self, scenario_id: str, new_index: int) -> None:
        old = self.scenarios.index_of(scenario_id)
        if old == new_index:
            return
        self.scenarios.move(scenario_id, new_index)
        self._push(MoveScenarioCommand(self.scenarios, scenario_id, old, new_index,
                                       self._on_skipped))

    def _push(self, command: ScenarioCommand) -> None:
        self.undo_stack.push(command)  # its first redo is a no-op: the change is made
