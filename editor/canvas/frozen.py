"""Frozen headers: the stage header row and the lane header column stay on screen while the canvas
scrolls, like a spreadsheet's frozen panes (issue 10, item 16).

Each frozen pane is a second QGraphicsView of the same scene, laid over the canvas's edge at the
same zoom and scrolled along with it on one axis only. Being a real view of the real items, a
frozen header is clicked, selected, renamed, dragged and its knob pulled exactly as the one it
covers. A pane joins the scene only while it is shown (it is shown only when its headers would
scroll away), so an unscrolled canvas pays nothing for it.
Imports: PySide6, model.layout.grid.
"""
from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QLinearGradient, QMouseEvent, QPainter, QWheelEvent
from PySide6.QtWidgets import QFrame, QGraphicsView

from model.layout.grid import ARC_BAND_HEIGHT, LANE_HEADER_WIDTH, STAGE_HEADER_HEIGHT

ROW_TOP = ARC_BAND_HEIGHT  # the stage headers' top in scene units
EDGE_SHADOW = 5  # pixels of shade along a pane's inner edge: the canvas scrolls beneath it


class FrozenPane(QGraphicsView):
    """One frozen strip over the main view: "row" (stage headers), "column" (lane headers) or
    "corner" (where they meet, with the map's title)."""

    def __init__(self, main: QGraphicsView, part: str) -> None:
        super().__init__(main)  # a child of the view, not of its viewport, which scrolls children
        self.main, self.part = main, part
        self.setObjectName(f"frozen-{part}")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setRenderHints(main.renderHints())
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys stay with the canvas
        self.setAcceptDrops(True)  # a palette stage dropped on the frozen row lands as usual
        self.setMouseTracking(True)
        self.hide()

    def show_over(self, geometry: QRect) -> None:
        scene = self.main.scene()
        if self.scene() is not scene:
            self.setScene(scene)
        self.setGeometry(geometry)
        self.setTransform(self.main.transform())
        self.show()
        self.raise_()

    def retire(self) -> None:
        if self.isVisible() or self.scene() is not None:
            self.hide()
            self.setScene(None)

    def align(self) -> None:
        """Scroll like the canvas on the free axis; pinned to the headers on the frozen one."""
        zoom = self.main.transform().m11()
        across, down = self.main.horizontalScrollBar().value(), self.main.verticalScrollBar().value()
        self.horizontalScrollBar().setValue(across if self.part == "row" else 0)  # scene x 0 at left
        self.verticalScrollBar().setValue(down if self.part == "column" else round(ROW_TOP * zoom))

    # ----------------------------------------------------------------- input the canvas owns
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.MiddleButton:
            self.main.mousePressEvent(self._for_main(event))
            return
        self.main.setFocus(Qt.FocusReason.MouseFocusReason)
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if event.buttons() & Qt.MouseButton.MiddleButton:
            self.main.mouseMoveEvent(self._for_main(event))
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.MiddleButton:
            self.main.mouseReleaseEvent(self._for_main(event))
            return
        super().mouseReleaseEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        """Scrolling or zooming over a frozen header scrolls or zooms the canvas."""
        moved = QWheelEvent(self._to_main(event.position()), event.globalPosition(),
                            event.pixelDelta(), event.angleDelta(), event.buttons(),
                            event.modifiers(), event.phase(), event.inverted())
        self.main.wheelEvent(moved)
        event.setAccepted(moved.isAccepted())

    def _to_main(self, position: QPointF) -> QPointF:
        return QPointF(self.main.viewport().mapFromGlobal(self.mapToGlobal(position.toPoint())))

    def _for_main(self, event: QMouseEvent) -> QMouseEvent:
        return QMouseEvent(event.type(), self._to_main(event.position()), event.globalPosition(),
                           event.button(), event.buttons(), event.modifiers())

    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:
        """A soft shade along the inner edge says the canvas scrolls beneath the headers."""
        super().drawForeground(painter, rect)  # the scene's (find highlights)
        painter.save()
        painter.resetTransform()
        width, height = self.viewport().width(), self.viewport().height()
        for horizontal in ((True,) if self.part == "row" else (False,) if self.part == "column"
                           else (True, False)):
            edge = QRectF(0, height - EDGE_SHADOW, width, EDGE_SHADOW) if horizontal else \
                QRectF(width - EDGE_SHADOW, 0, EDGE_SHADOW, height)
            gradient = QLinearGradient(edge.topLeft(), edge.bottomLeft() if horizontal else edge.topRight())
            gradient.setColorAt(0, QColor(0, 0, 0, 0))
            gradient.setColorAt(1, QColor(0, 0, 0, 60))
            painter.fillRect(edge, gradient)
        painter.restore()


class FrozenHeaders:
    """The three panes of one canvas, kept over its edges as it scrolls, zooms and resizes."""

    def __init__(self, view: QGraphicsView) -> None:
        self.view = view
        self.row = FrozenPane(view, "row")
        self.column = FrozenPane(view, "column")
        self.corner = FrozenPane(view, "corner")
        self.enabled = True
        for bar in (view.horizontalScrollBar(), view.verticalScrollBar()):
            bar.valueChanged.connect(self.sync)
            bar.rangeChanged.connect(self.sync)

    def set_enabled(self, enabled: bool) -> None:
        self.enabled = enabled
        self.sync()

    def panes(self) -> tuple[FrozenPane, FrozenPane, FrozenPane]:
        return self.row, self.column, self.corner

    def covered(self) -> tuple[float, float]:
        """(left, top) in viewport pixels that frozen headers cover once the canvas scrolls."""
        zoom = self.view.transform().m11()
        return LANE_HEADER_WIDTH * zoom, STAGE_HEADER_HEIGHT * zoom

    def sync(self, *_args) -> None:
        view = self.view
        scene = view.scene()
        if scene is None or not self.enabled:
            for pane in self.panes():
                pane.retire()
            return
        natural = view.mapFromScene(QPointF(0, ROW_TOP))
        frame = view.viewport().geometry()  # the viewport inside the view, without scrollbars
        left, top = (math.ceil(size) for size in self.covered())
        row_on = natural.y() < 0 and bool(getattr(scene, "stages", True))
        column_on = natural.x() < 0 and bool(getattr(scene, "lanes", True))
        self._place(self.row, row_on, QRect(frame.x(), frame.y(), frame.width(), top))
        self._place(self.column, column_on, QRect(frame.x(), frame.y(), left, frame.height()))
        self._place(self.corner, row_on and column_on, QRect(frame.x(), frame.y(), left, top))

    def _place(self, pane: FrozenPane, shown: bool, geometry: QRect) -> None:
        if not shown:
            pane.retire()
            return
        pane.show_over(geometry)
        pane.align()
