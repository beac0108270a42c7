"""CompareView: View → Compare Scenarios…, two scenarios of the document side by side.

A window of its own beside the main window (not a dock: a comparison wants the width of a screen,
and the canvas keeps its own; it stays open while the person edits, and follows the edits). At the
top the two scenarios (default as-is → to-be) and the summary line
(model.scenarios.compare_text.summary_text); then both emotion curves on one chart with the
difference shaded (editor.panels.compare_chart), all customers' or a chosen segment's; then the
stages aligned, one row per stage, under it its cards side by side, before and after: added green,
removed red, changed amber (the legend says so), unchanged plain (hidden on request). Clicking a
card emits ``card_chosen`` (scenario id, card id): the window shows that scenario and selects the
card there. Imports: PySide6, model (journey.entities, scenarios), editor.panels.compare_chart."""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from editor.panels.compare_chart import EmotionCompareChart
from model.journey.entities import ALL_CUSTOMERS
from model.scenarios.compare import Comparison, compare_scenarios
from model.scenarios.compare_text import summary_text
from model.scenarios.naming import AS_IS_ID, TO_BE_ID

STATUS_COLOURS = {"added": "#c8e6c9", "removed": "#ffcdd2", "changed": "#ffe0b2"}
REFRESH_DELAY_MS = 250  # a burst of edits (typing) is compared once
COLUMN_LANE, COLUMN_BEFORE, COLUMN_AFTER, COLUMN_WHAT = range(4)
ROLE_CARD = Qt.ItemDataRole.UserRole  # (before card id or None, after card id or None)


class CompareView(QDialog):
    card_chosen = Signal(str, str)  # scenario id, card id

    def __init__(self, scenarios, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Compare Scenarios"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setModal(False)
        self.scenarios = scenarios
        self.comparison: Comparison | None = None
        self._watched: list = []
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(REFRESH_DELAY_MS)
        self._refresh_timer.timeout.connect(self.refresh)
        self._build()
        self.resize(1100, 760)
        self.scenarios_changed()

    # ----------------------------------------------------------------- building
    def _build(self) -> None:
        self.before_box, self.after_box = QComboBox(self), QComboBox(self)
        swap = QPushButton(self.tr("Swap"), self)
        swap.clicked.connect(self.swap)
        choice = QHBoxLayout()
        choice.addWidget(QLabel(self.tr("Compare"), self))
        choice.addWidget(self.before_box, 1)
        choice.addWidget(QLabel("→", self))
        choice.addWidget(self.after_box, 1)
        choice.addWidget(swap)
        choice.addSpacing(12)
        choice.addWidget(QLabel(self.tr("Curve"), self))
        self.curve_box = QComboBox(self)  # all customers, or one segment's curve
        self.curve_box.setObjectName("CompareCurve")
        self.curve_box.currentIndexChanged.connect(lambda _index: self._show_chart())
        choice.addWidget(self.curve_box)
        for box in (self.before_box, self.after_box):
            box.currentIndexChanged.connect(lambda _index: self.refresh())
        self.summary = QLabel(self)
        self.summary.setObjectName("CompareSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.summary.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setBold(True)
        self.summary.setFont(font)
        self.chart = EmotionCompareChart(self)
        self.tree = self._make_tree()
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.chart)
        splitter.addWidget(self.tree)
        splitter.setSizes([220, 520])
        layout = QVBoxLayout(self)
        layout.addLayout(choice)
        layout.addWidget(self.summary)
        layout.addLayout(self._legend())
        layout.addWidget(splitter, 1)

    def _legend(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.legend: dict[str, QLabel] = {}
        for status in ("added", "removed", "changed"):
            swatch = self.legend[status] = QLabel(self)
            swatch.setObjectName(f"legend-{status}")
            swatch.setStyleSheet(f"background: {STATUS_COLOURS[status]}; color: black;"
                                 " padding: 2px 8px; border-radius: 3px;")
            row.addWidget(swatch)
        self.show_unchanged = QCheckBox(self.tr("Show unchanged cards"), self)
        self.show_unchanged.setChecked(True)
        self.show_unchanged.toggled.connect(lambda _on: self._fill_tree())
        row.addStretch(1)
        row.addWidget(self.show_unchanged)
        return row

    def _make_tree(self) -> QTreeWidget:
        tree = QTreeWidget(self)
        tree.setObjectName("CompareCards")
        tree.setColumnCount(4)
        tree.setUniformRowHeights(True)
        tree.setAlternatingRowColors(False)
        tree.itemClicked.connect(self._on_clicked)
        tree.header().setStretchLastSection(True)
        return tree

    # ----------------------------------------------------------------- the two scenarios
    def scenarios_changed(self) -> None:
        """The set changed (a scenario added, renamed, deleted, moved): refill the choices,
        keeping the chosen ones while they exist."""
        ids = self.scenarios.scenario_ids()
        before, after = self.before_id(), self.after_id()
        if before not in ids:
            before = AS_IS_ID if AS_IS_ID in ids else ids[0]
        if after not in ids:
            after = TO_BE_ID if TO_BE_ID in ids and TO_BE_ID != before else \
                next((i for i in ids if i != before), ids[0])
        for box, chosen in ((self.before_box, before), (self.after_box, after)):
            box.blockSignals(True)
            box.clear()
            for scenario in self.scenarios:
                box.addItem(scenario.name, scenario.id)
            box.setCurrentIndex(ids.index(chosen))
            box.blockSignals(False)
        self.refresh()

    def before_id(self) -> str | None:
        return self.before_box.currentData()

    def after_id(self) -> str | None:
        return self.after_box.currentData()

    def choose(self, before_id: str, after_id: str) -> None:
        ids = list(self.scenarios.scenario_ids())
        self.before_box.blockSignals(True)
        self.before_box.setCurrentIndex(ids.index(before_id))
        self.before_box.blockSignals(False)
        self.after_box.setCurrentIndex(ids.index(after_id))
        self.refresh()

    def swap(self) -> None:
        self.choose(self.after_id(), self.before_id())

    # ----------------------------------------------------------------- comparing
    def refresh(self) -> None:
        """Compare the two chosen scenarios again and show the result."""
        self._refresh_timer.stop()
        before_id, after_id = self.before_id(), self.after_id()
        if not (self.scenarios.has(before_id or "") and self.scenarios.has(after_id or "")):
            return
        before, after = self.scenarios.scenario(before_id), self.scenarios.scenario(after_id)
        self._watch(before.journey, after.journey)
        self.comparison = compare_scenarios(before, after)
        self.summary.setText(summary_text(self.comparison) if before_id != after_id else
                             self.tr("Choose two different scenarios to compare."))
        self._fill_curves()
        self._show_chart()
        self._show_counts()
        self._fill_tree()

    def _show_counts(self) -> None:
        """The legend's swatches carry the counts: "Added (4)", "Removed (2)", "Changed (3)"."""
        words = {"added": self.tr("Added (%1)"), "removed": self.tr("Removed (%1)"),
                 "changed": self.tr("Changed (%1)")}
        for status, label in self.legend.items():
            count = len(self.comparison.of_status(status))
            label.setText(words[status].replace("%1", str(count)))

    def _watch(self, *journeys) -> None:
        """Follow the edits of the two maps compared (a delayed refresh after each burst)."""
        for journey in self._watched:
            journey.events.disconnect(self._schedule_refresh)
        self._watched = list({id(journey): journey for journey in journeys}.values())
        for journey in self._watched:
            journey.events.connect(self._schedule_refresh)

    def _schedule_refresh(self, _event) -> None:
        self._refresh_timer.start()

    def _fill_curves(self) -> None:
        """All customers, then every segment either scenario has a curve for; the chosen curve
        stays chosen while it exists."""
        box, chosen = self.curve_box, self.curve_box.currentData()
        curves = {ALL_CUSTOMERS: self.tr("All customers")}
        for emotion in self.comparison.emotions:
            curves.setdefault(emotion.curve, emotion.curve_name)
        box.blockSignals(True)
        box.clear()
        for curve, name in curves.items():
            box.addItem(name, curve)
        box.setCurrentIndex(max(0, box.findData(chosen)) if chosen is not None else 0)
        box.blockSignals(False)

    def _show_chart(self) -> None:
        if self.comparison is None:
            return
        curve = self.curve_box.currentData() or ALL_CUSTOMERS
        self.chart.set_points(self._emotion_points(curve), self.comparison.before_name,
                              self.comparison.after_name)

    def _emotion_points(self, curve: str = ALL_CUSTOMERS) -> list[tuple[str, float | None, float | None]]:
        values = {id(e.stage): (e.before, e.after) for e in self.comparison.emotions
                  if e.curve == curve}
        return [(pair.name, *values.get(id(pair), (None, None))) for pair in self.comparison.stages]

    # ----------------------------------------------------------------- the cards
    def _fill_tree(self) -> None:
        tree, comparison = self.tree, self.comparison
        tree.clear()
        if comparison is None:
            return
        tree.setHeaderLabels([self.tr("Lane"), comparison.before_name, comparison.after_name,
                              self.tr("What changed")])
        rows = card_rows(self.comparison, self.scenarios.scenario(self.before_id()).journey,
                         self.scenarios.scenario(self.after_id()).journey)
        for index, pair in enumerate(comparison.stages):
            stage = QTreeWidgetItem(tree, [self._stage_label(pair)])
            stage.setFirstColumnSpanned(True)
            font = stage.font(0)
            font.setBold(True)
            stage.setFont(0, font)
            for row in rows.get(index, []):
                if row.status or self.show_unchanged.isChecked():
                    self._card_item(stage, row)
            stage.setExpanded(True)
        for column, width in ((COLUMN_LANE, 150), (COLUMN_BEFORE, 300), (COLUMN_AFTER, 300)):
            tree.setColumnWidth(column, width)

    def _stage_label(self, pair) -> str:
        if pair.before_id is None:
            return self.tr("%1 (new stage)").replace("%1", pair.after_name)
        if pair.after_id is None:
            return self.tr("%1 (stage removed)").replace("%1", pair.before_name)
        if pair.before_name != pair.after_name:
            return f"{pair.before_name} → {pair.after_name}"
        return pair.name

    def _card_item(self, stage: QTreeWidgetItem, row: CardRow) -> QTreeWidgetItem:
        what = {"added": self.tr("added"), "removed": self.tr("removed")}.get(row.status) or \
            ", ".join(self._field_word(f) for f in row.fields)
        item = QTreeWidgetItem(stage, [row.lane, row.before_title, row.after_title, what])
        item.setData(COLUMN_LANE, ROLE_CARD, (row.before_id, row.after_id))
        if row.status:
            brush = QBrush(QColor(STATUS_COLOURS[row.status]))
            for column in range(4):
                item.setBackground(column, brush)
                item.setForeground(column, QBrush(QColor("black")))
        for column, title in ((COLUMN_BEFORE, row.before_title), (COLUMN_AFTER, row.after_title)):
            item.setToolTip(column, title)
        return item

    def _field_word(self, field: str) -> str:
        words = {"title": self.tr("title"), "details": self.tr("details"), "kind": self.tr("kind"),
                 "channel": self.tr("channel"), "owner": self.tr("owner"),
                 "colour": self.tr("colour"), "segments": self.tr("segments"),
                 "feeling": self.tr("feeling"), "stakes": self.tr("stakes"),
                 "actions": self.tr("actions"), "stage": self.tr("stage"), "lane": self.tr("lane")}
        return words.get(field, field)

    def _on_clicked(self, item: QTreeWidgetItem, column: int) -> None:
        ids = item.data(COLUMN_LANE, ROLE_CARD)
        if not ids:
            return
        before_card, after_card = ids
        if column == COLUMN_BEFORE and before_card or after_card is None:
            self.card_chosen.emit(self.before_id(), before_card)
        else:
            self.card_chosen.emit(self.after_id(), after_card)

    def closeEvent(self, event) -> None:
        self._watch()
        super().closeEvent(event)


class CardRow:
    """One line of the side-by-side list: a card before and after (either may be missing)."""

    def __init__(self, status: str, lane: str, before, after, fields=()) -> None:
        self.status, self.lane, self.fields = status, lane, tuple(fields)
        self.before_id = before.id if before is not None else None
        self.after_id = after.id if after is not None else None
        self.before_title = before.title if before is not None else ""
        self.after_title = after.title if after is not None else ""


def card_rows(comparison: Comparison, before_map, after_map) -> dict[int, list[CardRow]]:
    """Aligned stage index -> its rows: the comparison's changes, and (status "") the cards
    the same on both sides, in lane order then the after map's card order."""
    stage_index = {}
    for index, pair in enumerate(comparison.stages):
        stage_index[("before", pair.before_id)] = index
        stage_index[("after", pair.after_id)] = index
    lane_order = {lane.name: i for i, lane in enumerate(after_map.lanes())}
    for lane in before_map.lanes():
        lane_order.setdefault(lane.name, len(lane_order))
    rows: dict[int, list[tuple[tuple, CardRow]]] = {}
    changed_after = set()
    for change in comparison.cards:
        side, card = ("after", change.after) if change.after is not None else ("before", change.before)
        changed_after.add(change.after.id if change.after is not None else None)
        place = (after_map if side == "after" else before_map).card_place(card.id)
        key = (lane_order.get(change.lane_name, 0), place.index)
        rows.setdefault(stage_index[(side, place.stage)], []).append(
            (key, CardRow(change.status, change.lane_name, change.before, change.after, change.fields)))
    for card in after_map.cards():
        if card.id in changed_after:
            continue
        place = after_map.card_place(card.id)
        lane = after_map.lane(place.lane).name
        row = CardRow("", lane, card, card)
        if not before_map.has(card.id):  # matched by its title: the same card, another id
            row.before_id = None
        rows.setdefault(stage_index[("after", place.stage)], []).append(
            ((lane_order.get(lane, 0), place.index), row))
    return {index: [row for _, row in sorted(found, key=lambda item: item[0])]
            for index, found in rows.items()}
