"""Dot voting and the private round across two live clients: two main windows in one process,
the facilitator (Aiko) sharing through File → Share live…, a participant (Ken) joining through
File → Join live session… (a real server on 127.0.0.1, real pycrdt). Each places dots by
clicking cards in their own window, sees only their own until the facilitator reveals, and is
held to the budget; in a private round each one's new cards are placeholders on the other's
screen until the reveal. (issue 14, "a vote with budgets and reveal ... across two live
clients", "the private round and reveal")"""
from __future__ import annotations

import pytest
from canvas_helpers import ini_settings, small_map
from live_helpers import WAIT_MS, close_all, join_from_menu, open_window, share_from_menu
from test_private_round import drop_card, fill_at_card_edge
from vote_helpers import click_card, dot_colours, near, right_click_card, start_vote_from_menu

from editor.canvas.card_marks import HIDDEN_FILL, display_colours
from model import CardKind


def connected(window) -> int:
    session = window.live.session
    return sum(p.connected for p in session.participants()) if session else 0


@pytest.fixture
def pair(qtbot, tmp_path):
    """(facilitator window "Aiko", participant window "Ken")."""
    host = open_window(qtbot, ini_settings(tmp_path / "host"), small_map())
    windows = [host]
    try:
        shared = share_from_menu(qtbot, host, "Aiko")
        assert shared["link"] is not None, shared
        guest = open_window(qtbot, ini_settings(tmp_path / "guest"), small_map())
        windows.insert(0, guest)
        joined = join_from_menu(qtbot, guest, shared["journey_url"], "Ken")
        assert "message" not in joined, joined
        qtbot.waitUntil(lambda: connected(host) == 2 and connected(guest) == 2, timeout=WAIT_MS)
        yield host, guest
    finally:
        close_all(*windows)


def person(window, name):
    return window.document.journey.participant_named(name)


def dots(window, card_id) -> dict:
    """A card's dots as this window's map holds them, by name."""
    journey = window.document.journey
    return {journey.participant(p).name: n for p, n in journey.card(card_id).dots.items()}


def shown(window, card_id) -> list:
    journey = window.document.journey
    return window.scene.card_marks.shown_dots(journey.card(card_id))


def test_a_vote_with_budgets_and_reveal_across_two_live_clients(qtbot, pair):
    host, guest = pair
    guest_actions = guest.workshop.vote_actions  # the facilitator runs the vote
    assert not guest_actions.start_vote.isEnabled() and not guest_actions.start_private.isEnabled()
    start_vote_from_menu(qtbot, host, dots=2, kinds=(CardKind.TOUCHPOINT,), max_per_card=1)
    qtbot.waitUntil(lambda: guest.document.journey.vote_round().active, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: guest.workshop.votes.overlay.text() == "Ken: 2 of 2 dots left")
    assert guest.workshop.votes_dock.isVisible()  # came forward with the facilitator's vote
    assert host.workshop.votes.overlay.text() == "Aiko: 2 of 2 dots left"
    click_card(guest, "a")
    click_card(guest, "b")
    click_card(host, "b")
    click_card(host, "d")
    assert guest.workshop.votes.overlay.text() == "Ken: 0 of 2 dots left"
    click_card(guest, "d")  # Ken's budget is used up
    assert "Ken" not in dots(guest, "d")
    assert guest.statusBar().currentMessage() == "Ken has used all 2 dots."
    qtbot.waitUntil(lambda: dots(host, "a") == {"Ken": 1} and dots(host, "b") == {"Ken": 1, "Aiko": 1}
                    and dots(guest, "d") == {"Aiko": 1}, timeout=WAIT_MS)
    # Before the reveal each sees only their own dots, and no totals in the footer. Ken and
    # Aiko joined the participants at the same moment, with the same colour: drawn apart.
    colours = display_colours(host.document.journey.participants())
    ken_colour, aiko_colour = colours[person(host, "Ken").id], colours[person(host, "Aiko").id]
    assert ken_colour != aiko_colour
    assert display_colours(guest.document.journey.participants()) == colours
    assert shown(host, "a") == [] and shown(host, "b") == [(aiko_colour, 1)]
    assert shown(guest, "d") == [] and shown(guest, "b") == [(ken_colour, 1)]
    assert near(dot_colours(guest, "b")[0], ken_colour)
    assert not near(dot_colours(host, "a")[0], ken_colour)
    # Both cards keep the size they had before the vote, on both screens: a card that got dots
    # does not grow (which would give the secret vote away).
    for window in (host, guest):
        assert window.document.journey.card("b").votes and not window.document.journey.card("c").votes
        assert window.scene.layout.cards["b"].rect.h == window.scene.layout.cards["c"].rect.h
    # Ken takes one back with a right-click and places it elsewhere.
    assert right_click_card(guest, "a") == []
    click_card(guest, "d")
    qtbot.waitUntil(lambda: dots(host, "d") == {"Aiko": 1, "Ken": 1} and dots(host, "a") == {},
                    timeout=WAIT_MS)
    host.workshop.vote_actions.reveal_votes.trigger()
    qtbot.waitUntil(lambda: guest.document.journey.vote_round().revealed, timeout=WAIT_MS)
    both = sorted([(aiko_colour, 1), (ken_colour, 1)])
    for window in (host, guest):  # in the participants' (shared) order, which joined first
        assert sorted(shown(window, "b")) == both and sorted(shown(window, "d")) == both
        assert shown(window, "b") == shown(host, "b")
    drawn = dot_colours(guest, "b", 2)  # right to left: the last participant's first
    assert near(drawn[0], shown(guest, "b")[1][0]) and near(drawn[1], shown(guest, "b")[0][0])
    dock = guest.workshop.votes_dock
    qtbot.waitUntil(lambda: dock.note.text() == "Cards ranked by dots.")
    rows = [[dock.list.topLevelItem(i).text(c) for c in (1, 3)]
            for i in range(dock.list.topLevelItemCount())]
    assert rows == [["Card B", "2"], ["Card D", "2"]]
    assert dock.list.topLevelItem(0).text(4) in ("Aiko 1, Ken 1", "Ken 1, Aiko 1")
    assert guest.scene.card_marks.ranks == {"b": 1, "d": 2}
    host.workshop.vote_actions.end_vote.trigger()
    qtbot.waitUntil(lambda: not guest.document.journey.vote_round().active, timeout=WAIT_MS)
    assert not guest.workshop.votes.overlay.isVisible()


def test_the_private_round_and_its_reveal_across_two_live_clients(qtbot, pair):
    host, guest = pair
    host.workshop.vote_actions.start_private.trigger()
    qtbot.waitUntil(lambda: guest.document.journey.private_round().active, timeout=WAIT_MS)
    assert guest.workshop.private.label.text() == "Private round · 0 cards hidden"
    kens = drop_card(guest, "s3", "tp")
    aikos = drop_card(host, "s3", "pain")
    qtbot.waitUntil(lambda: host.document.journey.has(kens) and guest.document.journey.has(aikos),
                    timeout=WAIT_MS)
    for window, mine, theirs in ((host, aikos, kens), (guest, kens, aikos)):
        journey, marks = window.document.journey, window.scene.card_marks
        assert journey.card(mine).private and journey.card(theirs).private
        assert not marks.is_hidden(journey.card(mine))  # greyed, "hidden from others"
        assert marks.is_hidden(journey.card(theirs))  # a blank placeholder
        assert near(fill_at_card_edge(window, theirs), HIDDEN_FILL.name(), 6)
        assert not near(fill_at_card_edge(window, mine), HIDDEN_FILL.name(), 6)
        item = window.scene.cards[theirs]
        assert not item.flags() & item.GraphicsItemFlag.ItemIsSelectable
    assert person(host, "Ken").id == host.document.journey.card(kens).created_by
    host.workshop.vote_actions.reveal_private.trigger()
    qtbot.waitUntil(lambda: not guest.document.journey.card(aikos).private
                    and not guest.document.journey.private_round().active, timeout=WAIT_MS)
    for window, theirs in ((host, kens), (guest, aikos)):
        assert not window.scene.card_marks.is_hidden(window.document.journey.card(theirs))
        assert not near(fill_at_card_edge(window, theirs), HIDDEN_FILL.name(), 6)
    assert not guest.workshop.private.label.isVisible()


def test_a_participant_following_the_presentation_still_sees_their_own_private_cards(qtbot, pair):
    """The facilitator's presenting window is the projector: every private card a placeholder.
    A participant following it on their own laptop is not: their own cards stay readable."""
    from test_workshop_live import present

    host, guest = pair
    host.workshop.vote_actions.start_private.trigger()
    qtbot.waitUntil(lambda: guest.document.journey.private_round().active, timeout=WAIT_MS)
    kens = drop_card(guest, "s3", "tp")
    aikos = drop_card(host, "s3", "pain")
    qtbot.waitUntil(lambda: host.document.journey.has(kens) and guest.document.journey.has(aikos),
                    timeout=WAIT_MS)
    present(host, qtbot)
    qtbot.waitUntil(guest.workshop.presentation.is_active, timeout=WAIT_MS)  # following
    host_marks, guest_marks = host.scene.card_marks, guest.scene.card_marks
    assert host_marks.is_hidden(host.document.journey.card(aikos))  # the projector hides all
    assert host_marks.is_hidden(host.document.journey.card(kens))
    assert not guest_marks.is_hidden(guest.document.journey.card(kens))  # Ken's own card
    assert guest_marks.is_hidden(guest.document.journey.card(aikos))
    host.workshop.presentation.leave()
    assert not host_marks.is_hidden(host.document.journey.card(aikos))
