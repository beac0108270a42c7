"""The window's Export menu: ask how (export_dialog, for the PDF poster and PowerPoint) and
where (a save dialog that starts in the map's folder), run the exporter with a progress dialog,
report the result.

The PDF, Excel and PowerPoint exporters are plain Python (exporters.pdf / excel / pptx) that call
a progress(done, total) callback and raise ExportError; images come from editor.canvas.render.
The export runs on the GUI thread: it takes seconds at most, and the model must not change under
it. A one-page poster whose text falls below the minimum size is said in the user's language.
Imports: PySide6, exporters (lazily, when an export is asked for), editor (render, settings,
window.export_dialog).
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QProgressDialog

from editor.settings import KEY_EXPORT_FOLDER, last_folder, remember_folder
from editor.window.export_dialog import ExportOptionsDialog, small_text_warning

Exporter = Callable[..., Any]


def _pdf_exporter() -> Exporter:
    from exporters.pdf import export_pdf

    return export_pdf


def _excel_exporter() -> Exporter:
    from exporters.excel import export_excel

    return export_excel


def _pptx_exporter() -> Exporter:
    from exporters.pptx import export_pptx

    return export_pptx


def _image_exporter(journey, path: str, progress) -> None:
    from editor.canvas.render import render_map_png, render_map_svg

    progress(0, 1)
    if Path(path).suffix.lower() == ".svg":
        render_map_svg(journey, path)
    else:
        render_map_png(journey, path)
    progress(1, 1)


class ExportUi(QObject):
    """Export verbs of one MainWindow (which gives the document, settings and message boxes)."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window

    def export_pdf(self) -> bool:
        dialog = ExportOptionsDialog("pdf", self.window.document.journey, self.window.settings,
                                     self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        choice = dialog.pdf_choices()
        path = self.ask_path(self.tr("Export PDF poster"), self.tr("PDF documents (*.pdf)"), ".pdf")
        options = {"paper": choice.paper, "mode": choice.mode, "min_text": choice.min_text,
                   "details": choice.details}
        return bool(path) and self.run_export(path, _pdf_exporter, self.tr("PDF"), options)

    def export_pptx(self) -> bool:
        dialog = ExportOptionsDialog("pptx", self.window.document.journey, self.window.settings,
                                     self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        path = self.ask_path(self.tr("Export PowerPoint slides"),
                             self.tr("PowerPoint presentations (*.pptx)"), ".pptx")
        return bool(path) and self.run_export(path, _pptx_exporter, self.tr("PowerPoint"),
                                              {"aspect": dialog.aspect_choice()})

    def export_excel(self) -> bool:
        path = self.ask_path(self.tr("Export Excel workbook"), self.tr("Excel workbooks (*.xlsx)"),
                             ".xlsx")
        return bool(path) and self.run_export(path, _excel_exporter, self.tr("Excel"))

    def export_image(self) -> bool:
        path = self.ask_path(self.tr("Export image"),
                             self.tr("PNG images (*.png);;SVG images (*.svg)"), ".png")
        return bool(path) and self.run_export(path, lambda: _image_exporter, self.tr("image"))

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

    def run_export(self, path: str, load: Callable[[], Exporter], what: str,
                   options: dict[str, Any] | None = None) -> bool:
        """Export the current map to ``path``; errors and warnings end in one message box."""
        from exporters.common import ExportError

        try:
            exporter = load()
        except ImportError as exc:
            self.window.show_error(self.tr("Export not available"),
                                   self.tr("The %1 export is not installed: %2")
                                   .replace("%1", what).replace("%2", str(exc)))
            return False
        dialog = self._progress_dialog(what)
        try:
            report = exporter(self.window.document.journey, path, progress=self._progress(dialog),
                              **(options or {}))
        except (ExportError, OSError, ValueError) as exc:
            self.window.show_error(self.tr("Export failed"), str(exc))
            return False
        finally:
            dialog.close()
        remember_folder(self.window.settings, path, KEY_EXPORT_FOLDER)
        self._report(path, self._warnings(report, options or {}))
        return True

    @staticmethod
    def _warnings(report, options: dict[str, Any]) -> list[str]:
        """The report's warnings; the small-text one in the user's language."""
        warnings = list(getattr(report, "warnings", []))
        if getattr(report, "small_text", 0.0):
            warnings = [w for w in warnings if "below the minimum" not in w]
            warnings.insert(0, small_text_warning(report.small_text, options.get("min_text", 7.0)))
        return warnings

    def _progress_dialog(self, what: str) -> QProgressDialog:
        dialog = QProgressDialog(self.tr("Exporting %1…").replace("%1", what), "", 0, 0, self.window)
        dialog.setCancelButton(None)  # an export takes seconds; stopping halfway gains nothing
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.setAutoClose(False)
        return dialog

    @staticmethod
    def _progress(dialog: QProgressDialog) -> Callable[[int, int], None]:
        def progress(done: int, total: int) -> None:
            dialog.setMaximum(max(total, 1))
            dialog.setValue(min(done, max(total, 1)))
            QCoreApplication.processEvents()  # paint the bar: the export runs on this thread
        return progress

    def _report(self, path: str, warnings: list[str]) -> None:
        if warnings:
            self.window.show_warning(self.tr("Exported with warnings"),
                                     self.tr("Exported to %1, but:").replace("%1", path)
                                     + "\n\n" + "\n".join(f"• {w}" for w in warnings))
        self.window.statusBar().showMessage(self.tr("Exported %1").replace("%1", path), 5000)
