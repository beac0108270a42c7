"""Keys and clicks while presenting, taken before the canvas sees them (event filters on the view
and its canvas), so that nothing is dragged, edited or deleted in front of the room.

Keys: → / Page Down / Space the next stage, ← / Page Up / Backspace the previous one (presenter
clickers send Page Up / Page Down), Home / End the first and last, ↑ / ↓ scroll a tall stage,
Esc back from a spotlight, then out. Extra keys (the timer's) come from the workshop. Every other
shortcut is held back (the edit shortcuts of the canvas too), except those of the workshop's
own actions (F5 leaves). Mouse: a click spotlights a card or goes to the stage clicked; a
right-click opens the workshop's menu; the wheel and middle-drag still scroll and zoom.
Imports: PySide6.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QKeyEvent

K = Qt.Key
NEXT = {K.Key_Right, K.Key_PageDown, K.Key_Space}
PREVIOUS = {K.Key_Left, K.Key_PageUp, K.Key_Backspace}
CLICK_SLOP = 6  # pixels a press may move and still be a click
SCROLL_STEP = 0.3  # of the screen's height, per ↑ / ↓
PASS_THROUGH = {QEvent.Type.Wheel}  # what the canvas may still have


class PresentationInput(QObject):
    def __init__(self, controller, extra_keys: dict) -> None:
        super().__init__(controller)
        self.controller = controller
        self.extra_keys = extra_keys  # Qt.Key -> callable (the timer's keys)
        self.passing_shortcuts: list = []  # QKeySequences that stay shortcuts (F5)
        self.context_menu = None  # a callable(global QPoint) that shows the workshop's menu
        self.view = None
        self._press: QPoint | None = None

    def install(self, view) -> None:
        self.view = view
        view.installEventFilter(self)
        view.viewport().installEventFilter(self)

    def remove(self) -> None:
        if self.view is not None:
            self.view.removeEventFilter(self)
            self.view.viewport().removeEventFilter(self)
            self.view = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.ShortcutOverride:
            if self._passes(event):
                return False
            event.accept()  # no shortcut: the key comes to keyPress, that is to us
            return True
        if kind == QEvent.Type.KeyPress:
            return self._key(event)
        if self.view is not None and watched is self.view.viewport():
            return self._viewport_event(event)
        return False

    def _passes(self, event: QKeyEvent) -> bool:
        pressed = event.keyCombination().toCombined()
        return any(sequence.count() == 1 and sequence[0].toCombined() == pressed
                   for sequence in self.passing_shortcuts)

    def _key(self, event: QKeyEvent) -> bool:
        key, c = event.key(), self.controller
        if key in NEXT:
            c.step(1)
        elif key in PREVIOUS:
            c.step(-1)
        elif key in (K.Key_Home, K.Key_End):
            c.go_to_end(last=key == K.Key_End)
        elif key in (K.Key_Up, K.Key_Down):
            c.scroll(SCROLL_STEP if key == K.Key_Down else -SCROLL_STEP)
        elif key == K.Key_Escape:
            c.back()
        elif key in self.extra_keys:
            self.extra_keys[key]()
        return True  # every key: nothing reaches the canvas while presenting

    def _viewport_event(self, event: QEvent) -> bool:
        kind = event.type()
        if kind in PASS_THROUGH:
            return False
        if kind == QEvent.Type.Resize:
            self.controller.viewport_resized()
            return False
        if kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick,
                    QEvent.Type.MouseButtonRelease, QEvent.Type.MouseMove):
            return self._mouse(event)
        if kind == QEvent.Type.ContextMenu:
            if self.context_menu is not None:
                self.context_menu(event.globalPos())
            return True
        # Tooltips, drops, hovering: none of it on the projector.
        return kind in (QEvent.Type.ToolTip, QEvent.Type.DragEnter, QEvent.Type.DragMove,
                        QEvent.Type.Drop, QEvent.Type.HoverMove, QEvent.Type.HoverEnter)

    def _mouse(self, event) -> bool:
        if event.button() == Qt.MouseButton.MiddleButton or (
                event.buttons() & Qt.MouseButton.MiddleButton):
            return False  # the canvas's own pan
        kind, where = event.type(), event.position().toPoint()
        if kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick):
            if event.button() == Qt.MouseButton.LeftButton:
                self._press = where
        elif kind == QEvent.Type.MouseButtonRelease and event.button() == Qt.MouseButton.LeftButton:
            pressed, self._press = self._press, None
            if pressed is not None and (where - pressed).manhattanLength() <= CLICK_SLOP:
                self.controller.click(self.view.mapToScene(where))
        return True
