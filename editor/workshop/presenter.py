"""PresentationController: presentation mode (F5 enters, Esc leaves) on one window's canvas.

Entering takes a snapshot of the window (editor.workshop.snapshot), hides the docks, toolbars,
menu and status bars, turns the frozen headers, legend and scroll bars off and fills the chosen
screen (editor.workshop.screens). The PresentationState (editor.workshop.state) is the truth:
the controller changes it (next stage, spotlight) and draws whatever it says, whoever changed it,
so a live session's "bring everyone to me" moves this view the same way a key press does. Keys
and clicks come through editor.workshop.presenter_input; the camera maths is in
editor.workshop.camera, the dimming and the indicator in editor.workshop.overlays.
Nothing is edited while presenting: no drags, no in-place editing, no edit shortcuts.
Imports: PySide6, editor.workshop (state, camera, geometry, overlays, screens, snapshot,
presenter_input).
"""
from __future__ import annotations

from PySide6.QtCore import QObject, QRectF, QSizeF, Qt, QTimer, Signal
from PySide6.QtWidgets import QDockWidget, QMainWindow, QToolBar

from editor.workshop import geometry
from editor.workshop.camera import aim, card_shot, room_around, stage_shot
from editor.workshop.overlays import StageIndicator, Veil
from editor.workshop.presenter_input import PresentationInput
from editor.workshop.screens import presentation_screen, show_full_screen_on
from editor.workshop.snapshot import WindowSnapshot
from editor.workshop.state import AUTO, LOCAL, REMOTE, PresentationState


class PresentationController(QObject):
    active_changed = Signal(bool)

    def __init__(self, window: QMainWindow, extra_keys: dict | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.state = PresentationState()
        self.state.events.connect(self._on_state_event)
        self.input = PresentationInput(self, extra_keys or {})
        self._snapshot: WindowSnapshot | None = None
        self.view = self.scene = None
        self._stage_index = 0  # of the stage shown last, for when it is removed meanwhile
        self._unaimed = False  # the state named a stage or card not (yet) in the map
        self.veil: Veil | None = None
        self.indicator: StageIndicator | None = None
        # Map edits (a live participant's) arrive in bursts: one redraw per burst.
        self._redraw = QTimer(self, singleShot=True, interval=0)
        self._redraw.timeout.connect(self._follow_map)
        self._reaim = QTimer(self, singleShot=True, interval=0)
        self._reaim.timeout.connect(lambda: self.show_focus() if self.is_active() else None)

    def is_active(self) -> bool:
        return self._snapshot is not None

    def toggle(self) -> None:
        self.leave() if self.is_active() else self.enter()

    # ----------------------------------------------------------------- entering and leaving
    def enter(self, keep_state: bool = False) -> bool:
        """Present; at the stage of the selection, else the first, or (``keep_state``, when a
        live session's facilitator started presenting) where the state already is."""
        window, view = self.window, self.window.view
        if self.is_active() or window.document is None or view is None or view.scene() is None:
            return False
        if not view.scene().journey.stage_ids():
            window.statusBar().showMessage(self.tr("Nothing to present: the map has no stages."), 5000)
            return False
        self._snapshot = WindowSnapshot.take(window, view)
        self.view, self.scene = view, view.scene()
        self._make_overlays(view)
        self._hide_chrome()
        first = self._starting_stage()
        self.scene.clearSelection()
        view.frozen.set_enabled(False)  # they would cover the stage; the veil names the lanes
        view.legend.hide()
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        show_full_screen_on(window, presentation_screen(window.settings, window.screen()))
        self.input.install(view)
        self.scene.journey.events.connect(self._on_map_event)
        self.veil.cover()
        self.indicator.show()
        self.show_focus() if keep_state else self.state.start(first)
        view.setFocus()
        self.active_changed.emit(True)
        return True

    def leave(self, origin: str = LOCAL) -> None:
        """Back to the window as it was; ``origin`` AUTO when the map, not the person, ended it."""
        if not self.is_active():
            return
        snapshot, view = self._snapshot, self.view
        self._snapshot = None
        self.input.remove()
        self.scene.journey.events.disconnect(self._on_map_event)
        self.veil.hide()
        self.indicator.hide()
        snapshot.restore(self.window, view)
        self.window.canvas_options.apply(view)  # frozen headers and legend as the View menu says
        self.view = self.scene = None
        self.state.stop(origin)
        view.setFocus()
        self.active_changed.emit(False)

    def _make_overlays(self, view) -> None:
        if self.veil is None or self.veil.view is not view:
            self.veil, self.indicator = Veil(view), StageIndicator(view)
            self.veil.focus = self.focus_rect
            self.veil.rows = lambda: geometry.lane_rows(self.scene) if self.scene else []

    def _hide_chrome(self) -> None:
        window = self.window
        for bar in window.findChildren(QToolBar) + window.findChildren(QDockWidget):
            if bar.parent() is window:
                bar.hide()
        window.menuBar().hide()
        window.statusBar().hide()

    def _starting_stage(self) -> str:
        """The stage of the selected card or stage, else the first."""
        journey = self.scene.journey
        for element_id in self.scene.selected_ids():
            kind = journey.element_type(element_id)
            if kind == "stage":
                return element_id
            if kind == "card":
                return journey.card_place(element_id).stage
        return journey.stage_ids()[0]

    # ----------------------------------------------------------------- verbs (keys, clicks, menus)
    def stage_ids(self) -> tuple[str, ...]:
        return self.scene.journey.stage_ids() if self.scene is not None else ()

    def step(self, delta: int) -> None:
        stages = self.stage_ids()
        if not stages:
            return
        current = stages.index(self.state.stage_id) if self.state.stage_id in stages else 0
        self.state.go_to_stage(stages[max(0, min(len(stages) - 1, current + delta))])

    def go_to_end(self, last: bool) -> None:
        stages = self.stage_ids()
        if stages:
            self.state.go_to_stage(stages[-1] if last else stages[0])

    def back(self) -> None:
        """Esc: from a spotlight back to its stage, else out of presentation mode."""
        if self.state.spotlight_id is not None:
            self.state.spotlight(None)
        else:
            self.leave()

    def click(self, scene_point) -> None:
        """A card spotlights; empty space ends a spotlight; another stage's column goes there."""
        card = geometry.card_at(self.scene, scene_point)
        if card is not None:
            self.state.spotlight(card, geometry.stage_of(self.scene, card))
        elif self.state.spotlight_id is not None:
            self.state.spotlight(None)
        else:
            stage = geometry.stage_at(self.scene, scene_point)
            if stage is not None:
                self.state.go_to_stage(stage)

    def scroll(self, pages: float) -> None:
        bar = self.view.verticalScrollBar()
        bar.setValue(bar.value() + round(pages * self.view.viewport().height()))

    # ----------------------------------------------------------------- drawing what the state says
    def focus_rect(self):
        if self.scene is None:
            return QRectF()
        if self.state.spotlight_id is not None:
            return geometry.card_rect(self.scene, self.state.spotlight_id)
        return geometry.stage_rect(self.scene, self.state.stage_id)

    def _on_state_event(self, event) -> None:
        """Draw what the state says, whoever changed it: a key here, or a live session's
        facilitator (origin "remote"), who also starts and stops the presentation."""
        if self.is_active() and event.type in ("stage_changed", "spotlight_changed",
                                               "presentation_started"):
            self.show_focus()
        elif event.type == "presentation_started" and event.origin == REMOTE:
            self.enter(keep_state=True)
        elif event.type == "presentation_stopped" and self.is_active():
            self.leave()

    def show_focus(self) -> None:
        """Zoom and centre on the stage or the spotlighted card; dim the rest; say where we are."""
        view, focus = self.view, self.focus_rect()
        self._unaimed = view is not None and focus.isEmpty()
        if view is None or focus.isEmpty():
            return  # a live facilitator's new stage may come just before the map has it
        screen = QSizeF(view.viewport().size())
        spotlight = self.state.spotlight_id is not None
        zoom, centre = (card_shot if spotlight else stage_shot)(screen, focus)
        view.setSceneRect(room_around(self.scene.sceneRect(), screen, zoom))
        aim(view, zoom, centre)
        self.veil.spotlight = spotlight
        self.veil.cover()
        stages = self.stage_ids()
        self._stage_index = stages.index(self.state.stage_id) if self.state.stage_id in stages else 0
        self.indicator.set_text(self.indicator_text())

    def indicator_text(self) -> str:
        stages = self.stage_ids()
        stage = self.state.stage_id
        if stage not in stages:
            return ""
        name = self.scene.journey.stage(stage).name
        return (self.tr("Stage %1 of %2").replace("%1", str(stages.index(stage) + 1))
                .replace("%2", str(len(stages))) + (f" · {name}" if name else ""))

    def viewport_resized(self) -> None:
        """The window reached full screen (or the screen changed): aim again at the new size,
        once the view has taken the new size in (resizes come in bursts)."""
        if self.is_active():
            self._reaim.start()

    # ----------------------------------------------------------------- the map changing meanwhile
    def _on_map_event(self, _event) -> None:
        self._redraw.start()

    def _follow_map(self) -> None:
        """After edits (a live participant's): a removed stage gives way to its neighbour, a
        removed card ends its spotlight; the veil and indicator follow moved geometry."""
        if not self.is_active():
            return
        if self.view.scene() is not self.scene:
            self.leave(AUTO)
            return
        journey, state = self.scene.journey, self.state
        stages = journey.stage_ids()
        if not stages:
            self.leave(AUTO)
            return
        if state.stage_id not in stages:  # its neighbour takes its place, as on the canvas
            state.go_to_stage(stages[min(self._stage_index, len(stages) - 1)], AUTO)
        elif state.spotlight_id is not None and not journey.has(state.spotlight_id):
            state.spotlight(None, origin=AUTO)
        elif self._unaimed:
            self.show_focus()  # what the state named has arrived
        self.veil.update()
        self.indicator.set_text(self.indicator_text())
