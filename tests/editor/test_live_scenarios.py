"""Scenarios in a live session (issue 16), as two people see them: two main windows in one
process, joined through File → Share live… / Join live session… over a real server on 127.0.0.1.
A scenario added or renamed in one window's bar appears in the other's bar; an edit in a scenario
reaches that scenario on the other side; undo goes through the scenario's own engine."""
from __future__ import annotations

import pytest
from canvas_helpers import ini_settings, small_map
from live_helpers import WAIT_MS, close_all, join_from_menu, open_window, share_from_menu
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from model.fileformat import dumps_journey


@pytest.fixture
def pair(qtbot, tmp_path):
    host = open_window(qtbot, ini_settings(tmp_path / "host"), small_map())
    host.scenarios.add(empty=False)  # the host's document has two scenarios before sharing
    guest = open_window(qtbot, ini_settings(tmp_path / "guest"), small_map())
    try:
        shared = share_from_menu(qtbot, host)
        assert shared["link"] is not None, shared
        joined = join_from_menu(qtbot, guest, shared["journey_url"])
        assert "message" not in joined, joined
        qtbot.waitUntil(lambda: guest.live.session is not None and guest.live.session.running
                        and guest.document.scenarios is guest.live.session.sync.scenarios,
                        timeout=WAIT_MS)
        yield host, guest
    finally:
        close_all(guest, host)


def names(window) -> list[str]:
    return window.scenarios.bar.tab_names()


def test_the_guest_gets_every_scenario_in_its_bar(pair):
    host, guest = pair
    assert names(guest) == names(host) == ["As-is", "To-be"]
    for scenario_id in ("as-is", "to-be"):
        assert dumps_journey(guest.document.scenarios.scenario(scenario_id).journey) == \
            dumps_journey(host.document.scenarios.scenario(scenario_id).journey)


def test_a_scenario_added_and_renamed_by_the_other_appears_in_my_bar(qtbot, pair):
    host, guest = pair
    host.scenarios.bar.add_menu.actions()[1].trigger()  # "+" → Empty, same stages and lanes
    assert names(host) == ["As-is", "To-be", "Scenario 3"]
    qtbot.waitUntil(lambda: names(guest) == ["As-is", "To-be", "Scenario 3"], timeout=WAIT_MS)
    assert guest.document.scenarios.scenario("scenario-3").journey.card_count() == 0
    assert guest.document.scenarios.current_id == "as-is"  # what I look at stays mine
    editor = guest.scenarios.bar.start_rename("to-be")
    editor.setText("Future")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: names(host) == ["As-is", "Future", "Scenario 3"], timeout=WAIT_MS)


def test_an_edit_in_a_scenario_reaches_that_scenario_and_undo_follows(qtbot, pair):
    host, guest = pair
    guest.scenarios.switch_to("to-be")
    guest.document.controller.update_card("a", title="Only in to-be")
    to_be_on_host = host.document.scenarios.scenario("to-be").journey
    as_is_on_host = host.document.scenarios.scenario("as-is").journey
    qtbot.waitUntil(lambda: to_be_on_host.card("a").title == "Only in to-be", timeout=WAIT_MS)
    assert as_is_on_host.card("a").title != "Only in to-be"
    guest.scenarios.switch_to("as-is")
    guest.menu_actions.undo.trigger()  # shows to-be again, then undoes there, for everyone
    assert guest.document.scenarios.current_id == "to-be"
    qtbot.waitUntil(lambda: to_be_on_host.card("a").title != "Only in to-be", timeout=WAIT_MS)


def test_a_selection_in_another_scenario_is_not_outlined_on_its_same_id_card(qtbot, pair):
    """The to-be scenario is a copy: its cards keep the as-is ids. Ken selecting "d" in to-be
    must not outline the as-is "d" on Aiko's screen; it does once she looks at to-be too."""
    host, guest = pair
    host.scenarios.switch_to("as-is")
    guest.scenarios.switch_to("to-be")
    guest.scene.select_element("d")
    qtbot.waitUntil(lambda: any(own.get("scenario") == "to-be"
                                for own in host.live.session.peer_fields().values()),
                    timeout=WAIT_MS)
    qtbot.wait(200)  # the selection's own awareness update
    assert host.document.scenarios.current_id == "as-is"
    assert host.live.overlay.outlined_cards() == {}
    host.scenarios.switch_to("to-be")
    qtbot.waitUntil(lambda: list(host.live.overlay.outlined_cards().values()) == [["d"]],
                    timeout=WAIT_MS)
    guest.scenarios.switch_to("as-is")  # Ken goes back: his outline leaves Aiko's to-be
    qtbot.waitUntil(lambda: host.live.overlay.outlined_cards() == {}, timeout=WAIT_MS)
