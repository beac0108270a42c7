"""Quitting on SIGTERM, SIGHUP and SIGINT (a logout, ``kill``, a closed terminal, Ctrl+C) without
losing work: every unsaved map is copied to the recovery folder (offered at the next start), every
lock is released, and the editor exits with 128 + the signal's number, without asking anything.

Python runs a signal handler only between bytecodes, and Qt's event loop waits in C++, so the
signal wakes the loop through a socket pair (``signal.set_wakeup_fd``) that a QSocketNotifier
watches; the work then runs in the event loop (also in a dialog's), never in the middle of a save.
Imports: the standard library, PySide6, model.journey.errors, editor (recovery, mainwindow).
"""
from __future__ import annotations

import contextlib
import os
import signal
import socket
import sys

from PySide6.QtCore import QObject, QSocketNotifier
from PySide6.QtWidgets import QApplication

from editor.document.recovery import installed_recovery
from editor.window.mainwindow import MainWindow
from model.journey.errors import JourneyFileError

HANDLED = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP", "SIGINT")
                if hasattr(signal, name))


class TerminationHandler(QObject):
    """Installed once by the application at start; quits cleanly on the signals in HANDLED."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._receiver, self._sender = socket.socketpair()
        for end in (self._receiver, self._sender):
            end.setblocking(False)
        signal.set_wakeup_fd(self._sender.fileno(), warn_on_full_buffer=False)
        for signum in HANDLED:
            signal.signal(signum, _note_signal)  # the byte on the socket does the rest
        self._notifier = QSocketNotifier(self._receiver.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._on_wakeup)

    def _on_wakeup(self, *_args) -> None:
        try:
            received = self._receiver.recv(64)
        except OSError:
            return
        for signum in received:
            if signum in HANDLED:
                save_copies_and_exit(signum)


def _note_signal(_signum, _frame) -> None:
    """Python's side of the handler: nothing; the wake-up byte reaches the event loop."""


def main_windows() -> list[MainWindow]:
    return [widget for widget in QApplication.topLevelWidgets()
            if isinstance(widget, MainWindow) and widget.document is not None]


def save_copies_and_exit(signum: int) -> None:
    """Copy every unsaved map for recovery, release every lock, and end the process now.

    The process ends with os._exit: quitting the event loop would return into whatever dialog
    is open, and its code would go on (a "save changes?" answer, a save) after the locks are gone.
    """
    manager = installed_recovery()
    for window in main_windows():
        document = window.document
        if manager is not None and document.is_modified():
            with contextlib.suppress(JourneyFileError, OSError):  # nothing else can be done now
                manager.store_copy(document)
        document.release_lock()
        window.settings.sync()
    if manager is not None:
        manager.release_locks()  # the copies stay, unowned: the next start offers them
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    os._exit(128 + signum)
