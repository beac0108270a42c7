"""Starting the editor: the QApplication, the bundled font, and the first window(s).

The bundled IPAexGothic becomes the application font, so Japanese renders on a machine with no
Japanese system font. Before any window opens, the maps a crashed editor left unsaved are offered
for recovery; with no file given and nothing restored, the first window shows a new map from the
lifecycle template in the user's language.
Imports: PySide6, model.journey.errors, editor (document, file_ops, fonts, locking, mainwindow, recovery,
settings).
"""
from __future__ import annotations

import sys
from collections.abc import Sequence

from PySide6.QtCore import QSettings
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from editor.document import locking
from editor.document.document import Document
from editor.document.recovery import RecoveryManager, RecoveryStore, install_recovery, offer_recovery
from editor.fonts import register_bundled_fonts
from editor.i18n import install_translators
from editor.settings import APPLICATION, DEFAULT_TEMPLATE, ORGANIZATION, app_settings, ui_language
from editor.window.file_ops import open_document
from editor.window.mainwindow import MainWindow, show_new_window
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
    """One window per restored map and per readable file given, or one on the default template
    when none opens; ``failures`` (and files that cannot be opened) are reported on the first."""
    settings = settings if settings is not None else app_settings()
    windows = [show_new_window(document, settings) for document in restored]
    failures = list(failures)
    for path in paths:
        try:
            document = open_document(path, lambda *args: locking.ask_locked_choice(None, *args))
        except JourneyFileError as exc:
            failures.append(str(exc))
            continue
        if document is not None:
            windows.append(show_new_window(document, settings))
    if not windows:
        document = Document.from_template(DEFAULT_TEMPLATE, ui_language(settings))
        windows.append(show_new_window(document, settings))
    for message in failures:
        windows[0].show_error(windows[0].tr("Cannot open the map"), message)
    for window in windows:
        window.files.warn_if_unlocked()
    return windows


def start_recovery(settings: QSettings) -> tuple[list[Document], list[str]]:
    """Install this editor's autosave and offer what crashed editors left: (restored, failures)."""
    manager = RecoveryManager(RecoveryStore.default(), settings, QApplication.instance())
    install_recovery(manager)
    return offer_recovery(manager)


def run_gui(paths: list[str]) -> int:
    app = make_application()
    settings = app_settings()
    _translators = install_translators(app, ui_language(settings))  # alive until exec() returns
    restored, failures = start_recovery(settings)
    windows = first_windows(paths, settings, restored, failures)
    for window in windows:
        if window.document.path is not None:
            window.files.recent_files().add(window.document.path)
    return app.exec()
