"""Docks that list parts of the journey: the moments of truth in journey order, and the health
check's findings. Selecting an entry selects the element on the canvas and scrolls to it.

Both follow the model's events. A card's own edit, move, arrival or departure changes only that
card's entries (and, in the health check, its stages' "no touchpoint" finding): each entry is
keyed by (what it says, element id) and put in its place by bisecting the entries' journey order,
so one edit costs the same in a map of any size. Anything else (stages, lanes, transitions, a
link going, a burst of more than BURST card events in one turn) reads the whole list again after
a pause (300 ms without an edit), a slice at a time (at most SLICE_SECONDS per turn of the event
loop), so a 50,000-card map never freezes the window; an edit arriving meanwhile starts it over;
the list shown is swapped for the new one when it is complete. A dock hidden behind another tab,
or closed, reads nothing until it is shown again.
Imports: PySide6, model, editor.canvas.scene/view.
"""
from __future__ import annotations

import bisect
import time
from collections.abc import Iterator

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QListWidget, QListWidgetItem, QWidget

from editor.i18n import tr
from model import CardKind, ModelError
from model.analysis import iter_health_findings

SLICE_SECONDS = 0.008
BURST = 32  # card events in one turn of the event loop followed one by one; more: read again
Entry = tuple[str, str, str, str]  # what it says (a finding's kind), text, element id, tooltip
CARD_EVENTS = ("card_added", "card_removed", "card_moved", "card_changed")


class _ListDock(QDockWidget):
    """A dock holding one list whose entries carry an element id, kept in order by a sort key."""

    def __init__(self, title: str, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.setObjectName(object_name)
        self.list = self._new_list()
        self.setWidget(self.list)
        self._keys: list[tuple[str, str]] = []  # (tag, element id) of each row of self.list
        self._listed: dict[str, int] = {}  # element id -> its rows
        self._next: QListWidget | None = None  # the list being read, shown once complete
        self._next_keys: list[tuple[str, str]] = []
        self.scene = None
        self.view = None
        self._refresh_timer = QTimer(self, singleShot=True, interval=300)
        self._refresh_timer.timeout.connect(self.refresh_later)
        self._slices = QTimer(self, interval=0)
        self._slices.timeout.connect(lambda: self._next_slice())  # looked up at each call
        self._reading: Iterator[Entry] | None = None
        self._shown = True  # until Qt says otherwise (a dock never shown is read, as in tests)
        self._stale = False
        self._burst = 0  # card events followed in this turn of the event loop
        self.followed = 0  # card events followed one by one (tests count them)
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
        self._keys, self._listed = [], {}

    def _on_event(self, event) -> None:
        if self._current() and self._within_burst():
            try:
                if self._follow(event):
                    self.followed += 1
                    return
            except ModelError:  # pragma: no cover - a card the event names is gone already
                pass
        self._stop_reading()  # what it read so far may be out of date
        self._refresh_timer.start()

    def _current(self) -> bool:
        """Whether the list shown is the map's (not being read again, nor due to be)."""
        return (self._shown and not self._stale and self._reading is None
                and not self._refresh_timer.isActive())

    def _within_burst(self) -> bool:
        if not self._burst:
            QTimer.singleShot(0, self, self._end_burst)
        self._burst += 1
        return self._burst <= BURST

    def _end_burst(self) -> None:
        self._burst = 0

    def _on_visibility(self, visible: bool) -> None:
        self._shown = visible
        if visible and self._stale:
            self.refresh_later()

    def _new_list(self) -> QListWidget:
        widget = QListWidget(self)
        # Rows of one height, cut with "…" (the tooltip has all): a row put in or taken out then
        # costs no laying out of the others; wrapped rows of differing heights cost a second for
        # each edit of a 50,000-card map's list.
        widget.setUniformItemSizes(True)
        widget.setWordWrap(False)
        widget.setTextElideMode(Qt.TextElideMode.ElideRight)
        widget.itemClicked.connect(self._go_to)
        widget.itemActivated.connect(self._go_to)
        return widget

    # ----------------------------------------------------------------- following one card
    def _follow(self, event) -> bool:
        """Bring the list up to date with one event at its own cost; False: read it all again."""
        raise NotImplementedError  # pragma: no cover - each dock follows its own events

    def _card_entries(self, card_id: str) -> list[Entry]:
        """The entries one card makes now (none if it is gone)."""
        raise NotImplementedError  # pragma: no cover

    def _sort_key(self, tag: str, element_id: str) -> tuple:
        raise NotImplementedError  # pragma: no cover

    def _replace_card(self, card_id: str) -> None:
        self._remove_rows(card_id)
        for entry in self._card_entries(card_id):
            self._insert(entry)

    def _remove_rows(self, element_id: str, tags: tuple[str, ...] | None = None) -> None:
        if not self._listed.get(element_id):
            return  # most cards make no entry: nothing to look for
        rows = [row for row, (tag, owner) in enumerate(self._keys)
                if owner == element_id and (tags is None or tag in tags)]
        self._listed[element_id] -= len(rows)
        for row in reversed(rows):
            del self._keys[row]  # rows listed: no "no findings" row above them
            self.list.takeItem(row)
        if not self._keys and not self.list.count():
            self._finish(self.list)

    def _insert(self, entry: Entry) -> None:
        if self._placeholder_rows():
            self.list.clear()
            self.list.setWordWrap(False)
        tag, _text, element_id, _tooltip = entry
        key = self._sort_key(tag, element_id)
        row = bisect.bisect_left(self._keys, key, key=lambda k: self._sort_key(*k))
        self._keys.insert(row, (tag, element_id))
        self._listed[element_id] = self._listed.get(element_id, 0) + 1
        self.list.insertItem(row, self._item(*entry[1:]))

    def _placeholder_rows(self) -> int:
        return self.list.count() - len(self._keys)  # "no findings" when nothing is listed

    # ----------------------------------------------------------------- reading the map
    def refresh(self) -> None:
        """Read the whole list now."""
        self._stop_reading()
        self.list.clear()
        self._keys = []
        if self.scene is not None:
            for tag, *entry in self._entries():
                self._keys.append((tag, entry[1]))
                self.list.addItem(self._item(*entry))
            self._finish(self.list)
        self._listed = _counted(self._keys)

    def refresh_later(self) -> None:
        """Read the list again a slice at a time (or once shown, if hidden now)."""
        self._stop_reading()
        if self.scene is None:
            return
        self._stale = not self._shown
        if self._stale:
            return
        self._next, self._next_keys = self._new_list(), []
        self._next.hide()
        self._reading = self._entries()
        self._slices.start()

    def reading(self) -> bool:
        """Whether the list is being read again (the one shown is the previous one)."""
        return self._reading is not None

    def _next_slice(self) -> None:
        deadline = time.perf_counter() + SLICE_SECONDS
        for tag, *entry in self._reading:
            self._next_keys.append((tag, entry[1]))
            self._next.addItem(self._item(*entry))
            if time.perf_counter() > deadline:
                return
        done, self._next = self._next, None
        self._stop_reading()
        self._finish(done)
        old, self.list, self._keys = self.list, done, self._next_keys
        self._listed = _counted(self._keys)
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
    def _item(text: str, element_id: str, tooltip: str = "") -> QListWidgetItem:
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, element_id)
        item.setToolTip(tooltip or text)
        return item

    def _go_to(self, item: QListWidgetItem) -> None:
        element_id = item.data(Qt.ItemDataRole.UserRole)
        if self.scene is None or element_id is None or not self.scene.journey.has(element_id):
            return
        self.scene.select_element(element_id)
        if self.view is not None:
            self.view.show_element(element_id)


def _one_line(text: str) -> str:
    return " ".join(text.split())  # every row is as tall as the first


def _counted(keys: list[tuple[str, str]]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for _tag, element_id in keys:
        counts[element_id] = counts.get(element_id, 0) + 1
    return counts


MOMENT_FIELDS = {"kind", "title", "owner", "feeling", "stakes", "actions"}


class MomentsOfTruthDock(_ListDock):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(tr("Moments of truth"), "moments_of_truth_dock", parent)

    def _entries(self) -> Iterator[Entry]:
        for card_id in self.scene.journey.card_ids():
            yield from self._card_entries(card_id)

    def _card_entries(self, card_id: str) -> list[Entry]:
        journey = self.scene.journey
        if journey.element_type(card_id) != "card":
            return []
        card = journey.card(card_id)
        if card.kind != CardKind.MOMENT_OF_TRUTH:
            return []
        stage = journey.stage(journey.card_place(card_id).stage).name
        owner = f" — {card.owner}" if card.owner else ""
        text = f"★ {_one_line(card.title)}\n    {stage}{owner}"
        detail = "\n".join(filter(None, [text, card.feeling, card.stakes, card.actions]))
        return [("moment", text, card_id, detail)]

    def _sort_key(self, tag: str, element_id: str) -> tuple:
        return self.scene.journey.journey_position(element_id)

    def _follow(self, event) -> bool:
        if event.type not in CARD_EVENTS:  # stages' names and the order of stages and lanes
            return not event.type.startswith(("stage_", "lane_"))
        if event.type != "card_changed" or MOMENT_FIELDS & set(event.payload.get("fields", ())):
            self._replace_card(event.card_id)
        return True


class HealthDock(_ListDock):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(tr("Journey health check"), "health_dock", parent)

    def _entries(self) -> Iterator[Entry]:
        templates = self._templates()
        for finding in iter_health_findings(self.scene.journey):
            yield finding.kind, *self._entry(finding.kind, finding.element_id, templates)

    def _entry(self, kind: str, element_id: str, templates: dict[str, str]) -> tuple[str, str, str]:
        journey = self.scene.journey
        name = (journey.stage(element_id).name if journey.element_type(element_id) == "stage"
                else journey.card(element_id).title)
        return f"⚠ {templates[kind].replace('%1', _one_line(name))}", element_id, ""

    def _new_list(self) -> QListWidget:
        widget = super()._new_list()
        widget.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # "…" in the name, not the finding
        return widget

    def _finish(self, widget: QListWidget) -> None:
        if not widget.count():
            item = QListWidgetItem(tr("✓ No findings: every stage is reachable and has a way out, "
                                      "touchpoints and exit criteria; every moment of truth has an "
                                      "owner; every pain point has an idea."))
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            widget.setWordWrap(True)  # the one row: wrapped, not cut
            widget.addItem(item)

    # ----------------------------------------------------------------- one card's findings
    def _follow(self, event) -> bool:
        kind, payload = event.type, event.payload
        if kind == "link_added":  # the pain point it addresses
            self._replace_card(self.scene.journey.link(event.link_id).target)
            return True
        if kind not in CARD_EVENTS:  # the structure, or a link gone (to which card?)
            return not kind.startswith(("stage_", "lane_", "transition_", "link_"))
        if payload.get("link_ids"):
            return False  # links went or came with it: other cards' findings change too
        if kind == "card_changed" and not {"kind", "owner", "title"} & set(payload.get("fields", ())):
            return True
        self._replace_card(event.card_id)
        stages = {payload.get("stage_id")}
        if kind == "card_moved":
            stages = {payload["old"].stage, payload["new"].stage}
        elif kind == "card_changed":
            stages = {self.scene.journey.card_place(event.card_id).stage}
        for stage_id in stages - {None}:
            self._check_touchpoint(stage_id)
        return True

    def _card_entries(self, card_id: str) -> list[Entry]:
        journey = self.scene.journey
        if journey.element_type(card_id) != "card":
            return []
        card, templates, found = journey.card(card_id), self._templates(), []
        if card.kind == CardKind.MOMENT_OF_TRUTH and not card.owner.strip():
            found.append("moment_without_owner")
        if card.kind == CardKind.PAIN_POINT and not journey.card_link_graph().in_degree(card_id):
            found.append("pain_point_without_idea")
        return [(kind, *self._entry(kind, card_id, templates)) for kind in found]

    def _check_touchpoint(self, stage_id: str) -> None:
        """The stage's "no touchpoint" finding, from its cards until the first touchpoint."""
        journey = self.scene.journey
        if journey.element_type(stage_id) != "stage":
            return
        has_one = any(journey.card(c).kind == CardKind.TOUCHPOINT for lane in journey.lane_ids()
                      for c in journey.cell_card_ids(stage_id, lane))
        listed = bool(self._listed.get(stage_id)) and ("no_touchpoint", stage_id) in self._keys
        if has_one and listed:
            self._remove_rows(stage_id, ("no_touchpoint",))
        elif not has_one and not listed:
            self._insert(("no_touchpoint", *self._entry("no_touchpoint", stage_id, self._templates())))

    def _sort_key(self, tag: str, element_id: str) -> tuple:
        journey = self.scene.journey
        if tag in ("moment_without_owner", "pain_point_without_idea"):
            return (1, journey.journey_position(element_id), tag)
        if tag in ("no_touchpoint", "no_exit_criteria"):
            return (2, journey.stage_index(element_id), tag == "no_exit_criteria")
        return (0,)  # the structure's findings come first, read again with the stages

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
