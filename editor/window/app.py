"""Starting the editor: the QApplication, the bundled font, and the first window(s).

The bundled IPAexGothic becomes the application font, so Japanese renders on a machine with no
Japanese system font. SIGTERM, SIGHUP and SIGINT quit without losing work (editor.window.termination).
Before any window opens, the maps a crashed editor left unsaved are offered for recovery; with no
file given and nothing restored, the first window shows a new map from the lifecycle template in
the user's language; a file given but cancelled in the "file in use" question opens nothing.
Imports: PySide6, model.journey.errors, editor (document, file_ops, fonts, locking, mainwindow,
recovery, settings, termination).
"""
from __future__ import annotations

import sys
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QMessageBox

from editor.document import locking
from editor.document.document import Document
from editor.document.recovery import RecoveryManager, RecoveryStore, install_recovery, offer_recovery
from editor.fonts import register_bundled_fonts
from editor.i18n import error_text, install_translators
from editor.settings import APPLICATION, DEFAULT_TEMPLATE, ORGANIZATION, app_settings, ui_language
from editor.window.file_ops import open_document, window_showing
from editor.window.mainwindow import MainWindow, show_new_window
from editor.window.termination import TerminationHandler
from model.journey.errors import JourneyFileError


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(APPLICATION)
    use_bundled_font(app)
    return app


def use_bundled_font(app: QApplication) -> None:
    """Make the bundled Japanese font the UI font, at the platform's usual size."""
    try:
        family = register_bundled_fonts()
    except RuntimeError:
        return  # Latin text still renders; the error shows when the canvas needs the font
    font = QFont(app.font())
    font.setFamilies([family] + [f for f in app.font().families() if f != family])
    app.setFont(font)


def first_windows(paths: list[str], settings: QSettings | None = None,
                  restored: Sequence[Document] = (),
                  failures: Sequence[str] = ()) -> list[MainWindow]:
    """One window per restored map and per readable file given (a file restored already is not
    opened twice); one on the default template when nothing was asked for or nothing could be
    read. Cancel in the "file in use" question opens nothing for that file: when the person
    cancelled everything, there is no window at all. ``failures`` (and files that cannot be
    opened) are reported on the first window, or on their own."""
    settings = settings if settings is not None else app_settings()
    windows = [show_new_window(document, settings) for document in restored]
    failures = list(failures)
    cancelled = False
    for path in paths:
        if window_showing(path) is not None:
            continue
        try:
            document = open_document(path, lambda *args: locking.ask_locked_choice(None, *args))
        except JourneyFileError as exc:
            failures.append(error_text(exc))
            continue
        if document is None:
            cancelled = True
            continue
        windows.append(show_new_window(document, settings))
    if not windows and not cancelled:
        document = Document.from_template(DEFAULT_TEMPLATE, ui_language(settings))
        windows.append(show_new_window(document, settings))
    _report_failures(windows, failures)
    for window in windows:
        window.files.warn_if_unlocked()
    return windows


def _report_failures(windows: list[MainWindow], failures: list[str]) -> None:
    title = QCoreApplication.translate("MainWindow", "Cannot open the map")
    for message in failures:
        if windows:
            windows[0].show_error(title, message)
        else:
            QMessageBox.critical(None, title, message)


def start_recovery(settings: QSettings) -> tuple[list[Document], list[str]]:
    """Install this editor's autosave and offer what crashed editors left: (restored, failures)."""
    manager = RecoveryManager(RecoveryStore.default(), settings, QApplication.instance())
    install_recovery(manager)
    return offer_recovery(manager)


def run_gui(paths: list[str]) -> int:
    app = make_application()
    _termination = TerminationHandler(app)  # noqa: F841 (alive until exec() returns)
    settings = app_settings()
    _translators = install_translators(app, ui_language(settings))  # alive until exec() returns
    restored, failures = start_recovery(settings)
    windows = first_windows(paths, settings, restored, failures)
    if not windows:
        return 0  # every file given was cancelled: nothing to show
    for window in windows:
        if window.document.path is not None:
            window.files.recent_files().add(window.document.path)
    return app.exec()
