"""The user interface's language: Qt translators for our strings and for Qt's own dialogs.

Our strings live in `resources/translations/journey_<lang>.ts` (Qt Linguist sources, extracted by
`scripts/update_translations.py`) and are compiled to `.qm`; Qt's standard buttons come from
PySide6's bundled `qtbase_<lang>.qm`. The language is the system's unless the setting
"ui/language" overrides it (View → Language). The file layer's messages come from the Qt-free
model as Messages (model.journey.messages: a template and its arguments), translated here in
the context "FileMessages" (translate_message, error_text).
Imports: PySide6, resources, model (fileformat.messages, journey.errors), exporters.common.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator
from PySide6.QtGui import QActionGroup
from PySide6.QtWidgets import QMenu, QMessageBox

from exporters.common import ExportError
from model.journey.errors import JourneyFileError, ModelError
from model.journey.messages import CONTEXT, Message
from resources import RESOURCES_DIR

TRANSLATIONS_DIR = RESOURCES_DIR / "translations"
# Language names are shown in their own language, as every OS's language picker does.
LANGUAGE_CHOICES = (("", None), ("en", "English"), ("ja", "日本語"))
SETTING = "ui/language"  # the same key as editor.settings.KEY_LANGUAGE


def tr(text: str) -> str:
    """Translate a string outside a QObject (lupdate files bare tr() calls under no context)."""
    return QCoreApplication.translate("", text)


def translate_message(text: object) -> str:
    """A model Message in the user's language (its arguments too, when they are Messages); any
    other text as it is. A translation whose fields do not fit falls back to the English."""
    if not isinstance(text, Message):
        return "" if text is None else str(text)
    template = QCoreApplication.translate(CONTEXT, text.template)
    arguments = {name: translate_message(value) if isinstance(value, Message) else value
                 for name, value in text.args.items()}
    try:
        return template.format(**arguments)
    except (KeyError, IndexError, ValueError):
        return str(text)


def error_text(error: BaseException) -> str:
    """An error as the person reads it; a file error as "<file>: <reason> (at <place>)", its
    parts translated; an export error in the same way."""
    if isinstance(error, ExportError):
        return translate_message(error.message())
    if isinstance(error, ModelError):
        return translate_message(error.args[0]) if error.args else str(error)
    if not isinstance(error, JourneyFileError):
        return str(error)
    values = {"file": error.path, "reason": translate_message(error.reason),
              "where": translate_message(error.where)}
    template = tr("{file}: {reason} (at {where})") if error.where else tr("{file}: {reason}")
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError):
        return str(error)


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
