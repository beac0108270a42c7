"""Docks that list parts of the journey: the moments of truth in journey order, and the health
check's findings. Selecting an entry selects the element on the canvas and scrolls to it.

Both follow the model's events, but a list is read from the whole map: after a burst of edits
(300 ms without one) it is read again a slice at a time (at most SLICE_SECONDS per turn of the
event loop), so a 50,000-card map never freezes the window; an edit arriving meanwhile starts it
over; the list shown is swapped for the new one when it is complete. A dock hidden behind another
tab, or closed, reads nothing until it is shown again.
Imports: PySide6, model, editor.canvas.scene/view.
"""
from __future__ import annotations

import time
from collections.abc import Iterator

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QListWidget, QListWidgetItem, QWidget

from editor.i18n import tr
from model import CardKind
from model.analysis import iter_health_findings

SLICE_SECONDS = 0.008
Entry = tuple[str, str, str]  # text, element id, tooltip


class _ListDock(QDockWidget):
    """A dock holding one list whose entries carry an element id."""

    def __init__(self, title: str, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.setObjectName(object_name)
        self.list = self._new_list()
        self.setWidget(self.list)
        self._next: QListWidget | None = None  # the list being read, shown once complete
        self.scene = None
        self.view = None
        self._refresh_timer = QTimer(self, singleShot=True, interval=300)
        self._refresh_timer.timeout.connect(self.refresh_later)
        self._slices = QTimer(self, interval=0)
        self._slices.timeout.connect(lambda: self._next_slice())  # looked up at each call
        self._reading: Iterator[Entry] | None = None
        self._shown = True  # until Qt says otherwise (a dock never shown is read, as in tests)
        self._stale = False
        self.visibilityChanged.connect(self._on_visibility)

    def set_scene(self, scene, view) -> None:
        if self.scene is not None:
            self.scene.journey.events.disconnect(self._on_event)
        self.scene, self.view = scene, view
        scene.journey.events.connect(self._on_event)
        self.refresh_later()

    def detach(self) -> None:
        """Stop following the map (the window closed it)."""
        if self.scene is not None:
            self.scene.journey.events.disconnect(self._on_event)
        self._refresh_timer.stop()
        self._stop_reading()
        self.scene, self.view = None, None
        self.list.clear()

    def _on_event(self, event) -> None:
        self._stop_reading()  # what it read so far may be out of date
        self._refresh_timer.start()

    def _on_visibility(self, visible: bool) -> None:
        self._shown = visible
        if visible and self._stale:
            self.refresh_later()

    def _new_list(self) -> QListWidget:
        widget = QListWidget(self)
        widget.setWordWrap(True)
        widget.itemClicked.connect(self._go_to)
        widget.itemActivated.connect(self._go_to)
        return widget

    # ----------------------------------------------------------------- reading the map
    def refresh(self) -> None:
        """Read the whole list now."""
        self._stop_reading()
        self.list.clear()
        if self.scene is not None:
            for entry in self._entries():
                self._add(self.list, *entry)
            self._finish(self.list)

    def refresh_later(self) -> None:
        """Read the list again a slice at a time (or once shown, if hidden now)."""
        self._stop_reading()
        if self.scene is None:
            return
        self._stale = not self._shown
        if self._stale:
            return
        self._next = self._new_list()
        self._next.hide()
        self._reading = self._entries()
        self._slices.start()

    def reading(self) -> bool:
        """Whether the list is being read again (the one shown is the previous one)."""
        return self._reading is not None

    def _next_slice(self) -> None:
        deadline = time.perf_counter() + SLICE_SECONDS
        for entry in self._reading:
            self._add(self._next, *entry)
            if time.perf_counter() > deadline:
                return
        done, self._next = self._next, None
        self._stop_reading()
        self._finish(done)
        old, self.list = self.list, done
        self.setWidget(done)  # all at once: the list never shows half read
        done.show()
        old.deleteLater()

    def _stop_reading(self) -> None:
        self._slices.stop()
        self._reading = None
        if self._next is not None:
            self._next.deleteLater()
            self._next = None

    def _entries(self) -> Iterator[Entry]:
        raise NotImplementedError  # pragma: no cover - each dock lists its own entries

    def _finish(self, widget: QListWidget) -> None:
        """After the last entry."""

    @staticmethod
    def _add(widget: QListWidget, text: str, element_id: str, tooltip: str = "") -> None:
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, element_id)
        item.setToolTip(tooltip or text)
        widget.addItem(item)

    def _go_to(self, item: QListWidgetItem) -> None:
        element_id = item.data(Qt.ItemDataRole.UserRole)
        if self.scene is None or element_id is None or not self.scene.journey.has(element_id):
            return
        self.scene.select_element(element_id)
        if self.view is not None:
            self.view.show_element(element_id)


class MomentsOfTruthDock(_ListDock):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(tr("Moments of truth"), "moments_of_truth_dock", parent)

    def _entries(self) -> Iterator[Entry]:
        journey = self.scene.journey
        for card_id in journey.card_ids():
            card = journey.card(card_id)
            if card.kind != CardKind.MOMENT_OF_TRUTH:
                continue
            stage = journey.stage(journey.card_place(card_id).stage).name
            owner = f" — {card.owner}" if card.owner else ""
            detail = "\n".join(filter(None, [card.feeling, card.stakes, card.actions]))
            yield f"★ {card.title}\n    {stage}{owner}", card_id, detail


class HealthDock(_ListDock):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(tr("Journey health check"), "health_dock", parent)

    def _entries(self) -> Iterator[Entry]:
        templates = self._templates()
        for finding in iter_health_findings(self.scene.journey):
            yield f"⚠ {self._message(finding, templates)}", finding.element_id, ""

    def _finish(self, widget: QListWidget) -> None:
        if not widget.count():
            item = QListWidgetItem(tr("✓ No findings: every stage is reachable and has a way out, "
                                      "touchpoints and exit criteria; every moment of truth has an "
                                      "owner; every pain point has an idea."))
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            widget.addItem(item)

    def _message(self, finding, templates: dict[str, str]) -> str:
        journey = self.scene.journey
        name = (journey.stage(finding.element_id).name
                if journey.element_type(finding.element_id) == "stage"
                else journey.card(finding.element_id).title)
        return templates.get(finding.kind, finding.message).replace("%1", name)

    @staticmethod
    def _templates() -> dict[str, str]:
        return {
            "unreachable_stage": tr("Stage \"%1\" cannot be reached from the first stage"),
            "dead_end": tr("Stage \"%1\" has no way out"),
            "no_touchpoint": tr("Stage \"%1\" has no touchpoint"),
            "no_exit_criteria": tr("Stage \"%1\" has no exit criteria"),
            "moment_without_owner": tr("Moment of truth \"%1\" has no owner"),
            "pain_point_without_idea": tr("Pain point \"%1\" has no linked idea"),
        }
