"""The user interface's language: Qt translators for our strings and for Qt's own dialogs.

Our strings live in `resources/translations/journey_<lang>.ts` (Qt Linguist sources, extracted by
`scripts/update_translations.py`) and are compiled to `.qm`; Qt's standard buttons come from
PySide6's bundled `qtbase_<lang>.qm`. The language is the system's unless the setting
"ui/language" overrides it. Imports: PySide6 (QtCore), resources.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from resources import RESOURCES_DIR

TRANSLATIONS_DIR = RESOURCES_DIR / "translations"
SUPPORTED = ("en", "ja")
SETTING = "ui/language"


def tr(text: str) -> str:
    """Translate a string outside a QObject (lupdate files bare tr() calls under no context)."""
    return QCoreApplication.translate("", text)


def system_language() -> str:
    return "ja" if QLocale.system().name().lower().startswith("ja") else "en"


def ui_language(settings: QSettings | None = None) -> str:
    chosen = str((settings or QSettings()).value(SETTING, "") or "")
    return chosen if chosen in SUPPORTED else system_language()


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
