"""The editor's remembered preferences: settings keys, the UI language and the recent-files list.

Everything the window remembers between sessions goes through one QSettings object that the window
is given, so tests can hand in a settings file of their own and never touch the user's.
Imports: PySide6.QtCore only.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale, QSettings

from model.layout.appearance import label_language

ORGANIZATION = "JourneyMapEditor"
APPLICATION = "Journey Map Editor"

KEY_LANGUAGE = "ui/language"
KEY_GEOMETRY = "window/geometry"
KEY_STATE = "window/state"
KEY_LAST_FOLDER = "files/last_folder"
KEY_RECENT = "files/recent"
KEY_EXPORT_FOLDER = "export/last_folder"
KEY_IMPORT_FOLDER = "import/last_folder"  # File → Import…: where the last import came from
KEY_AUTOSAVE_INTERVAL = "autosave/interval_s"
DEFAULT_AUTOSAVE_S = 30
MAX_RECENT = 10
DEFAULT_TEMPLATE = "saas-cs-lifecycle"


def app_settings() -> QSettings:
    """The user's settings, keyed by the organisation and application names set on the app."""
    return QSettings(ORGANIZATION, APPLICATION)


def ui_language(settings: QSettings) -> str:
    """"ja" or "en": the "ui/language" setting if set, else the system locale's language."""
    chosen = str(settings.value(KEY_LANGUAGE, "") or "")
    return label_language(chosen or QLocale.system().name())


def autosave_interval_ms(settings: QSettings) -> int:
    """Milliseconds from an edit to its recovery copy; 0 when "autosave/interval_s" is 0 (off).

    Fractions of a second are allowed (tests use them); an unreadable value means the default.
    """
    try:
        seconds = float(settings.value(KEY_AUTOSAVE_INTERVAL, DEFAULT_AUTOSAVE_S))
    except (TypeError, ValueError):
        seconds = DEFAULT_AUTOSAVE_S
    if seconds != seconds or seconds < 0:  # NaN or negative
        seconds = DEFAULT_AUTOSAVE_S
    return max(1, int(min(seconds, 24 * 3600) * 1000)) if seconds else 0


def read_text(settings: QSettings, key: str, default: str = "") -> str:
    value = settings.value(key, default)
    return str(value) if value else default


def last_folder(settings: QSettings, key: str = KEY_LAST_FOLDER) -> str:
    """The folder of the last file opened or saved, or the home folder the first time."""
    folder = read_text(settings, key)
    return folder if folder and Path(folder).is_dir() else str(Path.home())


def remember_folder(settings: QSettings, path: Path | str, key: str = KEY_LAST_FOLDER) -> None:
    settings.setValue(key, str(Path(path).parent))


class RecentFiles:
    """The most recently opened or saved files, newest first, at most MAX_RECENT."""

    def __init__(self, settings: QSettings) -> None:
        self._settings = settings

    def paths(self) -> list[str]:
        value = self._settings.value(KEY_RECENT, [])
        # An INI file gives back a bare string for a one-element list, and None for an empty one.
        if isinstance(value, str):
            value = [value]
        return [str(item) for item in (value or []) if item]

    def add(self, path: Path | str) -> None:
        entry = str(Path(path).resolve())
        self._store([entry] + [p for p in self.paths() if p != entry])

    def remove(self, path: Path | str) -> None:
        self._store([p for p in self.paths() if p != str(path)])

    def missing(self) -> list[str]:
        return [p for p in self.paths() if not Path(p).is_file()]

    def clear(self) -> None:
        self._store([])

    def _store(self, paths: list[str]) -> None:
        self._settings.setValue(KEY_RECENT, paths[:MAX_RECENT])

# The canvas's View toggles (editor.canvas.options): view state, remembered, never in the map.
KEY_SHOW_LINKS = "view/show_links"
KEY_SHOW_PATHS = "view/show_paths"
KEY_SHOW_LEGEND = "view/show_legend"
KEY_FREEZE_HEADERS = "view/freeze_headers"

# Live co-editing (editor.live): the name others see, remembered between sessions.
KEY_LIVE_NAME = "live/name"

# The workshop (editor.workshop): the presentation's screen, the timer's presets and its beep.
KEY_PRESENTATION_SCREEN = "workshop/presentation_screen"
KEY_TIMER_PRESETS = "workshop/timer_presets"
KEY_TIMER_BEEP = "workshop/timer_beep"
# Dot voting (editor.workshop.vote_dialog): the saved presets and the settings last used.
KEY_VOTE_PRESETS = "workshop/vote_presets"
KEY_VOTE_LAST = "workshop/vote_last"
