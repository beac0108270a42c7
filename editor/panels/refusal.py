"""RefusalLine: the red line under a panel's fields that says why the last edit was refused (in
the user's language, editor.i18n.error_text), hidden once an edit goes through. The inspector,
the comments dock and the parking lot share it. Imports: PySide6, editor.i18n, model.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLabel, QWidget

from editor.i18n import error_text
from model import ModelError


class RefusalLine(QLabel):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setStyleSheet("color: #b00020;")
        self.hide()

    def say(self, reason: str) -> None:
        self.setText(reason)
        self.show()

    def attempt(self, action: Callable[[], object]) -> bool:
        """Run one edit; a model refusal is said here instead of raised. True when it went through."""
        try:
            action()
        except ModelError as exc:
            self.say(error_text(exc))
            return False
        self.hide()
        return True
