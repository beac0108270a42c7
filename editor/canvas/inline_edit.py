"""In-place text editing on the canvas: a text box over a card or header.

Enter commits (Shift+Enter makes a new line in card titles), Esc cancels, clicking elsewhere
commits. The editor reports the text through a callback; it never edits the model itself.
Imports: PySide6.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFocusEvent, QKeyEvent, QPainter, QPen, QTextCursor
from PySide6.QtWidgets import QGraphicsItem, QGraphicsTextItem

from editor.canvas.painting import cached_font


class InlineTextEditor(QGraphicsTextItem):
    def __init__(self, text: str, rect: QRectF, size: float, multiline: bool,
                 on_done: Callable[[str | None], None]) -> None:
        super().__init__()
        self._on_done = on_done
        self._multiline = multiline
        self._finished = False
        self.setFont(cached_font(size))
        self.setPlainText(text)
        self.setTextWidth(max(rect.width(), 80))
        self.setPos(rect.topLeft())
        self.setZValue(1000)
        self.setDefaultTextColor(QColor("#111111"))
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextEditorInteraction)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsFocusable)

    def start(self) -> None:
        """Focus the editor with all text selected, ready to type over."""
        self.setFocus(Qt.FocusReason.OtherFocusReason)
        cursor = self.textCursor()
        cursor.select(QTextCursor.SelectionType.Document)
        self.setTextCursor(cursor)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setBrush(QColor("#ffffff"))
        painter.setPen(QPen(QColor("#1a73e8"), 2))
        painter.drawRect(self.boundingRect())
        super().paint(painter, option, widget)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, mods = event.key(), event.modifiers()
        if key == Qt.Key.Key_Escape:
            self.finish(commit=False)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
                self._multiline and mods & Qt.KeyboardModifier.ShiftModifier):
            self.finish(commit=True)
        else:
            super().keyPressEvent(event)
        event.accept()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.finish(commit=True)

    def finish(self, commit: bool) -> None:
        if self._finished:
            return
        self._finished = True
        text = self.toPlainText() if commit else None
        self.hide()
        # Removing the item inside its own key or focus handler would pull it out from under Qt;
        # deleteLater removes it from the scene once the event is done.
        self.deleteLater()
        self._on_done(text)
