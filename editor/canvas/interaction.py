"""What the user does on the canvas, turned into controller calls.

SceneInteraction is a collaborator the scene owns (``scene.interaction``): the scene's Qt event
handlers hand each event to it, with the base handler to call for what it does not take.

Card drags move only the items; on release one controller call moves the model, whose events snap
the items into place (Qt's undo-framework pattern); cards from several cells keep their offsets.
Header drags reorder stages and lanes. Palette drops create elements where they land; a new card
opens its title editor at once (Enter, then Enter or Tab, makes the next). Keys: arrows select
neighbours (editor.canvas.navigation), Ctrl+arrows move cards one cell, Enter/F2 edit in place,
Tab cycles cards in journey order, Delete removes the selection. Paste goes to the clicked cell.
Imports: PySide6, model, editor (items, inline_edit, gestures, navigation, context_menu,
clipboard, mime).
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

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
from editor.canvas.navigation import CardNavigation
from editor.canvas.painting import draw_rect_within
from editor.document.clipboard import cards_from_mime, paste_places, put_cards_on_clipboard
from editor.document.mime import PALETTE_MIME
from editor.i18n import tr
from model import CardKind, CardPlace
from model.layout.grid import (
    HEADER_NAME_SIZE,
    TITLE_SIZE,
    cell_at,
    insertion_index,
    lane_insertion_index,
    stage_insertion_index,
)

DRAG_THRESHOLD = 4



BaseHandler = Callable[[Any], None]


class SceneInteraction:
    def __init__(self, scene) -> None:
        self.scene = scene
        self._press_pos: QPointF | None = None
        self._drop_hint: QRectF | None = None
        self.inline_editor: InlineTextEditor | None = None
        self.gestures = CanvasGestures(scene)
        self.navigation = CardNavigation(scene)
        self.current_cell: tuple[str, str] | None = None  # the last cell clicked: where Paste goes
        self._new_card: str | None = None  # a card just made, whose title is being written

    # The scene's model, controller and layout, read through it: they change with each relayout.
    @property
    def journey(self):
        return self.scene.journey

    @property
    def controller(self):
        return self.scene.controller

    @property
    def layout(self):
        return self.scene.layout

    def _element_item_at(self, pos: QPointF):
        """The element item (card, header) under a scene position, or None."""
        views = self.scene.views()
        item = self.scene.itemAt(pos, views[0].transform()) if views else None
        while item is not None and not hasattr(item, "element_id"):
            item = item.parentItem()
        return item

    # ----------------------------------------------------------------- mouse: drags of cards/headers
    def mouse_press(self, event: QGraphicsSceneMouseEvent, base: BaseHandler) -> None:
        self._new_card = None  # a click ends writing new cards
        self.current_cell = cell_at(self.layout, event.scenePos().x(), event.scenePos().y())
        if event.button() == Qt.MouseButton.LeftButton and self.gestures.press(event.scenePos()):
            event.accept()
            return
        base(event)
        self._press_pos = event.scenePos() if event.button() == Qt.MouseButton.LeftButton else None

    def mouse_move(self, event: QGraphicsSceneMouseEvent, base: BaseHandler) -> None:
        if self.gestures.move(event.scenePos()):
            return
        base(event)
        if self._press_pos is not None and self._dragged_cards():
            self.set_drop_hint(self._card_drop_hint(event.scenePos()))

    def mouse_release(self, event: QGraphicsSceneMouseEvent, base: BaseHandler) -> None:
        if self.gestures.release(event.scenePos()):
            return
        base(event)
        pressed, self._press_pos = self._press_pos, None
        self.set_drop_hint(None)
        if pressed is None or (event.scenePos() - pressed).manhattanLength() < DRAG_THRESHOLD:
            self._snap_selection_home()
            return
        headers = [i for i in self.scene.selectedItems() if isinstance(i, HeaderItem) and i.is_dragged()]
        if headers:
            self._drop_header(headers[0], event.scenePos())
        elif self._dragged_cards():
            self._drop_cards(pressed, event.scenePos())
        self._snap_selection_home()

    def _dragged_cards(self) -> list[str]:
        return [item.element_id for item in self.scene.selectedItems()
                if isinstance(item, CardItem) and item.box is not None and item.pos() != item.home]

    def _drop_cards(self, pressed: QPointF, pos: QPointF) -> None:
        """Cards from one cell go where they are dropped, at the height of the drop; cards from
        several cells all move by the stages and lanes between the pressed card's cell and the
        drop's (stopping at the grid's edge), so the selection keeps its shape."""
        moving = self.scene.selected_card_ids()
        cell = cell_at(self.layout, pos.x(), pos.y())
        if cell is None or not moving:
            return
        places = [self.journey.card_place(card_id) for card_id in moving]
        if len({(p.stage, p.lane) for p in places}) > 1:
            origin = cell_at(self.layout, pressed.x(), pressed.y())  # the grabbed card's cell
            if origin is not None:
                self.controller.move_cards_by(
                    moving, self.journey.stage_index(cell[0]) - self.journey.stage_index(origin[0]),
                    self.journey.lane_index(cell[1]) - self.journey.lane_index(origin[1]), clamp=True)
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
        for item in self.scene.selectedItems():
            if isinstance(item, CardItem) and item.box is not None:
                item.setPos(item.home)
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
                    self.scene.invalidate(area.adjusted(-3, -3, 3, 3), self.scene.SceneLayer.BackgroundLayer)

    def draw_drop_indicator(self, painter: QPainter, exposed: QRectF) -> None:
        if self._drop_hint is not None:
            painter.setPen(QPen(QColor("#1a73e8"), 3, Qt.PenStyle.DashLine))
            painter.setBrush(QColor(26, 115, 232, 30))
            draw_rect_within(painter, self._drop_hint, exposed)

    # ----------------------------------------------------------------- palette drops
    def drag_enter(self, event: QGraphicsSceneDragDropEvent) -> None:
        event.setAccepted(event.mimeData().hasFormat(PALETTE_MIME))

    def drag_move(self, event: QGraphicsSceneDragDropEvent) -> None:
        if not event.mimeData().hasFormat(PALETTE_MIME):
            event.ignore()
            return
        event.acceptProposedAction()
        self.set_drop_hint(self._card_drop_hint(event.scenePos()))

    def drag_leave(self, event: QGraphicsSceneDragDropEvent) -> None:
        self.set_drop_hint(None)

    def drop(self, event: QGraphicsSceneDragDropEvent) -> None:
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
            self._write_new_card(element_id)
            return element_id
        else:
            return None
        self.scene.select_element(element_id)
        return element_id

    # ----------------------------------------------------------------- writing new cards in a row
    # A new card opens its title editor at once; Enter commits, and a second Enter (or Tab while
    # typing) makes the next card of the same kind below it: a team's notes go in one after another.
    def _write_new_card(self, card_id: str) -> None:
        self.scene.select_element(card_id)
        for view in self.scene.views()[:1]:
            view.setFocus()  # after a drop from the palette the focus is still there
        self._new_card = card_id
        self.edit_element(card_id)

    def _next_new_card(self) -> None:
        card, place = self.journey.card(self._new_card), self.journey.card_place(self._new_card)
        self._write_new_card(self.controller.add_card(card.kind, place.stage, place.lane,
                                                      place.index + 1))

    def _writing_new_cards(self) -> bool:
        return (self._new_card is not None and self.journey.has(self._new_card)
                and self.scene.selected_card_ids() == [self._new_card])

    # ----------------------------------------------------------------- in-place editing
    def mouse_double_click(self, event: QGraphicsSceneMouseEvent, base: BaseHandler) -> None:
        item = self._element_item_at(event.scenePos())
        if isinstance(item, (CardItem, HeaderItem)):
            self.scene.select_element(item.element_id)
            self.edit_element(item.element_id)
            event.accept()
            return
        if item is None and self.gestures.set_emotion_at(event.scenePos()):
            event.accept()
            return
        base(event)

    def edit_selection(self) -> None:
        primary = self.scene.primary_selection()
        if primary is not None and primary[0] in ("card", "stage", "lane"):
            self.edit_element(primary[1])

    def edit_element(self, element_id: str) -> None:
        """Open the in-place editor over a card's title or a header's name."""
        if self.inline_editor is not None:
            self.inline_editor.finish(commit=True)
        item = self.scene.item_for(element_id)
        if isinstance(item, CardItem):
            text, size, multiline = item.card.title, TITLE_SIZE, True
        elif isinstance(item, StageHeaderItem):
            text, size, multiline = item.stage.name, HEADER_NAME_SIZE, False
        elif isinstance(item, LaneHeaderItem):
            text, size, multiline = item.lane.name, HEADER_NAME_SIZE - 1, False
        else:
            return
        rect = item.mapRectToScene(item.rect())  # the element itself, not its paint margin
        editor = InlineTextEditor(text, rect, size, multiline,
                                  lambda new: self._finish_edit(element_id, item.kind, new))
        self.inline_editor = editor
        self.scene.addItem(editor)
        editor.start()

    def _finish_edit(self, element_id: str, kind: str, text: str | None) -> None:
        self.inline_editor = None
        if text is None or not self.journey.has(element_id):
            self._new_card = None  # Esc ends writing new cards
            return
        if kind == "card":
            self.controller.update_card(element_id, title=text)
        elif kind == "stage":
            self.controller.update_stage(element_id, name=text.strip())
        elif kind == "lane":
            self.controller.update_lane(element_id, name=text.strip())
        self.scene.select_element(element_id)

    # ----------------------------------------------------------------- keyboard
    def key_press(self, event: QKeyEvent, base: BaseHandler) -> None:
        key, writing = event.key(), self._writing_new_cards()
        if self.inline_editor is not None:
            if key == Qt.Key.Key_Tab and writing:
                self.inline_editor.finish(commit=True)
                self._next_new_card()
                event.accept()
            else:
                base(event)
            return
        if writing and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._next_new_card()
            event.accept()
            return
        self._new_card = None
        if not self._handle_key(event):
            base(event)

    def _handle_key(self, event: QKeyEvent) -> bool:
        key, ctrl = event.key(), bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        steps = {Qt.Key.Key_Left: (-1, 0), Qt.Key.Key_Right: (1, 0),
                 Qt.Key.Key_Up: (0, -1), Qt.Key.Key_Down: (0, 1)}
        if key in steps and ctrl:
            self.controller.move_cards_by(self.scene.selected_card_ids(), *steps[key])
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
        self.navigation.select_neighbour(stage_step, lane_step)

    def select_next_card(self, backwards: bool = False) -> None:
        self.navigation.select_next_card(backwards)

    # ----------------------------------------------------------------- edit actions
    def delete_selection(self) -> None:
        self.controller.remove(self.scene.selected_ids())

    def duplicate_selection(self) -> None:
        copies = self.controller.duplicate_cards(self.scene.selected_card_ids())
        self._select_many(copies)

    def copy_selection(self) -> bool:
        card_ids = self.scene.selected_card_ids()
        if card_ids:
            put_cards_on_clipboard(self.journey, card_ids)
        return bool(card_ids)

    def cut_selection(self) -> None:
        if self.copy_selection():
            self.controller.remove(self.scene.selected_card_ids())

    def paste(self, pos: QPointF | None = None) -> list[str]:
        """Paste the clipboard's cards: at ``pos`` (a context-menu click), else after the selected
        card, else at the end of the current cell (the last one clicked)."""
        cards = cards_from_mime(QGuiApplication.clipboard().mimeData())
        if not cards or not self.journey.stage_ids() or not self.journey.lane_ids():
            return []
        places = paste_places(self.journey, cards, self._paste_target(pos))
        added = self.controller.add_cards(places, tr("Paste"))
        self._select_many(added)
        return added

    def _paste_target(self, pos: QPointF | None) -> CardPlace | None:
        cell = cell_at(self.layout, pos.x(), pos.y()) if pos is not None else None
        if cell is not None:
            index = insertion_index(self.layout, self.journey.cell_card_ids(*cell), pos.y())
            return CardPlace(cell[0], cell[1], index)
        selected = self.scene.selected_card_ids()
        if selected:
            anchor = self.journey.card_place(selected[-1])
            return CardPlace(anchor.stage, anchor.lane, anchor.index + 1)
        if self.current_cell is not None and self._cell_exists(self.current_cell):
            return CardPlace(*self.current_cell, len(self.journey.cell_card_ids(*self.current_cell)))
        return None

    def _cell_exists(self, cell: tuple[str, str]) -> bool:
        return self.journey.has(cell[0]) and self.journey.has(cell[1])

    def _select_many(self, card_ids: list[str]) -> None:
        self.scene.clearSelection()
        for card_id in card_ids:
            self.scene.cards[card_id].setSelected(True)

    # ----------------------------------------------------------------- context menu
    def context_menu(self, event: QGraphicsSceneContextMenuEvent) -> None:
        item = self._element_item_at(event.scenePos())
        if item is not None and not item.isSelected():
            self.scene.select_element(item.element_id)
        menu = build_context_menu(self.scene, event.scenePos())
        menu.exec(event.screenPos())
