"""Helpers for the main-window tests: a window on a template in temporary settings, answering
modal dialogs as a user would, and the actions' shortcuts pressed on the focused widget."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox, QWidget

from editor.document.document import Document
from editor.window.export_dialog import ExportOptionsDialog
from editor.window.mainwindow import MainWindow


def make_window(qtbot, settings, template: str = "saas-cs-lifecycle", language: str = "ja",
                size: tuple[int, int] = (1400, 900)) -> MainWindow:
    window = MainWindow(Document.from_template(template, language), settings)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    return window


def close_window(window: MainWindow) -> None:
    """Close without the save prompt (a test's edits are not to be kept)."""
    if window.document is not None:
        window.document.undo_stack.setClean()
    window.close()
    window.deleteLater()


def when_modal(answer: Callable[[QWidget], bool], tries: int = 500) -> None:
    """Once a modal widget is up, hand it to ``answer``; poll (a bounded number of times) until
    ``answer`` says it is done."""
    def poll(left: int) -> None:
        widget = QApplication.activeModalWidget()
        if (widget is None or not answer(widget)) and left:
            QTimer.singleShot(10, lambda: poll(left - 1))
    QTimer.singleShot(0, lambda: poll(tries))


def answer_message_box(button: QMessageBox.StandardButton, seen: list[str]) -> None:
    def click(widget: QWidget) -> bool:
        if not isinstance(widget, QMessageBox):
            return False
        seen.append(widget.text())
        widget.button(button).click()
        return True
    when_modal(click)


def focus_window(window: MainWindow, qtbot) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def start_from_menu(window: MainWindow, monkeypatch, path, action: str = "export_pdf") -> None:
    """File → Export → ``action``, the options dialog accepted as it stands, the file ``path``."""
    monkeypatch.setattr(window.exports, "ask_path", lambda *args: str(path))

    def accept_options() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, ExportOptionsDialog):
            dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        else:
            QTimer.singleShot(20, accept_options)

    QTimer.singleShot(0, accept_options)
    getattr(window.menu_actions, action).trigger()
    assert window.exports.busy
