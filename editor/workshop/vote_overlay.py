"""DotsOverlay: "Ken: 2 of 3 dots left" in the canvas's bottom-left corner while a vote runs.

A label on the view (like the countdown, editor.workshop.timer_overlay): it stays put while
the canvas scrolls and zooms, and shows whose dots a click places, so that a facilitator
recording for several people sees at a glance who is picked. It takes no mouse buttons.
Imports: PySide6.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QGraphicsView, QLabel

MARGIN = 14


class DotsOverlay(QLabel):
    def __init__(self, view: QGraphicsView) -> None:
        super().__init__(view)
        self.view = view
        self.setObjectName("dots-overlay")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setStyleSheet("QLabel { background: rgba(24, 31, 42, 215); color: white;"
                           " border-radius: 6px; padding: 6px 12px; font-size: 15px;"
                           " font-weight: bold; }")
        view.viewport().installEventFilter(self)
        self.hide()

    def show_text(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))
        if text:
            self.adjustSize()
            self._place()
            self.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Show) and self.text():
            self._place()
        return False

    def _place(self) -> None:
        viewport = self.view.viewport()
        corner = viewport.mapTo(self.view, viewport.rect().bottomLeft())
        self.move(corner.x() + MARGIN, corner.y() - self.height() - MARGIN)
