"""The window's Export menu: ask how (export_dialog, for the PDF poster and PowerPoint) and where
(a save dialog that starts in the map's folder), run the export in a worker thread with a progress
dialog and Cancel, report the result.

The PDF, Excel and PowerPoint exporters are plain Python (exporters.pdf / excel / pptx); the image
is painted by the canvas's scene. All run in an ExportTask (export_worker) on a MapSnapshot taken
when the verb starts, so the canvas stays usable while they run and edits made meanwhile do not
reach the file. The progress dialog is not modal; its Cancel stops the export at its next step
and nothing is written. One export at a time per window: asking for another while one runs says
so and shows the running one. Closing the window during an export asks whether to stop it; if so,
it is cancelled (no file) and the window waits for the worker before it closes. A document of
several scenarios exports the one chosen in the options (the current one by default), and the PDF
and the workbook may add a comparison (editor.window.export_scenarios).
Imports: PySide6, model (the snapshot), exporters.common, editor (settings, window.export_dialog,
window.export_worker, window.export_scenarios, window.record_export).
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QProgressDialog

from editor.settings import KEY_EXPORT_FOLDER, last_folder, remember_folder
from editor.window.export_dialog import ExportOptionsDialog, small_text_warning
from editor.window.export_scenarios import ScenarioExportDialog, scenario_job
from editor.window.export_worker import ExportTask, exporter_job, image_job
from editor.window.record_export import RecordOptionsDialog, record_job, record_path
from model.journey.snapshot import MapSnapshot

SHOW_PROGRESS_AFTER_MS = 300  # a quicker export never flashes a dialog


class ExportUi(QObject):
    """Export verbs of one MainWindow (which gives the document, settings and message boxes)."""

    # The path and how the export ended: "written", "failed" or "cancelled".
    finished = Signal(str, str)

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.task: ExportTask | None = None
        self.progress_dialog: QProgressDialog | None = None
        self._path, self._options = "", {}

    # ------------------------------------------------------------------ the verbs
    def export_pdf(self) -> bool:
        """Ask the options and the file, then start the export; True once it has started."""
        if not self._idle():
            return False
        scenarios = self.window.document.scenarios
        snapshot = MapSnapshot.of(self.window.document.journey)
        dialog = ExportOptionsDialog("pdf", snapshot, self.window.settings, self.window, scenarios)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        choice, rows = dialog.pdf_choices(), dialog.scenario_rows
        path = self.ask_path(self.tr("Export PDF poster"), self.tr("PDF documents (*.pdf)"), ".pdf")
        options = {"paper": choice.paper, "mode": choice.mode, "min_text": choice.min_text,
                   "details": choice.details}
        job = scenario_job(rows.snapshot(), "pdf", "export_pdf", path, options,
                           rows.comparison_source())
        return bool(path) and self.start(path, job, self.tr("PDF"), options)

    def export_pptx(self) -> bool:
        if not self._idle():
            return False
        snapshot = MapSnapshot.of(self.window.document.journey)
        dialog = ExportOptionsDialog("pptx", snapshot, self.window.settings, self.window,
                                     self.window.document.scenarios)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        path = self.ask_path(self.tr("Export PowerPoint slides"),
                             self.tr("PowerPoint presentations (*.pptx)"), ".pptx")
        options = {"aspect": dialog.aspect_choice()}
        return bool(path) and self.start(path, exporter_job(dialog.scenario_rows.snapshot(), "pptx",
                                                            "export_pptx", path, options),
                                         self.tr("PowerPoint"))

    def export_excel(self) -> bool:
        if not self._idle():
            return False
        dialog = ScenarioExportDialog(self.window.document.scenarios, self.window)
        if len(self.window.document.scenarios) > 1 and \
                dialog.exec() != QDialog.DialogCode.Accepted:
            return False  # a document of one scenario has nothing to ask
        path = self.ask_path(self.tr("Export Excel workbook"), self.tr("Excel workbooks (*.xlsx)"),
                             ".xlsx")
        rows = dialog.rows
        job = scenario_job(rows.snapshot(), "excel", "export_excel", path, {},
                           rows.comparison_source())
        return bool(path) and self.start(path, job, self.tr("Excel"))

    def export_image(self) -> bool:
        if not self._idle():
            return False
        path = self.ask_path(self.tr("Export image"),
                             self.tr("PNG images (*.png);;SVG images (*.svg)"), ".png")
        snapshot = MapSnapshot.of(self.window.document.journey)
        return bool(path) and self.start(path, image_job(snapshot, path), self.tr("image"))

    def export_record(self) -> bool:
        """File → Export → Workshop Record…: the session's times, then Markdown or PDF."""
        if not self._idle():
            return False
        journey = self.window.document.journey
        dialog = RecordOptionsDialog(journey, self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        start, end = dialog.times()
        path, chosen = QFileDialog.getSaveFileName(
            self.window, self.tr("Export workshop record"), str(self.start_path("-record.md")),
            self.tr("Markdown (*.md);;PDF documents (*.pdf)"))
        path = record_path(path, chosen)
        return bool(path) and self.start(path, record_job(MapSnapshot.of(journey), path, start, end),
                                         self.tr("workshop record"))

    # ------------------------------------------------------------------ where to
    def start_path(self, suffix: str) -> Path:
        """Where the save dialog opens: beside the map when it has a file, else in the last
        export folder; named after the map."""
        document = self.window.document
        if document.path is not None and document.path.parent.is_dir():
            folder = document.path.parent
        else:
            folder = Path(last_folder(self.window.settings, KEY_EXPORT_FOLDER))
        return folder / (self.window.files.file_stem() + suffix)

    def ask_path(self, title: str, filters: str, suffix: str) -> str:
        """The file to write, from a save dialog (see start_path); "" when cancelled."""
        start = self.start_path(suffix)
        path, chosen_filter = QFileDialog.getSaveFileName(self.window, title, str(start), filters)
        if path and not Path(path).suffix:
            path += ".svg" if "svg" in chosen_filter.lower() else suffix
        return path

    # ------------------------------------------------------------------ running one export
    @property
    def busy(self) -> bool:
        return self.task is not None

    def _idle(self) -> bool:
        """True when no export runs; else say so and show the running one."""
        if self.task is None:
            return True
        self.window.show_info(self.tr("Export running"),
                              self.tr("An export to %1 is still running. Wait for it to finish, "
                                      "or cancel it first.").replace("%1", self._path))
        if self.progress_dialog is not None:
            self.progress_dialog.show()
            self.progress_dialog.raise_()
        return False

    def start(self, path: str, job, what: str, options: dict[str, Any] | None = None) -> bool:
        """Run ``job`` in a worker with a progress dialog; the result arrives in _succeeded."""
        self._path, self._options, self._what = path, dict(options or {}), what
        self.task = ExportTask(job)
        self.task.progressed.connect(self._progressed)
        self.task.succeeded.connect(self._succeeded)
        self.task.failed.connect(self._failed)
        self.task.cancelled.connect(self._cancelled)
        self.progress_dialog = self._progress_dialog(what)
        self.task.start()
        return True

    def cancel(self) -> None:
        """Stop the running export at its next step; nothing is written."""
        if self.task is not None:
            self.task.cancel()
            self.window.statusBar().showMessage(self.tr("Stopping the export…"))

    def may_close(self) -> bool:
        """Whether the window may close: asks to stop a running export, then waits for it."""
        if self.task is None:
            return True
        answer = QMessageBox.question(
            self.window, self.tr("Export running"),
            self.tr("An export to %1 is still running. Stop it and close the window? Nothing "
                    "will be written.").replace("%1", self._path))
        if answer != QMessageBox.StandardButton.Yes:
            return False
        task = self.task
        task.cancel()
        task.wait()  # the worker stops at its next step; the window must not outlive it
        self._close_progress()
        self.task = None
        return True

    def _progress_dialog(self, what: str) -> QProgressDialog:
        dialog = QProgressDialog(self.tr("Exporting %1…").replace("%1", what), self.tr("Cancel"),
                                 0, 0, self.window)
        dialog.setObjectName("exportProgress")
        dialog.setWindowModality(Qt.WindowModality.NonModal)  # the canvas stays usable
        dialog.setMinimumDuration(SHOW_PROGRESS_AFTER_MS)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(self.cancel)
        return dialog

    def _progressed(self, done: int, total: int) -> None:
        dialog = self.progress_dialog
        if dialog is not None and not dialog.wasCanceled():
            dialog.setMaximum(max(total, 1))
            dialog.setValue(min(done, max(total, 1)))

    def _owns(self) -> bool:
        return self.task is not None and self.sender() is self.task

    def _succeeded(self, report) -> None:
        if not self._owns():
            return
        remember_folder(self.window.settings, self._path, KEY_EXPORT_FOLDER)
        self._close_progress()
        self._report(self._path, self._warnings(report, self._options))
        self.finished.emit(self._path, "written")

    def _failed(self, kind: str, text: str) -> None:
        if not self._owns():
            return
        self._close_progress()
        if kind == "missing":
            self.window.show_error(self.tr("Export not available"),
                                   self.tr("The %1 export is not installed: %2")
                                   .replace("%1", self._what).replace("%2", text))
        else:
            self.window.show_error(self.tr("Export failed"), text)
        self.finished.emit(self._path, "failed")

    def _cancelled(self) -> None:
        if not self._owns():
            return
        self._close_progress()
        self.window.statusBar().showMessage(self.tr("Export cancelled: nothing was written"), 5000)
        self.finished.emit(self._path, "cancelled")

    def _close_progress(self) -> None:
        self.task = None  # the worker has ended its job (the thread ends on its own, see _RUNNING)
        if self.progress_dialog is not None:
            self.progress_dialog.canceled.disconnect(self.cancel)
            self.progress_dialog.close()
            self.progress_dialog.deleteLater()
            self.progress_dialog = None

    @staticmethod
    def _warnings(report, options: dict[str, Any]) -> list[str]:
        """The report's warnings; the small-text one in the user's language."""
        warnings = list(getattr(report, "warnings", []))
        if getattr(report, "small_text", 0.0):
            warnings = [w for w in warnings if "below the minimum" not in w]
            warnings.insert(0, small_text_warning(report.small_text, options.get("min_text", 7.0)))
        return warnings

    def _report(self, path: str, warnings: list[str]) -> None:
        if warnings:
            self.window.show_warning(self.tr("Exported with warnings"),
                                     self.tr("Exported to %1, but:").replace("%1", path)
                                     + "\n\n" + "\n".join(f"• {w}" for w in warnings))
        self.window.statusBar().showMessage(self.tr("Exported %1").replace("%1", path), 5000)
