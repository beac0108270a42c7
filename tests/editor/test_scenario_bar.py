"""The scenario bar above the canvas (issue 16): adding a copy or an empty scenario, switching by
tab, key and menu with the docks following, editing in one scenario and undoing from another,
renaming in place, deleting and moving from the tab's menu; every scenario saved."""
from __future__ import annotations

import pytest
from canvas_helpers import ini_settings
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit
from window_helpers import close_window, focus_window, make_window

from model.scenarios import load_document


@pytest.fixture
def window(qtbot, tmp_path):
    window = make_window(qtbot, ini_settings(tmp_path, "en"), language="ja")
    window.errors = []
    window.show_error = lambda title, message: window.errors.append(message)
    yield window
    close_window(window)


def bar(window):
    return window.scenarios.bar


def add_from_plus(window, which: str) -> None:
    """The "+" button's menu, as the person opens it: Copy of current / Empty."""
    menu = bar(window).add_menu
    [action] = [a for a in menu.actions() if which in a.text()]
    action.trigger()


def click_tab(window, qtbot, index: int) -> None:
    tabs = bar(window).tabs
    qtbot.mouseClick(tabs, Qt.MouseButton.LeftButton, pos=tabs.tabRect(index).center())


def tab_action(window, scenario_id: str, text: str):
    menu = window.scenarios.tab_menu(scenario_id)
    [action] = [a for a in menu.actions() if a.text() == text]
    return action


def shown_card_titles(window) -> list[str]:
    return sorted(item.card.title for item in window.scene.cards.values())


def test_one_tab_for_a_map_and_a_copy_added_from_the_plus_menu_is_shown(window):
    assert bar(window).isVisible() and bar(window).tab_names() == ["現状"]
    before = shown_card_titles(window)
    add_from_plus(window, "Copy of Current")
    scenarios = window.document.scenarios
    assert bar(window).tab_names() == ["現状", "あるべき姿"]
    assert bar(window).tabs.currentIndex() == 1 and scenarios.current_id == "to-be"
    assert window.scene.journey is scenarios.scenario("to-be").journey
    assert shown_card_titles(window) == before  # a copy: the same cards
    assert "あるべき姿" in window.windowTitle()


def test_an_empty_scenario_keeps_stages_and_lanes_without_cards(window):
    stages = [s.name for s in window.document.journey.stages()]
    add_from_plus(window, "Empty")
    assert window.scene.cards == {} and window.document.journey.card_count() == 0
    assert [s.name for s in window.scene.journey.stages()] == stages
    assert len(window.scene.journey.lanes()) > 0


def test_clicking_a_tab_switches_keeping_zoom_and_the_docks_follow(window, qtbot):
    add_from_plus(window, "Empty")
    window.view.set_zoom(1.5)
    window.document.undo_stack.setClean()  # as if saved
    click_tab(window, qtbot, 0)
    as_is = window.document.scenarios.scenario("as-is").journey
    assert window.document.scenarios.current_id == "as-is" and window.scene.journey is as_is
    assert window.view.scene() is window.scene and window.view.zoom() == pytest.approx(1.5)
    assert not window.document.is_modified()  # a switch is a way of looking, not an edit
    assert window.document.undo_stack.count() == 1  # only the addition
    card_id = as_is.card_ids()[0]
    window.scene.select_element(card_id)
    assert window.inspector.current_form().title.text() == as_is.card(card_id).title
    assert window.health.scene is window.scene and window.moments.scene is window.scene
    # the as-is map's moments of truth, not the empty map's (docks read in slices, when idle)
    qtbot.waitUntil(lambda: window.moments.list.count() > 0)
    assert window.segments.scene is window.scene


def test_ctrl_page_down_and_up_switch_scenarios(window, qtbot):
    add_from_plus(window, "Copy of Current")
    focus_window(window, qtbot)
    window.view.setFocus()
    QTest.keyClick(window.view, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert window.document.scenarios.current_id == "as-is"  # wraps round
    QTest.keyClick(window.view, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert window.document.scenarios.current_id == "to-be"
    QTest.keyClick(window.view, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert window.document.scenarios.current_id == "as-is"
    assert bar(window).tabs.currentIndex() == 0


def test_view_menu_has_the_scenario_entries(window):
    view_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    texts = [a.text() for a in view_menu.actions()]
    assert "&Compare Scenarios…" in texts and "&Scenario" in texts


def test_undo_of_an_edit_in_another_scenario_switches_there_first(window, qtbot):
    add_from_plus(window, "Copy of Current")
    to_be = window.document.scenarios.scenario("to-be").journey
    as_is = window.document.scenarios.scenario("as-is").journey
    card_id = to_be.card_ids()[0]
    focus_window(window, qtbot)
    window.view.setFocus()
    window.scene.select_element(card_id)
    QTest.keyClick(window.view, Qt.Key.Key_Delete)  # deleted in to-be only
    assert not to_be.has(card_id) and as_is.has(card_id)
    click_tab(window, qtbot, 0)
    assert window.scene.journey is as_is
    window.menu_actions.undo.trigger()
    assert window.document.scenarios.current_id == "to-be"  # shown first, then undone
    assert window.scene.journey is to_be and to_be.has(card_id) and card_id in window.scene.cards
    click_tab(window, qtbot, 0)
    window.menu_actions.redo.trigger()
    assert window.document.scenarios.current_id == "to-be" and not to_be.has(card_id)
    assert "Delete" in window.undo_view.stack().undoText() or window.undo_view.stack().canUndo()


def test_typing_in_the_same_card_of_two_scenarios_stays_two_steps(window, qtbot):
    add_from_plus(window, "Copy of Current")
    card_id = window.document.journey.card_ids()[0]
    window.scene.select_element(card_id)
    title = window.inspector.current_form().title
    title.setFocus()
    QTest.keyClicks(title, "A")
    title.editingFinished.emit()
    click_tab(window, qtbot, 0)
    window.scene.select_element(card_id)
    title = window.inspector.current_form().title
    title.setFocus()
    QTest.keyClicks(title, "B")
    stack = window.document.undo_stack
    texts = [stack.text(i) for i in range(stack.count())]
    assert len(texts) == 3, texts  # the addition, then one edit in each scenario
    stack.undo()
    assert window.document.scenarios.current_id == "as-is"
    stack.undo()
    assert window.document.scenarios.current_id == "to-be"


def test_double_click_renames_in_place_and_undo_renames_back(window, qtbot):
    add_from_plus(window, "Copy of Current")
    tabs = bar(window).tabs
    qtbot.mouseDClick(tabs, Qt.MouseButton.LeftButton, pos=tabs.tabRect(1).center())
    editor = tabs.findChild(QLineEdit, "ScenarioNameEditor")
    assert editor is not None and editor.isVisible() and editor.text() == "あるべき姿"
    editor.selectAll()
    editor.insert("理想 2027")  # what an input method hands over
    QTest.keyClick(editor, Qt.Key.Key_Return)
    assert bar(window).tab_names() == ["現状", "理想 2027"]
    assert "理想 2027" in window.windowTitle()
    window.menu_actions.undo.trigger()
    assert bar(window).tab_names() == ["現状", "あるべき姿"]


def test_escape_cancels_a_rename_and_a_used_name_is_refused(window, qtbot):
    add_from_plus(window, "Copy of Current")
    editor = bar(window).start_rename("to-be")
    QTest.keyClicks(editor, "x")
    QTest.keyClick(editor, Qt.Key.Key_Escape)
    assert bar(window).tab_names() == ["現状", "あるべき姿"]
    editor = bar(window).start_rename("to-be")
    editor.setText("現状")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    assert bar(window).tab_names() == ["現状", "あるべき姿"]
    assert window.errors and "現状" in window.errors[0]


def test_delete_and_move_from_the_tab_menu_are_undo_steps(window, qtbot):
    add_from_plus(window, "Copy of Current")
    add_from_plus(window, "Empty")
    assert bar(window).tab_names() == ["現状", "あるべき姿", "シナリオ 3"]
    tab_action(window, "as-is", "Move Right").trigger()
    assert bar(window).tab_names() == ["あるべき姿", "現状", "シナリオ 3"]
    assert not tab_action(window, "to-be", "Move Left").isEnabled()
    tab_action(window, "to-be", "Delete").trigger()
    assert bar(window).tab_names() == ["現状", "シナリオ 3"]
    window.menu_actions.undo.trigger()  # the deleted scenario comes back, shown
    assert bar(window).tab_names() == ["あるべき姿", "現状", "シナリオ 3"]
    assert window.document.scenarios.current_id == "to-be"
    window.menu_actions.undo.trigger()
    assert bar(window).tab_names() == ["現状", "あるべき姿", "シナリオ 3"]


def test_duplicate_from_the_tab_menu_copies_that_scenario(window, qtbot):
    add_from_plus(window, "Empty")
    click_tab(window, qtbot, 0)
    tab_action(window, "to-be", "Duplicate").trigger()
    assert bar(window).tab_names() == ["現状", "あるべき姿", "シナリオ 3"]
    assert window.document.journey.card_count() == 0  # a copy of the empty one, shown


def test_the_last_scenario_cannot_be_deleted(window):
    assert not tab_action(window, "as-is", "Delete").isEnabled()
    assert not window.scenarios.delete_current.isEnabled()


def test_dragging_a_tab_moves_the_scenario(window, qtbot):
    add_from_plus(window, "Copy of Current")
    bar(window).tabs.moveTab(1, 0)  # what a drag ends with
    assert window.document.scenarios.scenario_ids() == ("to-be", "as-is")
    window.menu_actions.undo.trigger()
    assert bar(window).tab_names() == ["現状", "あるべき姿"]


def test_save_writes_every_scenario(window, qtbot, tmp_path):
    add_from_plus(window, "Copy of Current")
    card_id = window.document.journey.card_ids()[0]
    window.scene.select_element(card_id)
    window.menu_actions.delete.trigger()
    path = tmp_path / "two.journey"
    window.document.save(path)
    reopened = load_document(path)
    assert [s.name for s in reopened] == ["現状", "あるべき姿"]
    assert reopened.scenario("as-is").journey.has(card_id)
    assert not reopened.scenario("to-be").journey.has(card_id)
    QApplication.processEvents()


def health_rows(window) -> list[str]:
    """The health dock's rows once it has read the map shown ([] while it reads, in slices)."""
    if window.health.reading():
        return []
    return [window.health.list.item(i).text() for i in range(window.health.list.count())]


def test_the_health_check_is_of_the_scenario_shown(window, qtbot):
    window.health.raise_()  # a dock hidden behind another tab reads nothing
    qtbot.waitUntil(lambda: health_rows(window) != [])
    as_is_rows = health_rows(window)
    assert not any("has no touchpoint" in row for row in as_is_rows)
    add_from_plus(window, "Empty")  # no cards, no transitions: other findings
    qtbot.waitUntil(lambda: any("has no touchpoint" in row for row in health_rows(window)))
    click_tab(window, qtbot, 0)
    qtbot.waitUntil(lambda: health_rows(window) == as_is_rows)
