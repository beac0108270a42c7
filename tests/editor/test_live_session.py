"""Live co-editing as two people see it: two main windows in one process, one sharing its map
through File → Share live…, one joining through File → Join live session…, over a real server
on 127.0.0.1 (real pycrdt, real sockets). Edits made with the mouse in one window appear in the
other's canvas, selections show as outlines in the person's colour, Ctrl+Z undoes only one's own
edits, and the status bar follows the connection."""
from __future__ import annotations

import pytest
from canvas_helpers import centre_of, drag, ini_settings, small_map, to_view
from live_helpers import WAIT_MS, close_all, join_from_menu, open_window, share_from_menu
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from window_helpers import focus_window

from collab.presence import colour_for
from editor.settings import KEY_LIVE_NAME
from model import CardKind
from model.fileformat import dumps_journey


@pytest.fixture
def pair(qtbot, tmp_path):
    """(host window, guest window, what the share dialog showed), joined."""
    host = open_window(qtbot, ini_settings(tmp_path / "host"), small_map())
    guest = open_window(qtbot, ini_settings(tmp_path / "guest"), small_map())
    try:
        shared = share_from_menu(qtbot, host)
        assert shared["link"] is not None, shared
        joined = join_from_menu(qtbot, guest, shared["journey_url"])
        assert "message" not in joined, joined
        qtbot.waitUntil(lambda: len(_connected(host)) == 2 and len(_connected(guest)) == 2,
                        timeout=WAIT_MS)
        yield host, guest, shared
    finally:
        close_all(guest, host)


def _connected(window) -> list[str]:
    session = window.live.session
    return [p.name for p in session.participants() if p.connected] if session else []


def _card_centre(window, card_id: str) -> QPointF:
    return centre_of(window.scene.layout.cards[card_id].rect)


def _press_undo(qtbot, window) -> None:
    focus_window(window, qtbot)
    window.view.setFocus()
    QTest.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


def test_the_joined_window_shows_the_shared_map_and_both_are_listed(pair):
    host, guest, shared = pair
    assert shared["journey_url"].startswith("journey://127.0.0.1:")
    assert shared["ws_url"].startswith("ws://127.0.0.1:") and "token=" in shared["ws_url"]
    assert "has the link" in shared["who"] and "not encrypted" in shared["who"]
    assert dumps_journey(guest.document.journey) == dumps_journey(host.document.journey)
    assert guest.document.path is None  # the participant's copy, to save where they like
    assert host.live.dock.rows() == ["Aiko (you) — connected", "Ken — connected"]
    assert guest.live.dock.rows() == ["Ken (you) — connected", "Aiko — connected"]
    assert host.live.dock.isVisible() and guest.live.dock.isVisible()
    for window in (host, guest):
        assert window.live.status.word == "connected" and window.live.status.count == 2
        assert "connected" in window.live.status.text() and "2" in window.live.status.text()
    assert guest.settings.value(KEY_LIVE_NAME) == "Ken"
    assert not guest.menu_actions.share_live.isEnabled()
    assert not host.menu_actions.join_live.isEnabled() and host.menu_actions.stop_live.isEnabled()


def test_a_card_dragged_in_one_window_moves_in_the_others_canvas(qtbot, pair):
    host, guest, _ = pair
    focus_window(host, qtbot)
    drag(host.view, _card_centre(host, "a"), centre_of(host.scene.layout.cells[("s3", "pain")]))
    assert host.document.journey.card_place("a").stage == "s3"

    def moved_on_guest() -> bool:
        place = guest.document.journey.card_place("a")
        rect = guest.scene.layout.cards["a"].rect
        return (place.stage, place.lane) == ("s3", "pain") and \
            guest.scene.cards["a"].scenePos() == QPointF(rect.x, rect.y)
    qtbot.waitUntil(moved_on_guest, timeout=WAIT_MS)
    assert guest.document.undo_stack.count() == 0  # someone else's edit: not the guest's undo
    assert guest.document.is_modified()  # but the guest's copy is no longer what was saved


def test_a_participants_selection_is_outlined_in_their_colour_on_the_hosts_canvas(qtbot, pair):
    host, guest, _ = pair
    focus_window(guest, qtbot)
    QTest.mouseClick(guest.view.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier, to_view(guest.view, _card_centre(guest, "d")))
    assert guest.scene.selected_card_ids() == ["d"]
    qtbot.waitUntil(lambda: host.live.overlay.outlined_cards() == {"Ken": ["d"]}, timeout=WAIT_MS)
    assert guest.live.overlay.outlined_cards() == {}  # one's own selection is not outlined
    rect = host.scene.layout.cards["d"].rect
    ring_top = QPointF(rect.x + rect.w / 2, rect.y - 4)  # the ring: 4 px outside the card
    image = host.view.viewport().grab().toImage()
    where = to_view(host.view, ring_top)
    colours = {QColor(image.pixel(where.x(), where.y() + dy)).name() for dy in (-1, 0, 1)}
    assert colour_for("Ken") in colours, colours
    QTest.mouseClick(guest.view.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier, to_view(guest.view, QPointF(-30, -30)))
    qtbot.waitUntil(lambda: host.live.overlay.outlined_cards() == {}, timeout=WAIT_MS)


def test_ctrl_z_undoes_only_ones_own_edit(qtbot, pair):
    host, guest, _ = pair
    host.document.controller.update_card("a", title="Aiko's words")
    guest.document.controller.move_cards(["d"], "s3", "pain", 0)
    qtbot.waitUntil(lambda: guest.document.journey.card("a").title == "Aiko's words"
                    and host.document.journey.card_place("d").stage == "s3", timeout=WAIT_MS)
    _press_undo(qtbot, host)
    assert host.document.journey.card("a").title == "Card A"
    qtbot.waitUntil(lambda: guest.document.journey.card("a").title == "Card A", timeout=WAIT_MS)
    assert host.document.journey.card_place("d").stage == "s3"  # Ken's move stays
    assert guest.document.journey.card_place("d").stage == "s3"


def test_an_undo_whose_card_the_other_deleted_is_skipped_with_a_word(qtbot, pair):
    host, guest, _ = pair
    host.document.controller.update_card("b", title="Kept edit")
    card = host.document.controller.add_card(CardKind.IDEA, "s2", "pain", title="Aiko's idea")
    qtbot.waitUntil(lambda: guest.document.journey.has(card), timeout=WAIT_MS)
    guest.document.controller.remove([card])
    qtbot.waitUntil(lambda: not host.document.journey.has(card), timeout=WAIT_MS)
    _press_undo(qtbot, host)
    assert "Undo skipped" in host.statusBar().currentMessage()
    assert QApplication.activeModalWidget() is None  # a word, never a dialog
    assert not guest.document.journey.has(card)
    _press_undo(qtbot, host)  # the stack goes on: the earlier step still undoes
    assert host.document.journey.card("b").title == "Card B"
    qtbot.waitUntil(lambda: guest.document.journey.card("b").title == "Card B", timeout=WAIT_MS)


def test_stop_sharing_keeps_the_map_and_sharing_again_reconnects_the_participant(qtbot, pair):
    host, guest, shared = pair
    document = host.document
    host.menu_actions.stop_live.trigger()
    assert host.document is document and host.scene.journey is document.journey
    assert host.live.session is None and not host.live.status.isVisible()
    qtbot.waitUntil(lambda: guest.live.status.word == "reconnecting", timeout=WAIT_MS)
    assert "reconnecting" in guest.live.status.text()
    qtbot.waitUntil(lambda: guest.live.dock.rows()[1:] == ["Aiko — not connected"], timeout=WAIT_MS)
    # Both go on editing apart; the host's map is an ordinary file meanwhile.
    host.document.controller.update_card("a", title="Host offline")
    guest.document.controller.update_card("e", title="Guest offline")
    again = share_from_menu(qtbot, host)
    assert again["resume shown"] and again["interface"] == "127.0.0.1"
    assert again["journey_url"] == shared["journey_url"]
    qtbot.waitUntil(lambda: guest.live.status.word == "connected", timeout=WAIT_MS)
    qtbot.waitUntil(lambda: guest.live.dock.rows() == ["Ken (you) — connected",
                                                        "Aiko — connected"], timeout=WAIT_MS)
    qtbot.waitUntil(lambda: guest.document.journey.card("a").title == "Host offline"
                    and host.document.journey.card("e").title == "Guest offline", timeout=WAIT_MS)
    assert dumps_journey(guest.document.journey) == dumps_journey(host.document.journey)


def test_join_with_a_wrong_token_says_why(qtbot, tmp_path, pair):
    host, _, shared = pair
    other = open_window(qtbot, ini_settings(tmp_path / "other"), small_map())
    try:
        wrong = shared["journey_url"].split("token=")[0] + "token=" + "x" * 32
        seen = join_from_menu(qtbot, other, wrong, "Mallory")
        assert "token is wrong" in seen["message"], seen
        assert other.live.session is None and other.document.journey.title == "Workshop"
        assert _connected(host) == ["Aiko", "Ken"]
        seen = join_from_menu(qtbot, other, "journey://127.0.0.1/map?token=abc")
        assert "no port" in seen["message"], seen
    finally:
        close_all(other)


def test_an_undo_that_would_overwrite_the_others_later_edit_is_skipped(qtbot, pair):
    host, guest, _ = pair
    host.document.controller.update_card("a", title="Aiko's title")
    qtbot.waitUntil(lambda: guest.document.journey.card("a").title == "Aiko's title",
                    timeout=WAIT_MS)
    guest.document.controller.update_card("a", title="Ken's title")
    qtbot.waitUntil(lambda: host.document.journey.card("a").title == "Ken's title",
                    timeout=WAIT_MS)
    _press_undo(qtbot, host)
    assert "Undo skipped" in host.statusBar().currentMessage()
    assert host.document.journey.card("a").title == "Ken's title"
    assert host.document.undo_stack.count() == 0 and not host.menu_actions.undo.isEnabled()
    _press_undo(qtbot, guest)  # Ken's own undo still works: back to what Aiko wrote
    qtbot.waitUntil(lambda: host.document.journey.card("a").title == "Aiko's title",
                    timeout=WAIT_MS)


def test_typing_after_someone_elses_change_starts_a_new_undo_step(qtbot, pair):
    host, guest, _ = pair
    controller = host.document.controller
    controller.update_card("a", mergeable=True, title="Wor")
    controller.update_card("a", mergeable=True, title="Word")  # one step so far
    assert host.document.undo_stack.count() == 1
    guest.document.controller.update_card("a", details="Ken's detail")
    qtbot.waitUntil(lambda: host.document.journey.card("a").details == "Ken's detail",
                    timeout=WAIT_MS)
    controller.update_card("a", mergeable=True, title="Words")
    assert host.document.undo_stack.count() == 2
    _press_undo(qtbot, host)
    assert host.document.journey.card("a").title == "Word"
    assert host.document.journey.card("a").details == "Ken's detail"
