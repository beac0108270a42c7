"""Dot voting and the private round in a Japanese interface: the Start Vote dialog, the Votes
dock, the words over the canvas and in the status bar, a private card's placeholder."""
from __future__ import annotations

from pathlib import Path

import pytest
from canvas_helpers import ini_settings
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractButton, QCheckBox, QLabel
from test_translations import untranslated
from vote_helpers import click_card, start_vote_from_menu
from window_helpers import when_modal

from editor.document.document import Document
from editor.i18n import install_translators, tr
from editor.settings import KEY_LIVE_NAME
from editor.window.mainwindow import MainWindow
from editor.workshop.vote_dialog import StartVoteDialog


@pytest.fixture
def window(qapp, qtbot, tmp_path: Path):
    translators = install_translators(qapp, "ja")
    settings = ini_settings(tmp_path, "ja")
    settings.setValue(KEY_LIVE_NAME, "愛子")
    window = MainWindow(Document.from_template("saas-cs-lifecycle", "ja"), settings)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.document.undo_stack.setClean()
    window.close()
    window.deleteLater()
    for translator in translators:
        QCoreApplication.removeTranslator(translator)


def test_the_vote_dialog_dock_and_canvas_words_are_japanese(window, qtbot):
    seen: list[str] = []

    def look(widget) -> bool:
        if not isinstance(widget, StartVoteDialog):
            return False
        seen.append(widget.windowTitle())
        seen.extend(b.text() for b in widget.findChildren(QAbstractButton))
        seen.extend(label.text() for label in widget.findChildren(QLabel) if label.text())
        seen.append(widget.max_per_card.specialValueText())
        seen.extend(widget.preset.itemText(i) for i in range(widget.preset.count()))
        widget.reject()
        return True
    when_modal(look)
    window.workshop.vote_actions.start_vote.trigger()
    assert "投票を開始" in seen and "上限なし" in seen
    assert untranslated(seen) == []
    start_vote_from_menu(qtbot, window, dots=3)
    card_id = window.document.journey.card_ids()[0]
    click_card(window, card_id)
    dock = window.workshop.votes_dock
    qtbot.waitUntil(lambda: dock.left.text() == "愛子：残り 2 / 3 ドット")
    texts = [dock.windowTitle(), dock.state.text(), dock.note.text(), dock.who.itemText(0),
             window.workshop.votes.overlay.text(), window.statusBar().currentMessage()]
    texts += [b.text() for b in dock.findChildren(QAbstractButton) if not isinstance(b, QCheckBox)]
    texts += [dock.list.headerItem().text(c) for c in range(dock.list.columnCount())]
    assert "自分（愛子）" in texts
    assert untranslated(texts) == [], texts
    window.workshop.vote_actions.start_private.trigger()
    texts = [window.workshop.private.label.text(), window.statusBar().currentMessage(),
             tr("Private card\n(hidden until revealed)"), tr("hidden from others")]
    assert untranslated(texts) == [], texts
