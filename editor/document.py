"""Document: one open journey map with its file path, undo stack and edit controller.

"Saved" means the undo stack is clean. Opening and saving go through model.fileformat, so the
file contract (validation, atomic writes) is the same as on the command line.
Imports: PySide6 (QtCore, QtGui), model, editor.controller.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoStack

from model import JourneyMap
from model.fileformat import load_journey, save_journey
from model.templates import load_template

from .controller import EditController


class Document(QObject):
    modified_changed = Signal(bool)
    path_changed = Signal(object)

    def __init__(self, journey: JourneyMap, path: Path | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.journey = journey
        self.path = Path(path) if path else None
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)
        self.controller = EditController(journey, self.undo_stack, self)

    def _on_clean_changed(self, clean: bool) -> None:
        self.modified_changed.emit(not clean)

    @classmethod
    def open(cls, path: Path | str, parent: QObject | None = None) -> Document:
        """Load a file; raises JourneyFileError (the map is not half-built) on any problem."""
        return cls(load_journey(path), Path(path), parent)

    @classmethod
    def from_template(cls, template_id: str, language: str,
                      parent: QObject | None = None) -> Document:
        return cls(load_template(template_id, language), None, parent)

    def is_modified(self) -> bool:
        return not self.undo_stack.isClean()

    def display_name(self) -> str:
        if self.path:
            return self.path.name
        return self.journey.title or QCoreApplication.translate("Document", "Untitled")

    def save(self, path: Path | str | None = None) -> None:
        """Write atomically; on failure raise JourneyFileError and stay modified."""
        target = Path(path) if path else self.path
        if target is None:
            raise ValueError("no path to save to")
        save_journey(self.journey, target)
        self.undo_stack.setClean()
        if target != self.path:
            self.path = target
            self.path_changed.emit(target)
