"""The main window's file verbs: new from template, open, open recent, save, save as, drops.

FileOperations is a collaborator the window owns (``window.files``). Every verb that would drop the
current map asks maybe_save() first; a file that cannot be read or written is reported once, by
show_error() (translated: editor.i18n.error_text), and leaves the current document as it was
(still unsaved after a failed save). A file is locked while open (editor.document.locking): one
another editor holds opens read-only or as a copy, one that cannot be locked opens with a warning;
a file already shown by a window of this editor brings that window to the front; a file another
program changed since it was read is not overwritten without asking.
File → Import… previews the import (editor.window.import_dialog) and opens the result as a new
untitled map in this window, after the same save question as New and Open.
Imports: PySide6, model.journey, editor (document, i18n, locking, settings, template_dialog,
import_dialog).
"""
from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QMimeData, QObject, QSettings, QTimer
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMenu, QMessageBox

from editor.document.document import Document
from editor.document.locking import (
    OPEN_COPY,
    OPEN_READ_ONLY,
    LockOwner,
    ask_locked_choice,
    not_locked_sentence,
)
from editor.i18n import error_text
from editor.settings import KEY_IMPORT_FOLDER, RecentFiles, last_folder, remember_folder
from model.journey.errors import JourneyFileError, ModelError
from model.journey.journey_map import JourneyMap

JOURNEY_SUFFIX = ".journey"
OVERWRITE, SAVE_AS, CANCEL = "overwrite", "save-as", "cancel"

AskLocked = Callable[[Path, LockOwner | None], str]
NewWindow = Callable[[Document, QSettings], object]


def open_document(path: str | Path, ask_locked: AskLocked) -> Document | None:
    """Open and lock ``path``; when another editor holds it, ``ask_locked`` chooses read-only,
    a copy or nothing (None). Raises JourneyFileError for a file that cannot be opened."""
    document = Document.open(path)
    if document.acquire_lock():
        return document
    choice = ask_locked(Path(path), document.lock_owner())
    if choice == OPEN_READ_ONLY:
        document.read_only = True
        return document
    return document.copy_untitled() if choice == OPEN_COPY else None


def window_showing(path: str | Path):
    """The open window of this editor whose map is the file ``path``, or None."""
    wanted = os.path.abspath(path)
    for widget in QApplication.topLevelWidgets():
        document = getattr(widget, "document", None)
        if (widget.isVisible() and getattr(document, "path", None) is not None
                and os.path.abspath(document.path) == wanted):
            return widget
    return None


def raise_window(window) -> None:
    window.showNormal() if window.isMinimized() else window.show()
    window.raise_()
    window.activateWindow()


def journey_paths(mime: QMimeData) -> list[str]:
    """The local .journey files in a drop, in the order given."""
    return [url.toLocalFile() for url in mime.urls()
            if url.isLocalFile() and url.toLocalFile().lower().endswith(JOURNEY_SUFFIX)]


class FileOperations(QObject):
    """File handling of one MainWindow. It reads the window's document, settings and recovery
    manager, and shows a document with window.set_document(); windows for further files come from
    ``new_window`` (given by the window module, which imports this one)."""

    def __init__(self, window, new_window: NewWindow) -> None:
        super().__init__(window)
        self.window = window
        self._new_window = new_window

    @property
    def document(self) -> Document | None:
        return self.window.document

    @property
    def settings(self) -> QSettings:
        return self.window.settings

    # ----------------------------------------------------------------- prompts (tests patch these)
    def ask_locked_choice(self, path: Path, owner: LockOwner | None) -> str:
        return ask_locked_choice(self.window, path, owner)

    def ask_changed_on_disk(self, path: Path) -> str:
        """OVERWRITE, SAVE_AS or CANCEL for a file another program changed since it was read."""
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("File changed on disk"),
                          self.tr("The file \"%1\" was changed by another program since you opened "
                                  "it.").replace("%1", path.name),
                          QMessageBox.StandardButton.NoButton, self.window)
        box.setInformativeText(self.tr("Overwrite it with this map, losing the other changes, or "
                                       "save this map as another file?"))
        overwrite = box.addButton(self.tr("&Overwrite"), QMessageBox.ButtonRole.DestructiveRole)
        save_as = box.addButton(self.tr("&Save As…"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(save_as)
        box.exec()
        clicked = box.clickedButton()
        return OVERWRITE if clicked is overwrite else SAVE_AS if clicked is save_as else CANCEL

    def maybe_save(self) -> bool:
        """True when the current map may be dropped: unchanged, saved, or changes discarded."""
        if self.document is None or not self.document.is_modified():
            return True
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Unsaved changes"),
                          self.tr("\"%1\" has changes that are not saved.")
                          .replace("%1", self.document.display_name()),
                          QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                          | QMessageBox.StandardButton.Cancel, self.window)
        box.setInformativeText(self.tr("Do you want to save them?"))
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        answer = box.exec()
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    # ----------------------------------------------------------------- new and open
    def new_from_template(self) -> bool:
        from editor.window.template_dialog import TemplateDialog  # not needed to start

        dialog = TemplateDialog(self.window.language, self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.chosen_template() is None:
            return False
        info = dialog.chosen_template()
        return self.new_document(info.id, info.language)

    def new_document(self, template_id: str, language: str) -> bool:
        try:
            document = Document.from_template(template_id, language)
        except (JourneyFileError, ModelError) as exc:
            self.window.show_error(self.tr("Cannot create the map"), error_text(exc))
            return False
        if not self.maybe_save():
            return False
        self.window.set_document(document)
        return True

    def open_file(self) -> bool:
        path, _ = QFileDialog.getOpenFileName(self.window, self.tr("Open map"), last_folder(self.settings),
                                              self.tr("Journey maps (*.journey);;All files (*)"))
        return self.open_path(path) if path else False

    def open_path(self, path: str | Path) -> bool:
        """Replace the current map with the file's; on a bad file say why and change nothing.
        A file already open in a window of this editor brings that window to the front."""
        if self._show_if_open(path):
            return True
        document = self._open_document(path)
        if document is None:
            return False
        if not self.maybe_save():
            document.release_lock()
            return False
        self.window.set_document(document)
        self._remember(document.path)
        self.warn_if_unlocked()
        return True

    def warn_if_unlocked(self) -> None:
        """Say so when the window's file is open without its lock (none could be made)."""
        problem = self.document.lock_problem
        if problem:
            self.window.show_warning(self.tr("File not locked"),
                                     not_locked_sentence(self.document.path, problem))

    def _open_document(self, path: str | Path) -> Document | None:
        try:
            return open_document(path, self.ask_locked_choice)
        except JourneyFileError as exc:
            self.window.show_error(self.tr("Cannot open the map"), error_text(exc))
            return None

    def open_paths(self, paths: list[str]) -> None:
        """The first file in this window, each further one in a window of its own."""
        if paths and self.open_path(paths[0]):
            for path in paths[1:]:
                self.open_in_new_window(path)

    def _show_if_open(self, path: str | Path) -> bool:
        showing = window_showing(path)
        if showing is not None:
            raise_window(showing)
        return showing is not None

    def open_in_new_window(self, path: str | Path):
        if self._show_if_open(path):
            return window_showing(path)
        document = self._open_document(path)
        if document is None:
            return None
        self._remember(document.path)
        window = self._new_window(document, self.settings)
        window.files.warn_if_unlocked()
        return window

    # ----------------------------------------------------------------- import
    def import_map(self) -> bool:
        """File → Import…: choose a file, check the preview, then the imported map replaces
        the current one (after the save question) as an untitled, unsaved map."""
        path = self.ask_import_path()
        if not path:
            return False
        remember_folder(self.settings, path, KEY_IMPORT_FOLDER)
        journey = self.preview_import(path)
        if journey is None or not self.maybe_save():
            return False
        document = Document(journey)
        document.undo_stack.resetClean()  # saved nowhere yet: closing it must ask
        self.window.set_document(document)
        self.window.statusBar().showMessage(self.tr("Imported %1").replace("%1", path), 5000)
        return True

    def ask_import_path(self) -> str:
        path, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("Import map"), last_folder(self.settings, KEY_IMPORT_FOLDER),
            self.tr("Maps from other tools (*.xlsx *.xlsm *.csv *.tsv *.txt *.mmd *.mermaid *.md "
                    "*.yaml *.yml);;Excel workbooks (*.xlsx *.xlsm);;CSV files (*.csv *.tsv *.txt)"
                    ";;Mermaid journeys (*.mmd *.mermaid *.md *.txt);;Enablement map YAML (*.yaml "
                    "*.yml);;All files (*)"))
        return path

    def preview_import(self, path: str) -> JourneyMap | None:
        """The map the person accepted in the preview, or None."""
        from editor.window.import_dialog import ImportDialog  # not needed to start

        document = self.document
        dialog = ImportDialog(path, document.journey if document else None,
                              document.display_name() if document else "", self.window.language,
                              self.window)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        journey = dialog.imported_map() if accepted else None
        dialog.deleteLater()
        return journey

    # ----------------------------------------------------------------- save
    def save(self) -> bool:
        if self.document.path is None or self.document.read_only:
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
        path, _ = QFileDialog.getSaveFileName(self.window, self.tr("Save map as"),
                                              str(self.suggested_save_path()),
                                              self.tr("Journey maps (*.journey)"))
        return path

    def suggested_save_path(self) -> Path:
        """The map's own file, or beside it a free "<name> (copy)" when the window is read-only
        (the file is another editor's); an untitled map goes to the last folder used."""
        if self.document.path is None:
            return Path(last_folder(self.settings)) / (self.file_stem() + JOURNEY_SUFFIX)
        if not self.document.read_only:
            return self.document.path
        folder, stem = self.document.path.parent, self.document.path.stem
        for number in range(1, 100):
            name = (self.tr("%1 (copy)") if number == 1 else self.tr("%1 (copy %2)")) \
                .replace("%1", stem).replace("%2", str(number))
            candidate = folder / (name + JOURNEY_SUFFIX)
            if not candidate.exists():
                return candidate
        return folder / (stem + JOURNEY_SUFFIX)

    def file_stem(self) -> str:
        if self.document.path is not None:
            return self.document.path.stem
        name = self.document.display_name()
        return "".join("_" if c in '\\/:*?"<>|' else c for c in name).strip() or "journey"

    def _save_to(self, path: Path) -> bool:
        if self._is_current_file(path) and self.document.changed_on_disk():
            choice = self.ask_changed_on_disk(path)
            if choice == SAVE_AS:
                return self.save_as()
            if choice != OVERWRITE:
                return False
        moved = not self._is_current_file(path)
        try:
            self.document.save(path)
        except JourneyFileError as exc:
            self.window.show_error(self.tr("Cannot save the map"), error_text(exc))
            return False
        if moved:
            self.warn_if_unlocked()
        self._remember(self.document.path)  # absolute, as the document keeps it
        self.window.update_title()  # no longer read-only
        self.window.statusBar().showMessage(
            self.tr("Saved %1").replace("%1", str(self.document.path)), 4000)
        return True

    def _is_current_file(self, path: Path) -> bool:
        current = self.document.path
        return current is not None and os.path.abspath(current) == os.path.abspath(path)

    def release_document(self, document: Document) -> None:
        """The document leaves its window (saved or discarded): drop its copy and its lock."""
        if self.window.recovery is not None:
            self.window.recovery.forget(document)
        document.release_lock()

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
            self.window.show_info(self.tr("File not found"),
                           self.tr("\"%1\" no longer exists; it was removed from the recent files.")
                           .replace("%1", path))
            return False
        return self.open_path(path)

    # ----------------------------------------------------------------- drops of files
    def accept_drag(self, event: QDragEnterEvent) -> None:
        if journey_paths(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def drop(self, event: QDropEvent) -> None:
        paths = journey_paths(event.mimeData())
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        # Open after the drop has finished: a save prompt must not run inside the drag's loop.
        QTimer.singleShot(0, lambda: self.open_paths(paths))
