"""The user interface's language: Qt translators for our strings and for Qt's own dialogs.

Our strings live in `resources/translations/journey_<lang>.ts` (Qt Linguist sources, extracted by
`scripts/update_translations.py`) and are compiled to `.qm`; Qt's standard buttons come from
PySide6's bundled `qtbase_<lang>.qm`. The language is the system's unless the setting
"ui/language" overrides it (View → Language). Imports: PySide6, resources.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator
from PySide6.QtGui import QActionGroup
from PySide6.QtWidgets import QMenu, QMessageBox

from resources import RESOURCES_DIR

TRANSLATIONS_DIR = RESOURCES_DIR / "translations"
# Language names are shown in their own language, as every OS's language picker does.
LANGUAGE_CHOICES = (("", None), ("en", "English"), ("ja", "日本語"))
SETTING = "ui/language"  # the same key as editor.settings.KEY_LANGUAGE


def tr(text: str) -> str:
    """Translate a string outside a QObject (lupdate files bare tr() calls under no context)."""
    return QCoreApplication.translate("", text)


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Load our and Qt's translations for ``language``; English needs none. Keep the result
    alive as long as the app (Qt does not own installed translators)."""
    installed: list[QTranslator] = []
    if language == "en":
        return installed
    sources = ((f"journey_{language}", str(TRANSLATIONS_DIR)),
               (f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)))
    for name, folder in sources:
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            installed.append(translator)
    return installed


def add_language_menu(menu: QMenu, window) -> None:
    """System default / English / 日本語; the choice is saved and applies at the next start."""
    current = str(window.settings.value(SETTING, "") or "")
    group = QActionGroup(menu)
    for code, name in LANGUAGE_CHOICES:
        action = menu.addAction(name or tr("System default"))
        action.setCheckable(True)
        action.setChecked(code == current)
        group.addAction(action)
        action.triggered.connect(lambda _=False, c=code: _choose_language(window, c))


def _choose_language(window, code: str) -> None:
    window.settings.setValue(SETTING, code)
    QMessageBox.information(window, tr("Language"),
                            tr("The new language applies when you restart Journey Map Editor."))
