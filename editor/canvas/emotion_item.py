"""The emotion curve of an emotion lane: one line per segment through the stages' values.

Points are draggable (the scene turns a drag into one undoable stage edit); a legend in the lane
header shows and hides each segment's curve (a view setting, not document data).
Imports: PySide6, model.layout.grid, model.layout.appearance, editor.canvas.painting.
"""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem

from editor.canvas.painting import cached_font, draw_lines
from model.layout.appearance import EMOTION_LINE, GRID_LINE
from model.layout.grid import CELL_PADDING, SMALL_SIZE, Rect, emotion_y

POINT_RADIUS = 5.5
HIT_RADIUS = 9.0
LEGEND_TOP = 48
LEGEND_ROW = 15


@dataclass
class Curve:
    segment_id: str  # "" for all customers
    name: str
    colour: str
    points: list[tuple[str, float, float]]  # (stage id, x, y)
    visible: bool = True


class EmotionCurveItem(QGraphicsItem):
    kind = "emotion"

    def __init__(self, lane_id: str) -> None:
        super().__init__()
        self.element_id = lane_id
        self.curves: list[Curve] = []
        self.row = Rect(0, 0, 0, 0)
        self.header_width = 0.0
        self.preview: tuple[str, str, float] | None = None  # (segment, stage, y) while dragging
        self.setZValue(8)
        self.setAcceptHoverEvents(True)

    def set_curves(self, row: Rect, header_width: float, curves: list[Curve]) -> None:
        self.prepareGeometryChange()
        self.row, self.header_width, self.curves = row, header_width, curves
        self.update()

    def boundingRect(self) -> QRectF:
        return QRectF(self.row.x, self.row.y, self.row.w, self.row.h)

    def shape(self) -> QPainterPath:
        # Only the points and the legend take clicks; the rest of the row stays for the cards.
        path = QPainterPath()
        for curve in self.curves:
            if curve.visible:
                for _, x, y in curve.points:
                    path.addEllipse(QPointF(x, y), HIT_RADIUS, HIT_RADIUS)
        for index in range(len(self.curves)):
            path.addRect(self.legend_rect(index))
        return path

    def legend_rect(self, index: int) -> QRectF:
        return QRectF(self.row.x + CELL_PADDING, self.row.y + LEGEND_TOP + index * LEGEND_ROW,
                      self.header_width - 2 * CELL_PADDING, LEGEND_ROW - 1)

    def legend_at(self, pos: QPointF) -> str | None:
        """The segment id whose legend chip is at ``pos``, or None."""
        for index, curve in enumerate(self.curves):
            if self.legend_rect(index).contains(pos):
                return curve.segment_id
        return None

    def point_at(self, pos: QPointF) -> tuple[str, str] | None:
        """(segment id, stage id) of the visible point under ``pos``; later curves win."""
        for curve in reversed(self.curves):
            if not curve.visible:
                continue
            for stage_id, x, y in curve.points:
                if (QPointF(x, y) - pos).manhattanLength() <= HIT_RADIUS * 1.4:
                    return curve.segment_id, stage_id
        return None

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._paint_scale(painter)
        for curve in self.curves:
            if curve.visible:
                self._paint_curve(painter, curve)
        self._paint_legend(painter)

    def _paint_scale(self, painter: QPainter) -> None:
        painter.setPen(QPen(QColor(GRID_LINE), 0.8, Qt.PenStyle.DotLine))
        left, right = self.row.x + self.header_width, self.row.x + self.row.w
        for value in (2, 0, -2):
            y = emotion_y(self.row, value)
            painter.drawLine(QPointF(left, y), QPointF(right, y))
        painter.setPen(QColor("#8a94a0"))
        for value, face in ((2, "+2 ☺"), (0, " 0"), (-2, "−2 ☹")):
            draw_lines(painter, [face], left + 3, emotion_y(self.row, value) - 12, SMALL_SIZE, 11)

    def _paint_curve(self, painter: QPainter, curve: Curve) -> None:
        colour = QColor(curve.colour or EMOTION_LINE)
        points = [(stage, x, self._preview_y(curve.segment_id, stage, y)) for stage, x, y in curve.points]
        pen = QPen(colour, 2.6 if not curve.segment_id else 1.8,
                   Qt.PenStyle.SolidLine if not curve.segment_id else Qt.PenStyle.DashLine)
        # Segments with flat ends, not a polyline: Qt strokes a wide polyline as one path over
        # its whole bounding box (1.2 ms for a dozen stages, against 0.05 ms as separate lines);
        # the joins are under the points drawn next.
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        stops = [QPointF(x, y) for _, x, y in points]
        painter.drawLines([QLineF(a, b) for a, b in zip(stops, stops[1:], strict=False)])
        painter.setPen(QPen(QColor("#ffffff"), 1.5))
        painter.setBrush(colour)
        for _, x, y in points:
            painter.drawEllipse(QPointF(x, y), POINT_RADIUS, POINT_RADIUS)

    def _preview_y(self, segment_id: str, stage_id: str, y: float) -> float:
        if self.preview and self.preview[:2] == (segment_id, stage_id):
            return self.preview[2]
        return y

    def _paint_legend(self, painter: QPainter) -> None:
        if len(self.curves) < 2:
            return  # one curve needs no legend
        painter.setFont(cached_font(SMALL_SIZE))
        for index, curve in enumerate(self.curves):
            rect = self.legend_rect(index)
            colour = QColor(curve.colour or EMOTION_LINE)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour if curve.visible else QColor("#ffffff"))
            painter.drawEllipse(QRectF(rect.x(), rect.y() + 3, 8, 8))
            painter.setPen(QPen(colour, 1))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(QRectF(rect.x(), rect.y() + 3, 8, 8))
            painter.setPen(QColor("#24303c") if curve.visible else QColor("#9aa3ad"))
            draw_lines(painter, [curve.name], rect.x() + 12, rect.y(), SMALL_SIZE, LEGEND_ROW - 1)
