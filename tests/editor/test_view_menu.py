"""Issue 10, items 17, 20 and 22 from the menus: links and paths drawn on the canvas and their
View toggles, View → Legend, Help → Keyboard Shortcuts and Help → User Guide."""
from __future__ import annotations

import re

import pytest
from canvas_helpers import centre_of, drag, ini_settings
from PySide6.QtCore import QUrl
from PySide6.QtGui import QAction, QImage, QKeySequence, QTextDocument
from PySide6.QtWidgets import QDialog, QPushButton, QTextBrowser

from editor.document.document import Document
from editor.window.help import GUIDE
from editor.window.mainwindow import MainWindow
from model.layout.appearance import CARD_KIND_LABELS


@pytest.fixture
def settings(tmp_path):
    return ini_settings(tmp_path, "en")


def open_window(qtbot, settings) -> MainWindow:
    window = MainWindow(Document.from_template("saas-cs-lifecycle", "ja"), settings)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def window(qtbot, settings):
    window = open_window(qtbot, settings)
    yield window
    window.document.undo_stack.setClean()
    window.close()
    window.deleteLater()


def on_screen(window, scene_rect) -> QImage:
    """The pixels of the canvas where ``scene_rect`` is shown."""
    area = window.view.mapFromScene(scene_rect).boundingRect().intersected(window.view.viewport().rect())
    assert not area.isEmpty()
    return window.view.viewport().grab(area).toImage()


def menu_action(window, menu_title: str, text: str) -> QAction:
    for top in window.menuBar().actions():
        if top.text().replace("&", "") == menu_title:
            for action in top.menu().actions():
                if action.text().replace("&", "") == text:
                    return action
    raise AssertionError(f"no {menu_title} → {text}")


def test_links_are_drawn_follow_their_cards_and_toggle_from_the_view_menu(window, qtbot):
    journey, scene = window.document.journey, window.scene
    link = journey.links()[0]
    item = scene.annotations.links[link.id]
    window.view.show_element(link.target)
    qtbot.wait(20)
    shown = on_screen(window, item.sceneBoundingRect())
    toggle = menu_action(window, "View", "Idea → Pain Point Links")
    assert toggle.isChecked()
    toggle.trigger()
    qtbot.wait(20)
    assert not item.isVisible() and on_screen(window, item.sceneBoundingRect()) != shown
    toggle.trigger()
    qtbot.wait(20)
    assert on_screen(window, item.sceneBoundingRect()) == shown
    # Drag the pain point to another cell: the arrow's head follows it.
    place = journey.card_place(link.target)
    other = next(s for s in journey.stage_ids() if s != place.stage)
    window.view.show_element(link.target)
    drag(window.view, centre_of(scene.layout.cards[link.target].rect),
         centre_of(scene.layout.cells[(other, place.lane)]))
    assert journey.card_place(link.target).stage == other
    target = scene.layout.cards[link.target].rect
    head = item.curve().pointAtPercent(1.0)
    on_side = head.x() in (target.x, target.right) and target.y <= head.y() <= target.bottom
    on_top_or_bottom = head.y() in (target.y, target.bottom) and target.x <= head.x() <= target.right
    assert on_side or on_top_or_bottom  # the arrow ends on the card's edge, wherever it went


def test_journey_paths_are_drawn_on_the_headers_and_toggle(window, qtbot, settings):
    scene = window.scene
    paths = window.document.journey.paths()
    assert paths and scene.annotations.paths.lines
    assert len(scene.annotations.paths.lines) == min(3, len(paths))
    rect = scene.annotations.paths.sceneBoundingRect()
    window.view.centerOn(rect.center())
    qtbot.wait(20)
    shown = on_screen(window, rect)
    menu_action(window, "View", "Journey Paths").trigger()
    qtbot.wait(20)
    assert on_screen(window, rect) != shown
    assert settings.value("view/show_paths") in (False, "false")
    again = open_window(qtbot, settings)  # remembered for the next window
    assert not again.scene.annotations.paths.isVisible()
    assert not menu_action(again, "View", "Journey Paths").isChecked()
    again.close()


def test_legend_lists_the_card_kinds_in_the_maps_language(window, qtbot):
    legend = window.view.legend
    assert not legend.isVisible()
    menu_action(window, "View", "Legend").trigger()
    qtbot.wait(20)
    assert legend.isVisible()
    labels = [text for what, text, _ in legend.rows() if what == "kind"]
    assert labels == list(CARD_KIND_LABELS["ja"].values())
    frame = window.view.viewport().geometry()
    assert frame.contains(legend.geometry())  # in the canvas's corner, whole
    assert legend.geometry().left() - frame.left() < 40 and frame.bottom() - legend.geometry().bottom() < 40
    picture = legend.grab().toImage()
    assert len({picture.pixel(x, y) for x in range(0, picture.width(), 3)
                for y in range(0, picture.height(), 3)}) > 20  # swatches and text, not blank


def test_freeze_headers_can_be_turned_off(window, qtbot):
    menu_action(window, "View", "Freeze Headers").trigger()
    window.view.verticalScrollBar().setValue(window.view.verticalScrollBar().maximum())
    qtbot.wait(20)
    assert not any(pane.isVisible() for pane in window.view.frozen.panes())
    menu_action(window, "View", "Freeze Headers").trigger()
    assert window.view.frozen.row.isVisible()


def test_keyboard_shortcuts_sheet_lists_every_menu_shortcut(window, qtbot):
    menu_action(window, "Help", "Keyboard Shortcuts").trigger()
    dialog = window.findChild(QDialog, "ShortcutSheet")
    assert dialog is not None and dialog.isVisible()
    text = dialog.findChild(QTextBrowser).toPlainText()
    in_menus = [a for a in window.findChildren(QAction) if a.shortcuts() and a.associatedObjects()
                and any(getattr(o, "title", None) for o in a.associatedObjects())]
    assert len(in_menus) > 15
    for action in in_menus:
        keys = action.shortcuts()[0].toString(QKeySequence.SequenceFormat.NativeText)
        assert keys in text, action.text()
        assert action.text().replace("&", "").rstrip("…") in text
    assert "Ctrl+F" in text and "Tab / Shift+Tab" in text
    dialog.close()


def test_user_guide_opens_from_help_in_either_language(window, qtbot):
    menu_action(window, "Help", "User Guide").trigger()
    dialog = window.findChild(QDialog, "UserGuide")
    browser = dialog.findChild(QTextBrowser)
    english = browser.toPlainText()
    assert "User guide" in english and "ユーザーガイド" not in english
    images = re.findall(r"\((images/[^)]+\.png)\)", GUIDE.read_text(encoding="utf-8"))
    assert len(images) >= 3 and all((GUIDE.parent / name).is_file() for name in images)
    for name in images:  # the browser finds them beside the guide
        assert browser.loadResource(QTextDocument.ResourceType.ImageResource.value,
                                        QUrl(name)) not in (None, QImage())
    button = dialog.findChild(QPushButton, "GuideLanguage")
    assert button.text() == "日本語"
    button.click()
    assert "ユーザーガイド" in browser.toPlainText()
    dialog.close()



def menu_paths(window) -> set[str]:
    """Every menu entry as the README writes it: "View → Fit to Window"."""
    paths: set[str] = set()

    def walk(menu, where: str) -> None:
        for action in menu.actions():
            text = action.text().replace("&", "")
            if text:
                paths.add(f"{where} → {text}")
            if action.menu() is not None:
                walk(action.menu(), f"{where} → {text}")

    for top in window.menuBar().actions():
        walk(top.menu(), top.text().replace("&", ""))
    return paths


def test_the_readmes_menu_words_are_the_menus_words(window):
    """Item 23: "View → Fit" in the README when the menu says "Fit to Window" sends a newcomer
    looking for an entry that does not exist."""
    readme = (GUIDE.parents[1] / "README.md").read_text(encoding="utf-8")
    mentioned = {" ".join(m.split()) for m in re.findall(r"\*((?:File|Edit|View|Help) →[^*]+)\*", readme)}
    assert {"View → Fit to Window", "Edit → Find…", "Help → User Guide"} <= mentioned
    paths = menu_paths(window)
    assert mentioned <= paths, mentioned - paths
