"""The View menu's canvas toggles: idea → pain-point links, journey paths, the legend of card
kinds, frozen headers. View state: remembered in the user's settings (editor.settings), never
saved in the map nor undone, and applied to every canvas the window shows.
Imports: PySide6.QtCore, editor.settings.
"""
from __future__ import annotations

from PySide6.QtCore import QSettings

from editor.settings import KEY_FREEZE_HEADERS, KEY_SHOW_LEGEND, KEY_SHOW_LINKS, KEY_SHOW_PATHS

# name -> (settings key, default)
TOGGLES = {"links": (KEY_SHOW_LINKS, True), "paths": (KEY_SHOW_PATHS, True),
           "legend": (KEY_SHOW_LEGEND, False), "frozen": (KEY_FREEZE_HEADERS, True)}


def _as_bool(value, default: bool) -> bool:
    if value is None or value == "":
        return default
    if isinstance(value, str):  # an INI file gives "true" / "false" back
        return value.strip().lower() in ("1", "true", "yes", "on")
    return bool(value)


class CanvasOptions:
    def __init__(self, settings: QSettings) -> None:
        self.settings = settings

    def value(self, name: str) -> bool:
        key, default = TOGGLES[name]
        return _as_bool(self.settings.value(key), default)

    def set(self, name: str, on: bool, view=None) -> None:
        self.settings.setValue(TOGGLES[name][0], bool(on))
        if view is not None:
            self.apply(view)

    def apply(self, view) -> None:
        """Show or hide on ``view`` (a JourneyView) and its scene what the toggles say."""
        scene = view.scene()
        if scene is not None:
            scene.annotations.set_links_visible(self.value("links"))
            scene.annotations.set_paths_visible(self.value("paths"))
        view.frozen.set_enabled(self.value("frozen"))
        view.legend.setVisible(self.value("legend"))
        if view.legend.isVisible():
            view.legend.place()
