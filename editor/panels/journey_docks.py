"""Docks that list parts of the journey: the moments of truth in journey order, and the health
check's findings. Selecting an entry selects the element on the canvas and scrolls to it.

Both follow the model's events; the health check re-runs at most every 300 ms while edits
stream in, since it walks the whole map. Imports: PySide6, model, editor.canvas.scene/view.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QListWidget, QListWidgetItem, QWidget

from editor.i18n import tr
from model import CardKind
from model.analysis import health_findings


class _ListDock(QDockWidget):
    """A dock holding one list whose entries carry an element id."""

    def __init__(self, title: str, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.setObjectName(object_name)
        self.list = QListWidget(self)
        self.list.setWordWrap(True)
        self.list.itemClicked.connect(self._go_to)
        self.list.itemActivated.connect(self._go_to)
        self.setWidget(self.list)
        self.scene = None
        self.view = None
        self._refresh_timer = QTimer(self, singleShot=True, interval=300)
        self._refresh_timer.timeout.connect(self.refresh)

    def set_scene(self, scene, view) -> None:
        if self.scene is not None:
            self.scene.journey.events.disconnect(self._on_event)
        self.scene, self.view = scene, view
        scene.journey.events.connect(self._on_event)
        self.refresh()

    def detach(self) -> None:
        """Stop following the map (the window closed it)."""
        if self.scene is not None:
            self.scene.journey.events.disconnect(self._on_event)
        self._refresh_timer.stop()
        self.scene, self.view = None, None
        self.list.clear()

    def _on_event(self, event) -> None:
        self._refresh_timer.start()

    def _add(self, text: str, element_id: str, tooltip: str = "") -> None:
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, element_id)
        item.setToolTip(tooltip or text)
        self.list.addItem(item)

    def _go_to(self, item: QListWidgetItem) -> None:
        element_id = item.data(Qt.ItemDataRole.UserRole)
        if self.scene is None or not self.scene.journey.has(element_id):
            return
        self.scene.select_element(element_id)
        if self.view is not None:
            self.view.show_element(element_id)

    def refresh(self) -> None:
        raise NotImplementedError  # pragma: no cover - each dock lists its own entries


class MomentsOfTruthDock(_ListDock):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(tr("Moments of truth"), "moments_of_truth_dock", parent)

    def refresh(self) -> None:
        self.list.clear()
        journey = self.scene.journey
        for card_id in journey.card_ids():
            card = journey.card(card_id)
            if card.kind != CardKind.MOMENT_OF_TRUTH:
                continue
            stage = journey.stage(journey.card_place(card_id).stage).name
            owner = f" — {card.owner}" if card.owner else ""
            detail = "\n".join(filter(None, [card.feeling, card.stakes, card.actions]))
            self._add(f"★ {card.title}\n    {stage}{owner}", card_id, detail)


class HealthDock(_ListDock):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(tr("Journey health check"), "health_dock", parent)

    def refresh(self) -> None:
        self.list.clear()
        findings = health_findings(self.scene.journey)
        for finding in findings:
            self._add(f"⚠ {self._message(finding)}", finding.element_id)
        if not findings:
            item = QListWidgetItem(tr("✓ No findings: every stage is reachable and has a way out, "
                                      "touchpoints and exit criteria; every moment of truth has an "
                                      "owner; every pain point has an idea."))
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.list.addItem(item)

    def _message(self, finding) -> str:
        journey = self.scene.journey
        name = (journey.stage(finding.element_id).name
                if journey.element_type(finding.element_id) == "stage"
                else journey.card(finding.element_id).title)
        templates = {
            "unreachable_stage": tr("Stage \"%1\" cannot be reached from the first stage"),
            "dead_end": tr("Stage \"%1\" has no way out"),
            "no_touchpoint": tr("Stage \"%1\" has no touchpoint"),
            "no_exit_criteria": tr("Stage \"%1\" has no exit criteria"),
            "moment_without_owner": tr("Moment of truth \"%1\" has no owner"),
            "pain_point_without_idea": tr("Pain point \"%1\" has no linked idea"),
        }
        return templates.get(finding.kind, finding.message).replace("%1", name)
