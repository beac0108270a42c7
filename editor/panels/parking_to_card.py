"""Turning a parked item into a card: the "Turn into Card…" dialog (stage, lane, kind) and the
drop of a parking-lot item on the canvas (the cell under the mouse).

Both end in one call, ``controller.workshop.parking_item_to_card``: the item leaves the parking
lot and the card arrives in one undo step. The drop is caught by an event filter on the view's
viewport, before the canvas's own drag handling (which knows only the palette's drags), so the
canvas needs no code for the parking lot; it reuses the canvas's dashed drop hint.
Imports: PySide6, model (no canvas module: the view is handed in).
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, Qt, Signal
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QWidget

from editor.i18n import error_text
from model import CardKind, JourneyMap, LaneKind, ModelError
from model.layout.appearance import CARD_KIND_LABELS, label_language
from model.layout.grid import cell_at, insertion_index

PARKING_MIME = "application/x-journey-parking-item"  # payload: the item's id (ASCII)
# The kind a parked point becomes in a lane of this kind; any other lane gets a note.
LANE_CARD_KINDS = {LaneKind.TOUCHPOINTS: CardKind.TOUCHPOINT, LaneKind.PAIN_POINTS: CardKind.PAIN_POINT,
                   LaneKind.IDEAS: CardKind.IDEA, LaneKind.KPIS: CardKind.KPI}


def kind_for_lane(journey: JourneyMap, lane_id: str) -> CardKind:
    return LANE_CARD_KINDS.get(journey.lane(lane_id).kind, CardKind.NOTE)


def card_lanes(journey: JourneyMap) -> list:
    """The lanes that hold cards (an emotion lane holds a curve, not cards)."""
    return [lane for lane in journey.lanes() if lane.kind != LaneKind.EMOTION]


class TurnIntoCardDialog(QDialog):
    """Where the card goes (stage, lane) and what it is (kind, following the lane by default)."""

    def __init__(self, journey: JourneyMap, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.journey = journey
        self.setWindowTitle(self.tr("Turn into Card"))
        self.setObjectName("turnIntoCardDialog")
        form = QFormLayout(self)
        shown = QLabel(text, self)
        shown.setWordWrap(True)
        shown.setStyleSheet("font-weight: bold;")
        form.addRow(shown)
        self.stage = self._combo([(s.name or s.id, s.id) for s in journey.stages()], "stageChoice")
        self.lane = self._combo([(lane.name or lane.id, lane.id) for lane in card_lanes(journey)],
                                "laneChoice")
        labels = CARD_KIND_LABELS[label_language(journey.language)]
        self.kind = self._combo([(labels[k], k.value) for k in CardKind], "kindChoice")
        self.lane.currentIndexChanged.connect(self._follow_lane)
        self._follow_lane()
        form.addRow(self.tr("Stage"), self.stage)
        form.addRow(self.tr("Lane"), self.lane)
        form.addRow(self.tr("Kind"), self.kind)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Turn into Card"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            self.stage.count() > 0 and self.lane.count() > 0)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)

    def _combo(self, choices: list[tuple[str, str]], name: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        for text, value in choices:
            combo.addItem(text, value)
        return combo

    def _follow_lane(self) -> None:
        lane_id = self.lane.currentData()
        if lane_id is not None:
            self.kind.setCurrentIndex(self.kind.findData(kind_for_lane(self.journey, lane_id).value))

    def choice(self) -> tuple[str, str, str]:
        """(stage id, lane id, card kind)."""
        return self.stage.currentData(), self.lane.currentData(), self.kind.currentData()


class CanvasDrop(QObject):
    """Takes parking-lot items dropped on the canvas; ``dropped(item_id, card_id)`` after each,
    ``refused(reason)`` when the map said no."""

    dropped = Signal(str, str)
    refused = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.view = self.controller = None

    def attach(self, view, controller) -> None:
        self.detach()
        self.view, self.controller = view, controller
        view.viewport().installEventFilter(self)

    def detach(self) -> None:
        if self.view is not None:
            self.view.viewport().removeEventFilter(self)
        self.view = self.controller = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop,
                        QEvent.Type.DragLeave) or self.view is None:
            return False
        if kind == QEvent.Type.DragLeave:
            self._hint(None)
            return False
        if not event.mimeData().hasFormat(PARKING_MIME):
            return False
        cell = self._cell(event.position())
        if kind == QEvent.Type.Drop:
            self._hint(None)
            self._drop(bytes(event.mimeData().data(PARKING_MIME)).decode("ascii", "replace"),
                       event.position())
        else:
            self._hint(cell)
        if cell is not None:
            event.setDropAction(Qt.DropAction.CopyAction)  # the list drops the item itself
            event.accept()
        else:
            event.ignore()
        return True

    def _scene_point(self, position) -> QPointF:
        return self.view.mapToScene(position.toPoint())

    def _cell(self, position) -> tuple[str, str] | None:
        point = self._scene_point(position)
        cell = cell_at(self.view.scene().layout, point.x(), point.y())
        if cell is None or self.controller.journey.lane(cell[1]).kind == LaneKind.EMOTION:
            return None
        return cell

    def _hint(self, cell: tuple[str, str] | None) -> None:
        scene = self.view.scene()
        rect = scene.layout.cells.get(cell) if cell is not None else None
        scene.interaction.set_drop_hint(None if rect is None else QRectF(rect.x, rect.y, rect.w, rect.h))

    def _drop(self, item_id: str, position) -> None:
        cell = self._cell(position)
        journey = self.controller.journey
        if cell is None or not journey.has(item_id):
            return
        index = insertion_index(self.view.scene().layout, journey.cell_card_ids(*cell),
                                self._scene_point(position).y())
        try:
            card_id = self.controller.workshop.parking_item_to_card(
                item_id, cell[0], cell[1], kind_for_lane(journey, cell[1]), index)
        except ModelError as exc:
            self.refused.emit(error_text(exc))
            return
        self.view.scene().select_element(card_id)
        self.dropped.emit(item_id, card_id)
