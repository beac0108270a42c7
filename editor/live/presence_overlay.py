"""The other participants' selections on the canvas: one outline item per remote participant.

Each PresenceOutlineItem draws a ring in the participant's colour around each card they have
selected, with their name on a tab above the first one. It is an overlay, apart from the card
items: it reads the cards' rectangles from the scene's layout (model.layout, shared with print),
takes no mouse button and its shape is only the rings, so it never stands between the user and a
card. The overlay follows the map's events (a card moved, removed or restyled moves its ring)
once per burst of events.
Imports: PySide6, collab.presence (Participant) for the data it shows.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem

from collab.presence import Participant

RING_GAP = 4.0  # between the card's edge and the ring
RING_WIDTH = 3.0
TAB_HEIGHT = 16.0
Z_PRESENCE = 900  # above cards and annotations, below in-place editors


class PresenceOutlineItem(QGraphicsItem):
    """The rings of one participant's selected cards."""

    def __init__(self, participant: Participant) -> None:
        super().__init__()
        self.participant = participant
        self.card_rects: list[QRectF] = []
        self._bounds = QRectF()
        self.setZValue(Z_PRESENCE)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setAcceptHoverEvents(False)
        self.setToolTip(participant.name)

    def set_rects(self, rects: list[QRectF]) -> None:
        self.prepareGeometryChange()
        self.card_rects = rects
        margin = RING_GAP + RING_WIDTH
        bounds = QRectF()
        for rect in rects:
            bounds = bounds.united(rect.adjusted(-margin, -margin - TAB_HEIGHT, margin + 200, margin))
        self._bounds = bounds

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        for rect in self.card_rects:
            path.addRect(_ring(rect).adjusted(-RING_WIDTH, -RING_WIDTH, RING_WIDTH, RING_WIDTH))
            path.addRect(_ring(rect).adjusted(RING_WIDTH, RING_WIDTH, -RING_WIDTH, -RING_WIDTH))
        return path

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        if not self.card_rects:
            return
        colour = QColor(self.participant.colour)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(colour, RING_WIDTH))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for rect in self.card_rects:
            painter.drawRoundedRect(_ring(rect), 6, 6)
        self._paint_name(painter, colour, _ring(self.card_rects[0]))

    def _paint_name(self, painter: QPainter, colour: QColor, ring: QRectF) -> None:
        font = QFont(painter.font())
        font.setPixelSize(11)
        font.setBold(True)
        painter.setFont(font)
        name = self.participant.name
        width = QFontMetricsF(font).horizontalAdvance(name) + 10
        tab = QRectF(ring.left(), ring.top() - TAB_HEIGHT + 1, width, TAB_HEIGHT)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawRoundedRect(tab, 3, 3)
        painter.setPen(QColor("#ffffff") if colour.lightness() < 170 else QColor("#202020"))
        painter.drawText(tab, Qt.AlignmentFlag.AlignCenter, name)


def _ring(rect: QRectF) -> QRectF:
    return rect.adjusted(-RING_GAP, -RING_GAP, RING_GAP, RING_GAP)


class PresenceOverlay(QObject):
    """Keeps one PresenceOutlineItem per connected remote participant in ``scene``."""

    def __init__(self, scene, parent: QObject | None = None, scenario_id: str = "") -> None:
        super().__init__(parent)
        self.scene = scene
        self.scenario_id = scenario_id  # the scenario this scene shows
        self.peer_scenarios: dict[int, str] = {}  # client id -> the scenario they look at
        self.items: dict[int, PresenceOutlineItem] = {}
        self._people: list[Participant] = []
        self._refresh = QTimer(self)
        self._refresh.setSingleShot(True)
        self._refresh.setInterval(0)  # after the scene has followed the same events
        self._refresh.timeout.connect(self._place)
        scene.journey.events.connect(self._on_map_event)

    def show_participants(self, people: list[Participant]) -> None:
        # A copied scenario keeps its cards' ids: someone's selection in another scenario must
        # not outline the same-id card here. A peer that names no scenario (an older editor, a
        # browser) is taken to look at this one.
        self._people = [p for p in people if not p.is_me and p.connected and p.selection
                        and self.peer_scenarios.get(p.client_id, self.scenario_id)
                        == self.scenario_id]
        wanted = {p.client_id for p in self._people}
        for client_id in [c for c in self.items if c not in wanted]:
            self.scene.removeItem(self.items.pop(client_id))
        for person in self._people:
            item = self.items.get(person.client_id)
            if item is None:
                item = self.items[person.client_id] = PresenceOutlineItem(person)
                self.scene.addItem(item)
            item.participant = person
            item.setToolTip(person.name)
        self._place()

    def outlined_cards(self) -> dict[str, list[str]]:
        """Participant name -> the card ids outlined for them (what the canvas shows)."""
        return {item.participant.name: [c for c in item.participant.selection
                                        if c in self.scene.layout.cards]
                for item in self.items.values()}

    def _on_map_event(self, _event) -> None:
        if self.items and not self._refresh.isActive():
            self._refresh.start()

    def _place(self) -> None:
        boxes = self.scene.layout.cards
        for item in self.items.values():
            rects = [_qrect(boxes[c].rect) for c in item.participant.selection if c in boxes]
            item.set_rects(rects)
            item.update()

    def detach(self) -> None:
        """Take the outlines off the canvas and stop following the map."""
        self._refresh.stop()
        self.scene.journey.events.disconnect(self._on_map_event)
        for item in self.items.values():
            if item.scene() is self.scene:
                self.scene.removeItem(item)
        self.items.clear()


def _qrect(rect) -> QRectF:
    return QRectF(rect.x, rect.y, rect.w, rect.h)
