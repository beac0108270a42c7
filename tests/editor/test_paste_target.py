"""Paste goes where the user points: the cell under a context-menu click, or the current cell
(the last one clicked, empty or not) for Ctrl+V (issue 10, item 4); the context menu's colours
(item 20) apply to the selected cards."""
from __future__ import annotations

import pytest
from canvas_helpers import centre_of, ini_settings, to_view
from PySide6.QtCore import QPointF, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu
from window_helpers import close_window, focus_window, make_window


@pytest.fixture
def window(qtbot, tmp_path):
    window = make_window(qtbot, ini_settings(tmp_path, "en"), "saas-cs-lifecycle", "en")
    focus_window(window, qtbot)
    yield window
    close_window(window)


def empty_cells(window) -> list[tuple[str, str]]:
    journey = window.document.journey
    return [(s, lane.id) for lane in journey.lanes() if lane.kind != "emotion"
            for s in journey.stage_ids() if not journey.cell_card_ids(s, lane.id)]


def click_at(window, point: QPointF, button=Qt.MouseButton.LeftButton) -> None:
    view = window.view
    view.ensureVisible(point.x() - 20, point.y() - 20, 40, 40)
    QTest.mouseClick(view.viewport(), button, Qt.KeyboardModifier.NoModifier, to_view(view, point))


def press_keys(window, keys: QKeySequence.StandardKey) -> None:
    QTest.keySequence(window.view, QKeySequence(keys))


def choose_in_context_menu(path: list[str]) -> None:
    """When the context menu pops up, trigger the entry at ``path`` (submenu titles, then the
    entry), then close the menu, as a click on that entry does."""
    def poll(tries: int = 300) -> None:
        menu = QApplication.activePopupWidget()
        if not isinstance(menu, QMenu):
            if tries:
                QTimer.singleShot(10, lambda: poll(tries - 1))
            return
        current = menu
        for text in path[:-1]:
            current = next(a for a in current.actions() if a.text() == text).menu()
        next(a for a in current.actions() if a.text() == path[-1]).trigger()
        menu.close()
    QTimer.singleShot(0, poll)


def right_click(window, point: QPointF) -> None:
    """A right click: the press and release, then the context-menu event the window system
    sends with them (QTest's synthetic clicks do not make one)."""
    click_at(window, point, Qt.MouseButton.RightButton)
    viewport = window.view.viewport()
    at = to_view(window.view, point)
    QApplication.sendEvent(viewport, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, at,
                                                       viewport.mapToGlobal(at)))


def copy_first_card(window) -> str:
    journey = window.document.journey
    card_id = journey.card_ids()[0]
    click_at(window, centre_of(window.scene.layout.cards[card_id].rect))
    press_keys(window, QKeySequence.StandardKey.Copy)
    return card_id


def pasted_into(window, cell) -> list[str]:
    journey = window.document.journey
    return [journey.card(c).title for c in journey.cell_card_ids(*cell)]


def test_ctrl_v_after_clicking_an_empty_cell_pastes_there(window):
    source = copy_first_card(window)
    title = window.document.journey.card(source).title
    cell = empty_cells(window)[0]
    click_at(window, centre_of(window.scene.layout.cells[cell]))
    assert window.scene.selected_card_ids() == []
    press_keys(window, QKeySequence.StandardKey.Paste)
    assert pasted_into(window, cell) == [title]


def test_ctrl_v_after_clicking_a_card_pastes_right_after_it(window):
    journey = window.document.journey
    source = copy_first_card(window)
    place = journey.card_place(source)
    before = journey.cell_card_ids(place.stage, place.lane)
    press_keys(window, QKeySequence.StandardKey.Paste)
    after = journey.cell_card_ids(place.stage, place.lane)
    assert len(after) == len(before) + 1
    assert after[0] == source and after[1] not in before
    assert journey.card(after[1]).title == journey.card(source).title


def test_paste_from_the_context_menu_goes_to_the_clicked_cell(window):
    source = copy_first_card(window)
    title = window.document.journey.card(source).title
    cell = empty_cells(window)[1]
    choose_in_context_menu(["Paste"])
    right_click(window, centre_of(window.scene.layout.cells[cell]))
    assert pasted_into(window, cell) == [title]
    window.menu_actions.undo.trigger()
    assert pasted_into(window, cell) == []


def test_context_menu_colours_every_selected_card(window):
    journey = window.document.journey
    first, second = journey.card_ids()[:2]
    click_at(window, centre_of(window.scene.layout.cards[first].rect))
    view = window.view
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier,
                     to_view(view, centre_of(window.scene.layout.cards[second].rect)))
    choose_in_context_menu(["Colour", "Pink"])
    right_click(window, centre_of(window.scene.layout.cards[second].rect))
    assert [journey.card(c).colour for c in (first, second)] == ["#ffc9de", "#ffc9de"]
    assert window.document.undo_stack.undoText() == "Edit colour of 2 cards"
