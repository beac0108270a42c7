"""JourneyScene: the swimlane canvas. Builds items from the model once, then follows its events.

An event touches only the items it names (create, remove, refresh one item); geometry comes from
model.layout.grid via model.layout.keeper, which after a card or header edit recomputes only what the
edit changed, and is re-applied only to the items whose rectangle changed: an edit costs the same
in a map of any size. User gestures (drags, drops, keys, inline edits) are turned into controller
calls in editor.canvas.interaction.
Imports: PySide6, model, editor (items, fonts, controller, interaction).
"""
from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QGraphicsScene

from editor.canvas.annotations import Annotations
from editor.canvas.emotion_item import Curve, EmotionCurveItem
from editor.canvas.filters import ViewFilters
from editor.canvas.find import FindHighlight
from editor.canvas.interaction import SceneInteraction
from editor.canvas.items import (
    CARDS_PER_LAYER,
    CardItem,
    CardLayer,
    LaneHeaderItem,
    StageHeaderItem,
    TransitionItem,
)
from editor.document.controller import EditController
from editor.fonts import qt_char_widths
from model import Card, CardPlace, Event, JourneyMap, LaneKind
from model.bulk import gc_paused
from model.journey.workshop import GEOMETRY_FREE_EVENTS as WORKSHOP_GEOMETRY_FREE_EVENTS
from model.layout.appearance import (
    ALL_CUSTOMERS_LABELS,
    CARD_KIND_LABELS,
    CELL_FILL,
    GRID_LINE,
    LANE_KIND_LABELS,
    label_language,
)
from model.layout.grid import CardSizer, MapLayout, emotion_points, transition_arc
from model.layout.keeper import LayoutChange, LayoutKeeper

SCENE_MARGIN = 40
# Events after which every row and column may move: the whole layout is recomputed.
STRUCTURAL_EVENTS = {"stage_added", "stage_removed", "stage_moved", "lane_added", "lane_removed",
                     "lane_moved"}
# Events that change no geometry at all (their handlers refresh what they show).
GEOMETRY_FREE_EVENTS = {"map_changed", "segment_added", "segment_removed", "segment_changed",
                        "path_added", "path_removed", "path_changed", "link_added", "link_removed",
                        "transition_added", "transition_removed", "transition_changed",
                        *WORKSHOP_GEOMETRY_FREE_EVENTS}


class JourneyScene(QGraphicsScene):
    def __init__(self, controller: EditController, parent=None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.journey: JourneyMap = controller.journey
        self.sizer = CardSizer(qt_char_widths())
        self._keeper = LayoutKeeper(self.sizer)
        self.cards: dict[str, CardItem] = {}
        self._card_layers: list[CardLayer] = []  # see CardLayer: cards are their children
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
        self._build()
        self.journey.events.connect(self._on_model_event)

    def detach(self) -> None:
        """Stop following the model (the window is switching documents)."""
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
            self.relayout()

    def _labels(self):
        return label_language(self.journey.language)

    def _add_card_item(self, card_id: str) -> None:
        card = self.journey.card(card_id)
        item = CardItem(card)
        self.cards[card_id] = item
        item.setParentItem(self._card_layer())  # joins the scene with its layer
        self._refresh_card(card_id, card)

    def _card_layer(self) -> CardLayer:
        if not self._card_layers or self._card_layers[-1].filled >= CARDS_PER_LAYER:
            self._card_layers.append(CardLayer())
            self.addItem(self._card_layers[-1])
        self._card_layers[-1].filled += 1
        return self._card_layers[-1]

    def _refresh_card(self, card_id: str, card: Card | None = None) -> None:
        card = card or self.journey.card(card_id)
        colours = tuple(self.journey.segment(s).colour for s in card.segments)
        self.cards[card_id].set_content(card, CARD_KIND_LABELS[self._labels()][card.kind], colours)

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

    def _remove_items(self, table: dict, ids) -> None:
        for element_id in ids:
            item = table.pop(element_id, None)
            if item is not None:
                self.removeItem(item)

    # ----------------------------------------------------------------- following the model
    def _on_model_event(self, event: Event) -> None:
        handler = getattr(self, f"_on_{event.type}", None)
        if handler is not None:
            handler(event)
        if event.type in STRUCTURAL_EVENTS or not self._follow_geometry(event):
            self.relayout()
        self.annotations.follow(event)

    def _on_card_added(self, event: Event) -> None:
        self._add_card_item(event.card_id)

    def _on_card_removed(self, event: Event) -> None:
        self._remove_items(self.cards, [event.card_id])

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
        self._remove_items(self.stages, [event.stage_id])
        self._remove_items(self.cards, event.card_ids)
        self._remove_items(self.transitions, event.transition_ids)

    def _on_lane_removed(self, event: Event) -> None:
        self._remove_items(self.lanes, [event.lane_id])
        self._remove_items(self.cards, event.card_ids)
        self._remove_items(self.emotions, [event.lane_id])

    def _on_transition_added(self, event: Event) -> None:
        self._add_transition_item(event.transition_id)

    def _on_transition_removed(self, event: Event) -> None:
        self._remove_items(self.transitions, [event.transition_id])

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
        return self._keeper.layout

    def relayout(self) -> None:
        """Recompute the whole layout (after a structural edit: stages, lanes) and move/resize
        only the items whose rectangles changed."""
        self._keeper.rebuild(self.journey)
        layout = self.layout
        for card_id, item in self.cards.items():
            item.set_box(layout.cards[card_id])
        for stage_id, item in self.stages.items():
            self._set_stage_content(stage_id)
            item.set_rect(layout.stage_headers[stage_id])
        for lane_id, item in self.lanes.items():
            self._set_lane_content(lane_id)
            item.set_rect(layout.lane_headers[lane_id])
        self._update_transitions()
        self._update_emotion_curves()
        if self.filters.active():
            self.filters.apply_dimming()
        self.annotations.refresh()
        self._set_scene_rect()
        self.update()

    def _follow_geometry(self, event: Event) -> bool:
        """Update the layout and the items after an event confined to some cards or headers:
        only what it changed, so that an edit costs the same in a map of any size. False for an
        event this does not know (the caller then recomputes everything)."""
        kind, p = event.type, event.payload
        if kind in ("card_added", "card_removed"):
            place = CardPlace(p["stage_id"], p["lane_id"], p.get("index"))
            move = (p["card_id"], None, place) if kind == "card_added" else (p["card_id"], place, None)
            change = self._keeper.update(self.journey, moves=[move],
                                         cards=[p["card_id"]] if kind == "card_added" else ())
        elif kind == "card_moved":
            change = self._keeper.update(self.journey, moves=[(p["card_id"], p["old"], p["new"])])
        elif kind == "card_changed":
            change = self._keeper.update(self.journey, cards=[p["card_id"]])
        elif kind == "stage_changed":
            change = self._keeper.update(self.journey, stages=[p["stage_id"]])
            self._set_stage_content(p["stage_id"])
        elif kind == "lane_changed":
            change = self._keeper.update(self.journey, lanes=[p["lane_id"]])
            self._set_lane_content(p["lane_id"])
        elif kind in GEOMETRY_FREE_EVENTS:
            change = LayoutChange()
        else:
            return False
        self._apply_change(change, event)
        return True

    def _apply_change(self, change: LayoutChange, event: Event) -> None:
        layout = self.layout
        for card_id in change.cards:
            item = self.cards.get(card_id)
            if item is not None:
                item.set_box(layout.cards[card_id])
        self.annotations.cards_moved(change.cards)
        kind = event.type
        if kind == "map_changed" and "language" in event.fields:
            for lane_id in self.lanes:
                self._set_lane_content(lane_id)
        if kind.startswith("transition_"):
            self._update_transitions()
        if change.rows_moved:
            for lane_id, item in self.lanes.items():
                item.set_rect(layout.lane_headers[lane_id])
            self._set_scene_rect()
            self.update()  # the cells drawn in the background moved
        if change.rows_moved or kind.startswith(("stage_", "lane_", "segment_", "map_")):
            self._update_emotion_curves()
        if self.filters.active():  # a card edit can change only its card
            touched = change.cards | {event.card_id} if kind.startswith("card_") else None
            self.filters.apply_dimming(touched)

    def _set_stage_content(self, stage_id: str) -> None:
        self.stages[stage_id].set_content(self.journey.stage(stage_id),
                                          self.layout.stage_name_lines[stage_id],
                                          self.layout.stage_overview_lines[stage_id])

    def _set_lane_content(self, lane_id: str) -> None:
        lane = self.journey.lane(lane_id)
        self.lanes[lane_id].set_content(lane, self.layout.lane_name_lines[lane_id],
                                        LANE_KIND_LABELS[self._labels()][lane.kind])

    def _update_transitions(self) -> None:
        for transition_id, item in self.transitions.items():
            transition = self.journey.transition(transition_id)
            item.set_geometry(transition, transition_arc(self.layout, transition.source,
                                                         transition.target))

    def _set_scene_rect(self) -> None:
        self.setSceneRect(QRectF(-SCENE_MARGIN, -SCENE_MARGIN, self.layout.width + 2 * SCENE_MARGIN,
                                 self.layout.height + 2 * SCENE_MARGIN))

    def _update_emotion_curves(self) -> None:
        emotion_lanes = [lane.id for lane in self.journey.lanes() if lane.kind == LaneKind.EMOTION]
        self._remove_items(self.emotions, [i for i in self.emotions if i not in emotion_lanes])
        for lane_id in emotion_lanes:
            if lane_id not in self.emotions:
                self.emotions[lane_id] = EmotionCurveItem(lane_id)
                self.addItem(self.emotions[lane_id])
            self.emotions[lane_id].set_curves(self.layout.rows[lane_id],
                                              self.layout.lane_headers[lane_id].w,
                                              self._curves(lane_id))

    def _curves(self, lane_id: str) -> list[Curve]:
        everyone = Curve("", ALL_CUSTOMERS_LABELS[self._labels()], "",
                         emotion_points(self.layout, self.journey, lane_id))
        curves = [everyone] + [Curve(s.id, s.name, s.colour,
                                     emotion_points(self.layout, self.journey, lane_id, s.id))
                               for s in self.journey.segments()]
        for curve in curves:
            curve.visible = curve.segment_id not in self.hidden_curves
        return curves

    # ----------------------------------------------------------------- view filters (not saved)
    def set_curve_visible(self, segment_id: str, visible: bool) -> None:
        (self.hidden_curves.discard if visible else self.hidden_curves.add)(segment_id)
        self._update_emotion_curves()

    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:
        painter.fillRect(rect, QColor("#f4f5f7"))
        painter.setPen(QPen(QColor(GRID_LINE), 1))
        painter.setBrush(QColor(CELL_FILL))
        for cell in self.layout.cells.values():
            cell_rect = QRectF(cell.x, cell.y, cell.w, cell.h)
            if cell_rect.intersects(rect):
                painter.drawRect(cell_rect)
        self.interaction.draw_drop_indicator(painter)

    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:
        self.find_highlight.draw(painter, rect)

    # ----------------------------------------------------------------- Qt's events, to the interaction
    def mousePressEvent(self, event) -> None:
        self.interaction.mouse_press(event, super().mousePressEvent)

    def mouseMoveEvent(self, event) -> None:
        self.interaction.mouse_move(event, super().mouseMoveEvent)

    def mouseReleaseEvent(self, event) -> None:
        self.interaction.mouse_release(event, super().mouseReleaseEvent)

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
        selected = {getattr(item, "element_id", None) for item in self.selectedItems()}
        order = (list(self.journey.stage_ids()) + list(self.journey.lane_ids())
                 + list(self.journey.card_ids()) + [t.id for t in self.journey.transitions()])
        return [element_id for element_id in order if element_id in selected]

    def selected_card_ids(self) -> list[str]:
        return [i for i in self.selected_ids() if i in self.cards]

    def primary_selection(self) -> tuple[str, str] | None:
        focus = self.focusItem()
        if focus is not None and focus.isSelected() and hasattr(focus, "element_id"):
            return (focus.kind, focus.element_id)
        for element_id in self.selected_ids():
            return (self.item_for(element_id).kind, element_id)
        return None

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
        for item in self.cards.values():
            item.setSelected(True)
