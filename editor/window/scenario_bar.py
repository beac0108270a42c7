"""ScenarioBar: the strip above the canvas with one tab per scenario (as-is 現状, to-be あるべき姿,
...), the current one selected, a "+" button (a copy of the current scenario, or an empty one on
the same stages and lanes) and a "Compare…" button.

The bar only shows the document's ScenarioSet and asks: it emits ``switch_requested(id)`` when a
tab is chosen, ``rename_requested(id, name)`` after an in-place rename (double-click, or
``start_rename``), ``move_requested(id, index)`` after a tab is dragged, and
``menu_requested(id, global pos)`` on a right-click; editor.window.scenario_ui answers them
through the document (undo steps) and calls ``show(scenarios)`` after every change.
Imports: PySide6.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QMenu, QTabBar, QToolButton, QWidget

MAX_NAME = 200  # the model takes longer names; a tab is no place for them


class ScenarioBar(QWidget):
    switch_requested = Signal(str)
    rename_requested = Signal(str, str)
    move_requested = Signal(str, int)
    menu_requested = Signal(str, QPoint)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ScenarioBar")
        self._ids: list[str] = []
        self._showing = False  # filling the tabs: their signals are not the person's
        self._editor: QLineEdit | None = None
        self.tabs = self._make_tabs()
        self.add_button = QToolButton(self)
        self.add_button.setText("+")
        self.add_button.setToolTip(self.tr("New scenario"))
        self.add_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.add_menu = QMenu(self.add_button)
        self.add_button.setMenu(self.add_menu)
        self.compare_button = QToolButton(self)
        self.compare_button.setAutoRaise(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 0)
        layout.setSpacing(4)
        layout.addWidget(self.tabs)
        layout.addWidget(self.add_button)
        layout.addStretch(1)
        layout.addWidget(self.compare_button)

    def _make_tabs(self) -> QTabBar:
        tabs = QTabBar(self)
        tabs.setObjectName("ScenarioTabs")
        tabs.setMovable(True)
        tabs.setExpanding(False)
        tabs.setDocumentMode(True)
        tabs.setUsesScrollButtons(True)
        tabs.setElideMode(Qt.TextElideMode.ElideRight)
        tabs.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        tabs.currentChanged.connect(self._on_current_changed)
        tabs.tabBarDoubleClicked.connect(self._on_double_click)
        tabs.tabMoved.connect(self._on_tab_moved)
        tabs.customContextMenuRequested.connect(self._on_context_menu)
        return tabs

    # ----------------------------------------------------------------- showing the set
    def show_scenarios(self, scenarios) -> None:
        """Tabs for ``scenarios`` (a ScenarioSet) in its order, the current one selected."""
        self._showing = True
        try:
            while self.tabs.count():
                self.tabs.removeTab(0)
            self._ids = list(scenarios.scenario_ids())
            for scenario in scenarios:
                index = self.tabs.addTab(scenario.name)
                self.tabs.setTabToolTip(index, scenario.name)
            self.tabs.setCurrentIndex(self._ids.index(scenarios.current_id))
            self._mark_current()
        finally:
            self._showing = False

    def _mark_current(self) -> None:
        """The current tab's name in the highlight colour too: in some styles a selected tab
        looks much like the others."""
        for index in range(self.tabs.count()):
            colour = self.palette().highlight().color() if index == self.tabs.currentIndex() \
                else self.palette().windowText().color()
            self.tabs.setTabTextColor(index, colour)

    def scenario_ids(self) -> list[str]:
        return list(self._ids)

    def tab_names(self) -> list[str]:
        return [self.tabs.tabText(i) for i in range(self.tabs.count())]

    def current_name(self) -> str:
        return self.tabs.tabText(self.tabs.currentIndex())

    # ----------------------------------------------------------------- what the person does
    def _on_current_changed(self, index: int) -> None:
        if not self._showing and 0 <= index < len(self._ids):
            self.switch_requested.emit(self._ids[index])

    def _on_tab_moved(self, old: int, new: int) -> None:
        if self._showing:
            return
        scenario_id = self._ids.pop(old)
        self._ids.insert(new, scenario_id)
        self.move_requested.emit(scenario_id, new)

    def _on_context_menu(self, pos: QPoint) -> None:
        index = self.tabs.tabAt(pos)
        if 0 <= index < len(self._ids):
            self.menu_requested.emit(self._ids[index], self.tabs.mapToGlobal(pos))

    def _on_double_click(self, index: int) -> None:
        if 0 <= index < len(self._ids):
            self.start_rename(self._ids[index])

    # ----------------------------------------------------------------- renaming in place
    def start_rename(self, scenario_id: str) -> QLineEdit:
        """A line edit over the scenario's tab: Enter (or leaving it) renames, Esc cancels."""
        self.finish_rename(commit=False)
        index = self._ids.index(scenario_id)
        editor = QLineEdit(self.tabs.tabText(index), self.tabs)
        editor.setObjectName("ScenarioNameEditor")
        editor.setMaxLength(MAX_NAME)
        rect = self.tabs.tabRect(index)
        editor.setGeometry(rect.x(), rect.y(), max(rect.width(), 140), rect.height())
        editor.setProperty("scenario_id", scenario_id)
        editor.installEventFilter(self)
        editor.editingFinished.connect(lambda: self.finish_rename(commit=True))
        self._editor = editor
        editor.show()
        editor.selectAll()
        editor.setFocus()
        return editor

    def finish_rename(self, commit: bool) -> None:
        editor, self._editor = self._editor, None
        if editor is None:
            return
        editor.removeEventFilter(self)
        editor.hide()
        editor.deleteLater()
        scenario_id, name = editor.property("scenario_id"), editor.text().strip()
        if commit and name and scenario_id in self._ids:
            if name != self.tabs.tabText(self._ids.index(scenario_id)):
                self.rename_requested.emit(scenario_id, name)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._editor and event.type() == QEvent.Type.KeyPress \
                and isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Escape:
            self.finish_rename(commit=False)
            return True
        return super().eventFilter(watched, event)
