"""The workshop's session state without Qt: the presentation's stage and spotlight, following the
facilitator, the timer kept by an injected clock, and the plain-data forms a live session sends
(malformed data from another peer is ignored, never trusted)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from editor.workshop.state import (
    FINISHED,
    IDLE,
    MAX_TIMER_S,
    PAUSED,
    REMOTE,
    RUNNING,
    FollowMode,
    PresentationState,
    TimerState,
    format_remaining,
)

ROOT = Path(__file__).resolve().parents[3]


class FakeClock:
    def __init__(self, now: float = 1000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def recorded(emitter) -> list:
    seen = []
    emitter.connect(seen.append)
    return seen


def test_the_state_module_loads_no_qt():
    probe = ("import sys, editor.workshop.state; "
             "leaked = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]; "
             "assert not leaked, leaked")
    result = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr


def test_presentation_steps_spotlights_and_says_so_once_per_change():
    state = PresentationState()
    events = recorded(state.events)
    state.start("s1")
    state.go_to_stage("s2")
    state.go_to_stage("s2")  # no change, no event
    state.spotlight("c9", "s3")
    assert (state.stage_id, state.spotlight_id) == ("s3", "c9")
    state.spotlight(None)
    assert (state.stage_id, state.spotlight_id) == ("s3", None)
    state.stop()
    assert [e.type for e in events] == ["presentation_started", "stage_changed", "spotlight_changed",
                                        "spotlight_changed", "presentation_stopped"]
    assert all(e.origin == "local" for e in events)


def test_presentation_data_round_trips_and_ignores_what_is_malformed():
    facilitator, participant = PresentationState(), PresentationState()
    facilitator.start("s1")
    facilitator.spotlight("c2", "s2")
    events = recorded(participant.events)
    participant.apply_data(facilitator.to_data())
    assert participant.to_data() == facilitator.to_data()
    assert {e.origin for e in events} == {REMOTE}
    for junk in (None, [], {"presenting": "yes", "stage": 5, "spotlight": {"x": 1}, "summons": True}):
        participant.apply_data(junk)
    assert participant.to_data() == facilitator.to_data()


def test_a_participant_follows_leaves_and_is_brought_back():
    leader, mine = PresentationState(), PresentationState()
    follow = FollowMode(leader, mine)
    changes = recorded(follow.events)
    leader.start("s1")
    leader.go_to_stage("s2")
    assert (mine.presenting, mine.stage_id) == (True, "s2")
    mine.go_to_stage("s4")  # the participant looks elsewhere: follow mode ends
    leader.go_to_stage("s3")
    assert (follow.following, mine.stage_id) == (False, "s4")
    leader.bring_everyone()  # "bring everyone to me"
    assert (follow.following, mine.stage_id) == (True, "s3")
    follow.leave()
    leader.spotlight("c1", "s3")
    assert mine.spotlight_id is None
    follow.rejoin()
    assert mine.spotlight_id == "c1"
    assert [e.following for e in changes] == [False, True, False, True]


def test_summons_travel_as_data_to_a_participant_who_left():
    facilitator = PresentationState()
    leader, mine = PresentationState(), PresentationState()
    follow = FollowMode(leader, mine)
    facilitator.start("s1")
    leader.apply_data(facilitator.to_data())
    follow.leave()
    facilitator.go_to_stage("s2")
    leader.apply_data(facilitator.to_data())
    assert mine.stage_id == "s1"
    facilitator.bring_everyone()
    leader.apply_data(facilitator.to_data())
    assert follow.following and mine.stage_id == "s2"


def test_the_timer_counts_by_the_clock_pauses_extends_and_finishes_once():
    clock = FakeClock()
    timer = TimerState(clock)
    events = recorded(timer.events)
    timer.start(300, "Silent brainstorming")
    clock.now += 61
    assert timer.remaining() == pytest.approx(239)
    timer.pause()
    clock.now += 500  # paused time does not count
    assert (timer.status, timer.remaining()) == (PAUSED, pytest.approx(239))
    timer.resume()
    timer.add(60)
    assert timer.remaining() == pytest.approx(299)
    clock.now += 298.5
    assert not timer.poll() and timer.status == RUNNING
    clock.now += 10  # however late the tick, the end is noticed once
    assert timer.poll() and not timer.poll()
    assert (timer.status, timer.remaining()) == (FINISHED, 0.0)
    clock.now += 3
    assert timer.since_end() == pytest.approx(3)
    timer.add(60)  # one more minute after the end
    assert (timer.status, timer.remaining()) == (RUNNING, pytest.approx(60))
    timer.stop()
    assert (timer.status, timer.remaining()) == (IDLE, 0.0)
    assert [e.type for e in events] == ["timer_started", "timer_paused", "timer_resumed",
                                        "timer_extended", "timer_finished", "timer_extended",
                                        "timer_stopped"]


def test_the_timer_refuses_no_time_and_caps_long_timeboxes():
    timer = TimerState(FakeClock())
    for bad in (0, -5, float("nan"), "5"):
        with pytest.raises(ValueError):
            timer.start(bad)
    assert timer.status == IDLE
    timer.start(10 ** 9)
    assert timer.remaining() == MAX_TIMER_S
    timer.add(3600)
    assert timer.remaining() == MAX_TIMER_S


def test_timer_data_carries_remaining_time_across_machines_with_other_clocks():
    facilitator_clock, participant_clock = FakeClock(50.0), FakeClock(9_000_000.0)
    wall = FakeClock(1_700_000_000.0)
    facilitator = TimerState(facilitator_clock, wall)
    participant = TimerState(participant_clock, wall)
    facilitator.start(600, "Discussion")
    facilitator_clock.now += 100
    data = facilitator.to_data()
    wall.now += 2  # two seconds on the way
    participant.apply_data(data)
    assert (participant.status, participant.label) == (RUNNING, "Discussion")
    assert participant.remaining() == pytest.approx(498)
    facilitator.pause()
    participant.apply_data(facilitator.to_data())
    participant_clock.now += 1000
    assert (participant.status, participant.remaining()) == (PAUSED, pytest.approx(500))
    wall.now -= 3600  # a clock far behind cannot add time
    facilitator.resume()
    participant.apply_data(facilitator.to_data())
    assert participant.remaining() == pytest.approx(500)
    for junk in ({"status": "exploded"}, None, {"status": RUNNING, "remaining": float("inf")}):
        participant.apply_data(junk)
    assert participant.remaining() <= MAX_TIMER_S


@pytest.mark.parametrize("seconds, shown", [(300, "05:00"), (299.2, "05:00"), (0.3, "00:01"),
                                            (0, "00:00"), (3725, "1:02:05"), (59.999, "01:00")])
def test_remaining_time_is_shown_rounded_up(seconds, shown):
    assert format_remaining(seconds) == shown
