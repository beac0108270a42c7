"""The workshop's session state, Qt-free: what the presentation shows and where the timebox stands.

Two small objects, each with an EventEmitter (model.journey.events) and a plain-data form, so that
a live session can later share them the way it shares presence: ``PresentationState`` (presenting
or not, the current stage, the spotlighted card, a "bring everyone to me" counter) and
``TimerState`` (idle, running, paused or finished; label, end time or remaining seconds).
``FollowMode`` keeps a participant's view on the facilitator's until the participant leaves it.
Session state, not document data: never saved in the map, never undone. The Qt side
(editor.workshop.presenter, editor.workshop.timer) draws them. docs/workshop.md says what is shared.
Imports: the standard library and model (EventEmitter) only; no Qt (a test checks it).
"""
from __future__ import annotations

import math
import time
from collections.abc import Callable, Mapping
from typing import Any

from model import EventEmitter

LOCAL, REMOTE = "local", "remote"  # an event's origin: the live layer re-sends only local changes
# A change the program made, not the person: the presentation giving way to a removed stage's
# neighbour. Sent like a local change, but it does not take a participant out of follow mode.
AUTO = "auto"
IDLE, RUNNING, PAUSED, FINISHED = "idle", "running", "paused", "finished"
MAX_TIMER_S = 10 * 3600  # a timebox, not a stopwatch: longer input is cut to this
MAX_LABEL = 80
MAX_ID = 200


def _clean_id(value: Any) -> str | None:
    return value[:MAX_ID] if isinstance(value, str) and value else None


def _clean_seconds(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        return None
    return min(max(float(value), 0.0), float(MAX_TIMER_S))


class PresentationState:
    """What the presentation shows: ids, not indexes, so a stage moved by someone else keeps its
    place. Events: ``presentation_started``, ``presentation_stopped``, ``stage_changed``,
    ``spotlight_changed``, ``summoned``; each carries ``origin`` (LOCAL or REMOTE)."""

    def __init__(self) -> None:
        self.events = EventEmitter()
        self.presenting = False
        self.stage_id: str | None = None
        self.spotlight_id: str | None = None
        self.summons = 0  # how many times the facilitator pressed "bring everyone to me"

    def start(self, stage_id: str | None, origin: str = LOCAL) -> None:
        self.presenting, self.stage_id, self.spotlight_id = True, stage_id, None
        self.events.emit("presentation_started", stage_id=stage_id, origin=origin)

    def stop(self, origin: str = LOCAL) -> None:
        if self.presenting:
            self.presenting, self.spotlight_id = False, None
            self.events.emit("presentation_stopped", origin=origin)

    def go_to_stage(self, stage_id: str | None, origin: str = LOCAL) -> None:
        """Show ``stage_id``; a spotlight ends (the stage is what is shown now)."""
        if stage_id == self.stage_id and self.spotlight_id is None:
            return
        self.stage_id, self.spotlight_id = stage_id, None
        self.events.emit("stage_changed", stage_id=stage_id, origin=origin)

    def spotlight(self, card_id: str | None, stage_id: str | None = None, origin: str = LOCAL) -> None:
        """Spotlight a card (None: back to its stage); ``stage_id`` is the card's stage, which
        becomes the current stage, so leaving the spotlight returns there."""
        if stage_id is not None:
            self.stage_id = stage_id
        if card_id == self.spotlight_id:
            return
        self.spotlight_id = card_id
        self.events.emit("spotlight_changed", card_id=card_id, stage_id=self.stage_id, origin=origin)

    def bring_everyone(self) -> None:
        """The facilitator asks every participant to follow again, even those who left."""
        self.summons += 1
        self.events.emit("summoned", summons=self.summons, origin=LOCAL)

    # ----------------------------------------------------------------- the shared form
    def to_data(self) -> dict[str, Any]:
        return {"presenting": self.presenting, "stage": self.stage_id,
                "spotlight": self.spotlight_id, "summons": self.summons}

    def apply_data(self, data: Mapping[str, Any], origin: str = REMOTE) -> None:
        """Take another peer's ``to_data()``: malformed fields are ignored, never trusted; one
        event per field that changed, so views redraw only what moved."""
        if not isinstance(data, Mapping):
            return
        presenting = data.get("presenting")
        stage, spotlight = _clean_id(data.get("stage")), _clean_id(data.get("spotlight"))
        if presenting is True and not self.presenting:
            self.start(stage, origin)
        elif presenting is False:
            self.stop(origin)
        spotlight_ok = spotlight is not None or data.get("spotlight") is None
        if self.presenting and stage is not None and spotlight_ok:
            if spotlight is not None:
                self.spotlight(spotlight, stage, origin)
            else:
                self.go_to_stage(stage, origin)
        summons = data.get("summons")
        if isinstance(summons, int) and not isinstance(summons, bool) and summons > self.summons:
            self.summons = summons
            self.events.emit("summoned", summons=summons, origin=origin)


class FollowMode:
    """A participant's view (``mine``) follows the facilitator's (``leader``, fed by the live
    layer) until the participant leaves follow mode, by ``leave()`` or by navigating on their own;
    ``rejoin()``, the facilitator's next "bring everyone to me", or the facilitator starting a new
    presentation brings them back. ``close()`` unhooks it from both states.
    Event on ``events``: ``follow_changed`` (following: bool)."""

    def __init__(self, leader: PresentationState, mine: PresentationState) -> None:
        self.leader, self.mine = leader, mine
        self.events = EventEmitter()
        self.following = True
        self._copying = False
        leader.events.connect(self._on_leader)
        mine.events.connect(self._on_mine)

    def leave(self) -> None:
        self._set_following(False)

    def rejoin(self) -> None:
        self._set_following(True)
        self._copy()

    def close(self) -> None:
        self.leader.events.disconnect(self._on_leader)
        self.mine.events.disconnect(self._on_mine)

    def _on_leader(self, event) -> None:
        if event.type in ("summoned", "presentation_started"):
            self.rejoin()
        elif self.following:
            self._copy()

    def _on_mine(self, event) -> None:
        if self._copying or event.origin != LOCAL or event.type == "summoned":
            return
        if event.type == "presentation_started":
            if self.following and self.leader.presenting:
                self._copy()  # a participant who starts presenting joins the facilitator
        else:
            self._set_following(False)  # the participant looks elsewhere on purpose

    def _copy(self) -> None:
        self._copying = True
        try:
            data = self.leader.to_data()
            data["summons"] = self.mine.summons  # the counter is the leader's, not the view's
            self.mine.apply_data(data, origin=REMOTE)
        finally:
            self._copying = False

    def _set_following(self, following: bool) -> None:
        if following != self.following:
            self.following = following
            self.events.emit("follow_changed", following=following)


class TimerState:
    """A countdown kept by a monotonic clock (``clock``, injectable), never by counting ticks:
    a late or skipped tick cannot make it run slow. Events: ``timer_started``, ``timer_paused``,
    ``timer_resumed``, ``timer_extended``, ``timer_stopped``, ``timer_finished`` (once, from
    ``poll``), ``timer_synced`` (apply_data); each carries ``origin``."""

    def __init__(self, clock: Callable[[], float] = time.monotonic,
                 wall_clock: Callable[[], float] = time.time) -> None:
        self.clock, self.wall_clock = clock, wall_clock
        self.events = EventEmitter()
        self.status = IDLE
        self.label = ""
        self.duration = 0.0  # seconds the timebox was given, minutes added included
        self.ends_at: float | None = None  # clock time of the end while running
        self._remaining = 0.0  # while paused (and 0 when finished)
        self.finished_at: float | None = None  # clock time the end was noticed (the flashing)

    def remaining(self) -> float:
        if self.status == RUNNING:
            return max(0.0, self.ends_at - self.clock())
        return self._remaining if self.status == PAUSED else 0.0

    def start(self, seconds: float, label: str = "", origin: str = LOCAL) -> None:
        seconds = _clean_seconds(seconds)
        if not seconds:
            raise ValueError(f"a timer needs a positive number of seconds, not {seconds!r}")
        self.label, self.duration = str(label)[:MAX_LABEL], seconds
        self._run(seconds)
        self.events.emit("timer_started", seconds=seconds, label=self.label, origin=origin)

    def pause(self, origin: str = LOCAL) -> None:
        if self.status == RUNNING:
            self._remaining, self.status, self.ends_at = self.remaining(), PAUSED, None
            self.events.emit("timer_paused", remaining=self._remaining, origin=origin)

    def resume(self, origin: str = LOCAL) -> None:
        if self.status == PAUSED:
            self._run(self._remaining)
            self.events.emit("timer_resumed", remaining=self.remaining(), origin=origin)

    def toggle_pause(self) -> None:
        self.resume() if self.status == PAUSED else self.pause()

    def add(self, seconds: float = 60, origin: str = LOCAL) -> None:
        """More time; after the end, the timer runs again for ``seconds``."""
        if self.status == IDLE:
            return
        seconds = min(seconds, MAX_TIMER_S - self.remaining())
        self.duration = min(self.duration + seconds, MAX_TIMER_S)
        if self.status == RUNNING:
            self.ends_at += seconds
        elif self.status == PAUSED:
            self._remaining += seconds
        else:
            self._run(seconds)
        self.events.emit("timer_extended", seconds=seconds, remaining=self.remaining(), origin=origin)

    def stop(self, origin: str = LOCAL) -> None:
        if self.status != IDLE:
            self.status, self.ends_at, self._remaining, self.finished_at = IDLE, None, 0.0, None
            self.events.emit("timer_stopped", origin=origin)

    def poll(self) -> bool:
        """Notice the end (the Qt side calls this on each tick); True once, when it ends."""
        if self.status == RUNNING and self.clock() >= self.ends_at:
            self.status, self.ends_at, self._remaining = FINISHED, None, 0.0
            self.finished_at = self.clock()
            self.events.emit("timer_finished", label=self.label, origin=LOCAL)
            return True
        return False

    def since_end(self) -> float:
        return self.clock() - self.finished_at if self.status == FINISHED else 0.0

    def _run(self, seconds: float) -> None:
        self.status, self.ends_at, self._remaining = RUNNING, self.clock() + seconds, 0.0
        self.finished_at = None

    # ----------------------------------------------------------------- the shared form
    def to_data(self) -> dict[str, Any]:
        """Remaining seconds as of now, with the sender's wall clock: monotonic clocks of two
        machines share no origin, so a receiver counts on from its own clock (apply_data)."""
        return {"status": self.status, "label": self.label, "duration": self.duration,
                "remaining": self.remaining(), "sent_at": self.wall_clock()}

    def apply_data(self, data: Mapping[str, Any], origin: str = REMOTE) -> None:
        """Take another peer's ``to_data()``. The time the message travelled (by the wall clocks,
        cut to [0, remaining] so a skewed clock cannot add time) is taken off."""
        if not isinstance(data, Mapping) or data.get("status") not in (IDLE, RUNNING, PAUSED, FINISHED):
            return
        remaining = _clean_seconds(data.get("remaining")) or 0.0
        sent_at = _clean_seconds_wall(data.get("sent_at"))
        if data["status"] == RUNNING and sent_at is not None:
            remaining -= min(max(self.wall_clock() - sent_at, 0.0), remaining)
        label = data.get("label")
        self.label = label[:MAX_LABEL] if isinstance(label, str) else ""
        self.duration = _clean_seconds(data.get("duration")) or remaining
        was_finished = self.status == FINISHED
        self.status, self._remaining, self.ends_at = data["status"], 0.0, None
        if self.status == RUNNING:
            self._run(remaining)
        elif self.status == PAUSED:
            self._remaining = remaining
        if not (was_finished and self.status == FINISHED):  # an end noticed here stays put
            self.finished_at = self.clock() if self.status == FINISHED else None
        self.events.emit("timer_synced", status=self.status, origin=origin)


def _clean_seconds_wall(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        return None
    return float(value)


def format_remaining(seconds: float) -> str:
    """"mm:ss" (or "h:mm:ss"), rounded up: a timer shows 00:01 until the very end, as a kitchen
    timer does, and 05:00 for its whole first second."""
    whole = max(0, math.ceil(seconds - 1e-9))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"
