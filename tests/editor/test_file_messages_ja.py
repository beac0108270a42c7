"""The file layer's messages in the Japanese user interface.

The model words its messages as Messages (a template and its arguments, no Qt); the editor
translates them. Every template in model/ must have a finished Japanese translation with the same
fields, and the error boxes a person meets (a file that cannot be opened, a save into a folder that
is gone) read in Japanese: the file's path and the data quoted from it are the only Latin text.
"""
from __future__ import annotations

import re
import shutil
import string
import xml.etree.ElementTree as ET

import pytest
from canvas_helpers import ini_settings
from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QEventLoop, QStandardPaths, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from window_helpers import start_from_menu

from editor.document import locking
from editor.document.document import Document
from editor.i18n import error_text, install_translators
from editor.window.mainwindow import MainWindow
from model import JourneyFileError
from model.fileformat import loads_journey
from model.journey.messages import CONTEXT
from resources import RESOURCES_DIR
from scripts.update_translations import message_templates

TS_FILE = RESOURCES_DIR / "translations" / "journey_ja.ts"
JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")
BAD_FILES = {  # content -> the Japanese reason it must give
    '{"format": "journey-map", "version": 1,\n  "x": NaN}': "JSON では使えない NaN が含まれています",
    '{"format": "journey-map", "version": 99}': "形式のバージョン 99 で書かれています",
    '{"format": "journey-map", "version": 1, "cards": [{"id": "c1"}]}': "必須のフィールド",
    '[1, 2]': "ジャーニーマップではありません: JSON オブジェクトではなくリストが入っています",
    '{"format": "journey-map", "version": 1': "正しい JSON ではありません",
}


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def japanese_file_messages() -> dict[str, ET.Element]:
    root = ET.parse(TS_FILE).getroot()
    context = next(c for c in root.iter("context") if c.findtext("name") == CONTEXT)
    return {m.findtext("source"): m.find("translation") for m in context.iter("message")}


def test_every_model_message_has_a_japanese_translation_with_the_same_fields():
    translations = japanese_file_messages()
    templates = message_templates()
    assert len(templates) > 100
    for template in templates:
        translation = translations.get(template)
        assert translation is not None, f"not in {TS_FILE.name}: {template!r}"
        assert translation.get("type") != "unfinished" and translation.text, template
        assert fields(translation.text) == fields(template), template
        words = re.sub(r"\{[^}]*\}", "", template)
        assert JAPANESE.search(translation.text) or not re.search(r"[A-Za-z]{2,}", words) \
            or template in ("null", "true/false"), template  # JSON's own words stay


@pytest.fixture
def japanese(qapp):
    translators = install_translators(qapp, "ja")
    yield
    for translator in translators:
        QCoreApplication.removeTranslator(translator)


@pytest.fixture
def window(japanese, qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(locking, "data_folder", lambda: tmp_path / "data")
    QStandardPaths.setTestModeEnabled(True)
    window = MainWindow(Document.from_template("blank", "ja"), ini_settings(tmp_path, "ja"))
    window.show()
    yield window
    window.document.undo_stack.setClean()
    window.close()
    QStandardPaths.setTestModeEnabled(False)


def read_error_box(seen: list[tuple[str, str]]) -> None:
    """Read the next message box's title and text, then close it, as a person would."""
    def read() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append((box.windowTitle(), box.text()))
            box.accept()
        else:
            QTimer.singleShot(20, read)
    QTimer.singleShot(0, read)


def latin_words(text: str, *allowed: str) -> list[str]:
    for part in allowed:
        text = text.replace(part, "")
    text = re.sub(r'"[^"]*"', "", text)  # data quoted from the file
    text = re.sub(r"「[^」]*」", "", text)  # names of fields, quoted
    text = re.sub(r"（場所: [^）\u3040-\u30ff\u3400-\u9fff]*）", "", text)  # a JSON path
    return re.findall(r"[A-Za-z]{3,}", text)


@pytest.mark.parametrize("content", list(BAD_FILES))
def test_a_file_that_cannot_be_opened_is_explained_in_japanese(window, tmp_path, content):
    path = tmp_path / "broken.journey"
    path.write_text(content, encoding="utf-8")
    seen: list[tuple[str, str]] = []
    read_error_box(seen)
    assert not window.files.open_path(path)
    title, text = seen[0]
    assert title == "マップを開けません"
    assert text.startswith(f"{path}: ") and BAD_FILES[content] in text
    assert latin_words(text, str(path), "JSON", "NaN", "Journey Map Editor") == []


def test_the_folder_that_is_gone_is_said_in_japanese(window, tmp_path):
    folder = tmp_path / "examples"
    folder.mkdir()
    path = folder / "workshop.journey"
    assert window.files.save_as(path)
    shutil.rmtree(folder)
    window.document.controller.update_map(title="変更")
    seen: list[tuple[str, str]] = []
    read_error_box(seen)
    assert not window.files.save()
    assert seen == [("マップを保存できません",
                     f"{path}: 保存できませんでした: フォルダー {folder}が存在しません")]


def test_the_english_text_is_the_models_own(qapp):
    with pytest.raises(JourneyFileError) as caught:
        loads_journey('{"format": "journey-map", "version": 1, "x": NaN}', source="a.journey")
    assert error_text(caught.value) == str(caught.value)
    assert str(caught.value) == "a.journey: contains NaN, which JSON does not allow (at line 1, column 46)"


def test_a_broken_translation_falls_back_to_english(qapp):
    from editor.i18n import translate_message
    from model.journey.messages import Message

    assert translate_message(Message("no such {template} in any file", template="x")) == \
        "no such x in any file"
    assert translate_message("plain text") == "plain text"


def test_an_export_that_cannot_be_written_is_explained_in_japanese(window, tmp_path, monkeypatch):
    target = tmp_path / "taken.xlsx"
    target.mkdir()  # a folder where the workbook should go
    ended: list[str] = []
    window.exports.finished.connect(lambda _path, how: ended.append(how))
    seen: list[tuple[str, str]] = []
    start_from_menu(window, monkeypatch, target, "export_excel")
    read_error_box(seen)
    deadline = QDeadlineTimer(60_000)
    while not seen and not deadline.hasExpired():
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
    assert ended == ["failed"] and seen
    title, text = seen[0]
    assert text == f"{target} に書き出せません：ファイルではなくフォルダーです"
