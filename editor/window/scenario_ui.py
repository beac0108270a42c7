"""ScenarioUi (``window.scenarios``): the window's scenarios: the bar above the canvas, the View →
Scenario menu and its keys, switching, and the steps that add, rename, delete and move scenarios.

Switching shows another scenario's map in the window's one view (MainWindow.show_current_scenario
swaps the scene and the docks follow, as opening a map does); it is not an undo step and does not
mark the document modified: which scenario is current is saved with the next save, like the
window's zoom it is a way of looking, not an edit. Scenario steps go through
``document.scenario_edits`` onto the document's one undo stack. The compare view
(editor.panels.compare_view) opens from here and selects the card clicked in its scenario. It
also names the window: the scenario shown, and an untitled map's title as it changes.
Imports: PySide6, model (bulk), editor (i18n, panels.compare_view, window.scenario_bar).
"""
from __future__ import annotations

from PySide6.QtCore import QObject, QPoint, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QVBoxLayout, QWidget

from editor.i18n import error_text
from editor.panels.compare_view import CompareView
from editor.window.scenario_bar import ScenarioBar
from model import ModelError
from model.bulk import keep_heap, release_heap

Key = QKeySequence.StandardKey


class ScenarioUi(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.document = None
        self._journey = None  # the map shown, followed for the title of an untitled map
        self.compare_view: CompareView | None = None
        self.bar = ScenarioBar(window)
        self.bar.hide()
        self._make_actions()
        self.bar.add_menu.addActions([self.add_copy, self.add_empty])
        self.bar.compare_button.setDefaultAction(self.compare)
        self.bar.switch_requested.connect(self.switch_to)
        self.bar.rename_requested.connect(self.rename)
        self.bar.move_requested.connect(self.move)
        self.bar.menu_requested.connect(self._show_tab_menu)

    def _make_actions(self) -> None:
        self.next = self._action(self.tr("&Next Scenario"), lambda: self._step(1),
                                 [QKeySequence("Ctrl+PgDown")])
        self.previous = self._action(self.tr("P&revious Scenario"), lambda: self._step(-1),
                                     [QKeySequence("Ctrl+PgUp")])
        self.add_copy = self._action(self.tr("New Scenario: &Copy of Current"),
                                     lambda: self.add(empty=False))
        self.add_empty = self._action(self.tr("New Scenario: &Empty, Same Stages and Lanes"),
                                      lambda: self.add(empty=True))
        self.rename_current = self._action(self.tr("Re&name Scenario…"),
                                           lambda: self.start_rename(self.current_id()))
        self.delete_current = self._action(self.tr("&Delete Scenario"),
                                           lambda: self.delete(self.current_id()))
        self.compare = self._action(self.tr("&Compare Scenarios…"), self.open_compare)

    def _action(self, text: str, slot, keys=None) -> QAction:
        action = QAction(text, self.window)
        if keys:
            action.setShortcuts(keys)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def central(self, pages: QWidget) -> QWidget:
        """The window's central widget: the bar over ``pages`` (the canvas or the start screen)."""
        central = QWidget(self.window)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.bar)
        layout.addWidget(pages, 1)
        return central

    def fill_menu(self, view_menu: QMenu) -> None:
        """View → Scenario (switch, add, rename, delete) and View → Compare Scenarios…"""
        menu = view_menu.addMenu(self.tr("&Scenario"))
        menu.addActions([self.next, self.previous])
        menu.addSeparator()
        menu.addActions([self.add_copy, self.add_empty, self.rename_current, self.delete_current])
        view_menu.addAction(self.compare)

    def set_map_open(self, is_open: bool) -> None:
        for action in (self.next, self.previous, self.add_copy, self.add_empty,
                       self.rename_current, self.delete_current, self.compare):
            action.setEnabled(is_open)

    # ----------------------------------------------------------------- the document
    def attach(self, document) -> None:
        self.document = document
        document.scenarios.events.connect(self._on_set_event)
        self._follow_map()
        self.bar.show_scenarios(document.scenarios)
        self.bar.show()
        self.set_map_open(True)
        self._enable_for_count()

    def detach(self, document) -> None:
        document.scenarios.events.disconnect(self._on_set_event)
        if self.document is document:
            self._follow_map(None)
        if self.compare_view is not None:
            self.compare_view.close()
        if self.document is document:
            self.document = None
            self.bar.finish_rename(commit=False)
            self.bar.hide()
            self.set_map_open(False)

    def _on_set_event(self, event) -> None:
        if event.type == "current_scenario_changed":
            release_heap()  # the old scene's objects may be freed (model.bulk, as for a map)
            self.window.show_current_scenario()
            self._follow_map()
            QTimer.singleShot(0, keep_heap)
        self.bar.show_scenarios(self.document.scenarios)
        self._enable_for_count()
        self.window.update_title()
        if self.compare_view is not None:
            self.compare_view.scenarios_changed()

    def _follow_map(self, journey=False) -> None:
        """Follow the shown map's events (``journey`` None: none; default: the current one)."""
        if self._journey is not None:
            self._journey.events.disconnect(self._on_map_event)
        self._journey = self.document.journey if journey is False else journey
        if self._journey is not None:
            self._journey.events.connect(self._on_map_event)

    def _on_map_event(self, event) -> None:
        if event.type == "map_changed" and self.document is not None and self.document.path is None:
            self.window.update_title()  # an untitled map is named after its title

    def _enable_for_count(self) -> None:
        several = len(self.document.scenarios) > 1
        for action in (self.next, self.previous, self.delete_current):
            action.setEnabled(several)

    def title_part(self) -> str:
        """" — To-be" for the window title once the document has several scenarios."""
        scenarios = self.document.scenarios if self.document is not None else ()
        return f" — {scenarios.current.name}" if len(scenarios) > 1 else ""

    def current_id(self) -> str:
        return self.document.scenarios.current_id

    # ----------------------------------------------------------------- switching
    def switch_to(self, scenario_id: str) -> None:
        """Show another scenario: a change of view, not an undo step."""
        if self.document is not None and self.document.scenarios.has(scenario_id):
            self.document.controller.end_merge()
            self.document.scenarios.set_current(scenario_id)

    def _step(self, delta: int) -> None:
        if self.document is None:
            return
        ids = self.document.scenarios.scenario_ids()
        self.switch_to(ids[(ids.index(self.current_id()) + delta) % len(ids)])

    # ----------------------------------------------------------------- scenario steps
    def add(self, empty: bool) -> None:
        if self.document is None:
            return
        edits = self.document.scenario_edits
        self._try(lambda: edits.add_empty() if empty else edits.add_copy())

    def rename(self, scenario_id: str, name: str) -> None:
        self._try(lambda: self.document.scenario_edits.rename(scenario_id, name))

    def move(self, scenario_id: str, index: int) -> None:
        self._try(lambda: self.document.scenario_edits.move(scenario_id, index))

    def delete(self, scenario_id: str) -> None:
        if self.document is None or len(self.document.scenarios) < 2:
            return
        self._try(lambda: self.document.scenario_edits.remove(scenario_id))

    def start_rename(self, scenario_id: str) -> None:
        if self.document is not None:
            self.bar.start_rename(scenario_id)

    def _try(self, edit) -> None:
        try:
            edit()
        except ModelError as exc:
            self.bar.show_scenarios(self.document.scenarios)  # a refused drag goes back
            self.window.show_error(self.tr("Scenarios"), error_text(exc))

    def _show_tab_menu(self, scenario_id: str, where: QPoint) -> None:
        self.tab_menu(scenario_id).popup(where)

    def tab_menu(self, scenario_id: str) -> QMenu:
        """The right-click menu of a scenario's tab (tests trigger its actions)."""
        scenarios, edits = self.document.scenarios, self.document.scenario_edits
        index, last = scenarios.index_of(scenario_id), len(scenarios) - 1
        menu = QMenu(self.bar)
        menu.addAction(self.tr("Rename…"), lambda: self.start_rename(scenario_id))
        menu.addAction(self.tr("Duplicate"), lambda: self._try(lambda: edits.add_copy(scenario_id)))
        menu.addAction(self.tr("New Empty Scenario from This"),
                       lambda: self._try(lambda: edits.add_empty(scenario_id)))
        menu.addSeparator()
        left = menu.addAction(self.tr("Move Left"), lambda: self.move(scenario_id, index - 1))
        right = menu.addAction(self.tr("Move Right"), lambda: self.move(scenario_id, index + 1))
        left.setEnabled(index > 0)
        right.setEnabled(index < last)
        menu.addSeparator()
        delete = menu.addAction(self.tr("Delete"), lambda: self.delete(scenario_id))
        delete.setEnabled(last > 0)
        return menu

    # ----------------------------------------------------------------- compare
    def open_compare(self) -> CompareView | None:
        """View → Compare Scenarios…: the compare window (one per main window), as-is → to-be."""
        if self.document is None:
            return None
        if self.compare_view is None:
            self.compare_view = CompareView(self.document.scenarios, self.window)
            self.compare_view.card_chosen.connect(self.show_card)
            self.compare_view.destroyed.connect(self._forget_compare)
        self.compare_view.show()
        self.compare_view.raise_()
        self.compare_view.activateWindow()
        return self.compare_view

    def _forget_compare(self, *_args) -> None:
        self.compare_view = None

    def show_card(self, scenario_id: str, card_id: str) -> None:
        """A card clicked in the compare view: its scenario shown, the card selected there."""
        if self.document is None or not self.document.scenarios.has(scenario_id):
            return
        self.switch_to(scenario_id)
        scene = self.window.scene
        if scene.journey.has(card_id):
            scene.select_element(card_id)
            self.window.view.show_element(card_id)
            self.window.activateWindow()


def swap_scene(view, scene) -> None:
    """Show ``scene`` in ``view`` at the zoom and scroll the previous one had: scenarios mostly
    share their stages, so the same place shows the same stage."""
    bars = (view.horizontalScrollBar(), view.verticalScrollBar())
    transform, scrolled = view.transform(), [bar.value() for bar in bars]
    view.setScene(scene)
    view.setTransform(transform)
    for bar, value in zip(bars, scrolled, strict=True):
        bar.setValue(value)
