"""Helpers for the live-session tests: two main windows in one process, one sharing its map
through File → Share live… and one joining through File → Join live session…, the dialogs
answered as a person would (127.0.0.1 and a free port only: nothing leaves this machine)."""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDialogButtonBox
from window_helpers import close_window, when_modal

from editor.document.document import Document
from editor.live.join_dialog import JoinDialog
from editor.live.share_dialog import ShareDialog
from editor.window.mainwindow import MainWindow

WAIT_MS = 15000  # every wait is bounded: a broken session fails the test, never hangs it


def open_window(qtbot, settings, journey, size=(1300, 850)) -> MainWindow:
    window = MainWindow(Document(journey), settings)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    return window


def share_from_menu(qtbot, window: MainWindow, name: str = "Aiko", resume: bool | None = None,
                    port: int = 0) -> dict:
    """File → Share live…: this computer only, ``port`` (0: any free one); what the dialog showed."""
    seen: dict = {}

    def answer(widget) -> bool:
        if not isinstance(widget, ShareDialog):
            return False
        seen["resume shown"] = not widget.resume.isHidden()
        seen["interface"] = widget.interface.currentData()
        if widget.interface.isEnabled():  # not when carrying on the previous session
            widget.interface.setCurrentIndex(widget.interface.findData("127.0.0.1"))
            widget.port.setValue(port)
        widget.name.setText(name)
        if resume is not None:
            widget.resume.setChecked(resume)
        qtbot.mouseClick(widget.start_button, Qt.MouseButton.LeftButton)
        seen.update(link=widget.link, who=widget.who.text(),
                    error=widget.error.text() if widget.error.isVisibleTo(widget) else "",
                    journey_url=widget.journey_link.text(), ws_url=widget.ws_link.text())
        widget.buttons.button(QDialogButtonBox.StandardButton.Close).click()
        return True
    when_modal(answer)
    window.menu_actions.share_live.trigger()
    return seen


def join_from_menu(qtbot, window: MainWindow, link_text: str, name: str = "Ken") -> dict:
    """File → Join live session…: paste the link and a name, press Join; the dialog closes by
    itself once the map arrived; if it says joining failed, note the words and cancel."""
    seen: dict = {}

    def answer(widget) -> bool:
        if not isinstance(widget, JoinDialog):
            return False
        seen["lan list shown"] = widget.lan_box.isChecked() or not widget.lan_list.isHidden()
        widget.link.setText(link_text)
        widget.name.setText(name)
        qtbot.mouseClick(widget.join_button, Qt.MouseButton.LeftButton)
        _watch_for_failure(widget, seen)
        QTimer.singleShot(WAIT_MS, widget, widget.reject)
        return True
    when_modal(answer)
    window.menu_actions.join_live.trigger()
    return seen


def _watch_for_failure(dialog: JoinDialog, seen: dict, left: int = 1500) -> None:
    text = dialog.message.text()
    if dialog.join_button.isEnabled() and dialog.isVisible():
        seen["message"] = text
        dialog.reject()
    elif left and dialog.isVisible():
        QTimer.singleShot(10, dialog, lambda: _watch_for_failure(dialog, seen, left - 1))


def close_all(*windows: MainWindow) -> None:
    for window in windows:
        window.live.shutdown()
        close_window(window)
