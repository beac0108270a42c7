"""The workshop's marks and the Votes dock on a big map (issue 12: nothing a facilitator does may
cost more as the map grows): a first edit (which adds its author to the participants) and its
undo refresh only the cards whose marks can change, and the dock lists the top of the ranking
with the count of the rest. Counted, not timed."""
from __future__ import annotations

import pytest
from vote_helpers import open_as
from window_helpers import close_window

from editor.workshop.votes_dock import MAX_ROWS
from model import Card, CardKind, JourneyMap, Lane, LaneKind, Stage

CARDS = 420


def voted_map() -> JourneyMap:
    journey = JourneyMap("Big", "en")
    journey.add_stage(Stage("s1", "Onboarding"))
    journey.add_lane(Lane("tp", "Touchpoints", LaneKind.TOUCHPOINTS))
    for i in range(CARDS):
        journey.add_card(Card(f"c{i}", CardKind.TOUCHPOINT, f"Card {i}", votes=1 + i % 7), "s1", "tp")
    return journey


@pytest.fixture
def window(qtbot, tmp_path):
    window = open_as(qtbot, tmp_path, voted_map())
    yield window
    close_window(window)


def test_a_first_edit_and_its_undo_refresh_only_the_cards_they_touch(qtbot, window, monkeypatch):
    marks = window.scene.card_marks
    refreshed: list[str] = []
    original = marks.refresh_card
    monkeypatch.setattr(marks, "refresh_card", lambda card_id: (refreshed.append(card_id),
                                                                  original(card_id)))
    journey = window.document.journey
    window.document.controller.update_card("c5", title="Renamed")  # Aiko joins the participants
    assert journey.participant_named("Aiko") is not None and journey.card("c5").edited_by
    window.document.undo_stack.undo()  # and leaves them again
    assert journey.participant_named("Aiko") is None
    assert set(refreshed) <= {"c5"} and len(refreshed) <= 4  # not the other 419 cards


def test_the_votes_dock_lists_the_top_of_the_ranking_and_counts_the_rest(qtbot, window):
    dock = window.workshop.votes_dock
    dock.show()
    dock.refresh()
    assert dock.list.topLevelItemCount() == MAX_ROWS < CARDS
    first = dock.list.topLevelItem(0)
    assert (first.text(0), first.text(3)) == ("1", "7")  # most dots first
    assert f"the first {MAX_ROWS} of {CARDS}" in dock.note.text()
    assert window.scene.card_marks.ranks == {"c6": 1, "c13": 2, "c20": 3}  # ties: journey order
