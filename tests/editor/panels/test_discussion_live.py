"""Comments and the parking lot between two live clients: two main windows in one process, Aiko
sharing through File → Share live…, Ken joining through File → Join live session… (a real
server on 127.0.0.1, real pycrdt). What one writes in a dock appears in the other's dock, under
the writer's display name in the session. (issue 14 with issue 13's live sync)"""
from __future__ import annotations

import pytest
from canvas_helpers import ini_settings, small_map
from live_helpers import WAIT_MS, close_all, join_from_menu, open_window, share_from_menu
from panel_helpers import click_card, shown_comments
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from editor.panels.parking_dock import AUTHOR, TEXT


def connected(window) -> int:
    session = window.live.session
    return sum(p.connected for p in session.participants()) if session else 0


@pytest.fixture
def pair(qtbot, tmp_path):
    host = open_window(qtbot, ini_settings(tmp_path / "host"), small_map(), size=(1500, 950))
    windows = [host]
    try:
        shared = share_from_menu(qtbot, host, name="Aiko")
        assert shared["link"] is not None, shared
        guest = open_window(qtbot, ini_settings(tmp_path / "guest"), small_map(), size=(1500, 950))
        windows.append(guest)
        joined = join_from_menu(qtbot, guest, shared["journey_url"], "Ken")
        assert "message" not in joined, joined
        qtbot.waitUntil(lambda: connected(host) == 2 and connected(guest) == 2, timeout=WAIT_MS)
        for window in windows:
            window.comments.show()
            window.comments.raise_()
        yield host, guest
    finally:
        close_all(*windows)


def write(qtbot, window, text: str) -> None:
    box = window.comments.input
    box.setFocus()
    qtbot.keyClicks(box, text)
    QTest.keyClick(box, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def texts(window) -> list[tuple[str, str]]:
    return [(author, text) for author, _when, text in shown_comments(window)]


def test_a_comment_written_in_one_window_appears_in_the_others_panel(pair, qtbot):
    host, guest = pair
    click_card(host, "c")
    click_card(guest, "c")
    write(qtbot, host, "Is this really the moment of truth?")
    qtbot.waitUntil(lambda: texts(guest) == [("Aiko", "Is this really the moment of truth?")],
                    timeout=WAIT_MS)
    # Ken answers in his window; Aiko's panel shows the reply in the thread, under Ken's name.
    top = next(iter(guest.comments.views.values()))
    qtbot.mouseClick(top.reply_button, Qt.MouseButton.LeftButton)
    write(qtbot, guest, "Yes: they decide to renew here")
    expected = [("Aiko", "Is this really the moment of truth?"), ("Ken", "Yes: they decide to renew here")]
    qtbot.waitUntil(lambda: texts(host) == expected, timeout=WAIT_MS)
    assert texts(guest) == expected
    reply = host.document.journey.comment_threads("c")[0][1][0]
    assert reply.text == "Yes: they decide to renew here"
    # Aiko resolves the thread: Ken sees it resolved.
    qtbot.mouseClick(next(iter(host.comments.views.values())).resolve_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(v.resolved_mark.isVisible() for v in guest.comments.views.values()),
                    timeout=WAIT_MS)
    # Only one's own comment can be deleted, in either window.
    delete_shown = {w: {v.author.text(): not v.delete_button.isHidden() for v in w.comments.views.values()}
                    for w in (host, guest)}
    assert delete_shown[host] == {"Aiko": True, "Ken": False}
    assert delete_shown[guest] == {"Aiko": False, "Ken": True}


def test_a_parked_item_reaches_the_other_window(pair, qtbot):
    host, guest = pair
    entry = guest.parking.entry
    entry.setFocus()
    qtbot.keyClicks(entry, "Ask finance about NGO pricing")
    QTest.keyClick(entry, Qt.Key.Key_Return)
    listing = host.parking.list

    def host_rows():
        return [(listing.topLevelItem(i).text(TEXT), listing.topLevelItem(i).text(AUTHOR))
                for i in range(listing.topLevelItemCount())]
    qtbot.waitUntil(lambda: host_rows() == [("Ask finance about NGO pricing", "Ken")], timeout=WAIT_MS)
