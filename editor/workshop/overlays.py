"""What the presentation lays over the canvas: the veil that dims all but the stage or card in
focus (with the lane names beside a stage, since the frozen headers are off while presenting),
and the small "Stage 2 of 5 · Adoption" indicator at the bottom.

Both are widgets on the view, over its canvas, like the legend (editor.canvas.legend): they stay
put while the canvas scrolls, let the mouse through, and touch no scene item, so dimming for the
presentation never fights the segment and path filters' own dimming of items.
Imports: PySide6, editor.fonts.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPainterPath
from PySide6.QtWidgets import QGraphicsView, QWidget

from editor.fonts import family

STAGE_VEIL = QColor(12, 18, 28, 150)
SPOTLIGHT_VEIL = QColor(12, 18, 28, 200)
HOLE_PAD = 6  # pixels of light around what is in focus
LABEL_GAP = 14
INDICATOR_MARGIN = 14


def px_font(pixels: float, bold: bool = False) -> QFont:
    """The bundled font (Japanese lane and stage names) at a size in screen pixels."""
    font = QFont(family())
    font.setPixelSize(max(1, round(pixels)))
    font.setBold(bold)
    return font


class OverViewport(QWidget):
    """A mouse-transparent widget on a view, laid over its canvas (the viewport)."""

    def __init__(self, view: QGraphicsView, name: str) -> None:
        super().__init__(view)
        self.view = view
        self.setObjectName(name)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.hide()

    def screen_height(self) -> int:
        return self.view.viewport().height()


class Veil(OverViewport):
    """Dims the canvas but for ``focus()`` (a scene rectangle, read at each paint, so the hole
    follows scrolling, zooming and edits made meanwhile)."""

    def __init__(self, view: QGraphicsView) -> None:
        super().__init__(view, "presentation-veil")
        self.focus: Callable[[], QRectF] = QRectF
        self.spotlight = False
        self.rows: Callable[[], list[tuple[str, QRectF]]] = list

    def cover(self) -> None:
        """Lie over the canvas; raised when it appears, so the countdown, raised after it,
        stays above it."""
        self.setGeometry(self.view.viewport().geometry())
        if self.isHidden():
            self.show()
            self.raise_()
        self.update()

    def hole(self) -> QRect:
        """The focus in widget pixels (the canvas's pixels: the veil lies exactly over it)."""
        focus = self.focus()
        if focus.isEmpty():
            return QRect()
        pad = HOLE_PAD
        return self.view.mapFromScene(focus).boundingRect().adjusted(-pad, -pad, pad, pad)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        shade = QPainterPath()
        shade.addRect(QRectF(self.rect()))
        hole = self.hole()
        if not hole.isEmpty():
            light = QPainterPath()
            light.addRoundedRect(QRectF(hole), 6, 6)
            shade = shade.subtracted(light)
        painter.fillPath(shade, SPOTLIGHT_VEIL if self.spotlight else STAGE_VEIL)
        if not self.spotlight and not hole.isEmpty():
            self._paint_lane_names(painter, hole)
        painter.end()

    def _paint_lane_names(self, painter: QPainter, hole: QRect) -> None:
        """The lane names in the dim strip left of the stage, at the top of their rows, when the
        lane headers themselves are scrolled off screen (beside the first stage they show)."""
        rows = self.rows()
        width = min(hole.left() - 2 * LABEL_GAP, self.width() // 4)
        if width < 40 or not rows or self.view.mapFromScene(rows[0][2].topRight()).x() > 0:
            return
        font = px_font(min(28, max(12, self.screen_height() / 50)), bold=True)
        painter.setFont(font)
        metrics = QFontMetrics(font)
        for name, row, _header in rows:
            mapped = self.view.mapFromScene(row).boundingRect()
            band = QRect(hole.left() - LABEL_GAP - width, mapped.top() + LABEL_GAP, width,
                         mapped.height() - LABEL_GAP)
            if band.height() < metrics.height() or not band.intersects(self.rect()):
                continue
            text = metrics.elidedText(name, Qt.TextElideMode.ElideRight, width)
            # On a dark pill: the dimmed cards beneath must not make the name hard to read.
            text_width = metrics.horizontalAdvance(text)
            pill = QRectF(band.right() - text_width - 8, band.top() - 3, text_width + 16,
                          metrics.height() + 6)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(12, 18, 28, 200))
            painter.drawRoundedRect(pill, 6, 6)
            painter.setPen(QColor(240, 243, 247, 235))
            painter.drawText(band, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop), text)


class StageIndicator(OverViewport):
    """"Stage 2 of 5 · Adoption": small, at the bottom centre, out of the way."""

    def __init__(self, view: QGraphicsView) -> None:
        super().__init__(view, "presentation-indicator")
        self.text = ""

    def set_text(self, text: str) -> None:
        self.text = text
        self.place()

    def place(self) -> None:
        font = px_font(min(26, max(11, self.screen_height() / 55)))
        metrics = QFontMetrics(font)
        width = min(metrics.horizontalAdvance(self.text) + 2 * metrics.height(),
                    self.view.viewport().width() - 2 * INDICATOR_MARGIN)
        height = round(metrics.height() * 1.6)
        frame = self.view.viewport().geometry()
        self.setGeometry(frame.center().x() - width // 2, frame.bottom() - height - INDICATOR_MARGIN,
                         width, height)
        self.raise_()
        self.update()

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(20, 26, 36, 170))
        painter.drawRoundedRect(QRectF(self.rect()), self.height() / 2, self.height() / 2)
        font = px_font(min(26, max(11, self.screen_height() / 55)))
        painter.setFont(font)
        painter.setPen(QColor(236, 240, 245))
        text = QFontMetrics(font).elidedText(self.text, Qt.TextElideMode.ElideRight,
                                             self.width() - self.height())
        painter.drawText(self.rect(), int(Qt.AlignmentFlag.AlignCenter), text)
        painter.end()
