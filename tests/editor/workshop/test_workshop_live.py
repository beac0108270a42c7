"""The workshop in a live session, as the room sees it: two main windows in one process, the
facilitator sharing through File → Share live…, a participant joining through File → Join live
session… (a real server on 127.0.0.1, real pycrdt). The facilitator presents and steps, the
participant's window follows with a follow bar; the participant leaves and comes back; "bring
everyone to me"; the facilitator's timer on every screen, ending at the same moment (an injected
clock: no sleeping, only bounded waits for the network); a late joiner gets it all.
(issue 14, "bring everyone to me" and the countdown on every participant's screen)"""
from __future__ import annotations

import pytest
from canvas_helpers import ini_settings, small_map
from live_helpers import WAIT_MS, close_all, join_from_menu, open_window, share_from_menu
from PySide6.QtCore import QCoreApplication, QPointF, Qt
from PySide6.QtTest import QTest
from window_helpers import focus_window

from editor.i18n import install_translators
from editor.workshop.state import FINISHED, IDLE, PAUSED, RUNNING


class SharedClock:
    """One fake time for every window's timer: a monotonic clock and a wall clock that move
    together (the wall clock is what the timer's messages carry)."""

    def __init__(self) -> None:
        self.now = 1000.0

    def monotonic(self) -> float:
        return self.now

    def wall(self) -> float:
        return 1_700_000_000.0 + self.now


def give_clock(window, clock: SharedClock) -> None:
    window.workshop.timer.state.clock = clock.monotonic
    window.workshop.timer.state.wall_clock = clock.wall


def connected(window) -> int:
    session = window.live.session
    return sum(p.connected for p in session.participants()) if session else 0


def join(qtbot, tmp_path, shared, name, clock):
    window = open_window(qtbot, ini_settings(tmp_path / name), small_map())
    give_clock(window, clock)
    joined = join_from_menu(qtbot, window, shared["journey_url"], name)
    assert "message" not in joined, joined
    return window


@pytest.fixture
def clock():
    return SharedClock()


@pytest.fixture
def pair(qtbot, tmp_path, clock):
    """(facilitator window "Aiko", participant window "Ken", what the share dialog showed)."""
    host = open_window(qtbot, ini_settings(tmp_path / "host"), small_map())
    give_clock(host, clock)
    windows = [host]
    try:
        shared = share_from_menu(qtbot, host)
        assert shared["link"] is not None, shared
        guest = join(qtbot, tmp_path, shared, "Ken", clock)
        windows.insert(0, guest)
        qtbot.waitUntil(lambda: connected(host) == 2 and connected(guest) == 2, timeout=WAIT_MS)
        yield host, guest, shared
    finally:
        for window in windows:
            window.workshop.timer.state.stop()
        close_all(*windows)


def press(window, key) -> None:
    QTest.keyClick(window.view, key)


def present(host, qtbot) -> None:
    focus_window(host, qtbot)
    press(host, Qt.Key.Key_F5)
    qtbot.waitUntil(host.workshop.presentation.is_active)


def shows(window, stage=None, spotlight=None) -> bool:
    presentation = window.workshop.presentation
    return (presentation.is_active() and presentation.state.stage_id == stage
            and presentation.state.spotlight_id == spotlight)


def centred_on(window, stage_id) -> bool:
    """The stage's column sits in the middle of the window's canvas."""
    column = window.scene.layout.columns[stage_id]
    view = window.view
    centre = view.mapToScene(view.viewport().rect().center())
    return abs(centre.x() - (column.x + column.w / 2)) < 2


def bar(window):
    link = window.workshop.live
    return link.bar if link is not None else None


def bar_says(window, text: str, button: str) -> bool:
    shown = bar(window)
    return (shown is not None and shown.isVisible() and shown.label.text() == text
            and shown.button.text() == button)


def click_card(window, card_id) -> None:
    box = window.scene.layout.cards[card_id].rect
    point = window.view.mapFromScene(QPointF(box.x + box.w / 2, box.y + box.h / 2))
    QTest.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier, point)


def test_the_participant_follows_the_facilitators_stages_and_spotlight(qtbot, pair):
    host, guest, _ = pair
    assert not host.workshop.actions.bring.isEnabled()  # not presenting yet
    present(host, qtbot)
    qtbot.waitUntil(lambda: shows(guest, "s1"), timeout=WAIT_MS)  # F5 on the host alone
    assert guest.isFullScreen() and not guest.menuBar().isVisible()
    assert bar_says(guest, "Following Aiko's presentation", "Leave")
    assert bar(host) is None  # the facilitator has no follow bar
    press(host, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: shows(guest, "s2"), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: centred_on(guest, "s2"), timeout=WAIT_MS)
    assert guest.workshop.presentation.indicator.text.startswith("Stage 2 of 3")
    click_card(host, "e")  # the facilitator spotlights a pain point
    assert host.workshop.presentation.state.spotlight_id == "e"
    qtbot.waitUntil(lambda: shows(guest, "s2", "e"), timeout=WAIT_MS)
    press(host, Qt.Key.Key_Escape)  # back from the spotlight
    qtbot.waitUntil(lambda: shows(guest, "s2"), timeout=WAIT_MS)
    press(host, Qt.Key.Key_Escape)  # the facilitator stops presenting: so does everyone
    qtbot.waitUntil(lambda: not guest.workshop.presentation.is_active(), timeout=WAIT_MS)
    assert not guest.isFullScreen() and guest.menuBar().isVisible()
    assert not bar(guest).isVisible()


def test_a_participant_who_leaves_is_not_moved_until_everyone_is_brought_back(qtbot, pair):
    host, guest, _ = pair
    present(host, qtbot)
    qtbot.waitUntil(lambda: shows(guest, "s1"), timeout=WAIT_MS)
    QTest.mouseClick(bar(guest).button, Qt.MouseButton.LeftButton)  # Leave
    assert not guest.workshop.presentation.is_active()  # back to their own window
    assert bar_says(guest, "Aiko is presenting", "Follow Again")
    press(host, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: guest.workshop.live.leader.stage_id == "s2", timeout=WAIT_MS)
    assert not guest.workshop.presentation.is_active()  # the facilitator's step moved nothing
    QTest.mouseClick(bar(guest).button, Qt.MouseButton.LeftButton)  # Follow again
    assert shows(guest, "s2") and bar_says(guest, "Following Aiko's presentation", "Leave")
    focus_window(guest, qtbot)
    press(guest, Qt.Key.Key_Left)  # stepping on one's own leaves follow mode too
    assert shows(guest, "s1") and not guest.workshop.live.follow.following
    assert bar_says(guest, "Aiko is presenting", "Follow Again")
    focus_window(host, qtbot)
    press(host, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: guest.workshop.live.leader.stage_id == "s3", timeout=WAIT_MS)
    assert shows(guest, "s1")
    assert host.workshop.actions.bring.isEnabled() and not guest.workshop.actions.bring.isEnabled()
    press(host, Qt.Key.Key_B)  # Bring everyone to me
    qtbot.waitUntil(lambda: shows(guest, "s3"), timeout=WAIT_MS)
    assert guest.workshop.live.follow.following
    assert bar_says(guest, "Following Aiko's presentation", "Leave")
    QTest.mouseClick(bar(guest).button, Qt.MouseButton.LeftButton)  # Leave again, then...
    host.workshop.actions.bring.trigger()  # ...the Workshop menu's entry brings them back too
    qtbot.waitUntil(lambda: shows(guest, "s3"), timeout=WAIT_MS)


def start_timer_from_menu(window, text: str) -> None:
    menu = window.workshop.actions.start_menu
    menu.aboutToShow.emit()
    next(a for a in menu.actions() if a.text() == text).trigger()


def tick(*windows) -> None:
    for window in windows:
        window.workshop.timer.tick()


def test_the_facilitators_timer_shows_and_ends_on_every_screen(qtbot, pair, clock):
    host, guest, _ = pair
    start_timer_from_menu(host, "5 min  Silent brainstorming")
    guest_timer = guest.workshop.timer
    qtbot.waitUntil(lambda: guest_timer.state.status == RUNNING, timeout=WAIT_MS)
    assert guest_timer.overlay.isVisible() and guest_timer.overlay.digits() == "05:00"
    assert guest_timer.overlay.caption() == "Silent brainstorming"
    actions = guest.workshop.actions  # the facilitator's timer is theirs to drive
    assert not any(a.isEnabled() for a in (actions.pause, actions.add_minute, actions.stop,
                                           actions.start_menu.menuAction()))
    QTest.mouseClick(guest_timer.overlay, Qt.MouseButton.LeftButton)  # a click pauses nothing here
    assert guest_timer.state.status == RUNNING
    clock.now += 100
    host.workshop.actions.pause.trigger()
    qtbot.waitUntil(lambda: guest_timer.state.status == PAUSED, timeout=WAIT_MS)
    assert guest_timer.overlay.digits() == "03:20" and guest_timer.overlay.caption().startswith("Paused")
    host.workshop.actions.add_minute.trigger()
    qtbot.waitUntil(lambda: guest_timer.overlay.digits() == "04:20", timeout=WAIT_MS)
    clock.now += 30  # paused: no time passes on either screen
    host.workshop.actions.pause.trigger()  # resume
    qtbot.waitUntil(lambda: guest_timer.state.status == RUNNING, timeout=WAIT_MS)
    clock.now += 259.5
    tick(host, guest)
    assert [w.workshop.timer.overlay.digits() for w in (host, guest)] == ["00:01", "00:01"]
    assert host.workshop.timer.state.status == guest_timer.state.status == RUNNING
    clock.now += 0.5  # the end, on both screens at once
    tick(host, guest)
    assert host.workshop.timer.state.status == guest_timer.state.status == FINISHED
    assert guest_timer.beeps == 1 and host.workshop.timer.beeps == 1
    qtbot.waitUntil(lambda: guest.live.channel.leader_data()["timer"]["status"] == FINISHED,
                    timeout=WAIT_MS)
    assert guest_timer.beeps == 1  # the facilitator's "finished" does not beep again
    host.workshop.actions.add_minute.trigger()  # a minute more after the end
    qtbot.waitUntil(lambda: guest_timer.state.status == RUNNING, timeout=WAIT_MS)
    assert guest_timer.overlay.digits() == "01:00"
    host.workshop.actions.stop.trigger()
    qtbot.waitUntil(lambda: guest_timer.state.status == IDLE, timeout=WAIT_MS)
    assert not guest_timer.overlay.isVisible()


def test_a_late_joiner_gets_the_running_timer_and_the_presentation(qtbot, pair, clock, tmp_path):
    host, guest, shared = pair
    start_timer_from_menu(host, "5 min  Silent brainstorming")
    present(host, qtbot)
    press(host, Qt.Key.Key_Right)
    clock.now += 60
    late = join(qtbot, tmp_path, shared, "Mio", clock)
    try:
        qtbot.waitUntil(lambda: late.workshop.timer.state.status == RUNNING, timeout=WAIT_MS)
        assert late.workshop.timer.overlay.digits() == "04:00"  # not the 05:00 it started with
        qtbot.waitUntil(lambda: shows(late, "s2"), timeout=WAIT_MS)
        assert bar_says(late, "Following Aiko's presentation", "Leave")
        clock.now += 240
        tick(host, guest, late)
        assert {w.workshop.timer.state.status for w in (host, guest, late)} == {FINISHED}
    finally:
        late.workshop.timer.state.stop()
        close_all(late)


def test_leaving_the_session_gives_the_participant_their_own_timer_back(qtbot, pair, clock):
    host, guest, _ = pair
    start_timer_from_menu(host, "5 min  Silent brainstorming")
    present(host, qtbot)
    qtbot.waitUntil(lambda: shows(guest, "s1") and guest.workshop.timer.state.status == RUNNING,
                    timeout=WAIT_MS)
    QTest.mouseClick(bar(guest).button, Qt.MouseButton.LeftButton)  # Leave the presentation
    guest.resize(760, 700)  # as narrow as it goes: the bar gives way to the countdown
    countdown, shown = guest.workshop.timer.overlay, bar(guest)
    assert bar_says(guest, "Aiko is presenting", "Follow Again") and countdown.isVisible()
    frame = guest.view.viewport().geometry()
    centred = shown.geometry().translated(frame.center().x() - shown.geometry().center().x(), 0)
    assert centred.intersects(countdown.geometry())  # where it would be, were it not moved
    qtbot.waitUntil(lambda: not shown.geometry().intersects(countdown.geometry()))
    assert frame.contains(shown.geometry())
    guest.menu_actions.stop_live.trigger()  # then the session
    assert guest.workshop.live is None
    actions = guest.workshop.actions
    assert actions.pause.isEnabled() and actions.start_menu.menuAction().isEnabled()
    actions.pause.trigger()  # the timer that was the facilitator's is now the participant's own
    assert guest.workshop.timer.state.status == PAUSED
    focus_window(host, qtbot)
    press(host, Qt.Key.Key_Right)
    QTest.qWait(50)
    assert not guest.workshop.presentation.is_active()


def test_the_follow_bar_and_the_bring_action_speak_japanese(qapp, qtbot, pair):
    host, guest, _ = pair
    translators = install_translators(qapp, "ja")
    try:
        present(host, qtbot)
        qtbot.waitUntil(lambda: shows(guest, "s1"), timeout=WAIT_MS)
        assert bar_says(guest, "Aiko のプレゼンテーションを表示中", "離れる")
        QTest.mouseClick(bar(guest).button, Qt.MouseButton.LeftButton)
        assert bar_says(guest, "Aiko がプレゼンテーション中", "もう一度フォロー")
    finally:
        for translator in translators:
            QCoreApplication.removeTranslator(translator)
