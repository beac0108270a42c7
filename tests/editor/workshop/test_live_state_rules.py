"""The rules the live workshop adds to the Qt-free state: a change the program makes (AUTO: a
removed stage's neighbour) does not take a participant out of follow mode; a new presentation
brings everyone back; a closed FollowMode copies nothing; an end already noticed here is not
moved by the facilitator's "finished"."""
from __future__ import annotations

import pytest

from editor.workshop.state import AUTO, FINISHED, FollowMode, PresentationState, TimerState


class FakeClock:
    def __init__(self, now: float = 1000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def test_an_automatic_change_keeps_the_participant_following():
    leader, mine = PresentationState(), PresentationState()
    follow = FollowMode(leader, mine)
    leader.start("s1")
    mine.go_to_stage("s2", AUTO)  # the stage shown was removed: its neighbour, by the program
    assert follow.following
    mine.go_to_stage("s3")  # the participant's own step
    assert not follow.following


def test_a_new_presentation_brings_back_those_who_left_the_last_one():
    leader, mine = PresentationState(), PresentationState()
    follow = FollowMode(leader, mine)
    leader.start("s1")
    follow.leave()
    leader.stop()
    assert mine.presenting  # left: the facilitator's stop was not theirs either
    mine.stop()
    leader.start("s2")
    assert follow.following and (mine.presenting, mine.stage_id) == (True, "s2")


def test_a_closed_follow_mode_copies_nothing():
    leader, mine = PresentationState(), PresentationState()
    follow = FollowMode(leader, mine)
    leader.start("s1")
    follow.close()
    leader.go_to_stage("s2")
    mine.go_to_stage("s3")
    assert mine.stage_id == "s3" and follow.following  # neither side reaches it any more


def test_the_facilitators_finished_keeps_an_end_already_noticed_here():
    clock, wall = FakeClock(), FakeClock(1_700_000_000.0)
    facilitator, participant = TimerState(clock, wall), TimerState(clock, wall)
    facilitator.start(60)
    participant.apply_data(facilitator.to_data())
    clock.now += 60
    assert participant.poll()
    clock.now += 2
    facilitator.poll()
    participant.apply_data(facilitator.to_data())
    assert participant.status == FINISHED
    assert participant.since_end() == pytest.approx(2)  # the flashing did not start over
