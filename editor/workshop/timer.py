"""TimerController: the workshop's timebox on one window: start (a preset or a custom length),
pause and resume, add a minute, stop; the countdown overlay on the canvas; the end's signal.

The time is the TimerState's (editor.workshop.state), read from a monotonic clock; the QTimer
here only asks it to be redrawn (TICK_MS) and to notice the end, so a late tick shows the right
time. At the end the overlay turns red and flashes, and the system beeps once if Workshop →
Beep When Time Is Up is on (remembered, editor.settings). A live session shares the state with
``state.to_data()`` / ``state.apply_data()``, and every window shows it the same way. While a
live session's facilitator drives it (``led_by``, their name), this window's verbs do nothing
but dismiss the countdown once time is up: the facilitator's next change would undo them.
Imports: PySide6, editor (settings), editor.workshop (state, presets, timer_overlay).
"""
from __future__ import annotations

from PySide6.QtCore import QObject, QPoint, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMainWindow

from editor.settings import KEY_TIMER_BEEP
from editor.workshop.presets import TimerPreset, TimerPresets
from editor.workshop.state import FINISHED, IDLE, PAUSED, RUNNING, TimerState
from editor.workshop.timer_overlay import TimerOverlay

TICK_MS = 200  # redraws per second: the shown second changes within a fifth of a second
MINUTE = 60


class TimerController(QObject):
    changed = Signal()  # the status changed (the menu's entries follow it)
    menu_requested = Signal(QPoint)  # right-click on the overlay

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.state = TimerState()  # tests hand it a clock of their own: state.clock = ...
        self.state.events.connect(self._on_event)
        self.presets = TimerPresets(window.settings)
        self.overlay: TimerOverlay | None = None
        self.beeps = 0  # how many times it beeped (what a test can see of a beep)
        self._led_by = ""  # the live facilitator who drives this timer, if any
        self._status = self.state.status  # as of the last event: beep on running -> finished
        self._ticker = QTimer(self, interval=TICK_MS)
        self._ticker.timeout.connect(self.tick)

    # ----------------------------------------------------------------- who drives it
    @property
    def led_by(self) -> str:
        return self._led_by

    def set_led_by(self, name: str) -> None:
        """``name``: the live facilitator whose timer this window shows; "" gives it back."""
        if name != self._led_by:
            self._led_by = name
            self.changed.emit()

    # ----------------------------------------------------------------- verbs
    def start(self, seconds: float, label: str = "") -> None:
        if not self._led_by:
            self.state.start(seconds, label)

    def start_preset(self, preset: TimerPreset) -> None:
        self.start(preset.seconds, preset.label)

    def pause_or_resume(self) -> None:
        if not self._led_by:
            self.state.toggle_pause()

    def add_minute(self) -> None:
        if not self._led_by:
            self.state.add(MINUTE)

    def stop(self) -> None:
        if not self._led_by or self.state.status == FINISHED:  # dismissing is one's own
            self.state.stop()

    def overlay_clicked(self) -> None:
        """A click on the countdown: dismiss it when time is up, else pause or resume."""
        self.stop() if self.state.status == FINISHED else self.pause_or_resume()

    def beep_enabled(self) -> bool:
        value = self.window.settings.value(KEY_TIMER_BEEP)
        if value is None or value == "":
            return True  # on until switched off
        return str(value).strip().lower() in ("1", "true", "yes", "on")

    def set_beep_enabled(self, on: bool) -> None:
        self.window.settings.setValue(KEY_TIMER_BEEP, bool(on))

    # ----------------------------------------------------------------- time passing
    def is_ticking(self) -> bool:
        return self._ticker.isActive()

    def tick(self) -> None:
        """Notice the end, redraw; stop ticking once nothing on screen changes any more."""
        self.state.poll()
        if self.overlay is not None:
            self.overlay.refresh()
        still = self.state.status in (IDLE, PAUSED)
        flashing = self.overlay is not None and self.overlay.flashing()
        if still or (self.state.status == FINISHED and not flashing):
            self._ticker.stop()

    def _on_event(self, event) -> None:
        ended = self._status == RUNNING and self.state.status == FINISHED  # here, or the leader's
        self._status = self.state.status
        if ended and self.beep_enabled():
            self.beeps += 1
            QApplication.beep()
        self._ensure_overlay()
        if self.state.status in (RUNNING, FINISHED) and not self._ticker.isActive():
            self._ticker.start()
        if self.overlay is not None:
            self.overlay.refresh()
        self.changed.emit()

    def _ensure_overlay(self) -> None:
        view = self.window.view
        if view is None or (self.overlay is not None and self.overlay.view is view):
            return
        self.overlay = TimerOverlay(view, self.state)
        self.overlay.clicked.connect(self.overlay_clicked)
        self.overlay.menu_requested.connect(self.menu_requested)

    def raise_overlay(self) -> None:
        if self.overlay is not None and self.overlay.isVisible():
            self.overlay.place()
