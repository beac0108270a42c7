"""The Workshop menu's actions: Presentation Mode (F5), Bring Everyone to Me (a live session's
facilitator, while presenting), Presentation Screen, Start Timer (the presets, Custom…),
Pause/Resume, Add a Minute, Stop, Edit Timer Presets…, Beep When Time Is Up. The same timer
entries make the menu of a right-click while presenting and on the countdown. While a live
facilitator drives the timer, its entries are off on the participant's window.

Presentation Mode is also an action of the window itself, so F5 works while the menu bar is
hidden. Menus that list things that change (screens, presets) are filled when they open.
Imports: PySide6, editor.workshop (screens, presets, timer_dialogs, state).
"""
from __future__ import annotations

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QMainWindow, QMenu

from editor.workshop.screens import fill_screen_menu
from editor.workshop.state import FINISHED, IDLE, PAUSED
from editor.workshop.timer_dialogs import CustomTimerDialog, PresetsDialog


class WorkshopActions(QObject):
    def __init__(self, window: QMainWindow, workshop) -> None:
        super().__init__(window)
        self.window, self.workshop = window, workshop
        timer = workshop.timer
        self.present = self._action(self.tr("&Presentation Mode"), self._toggle_presentation,
                                    QKeySequence(Qt.Key.Key_F5))
        self.present.setCheckable(True)
        window.addAction(self.present)  # F5 works while the menu bar is hidden
        # B while presenting (editor.workshop.workshop's presentation keys); a letter is no
        # window shortcut, so typing on the canvas never triggers it.
        self.bring = self._action(self.tr("Bring &Everyone to Me") + "\tB", workshop.bring_everyone)
        self.bring.setEnabled(False)
        self.screen_menu = QMenu(self.tr("Presentation S&creen"), window)
        self.screen_menu.aboutToShow.connect(lambda: fill_screen_menu(self.screen_menu, window.settings))
        self.start_menu = QMenu(self.tr("&Start Timer"), window)
        self.start_menu.aboutToShow.connect(lambda: self.fill_start_menu(self.start_menu))
        self.pause = self._action(self.tr("Pa&use Timer"), timer.pause_or_resume)
        self.add_minute = self._action(self.tr("&Add a Minute"), timer.add_minute)
        self.stop = self._action(self.tr("S&top Timer"), timer.stop)
        self.edit_presets = self._action(self.tr("Edit Timer P&resets…"), self.edit_presets_dialog)
        self.beep = self._action(self.tr("&Beep When Time Is Up"), lambda: None)
        self.beep.setCheckable(True)
        self.beep.setChecked(timer.beep_enabled())
        self.beep.toggled.connect(timer.set_beep_enabled)
        workshop.presentation.active_changed.connect(self.present.setChecked)
        timer.changed.connect(self.update_timer_actions)
        self.update_timer_actions()

    def _action(self, text: str, slot, keys: QKeySequence | None = None) -> QAction:
        action = QAction(text, self.window)
        if keys is not None:
            action.setShortcut(keys)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _toggle_presentation(self) -> None:
        presentation = self.workshop.presentation
        presentation.toggle()
        self.present.setChecked(presentation.is_active())  # also when there was nothing to present

    def fill_menu(self, menu: QMenu) -> None:
        menu.addAction(self.present)
        menu.addAction(self.bring)
        menu.addMenu(self.screen_menu)
        menu.addSeparator()
        menu.addMenu(self.start_menu)
        menu.addActions([self.pause, self.add_minute, self.stop])
        menu.addSeparator()
        menu.addActions([self.edit_presets, self.beep])
        menu.addSeparator()
        self.workshop.vote_actions.fill_menu(menu)  # dot voting, the private round

    def fill_start_menu(self, menu: QMenu) -> None:
        """One entry per preset ("5 min  Silent brainstorming"), then Custom…."""
        menu.clear()
        for preset in self.workshop.timer.presets.load():
            action = menu.addAction(preset.menu_text())
            action.triggered.connect(lambda _checked=False, p=preset: self.workshop.timer.start_preset(p))
        menu.addSeparator()
        menu.addAction(self.tr("&Custom…")).triggered.connect(lambda _checked=False: self.custom_timer())

    def update_timer_actions(self) -> None:
        timer = self.workshop.timer
        status, mine = timer.state.status, not timer.led_by  # a facilitator's is theirs to drive
        self.pause.setText(self.tr("Res&ume Timer") if status == PAUSED else self.tr("Pa&use Timer"))
        self.pause.setEnabled(mine and status not in (IDLE, FINISHED))
        self.add_minute.setEnabled(mine and status != IDLE)
        self.stop.setEnabled(status == FINISHED or (mine and status != IDLE))
        self.start_menu.menuAction().setEnabled(mine)
        tip = self.tr("%1 runs the timer of this live session").replace("%1", timer.led_by)
        self.start_menu.menuAction().setStatusTip(tip if not mine else "")

    def set_map_open(self, is_open: bool) -> None:
        """Presenting needs a map; the timer does not (a break can be timed on the start screen)."""
        self.present.setEnabled(is_open)

    # ----------------------------------------------------------------- dialogs and popups
    def custom_timer(self) -> None:
        dialog = CustomTimerDialog(self.window)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.workshop.timer.start(dialog.seconds(), dialog.label_text())
        dialog.deleteLater()

    def edit_presets_dialog(self) -> None:
        presets = self.workshop.timer.presets
        dialog = PresetsDialog(self.window, presets.load())
        if dialog.exec() == QDialog.DialogCode.Accepted:
            presets.save(dialog.presets())
        dialog.deleteLater()

    def popup_menu(self, where: QPoint) -> None:
        """The right-click menu while presenting or on the countdown: the timer, and leaving."""
        menu = QMenu(self.window)
        start = menu.addMenu(self.tr("&Start Timer"))
        start.aboutToShow.connect(lambda: self.fill_start_menu(start))
        start.setEnabled(not self.workshop.timer.led_by)
        menu.addActions([self.pause, self.add_minute, self.stop])
        if self.workshop.presentation.is_active():
            menu.addSeparator()
            menu.addActions([self.bring, self.present])
        menu.aboutToHide.connect(menu.deleteLater)
        menu.popup(where)
