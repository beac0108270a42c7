"""JourneyScene: the swimlane canvas. Builds items from the model once, then follows its events.

An event touches only the items it names (create, remove, refresh one item); where items sit is
the business of editor.canvas.scene_geometry, which follows a burst of card events (a delete of
many cards, its undo) once, re-applying only the rectangles that changed: an edit costs the same
in a map of any size. Cards live in chunks of their cell (editor.canvas.card_layers), so painting a
window paints what is in it. The selection, in journey order, is editor.canvas.selection's. User
gestures (drags, drops, keys, inline edits) are turned into controller calls in
editor.canvas.interaction.
Imports: PySide6, model, editor (canvas, fonts, controller).
"""
from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QGraphicsScene

from editor.canvas.annotations import Annotations
from editor.canvas.card_layers import CardChunks
from editor.canvas.emotion_item import EmotionCurveItem
from editor.canvas.filters import ViewFilters
from editor.canvas.find import FindHighlight
from editor.canvas.interaction import SceneInteraction
from editor.canvas.items import CardItem, LaneHeaderItem, StageHeaderItem
from editor.canvas.painting import draw_rect_within
from editor.canvas.scene_geometry import SceneGeometry
from editor.canvas.selection import SceneSelection
from editor.canvas.transition_item import TransitionItem
from editor.document.controller import EditController
from editor.fonts import qt_char_widths
from model import Card, Event, JourneyMap
from model.bulk import gc_paused
from model.layout.appearance import CARD_KIND_LABELS, CELL_FILL, GRID_LINE, label_language
from model.layout.grid import CardSizer, MapLayout


class JourneyScene(QGraphicsScene):
    def __init__(self, controller: EditController, parent=None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.journey: JourneyMap = controller.journey
        self.sizer = CardSizer(qt_char_widths())
        self.cards: dict[str, CardItem] = {}
        self.chunks = CardChunks(self)  # cards join the scene in the chunk of their cell
        self.stages: dict[str, StageHeaderItem] = {}
        self.lanes: dict[str, LaneHeaderItem] = {}
        self.transitions: dict[str, TransitionItem] = {}
        self.emotions: dict[str, EmotionCurveItem] = {}
        # View settings, not document data: they are neither saved nor undone.
        self.hidden_curves: set[str] = set()
        self.filters = ViewFilters(self)
        self.interaction = SceneInteraction(self)
        self.annotations = Annotations(self, self.sizer.widths)  # title, links, paths
        self.find_highlight = FindHighlight(self)
        self.selection = SceneSelection(self)
        self.geometry = SceneGeometry(self)
        self._build()
        self.journey.events.connect(self._on_model_event)

    def detach(self) -> None:
        """Stop following the model (the window is switching documents)."""
        self.geometry.flush()
        self.geometry.detach()
        self.journey.events.disconnect(self._on_model_event)

    # ----------------------------------------------------------------- building (load/new only)
    def _build(self) -> None:
        with gc_paused():
            for stage in self.journey.stages():
                self._add_stage_item(stage.id)
            for lane in self.journey.lanes():
                self._add_lane_item(lane.id)
            for card_id in self.journey.card_ids():
                self._add_card_item(card_id)
            for transition in self.journey.transitions():
                self._add_transition_item(transition.id)
            self.geometry.relayout()

    def labels(self):
        return label_language(self.journey.language)

    def _add_card_item(self, card_id: str) -> None:
        card = self.journey.card(card_id)
        item = CardItem(card)
        self.cards[card_id] = item  # it joins the scene in its chunk (geometry's next flush)
        self._refresh_card(card_id, card)

    def _refresh_card(self, card_id: str, card: Card | None = None) -> None:
        card = card or self.journey.card(card_id)
        colours = tuple(self.journey.segment(s).colour for s in card.segments)
        self.cards[card_id].set_content(card, CARD_KIND_LABELS[self.labels()][card.kind], colours)

    def _add_stage_item(self, stage_id: str) -> None:
        item = StageHeaderItem(self.journey.stage(stage_id))
        self.stages[stage_id] = item
        self.addItem(item)

    def _add_lane_item(self, lane_id: str) -> None:
        item = LaneHeaderItem(self.journey.lane(lane_id))
        self.lanes[lane_id] = item
        self.addItem(item)

    def _add_transition_item(self, transition_id: str) -> None:
        item = TransitionItem(self.journey.transition(transition_id))
        self.transitions[transition_id] = item
        self.addItem(item)

    def remove_items(self, table: dict, ids) -> None:
        for element_id in ids:
            item = table.pop(element_id, None)
            if item is not None and item.scene() is self:
                quiet = self.selection.removing(item)  # announced once, after the step
                self.removeItem(item)
                if quiet is not None:
                    quiet.unblock()

    # ----------------------------------------------------------------- following the model
    def _on_model_event(self, event: Event) -> None:
        self.selection.forget()  # the order of the selected may have changed
        handler = getattr(self, f"_on_{event.type}", None)
        if handler is not None:
            handler(event)
        self.geometry.follow(event)
        self.annotations.follow(event)

    def _on_card_added(self, event: Event) -> None:
        self._add_card_item(event.card_id)

    def _on_card_removed(self, event: Event) -> None:
        self.remove_items(self.cards, [event.card_id])

    def _on_card_changed(self, event: Event) -> None:
        self._refresh_card(event.card_id)

    def _on_stage_added(self, event: Event) -> None:
        self._add_stage_item(event.stage_id)
        self._restore_dependents(event)

    def _on_lane_added(self, event: Event) -> None:
        self._add_lane_item(event.lane_id)
        self._restore_dependents(event)

    def _restore_dependents(self, event: Event) -> None:
        for card_id in event.payload.get("card_ids", ()):
            self._add_card_item(card_id)
        for transition_id in event.payload.get("transition_ids", ()):
            self._add_transition_item(transition_id)

    def _on_stage_removed(self, event: Event) -> None:
        self.remove_items(self.stages, [event.stage_id])
        self.remove_items(self.cards, event.card_ids)
        self.remove_items(self.transitions, event.transition_ids)

    def _on_lane_removed(self, event: Event) -> None:
        self.remove_items(self.lanes, [event.lane_id])
        self.remove_items(self.cards, event.card_ids)
        self.remove_items(self.emotions, [event.lane_id])

    def _on_transition_added(self, event: Event) -> None:
        self._add_transition_item(event.transition_id)

    def _on_transition_removed(self, event: Event) -> None:
        self.remove_items(self.transitions, [event.transition_id])

    def _on_segment_added(self, event: Event) -> None:
        for card_id in event.payload.get("retagged_ids", ()):
            self._refresh_card(card_id)
        shown = self.filters.segment_filter
        if shown is not None and not self.journey.has(shown):
            self.filters.set_segment_filter(None)

    _on_segment_removed = _on_segment_added

    def _on_segment_changed(self, event: Event) -> None:
        for card_id in self.journey.card_ids():
            if event.segment_id in self.journey.card(card_id).segments:
                self._refresh_card(card_id)

    def _on_path_removed(self, event: Event) -> None:
        if self.filters.highlighted_path == event.path_id:
            self.filters.set_highlighted_path(None)

    def _on_path_changed(self, event: Event) -> None:
        if self.filters.highlighted_path == event.path_id:
            self.filters.apply_dimming()

    def _on_map_changed(self, event: Event) -> None:
        if "language" in event.fields:
            for card_id in self.cards:
                self._refresh_card(card_id)

    # ----------------------------------------------------------------- geometry
    @property
    def layout(self) -> MapLayout:
        return self.geometry.layout

    def relayout(self) -> None:
        self.geometry.relayout()

    # ----------------------------------------------------------------- view filters (not saved)
    def set_curve_visible(self, segment_id: str, visible: bool) -> None:
        (self.hidden_curves.discard if visible else self.hidden_curves.add)(segment_id)
        self.geometry.update_emotion_curves()

    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:
        self.annotations.curve_within(rect)  # links whose cards moved, before they are painted
        painter.fillRect(rect, QColor("#f4f5f7"))
        painter.setPen(QPen(QColor(GRID_LINE), 1))
        painter.setBrush(QColor(CELL_FILL))
        for cell in self.geometry.keeper.layout.cells.values():  # as it is: no edits while painting
            cell_rect = QRectF(cell.x, cell.y, cell.w, cell.h)
            if cell_rect.intersects(rect):
                draw_rect_within(painter, cell_rect, rect)
        self.interaction.draw_drop_indicator(painter, rect)

    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:
        self.find_highlight.draw(painter, rect)

    def helpEvent(self, event) -> None:
        for item in self.items(event.scenePos()):  # the topmost card under the pointer
            if isinstance(item, CardItem):
                item.prepare_tooltip()
                break
        super().helpEvent(event)

    # ----------------------------------------------------------------- Qt's events, to the interaction
    def mousePressEvent(self, event) -> None:
        self.interaction.mouse_press(event, super().mousePressEvent)
        if self.mouseGrabberItem() is not None:  # the selected cards may be dragged now
            self.chunks.loosen(item for item in self.selectedItems() if isinstance(item, CardItem))

    def mouseMoveEvent(self, event) -> None:
        self.interaction.mouse_move(event, super().mouseMoveEvent)

    def mouseReleaseEvent(self, event) -> None:
        self.interaction.mouse_release(event, super().mouseReleaseEvent)
        self.chunks.tighten()  # dropped, each card is back inside its chunk

    def mouseDoubleClickEvent(self, event) -> None:
        self.interaction.mouse_double_click(event, super().mouseDoubleClickEvent)

    def keyPressEvent(self, event) -> None:
        self.interaction.key_press(event, super().keyPressEvent)

    def dragEnterEvent(self, event) -> None:
        self.interaction.drag_enter(event)

    def dragMoveEvent(self, event) -> None:
        self.interaction.drag_move(event)

    def dragLeaveEvent(self, event) -> None:
        self.interaction.drag_leave(event)

    def dropEvent(self, event) -> None:
        self.interaction.drop(event)

    def contextMenuEvent(self, event) -> None:
        self.interaction.context_menu(event)

    # ----------------------------------------------------------------- queries for the window
    def card_item(self, card_id: str) -> CardItem:
        return self.cards[card_id]

    def stage_item(self, stage_id: str) -> StageHeaderItem:
        return self.stages[stage_id]

    def lane_item(self, lane_id: str) -> LaneHeaderItem:
        return self.lanes[lane_id]

    def item_for(self, element_id: str):
        for table in (self.cards, self.stages, self.lanes, self.transitions):
            if element_id in table:
                return table[element_id]
        return None

    def selected_ids(self) -> list[str]:
        return list(self.selection.ids())

    def selected_card_ids(self) -> list[str]:
        return self.selection.card_ids()

    def primary_selection(self) -> tuple[str, str] | None:
        return self.selection.primary()

    def select_element(self, element_id: str) -> None:
        item = self.item_for(element_id)
        self.clearSelection()
        if item is not None:
            item.setSelected(True)
            item.setFocus()

    def element_rect(self, element_id: str) -> QRectF:
        item = self.item_for(element_id)
        return item.sceneBoundingRect() if item is not None else QRectF()

    def select_all(self) -> None:
        self.selection.select_cards(self.cards)
