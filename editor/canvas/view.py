"""JourneyView: the canvas on screen. Zoom (Ctrl+wheel, Ctrl +/-, fit), pan (middle drag or
Space+drag), rubber-band selection, and Tab / Shift+Tab to walk the cards in journey order.
The stage and lane headers stay on screen while it scrolls (editor.canvas.frozen).

Imports: PySide6, editor.canvas (scene, frozen, legend).
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QPainter, QWheelEvent
from PySide6.QtWidgets import QGraphicsView

from editor.canvas.frozen import FrozenHeaders
from editor.canvas.legend import KindLegend
from editor.canvas.scene import JourneyScene

SHOW_MARGIN = 40  # pixels kept around an element scrolled into view

MIN_ZOOM, MAX_ZOOM, ZOOM_STEP = 0.1, 4.0, 1.2


class JourneyView(QGraphicsView):
    zoom_changed = Signal(float)

    def __init__(self, scene: JourneyScene, parent=None) -> None:
        super().__init__(scene, parent)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setAcceptDrops(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._pan_from: QPointF | None = None
        self._space_down = False
        self.frozen = FrozenHeaders(self)
        self.legend = KindLegend(self)

    def journey_scene(self) -> JourneyScene:
        return self.scene()

    def setScene(self, scene) -> None:
        """Show another map's scene; the frozen headers follow it."""
        super().setScene(scene)
        for pane in self.frozen.panes():
            pane.retire()
        self.frozen.sync()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.frozen.sync()
        if self.legend.isVisible():
            self.legend.place()

    # ----------------------------------------------------------------- zoom
    def zoom(self) -> float:
        return self.transform().m11()

    def set_zoom(self, factor: float) -> None:
        factor = max(MIN_ZOOM, min(MAX_ZOOM, factor))
        self.setTransform(self.transform().fromScale(factor, factor))
        self.frozen.sync()
        self.zoom_changed.emit(factor)

    def zoom_in(self) -> None:
        self.set_zoom(self.zoom() * ZOOM_STEP)

    def zoom_out(self) -> None:
        self.set_zoom(self.zoom() / ZOOM_STEP)

    def reset_zoom(self) -> None:
        self.set_zoom(1.0)

    def fit_to_window(self) -> None:
        self.fitInView(self.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)
        self.set_zoom(self.zoom())

    def show_element(self, element_id: str) -> None:
        """Scroll so an element is visible (moments-of-truth list, health check, search), and
        not under the frozen headers, which cover the canvas's left and top edges."""
        rect = self.journey_scene().element_rect(element_id)
        if rect.isNull():
            return
        zoom, (left, top) = self.zoom(), self.frozen.covered()
        item = self.journey_scene().item_for(element_id)
        kind = getattr(item, "kind", "")
        # A header is never under its own frozen strip; anything else keeps clear of both.
        left = 0 if kind == "lane" else left
        top = 0 if kind in ("stage", "transition") else top
        margin = SHOW_MARGIN / zoom
        self.ensureVisible(QRectF(rect.left() - left / zoom - margin, rect.top() - top / zoom - margin,
                                  rect.width() + left / zoom + 2 * margin,
                                  rect.height() + top / zoom + 2 * margin), 0, 0)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120
            self.set_zoom(self.zoom() * (ZOOM_STEP ** steps))
            event.accept()
        else:
            super().wheelEvent(event)

    # ----------------------------------------------------------------- pan
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.MiddleButton or (
                self._space_down and event.button() == Qt.MouseButton.LeftButton):
            self._pan_from = event.position()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None:
            delta = event.position() - self._pan_from
            self._pan_from = event.position()
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - int(delta.x()))
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - int(delta.y()))
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None:
            self._pan_from = None
            self.viewport().unsetCursor()
            event.accept()
            return
        super().mouseReleaseEvent(event)

    # ----------------------------------------------------------------- keys
    def keyPressEvent(self, event: QKeyEvent) -> None:
        editing = self.journey_scene().interaction.inline_editor is not None
        if event.key() == Qt.Key.Key_Space and not editing and not event.isAutoRepeat():
            self._space_down = True
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            event.accept()
            return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space_down = False
            self.viewport().unsetCursor()
        super().keyReleaseEvent(event)

    def event(self, event: QEvent) -> bool:
        # Tab belongs to the canvas (walk the cards), not to widget focus traversal.
        if event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            if self.journey_scene().interaction.inline_editor is None:
                self.journey_scene().interaction.select_next_card(backwards=event.key() == Qt.Key.Key_Backtab)
                card = self.journey_scene().selected_card_ids()
                if card:
                    self.show_element(card[0])
                return True
        return super().event(event)
