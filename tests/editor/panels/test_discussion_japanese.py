"""The comments, parking-lot and record interface in Japanese: the docks, their buttons and
hints, a comment's buttons, the Turn into Card and record dialogs, the Export menu entry, the
inspector's authorship rows and the card tooltip."""
from __future__ import annotations

from datetime import UTC, datetime

import pytest
from canvas_helpers import ini_settings, small_map
from panel_helpers import click_card
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractButton, QLabel, QPlainTextEdit
from test_translations import menu_texts, untranslated
from window_helpers import close_window

from editor.document.document import Document
from editor.i18n import install_translators
from editor.panels.parking_to_card import TurnIntoCardDialog
from editor.window.mainwindow import MainWindow
from editor.window.record_export import RecordOptionsDialog


@pytest.fixture
def window(qapp, qtbot, tmp_path):
    translators = install_translators(qapp, "ja")
    window = MainWindow(Document(small_map()), ini_settings(tmp_path, "ja"))
    window.resize(1500, 950)
    window.show()
    qtbot.waitExposed(window)
    workshop = window.document.controller.workshop
    workshop.live_name = lambda: "Aiko"
    workshop.clock = lambda: datetime(2026, 11, 30, 5, 0, tzinfo=UTC)
    yield window
    close_window(window)
    for translator in translators:
        QCoreApplication.removeTranslator(translator)


def widget_texts(widget) -> list[str]:
    texts = [b.text() for b in widget.findChildren(QAbstractButton) if not b.isHidden()]
    texts += [label.text() for label in widget.findChildren(QLabel) if label.text() and not label.isHidden()]
    texts += [e.placeholderText() for e in widget.findChildren(QPlainTextEdit)]
    return texts


def test_the_docks_and_what_they_show_are_japanese(window, qtbot):
    assert (window.comments.windowTitle(), window.parking.windowTitle()) == ("コメント", "パーキングロット")
    click_card(window, "a")
    workshop = window.document.controller.workshop
    comment = workshop.add_comment("a", "Card text stays as written")
    workshop.reply(comment, "Reply text")
    workshop.park("Parked text")
    window.comments.start_reply(comment)
    texts = [t for t in widget_texts(window.comments) + widget_texts(window.parking)
             if "text" not in t and t != "Aiko"]  # what people wrote, and their names, are theirs
    assert "「Card A」へのコメント" in texts and "解決" in texts and "返信" in texts
    assert "Aiko さんに返信" in texts
    header = window.parking.list.headerItem()
    texts += [header.text(i) for i in range(3)]
    assert untranslated(texts) == []
    form = window.inspector.current_form()
    window.document.controller.update_card("a", title="Card A2")
    assert form.edited.text().startswith("Aiko、2026-11-30")
    assert "最終更新: Aiko、" in window.scene.card_item("a").toolTip()


def test_the_dialogs_and_the_menu_entry_are_japanese(window, qtbot):
    export = next(a.menu() for a in window.menuBar().actions() if a.text().startswith("ファイル"))
    assert "ワークショップ記録(&W)…" in menu_texts(export)
    for dialog in (TurnIntoCardDialog(window.document.journey, "Parked text", window),
                   RecordOptionsDialog(window.document.journey, window)):
        qtbot.addWidget(dialog)
        dialog.show()
        texts = [dialog.windowTitle()] + [t for t in widget_texts(dialog) if "Parked" not in t]
        assert untranslated(texts) == [], type(dialog).__name__
