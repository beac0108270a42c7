"""The timer's two small dialogs: Workshop → Start Timer → Custom… (a label and a length) and
Workshop → Edit Timer Presets… (a table of labels and lengths, remembered when OK is pressed).
Lengths are minutes with one decimal (0.5 is thirty seconds), as facilitators say them.
Imports: PySide6, editor.i18n, editor.workshop (presets, state).
"""
from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from editor.i18n import tr
from editor.workshop.presets import MAX_PRESETS, TimerPreset, default_presets, duration_text
from editor.workshop.state import MAX_LABEL, MAX_TIMER_S


def minutes_box(parent: QWidget, seconds: float) -> QDoubleSpinBox:
    box = QDoubleSpinBox(parent)
    box.setDecimals(1)
    box.setRange(0.1, MAX_TIMER_S / 60)
    box.setSingleStep(1.0)
    box.setSuffix(" " + tr("min"))
    box.setValue(seconds / 60)
    return box


def box_seconds(box: QDoubleSpinBox) -> int:
    return max(1, round(box.value() * 60))


class CustomTimerDialog(QDialog):
    def __init__(self, parent: QWidget, seconds: float = 300, label: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("CustomTimerDialog")
        self.setWindowTitle(self.tr("Start a Timer"))
        self.label = QLineEdit(label, self)
        self.label.setMaxLength(MAX_LABEL)
        self.label.setPlaceholderText(self.tr("e.g. Silent brainstorming"))
        self.minutes = minutes_box(self, seconds)
        form = QFormLayout(self)
        form.addRow(self.tr("&Length:"), self.minutes)
        form.addRow(self.tr("La&bel:"), self.label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Start"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def seconds(self) -> int:
        return box_seconds(self.minutes)

    def label_text(self) -> str:
        return self.label.text().strip()


class PresetsDialog(QDialog):
    """A row per preset: its label (typed in the table) and its length (a spin box)."""

    def __init__(self, parent: QWidget, presets: list[TimerPreset]) -> None:
        super().__init__(parent)
        self.setObjectName("TimerPresetsDialog")
        self.setWindowTitle(self.tr("Timer Presets"))
        self.resize(480, 360)
        self.table = QTableWidget(0, 2, self)
        self.table.setHorizontalHeaderLabels([self.tr("Label"), self.tr("Length")])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(self._row_buttons())
        for preset in presets:
            self.add_row(preset)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _row_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("&Add"), self)
        self.add_button.clicked.connect(lambda: self.add_row(TimerPreset(self.tr("New timebox"), 300)))
        self.remove_button = QPushButton(self.tr("&Remove"), self)
        self.remove_button.clicked.connect(self.remove_selected)
        defaults = QPushButton(self.tr("Restore &Defaults"), self)
        defaults.clicked.connect(self.restore_defaults)
        for button in (self.add_button, self.remove_button, defaults):
            row.addWidget(button)
        row.addStretch(1)
        return row

    def add_row(self, preset: TimerPreset) -> None:
        if self.table.rowCount() >= MAX_PRESETS:
            return
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, 0, QTableWidgetItem(preset.label))
        self.table.setCellWidget(row, 1, minutes_box(self.table, preset.seconds))
        self.add_button.setEnabled(self.table.rowCount() < MAX_PRESETS)

    def remove_selected(self) -> None:
        for row in sorted({index.row() for index in self.table.selectedIndexes()}, reverse=True):
            self.table.removeRow(row)
        self.add_button.setEnabled(True)

    def restore_defaults(self) -> None:
        self.table.setRowCount(0)
        for preset in default_presets():
            self.add_row(preset)

    def presets(self) -> list[TimerPreset]:
        """The table as presets; a row without a label is named after its length."""
        result = []
        for row in range(self.table.rowCount()):
            seconds = box_seconds(self.table.cellWidget(row, 1))
            item = self.table.item(row, 0)
            label = (item.text().strip() if item is not None else "")[:MAX_LABEL]
            result.append(TimerPreset(label or duration_text(seconds), seconds))
        return result
