"""Presentation mode driven as a facilitator drives it: F5 fills the screen with the first stage,
→ / Page Down / Home / End step through the stages (centred, the others dimmed), a click on a card
spotlights it, Esc goes back and out, and the window comes back exactly as it was. Nothing is
edited while presenting. (issue 14, Presentation)"""
from __future__ import annotations

import pytest
from canvas_helpers import ini_settings
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMenu
from window_helpers import close_window, focus_window, make_window

from editor.settings import KEY_PRESENTATION_SCREEN
from editor.workshop.screens import choose_screen, fill_screen_menu, presentation_screen, screen_key
from editor.workshop.state import FollowMode, PresentationState
from model import LaneKind


@pytest.fixture
def settings(tmp_path):
    return ini_settings(tmp_path, "en")


@pytest.fixture
def window(qtbot, settings):
    window = make_window(qtbot, settings, size=(1100, 760))
    yield window
    close_window(window)


def press(window, key, qtbot=None) -> None:
    QTest.keyClick(window.view, key)


def present(window, qtbot) -> None:
    focus_window(window, qtbot)  # shortcuts go to the active window
    press(window, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: window.workshop.presentation.is_active())
    # Full screen comes as resize events, and the stage is aimed at once the size has settled.
    qtbot.waitUntil(lambda: window.geometry().size() == window.screen().geometry().size())
    QTest.qWait(10)


def stage_rect(window, stage_id):
    column = window.scene.layout.columns[stage_id]
    return column.x, column.y, column.w, column.h


def centre_on_screen(window) -> QPointF:
    view = window.view
    return view.mapToScene(view.viewport().rect().center())


def empty_cell_point(window, stage_id) -> QPointF:
    """A point of a card-lane cell that no card covers: the middle of its bottom padding."""
    journey, layout = window.document.journey, window.scene.layout
    lane = next(lane.id for lane in journey.lanes() if lane.kind != LaneKind.EMOTION)
    cell = layout.cells[(stage_id, lane)]
    return QPointF(cell.x + cell.w / 2, cell.y + cell.h - 4)


def lightness_at(window, scene_point) -> int:
    """How light the screen is at a scene point, overlays included (what the room sees)."""
    view = window.view
    image = view.grab().toImage()
    where = view.viewport().mapTo(view, view.mapFromScene(scene_point))
    return QColor(image.pixel(where)).lightness()


def assert_stage_shown(window, stage_id) -> None:
    x, y, w, h = stage_rect(window, stage_id)
    centre = centre_on_screen(window)
    assert abs(centre.x() - (x + w / 2)) < 2, (stage_id, centre, x + w / 2)
    assert window.workshop.presentation.state.stage_id == stage_id
    stages = window.document.journey.stage_ids()
    assert window.workshop.presentation.indicator.text.startswith(
        f"Stage {stages.index(stage_id) + 1} of {len(stages)}")
    shown = lightness_at(window, empty_cell_point(window, stage_id))
    for other in stages:
        if other != stage_id and window.view.viewport().rect().contains(
                window.view.mapFromScene(empty_cell_point(window, other))):
            assert lightness_at(window, empty_cell_point(window, other)) < 0.6 * shown, other


def test_f5_fills_the_screen_with_the_first_stage_and_the_others_dimmed(window, qtbot):
    present(window, qtbot)
    assert window.isFullScreen()
    assert not window.menuBar().isVisible() and not window.statusBar().isVisible()
    assert not window.toolbar.isVisible()
    assert not any(dock.isVisible() for dock in window.docks())
    assert window.geometry().size() == window.screen().geometry().size()
    first = window.document.journey.stage_ids()[0]
    assert_stage_shown(window, first)
    assert window.view.zoom() > 1.0  # large type: zoomed in from the 100 % the map opened at


def test_keys_and_clicker_keys_step_through_the_stages(window, qtbot):
    stages = window.document.journey.stage_ids()
    present(window, qtbot)
    press(window, Qt.Key.Key_Right)
    assert_stage_shown(window, stages[1])
    press(window, Qt.Key.Key_PageDown)  # what a presenter's clicker sends
    assert_stage_shown(window, stages[2])
    press(window, Qt.Key.Key_PageUp)
    assert_stage_shown(window, stages[1])
    press(window, Qt.Key.Key_End)
    assert_stage_shown(window, stages[-1])
    press(window, Qt.Key.Key_Right)  # the last stays the last
    assert_stage_shown(window, stages[-1])
    press(window, Qt.Key.Key_Home)
    assert_stage_shown(window, stages[0])
    press(window, Qt.Key.Key_Left)
    assert_stage_shown(window, stages[0])


def click_scene(window, scene_point) -> None:
    QTest.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     window.view.mapFromScene(scene_point))


def card_centre(window, card_id) -> QPointF:
    box = window.scene.layout.cards[card_id].rect
    return QPointF(box.x + box.w / 2, box.y + box.h / 2)


def test_a_click_on_a_card_spotlights_it_and_empty_space_or_esc_returns(window, qtbot):
    journey = window.document.journey
    stages = journey.stage_ids()
    present(window, qtbot)
    press(window, Qt.Key.Key_Right)
    stage_zoom = window.view.zoom()
    card, other = [c for c in journey.card_ids() if journey.card_place(c).stage == stages[1]][:2]
    click_scene(window, card_centre(window, card))
    presentation = window.workshop.presentation
    assert presentation.state.spotlight_id == card
    assert window.view.zoom() > stage_zoom
    centre = centre_on_screen(window)
    assert (centre - card_centre(window, card)).manhattanLength() < 2
    assert lightness_at(window, card_centre(window, card)) > 200  # the card itself, undimmed
    other_point = card_centre(window, other)
    if window.view.viewport().rect().contains(window.view.mapFromScene(other_point)):
        assert lightness_at(window, other_point) < 150
    click_scene(window, empty_cell_point(window, stages[1]) + QPointF(0, -2))  # empty space
    assert presentation.state.spotlight_id is None
    assert_stage_shown(window, stages[1])
    click_scene(window, card_centre(window, card))
    press(window, Qt.Key.Key_Escape)  # Esc: back to the stage first...
    assert presentation.is_active() and presentation.state.spotlight_id is None
    assert_stage_shown(window, stages[1])
    press(window, Qt.Key.Key_Escape)  # ...then out
    assert not presentation.is_active()


def test_a_click_on_another_stage_goes_there(window, qtbot):
    stages = window.document.journey.stage_ids()
    present(window, qtbot)
    x, y, w, h = stage_rect(window, stages[1])
    click_scene(window, QPointF(x + 3, y + 3))  # the next stage's header, dimmed beside this one
    assert_stage_shown(window, stages[1])


def test_esc_restores_the_window_exactly(window, qtbot):
    view = window.view
    window.history.show()
    window.history.raise_()
    window.segments.hide()
    view.set_zoom(1.3)
    view.horizontalScrollBar().setValue(view.horizontalScrollBar().maximum() // 2)
    view.verticalScrollBar().setValue(37)
    before = (window.geometry(), window.windowState(), [d.isVisible() for d in window.docks()],
              window.toolbar.isVisible(), view.zoom(), view.horizontalScrollBar().value(),
              view.verticalScrollBar().value(), view.viewport().size(), view.sceneRect())
    assert view.frozen.enabled
    present(window, qtbot)
    press(window, Qt.Key.Key_End)
    click_scene(window, card_centre(window, window.document.journey.card_ids()[-1]))
    assert not view.frozen.enabled and view.sceneRect() != before[-1]
    press(window, Qt.Key.Key_Escape)
    press(window, Qt.Key.Key_Escape)
    assert not window.workshop.presentation.is_active()
    assert not window.workshop.actions.present.isChecked()

    def now():
        return (window.geometry(), window.windowState(), [d.isVisible() for d in window.docks()],
                window.toolbar.isVisible(), view.zoom(), view.horizontalScrollBar().value(),
                view.verticalScrollBar().value(), view.viewport().size(), view.sceneRect())
    qtbot.waitUntil(lambda: now() == before, timeout=3000)
    assert window.menuBar().isVisible() and window.statusBar().isVisible()
    assert view.frozen.enabled and window.zoom_label.text() == "130 %"
    assert not window.workshop.presentation.veil.isVisible()


def test_f5_again_leaves_and_the_menu_entry_says_whether_it_is_on(window, qtbot):
    action = window.workshop.actions.present
    assert action.shortcut().toString() == "F5" and not action.isChecked()
    present(window, qtbot)
    assert action.isChecked()
    press(window, Qt.Key.Key_F5)  # a clicker's start/stop button sends F5 and Esc in turn
    assert not window.workshop.presentation.is_active() and not action.isChecked()
    action.trigger()  # Workshop → Presentation Mode
    assert window.workshop.presentation.is_active()


def test_nothing_is_edited_while_presenting(window, qtbot):
    journey, stack = window.document.journey, window.document.undo_stack
    card = journey.card_ids()[0]
    window.scene.select_element(card)
    present(window, qtbot)
    window.scene.select_element(card)  # even a selection made meanwhile
    for key in (Qt.Key.Key_Delete, Qt.Key.Key_F2, Qt.Key.Key_Return):
        press(window, key)
    QTest.keyClick(window.view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    start = window.view.mapFromScene(card_centre(window, card))
    viewport = window.view.viewport()
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for step in range(1, 6):
        QTest.mouseMove(viewport, start + QPoint(0, 40 * step))
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       start + QPoint(0, 200))
    QTest.mouseDClick(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    assert journey.has(card) and stack.count() == 0
    assert window.scene.interaction.inline_editor is None
    assert window.workshop.presentation.is_active()


def test_the_presentation_follows_the_map_changing_meanwhile(window, qtbot):
    """A live participant removes the stage on screen, then the spotlighted card."""
    journey, controller = window.document.journey, window.document.controller
    stages = journey.stage_ids()
    present(window, qtbot)
    press(window, Qt.Key.Key_Right)
    controller.remove([stages[1]])
    qtbot.waitUntil(lambda: window.workshop.presentation.state.stage_id == stages[2])
    assert_stage_shown(window, stages[2])
    card = next(c for c in journey.card_ids() if journey.card_place(c).stage == stages[2])
    click_scene(window, card_centre(window, card))
    controller.remove([card])
    qtbot.waitUntil(lambda: window.workshop.presentation.state.spotlight_id is None)
    assert window.workshop.presentation.indicator.text.startswith("Stage 2 of 4")


def test_a_participant_view_follows_the_facilitator_state(window, qtbot):
    """What a live session will do: the facilitator's state arrives as data and this window
    presents and follows, until the participant steps on their own."""
    stages = window.document.journey.stage_ids()
    facilitator = PresentationState()
    leader = PresentationState()
    follow = FollowMode(leader, window.workshop.presentation.state)
    focus_window(window, qtbot)
    facilitator.start(stages[0])
    facilitator.go_to_stage(stages[3])
    leader.apply_data(facilitator.to_data())
    assert window.workshop.presentation.is_active()  # the facilitator started presenting
    qtbot.waitUntil(lambda: window.geometry().size() == window.screen().geometry().size())
    QTest.qWait(10)
    assert_stage_shown(window, stages[3])
    press(window, Qt.Key.Key_Left)  # the participant looks back: no longer following
    assert not follow.following
    facilitator.go_to_stage(stages[4])
    leader.apply_data(facilitator.to_data())
    assert_stage_shown(window, stages[2])
    facilitator.bring_everyone()
    leader.apply_data(facilitator.to_data())
    assert follow.following
    assert_stage_shown(window, stages[4])
    facilitator.stop()
    leader.apply_data(facilitator.to_data())
    assert not window.workshop.presentation.is_active()


def test_the_presentation_screen_is_chosen_in_a_menu_and_remembered(window, settings):
    screens = QGuiApplication.screens()
    menu = QMenu()
    fill_screen_menu(menu, settings)
    entries = menu.actions()
    assert len(entries) == 1 + len(screens)
    assert entries[0].isChecked()  # Automatic, the first time
    assert presentation_screen(settings, window.screen()) is window.screen()  # one screen only
    entries[1].trigger()
    assert settings.value(KEY_PRESENTATION_SCREEN) == screen_key(0, screens[0])
    fill_screen_menu(menu, settings)
    assert [a.isChecked() for a in menu.actions()] == [False, True] + [False] * (len(screens) - 1)
    settings.setValue(KEY_PRESENTATION_SCREEN, "HDMI-gone")  # not connected today
    fill_screen_menu(menu, settings)
    assert menu.actions()[0].isChecked()
    assert presentation_screen(settings, window.screen()) is window.screen()


def test_a_stage_too_tall_for_the_screen_shows_from_its_header_at_a_readable_size(qtbot, settings):
    from editor.document.document import Document
    from editor.workshop.camera import READABLE_LINES
    from model import Card, CardKind
    from model.layout.grid import TITLE_SIZE

    document = Document.from_template("saas-cs-lifecycle", "ja")
    journey = document.journey
    stages, lane = journey.stage_ids(), journey.lane_ids()[0]
    for i in range(60):  # a workshop's worth of sticky notes in one cell
        journey.add_card(Card(f"many-{i}", CardKind.TOUCHPOINT, f"付箋 {i}"), stages[1], lane)
    document.undo_stack.setClean()
    window = window_for(qtbot, document, settings)
    try:
        present(window, qtbot)
        press(window, Qt.Key.Key_Right)
        view = window.view
        x, y, w, h = stage_rect(window, stages[1])
        assert abs(centre_on_screen(window).x() - (x + w / 2)) < 2
        assert h * view.zoom() > view.viewport().height()  # it cannot fit whole
        assert view.zoom() >= view.viewport().height() / READABLE_LINES / TITLE_SIZE - 1e-6
        top = view.mapFromScene(QPointF(x, y)).y()
        assert 0 <= top < view.viewport().height() * 0.1  # its header at the top
        before = view.verticalScrollBar().value()
        press(window, Qt.Key.Key_Down)
        assert view.verticalScrollBar().value() > before
        assert window.workshop.presentation.state.stage_id == stages[1]
    finally:
        close_window(window)


def window_for(qtbot, document, settings):
    from editor.window.mainwindow import MainWindow

    window = MainWindow(document, settings)
    window.resize(1100, 760)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_a_map_without_stages_has_nothing_to_present_and_the_start_screen_no_presentation(window, qtbot):
    window.document.controller.remove(list(window.document.journey.stage_ids()))
    focus_window(window, qtbot)
    press(window, Qt.Key.Key_F5)
    assert not window.workshop.presentation.is_active()
    assert not window.workshop.actions.present.isChecked()
    assert "Nothing to present" in window.statusBar().currentMessage()
    window.document.undo_stack.setClean()
    window.close_map()
    assert not window.workshop.actions.present.isEnabled()


@pytest.mark.parametrize("keys, chosen, current, expected", [
    (["eDP-1", "HDMI-1"], "", 0, 1),  # Automatic: the screen the window is not on, the projector
    (["eDP-1", "HDMI-1"], "", 1, 0),
    (["eDP-1", "HDMI-1"], "eDP-1", 0, 0),  # chosen in the menu
    (["eDP-1", "HDMI-1"], "DP-3", 0, 1),  # chosen, but not connected today
    (["eDP-1"], "", 0, 0),
    (["eDP-1", "HDMI-1", "DP-2"], "", 1, 0),
])
def test_the_projector_is_the_screen_the_window_is_not_on(keys, chosen, current, expected):
    assert choose_screen(keys, chosen, current) == expected
