"""Smaller window comforts of issue 10, item 10: whole dock tab names after a restart, the
inspector brought forward on a selection, Ctrl+= zooms in, About shows the version."""
from __future__ import annotations

from importlib.metadata import version

import pytest
from canvas_helpers import centre_of, ini_settings, to_view
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QTabBar
from window_helpers import close_window, focus_window, make_window, when_modal


@pytest.fixture
def settings(tmp_path):
    return ini_settings(tmp_path, "en")


@pytest.fixture
def window(qtbot, settings):
    window = make_window(qtbot, settings, "saas-cs-lifecycle", "en")
    yield window
    close_window(window)


def cut_tabs(window) -> list[str]:
    """The dock tabs whose name is not shown whole."""
    cut = []
    for bar in window.findChildren(QTabBar):
        if not bar.isVisible():
            continue
        for index in range(bar.count()):
            text = bar.tabText(index).replace("&&", "&")
            if bar.tabRect(index).width() < bar.fontMetrics().horizontalAdvance(text):
                cut.append(text)
    return cut


def test_dock_tab_names_stay_whole_after_a_restart(qtbot, settings):
    first = make_window(qtbot, settings, "blank", "en", size=(900, 700))
    first.resizeDocks([first.inspector], [170], Qt.Orientation.Horizontal)
    QApplication.processEvents()
    assert cut_tabs(first) == []
    close_window(first)  # saves the dock layout
    again = make_window(qtbot, settings, "blank", "en", size=(900, 700))
    QApplication.processEvents()
    try:
        assert cut_tabs(again) == []
    finally:
        close_window(again)


def test_selecting_a_card_brings_the_inspector_in_front_of_history(window, qtbot):
    window.history.raise_()
    QApplication.processEvents()
    assert window.inspector.visibleRegion().isEmpty()
    card_id = window.document.journey.card_ids()[0]
    rect = window.scene.layout.cards[card_id].rect
    QTest.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier, to_view(window.view, centre_of(rect)))
    QApplication.processEvents()
    assert not window.inspector.visibleRegion().isEmpty()
    assert window.inspector.current_form().kind == "card"


def test_a_closed_inspector_stays_closed(window):
    window.inspector.close()
    window.scene.select_element(window.document.journey.card_ids()[0])
    QApplication.processEvents()
    assert window.inspector.isHidden()


def test_ctrl_equals_zooms_in(window, qtbot):
    focus_window(window, qtbot)
    window.view.setFocus()
    before = window.view.zoom()
    QTest.keyClick(window.view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert window.view.zoom() > before * 1.1
    assert window.zoom_label.text() == f"{round(window.view.zoom() * 100)} %"
    QTest.keyClick(window.view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert window.view.zoom() == pytest.approx(before)


def test_about_shows_the_version(window):
    seen = []

    def read(widget) -> bool:
        if not isinstance(widget, QMessageBox):
            return False
        seen.append(widget.text())
        widget.accept()
        return True
    when_modal(read)
    window.menu_actions.about.trigger()
    assert seen and version("journey-map-editor") in seen[0]
