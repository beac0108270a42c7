"""Transition arcs on the canvas: TransitionItem (an arc between two stage headers with its
label; skips and backs dashed) and the label's text and box width, which SceneGeometry uses to
place every label among the arcs (model.layout.arcs). Imports: PySide6, model,
editor.canvas (items, painting).
"""
from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPainterPath, QPainterPathStroker, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem

from editor.canvas.items import SELECTION_COLOUR
from editor.canvas.links import arrow_head
from editor.canvas.painting import cached_font
from model import Transition
from model.layout.appearance import TRANSITION_STYLES
from model.layout.grid import SMALL_SIZE, ArcGeometry

LABEL_HEIGHT = 14.0  # a transition label's box, in scene units


def transition_label(transition: Transition) -> str:
    """The conversion rate, then the trigger: a long trigger is cut at the end, the rate stays
    in sight. The rate is written as the PDF poster writes it."""
    value = transition.conversion_rate
    rate = "" if value is None else f"{value * 100:.4g}%"  # exporters.projection.format_rate
    text = transition.trigger
    return f"{rate} · {text}" if text and rate else text or rate


def label_box_width(transition: Transition, room: float) -> float:
    """How wide a transition's label box is drawn (0 without a label): its text, at most
    ``room`` (the text is then cut with "…" when painted)."""
    label = transition_label(transition)
    if not label:
        return 0.0
    metrics = QFontMetricsF(cached_font(SMALL_SIZE))
    return min(room, metrics.horizontalAdvance(label) + 8)


class TransitionItem(QGraphicsItem):
    """An arc between two stage headers with its trigger label; skips and backs dashed."""

    kind = "transition"

    def __init__(self, transition: Transition) -> None:
        super().__init__()
        self.element_id = transition.id
        self.transition = transition
        self._path = QPainterPath()
        self._arrow = QPolygonF()
        self._label_at = QPointF()
        self._label_width = 120.0
        self.setFlags(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setZValue(3)

    def set_geometry(self, transition: Transition, arc: ArcGeometry,
                     label: tuple[tuple[float, float], float] | None = None) -> None:
        """The arc, and its label: (centre, width) as placed among the other arcs' labels by
        model.layout.arcs, or without one at the middle of the arc, as wide as the arc allows."""
        self.prepareGeometryChange()
        self.transition = transition
        path = QPainterPath(QPointF(*arc.start))
        path.quadTo(QPointF(*arc.control), QPointF(*arc.end))
        self._path = path
        self._arrow = arrow_head(QPointF(*arc.control), QPointF(*arc.end), size=7.0)
        centre, width = label or (arc.label_at, arc.label_width)
        self._label_at = QPointF(*centre)
        self._label_width = width
        self.setToolTip(self.label_text())
        self.update()


    def label_text(self) -> str:
        return transition_label(self.transition)

    def boundingRect(self) -> QRectF:
        return self._path.boundingRect().united(self._label_rect()).adjusted(-6, -6, 6, 6)

    def _label_rect(self) -> QRectF:
        width = self._label_width
        return QRectF(self._label_at.x() - width / 2, self._label_at.y() - LABEL_HEIGHT / 2, width,
                      LABEL_HEIGHT)

    def shape(self) -> QPainterPath:
        stroker = QPainterPathStroker()
        stroker.setWidth(10)
        shape = stroker.createStroke(self._path)
        shape.addRect(self._label_rect())
        return shape

    def paint(self, painter: QPainter, option, widget=None) -> None:
        colour, dashed = TRANSITION_STYLES[self.transition.kind]
        pen = QPen(SELECTION_COLOUR if self.isSelected() else QColor(colour), 1.8)
        if dashed:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self._path)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(pen.color())
        painter.drawPolygon(self._arrow)
        label = self.label_text()
        if label:
            font = cached_font(SMALL_SIZE)
            painter.setFont(font)
            rect = self._label_rect()
            label = QFontMetricsF(font).elidedText(label, Qt.TextElideMode.ElideRight, rect.width())
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(255, 255, 255, 210))
            text_width = QFontMetricsF(font).horizontalAdvance(label) + 8
            painter.drawRoundedRect(QRectF(rect.center().x() - text_width / 2, rect.y(), text_width,
                                           rect.height()), 3, 3)
            painter.setPen(QColor(colour))
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, label)
