"""PaletteDock: the shelf of things to put on the map (stages, lanes, each kind of card).

An entry is dragged onto the scene (the scene reads PALETTE_MIME and creates the element) or
double-clicked, which adds it next to the current selection through the controller. Icons are
painted here in each kind's colour with its marker shape, so the palette matches the canvas.
Imports: PySide6, model (appearance, entities), editor.document.mime.
"""
from __future__ import annotations

import math

from PySide6.QtCore import QMimeData, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap, QPolygonF
from PySide6.QtWidgets import QAbstractItemView, QDockWidget, QListWidget, QListWidgetItem, QWidget

from editor.document.mime import PALETTE_MIME
from model import CardKind, LaneKind
from model.layout.appearance import (
    CARD_COLOURS,
    CARD_KIND_LABELS,
    CARD_MARKERS,
    EMPHASISED_KINDS,
    HEADER_FILL,
    LANE_FILL,
    label_language,
)

ICON_SIZE = 28
PAYLOAD_ROLE = Qt.ItemDataRole.UserRole
# Where a double-clicked card goes when a stage (or nothing) is selected: the lane made for it.
SUITED_LANES = {
    CardKind.TOUCHPOINT: LaneKind.TOUCHPOINTS, CardKind.PAIN_POINT: LaneKind.PAIN_POINTS,
    CardKind.IDEA: LaneKind.IDEAS, CardKind.KPI: LaneKind.KPIS, CardKind.MILESTONE: LaneKind.GOALS,
}


class PaletteList(QListWidget):
    """The list itself; its drags carry the entry's PALETTE_MIME payload."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setDefaultDropAction(Qt.DropAction.CopyAction)  # a move would take the entry away
        self.setIconSize(QSize(ICON_SIZE, ICON_SIZE))
        self.setSpacing(2)

    def mimeTypes(self) -> list[str]:
        return [PALETTE_MIME]

    def mimeData(self, items: list[QListWidgetItem]) -> QMimeData:
        data = QMimeData()
        if items:
            data.setData(PALETTE_MIME, items[0].data(PAYLOAD_ROLE))
        return data

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction


class PaletteDock(QDockWidget):
    def __init__(self, language: str = "en", parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Palette"), parent)
        self.setObjectName("PaletteDock")
        self.list = PaletteList(self)
        self.setWidget(self.list)
        self._scene = None
        self._controller = None
        self._fill(language)
        self.list.itemActivated.connect(self._on_activated)

    def set_target(self, scene, controller) -> None:
        """The scene whose selection says where a double-clicked entry goes, and its controller."""
        self._scene, self._controller = scene, controller

    def payloads(self) -> list[bytes]:
        return [bytes(self.list.item(row).data(PAYLOAD_ROLE)) for row in range(self.list.count())]

    def _fill(self, language: str) -> None:
        self._add_entry(self.tr("Stage"), b"stage", stage_icon())
        self._add_entry(self.tr("Lane"), b"lane", lane_icon())
        labels = CARD_KIND_LABELS[label_language(language)]
        for kind in CardKind:
            self._add_entry(labels[kind], f"card:{kind.value}".encode(), card_icon(kind))

    def _add_entry(self, label: str, payload: bytes, icon: QIcon) -> None:
        item = QListWidgetItem(icon, label, self.list)
        item.setData(PAYLOAD_ROLE, payload)
        item.setToolTip(self.tr("Drag onto the map, or double-click to add"))

    # ----------------------------------------------------------------- double-click adds
    def _on_activated(self, item: QListWidgetItem) -> None:
        if self._controller is not None:
            self.add_entry(bytes(item.data(PAYLOAD_ROLE)))

    def add_entry(self, payload: bytes) -> str | None:
        """Add what ``payload`` names next to the selection; returns the new element's id."""
        selected = self._scene.primary_selection() if self._scene is not None else None
        journey = self._controller.journey
        if payload == b"stage":
            index = journey.stage_index(selected[1]) + 1 if _is(selected, "stage") else None
            new_id = self._controller.add_stage(index)
        elif payload == b"lane":
            index = journey.lane_index(selected[1]) + 1 if _is(selected, "lane") else None
            new_id = self._controller.add_lane(index)
        elif payload.startswith(b"card:") and journey.lane_ids() and journey.stage_ids():
            kind = CardKind(payload[5:].decode())
            stage_id, lane_id, index = self._card_target(kind, selected)
            new_id = self._controller.add_card(kind, stage_id, lane_id, index)
        else:
            return None
        self._select(new_id)
        return new_id

    def _card_target(self, kind: CardKind, selected) -> tuple[str, str, int | None]:
        journey = self._controller.journey
        if _is(selected, "card"):
            place = journey.card_place(selected[1])
            return place.stage, place.lane, place.index + 1
        stage_id = selected[1] if _is(selected, "stage") else journey.stage_ids()[-1]
        lane_id = selected[1] if _is(selected, "lane") else suited_lane(journey, kind)
        return stage_id, lane_id, None

    def _select(self, element_id: str) -> None:
        if self._scene is not None and hasattr(self._scene, "select_element"):
            self._scene.select_element(element_id)


def _is(selected: tuple[str, str] | None, kind: str) -> bool:
    return selected is not None and selected[0] == kind


def suited_lane(journey, kind: CardKind) -> str:
    """The first lane made for this kind of card, else the first lane that is not the curve."""
    lanes = journey.lanes()
    wanted = SUITED_LANES.get(kind)
    for lane in lanes:
        if lane.kind == wanted:
            return lane.id
    for lane in lanes:
        if lane.kind != LaneKind.EMOTION:
            return lane.id
    return lanes[0].id


# --------------------------------------------------------------------- icons
def _canvas() -> tuple[QPixmap, QPainter]:
    pixmap = QPixmap(ICON_SIZE, ICON_SIZE)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    return pixmap, painter


def stage_icon() -> QIcon:
    pixmap, painter = _canvas()
    painter.setPen(QPen(QColor("#1c2732"), 1))
    painter.setBrush(QColor(HEADER_FILL))
    painter.drawRect(QRectF(4.5, 3.5, 19, 21))
    painter.fillRect(QRectF(7, 7, 14, 2), QColor("#ffffff"))
    painter.end()
    return QIcon(pixmap)


def lane_icon() -> QIcon:
    pixmap, painter = _canvas()
    painter.setPen(QPen(QColor("#8a94a3"), 1))
    painter.setBrush(QColor(LANE_FILL))
    painter.drawRect(QRectF(1.5, 8.5, 25, 11))
    painter.fillRect(QRectF(3, 10, 6, 8), QColor(HEADER_FILL))
    painter.end()
    return QIcon(pixmap)


def card_icon(kind: CardKind) -> QIcon:
    pixmap, painter = _canvas()
    border = EMPHASISED_KINDS.get(kind, "#9a8f55")
    painter.setPen(QPen(QColor(border), 2 if kind in EMPHASISED_KINDS else 1))
    painter.setBrush(QColor(CARD_COLOURS[kind]))
    painter.drawRoundedRect(QRectF(2.5, 3.5, 23, 21), 3, 3)
    painter.setPen(QPen(QColor("#333333"), 1))
    painter.setBrush(QColor("#333333"))
    _draw_marker(painter, CARD_MARKERS[kind], QPointF(14, 14), 7)
    painter.end()
    return QIcon(pixmap)


def _draw_marker(painter: QPainter, marker: str, centre: QPointF, r: float) -> None:
    x, y = centre.x(), centre.y()
    if marker == "circle":
        painter.drawEllipse(centre, r * 0.6, r * 0.6)
    elif marker == "star":
        painter.drawPolygon(_star(centre, r, r * 0.45))
    elif marker == "bolt":
        points = [(0.2, -1), (-0.5, 0.1), (0, 0.1), (-0.2, 1), (0.5, -0.1), (0, -0.1)]
        painter.drawPolygon(QPolygonF([QPointF(x + a * r, y + b * r) for a, b in points]))
    elif marker == "bulb":
        painter.drawEllipse(QPointF(x, y - r * 0.25), r * 0.55, r * 0.55)
        painter.drawRect(QRectF(x - r * 0.25, y + r * 0.35, r * 0.5, r * 0.5))
    elif marker == "flag":
        painter.drawLine(QPointF(x - r * 0.6, y - r), QPointF(x - r * 0.6, y + r))
        painter.drawPolygon(QPolygonF([QPointF(x - r * 0.6, y - r), QPointF(x + r * 0.8, y - r * 0.5),
                                       QPointF(x - r * 0.6, y)]))
    elif marker == "bars":
        for i, height in enumerate((0.6, 1.2, 1.8)):
            painter.drawRect(QRectF(x - r + i * r * 0.7, y + r - height * r, r * 0.45, height * r))
    else:  # a plain note: three lines of "writing"
        path = QPainterPath()
        for row in (-0.5, 0, 0.5):
            path.moveTo(x - r * 0.7, y + row * r)
            path.lineTo(x + r * 0.7, y + row * r)
        painter.drawPath(path)


def _star(centre: QPointF, outer: float, inner: float) -> QPolygonF:
    points = []
    for i in range(10):
        radius = outer if i % 2 == 0 else inner
        angle = -math.pi / 2 + i * math.pi / 5
        points.append(QPointF(centre.x() + radius * math.cos(angle),
                              centre.y() + radius * math.sin(angle)))
    return QPolygonF(points)
