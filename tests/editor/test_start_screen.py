"""File → Close (Ctrl+W) with one window open closes the map and leaves a start screen with the
recent maps and the templates, instead of quitting (issue 10, item 10)."""
from __future__ import annotations

import pytest
from canvas_helpers import ini_settings
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox
from window_helpers import answer_message_box, close_window, focus_window, make_window

from editor.document.document import Document
from editor.settings import RecentFiles


@pytest.fixture
def settings(tmp_path):
    return ini_settings(tmp_path, "en")


@pytest.fixture
def window(qtbot, settings):
    window = make_window(qtbot, settings, "saas-cs-lifecycle", "en")
    focus_window(window, qtbot)
    yield window
    close_window(window)


def press_close(window) -> None:
    QTest.keySequence(window, QKeySequence(QKeySequence.StandardKey.Close))
    QApplication.processEvents()


def test_ctrl_w_closes_the_map_and_shows_the_start_screen(window):
    old = window.document
    press_close(window)
    assert window.isVisible()
    assert window.document is None and window.pages.currentWidget() is window.start_screen
    assert window.windowTitle() == "Journey Map Editor"
    assert all(dock.isHidden() for dock in window.docks())
    assert not window.menu_actions.save.isEnabled()
    assert not window.menu_actions.export_pdf.isEnabled()
    assert not window.menu_actions.paste.isEnabled()
    assert old not in window.undo_group.stacks()


def test_a_template_on_the_start_screen_opens_a_new_map_with_the_docks_back(window):
    width = window.view.width()
    press_close(window)
    blank = next(b for b in window.start_screen.template_buttons if b.text() == "New journey map")
    blank.click()
    assert window.document is not None and window.document.journey.title == "New journey map"
    assert window.pages.currentWidget() is window.view
    assert window.inspector.isVisible() and window.palette.isVisible()
    assert window.menu_actions.save.isEnabled() and window.menu_actions.zoom_in.isEnabled()
    QApplication.processEvents()
    assert abs(window.view.width() - width) <= 2
    assert window.inspector.controller is window.document.controller
    assert window.inspector.current_form().title.text() == "New journey map"  # the map's form


def test_a_recent_map_on_the_start_screen_opens(window, settings, tmp_path):
    path = tmp_path / "workshop.journey"
    Document.from_template("cs-design-worksheet", "ja").save(path)
    RecentFiles(settings).add(path)
    RecentFiles(settings).add(tmp_path / "gone.journey")  # no longer on disk: not offered
    press_close(window)
    names = [b.text() for b in window.start_screen.recent_buttons]
    assert names == ["workshop.journey"]
    window.start_screen.recent_buttons[0].click()
    assert window.document.path == path
    assert window.windowTitle().startswith("workshop.journey")


def test_unsaved_changes_are_asked_about_and_cancel_keeps_the_map(window):
    window.document.controller.update_map(title="Changed")
    seen: list[str] = []
    answer_message_box(QMessageBox.StandardButton.Cancel, seen)
    press_close(window)
    assert len(seen) == 1 and window.document is not None
    assert window.document.journey.title == "Changed"
    assert window.pages.currentWidget() is window.view


def test_with_two_windows_ctrl_w_closes_this_window(window, qtbot, settings):
    other = make_window(qtbot, settings, "blank", "en")
    try:
        focus_window(other, qtbot)
        press_close(other)
        assert not other.isVisible()
        assert window.isVisible() and window.document is not None
    finally:
        close_window(other)


def test_closing_the_window_from_the_start_screen_keeps_the_dock_layout(window, settings):
    press_close(window)
    window.close()
    assert window.restoreState(settings.value("window/state"))
    assert not window.inspector.isHidden()
