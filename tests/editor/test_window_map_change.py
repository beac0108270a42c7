"""Changing the map shown in a window keeps the window's shape: the canvas keeps its width after
New from template, Open, Open Recent and a dropped file (issue 10, item 1)."""
from __future__ import annotations

from pathlib import Path

import pytest
from canvas_helpers import ini_settings
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog
from window_helpers import close_window, make_window, when_modal

from editor.document.document import Document
from editor.window.template_dialog import TemplateDialog


@pytest.fixture
def window(qtbot, tmp_path):
    window = make_window(qtbot, ini_settings(tmp_path, "en"))
    yield window
    close_window(window)


@pytest.fixture
def saved_map(tmp_path) -> Path:
    path = tmp_path / "other.journey"
    Document.from_template("saas-customer-journey", "en").save(path)
    return path


def settle(qtbot) -> None:
    """Let queued events (layout requests, deferred opens) run."""
    for _ in range(5):
        QApplication.processEvents()
        qtbot.wait(20)


def choose_template(template_id: str, language: str) -> None:
    def choose(widget) -> bool:
        if not isinstance(widget, TemplateDialog):
            return False
        for row in range(widget.list.count()):
            if widget.list.item(row).data(Qt.ItemDataRole.UserRole) == (template_id, language):
                widget.list.setCurrentRow(row)
        widget.accept()
        return True
    when_modal(choose)


def choose_file(path: Path) -> None:
    def choose(widget) -> bool:
        if not isinstance(widget, QFileDialog):
            return False
        widget.selectFile(str(path))
        widget.accept()
        return True
    when_modal(choose)


def view_width(window) -> int:
    return window.view.width()


def test_new_from_template_keeps_the_canvas_width(window, qtbot):
    settle(qtbot)
    before = view_width(window)
    assert before > 600
    for template in ("blank", "cs-design-worksheet", "saas-cs-lifecycle"):
        choose_template(template, "en")
        window.menu_actions.new.trigger()
        settle(qtbot)
        assert window.document.journey.language == "en"
        assert abs(view_width(window) - before) <= 2, template
    assert window.view.isVisible() and window.view.scene() is window.scene


def test_open_and_open_recent_keep_the_canvas_width(window, qtbot, saved_map):
    settle(qtbot)
    before = view_width(window)
    choose_file(saved_map)
    window.menu_actions.open.trigger()
    settle(qtbot)
    assert window.document.path == saved_map
    assert abs(view_width(window) - before) <= 2
    second = saved_map.with_name("second.journey")
    Document.from_template("blank", "en").save(second)
    assert window.files.open_path(second)
    settle(qtbot)
    window.recent_menu.aboutToShow.emit()  # what opening File > Open Recent does
    recent = [a for a in window.recent_menu.actions() if a.toolTip() == str(saved_map.resolve())]
    recent[0].trigger()
    settle(qtbot)
    assert window.document.path == saved_map
    assert abs(view_width(window) - before) <= 2


def test_a_dropped_file_keeps_the_canvas_width(window, qtbot, saved_map):
    settle(qtbot)
    before = view_width(window)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(saved_map))])
    # What Qt's drag manager sends for a file dragged from the desktop onto the canvas: the
    # canvas ignores the enter, the window accepts it and so receives the drop.
    viewport = window.view.viewport()
    at = viewport.rect().center()
    args = (Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    enter = QDragEnterEvent(at, *args)
    QApplication.sendEvent(viewport, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(window, QDropEvent(QPointF(viewport.mapTo(window, at)), *args))
    qtbot.waitUntil(lambda: window.document.path == saved_map)
    settle(qtbot)
    assert abs(view_width(window) - before) <= 2
