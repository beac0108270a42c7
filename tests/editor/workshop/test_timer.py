"""The timebox driven from the Workshop menu, with an injected clock (no sleeping): a preset
started, paused, a minute added, the end signalled (red, flashing, one beep), the countdown over
the canvas and over the presentation, presets edited and remembered. (issue 14, Timebox)"""
from __future__ import annotations

import pytest
from canvas_helpers import ini_settings
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QContextMenuEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMenu
from window_helpers import close_window, focus_window, make_window, when_modal

from editor.settings import KEY_TIMER_BEEP, KEY_TIMER_PRESETS
from editor.workshop.state import FINISHED, IDLE, PAUSED, RUNNING
from editor.workshop.timer_dialogs import CustomTimerDialog, PresetsDialog
from editor.workshop.timer_overlay import FLASH_S


class FakeClock:
    def __init__(self) -> None:
        self.now = 5000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def settings(tmp_path):
    return ini_settings(tmp_path, "en")


@pytest.fixture
def clock():
    return FakeClock()


def open_window(qtbot, settings, clock):
    window = make_window(qtbot, settings)
    window.workshop.timer.state.clock = clock  # the injected clock
    return window


@pytest.fixture
def window(qtbot, settings, clock):
    window = open_window(qtbot, settings, clock)
    yield window
    window.workshop.timer.stop()
    close_window(window)


def workshop_menu(window) -> QMenu:
    return next(a.menu() for a in window.menuBar().actions() if a.text().replace("&", "") == "Workshop")


def start_menu_entries(window) -> list:
    menu = window.workshop.actions.start_menu
    menu.aboutToShow.emit()  # what opening it does
    return [a for a in menu.actions() if not a.isSeparator()]


def start_preset(window, text: str) -> None:
    entry = next(a for a in start_menu_entries(window) if a.text() == text)
    entry.trigger()


def later(window, clock, seconds: float) -> None:
    """Time passes; the next tick of the timer's QTimer redraws (called here, not waited for)."""
    clock.now += seconds
    window.workshop.timer.tick()


def overlay(window):
    return window.workshop.timer.overlay


def overlay_colour(window) -> QColor:
    """The countdown's background as the room sees it, beside its digits."""
    image = overlay(window).grab().toImage()
    return QColor(image.pixel(6, image.height() // 2))


def test_a_preset_counts_down_pauses_gets_a_minute_and_signals_the_end(window, clock):
    actions = window.workshop.actions
    assert workshop_menu(window) is not None
    assert not actions.pause.isEnabled() and not actions.stop.isEnabled()
    start_preset(window, "5 min  Silent brainstorming")
    shown = overlay(window)
    assert shown.isVisible() and shown.digits() == "05:00"
    assert shown.caption() == "Silent brainstorming"
    later(window, clock, 61)
    assert shown.digits() == "03:59"
    actions.pause.trigger()
    assert actions.pause.text().replace("&", "") == "Resume Timer"
    later(window, clock, 100)
    assert shown.digits() == "03:59" and shown.caption().startswith("Paused")
    actions.pause.trigger()  # Resume
    later(window, clock, 1)
    assert shown.digits() == "03:58"
    actions.add_minute.trigger()
    assert shown.digits() == "04:58"
    later(window, clock, 238)
    assert shown.look() == ("normal", "last_minute")  # amber in the last minute
    assert window.workshop.timer.beeps == 0
    later(window, clock, 60)
    state = window.workshop.timer.state
    assert state.status == FINISHED and shown.digits() == "00:00"
    assert shown.caption().startswith("Time's up!")
    assert window.workshop.timer.beeps == 1
    red = overlay_colour(window)
    assert red.red() > 150 and red.green() < 90, red.name()
    later(window, clock, 0.6)
    assert shown.look() == ("flash", "flash")  # flashing
    later(window, clock, FLASH_S)
    assert shown.look() == ("finished", "finished")  # then steady red
    assert window.workshop.timer.beeps == 1  # one beep, not one per tick
    assert not window.workshop.timer.is_ticking()  # nothing left to redraw
    QTest.mouseClick(shown, Qt.MouseButton.LeftButton)  # a click dismisses it
    assert state.status == IDLE and not shown.isVisible()


def test_time_is_kept_by_the_clock_not_by_counting_ticks(window, clock):
    window.workshop.timer.start(10, "Check-in")
    clock.now += 9.5  # no tick at all meanwhile
    window.workshop.timer.tick()
    assert overlay(window).digits() == "00:01"
    clock.now += 500
    window.workshop.timer.tick()
    assert window.workshop.timer.state.status == FINISHED


def test_a_click_pauses_and_resumes_and_stop_hides_the_countdown(window, clock):
    window.workshop.timer.start(120)
    QTest.mouseClick(overlay(window), Qt.MouseButton.LeftButton)
    assert window.workshop.timer.state.status == PAUSED
    QTest.mouseClick(overlay(window), Qt.MouseButton.LeftButton)
    assert window.workshop.timer.state.status == RUNNING
    window.workshop.actions.stop.trigger()
    assert not overlay(window).isVisible() and not window.workshop.actions.stop.isEnabled()


def test_the_countdown_sits_in_a_corner_clear_of_the_first_stage_and_can_be_dragged(window, clock):
    view = window.view
    window.workshop.timer.start(300)
    first = window.scene.layout.columns[window.document.journey.stage_ids()[0]]
    first_on_screen = view.mapFromScene(QPointF(first.x, first.y)).x(), \
        view.mapFromScene(QPointF(first.x + first.w, first.y)).x()
    box = overlay(window).geometry()
    assert box.left() > first_on_screen[1]  # right of the first stage
    assert view.viewport().geometry().contains(box)
    assert box.height() >= 40  # large digits
    start = box.center() - box.topLeft()
    QTest.mousePress(overlay(window), Qt.MouseButton.LeftButton, pos=start)
    QTest.mouseMove(overlay(window), start + QPointF(-300, 200).toPoint())
    QTest.mouseRelease(overlay(window), Qt.MouseButton.LeftButton, pos=start + QPointF(-300, 200).toPoint())
    moved = overlay(window).geometry()
    assert (moved.left() - box.left(), moved.top() - box.top()) == (-300, 200)
    assert window.workshop.timer.state.status == RUNNING  # a drag is no click


def test_the_countdown_shows_over_the_presentation_and_its_keys_work(window, qtbot, clock):
    start_preset(window, "10 min  Discussion")
    focus_window(window, qtbot)
    QTest.keyClick(window.view, Qt.Key.Key_F5)
    qtbot.waitUntil(window.workshop.presentation.is_active)
    qtbot.waitUntil(lambda: window.geometry().size() == window.screen().geometry().size())
    QTest.qWait(10)
    shown = overlay(window)
    assert shown.isVisible()
    siblings = window.view.children()
    assert siblings.index(shown) > siblings.index(window.workshop.presentation.veil)  # above the veil
    assert window.view.viewport().geometry().contains(shown.geometry())
    assert shown.digit_pixels() >= 28
    QTest.keyClick(window.view, Qt.Key.Key_P)
    assert window.workshop.timer.state.status == PAUSED
    QTest.keyClick(window.view, Qt.Key.Key_Plus)
    assert shown.digits() == "11:00"
    QTest.keyClick(window.view, Qt.Key.Key_P)
    later(window, clock, 11 * 60)
    assert window.workshop.timer.state.status == FINISHED and shown.isVisible()
    QTest.keyClick(window.view, Qt.Key.Key_Escape)
    assert not window.workshop.presentation.is_active() and shown.isVisible()


def edit_presets(window, change) -> None:
    def answer(widget) -> bool:
        if not isinstance(widget, PresetsDialog):
            return False
        change(widget)
        widget.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
        return True
    when_modal(answer)
    window.workshop.actions.edit_presets.trigger()


def test_presets_are_edited_and_remembered(window, qtbot, settings, clock):
    def change(dialog: PresetsDialog) -> None:
        dialog.table.selectRow(0)
        dialog.remove_button.click()
        dialog.add_button.click()
        row = dialog.table.rowCount() - 1
        dialog.table.item(row, 0).setText("Customer interviews")
        dialog.table.cellWidget(row, 1).setValue(7.5)
    edit_presets(window, change)
    texts = [a.text() for a in start_menu_entries(window)]
    assert "5 min  Silent brainstorming" not in texts
    assert "7 min 30 s  Customer interviews" in texts
    settings.sync()
    again = open_window(qtbot, settings, clock)  # the next start
    try:
        assert [a.text() for a in start_menu_entries(again)] == texts
        start_preset(again, "7 min 30 s  Customer interviews")
        assert again.workshop.timer.state.remaining() == pytest.approx(450)
    finally:
        again.workshop.timer.stop()
        close_window(again)


def test_unreadable_presets_fall_back_to_the_defaults(qtbot, tmp_path, clock):
    settings = ini_settings(tmp_path, "en")
    settings.setValue(KEY_TIMER_PRESETS, "[{\"label\": \"broken\", \"seconds\": ")
    window = open_window(qtbot, settings, clock)
    try:
        assert start_menu_entries(window)[0].text() == "5 min  Silent brainstorming"
        settings.setValue(KEY_TIMER_PRESETS, '[{"label": "Odd", "seconds": -3}, "junk", {"seconds": 1e12}]')
        assert [a.text() for a in start_menu_entries(window)][:2] == ["1 s  Odd", "600 min"]
    finally:
        close_window(window)


def test_a_custom_timer_from_its_dialog(window, clock):
    def answer(widget) -> bool:
        if not isinstance(widget, CustomTimerDialog):
            return False
        widget.minutes.setValue(2.5)
        widget.label.setText("Q&A")
        widget.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
        return True
    when_modal(answer)
    next(a for a in start_menu_entries(window) if a.text().replace("&", "") == "Custom…").trigger()
    state = window.workshop.timer.state
    assert (state.status, state.label, state.remaining()) == (RUNNING, "Q&A", pytest.approx(150))


def test_the_beep_can_be_switched_off_and_stays_off(window, qtbot, settings, clock):
    beep = window.workshop.actions.beep
    assert beep.isChecked()
    beep.trigger()
    assert settings.value(KEY_TIMER_BEEP) in (False, "false")
    window.workshop.timer.start(5)
    later(window, clock, 6)
    assert window.workshop.timer.state.status == FINISHED and window.workshop.timer.beeps == 0
    again = open_window(qtbot, settings, clock)
    try:
        assert not again.workshop.actions.beep.isChecked()
    finally:
        close_window(again)


def popup_texts(qtbot) -> list[str]:
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    menu = QApplication.activePopupWidget()
    texts = [a.text().replace("&", "") for a in menu.actions() if not a.isSeparator()]
    menu.close()
    return texts


def test_right_clicks_open_the_timer_menu_on_the_countdown_and_while_presenting(window, qtbot):
    window.workshop.timer.start(300, "Discussion")
    focus_window(window, qtbot)
    shown = overlay(window)
    QApplication.sendEvent(shown, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, QPoint(5, 5),
                                                    shown.mapToGlobal(QPoint(5, 5))))
    assert popup_texts(qtbot) == ["Start Timer", "Pause Timer", "Add a Minute", "Stop Timer"]
    QTest.keyClick(window.view, Qt.Key.Key_F5)
    qtbot.waitUntil(window.workshop.presentation.is_active)
    viewport = window.view.viewport()
    QApplication.sendEvent(viewport, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, QPoint(50, 50),
                                                       viewport.mapToGlobal(QPoint(50, 50))))
    assert popup_texts(qtbot)[-1] == "Presentation Mode"
    assert window.document.undo_stack.count() == 0  # not the canvas's edit menu
