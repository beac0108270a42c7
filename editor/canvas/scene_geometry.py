"""SceneGeometry: where the scene's items sit, kept up to date after each edit at the cost of what
the edit changed.

A collaborator of JourneyScene (``scene.geometry``). Geometry comes from model.layout.grid through
model.layout.keeper, which after a card or header edit recomputes only what the edit changed, and
is applied only to the items whose rectangle changed. Card events (added, removed, moved, changed)
are not followed one by one: they wait until the end of the user's step (the undo stack's
``indexChanged``: a push, a macro's end, an undo, a redo), until someone reads the layout, until
another kind of event, or until the end of the event loop's turn, whichever comes first; then the
keeper follows them all at once, placing again only the cards near each change (its blocks:
model.layout.card_boxes), and the card chunks take in what came and went; the rest of a cell
moves whole, and the links of moved cards follow when they show (editor.canvas.annotations).
Structural events (stages, lanes) recompute everything.
Imports: PySide6, model, editor.canvas (items, emotion_item).
"""
from __future__ import annotations

from PySide6.QtCore import QRectF, QTimer

from editor.canvas.emotion_item import Curve, EmotionCurveItem
from editor.canvas.transition_item import LABEL_HEIGHT, label_box_width
from model import Event, LaneKind
from model.bulk import gc_paused
from model.journey.workshop import GEOMETRY_FREE_EVENTS as WORKSHOP_GEOMETRY_FREE_EVENTS
from model.layout.appearance import ALL_CUSTOMERS_LABELS, LANE_KIND_LABELS
from model.layout.arcs import place_shrinking_labels
from model.layout.grid import MapLayout, emotion_points, transition_arc
from model.layout.keeper import LayoutChange, LayoutKeeper, card_updates

SCENE_MARGIN = 40
BELOW = 1e9  # "to the bottom of the map, however it grew or shrank"
# Events after which every row and column may move: the whole layout is recomputed.
STRUCTURAL_EVENTS = {"stage_added", "stage_removed", "stage_moved", "lane_added", "lane_removed",
                     "lane_moved"}
# Events that change no geometry at all (their handlers refresh what they show).
GEOMETRY_FREE_EVENTS = {"map_changed", "segment_added", "segment_removed", "segment_changed",
                        "path_added", "path_removed", "path_changed", "link_added", "link_removed",
                        "transition_added", "transition_removed", "transition_changed",
                        *WORKSHOP_GEOMETRY_FREE_EVENTS}
CARD_EVENTS = {"card_added", "card_removed", "card_moved", "card_changed"}


class SceneGeometry:
    def __init__(self, scene) -> None:
        self.scene = scene
        self.keeper = LayoutKeeper(scene.sizer)
        self._pending: list[Event] = []  # card events not followed yet
        self._timer = QTimer(scene, singleShot=True, interval=0)
        self._timer.timeout.connect(self.flush)
        self._stack = scene.controller.undo_stack
        try:
            self._stack.indexChanged.connect(self.end_of_step)
        except RuntimeError:  # a scene without its document (a picture): the timer will do
            self._stack = None

    def detach(self) -> None:
        self._timer.stop()
        if self._stack is not None:
            try:
                self._stack.indexChanged.disconnect(self.end_of_step)
            except RuntimeError:  # the document went first
                pass
            self._stack = None

    @property
    def layout(self) -> MapLayout:
        self.flush()
        return self.keeper.layout

    # ----------------------------------------------------------------- following events
    def follow(self, event: Event) -> None:
        if event.type in CARD_EVENTS:
            self._pending.append(event)
            if not self._timer.isActive():
                self._timer.start()
            return
        self.flush()  # what came before it first
        if event.type in STRUCTURAL_EVENTS:
            self.relayout()
        elif event.type in GEOMETRY_FREE_EVENTS:
            self._apply_change(LayoutChange(), [event])
        elif event.type in ("stage_changed", "lane_changed"):
            self._follow_header(event)
        else:
            self.relayout()  # an event this does not know

    def end_of_step(self) -> None:
        """The undo stack finished a step (a push, a macro, an undo, a redo)."""
        self.flush()
        self.scene.selection.announce()

    def flush(self) -> None:
        """Follow the card events that came since the last flush, all at once."""
        if not self._pending:
            return
        events, self._pending = self._pending, []
        moves, cards = card_updates(events)
        with gc_paused():
            change = self.keeper.update(self.scene.journey, moves=moves, cards=cards)
            self._apply_change(change, events)

    def _follow_header(self, event: Event) -> None:
        if event.type == "stage_changed":
            change = self.keeper.update(self.scene.journey, stages=[event.stage_id])
            self.set_stage_content(event.stage_id)
        else:
            change = self.keeper.update(self.scene.journey, lanes=[event.lane_id])
            self.set_lane_content(event.lane_id)
        self._apply_change(change, [event])

    # ----------------------------------------------------------------- applying a layout
    def relayout(self) -> None:
        """Recompute the whole layout (after a structural edit: stages, lanes) and move/resize
        only the items whose rectangles changed."""
        self._pending.clear()  # the whole layout covers them
        scene = self.scene
        self.keeper.rebuild(scene.journey)
        layout, keeper = self.keeper.layout, self.keeper
        for lane_id, row in layout.rows.items():
            scene.chunks.move_row(lane_id, row.y)
        for cell in set(layout.cells) | set(scene.chunks.cells()):
            scene.chunks.sync(cell, keeper.cell_cards(cell), keeper.boxes, scene.cards.keys())
        for stage_id, item in scene.stages.items():
            self.set_stage_content(stage_id)
            item.set_rect(layout.stage_headers[stage_id])
        for lane_id, item in scene.lanes.items():
            self.set_lane_content(lane_id)
            item.set_rect(layout.lane_headers[lane_id])
        self._update_transitions()
        self.update_emotion_curves()
        if scene.filters.active():
            scene.filters.apply_dimming()
        scene.annotations.refresh()
        self._set_scene_rect()
        scene.update()

    def _apply_change(self, change: LayoutChange, events: list[Event]) -> None:
        scene, layout, keeper = self.scene, self.keeper.layout, self.keeper
        # Chunks follow what came into their cells and went; the rest of a cell just moves.
        scene.chunks.follow({cell: keeper.cell_cards(cell) for cell in change.moved_from
                             if cell not in change.broken},
                            change.came, change.went, keeper.boxes, change.resized)
        for cell in change.broken:  # read again by the keeper: followed anew
            scene.chunks.sync(cell, keeper.cell_cards(cell), keeper.boxes, change.resized)
        shifts = {lane_id: scene.chunks.move_row(lane_id, layout.rows[lane_id].y)
                  for lane_id in change.moved_rows}  # their cards' boxes are unchanged
        scene.annotations.cards_moved(self._moved_cards(change), shifts)
        kinds = {event.type for event in events}
        if any(e.type == "map_changed" and "language" in e.fields for e in events):
            for lane_id in scene.lanes:
                self.set_lane_content(lane_id)
        if any(kind.startswith("transition_") for kind in kinds):
            self._update_transitions()
        if change.rows_moved:
            for lane_id, item in scene.lanes.items():
                item.set_rect(layout.lane_headers[lane_id])
            self._set_scene_rect()
            # The cells drawn in the background moved, below the row that changed height only
            # (a drop near the top of a long row repaints no cell in view).
            scene.update(QRectF(-SCENE_MARGIN, change.rows_from - 1, layout.width + 2 * SCENE_MARGIN,
                                BELOW))
        if change.rows_moved or any(k.startswith(("stage_", "lane_", "segment_", "map_"))
                                    for k in kinds):
            self.update_emotion_curves()
        if scene.filters.active():  # a card edit can change only its card
            cards_only = kinds <= CARD_EVENTS
            touched = change.cards | {e.card_id for e in events} if cards_only else None
            scene.filters.apply_dimming(touched)

    def _moved_cards(self, change: LayoutChange):
        """The cards whose place may have changed: those placed again, and in each cell touched
        the cards from the first change on (blocks below a change move whole, so they are not
        in ``change.cards``; their ids are only read, to find their links)."""
        yield from change.cards
        for cell, first in change.moved_from.items():
            yield from self.keeper.cell_cards(cell)[first:]

    def set_stage_content(self, stage_id: str) -> None:
        layout, journey = self.keeper.layout, self.scene.journey
        self.scene.stages[stage_id].set_content(journey.stage(stage_id),
                                                layout.stage_name_lines[stage_id],
                                                layout.stage_overview_lines[stage_id])

    def set_lane_content(self, lane_id: str) -> None:
        lane = self.scene.journey.lane(lane_id)
        self.scene.lanes[lane_id].set_content(lane, self.keeper.layout.lane_name_lines[lane_id],
                                              LANE_KIND_LABELS[self.scene.labels()][lane.kind])

    def _update_transitions(self) -> None:
        """Every arc, then one placement of all their labels (model.layout.arcs, as the PDF
        poster places them), so no label sits on another or under another arc; a crowded
        label is given less room and cut with "…"."""
        items = self.scene.transitions
        arcs = {}
        for transition_id in items:
            transition = self.scene.journey.transition(transition_id)
            arcs[transition_id] = (transition, transition_arc(self.keeper.layout,
                                                              transition.source, transition.target))
        placed = place_shrinking_labels(
            {key: arc for key, (_, arc) in arcs.items()},
            lambda key, room: label_box_width(arcs[key][0], room), LABEL_HEIGHT)
        for key, (transition, arc) in arcs.items():
            label = placed.get(key)
            items[key].set_geometry(transition, arc, (label.center, label.rect.w) if label else None)

    def _set_scene_rect(self) -> None:
        layout = self.keeper.layout
        self.scene.setSceneRect(QRectF(-SCENE_MARGIN, -SCENE_MARGIN,
                                       layout.width + 2 * SCENE_MARGIN,
                                       layout.height + 2 * SCENE_MARGIN))

    def update_emotion_curves(self) -> None:
        scene, layout = self.scene, self.keeper.layout
        emotion_lanes = [lane.id for lane in scene.journey.lanes() if lane.kind == LaneKind.EMOTION]
        scene.remove_items(scene.emotions, [i for i in scene.emotions if i not in emotion_lanes])
        for lane_id in emotion_lanes:
            if lane_id not in scene.emotions:
                scene.emotions[lane_id] = EmotionCurveItem(lane_id)
                scene.addItem(scene.emotions[lane_id])
            scene.emotions[lane_id].set_curves(layout.rows[lane_id],
                                               layout.lane_headers[lane_id].w,
                                               self._curves(lane_id))

    def _curves(self, lane_id: str) -> list[Curve]:
        scene, layout = self.scene, self.keeper.layout
        everyone = Curve("", ALL_CUSTOMERS_LABELS[scene.labels()], "",
                         emotion_points(layout, scene.journey, lane_id))
        curves = [everyone] + [Curve(s.id, s.name, s.colour,
                                     emotion_points(layout, scene.journey, lane_id, s.id))
                               for s in scene.journey.segments()]
        for curve in curves:
            curve.visible = curve.segment_id not in scene.hidden_curves
        return curves
