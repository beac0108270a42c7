"""ImportDialog: File → Import…'s preview. Shows what the importer understood from a file before
anything opens, and lets the person correct how it is read.

The import runs off the GUI thread (editor.window.import_worker) as soon as the dialog opens and
again whenever the format, the sheet or the base map changes; a busy bar shows meanwhile, and
Cancel stops it and closes the dialog. A finished import shows its summary
(editor.window.import_summary) and a small picture drawn by the canvas's headless renderer; a
file that cannot be imported shows the importer's message (file, row or line, cause) in place
of the summary, and Import stays off. Rows the importer had to skip must be accepted with a check box first.
The base map of a workbook round-trip defaults to the open map when at least half the
workbook's cards are the open map's cards (same ID and title): see import_worker.exported_from.
Imports: PySide6, model, editor.i18n, editor.window (import_worker, import_summary),
editor.canvas.render.
"""
from __future__ import annotations

import gc
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from editor.i18n import error_text
from editor.window.import_summary import ImportSummaryView
from editor.window.import_worker import (
    BASE_AUTO,
    BASE_FILE,
    BASE_NONE,
    BASE_OPEN,
    ImportJob,
    ImportOutcome,
    ImportRequest,
)
from model.journey.journey_map import JourneyMap

PREVIEW_WIDTH = 520
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")


class PreviewLabel(QLabel):
    """The rendered map, scaled to fit whatever room the dialog gives it (also after a resize)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.image = QImage()
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setMinimumSize(PREVIEW_WIDTH, 320)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.setStyleSheet("background: #f4f5f7; border: 1px solid #c9ced6;")

    def set_image(self, image: QImage) -> None:
        self.image = image
        self._scale()

    def clear(self) -> None:
        self.image = QImage()
        super().clear()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._scale()

    def _scale(self) -> None:
        if self.image.isNull():
            return
        ratio = self.devicePixelRatioF()
        room = (self.contentsRect().size() - QSize(8, 8)) * ratio
        pixmap = QPixmap.fromImage(self.image).scaled(room, Qt.AspectRatioMode.KeepAspectRatio,
                                                      Qt.TransformationMode.SmoothTransformation)
        pixmap.setDevicePixelRatio(ratio)
        self.setPixmap(pixmap)


class ImportDialog(QDialog):
    """Preview of importing ``path``; ``open_map`` (the window's map, or None) may be the base of
    a workbook round-trip and is read here, on the GUI thread, only as a plain-data snapshot."""

    def __init__(self, path: str | Path, open_map: JourneyMap | None = None, open_name: str = "",
                 language: str = "en", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = str(path)
        self.language = language
        self._open_map, self._open_name = open_map, open_name
        self._open_data: dict[str, Any] | None = None
        self._base_path: str | None = None
        self._base_choice = BASE_AUTO  # until the person picks one in the base box
        self._job: ImportJob | None = None
        self.outcome: ImportOutcome | None = None
        self.failure = ""  # the importer's message when the file cannot be imported
        self.setWindowTitle(self.tr("Import \"%1\"").replace("%1", Path(self.path).name))
        self._build()
        self.resize(1000, 640)
        self.start_import()

    # ----------------------------------------------------------------- building
    def _build(self) -> None:
        self.file_label = QLabel(self.path, self)
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.format_box = QComboBox(self)
        for label, value in self._format_choices():
            self.format_box.addItem(label, value)
        self.format_box.currentIndexChanged.connect(lambda _i: self.start_import())
        self.sheet_box = QComboBox(self)
        self.sheet_box.currentIndexChanged.connect(lambda _i: self.start_import())
        self.base_box = QComboBox(self)
        self._fill_base_box()
        self.base_box.activated.connect(self._on_base_chosen)
        self.base_note = QLabel(self)
        self.base_note.setWordWrap(True)
        self.summary = ImportSummaryView(self.language, self)
        self.preview = PreviewLabel(self)
        self.preview_note = QLabel(self)
        self.preview_note.setWordWrap(True)
        self._build_status_widgets()
        self._layout()

    def _format_choices(self) -> list[tuple[str, str | None]]:
        return [(self.tr("Automatic"), None),
                (self.tr("Our workbook (exported by this editor)"), "xlsx"),
                (self.tr("Plain grid (stages across, lanes down)"), "grid"),
                (self.tr("CSV of cards"), "csv"),
                (self.tr("Mermaid journey"), "mermaid"),
                (self.tr("Enablement map YAML"), "yaml")]

    def format_name(self, value: str) -> str:
        return next(label for label, v in self._format_choices() if v == value)

    def _fill_base_box(self) -> None:
        self.base_box.addItem(self.tr("None: only what the workbook holds"), BASE_NONE)
        if self._open_map is not None:
            self.base_box.addItem(self.tr("The open map: %1").replace("%1", self._open_name),
                                  BASE_OPEN)
        self.base_box.addItem(self.tr("Another map…"), BASE_FILE)

    def _build_status_widgets(self) -> None:
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)  # how far a CSV or workbook has got is not known: a busy bar
        self.busy.setMaximumWidth(220)
        self.busy_label = QLabel(self)
        self.accept_skipped = QCheckBox(self)
        self.accept_skipped.toggled.connect(lambda _on: self._update_import_button())
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.import_button = QPushButton(self.tr("&Import"), self)
        self.import_button.setDefault(True)
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def _layout(self) -> None:
        options = QFormLayout()
        options.addRow(self.tr("File:"), self.file_label)
        options.addRow(self.tr("Read as:"), self.format_box)
        options.addRow(self.tr("Sheet:"), self.sheet_box)
        base = QWidget(self)
        base_column = QVBoxLayout(base)
        base_column.setContentsMargins(0, 0, 0, 0)
        base_column.addWidget(self.base_box)
        base_column.addWidget(self.base_note)
        self._base_row = base
        options.addRow(self.tr("Base map:"), base)
        self._options = options
        right = QWidget(self)
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.preview, 1)
        column.addWidget(self.preview_note)
        splitter = QSplitter(self)
        splitter.addWidget(self.summary)
        splitter.addWidget(right)
        splitter.setSizes([420, 560])
        status = QHBoxLayout()
        status.addWidget(self.busy)
        status.addWidget(self.busy_label, 1)
        outer = QVBoxLayout(self)
        outer.addLayout(options)
        outer.addWidget(splitter, 1)
        outer.addLayout(status)
        outer.addWidget(self.accept_skipped)
        outer.addWidget(self.buttons)
        self._show_rows(sheet=False, base=False)

    def _show_rows(self, sheet: bool, base: bool) -> None:
        self._options.setRowVisible(self.sheet_box, sheet)
        self._options.setRowVisible(self._base_row, base)

    # ----------------------------------------------------------------- running the import
    def request(self) -> ImportRequest:
        chosen = self.format_box.currentData()
        sheet = self.sheet_box.currentData() if self.sheet_box.count() else None
        return ImportRequest(self.path, chosen, sheet, self._base_choice, self._base_path,
                             self._open_snapshot(chosen))

    def _open_snapshot(self, chosen: str | None) -> dict[str, Any] | None:
        """The open map as plain data, taken once and only for a workbook (to_data() of a big
        map takes a moment): the worker must never read the live map."""
        if self._open_map is None or chosen not in (None, "xlsx"):
            return None
        if chosen is None and not self.path.lower().endswith(WORKBOOK_SUFFIXES):
            return None
        if self._open_data is None:
            self._open_data = self._open_map.to_data()
        return self._open_data

    def start_import(self) -> None:
        """(Re)start the import with the dialog's choices; a running one is cancelled."""
        self.cancel_import()
        self.outcome, self.failure = None, ""
        self.summary.clear()
        self.preview.clear()
        self.preview_note.clear()
        self.accept_skipped.hide()
        self.accept_skipped.setChecked(False)
        self._set_busy(True)
        self._job = ImportJob(self.request(), self._on_success, self._on_failure)
        self._job.start()

    def cancel_import(self) -> None:
        if self._job is not None:
            self._job.cancel()
            self._job = None
        self._set_busy(False)

    def is_busy(self) -> bool:
        return self._job is not None

    @property
    def job(self) -> ImportJob | None:
        return self._job

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self.busy_label.setVisible(busy)
        self.busy_label.setText(self.tr("Reading \"%1\"… (Cancel stops it)")
                                .replace("%1", Path(self.path).name) if busy else "")
        self._update_import_button()

    def _on_success(self, outcome: ImportOutcome) -> None:
        self._job = None
        self.outcome = outcome
        self._set_busy(False)
        self._show_choices(outcome)
        self.summary.show_outcome(outcome, self.format_name(outcome.format))
        self._show_preview(outcome)
        skipped = len(outcome.result.skipped)
        if skipped:
            self.accept_skipped.setText(self.tr("Import without the %1 skipped rows (listed "
                                                "above); they are not in the map")
                                        .replace("%1", str(skipped)))
            self.accept_skipped.show()
        self._update_import_button()

    def _on_failure(self, error: Exception | str) -> None:
        self._job = None
        self._set_busy(False)
        self.failure = error_text(error) if isinstance(error, Exception) else error
        self.summary.show_failure(self.failure)
        self.preview.setText(self.tr("No preview"))
        self._update_import_button()

    def _update_import_button(self) -> None:
        ready = self.outcome is not None and (not self.outcome.result.skipped
                                              or self.accept_skipped.isChecked())
        self.import_button.setEnabled(ready)

    # ----------------------------------------------------------------- showing the outcome
    def _show_choices(self, outcome: ImportOutcome) -> None:
        """The boxes say what was read: the format found, the workbook's sheets, the base."""
        automatic = self.format_box.itemData(0) is None and self.format_box.currentIndex() == 0
        self.format_box.setItemText(0, self.tr("Automatic: %1").replace(
            "%1", self.format_name(outcome.format)) if automatic else self.tr("Automatic"))
        self._fill_sheets(outcome.sheets, outcome.format == "grid")
        is_workbook = outcome.format == "xlsx"
        self._show_rows(sheet=outcome.format == "grid" and len(outcome.sheets) > 1,
                        base=is_workbook)
        if is_workbook:
            self._show_base(outcome)

    def _fill_sheets(self, sheets: list[str], enabled: bool) -> None:
        if [self.sheet_box.itemData(i) for i in range(1, self.sheet_box.count())] == sheets:
            return
        self.sheet_box.blockSignals(True)
        self.sheet_box.clear()
        self.sheet_box.addItem(self.tr("The first sheet with content"), None)
        for name in sheets:
            self.sheet_box.addItem(name, name)
        self.sheet_box.blockSignals(False)
        self.sheet_box.setEnabled(enabled)

    def _show_base(self, outcome: ImportOutcome) -> None:
        self.base_box.setCurrentIndex(max(0, self.base_box.findData(outcome.base)))
        matched, total = outcome.matched
        if self._base_choice != BASE_AUTO:
            note = ""
        elif outcome.base == BASE_OPEN:
            note = self.tr("The open map is the base: %1 of the workbook's %2 cards are its cards "
                           "(same ID and title), so the workbook was exported from it.")
        elif self._open_map is not None:
            note = self.tr("No base map: only %1 of the workbook's %2 cards are cards of the open "
                           "map (same ID and title); at least half must be.")
        else:
            note = ""
        if outcome.base != BASE_NONE:
            note += "\n" + self.tr("What a workbook cannot hold (lane kinds, card colours, the "
                                   "description) comes from the base map.")
        self.base_note.setText(note.replace("%1", str(matched)).replace("%2", str(total)).strip())

    def _on_base_chosen(self, index: int) -> None:
        choice = self.base_box.itemData(index)
        if choice == BASE_FILE:
            path = self.ask_base_path()
            if not path:  # back to what was shown
                self.base_box.setCurrentIndex(max(0, self.base_box.findData(
                    self.outcome.base if self.outcome else BASE_NONE)))
                return
            self._base_path = path
            self.base_box.setItemText(index, self.tr("Another map: %1").replace(
                "%1", Path(path).name))
        self._base_choice = choice
        self.start_import()

    def ask_base_path(self) -> str:
        """The .journey file the workbook was exported from (tests patch this)."""
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Base map"),
                                              str(Path(self.path).parent),
                                              self.tr("Journey maps (*.journey)"))
        return path

    def _show_preview(self, outcome: ImportOutcome) -> None:
        from editor.canvas.render import render_image  # the canvas renderer: heavy, needed here

        self.preview.set_image(render_image(outcome.preview, PREVIEW_WIDTH * 2))
        # The renderer's scene is cyclic garbage full of Qt objects: free it here, in the GUI
        # thread, before a collection in some worker thread would (import_worker._CollectorHold).
        gc.collect()
        if outcome.preview_trimmed:
            self.preview_note.setText(self.tr(
                "The preview shows the first stages and lanes with a few cards a cell; the map "
                "has %1 cards.").replace("%1", f"{outcome.result.journey.card_count():,}"))

    # ----------------------------------------------------------------- the answer
    def imported_map(self) -> JourneyMap | None:
        return self.outcome.result.journey if self.outcome is not None else None

    def done(self, result: int) -> None:
        self.cancel_import()  # closing stops a running import; its thread ends at its next row
        super().done(result)
