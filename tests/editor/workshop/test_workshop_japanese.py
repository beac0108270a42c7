"""The workshop in a Japanese interface: its menu (with the presets and screens it fills when it
opens), its dialogs, the countdown's words and the presentation's indicator are Japanese."""
from __future__ import annotations

from pathlib import Path

import pytest
from canvas_helpers import ini_settings
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QLabel
from test_translations import menu_texts, untranslated
from window_helpers import focus_window

from editor.document.document import Document
from editor.i18n import install_translators
from editor.window.mainwindow import MainWindow
from editor.workshop.timer_dialogs import CustomTimerDialog, PresetsDialog


@pytest.fixture
def window(qapp, qtbot, tmp_path: Path):
    translators = install_translators(qapp, "ja")
    window = MainWindow(Document.from_template("saas-cs-lifecycle", "ja"), ini_settings(tmp_path, "ja"))
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.workshop.timer.stop()
    window.document.undo_stack.setClean()
    window.close()
    window.deleteLater()
    for translator in translators:
        QCoreApplication.removeTranslator(translator)


def test_the_workshop_menu_and_what_it_fills_are_japanese(window):
    actions = window.workshop.actions
    for menu in (actions.start_menu, actions.screen_menu):
        menu.aboutToShow.emit()
    menu = next(a.menu() for a in window.menuBar().actions() if "ワークショップ" in a.text())
    texts = menu_texts(menu)
    assert "5分  サイレント・ブレインストーミング" in texts
    assert untranslated(texts) == []


def test_the_dialogs_countdown_and_indicator_are_japanese(window, qtbot):
    texts = []
    for dialog in (CustomTimerDialog(window), PresetsDialog(window, window.workshop.timer.presets.load())):
        texts += [dialog.windowTitle()] + [b.text() for b in dialog.findChildren(QAbstractButton)]
        texts += [label.text() for label in dialog.findChildren(QLabel)]
        dialog.deleteLater()
    timer = window.workshop.timer
    timer.start(60, "")
    texts.append(timer.overlay.toolTip())
    timer.pause_or_resume()
    texts.append(timer.overlay.caption())
    focus_window(window, qtbot)
    QTest.keyClick(window.view, Qt.Key.Key_F5)
    qtbot.waitUntil(window.workshop.presentation.is_active)
    assert window.workshop.presentation.indicator.text == "ステージ 1 / 5 · 導入"
    QTest.keyClick(window.view, Qt.Key.Key_Escape)
    assert untranslated(texts) == []
