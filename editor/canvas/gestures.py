"""Two canvas gestures beside plain dragging: drawing a transition from a stage header's knob to
another stage, and dragging an emotion point up or down. Each ends in one controller call.

Imports: PySide6, model, editor (items, emotion_item).
"""
from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsPathItem

from editor.canvas.emotion_item import EmotionCurveItem
from editor.canvas.items import StageHeaderItem
from model import ALL_CUSTOMERS, LaneKind
from model.layout.grid import cell_at, emotion_value, emotion_y


class CanvasGestures:
    """Press/move/release handling for the gestures; each returns True when it took the event."""

    def __init__(self, scene) -> None:
        self.scene = scene
        self._link_from: str | None = None
        self._link_line: QGraphicsPathItem | None = None
        self._emotion: tuple[EmotionCurveItem, str, str] | None = None

    # ----------------------------------------------------------------- dispatch
    def press(self, pos: QPointF) -> bool:
        for item in self.scene.items(pos):
            if isinstance(item, EmotionCurveItem):
                return self._press_emotion(item, pos)
            if isinstance(item, StageHeaderItem):
                return self._press_header(item, pos)
            if hasattr(item, "element_id"):
                return False
        return False

    def move(self, pos: QPointF) -> bool:
        if self._link_from is not None:
            self._draw_link(pos)
            return True
        if self._emotion is not None:
            item, segment_id, stage_id = self._emotion
            row = item.row
            item.preview = (segment_id, stage_id,
                            emotion_y(row, emotion_value(row, pos.y())))
            item.update()
            return True
        return False

    def release(self, pos: QPointF) -> bool:
        if self._link_from is not None:
            self._finish_link(pos)
            return True
        if self._emotion is not None:
            self._finish_emotion(pos)
            return True
        return False

    # ----------------------------------------------------------------- transitions
    def _press_header(self, item: StageHeaderItem, pos: QPointF) -> bool:
        if not item.link_handle_rect().contains(item.mapFromScene(pos)):
            return False
        self._link_from = item.element_id
        self._link_line = QGraphicsPathItem()
        self._link_line.setPen(QPen(QColor("#1a73e8"), 2, Qt.PenStyle.DashLine))
        self._link_line.setZValue(500)
        self.scene.addItem(self._link_line)
        self._draw_link(pos)
        return True

    def _draw_link(self, pos: QPointF) -> None:
        header = self.scene.layout.stage_headers[self._link_from]
        start = QPointF(header.right - 13, header.y + header.h / 2)
        path = QPainterPath(start)
        path.quadTo(QPointF((start.x() + pos.x()) / 2, min(start.y(), pos.y()) - 60), pos)
        self._link_line.setPath(path)
        target = self._stage_at(pos)
        hint = self.scene.layout.stage_headers[target] if target else None
        self.scene.interaction.set_drop_hint(QRectF(hint.x, hint.y, hint.w, hint.h) if hint else None)

    def _stage_at(self, pos: QPointF) -> str | None:
        for stage_id, column in self.scene.layout.columns.items():
            if column.contains(pos.x(), pos.y()) and stage_id != self._link_from:
                return stage_id
        return None

    def _finish_link(self, pos: QPointF) -> None:
        source, target = self._link_from, self._stage_at(pos)
        header = self.scene.stages.get(source)
        if header is not None and not header.contains(header.mapFromScene(pos)):
            header.set_hovered(False)  # the pointer left it while the drag took the moves
        self.scene.removeItem(self._link_line)
        self._link_from, self._link_line = None, None
        self.scene.interaction.set_drop_hint(None)
        if target is not None:
            transition_id = self.scene.controller.add_transition(source, target)
            self.scene.select_element(transition_id)

    # ----------------------------------------------------------------- emotion points
    def _press_emotion(self, item: EmotionCurveItem, pos: QPointF) -> bool:
        segment_id = item.legend_at(pos)
        if segment_id is not None:
            self.scene.set_curve_visible(segment_id, segment_id in self.scene.hidden_curves)
            return True
        hit = item.point_at(pos)
        if hit is None:
            return False
        self._emotion = (item, hit[0], hit[1])
        return True

    def _finish_emotion(self, pos: QPointF) -> None:
        item, segment_id, stage_id = self._emotion
        self._emotion, item.preview = None, None
        self._set_emotion(stage_id, segment_id, emotion_value(item.row, pos.y()))
        item.update()

    def _set_emotion(self, stage_id: str, segment_id: str, value: float) -> None:
        emotions = dict(self.scene.journey.stage(stage_id).emotions)
        emotions[segment_id] = value
        self.scene.controller.update_stage(stage_id, emotions=emotions)

    def set_emotion_at(self, pos: QPointF) -> bool:
        """Double-click in an emotion row: put the all-customers point of that stage there."""
        cell = cell_at(self.scene.layout, pos.x(), pos.y())
        if cell is None or self.scene.journey.lane(cell[1]).kind != LaneKind.EMOTION:
            return False
        row = self.scene.layout.rows[cell[1]]
        self._set_emotion(cell[0], ALL_CUSTOMERS, emotion_value(row, pos.y()))
        return True
