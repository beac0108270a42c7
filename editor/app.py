"""Starting the editor: the QApplication, the bundled font, and the first window(s).

The bundled IPAexGothic becomes the application font, so Japanese renders on a machine with no
Japanese system font. With no file given, the first window shows a new map from the lifecycle
template in the user's language.
Imports: PySide6, model.errors, editor (document, fonts, mainwindow, settings).
"""
from __future__ import annotations

import sys

from PySide6.QtCore import QSettings
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from model.errors import JourneyFileError

from .document import Document
from .fonts import register_bundled_fonts
from .mainwindow import MainWindow, show_new_window
from .settings import APPLICATION, DEFAULT_TEMPLATE, ORGANIZATION, app_settings, ui_language


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


def first_windows(paths: list[str], settings: QSettings | None = None) -> list[MainWindow]:
    """One window per readable file given, or one on the default template when none opens."""
    settings = settings if settings is not None else app_settings()
    windows, failures = [], []
    for path in paths:
        try:
            windows.append(show_new_window(Document.open(path), settings))
        except JourneyFileError as exc:
            failures.append(str(exc))
    if not windows:
        document = Document.from_template(DEFAULT_TEMPLATE, ui_language(settings))
        windows.append(show_new_window(document, settings))
    for message in failures:
        windows[0].show_error(windows[0].tr("Cannot open the map"), message)
    return windows


def run_gui(paths: list[str]) -> int:
    app = make_application()
    windows = first_windows(paths)
    for window in windows:
        if window.document.path is not None:
            window.recent_files().add(window.document.path)
    return app.exec()
