"""What the user does on the canvas, turned into controller calls (a mixin of JourneyScene).

Card drags move only the items; on release one controller call moves the model, whose events snap
the items into place (Qt's undo-framework pattern). Header drags reorder stages and lanes. Palette
drops create elements where they land. Keys: arrows select neighbours, Ctrl+arrows move cards one
cell, Enter/F2 edit in place, Tab cycles cards in journey order, Delete removes the selection.
Imports: PySide6, model, editor (items, inline_edit, clipboard, mime).
"""
from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QKeyEvent, QPainter, QPen
from PySide6.QtWidgets import (
    QGraphicsSceneContextMenuEvent,
    QGraphicsSceneDragDropEvent,
    QGraphicsSceneMouseEvent,
)

from editor.canvas.context_menu import build_context_menu
from editor.canvas.gestures import CanvasGestures
from editor.canvas.inline_edit import InlineTextEditor
from editor.canvas.items import CardItem, HeaderItem, LaneHeaderItem, StageHeaderItem
from editor.document.clipboard import cards_from_mime, paste_places, put_cards_on_clipboard
from editor.document.mime import PALETTE_MIME
from editor.i18n import tr
from model import CardKind
from model.layout.grid import (
    HEADER_NAME_SIZE,
    TITLE_SIZE,
    cell_at,
    insertion_index,
    lane_insertion_index,
    stage_insertion_index,
)

DRAG_THRESHOLD = 4



class SceneInteractionMixin:
    def init_interaction(self) -> None:
        self._press_pos: QPointF | None = None
        self._drop_hint: QRectF | None = None
        self.inline_editor: InlineTextEditor | None = None
        self.gestures = CanvasGestures(self)

    # ----------------------------------------------------------------- mouse: drags of cards/headers
    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.gestures.press(event.scenePos()):
            event.accept()
            return
        super().mousePressEvent(event)
        self._press_pos = event.scenePos() if event.button() == Qt.MouseButton.LeftButton else None

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self.gestures.move(event.scenePos()):
            return
        super().mouseMoveEvent(event)
        if self._press_pos is not None and self._dragged_cards():
            self.set_drop_hint(self._card_drop_hint(event.scenePos()))

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self.gestures.release(event.scenePos()):
            return
        super().mouseReleaseEvent(event)
        pressed, self._press_pos = self._press_pos, None
        self.set_drop_hint(None)
        if pressed is None or (event.scenePos() - pressed).manhattanLength() < DRAG_THRESHOLD:
            self._snap_selection_home()
            return
        headers = [i for i in self.selectedItems() if isinstance(i, HeaderItem) and i.is_dragged()]
        if headers:
            self._drop_header(headers[0], event.scenePos())
        elif self._dragged_cards():
            self._drop_cards(event.scenePos())
        self._snap_selection_home()

    def _dragged_cards(self) -> list[str]:
        return [item.element_id for item in self.selectedItems()
                if isinstance(item, CardItem) and item.box is not None
                and item.pos() != QPointF(item.box.rect.x, item.box.rect.y)]

    def _drop_cards(self, pos: QPointF) -> None:
        moving = self.selected_card_ids()
        cell = cell_at(self.layout, pos.x(), pos.y())
        if cell is None or not moving:
            return
        others = [c for c in self.journey.cell_card_ids(*cell) if c not in moving]
        index = insertion_index(self.layout, others, pos.y())
        self.controller.move_cards(moving, cell[0], cell[1], index)

    def _drop_header(self, header: HeaderItem, pos: QPointF) -> None:
        if isinstance(header, StageHeaderItem):
            gap = stage_insertion_index(self.layout, pos.x())
            old = self.journey.stage_index(header.element_id)
            self.controller.move_stage(header.element_id, gap - 1 if gap > old else gap)
        else:
            gap = lane_insertion_index(self.layout, pos.y())
            old = self.journey.lane_index(header.element_id)
            self.controller.move_lane(header.element_id, gap - 1 if gap > old else gap)

    def _snap_selection_home(self) -> None:
        """Put the dragged items back at their layout places (after a drop the model may not
        have moved). Qt drags only selected items, so only they can be out of place: visiting
        every card on each click cost time in proportion to the map."""
        for item in self.selectedItems():
            if isinstance(item, CardItem) and item.box is not None:
                item.setPos(item.box.rect.x, item.box.rect.y)
            elif isinstance(item, HeaderItem):
                item.snap_home()

    # ----------------------------------------------------------------- drop indicator
    def _card_drop_hint(self, pos: QPointF) -> QRectF | None:
        cell = cell_at(self.layout, pos.x(), pos.y())
        if cell is None:
            return None
        rect = self.layout.cells[cell]
        return QRectF(rect.x, rect.y, rect.w, rect.h)

    def set_drop_hint(self, rect: QRectF | None) -> None:
        if rect != self._drop_hint:
            old, self._drop_hint = self._drop_hint, rect
            for area in (old, rect):
                if area is not None:
                    self.invalidate(area.adjusted(-3, -3, 3, 3), self.SceneLayer.BackgroundLayer)

    def draw_drop_indicator(self, painter: QPainter) -> None:
        if self._drop_hint is not None:
            painter.setPen(QPen(QColor("#1a73e8"), 3, Qt.PenStyle.DashLine))
            painter.setBrush(QColor(26, 115, 232, 30))
            painter.drawRect(self._drop_hint)

    # ----------------------------------------------------------------- palette drops
    def dragEnterEvent(self, event: QGraphicsSceneDragDropEvent) -> None:
        event.setAccepted(event.mimeData().hasFormat(PALETTE_MIME))

    def dragMoveEvent(self, event: QGraphicsSceneDragDropEvent) -> None:
        if not event.mimeData().hasFormat(PALETTE_MIME):
            event.ignore()
            return
        event.acceptProposedAction()
        self.set_drop_hint(self._card_drop_hint(event.scenePos()))

    def dragLeaveEvent(self, event: QGraphicsSceneDragDropEvent) -> None:
        self.set_drop_hint(None)

    def dropEvent(self, event: QGraphicsSceneDragDropEvent) -> None:
        self.set_drop_hint(None)
        payload = bytes(event.mimeData().data(PALETTE_MIME)).decode("ascii", "replace")
        if self.create_from_palette(payload, event.scenePos()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def create_from_palette(self, payload: str, pos: QPointF) -> str | None:
        """Create what a palette entry names at a scene position; returns the new id or None."""
        if payload == "stage":
            element_id = self.controller.add_stage(stage_insertion_index(self.layout, pos.x()))
        elif payload == "lane":
            element_id = self.controller.add_lane(lane_insertion_index(self.layout, pos.y()))
        elif payload.startswith("card:") and payload[5:] in {k.value for k in CardKind}:
            cell = cell_at(self.layout, pos.x(), pos.y())
            if cell is None:
                return None
            index = insertion_index(self.layout, self.journey.cell_card_ids(*cell), pos.y())
            element_id = self.controller.add_card(payload[5:], cell[0], cell[1], index)
        else:
            return None
        self.select_element(element_id)
        return element_id

    # ----------------------------------------------------------------- in-place editing
    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        item = self.itemAt(event.scenePos(), self.views()[0].transform()) if self.views() else None
        while item is not None and not hasattr(item, "element_id"):
            item = item.parentItem()
        if isinstance(item, (CardItem, HeaderItem)):
            self.select_element(item.element_id)
            self.edit_element(item.element_id)
            event.accept()
            return
        if item is None and self.gestures.set_emotion_at(event.scenePos()):
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def edit_selection(self) -> None:
        primary = self.primary_selection()
        if primary is not None and primary[0] in ("card", "stage", "lane"):
            self.edit_element(primary[1])

    def edit_element(self, element_id: str) -> None:
        """Open the in-place editor over a card's title or a header's name."""
        if self.inline_editor is not None:
            self.inline_editor.finish(commit=True)
        item = self.item_for(element_id)
        if isinstance(item, CardItem):
            text, size, multiline = item.card.title, TITLE_SIZE, True
        elif isinstance(item, StageHeaderItem):
            text, size, multiline = item.stage.name, HEADER_NAME_SIZE, False
        elif isinstance(item, LaneHeaderItem):
            text, size, multiline = item.lane.name, HEADER_NAME_SIZE - 1, False
        else:
            return
        rect = item.sceneBoundingRect().adjusted(3, 3, -3, -3)
        editor = InlineTextEditor(text, rect, size, multiline,
                                  lambda new: self._finish_edit(element_id, item.kind, new))
        self.inline_editor = editor
        self.addItem(editor)
        editor.start()

    def _finish_edit(self, element_id: str, kind: str, text: str | None) -> None:
        self.inline_editor = None
        if text is None or not self.journey.has(element_id):
            return
        if kind == "card":
            self.controller.update_card(element_id, title=text)
        elif kind == "stage":
            self.controller.update_stage(element_id, name=text.strip())
        elif kind == "lane":
            self.controller.update_lane(element_id, name=text.strip())
        self.select_element(element_id)

    # ----------------------------------------------------------------- keyboard
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.inline_editor is not None or not self._handle_key(event):
            super().keyPressEvent(event)

    def _handle_key(self, event: QKeyEvent) -> bool:
        key, ctrl = event.key(), bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        steps = {Qt.Key.Key_Left: (-1, 0), Qt.Key.Key_Right: (1, 0),
                 Qt.Key.Key_Up: (0, -1), Qt.Key.Key_Down: (0, 1)}
        if key in steps and ctrl:
            self.controller.move_cards_by(self.selected_card_ids(), *steps[key])
        elif key in steps:
            self.select_neighbour(*steps[key])
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F2):
            self.edit_selection()
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.delete_selection()
        else:
            return False
        event.accept()
        return True

    def select_neighbour(self, stage_step: int, lane_step: int) -> None:
        """Select the card next to the current one: above/below in its cell, or the next cell over."""
        current = self.selected_card_ids()
        order = list(self.journey.card_ids())
        if not order:
            return
        if not current:
            self.select_element(order[0])
            return
        place = self.journey.card_place(current[0])
        if lane_step and 0 <= place.index + lane_step < len(
                self.journey.cell_card_ids(place.stage, place.lane)):
            self.select_element(self.journey.cell_card_ids(place.stage, place.lane)[place.index + lane_step])
            return
        target = self._neighbour_in_direction(current[0], stage_step, lane_step)
        if target:
            self.select_element(target)

    def _neighbour_in_direction(self, card_id: str, dx: int, dy: int) -> str | None:
        here = self.layout.cards[card_id].rect.center
        best, best_score = [], None
        for other_id, box in self.layout.cards.items():
            ox, oy = box.rect.center
            along = (ox - here[0]) * dx + (oy - here[1]) * dy
            if other_id == card_id or along <= 1:
                continue
            score = along + 3 * abs((ox - here[0]) * dy + (oy - here[1]) * dx)
            if best_score is None or score < best_score:
                best, best_score = [other_id], score
            elif score == best_score:
                best.append(other_id)
        # A tie goes to the card first in grid order (lane by lane, then stage, then in the cell),
        # which is how a freshly computed layout lists them; the scene updates its layout in
        # place, so layout.cards' own order is not that order after edits.
        return min(best, key=self._grid_position) if best else None

    def _grid_position(self, card_id: str) -> tuple[int, int, int]:
        place = self.journey.card_place(card_id)
        return (self.journey.lane_index(place.lane), self.journey.stage_index(place.stage),
                place.index)

    def select_next_card(self, backwards: bool = False) -> None:
        """Tab / Shift+Tab: the next card in journey order, wrapping around."""
        order = list(self.journey.card_ids())
        if not order:
            return
        current = self.selected_card_ids()
        if not current:
            self.select_element(order[-1 if backwards else 0])
            return
        step = -1 if backwards else 1
        self.select_element(order[(order.index(current[0]) + step) % len(order)])

    # ----------------------------------------------------------------- edit actions
    def delete_selection(self) -> None:
        self.controller.remove(self.selected_ids())

    def duplicate_selection(self) -> None:
        copies = self.controller.duplicate_cards(self.selected_card_ids())
        self._select_many(copies)

    def copy_selection(self) -> bool:
        card_ids = self.selected_card_ids()
        if card_ids:
            put_cards_on_clipboard(self.journey, card_ids)
        return bool(card_ids)

    def cut_selection(self) -> None:
        if self.copy_selection():
            self.controller.remove(self.selected_card_ids())

    def paste(self) -> list[str]:
        cards = cards_from_mime(QGuiApplication.clipboard().mimeData())
        if not cards or not self.journey.stage_ids() or not self.journey.lane_ids():
            return []
        selected = self.selected_card_ids()
        anchor = self.journey.card_place(selected[-1]) if selected else None
        added = self.controller.add_cards(paste_places(self.journey, cards, anchor), tr("Paste"))
        self._select_many(added)
        return added

    def _select_many(self, card_ids: list[str]) -> None:
        self.clearSelection()
        for card_id in card_ids:
            self.cards[card_id].setSelected(True)

    # ----------------------------------------------------------------- context menu
    def contextMenuEvent(self, event: QGraphicsSceneContextMenuEvent) -> None:
        item = self.itemAt(event.scenePos(), self.views()[0].transform()) if self.views() else None
        if item is not None and hasattr(item, "element_id") and not item.isSelected():
            self.select_element(item.element_id)
        menu = build_context_menu(self, event.scenePos())
        menu.exec(event.screenPos())
