"""The Japanese user interface: with the translators installed, no menu, toolbar, dock, palette
entry, inspector label or dialog shows an untranslated English string."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from canvas_helpers import ini_settings
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractButton, QApplication, QDockWidget, QLabel, QMenu

from editor.document.document import Document
from editor.i18n import install_translators
from editor.window.mainwindow import MainWindow
from editor.window.template_dialog import TemplateDialog

JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")
# Names that stay as they are in a Japanese UI: formats, the product, language names, symbols.
ALLOWED = {"PDF", "Excel", "PNG", "SVG", "KPI", "English", "Journey Map Editor", "XLS", "…", "",
           "OK"}  # Qt's own Japanese translation keeps "OK", as Japanese software does


def user_data(window) -> set[str]:
    """Text from the map itself (names of segments such as "SMB") is the user's, not the UI's."""
    journey = window.document.journey
    return {s.name for s in journey.segments()} | {p.name for p in journey.paths()}


def untranslated(texts) -> list[str]:
    bad = []
    for text in texts:
        plain = text.replace("&", "").strip()
        if plain in ALLOWED or JAPANESE.search(plain) or not re.search(r"[A-Za-z]{2,}", plain):
            continue
        bad.append(text)
    return bad


def menu_texts(menu: QMenu) -> list[str]:
    texts = [menu.title()]
    for action in menu.actions():
        if action.menu() is not None:
            texts += menu_texts(action.menu())
        elif not action.isSeparator():
            texts.append(action.text())
    return texts


@pytest.fixture
def japanese(qapp):
    translators = install_translators(qapp, "ja")
    assert len(translators) == 2, "journey_ja.qm and Qt's qtbase_ja.qm must both load"
    yield
    for translator in translators:
        QCoreApplication.removeTranslator(translator)


@pytest.fixture
def window(japanese, qtbot, tmp_path: Path):
    settings = ini_settings(tmp_path, "ja")
    window = MainWindow(Document.from_template("saas-cs-lifecycle", "ja"), settings)
    window.show()
    yield window
    window.document.undo_stack.setClean()
    window.close()
    window.deleteLater()


def test_every_menu_action_is_japanese(window):
    texts = []
    for action in window.menuBar().actions():
        texts += menu_texts(action.menu())
    assert len(texts) > 30
    assert untranslated(texts) == []


def test_toolbars_docks_and_their_widgets_are_japanese(window):
    texts = [a.toolTip() for bar in window.findChildren(type(window.addToolBar("x")))
             for a in bar.actions() if not a.isSeparator()]
    for dock in window.findChildren(QDockWidget):
        texts.append(dock.windowTitle())
        texts += [label.text() for label in dock.findChildren(QLabel)]
        texts += [button.text() for button in dock.findChildren(QAbstractButton)]
    assert untranslated(texts) == []


def test_inspector_forms_are_japanese(window):
    card = window.document.journey.card_ids()[0]
    stage = window.document.journey.stage_ids()[0]
    texts = []
    for element in (card, stage, None):
        if element:
            window.scene.select_element(element)
        else:
            window.scene.clearSelection()
        QApplication.processEvents()
        texts += [label.text() for label in window.inspector.findChildren(QLabel)
                  if label.isVisibleTo(window.inspector)]
    assert untranslated([t for t in texts if t not in user_data(window)]) == []


def test_template_dialog_is_japanese(japanese, qtbot):
    dialog = TemplateDialog("ja")
    qtbot.addWidget(dialog)
    texts = [dialog.windowTitle()] + [b.text() for b in dialog.findChildren(QAbstractButton)]
    texts += [label.text() for label in dialog.findChildren(QLabel)]
    assert untranslated(texts) == []


def test_unsaved_changes_prompt_is_japanese(window, qtbot):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    seen: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, answer)
            return
        seen.extend([box.windowTitle(), box.text(), box.informativeText()]
                    + [button.text() for button in box.buttons()])
        box.button(QMessageBox.StandardButton.Cancel).click()

    window.document.controller.update_map(title="変更")
    QTimer.singleShot(0, answer)
    assert window.files.maybe_save() is False
    assert len(seen) >= 5
    assert untranslated(seen) == []
