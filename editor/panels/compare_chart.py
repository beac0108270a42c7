"""EmotionCompareChart: both scenarios' emotion curves (all customers, or one segment) over the
aligned stages on one chart, the difference shaded: green where the scenario after is higher, red
where lower, as on the PDF comparison page (exporters.pdf_chart).

It paints what ``set_points`` gives it: (stage name, before, after) per aligned stage, a value None
where that side has no emotion there (a line breaks around it). The shading between two
neighbouring stages is split where the curves cross, so each part has one colour. Imports: PySide6."""
from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

BEFORE_COLOUR = QColor("#6d7b8d")
AFTER_COLOUR = QColor("#1565c0")
HIGHER = QColor(46, 125, 50, 90)  # the scenario after is better here
LOWER = QColor(198, 40, 40, 90)
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 44, 16, 28, 40
Point = tuple[str, float | None, float | None]


class EmotionCompareChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.points: list[Point] = []
        self.names = ("", "")
        self.setMinimumHeight(170)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def set_points(self, points: list[Point], before_name: str, after_name: str) -> None:
        self.points, self.names = list(points), (before_name, after_name)
        self.update()

    # ----------------------------------------------------------------- geometry
    def _plot(self) -> QRectF:
        return QRectF(MARGIN_LEFT, MARGIN_TOP, max(10, self.width() - MARGIN_LEFT - MARGIN_RIGHT),
                      max(10, self.height() - MARGIN_TOP - MARGIN_BOTTOM))

    def _x(self, index: int) -> float:
        plot = self._plot()
        step = plot.width() / max(1, len(self.points))
        return plot.left() + step * (index + 0.5)

    def _y(self, value: float) -> float:
        plot = self._plot()
        return plot.top() + (2 - value) / 4 * plot.height()

    # ----------------------------------------------------------------- painting
    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        self._paint_axes(painter)
        if not self.points:
            painter.end()
            return
        self._paint_difference(painter)
        self._paint_curve(painter, 1, BEFORE_COLOUR, Qt.PenStyle.DashLine)
        self._paint_curve(painter, 2, AFTER_COLOUR, Qt.PenStyle.SolidLine)
        self._paint_legend(painter)
        painter.end()

    def _paint_axes(self, painter: QPainter) -> None:
        plot, text = self._plot(), self.palette().windowText().color()
        for value in (-2, -1, 0, 1, 2):
            y = self._y(value)
            painter.setPen(QPen(QColor(0, 0, 0, 60 if value == 0 else 25), 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(text)
            painter.drawText(QRectF(0, y - 9, MARGIN_LEFT - 6, 18),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, f"{value:+d}"
                             if value else "0")
        metrics = QFontMetrics(painter.font())
        width = plot.width() / max(1, len(self.points))
        for index, (name, _before, _after) in enumerate(self.points):
            label = metrics.elidedText(name, Qt.TextElideMode.ElideRight, int(width) - 4)
            painter.drawText(QRectF(self._x(index) - width / 2, plot.bottom() + 6, width, 18),
                             Qt.AlignmentFlag.AlignHCenter, label)

    def _paint_curve(self, painter: QPainter, side: int, colour: QColor, style) -> None:
        painter.setPen(QPen(colour, 2.4, style))
        painter.setBrush(colour)
        path, drawing = QPainterPath(), False
        for index, point in enumerate(self.points):
            value = point[side]
            if value is None:
                drawing = False
                continue
            where = QPointF(self._x(index), self._y(value))
            path.lineTo(where) if drawing else path.moveTo(where)
            drawing = True
            painter.drawEllipse(where, 3.2, 3.2)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)

    def _paint_difference(self, painter: QPainter) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        for index in range(len(self.points) - 1):
            (_, b0, a0), (_, b1, a1) = self.points[index], self.points[index + 1]
            if None in (b0, a0, b1, a1):
                continue
            for polygon, higher in self._difference_parts(index, b0, a0, b1, a1):
                painter.setBrush(HIGHER if higher else LOWER)
                painter.drawPolygon(polygon)

    def _difference_parts(self, index: int, b0: float, a0: float, b1: float,
                          a1: float) -> list[tuple[QPolygonF, bool]]:
        """The area between the curves from one stage to the next, split where they cross."""
        x0, x1 = self._x(index), self._x(index + 1)
        d0, d1 = a0 - b0, a1 - b1
        if d0 * d1 < 0:  # they cross between the stages: two parts of opposite colours
            t = d0 / (d0 - d1)
            xc, vc = x0 + (x1 - x0) * t, b0 + (b1 - b0) * t
            first = self._quad(x0, b0, a0, xc, vc, vc)
            second = self._quad(xc, vc, vc, x1, b1, a1)
            return [(first, d0 > 0), (second, d1 > 0)]
        if d0 == 0 and d1 == 0:
            return []
        return [(self._quad(x0, b0, a0, x1, b1, a1), d0 + d1 > 0)]

    def _quad(self, x0: float, b0: float, a0: float, x1: float, b1: float, a1: float) -> QPolygonF:
        return QPolygonF([QPointF(x0, self._y(b0)), QPointF(x1, self._y(b1)),
                          QPointF(x1, self._y(a1)), QPointF(x0, self._y(a0))])

    def _paint_legend(self, painter: QPainter) -> None:
        metrics, x = QFontMetrics(painter.font()), float(MARGIN_LEFT)
        entries = [(self.names[0], BEFORE_COLOUR, Qt.PenStyle.DashLine, None),
                   (self.names[1], AFTER_COLOUR, Qt.PenStyle.SolidLine, None),
                   (self.tr("higher"), None, None, HIGHER), (self.tr("lower"), None, None, LOWER)]
        for text, colour, style, fill in entries:
            if fill is not None:
                painter.fillRect(QRectF(x, 8, 22, 10), fill)
            else:
                painter.setPen(QPen(colour, 2.4, style))
                painter.drawLine(QPointF(x, 13), QPointF(x + 22, 13))
            painter.setPen(self.palette().windowText().color())
            painter.drawText(QPointF(x + 27, 18), text)
            x += 27 + metrics.horizontalAdvance(text) + 18
