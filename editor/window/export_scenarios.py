"""Scenarios in File → Export (issue 16): which scenario to export, and for the PDF poster and the
Excel workbook a comparison with another scenario, what the command line's ``--scenario`` and
``--compare A B`` do.

``ScenarioExportRows`` adds the two rows to an options form (the PDF and PowerPoint options
dialog, editor.window.export_dialog, and ``ScenarioExportDialog`` for Excel, which has no other
options); shown only when the document has more than one scenario. The comparison runs from the
scenario earlier in the bar to the later one (as-is → to-be, whichever of the two is exported), as
the bar reads left to right. ``scenario_job`` is the worker's job: every map is a MapSnapshot
taken in the GUI thread; the comparison is worked out in the worker, like the export itself.
Imports: PySide6, model (snapshot, scenarios.compare), editor.window.export_worker (the jobs'
types only).
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QWidget

from editor.window.export_worker import Job
from model.journey.snapshot import MapSnapshot
from model.scenarios.compare import compare_maps

NO_COMPARISON = ""


class ScenarioExportRows(QObject):
    """"Scenario:" and (``comparing``) "Add a comparison with:" in ``form``; ``chosen(snapshot)``
    hears of another scenario chosen (the PDF preview works on its map)."""

    def __init__(self, scenarios, form: QFormLayout, comparing: bool, parent: QWidget,
                 chosen: Callable[[MapSnapshot], None] | None = None) -> None:
        super().__init__(parent)
        self.scenarios, self._chosen = scenarios, chosen
        self._snapshots: dict[str, MapSnapshot] = {}
        self.scenario = QComboBox(parent)
        self.scenario.setObjectName("exportScenario")
        for scenario in scenarios:
            self.scenario.addItem(scenario.name, scenario.id)
        self.scenario.setCurrentIndex(scenarios.index_of(scenarios.current_id))
        self.compare: QComboBox | None = None
        self.direction = QLabel(parent)
        visible = len(scenarios) > 1
        if visible:
            form.addRow(self.tr("Scenario:"), self.scenario)
        if visible and comparing:
            self.compare = QComboBox(parent)
            self.compare.setObjectName("exportCompare")
            form.addRow(self.tr("Add a comparison with:"), self.compare)
            form.addRow("", self.direction)
            self.compare.currentIndexChanged.connect(lambda _i: self._show_direction())
        self.scenario.currentIndexChanged.connect(lambda _i: self._scenario_changed())
        self._fill_compare()

    def scenario_id(self) -> str:
        return self.scenario.currentData()

    def snapshot(self, scenario_id: str | None = None) -> MapSnapshot:
        """The scenario's map frozen for the worker (taken once per dialog)."""
        scenario_id = scenario_id or self.scenario_id()
        if scenario_id not in self._snapshots:
            self._snapshots[scenario_id] = MapSnapshot.of(self.scenarios.scenario(scenario_id).journey)
        return self._snapshots[scenario_id]

    def pair(self) -> tuple[str, str] | None:
        """(before id, after id) of the comparison asked for, in the bar's order; None if none."""
        other = self.compare.currentData() if self.compare is not None else NO_COMPARISON
        if not other:
            return None
        exported = self.scenario_id()
        ordered = sorted((exported, other), key=self.scenarios.index_of)
        return ordered[0], ordered[1]

    def comparison_source(self) -> tuple[MapSnapshot, MapSnapshot, str, str] | None:
        """What the worker compares: both maps frozen, and their names."""
        pair = self.pair()
        if pair is None:
            return None
        names = [self.scenarios.scenario(i).name for i in pair]
        return self.snapshot(pair[0]), self.snapshot(pair[1]), names[0], names[1]

    def _scenario_changed(self) -> None:
        self._fill_compare()
        if self._chosen is not None:
            self._chosen(self.snapshot())

    def _fill_compare(self) -> None:
        if self.compare is None:
            return
        kept = self.compare.currentData()
        self.compare.blockSignals(True)
        self.compare.clear()
        self.compare.addItem(self.tr("No comparison"), NO_COMPARISON)
        for scenario in self.scenarios:
            if scenario.id != self.scenario_id():
                self.compare.addItem(scenario.name, scenario.id)
        self.compare.setCurrentIndex(max(0, self.compare.findData(kept)))
        self.compare.blockSignals(False)
        self._show_direction()

    def _show_direction(self) -> None:
        pair = self.pair()
        if pair is None:
            self.direction.setText("")
            return
        before, after = (self.scenarios.scenario(i).name for i in pair)
        self.direction.setText(self.tr("Compares %1 → %2 (a comparison page in the PDF, a "
                                       "\"Compare\" sheet in Excel)").replace("%1", before)
                               .replace("%2", after))


class ScenarioExportDialog(QDialog):
    """The Excel export's choices when the document has several scenarios."""

    def __init__(self, scenarios, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Excel Workbook Options"))
        form = QFormLayout(self)
        self.rows = ScenarioExportRows(scenarios, form, True, self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


def scenario_job(snapshot: MapSnapshot, module: str, function: str, path: str,
                 options: dict[str, Any],
                 source: tuple[MapSnapshot, MapSnapshot, str, str] | None) -> Job:
    """One exporter's job on ``snapshot``, with the comparison of ``source`` (worked out in the
    worker) handed to it as the command line's ``--compare`` does."""
    def job(progress):
        from importlib import import_module

        exporter = getattr(import_module(f"exporters.{module}"), function)
        extra = {}
        if source is not None:
            before, after, before_name, after_name = source
            extra["comparison"] = compare_maps(before.to_map(), after.to_map(), before_name,
                                               after_name)
        return exporter(snapshot.to_map(), path, progress=progress, **options, **extra)
    return job
