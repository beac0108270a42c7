"""Which screen the presentation fills: the one chosen in Workshop → Presentation Screen, else
(Automatic) the projector, that is the screen the window is not on when there are two or more.
The choice is remembered by the screen's name (editor.settings); a remembered screen that is not
connected today falls back to Automatic.
Imports: PySide6, editor (i18n, settings).
"""
from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QActionGroup, QGuiApplication, QScreen
from PySide6.QtWidgets import QMenu, QWidget

from editor.i18n import tr
from editor.settings import KEY_PRESENTATION_SCREEN, read_text


def screen_key(index: int, screen: QScreen) -> str:
    """What is remembered of a screen: its name ("HDMI-1"), or its place for a nameless one."""
    return screen.name() or f"#{index + 1}"


def choose_screen(keys: list[str], chosen: str, current: int) -> int:
    """Which of the screens (by their keys) presents: the chosen one if connected, else
    (Automatic) the first that is not ``current``, the screen the window is on: the projector."""
    if chosen in keys:
        return keys.index(chosen)
    others = [index for index in range(len(keys)) if index != current]
    return others[0] if others else current


def presentation_screen(settings: QSettings, current: QScreen | None) -> QScreen | None:
    screens = QGuiApplication.screens()
    if not screens:
        return current
    keys = [screen_key(index, screen) for index, screen in enumerate(screens)]
    here = screens.index(current) if current in screens else 0
    chosen = read_text(settings, KEY_PRESENTATION_SCREEN)
    return screens[choose_screen(keys, chosen, here)]


def screen_label(index: int, screen: QScreen) -> str:
    size = screen.geometry().size()
    name = f"{screen.name()} " if screen.name() else ""
    return (tr("Screen %1: %2(%3×%4)").replace("%1", str(index + 1)).replace("%2", name)
            .replace("%3", str(size.width())).replace("%4", str(size.height())))


def fill_screen_menu(menu: QMenu, settings: QSettings) -> None:
    """Automatic and one entry per connected screen, the remembered one checked; choosing one
    remembers it. Refilled each time the menu opens: screens come and go."""
    menu.clear()
    group = QActionGroup(menu)
    chosen = read_text(settings, KEY_PRESENTATION_SCREEN)
    screens = QGuiApplication.screens()
    names = [screen_key(i, screen) for i, screen in enumerate(screens)]
    entries = [("", tr("Automatic (the projector when there are two screens)"))]
    entries += [(names[i], screen_label(i, screen)) for i, screen in enumerate(screens)]
    for name, text in entries:
        action = menu.addAction(text)
        action.setCheckable(True)
        action.setChecked(name == chosen or (not name and chosen not in names))
        action.setData(name)
        group.addAction(action)
        action.triggered.connect(lambda _checked=False, name=name:
                                 settings.setValue(KEY_PRESENTATION_SCREEN, name))


def show_full_screen_on(window: QWidget, screen: QScreen | None) -> None:
    """Full screen on ``screen``: a window only goes full screen on the screen it is on, so it
    is moved there first (as a normal window: a maximised one does not move)."""
    if screen is not None and window.screen() is not screen:
        window.showNormal()
        area = screen.availableGeometry()
        window.move(area.topLeft())
        handle = window.windowHandle()
        if handle is not None:
            handle.setScreen(screen)
    window.setWindowState(window.windowState() | Qt.WindowState.WindowFullScreen)
    window.show()
