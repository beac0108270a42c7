"""FollowBar: the strip at the top of a participant's canvas in a live session while the
facilitator presents: "Following Aiko's presentation — Leave", or, once the participant has
left, "Aiko is presenting — Follow again".

A widget on the view, over its canvas, like the countdown (editor.workshop.timer_overlay): it
stays put while the canvas scrolls and zooms, shows the same in presentation mode (raised above
the veil) and in the ordinary window, and takes only the clicks on itself. It sits at the top
centre, or beside (else below) the countdown when that is in the way. It only shows and
reports the button; editor.workshop.live_link decides what the button does.
Imports: PySide6, editor.workshop.overlays (the font).
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, Qt, Signal
from PySide6.QtWidgets import QFrame, QGraphicsView, QHBoxLayout, QLabel, QPushButton, QWidget

from editor.workshop.overlays import px_font

MARGIN = 12  # from the canvas's top edge, and from the countdown
AVOID = ("timer-overlay",)  # the other widgets on the view that the bar must not cover

STYLE = """
QFrame#follow-bar { background: rgba(20, 26, 36, 225); border: 1px solid rgba(255, 255, 255, 110);
                    border-radius: 8px; }
QLabel { color: #eef2f6; background: transparent; }
QPushButton { color: #14202e; background: #ffc857; border: none; border-radius: 5px;
              padding: 3px 12px; font-weight: bold; }
QPushButton:hover { background: #ffd77f; }
"""


class FollowBar(QFrame):
    button_clicked = Signal()

    def __init__(self, view: QGraphicsView) -> None:
        super().__init__(view)
        self.view = view
        self.setObjectName("follow-bar")
        self.setStyleSheet(STYLE)
        self.label = QLabel(self)
        self.button = QPushButton(self)
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys stay with the presentation
        self.button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.button.clicked.connect(self.button_clicked)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 6, 8, 6)
        layout.setSpacing(14)
        layout.addWidget(self.label)
        layout.addWidget(self.button)
        view.viewport().installEventFilter(self)
        for bar in (view.horizontalScrollBar(), view.verticalScrollBar()):
            bar.valueChanged.connect(self._stay_on_top)  # the frozen headers raise themselves
        self.hide()

    def show_message(self, text: str, button: str) -> None:
        self.label.setText(text)
        self.button.setText(button)
        self.show()
        self.place()

    def place(self) -> None:
        """Top centre of the canvas, in type that grows with the screen (a projector's too)."""
        if self.isHidden():
            return
        pixels = min(24, max(13, self.view.viewport().height() / 55))
        self.label.setFont(px_font(pixels))
        self.button.setFont(px_font(pixels * 0.9, bold=True))
        self.adjustSize()
        frame = self.view.viewport().geometry()
        width = min(self.sizeHint().width(), frame.width() - 2 * MARGIN)
        place = QRect(frame.center().x() - width // 2, frame.top() + MARGIN, width,
                      self.sizeHint().height())
        for other in self._obstacles():
            box = other.geometry()
            if place.intersects(box.adjusted(-MARGIN, 0, MARGIN, 0)):
                if box.left() - MARGIN - width >= frame.left() + MARGIN:
                    place.moveRight(box.left() - MARGIN)
                else:
                    place.moveTop(box.bottom() + MARGIN)
        self.setGeometry(place)
        self.raise_()

    def _obstacles(self) -> list[QWidget]:
        """The countdown (watched, so the bar moves when it is dragged, grows or appears)."""
        found = []
        for name in AVOID:
            for widget in self.view.findChildren(QWidget, name, Qt.FindChildOption.FindDirectChildrenOnly):
                if widget.property("follow_bar_watched") is None:
                    widget.setProperty("follow_bar_watched", True)
                    widget.installEventFilter(self)
                if widget.isVisible():
                    found.append(widget)
        return found

    def _stay_on_top(self, *_args) -> None:
        if self.isVisible():
            self.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view.viewport():
            if event.type() == QEvent.Type.Resize:
                self.place()
        elif event.type() in (QEvent.Type.Move, QEvent.Type.Resize, QEvent.Type.Show,
                              QEvent.Type.Hide):
            self.place()
        return False
