"""The main window's file verbs: new from template, open, open recent, save, save as, drops.

A mixin of MainWindow, kept apart only to keep each module short. Every verb that would drop the
current map asks maybe_save() first; a file that cannot be read or written is reported once, by
show_error(), and leaves the current document as it was (still unsaved after a failed save).
Imports: PySide6, model.errors, editor (document, settings, template_dialog).
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QTimer
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QDialog, QFileDialog, QMenu, QMessageBox

from model.errors import JourneyFileError, ModelError

from .document import Document
from .settings import RecentFiles, last_folder, remember_folder
from .template_dialog import TemplateDialog

JOURNEY_SUFFIX = ".journey"


def journey_paths(mime: QMimeData) -> list[str]:
    """The local .journey files in a drop, in the order given."""
    return [url.toLocalFile() for url in mime.urls()
            if url.isLocalFile() and url.toLocalFile().lower().endswith(JOURNEY_SUFFIX)]


class FileOpsMixin:
    """File handling of MainWindow; expects self.document, self.settings, set_document()."""

    # ----------------------------------------------------------------- messages (tests patch these)
    def show_error(self, title: str, message: str) -> None:
        QMessageBox.critical(self, title, message)

    def show_info(self, title: str, message: str) -> None:
        QMessageBox.information(self, title, message)

    def show_warning(self, title: str, message: str) -> None:
        QMessageBox.warning(self, title, message)

    def maybe_save(self) -> bool:
        """True when the current map may be dropped: unchanged, saved, or changes discarded."""
        if self.document is None or not self.document.is_modified():
            return True
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Unsaved changes"),
                          self.tr("“%1” has changes that are not saved.")
                          .replace("%1", self.document.display_name()),
                          QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                          | QMessageBox.StandardButton.Cancel, self)
        box.setInformativeText(self.tr("Do you want to save them?"))
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        answer = box.exec()
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    # ----------------------------------------------------------------- new and open
    def new_from_template(self) -> bool:
        dialog = TemplateDialog(self.language, self)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.chosen_template() is None:
            return False
        info = dialog.chosen_template()
        return self.new_document(info.id, info.language)

    def new_document(self, template_id: str, language: str) -> bool:
        try:
            document = Document.from_template(template_id, language)
        except (JourneyFileError, ModelError) as exc:
            self.show_error(self.tr("Cannot create the map"), str(exc))
            return False
        if not self.maybe_save():
            return False
        self.set_document(document)
        return True

    def open_file(self) -> bool:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open map"), last_folder(self.settings),
                                              self.tr("Journey maps (*.journey);;All files (*)"))
        return self.open_path(path) if path else False

    def open_path(self, path: str | Path) -> bool:
        """Replace the current map with the file's; on a bad file say why and change nothing."""
        try:
            document = Document.open(path)
        except JourneyFileError as exc:
            self.show_error(self.tr("Cannot open the map"), str(exc))
            return False
        if not self.maybe_save():
            return False
        self.set_document(document)
        self._remember(document.path)
        return True

    def open_paths(self, paths: list[str]) -> None:
        """The first file in this window, each further one in a window of its own."""
        if paths and self.open_path(paths[0]):
            for path in paths[1:]:
                self.open_in_new_window(path)

    def open_in_new_window(self, path: str | Path):
        try:
            document = Document.open(path)
        except JourneyFileError as exc:
            self.show_error(self.tr("Cannot open the map"), str(exc))
            return None
        self._remember(document.path)
        from .mainwindow import show_new_window  # the window module imports this one

        return show_new_window(document, self.settings)

    # ----------------------------------------------------------------- save
    def save(self) -> bool:
        if self.document.path is None:
            return self.save_as()
        return self._save_to(self.document.path)

    def save_as(self, path: str | Path | None = None) -> bool:
        if path is None:
            path = self.ask_save_path()
            if not path:
                return False
        path = Path(path)
        if path.suffix.lower() != JOURNEY_SUFFIX:
            path = path.with_name(path.name + JOURNEY_SUFFIX)
        return self._save_to(path)

    def ask_save_path(self) -> str:
        suggested = Path(last_folder(self.settings)) / (self.file_stem() + JOURNEY_SUFFIX)
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save map as"), str(suggested),
                                              self.tr("Journey maps (*.journey)"))
        return path

    def file_stem(self) -> str:
        if self.document.path is not None:
            return self.document.path.stem
        name = self.document.display_name()
        return "".join("_" if c in '\\/:*?"<>|' else c for c in name).strip() or "journey"

    def _save_to(self, path: Path) -> bool:
        try:
            self.document.save(path)
        except JourneyFileError as exc:
            self.show_error(self.tr("Cannot save the map"), str(exc))
            return False
        self._remember(path)
        self.statusBar().showMessage(self.tr("Saved %1").replace("%1", str(path)), 4000)
        return True

    # ----------------------------------------------------------------- recent files
    def recent_files(self) -> RecentFiles:
        return RecentFiles(self.settings)

    def _remember(self, path: Path | None) -> None:
        if path is not None:
            self.recent_files().add(path)
            remember_folder(self.settings, path)

    def fill_recent_menu(self, menu: QMenu) -> None:
        menu.clear()
        paths = self.recent_files().paths()
        for number, path in enumerate(paths, start=1):
            action = menu.addAction(f"&{number % 10}  {Path(path).name}")
            action.setToolTip(path)
            action.setStatusTip(path)
            action.triggered.connect(lambda _checked=False, p=path: self.open_recent(p))
        if not paths:
            menu.addAction(self.tr("No recent files")).setEnabled(False)
            return
        menu.addSeparator()
        menu.addAction(self.tr("Clear list"), self.recent_files().clear)

    def open_recent(self, path: str) -> bool:
        if not Path(path).is_file():
            self.recent_files().remove(path)
            self.show_info(self.tr("File not found"),
                           self.tr("“%1” no longer exists; it was removed from the recent files.")
                           .replace("%1", path))
            return False
        return self.open_path(path)

    # ----------------------------------------------------------------- drops of files
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if journey_paths(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = journey_paths(event.mimeData())
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        # Open after the drop has finished: a save prompt must not run inside the drag's loop.
        QTimer.singleShot(0, lambda: self.open_paths(paths))
