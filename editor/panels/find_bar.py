"""The find bar (Edit → Find, Ctrl+F; issue 10 item 18): a strip under the canvas where the user
types; every element whose text matches is highlighted, Enter / F3 go to the next match (select it
and scroll it into view), Shift+Enter / Shift+F3 to the previous one, Esc closes the bar.

Typing searches after a short pause (one search per pause, not per key), through
editor.canvas.find.FindIndex over the model's data. The texts are folded ahead while the window
is idle after opening; a search before that is done runs a slice at a time (a Search): the first
matches show at once, highlighted, and the count says "so far…" until every card was read
(about a second at 50,000 cards), the window answering all along; Enter goes to the first match
found. The bar follows whichever map the window shows (``window.scene`` / ``window.view`` at the
time of each search).
Imports: PySide6, editor.canvas.find, editor.canvas.sliced.
"""
from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QMainWindow, QToolBar, QToolButton

from editor.canvas.find import FindIndex, Search, fold
from editor.canvas.sliced import SlicedWork

TYPING_PAUSE_MS = 150
HIGHLIGHT_EVERY_S = 0.25
FOLD_AHEAD_AFTER_MS = 1500


class FindBar(QToolBar):
    def __init__(self, window: QMainWindow) -> None:
        super().__init__(self.tr("Find"), window)
        self.window_ = window
        self.setObjectName("FindBar")
        self.setMovable(False)
        self.field = QLineEdit(self)
        self.field.setPlaceholderText(self.tr("Find in titles, details and fields"))
        self.field.setClearButtonEnabled(True)
        self.field.setMinimumWidth(280)
        self.field.setMaximumWidth(440)
        self.count = QLabel(self)
        self.count.setMinimumWidth(90)
        self.addWidget(QLabel(self.tr("Find:"), self))
        self.addWidget(self.field)
        self.previous_button = self._button("▲", self.tr("Previous match (Shift+Enter)"), self.previous)
        self.next_button = self._button("▼", self.tr("Next match (Enter)"), self.next)
        self.addWidget(self.count)
        self._button("✕", self.tr("Close (Esc)"), self.close_bar)
        self.matches: list[str] = []
        self.index = -1
        self._index: FindIndex | None = None
        self._ahead = SlicedWork(self)
        self._searching = SlicedWork(self)
        self._search: Search | None = None  # the search running in slices, if any
        self._steps = iter(())  # its steps
        self._taken = 0  # how many of its matches are in self.matches
        self._highlighted_at = 0.0
        self._timer = QTimer(self, singleShot=True, interval=TYPING_PAUSE_MS)
        self._timer.timeout.connect(self.search)
        self.field.textChanged.connect(lambda _text: self._timer.start())
        self._keys = _FieldKeys(self)
        self.field.installEventFilter(self._keys)
        window.addToolBar(Qt.ToolBarArea.BottomToolBarArea, self)
        self.hide()

    def _button(self, text: str, tip: str, slot) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.setAutoRaise(True)
        button.clicked.connect(slot)
        self.addWidget(button)
        return button

    # ----------------------------------------------------------------- verbs
    def start(self) -> None:
        """Ctrl+F: show the bar with its text selected, ready to type over."""
        self.show()
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()
        if self.field.text():
            self.search()

    def close_bar(self) -> None:
        self._timer.stop()
        self._stop_search()
        self._highlight().clear()
        self.matches, self.index = [], -1
        self.hide()
        self.window_.view.setFocus()

    def next(self) -> None:
        self._step(1)

    def previous(self) -> None:
        self._step(-1)

    def search(self) -> None:
        """Find the field's text now; the first match becomes the current one (not yet selected,
        so typing never moves the user's selection around). With texts not all folded yet, the
        search runs in slices and the matches grow as they are found."""
        self._timer.stop()
        self._stop_search()
        finder, text = self._finder(), self.field.text()
        self.matches, self.index = [], -1
        if finder.complete() or not fold(text).split():
            self.matches = self._shown(finder.search(text))
        else:
            self._search, self._taken = Search(finder, text), 0
            self._steps = self._search.steps()
            self._searching.start(self._steps, after_slice=self._show_found)
            self._show_found()  # the stages and lanes found, and "searching…"
            return
        self._show()

    def searching(self) -> bool:
        """Whether a search is still reading cards (the count is not final yet)."""
        return self._search is not None

    def _show_found(self) -> None:
        search = self._search
        if search is None:
            return
        self.matches += self._shown(search.found[self._taken:])
        self._taken = len(search.found)
        if search.stopped:  # the map changed under it: search the map as it is now
            self.search()
            return
        if search.done:
            self._search = None
        # The highlight repaints the matched cards on screen (at 50,000 cards about as long as a
        # slice): with the first matches, then every HIGHLIGHT_EVERY_S, and at the end; the
        # count follows every slice.
        now = time.perf_counter()
        highlight = search.done or now - self._highlighted_at >= HIGHLIGHT_EVERY_S \
            or len(self._highlight().matches) == 0 < len(self.matches)
        if highlight:
            self._highlighted_at = now
        self._show(highlight)

    def _stop_search(self) -> None:
        self._searching.stop()
        self._search = None

    def prepare(self, journey) -> None:
        """A map is shown: fold its texts for find while the window is idle (a 50,000-card map
        took a second at the first search), starting a moment after the map shows."""
        self._ahead.stop()
        self._ahead.start(self._finder(journey).fold_ahead(), delay_ms=FOLD_AHEAD_AFTER_MS)

    def stop_preparing(self) -> None:
        """The map is going away: fold nothing more of it."""
        self._ahead.stop()

    # ----------------------------------------------------------------- inner workings
    def _shown(self, matches: list[str]) -> list[str]:
        """The matches this person may see: another's private card (a private round runs) is
        a blank placeholder on their canvas, and a match would tell its words and place."""
        scene = self.window_.scene
        marks = getattr(scene, "card_marks", None)
        if marks is None or not marks.any_hidden():
            return matches
        journey = scene.journey
        return [m for m in matches
                if not (journey.element_type(m) == "card" and marks.is_hidden(journey.card(m)))]

    def _finder(self, journey=None) -> FindIndex:
        journey = journey or self.window_.scene.journey
        if self._index is None or self._index.journey is not journey:
            if self._index is not None:
                self._index.detach()
            self._index = FindIndex(journey)
        return self._index

    def _highlight(self):
        return self.window_.scene.find_highlight

    def _step(self, step: int) -> None:
        if not self.isVisible():
            self.start()
        stale = (self._index is None or self._index.journey is not self.window_.scene.journey
                 or self._index.changed_since_search())
        if self._timer.isActive() or stale and not self.searching():
            self.search()
        if self.searching() and not self.matches:  # asked to go before anything was found
            self._searching.stop()
            for _ in self._steps:
                pass
            self._show_found()
        if not self.matches:
            return
        self.index = (self.index + step) % len(self.matches) if self.index >= 0 else (
            0 if step > 0 else len(self.matches) - 1)
        current = self.matches[self.index]
        if self.window_.scene.journey.has(current):
            self.window_.scene.select_element(current)
            self.window_.view.show_element(current)
        self._show()

    def _show(self, highlight: bool = True) -> None:
        current = self.matches[self.index] if self.index >= 0 else None
        if highlight:
            self._highlight().set(self.matches, current)
        text = self.field.text().strip()
        found = str(len(self.matches))
        if not text:
            self.count.setText("")
        elif self.searching():  # the count grows until every card was read
            self.count.setText(self.tr("Searching…") if not self.matches else
                               self.tr("Matches so far: %1…").replace("%1", found) if self.index < 0 else
                               self.tr("%1 of %2 so far…").replace("%1", str(self.index + 1))
                               .replace("%2", found))
        elif not self.matches:
            self.count.setText(self.tr("No matches"))
        elif self.index < 0:
            self.count.setText(self.tr("Matches: %1").replace("%1", found))
        else:
            self.count.setText(self.tr("%1 of %2").replace("%1", str(self.index + 1))
                               .replace("%2", found))
        for button in (self.previous_button, self.next_button):
            button.setEnabled(bool(self.matches))


class _FieldKeys(QObject):
    """Enter / Shift+Enter and Esc in the find field."""

    def __init__(self, bar: FindBar) -> None:
        super().__init__(bar)
        self.bar = bar

    def eventFilter(self, watched, event) -> bool:
        if event.type() != QEvent.Type.KeyPress:
            return False
        key_event: QKeyEvent = event
        if key_event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            backwards = bool(key_event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            self.bar.previous() if backwards else self.bar.next()
            return True
        if key_event.key() == Qt.Key.Key_Escape:
            self.bar.close_bar()
            return True
        return False
