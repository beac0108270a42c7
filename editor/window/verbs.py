"""CanvasVerbs: what Edit and View do to the open map: cut, copy, paste, select all, duplicate,
delete, edit text, zoom. A collaborator the window owns (``window.verbs``); the actions call it.

Cut, Copy, Paste and Select All act on the focused text field when there is one (an inspector
field), else on the canvas selection. Also the application's version, for About.
Imports: PySide6, tomllib, importlib.metadata.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QLineEdit, QPlainTextEdit, QWidget

DISTRIBUTION = "journey-map-editor"  # the name in pyproject.toml


class CanvasVerbs(QObject):
    """The window's Edit and View verbs; it reads the window's scene and view as they are now."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window

    # ----------------------------------------------------------------- edit verbs
    def _text_field(self) -> QWidget | None:
        """The focused text field, when a menu click on Cut/Copy/Paste means its text."""
        focus = QApplication.focusWidget()
        if isinstance(focus, QAbstractSpinBox):
            focus = focus.findChild(QLineEdit)
        return focus if isinstance(focus, (QLineEdit, QPlainTextEdit)) else None

    def cut(self) -> None:
        field = self._text_field()
        field.cut() if field is not None else self.window.scene.interaction.cut_selection()

    def copy(self) -> None:
        field = self._text_field()
        field.copy() if field is not None else self.window.scene.interaction.copy_selection()

    def paste(self) -> None:
        field = self._text_field()
        field.paste() if field is not None else self.window.scene.interaction.paste()

    def select_all(self) -> None:
        field = self._text_field()
        field.selectAll() if field is not None else self.window.scene.select_all()

    def duplicate(self) -> None:
        self.window.scene.interaction.duplicate_selection()

    def delete(self) -> None:
        self.window.scene.interaction.delete_selection()

    def edit_text(self) -> None:
        self.window.view.setFocus()
        self.window.scene.interaction.edit_selection()

    # ----------------------------------------------------------------- view verbs
    def zoom_in(self) -> None:
        self.window.view.zoom_in()

    def zoom_out(self) -> None:
        self.window.view.zoom_out()

    def reset_zoom(self) -> None:
        self.window.view.reset_zoom()

    def fit_to_window(self) -> None:
        self.window.view.fit_to_window()


def application_version() -> str:
    """The installed package's version; from pyproject.toml when run from a source tree."""
    import tomllib  # here, not at the top: the first window does not need them
    from importlib import metadata

    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        pyproject = Path(__file__).resolve().parents[2] / "pyproject.toml"
        try:
            return tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["version"]
        except (OSError, KeyError, tomllib.TOMLDecodeError):
            return "?"
