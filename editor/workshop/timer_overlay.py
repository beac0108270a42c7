"""The countdown over the canvas: large digits a projector shows to the back of the room, the
timebox's label above them, in the top-right corner (the first stage is on the left), or
wherever the facilitator drags it. Amber in the last minute; at the end it turns red and flashes
for FLASH_S seconds, then stays red until dismissed. A click pauses or resumes (dismisses when
time is up), a drag moves it, a right-click opens the timer's menu.

A widget on the view, not an item in the scene: it stays put while the canvas scrolls and zooms,
and it is the same in presentation mode. It draws the TimerState it is given; it keeps no time.
Imports: PySide6, editor.fonts, editor.workshop.state.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QMouseEvent, QPainter, QPen
from PySide6.QtWidgets import QGraphicsView, QWidget

from editor.fonts import family
from editor.workshop.state import FINISHED, IDLE, PAUSED, TimerState, format_remaining

FLASH_S = 10.0  # seconds of flashing after the end
FLASH_PERIOD = 0.5
LAST_MINUTE = 60.0
MARGIN = 16  # from the canvas's edges
DRAG_SLOP = 5

BACKGROUND = {"normal": QColor(24, 31, 42, 225), "finished": QColor(198, 40, 40, 240),
              "flash": QColor(255, 235, 59, 245)}
EDGE = QColor(255, 255, 255, 110)
DIGITS = {"normal": QColor("#ffffff"), "last_minute": QColor("#ffc857"), "paused": QColor("#aab4c0"),
          "finished": QColor("#ffffff"), "flash": QColor("#b71c1c")}


def _font(pixels: float, bold: bool = False) -> QFont:
    font = QFont(family())
    font.setPixelSize(max(1, round(pixels)))
    font.setBold(bold)
    return font


class TimerOverlay(QWidget):
    clicked = Signal()
    menu_requested = Signal(QPoint)

    def __init__(self, view: QGraphicsView, state: TimerState) -> None:
        super().__init__(view)
        self.view, self.state = view, state
        self.setObjectName("timer-overlay")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self.setToolTip(self.tr("Click to pause or resume; drag to move; right-click for more"))
        self.corner_offset: QPoint | None = None  # from the canvas's top-right corner, once dragged
        self._press: QPoint | None = None  # where a press began (global), while it lasts
        self._start = QPoint()  # the countdown's place then
        self._dragging = False
        view.viewport().installEventFilter(self)
        for bar in (view.horizontalScrollBar(), view.verticalScrollBar()):
            bar.rangeChanged.connect(self._stay_on_top)  # the frozen headers raise themselves
            bar.valueChanged.connect(self._stay_on_top)
        self.hide()

    # ----------------------------------------------------------------- what it shows
    def look(self) -> tuple[str, str]:
        """(background, digits) colour names for the state as it is now."""
        status = self.state.status
        if status == FINISHED:
            since = self.state.since_end()
            flashing = since < FLASH_S and int(since / FLASH_PERIOD) % 2 == 1
            return ("flash", "flash") if flashing else ("finished", "finished")
        if status == PAUSED:
            return "normal", "paused"
        return "normal", "last_minute" if self.state.remaining() <= LAST_MINUTE else "normal"

    def digits(self) -> str:
        return format_remaining(self.state.remaining())

    def caption(self) -> str:
        if self.state.status == FINISHED:
            return self.tr("Time's up!") + (f" · {self.state.label}" if self.state.label else "")
        if self.state.status == PAUSED:
            return self.tr("Paused") + (f" · {self.state.label}" if self.state.label else "")
        return self.state.label

    def flashing(self) -> bool:
        return self.state.status == FINISHED and self.state.since_end() < FLASH_S

    def refresh(self) -> None:
        if self.state.status == IDLE:
            self.hide()
            return
        if self.isHidden():
            self.show()
        self.place()
        self.update()

    # ----------------------------------------------------------------- size and place
    def digit_pixels(self) -> float:
        return min(120.0, max(28.0, self.view.viewport().height() * 0.06))

    def padding(self) -> int:
        return round(self.digit_pixels() * 0.35)

    def place(self) -> None:
        size = self.digit_pixels()
        digits, caption = QFontMetrics(_font(size, True)), QFontMetrics(_font(size * 0.36))
        # A few pixels of slack: elidedText cuts a text measured exactly to its own width.
        text_width = max(digits.horizontalAdvance("00:00:00" if self.state.remaining() >= 3600 else "00:00"),
                         min(caption.horizontalAdvance(self.caption()) + 6, round(size * 6)))
        width = text_width + 2 * self.padding()
        height = digits.height() + (caption.height() if self.caption() else 0) + round(size * 0.3)
        frame = self.view.viewport().geometry()
        offset = self.corner_offset or QPoint(MARGIN, MARGIN)
        x = frame.right() - offset.x() - width
        y = frame.top() + offset.y()
        x = max(frame.left(), min(x, frame.right() - width))
        y = max(frame.top(), min(y, frame.bottom() - height))
        self.setGeometry(QRect(x, y, width, height))
        self.raise_()

    def _stay_on_top(self, *_args) -> None:
        if self.isVisible():
            self.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self.isVisible():
            self.place()
        return False

    # ----------------------------------------------------------------- painting
    def paintEvent(self, event) -> None:
        background, ink = self.look()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(EDGE, 2))  # apart from the dimmed, dark canvas of a presentation
        painter.setBrush(BACKGROUND[background])
        size = self.digit_pixels()
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(1, 1, -1, -1), size * 0.2, size * 0.2)
        top = round(size * 0.15)
        caption = self.caption()
        if caption:
            font = _font(size * 0.36)
            painter.setFont(font)
            painter.setPen(DIGITS[ink] if background == "flash" else QColor(230, 235, 242))
            metrics = QFontMetrics(font)
            band = QRect(self.padding(), top, self.width() - 2 * self.padding(), metrics.height())
            painter.drawText(band, int(Qt.AlignmentFlag.AlignCenter),
                             metrics.elidedText(caption, Qt.TextElideMode.ElideRight, band.width()))
            top += metrics.height()
        painter.setFont(_font(size, True))
        painter.setPen(DIGITS[ink])
        painter.drawText(QRect(0, top, self.width(), self.height() - top - round(size * 0.1)),
                         int(Qt.AlignmentFlag.AlignCenter), self.digits())
        painter.end()

    # ----------------------------------------------------------------- the mouse: click, drag, menu
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press, self._dragging = event.globalPosition().toPoint(), False
            self._start = self.pos()
            self.setCursor(Qt.CursorShape.ClosedHandCursor)
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._press is None:
            return
        moved = event.globalPosition().toPoint() - self._press
        if self._dragging or moved.manhattanLength() > DRAG_SLOP:
            self._dragging = True
            frame = self.view.viewport().geometry()
            where = self._start + moved
            self.corner_offset = QPoint(frame.right() - where.x() - self.width(), where.y() - frame.top())
            self.place()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._press is not None:
            if not self._dragging:
                self.clicked.emit()
            self._press = None
            self.setCursor(Qt.CursorShape.OpenHandCursor)
        event.accept()

    def contextMenuEvent(self, event) -> None:
        self.menu_requested.emit(event.globalPos())
        event.accept()
