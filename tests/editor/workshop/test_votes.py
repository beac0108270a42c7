"""A dot vote on one machine, driven as the facilitator would: Workshop → Start Vote… (the
dialog answered), clicks on the canvas's cards to place dots (again at the limit, or a
right-click, to take one back), a participant picked in the Votes dock to record their dots,
budgets and kinds refused with a word in the status bar, Reveal Votes, the ranking in the dock
(a row click selects and centres the card), the top N outlined, End Vote; presets remembered.
(issue 14, "Dot voting")"""
from __future__ import annotations

import pytest
from canvas_helpers import small_map
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from vote_helpers import click_card, dot_colours, near, open_as, right_click_card, start_vote_from_menu
from window_helpers import close_window, focus_window, when_modal

from editor.workshop.vote_dialog import StartVoteDialog
from model import CardKind

VOTABLE = (CardKind.TOUCHPOINT, CardKind.PAIN_POINT)


@pytest.fixture
def window(qtbot, tmp_path):
    window = open_as(qtbot, tmp_path, small_map())
    yield window
    close_window(window)


def marks(window):
    return window.scene.card_marks


def status(window) -> str:
    return window.statusBar().currentMessage()


def add_participant_in_dock(qtbot, window, name: str) -> None:
    """The Votes dock's Add… button, its name dialog answered."""
    from PySide6.QtWidgets import QInputDialog

    def answer(widget) -> bool:
        if not isinstance(widget, QInputDialog):
            return False
        widget.setTextValue(name)
        widget.accept()
        return True
    when_modal(answer)
    qtbot.mouseClick(window.workshop.votes_dock.add_person, Qt.MouseButton.LeftButton)


def pick_in_dock(qtbot, window, name: str) -> None:
    combo = window.workshop.votes_dock.who
    qtbot.waitUntil(lambda: combo.findText(name) >= 0)
    combo.setCurrentIndex(combo.findText(name))
    combo.activated.emit(combo.currentIndex())


def test_placing_and_taking_back_my_dots_by_clicking_cards(qtbot, window):
    start_vote_from_menu(qtbot, window, dots=2, kinds=VOTABLE, max_per_card=1)
    journey = window.document.journey
    vote = journey.vote_round()
    assert vote.active and vote.dots_per_participant == 2 and set(vote.kinds) == set(VOTABLE)
    assert window.workshop.votes_dock.isVisible()
    click_card(window, "a")
    aiko = journey.participant_named("Aiko").id
    assert journey.card("a").dots == {aiko: 1}
    assert "Aiko: 1 of 2 dots left" in status(window)
    overlay = window.workshop.votes.overlay
    assert overlay.isVisible() and overlay.text() == "Aiko: 1 of 2 dots left"
    assert near(dot_colours(window, "a")[0], journey.participant(aiko).colour)
    click_card(window, "a")  # at the limit of one per card: the click takes it back
    assert journey.card("a").dots == {}
    assert overlay.text() == "Aiko: 2 of 2 dots left"
    click_card(window, "a")
    click_card(window, "e")
    assert journey.card("e").dots == {aiko: 1} and journey.remaining_dots(aiko) == 0
    click_card(window, "d")  # no dot left
    assert journey.card("d").dots == {}
    assert status(window) == "Aiko has used all 2 dots."
    assert right_click_card(window, "a") == []  # took a dot back; no menu
    assert journey.card("a").dots == {}
    assert right_click_card(window, "b") != []  # no dot of mine there: the usual menu
    click_card(window, "c")  # a moment of truth: not in this vote; selected as usual
    assert journey.card("c").dots == {} and window.scene.selected_card_ids() == ["c"]
    assert status(window) == "This vote is on Touchpoint, Pain point cards only."
    texts = [window.document.undo_stack.text(i) for i in range(window.document.undo_stack.count())]
    assert texts[0] == "Start vote" and texts[-1] == "Remove dot from \"Card A\""
    window.document.undo_stack.undo()
    assert journey.card("a").dots == {aiko: 1}
    focus_window(window, qtbot)
    QTest.keyClick(window.view, Qt.Key.Key_F5)  # the projector: no "dots left" label on it
    qtbot.waitUntil(window.workshop.presentation.is_active)
    assert not overlay.isVisible()
    QTest.keyClick(window.view, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.workshop.presentation.is_active())
    assert overlay.isVisible() and overlay.text() == "Aiko: 0 of 2 dots left"


def test_the_facilitator_records_dots_for_a_participant_they_pick(qtbot, window):
    start_vote_from_menu(qtbot, window, dots=2, kinds=VOTABLE)
    journey = window.document.journey
    heights = {c: window.scene.layout.cards[c].rect.h for c in ("a", "b")}
    click_card(window, "a")  # my own dot first
    add_participant_in_dock(qtbot, window, "Ken")
    qtbot.waitUntil(lambda: journey.participant_named("Ken") is not None)
    ken = journey.participant_named("Ken").id
    assert window.workshop.votes.picked == ken  # a new participant is picked at once
    dock = window.workshop.votes_dock
    qtbot.waitUntil(lambda: dock.who.currentText() == "Ken")
    swatch = dock.who.itemIcon(dock.who.currentIndex()).pixmap(14, 14).toImage()
    assert near(QColor(swatch.pixel(7, 7)).name(), journey.participant(ken).colour)
    click_card(window, "b")
    click_card(window, "b")  # no limit per card: two dots
    assert journey.card("b").dots == {ken: 2}
    assert window.workshop.votes.overlay.text() == "Ken: 0 of 2 dots left"
    # Ken's dots are shown, mine are not: each sees only their own until the reveal.
    assert marks(window).shown_dots(journey.card("a")) == []
    ken_colour = journey.participant(ken).colour
    assert [near(c, ken_colour) for c in dot_colours(window, "b", 2)] == [True, True]
    qtbot.waitUntil(lambda: dock.list.topLevelItemCount() == 1)
    assert dock.list.topLevelItem(0).text(1) == "Card B" and dock.list.topLevelItem(0).text(3) == "2"
    pick_in_dock(qtbot, window, "Me (Aiko)")
    assert window.workshop.votes.picked is None
    assert window.workshop.votes.overlay.text() == "Aiko: 1 of 2 dots left"
    assert marks(window).shown_dots(journey.card("b")) == []
    # A dot never changes a card's size: during a secret vote that would tell who got one.
    assert {c: window.scene.layout.cards[c].rect.h for c in ("a", "b")} == heights
    assert "▲" not in window.scene.layout.cards["b"].footer


def test_reveal_shows_everyone_s_dots_the_ranking_and_the_top_cards(qtbot, window):
    start_vote_from_menu(qtbot, window, dots=3, kinds=None)
    journey = window.document.journey
    for card_id in ("d", "d", "a"):
        click_card(window, card_id)
    add_participant_in_dock(qtbot, window, "Ken")
    qtbot.waitUntil(lambda: journey.participant_named("Ken") is not None)
    for card_id in ("d", "e", "c"):
        click_card(window, card_id)
    assert window.workshop.vote_actions.reveal_votes.isEnabled()
    window.workshop.vote_actions.reveal_votes.trigger()
    assert journey.vote_round().revealed and journey.vote_round().active
    aiko, ken = (journey.participant_named(n) for n in ("Aiko", "Ken"))
    shown = marks(window).shown_dots(journey.card("d"))
    assert shown == [(aiko.colour, 2), (ken.colour, 1)]
    colours = dot_colours(window, "d", 3)  # drawn right to left: the last dot first
    assert near(colours[0], ken.colour) and near(colours[1], aiko.colour) and near(colours[2], aiko.colour)
    dock = window.workshop.votes_dock
    qtbot.waitUntil(lambda: dock.note.text() == "Cards ranked by dots.")
    rows = [[dock.list.topLevelItem(i).text(c) for c in range(5)] for i in range(4)]
    assert rows[0] == ["1", "Card D", "Adoption", "3", "Aiko 2, Ken 1"]
    assert [r[1] for r in rows[1:]] == ["Card A", "Card C", "Card E"]
    assert marks(window).ranks == {"d": 1, "a": 2, "c": 3}
    dock.top.setValue(1)
    assert marks(window).ranks == {"d": 1}
    window.view.centerOn(0, 0)
    dock.list.itemClicked.emit(dock.list.topLevelItem(1), 1)
    assert window.scene.selected_card_ids() == ["a"]
    centre = window.view.mapToScene(window.view.viewport().rect().center())
    assert window.scene.cards["a"].sceneBoundingRect().contains(centre)
    window.workshop.vote_actions.end_vote.trigger()
    assert not journey.vote_round().active
    click_card(window, "b")  # the vote ended: a click selects, places nothing
    assert journey.card("b").dots == {} and window.scene.selected_card_ids() == ["b"]


def test_an_anonymous_vote_shows_totals_only(qtbot, window):
    start_vote_from_menu(qtbot, window, dots=3, anonymous=True)
    journey = window.document.journey
    click_card(window, "a")
    add_participant_in_dock(qtbot, window, "Ken")
    qtbot.waitUntil(lambda: journey.participant_named("Ken") is not None)
    click_card(window, "a")
    window.workshop.vote_actions.reveal_votes.trigger()
    assert marks(window).shown_dots(journey.card("a")) == [("#37474f", 2)]
    dock = window.workshop.votes_dock
    qtbot.waitUntil(lambda: dock.note.text() == "Cards ranked by dots.")
    assert dock.list.topLevelItemCount() == 1
    assert dock.list.columnCount() == 4  # no "By" column: no names
    assert dock.list.topLevelItem(0).text(3) == "2"


def test_vote_presets_are_saved_and_the_last_settings_come_back(qtbot, window):
    from PySide6.QtWidgets import QInputDialog

    seen: dict = {}

    def answer(widget) -> bool:
        if isinstance(widget, QInputDialog):
            widget.setTextValue("Quick 4")
            widget.accept()
            return True
        if not isinstance(widget, StartVoteDialog) or "saved" in seen:
            return False
        widget.dots.setValue(4)
        widget.max_per_card.setValue(2)
        for kind, box in widget.kind_boxes.items():
            box.setChecked(kind == CardKind.IDEA)
        seen["saved"] = True
        when_modal(answer)  # the name dialog
        qtbot.mouseClick(widget.save_preset, Qt.MouseButton.LeftButton)
        seen["presets"] = [widget.preset.itemText(i) for i in range(widget.preset.count())]
        widget.reject()
        return True
    when_modal(answer)
    window.workshop.vote_actions.start_vote.trigger()
    assert "Quick 4" in seen["presets"]
    chosen: dict = {}

    def use_preset(widget) -> bool:
        if not isinstance(widget, StartVoteDialog):
            return False
        index = widget.preset.findText("Quick 4")
        widget.preset.setCurrentIndex(index)
        widget.preset.activated.emit(index)
        chosen.update(dots=widget.dots.value(), max=widget.max_per_card.value(),
                      idea=widget.kind_boxes[CardKind.IDEA].isChecked(),
                      note=widget.kind_boxes[CardKind.NOTE].isChecked())
        widget.buttons.button(widget.buttons.StandardButton.Ok).click()
        return True
    when_modal(use_preset)
    window.workshop.vote_actions.start_vote.trigger()
    assert chosen == {"dots": 4, "max": 2, "idea": True, "note": False}
    assert window.document.journey.vote_round().kinds == (CardKind.IDEA,)
    seen_again = start_vote_from_menu(qtbot, window, dots=3)
    assert seen_again["dots shown"] == 4  # as last time


def test_a_dialog_with_no_kind_ticked_cannot_start(qtbot, window):
    seen: dict = {}

    def answer(widget) -> bool:
        if not isinstance(widget, StartVoteDialog):
            return False
        for box in widget.kind_boxes.values():
            box.setChecked(False)
        ok = widget.buttons.button(widget.buttons.StandardButton.Ok)
        seen.update(enabled=ok.isEnabled(), message=widget.message.text())
        widget.reject()
        return True
    when_modal(answer)
    window.workshop.vote_actions.start_vote.trigger()
    assert seen == {"enabled": False, "message": "Tick at least one kind of card to vote on."}
    assert not window.document.journey.vote_round().active
    QTest.qWait(1)


def test_a_map_saved_during_its_vote_opens_with_the_vote_running(qtbot, tmp_path):
    from model import Participant, VoteRound
    from model.fileformat import load_journey, save_journey

    journey = small_map()
    journey.add_participant(Participant("p1", "Aiko", "#4e79a7"))
    journey.set_vote_round(VoteRound(True, 3, (), 0, False, False, "2026-01-01T10:00:00+00:00", ""))
    journey.add_dot("a", "p1")
    save_journey(journey, tmp_path / "vote.journey")
    window = open_as(qtbot, tmp_path, load_journey(tmp_path / "vote.journey"))
    try:
        assert window.workshop.votes_dock.isVisible()
        assert window.workshop.votes.overlay.text() == "Aiko: 2 of 3 dots left"
        click_card(window, "b")
        assert window.document.journey.card("b").dots == {"p1": 1}
    finally:
        close_window(window)
