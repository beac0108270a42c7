"""The window's Export menu: ask where, run the exporter with a progress dialog, report the result.

The PDF and Excel exporters are plain Python (exporters.pdf / exporters.excel) that call a
progress(done, total) callback and raise ExportError; images come from editor.canvas.render. The export
runs on the GUI thread: it takes seconds at most, and the model must not change under it.
Imports: PySide6, exporters (lazily, when an export is asked for), editor (render, settings).
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QFileDialog, QProgressDialog

from editor.settings import KEY_EXPORT_FOLDER, last_folder, remember_folder

Exporter = Callable[..., Any]


def _pdf_exporter() -> Exporter:
    from exporters.pdf import export_pdf

    return export_pdf


def _excel_exporter() -> Exporter:
    from exporters.excel import export_excel

    return export_excel


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
        path = self.ask_path(self.tr("Export PDF poster"), self.tr("PDF documents (*.pdf)"), ".pdf")
        return bool(path) and self.run_export(path, _pdf_exporter, self.tr("PDF"))

    def export_excel(self) -> bool:
        path = self.ask_path(self.tr("Export Excel workbook"), self.tr("Excel workbooks (*.xlsx)"),
                             ".xlsx")
        return bool(path) and self.run_export(path, _excel_exporter, self.tr("Excel"))

    def export_image(self) -> bool:
        path = self.ask_path(self.tr("Export image"),
                             self.tr("PNG images (*.png);;SVG images (*.svg)"), ".png")
        return bool(path) and self.run_export(path, lambda: _image_exporter, self.tr("image"))

    def ask_path(self, title: str, filters: str, suffix: str) -> str:
        """The file to write, from a save dialog in the last export folder; "" when cancelled."""
        settings = self.window.settings
        start = Path(last_folder(settings, KEY_EXPORT_FOLDER)) / (self.window.file_stem() + suffix)
        path, chosen_filter = QFileDialog.getSaveFileName(self.window, title, str(start), filters)
        if path and not Path(path).suffix:
            path += ".svg" if "svg" in chosen_filter.lower() else suffix
        return path

    def run_export(self, path: str, load: Callable[[], Exporter], what: str) -> bool:
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
            report = exporter(self.window.document.journey, path, progress=self._progress(dialog))
        except (ExportError, OSError) as exc:
            self.window.show_error(self.tr("Export failed"), str(exc))
            return False
        finally:
            dialog.close()
        remember_folder(self.window.settings, path, KEY_EXPORT_FOLDER)
        self._report(path, getattr(report, "warnings", []))
        return True

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
