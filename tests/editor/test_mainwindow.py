"""The main window: title, save/open, the unsaved-changes prompt, recent files, drops, actions.

Settings live in a temporary INI file handed to the window, never the user's. Message boxes are
either captured by patching the window's show_error/show_info, or answered by a timer that finds
the active modal box and clicks a button, as a user would.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from canvas_helpers import ini_settings
from PySide6.QtCore import QMimeData, QPointF, QSettings, Qt, QTimer, QUrl
from PySide6.QtGui import QDropEvent, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from editor.document.document import Document
from editor.settings import KEY_RECENT, RecentFiles
from editor.window.app import first_windows, use_bundled_font
from editor.window.mainwindow import MainWindow
from editor.window.template_dialog import TemplateDialog
from model.fileformat import load_journey
from model.templates import list_templates
from resources import JAPANESE_FONT_FAMILY

JA_TITLE = "SaaSカスタマーライフサイクル"


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return ini_settings(tmp_path, "ja")


@pytest.fixture
def window(qtbot, settings):
    window = MainWindow(Document.from_template("saas-cs-lifecycle", "ja"), settings)
    window.show()
    yield window
    # Closed here, not by qtbot.addWidget: qtbot closes before fixtures end, and a modified map
    # would wait for an answer to the save prompt.
    window.document.undo_stack.setClean()
    window.close()
    window.deleteLater()


@pytest.fixture
def errors(window, monkeypatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(window, "show_error", lambda _title, message: shown.append(message))
    return shown


def answer_message_box(qtbot, button: QMessageBox.StandardButton, seen: list[str]) -> None:
    """When a modal message box appears, note its text and click ``button`` on it."""
    def poll() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            box.button(button).click()
        else:
            QTimer.singleShot(10, poll)
    QTimer.singleShot(0, poll)


def edit_title(window: MainWindow, title: str = "Changed") -> None:
    window.document.controller.update_map(title=title)


# --------------------------------------------------------------------- opening and the title
def test_first_window_uses_the_template_in_the_settings_language(qtbot, settings):
    windows = first_windows([], settings)
    try:
        assert len(windows) == 1
        assert JA_TITLE in windows[0].windowTitle()
        assert windows[0].windowTitle().endswith("[*] — Journey Map Editor")
        assert windows[0].document.journey.language == "ja"
        assert windows[0].document.path is None
    finally:
        for window in windows:
            window.close()


def test_the_bundled_japanese_font_is_the_application_font(qtbot):
    before = QApplication.font()
    try:
        use_bundled_font(QApplication.instance())
        assert QApplication.font().families()[0] == JAPANESE_FONT_FAMILY
    finally:
        QApplication.setFont(before)  # other tests keep the platform font


def test_first_windows_open_each_file_given(qtbot, settings, tmp_path):
    paths = []
    for name in ("a", "b"):
        document = Document.from_template("blank", "en")
        document.save(tmp_path / f"{name}.journey")
        paths.append(str(tmp_path / f"{name}.journey"))
    windows = first_windows(paths, settings)
    try:
        assert [w.document.path.name for w in windows] == ["a.journey", "b.journey"]
    finally:
        for window in windows:
            window.close()


def test_title_shows_the_name_and_the_modified_mark(window):
    assert window.windowTitle().startswith(JA_TITLE)
    assert "[*]" in window.windowTitle()
    assert not window.isWindowModified()
    edit_title(window, "新しい地図")
    assert window.isWindowModified()
    assert window.windowTitle().startswith("新しい地図[*]")
    window.menu_actions.undo.trigger()
    assert not window.isWindowModified()


def test_undo_and_redo_actions_have_the_standard_shortcuts(window):
    undo, redo = window.menu_actions.undo, window.menu_actions.redo
    assert QKeySequence(QKeySequence.StandardKey.Undo) in undo.shortcuts()
    assert QKeySequence(QKeySequence.StandardKey.Redo) in redo.shortcuts()
    assert not undo.isEnabled()
    edit_title(window, "one")
    assert undo.isEnabled()
    undo.trigger()
    assert window.document.journey.title.startswith(JA_TITLE)
    redo.trigger()
    assert window.document.journey.title == "one"


def test_standard_shortcuts_on_file_actions(window):
    actions = window.menu_actions
    for action, key in ((actions.save, QKeySequence.StandardKey.Save),
                        (actions.open, QKeySequence.StandardKey.Open),
                        (actions.new, QKeySequence.StandardKey.New)):
        assert QKeySequence(key) in action.shortcuts()
    assert actions.duplicate.shortcut() == QKeySequence("Ctrl+D")
    assert actions.edit_text.shortcut() == QKeySequence(Qt.Key.Key_F2)


# --------------------------------------------------------------------- saving
def test_save_as_writes_a_file_that_loads_equal(window, tmp_path):
    edit_title(window, "保存テスト")
    target = tmp_path / "saved"
    assert window.files.save_as(target)
    written = tmp_path / "saved.journey"
    assert load_journey(written) == window.document.journey
    assert window.document.path == written
    assert not window.isWindowModified()
    assert window.windowTitle().startswith("saved.journey[*]")


def test_save_on_an_untitled_map_asks_for_a_name(window, tmp_path, monkeypatch):
    asked = []
    monkeypatch.setattr(window.files, "ask_save_path",
                        lambda: asked.append(1) or str(tmp_path / "named.journey"))
    assert window.files.save()
    assert asked == [1]
    assert (tmp_path / "named.journey").is_file()
    edit_title(window, "again")
    assert window.files.save()  # now it has a path: no second question
    assert asked == [1]
    assert load_journey(tmp_path / "named.journey").title == "again"


def test_a_failed_save_shows_one_error_and_stays_modified(window, errors, tmp_path):
    edit_title(window)
    assert not window.files.save_as(tmp_path / "no-such-folder" / "map.journey")
    assert len(errors) == 1 and "map.journey" in errors[0]
    assert window.document.is_modified()
    assert window.document.path is None


def test_saving_updates_the_recent_files(window, settings, tmp_path):
    window.files.save_as(tmp_path / "first.journey")
    window.files.save_as(tmp_path / "second.journey")
    paths = RecentFiles(settings).paths()
    assert paths[:2] == [str((tmp_path / "second.journey").resolve()),
                         str((tmp_path / "first.journey").resolve())]


# --------------------------------------------------------------------- opening
def test_open_a_bad_file_shows_the_error_and_keeps_the_map(window, errors, tmp_path):
    bad = tmp_path / "broken.journey"
    bad.write_text("{ not json", encoding="utf-8")
    before = window.document
    before_data = before.journey.to_data()
    assert not window.files.open_path(bad)
    assert len(errors) == 1 and "broken.journey" in errors[0]
    assert window.document is before
    assert window.document.journey.to_data() == before_data


def test_open_replaces_the_map_and_remembers_it(window, settings, tmp_path):
    source = Document.from_template("blank", "en")
    source.save(tmp_path / "other.journey")
    assert window.files.open_path(tmp_path / "other.journey")
    assert window.document.path == tmp_path / "other.journey"
    assert window.windowTitle().startswith("other.journey[*]")
    assert window.inspector.controller is window.document.controller
    assert RecentFiles(settings).paths()[0] == str((tmp_path / "other.journey").resolve())


def test_recent_list_keeps_ten_and_drops_missing_files_with_a_message(window, settings, tmp_path,
                                                                      monkeypatch):
    recent = RecentFiles(settings)
    for number in range(12):
        recent.add(tmp_path / f"m{number}.journey")
    assert len(recent.paths()) == 10
    infos = []
    monkeypatch.setattr(window, "show_info", lambda _title, message: infos.append(message))
    missing = recent.paths()[0]
    assert not window.files.open_recent(missing)
    assert missing not in recent.paths() and len(infos) == 1 and "m11.journey" in infos[0]
    window.files.fill_recent_menu(window.recent_menu)
    assert len([a for a in window.recent_menu.actions() if a.toolTip().endswith(".journey")]) == 9


def test_recent_list_survives_a_single_entry_in_ini(settings, tmp_path):
    settings.setValue(KEY_RECENT, str(tmp_path / "only.journey"))
    assert RecentFiles(settings).paths() == [str(tmp_path / "only.journey")]


def test_dropped_journey_files_open(window, qtbot, tmp_path):
    Document.from_template("blank", "ja").save(tmp_path / "dropped.journey")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(tmp_path / "dropped.journey")),
                  QUrl.fromLocalFile(str(tmp_path / "notes.txt"))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    assert event.isAccepted()
    qtbot.waitUntil(lambda: window.document.path == tmp_path / "dropped.journey")


# --------------------------------------------------------------------- the unsaved-changes prompt
def test_close_with_changes_and_cancel_keeps_the_window(window, qtbot):
    edit_title(window)
    seen: list[str] = []
    answer_message_box(qtbot, QMessageBox.StandardButton.Cancel, seen)
    assert not window.close()
    assert window.isVisible() and len(seen) == 1


def test_close_with_changes_and_discard_closes(window, qtbot):
    edit_title(window)
    seen: list[str] = []
    answer_message_box(qtbot, QMessageBox.StandardButton.Discard, seen)
    assert window.close()
    assert not window.isVisible() and len(seen) == 1


def test_close_with_changes_and_save_saves(window, qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(window.files, "ask_save_path", lambda: str(tmp_path / "closing.journey"))
    edit_title(window, "閉じる前に保存")
    answer_message_box(qtbot, QMessageBox.StandardButton.Save, [])
    assert window.close()
    assert load_journey(tmp_path / "closing.journey").title == "閉じる前に保存"


def test_close_without_changes_does_not_ask(window):
    assert window.close()


def test_open_with_changes_asks_first(window, qtbot, tmp_path):
    Document.from_template("blank", "en").save(tmp_path / "next.journey")
    edit_title(window)
    answer_message_box(qtbot, QMessageBox.StandardButton.Cancel, [])
    assert not window.files.open_path(tmp_path / "next.journey")
    assert window.document.journey.title == "Changed"


def test_window_geometry_is_remembered(window, settings):
    window.document.undo_stack.setClean()
    window.close()
    assert settings.value("window/geometry") is not None
    assert settings.value("window/state") is not None


# --------------------------------------------------------------------- new from template
def test_template_dialog_lists_every_template_with_a_preview(qtbot):
    dialog = TemplateDialog("ja")
    qtbot.addWidget(dialog)
    assert dialog.list.count() == len(list_templates())
    assert dialog.chosen_template().language == "ja"
    assert dialog.preview.pixmap() is not None and not dialog.preview.pixmap().isNull()


def test_new_from_template_makes_an_untitled_document(window, qtbot, monkeypatch):
    def choose_english_blank(dialog: TemplateDialog) -> int:
        for row in range(dialog.list.count()):
            if dialog.list.item(row).data(Qt.ItemDataRole.UserRole) == ("blank", "en"):
                dialog.list.setCurrentRow(row)
        return QDialog.DialogCode.Accepted
    monkeypatch.setattr(TemplateDialog, "exec", choose_english_blank)
    old = window.document
    assert window.files.new_from_template()
    assert window.document is not old
    assert window.document.path is None and window.document.journey.language == "en"
    assert not window.isWindowModified()


# --------------------------------------------------------------------- keys reach the right target
def focus_window(window: MainWindow, qtbot) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def test_delete_in_an_inspector_field_does_not_delete_the_card(window, qtbot):
    focus_window(window, qtbot)
    card_id = window.document.journey.card_ids()[0]
    window.scene.select_element(card_id)
    title = window.inspector.current_form().title
    title.setFocus()
    title.setCursorPosition(0)
    QTest.keyClick(title, Qt.Key.Key_Delete)
    kind = window.inspector.current_form().card_kind
    kind.setFocus()
    QTest.keyClick(kind, Qt.Key.Key_Delete)
    assert window.document.journey.has(card_id)
    assert window.document.journey.card(card_id).title == title.text()


def test_delete_while_editing_text_on_the_canvas_deletes_text_not_the_card(window, qtbot):
    focus_window(window, qtbot)
    card_id = window.document.journey.card_ids()[0]
    window.view.setFocus()
    window.scene.select_element(card_id)
    window.menu_actions.edit_text.trigger()
    assert window.scene.interaction.inline_editor is not None
    QTest.keyClick(window.view, Qt.Key.Key_Delete)  # the whole title is selected: it empties
    assert window.document.journey.has(card_id)
    QTest.keyClick(window.view, Qt.Key.Key_Escape)


def test_delete_on_the_canvas_deletes_the_selection(window, qtbot):
    focus_window(window, qtbot)
    card_id = window.document.journey.card_ids()[0]
    window.view.setFocus()
    window.scene.select_element(card_id)
    QTest.keyClick(window.view, Qt.Key.Key_Delete)
    assert not window.document.journey.has(card_id)
    window.menu_actions.undo.trigger()
    assert window.document.journey.has(card_id)


def test_undo_key_in_an_inspector_field_undoes_the_map(window, qtbot):
    focus_window(window, qtbot)
    card_id = window.document.journey.card_ids()[0]
    original = window.document.journey.card(card_id).title
    window.scene.select_element(card_id)
    title = window.inspector.current_form().title
    title.setFocus()
    title.selectAll()
    QTest.keyClicks(title, "Chat")
    assert window.document.journey.card(card_id).title == "Chat"
    QTest.keySequence(title, QKeySequence(QKeySequence.StandardKey.Undo))
    assert window.document.journey.card(card_id).title == original
    assert title.text() == original
