"""File → Import… driven as a user does: the menu entry, the OS file dialog answered (patched,
the one thing a test cannot click), then the preview dialog through its own widgets -- the
format, sheet and base boxes, the skipped-rows check box, Import and Cancel -- and the map that
opens (or does not). Files are real: CSV in CP932, workbooks built with openpyxl and exported by
our exporter, a big generated CSV that a Cancel stops halfway."""
from __future__ import annotations

import gc
import threading
from pathlib import Path

import openpyxl
import pytest
from canvas_helpers import ini_settings
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from window_helpers import close_window, make_window

from editor.settings import KEY_IMPORT_FOLDER
from editor.window import import_worker
from editor.window.import_dialog import ImportDialog
from editor.window.import_worker import BASE_NONE, BASE_OPEN
from exporters import export_excel
from importers import ImportCancelled
from tests.importers.test_csv import JAPANESE_CSV
from tests.importers.test_grid import build_grid

ANSWER_TRIES = 6000  # 10 ms apart: a loaded machine may take seconds to import and draw


@pytest.fixture
def window(qtbot, tmp_path):
    window = make_window(qtbot, ini_settings(tmp_path, "en"))
    window.messages = []
    window.show_error = lambda title, text: window.messages.append(text)
    yield window
    close_window(window)


class FileDialogAnswers:
    """QFileDialog.getOpenFileName answered with ``path``; remembers the folder it started in."""

    def __init__(self, monkeypatch, path: Path | str) -> None:
        self.path, self.started_in = str(path), []
        monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(self._answer))

    def _answer(self, _parent, _title, folder, _filters):
        self.started_in.append(folder)
        return self.path, ""


def file_menu_action(window, text: str):
    file_menu = window.menuBar().actions()[0].menu()
    return next(a for a in file_menu.actions() if a.text().replace("&", "") == text)


def import_through_menu(window, monkeypatch, path, *answers) -> FileDialogAnswers:
    """File → Import… on ``path``; each modal widget that comes up goes to the next of
    ``answers`` (a function of the widget that returns True once it has answered it)."""
    files = FileDialogAnswers(monkeypatch, path)
    pending = list(answers)

    def poll(left: int) -> None:
        widget = QApplication.activeModalWidget()
        if widget is not None and pending and pending[0](widget):
            pending.pop(0)
        if pending and left:
            QTimer.singleShot(10, lambda: poll(left - 1))

    QTimer.singleShot(0, lambda: poll(ANSWER_TRIES))
    file_menu_action(window, "Import…").trigger()
    assert not pending, "a dialog did not come up"
    return files


def when_read(act):
    """An answer for the preview: wait until the import has finished, then ``act(dialog)``."""
    def answer(widget) -> bool:
        if not isinstance(widget, ImportDialog) or widget.is_busy():
            return False
        act(widget)
        return True
    return answer


def click_import(dialog: ImportDialog) -> None:
    assert dialog.import_button.isEnabled()
    dialog.import_button.click()


def placed(journey):
    return sorted((journey.stage(journey.card_place(c).stage).name,
                   journey.lane(journey.card_place(c).lane).name, journey.card(c).kind,
                   journey.card(c).title) for c in journey.card_ids())


# --------------------------------------------------------------------------- CSV
def test_a_cp932_csv_opens_as_a_new_map_with_its_cards(window, monkeypatch, tmp_path):
    source = tmp_path / "japanese excel" / "cards.csv"
    source.parent.mkdir()
    source.write_bytes(JAPANESE_CSV.encode("cp932"))
    before = window.document
    seen = {}

    def read(dialog: ImportDialog) -> None:
        seen["format"] = dialog.format_box.currentText()
        seen["summary"] = dialog.summary.toPlainText()
        seen["preview"] = dialog.preview.pixmap().isNull()
        click_import(dialog)

    files = import_through_menu(window, monkeypatch, source, when_read(read))
    assert seen["format"] == "Automatic: CSV of cards"
    assert "read as CP932 (Shift_JIS)" in seen["summary"]
    assert "Stages (3)" in seen["summary"] and "導入 → 積極活用 → 契約更新" in seen["summary"]
    assert "Cards (5)" in seen["summary"] and not seen["preview"]
    journey = window.document.journey
    assert window.document is not before and window.document.path is None
    assert window.document.is_modified()  # saved nowhere yet: closing asks
    assert placed(journey) == sorted([
        ("導入", "タッチポイント", "touchpoint", "チャットサポート"),
        ("導入", "問題点", "pain_point", "同じ説明を何度も"),
        ("積極活用", "タッチポイント", "touchpoint", "他社のサクセス事例"),
        ("積極活用", "アイディア", "idea", "利用状況に合わせた事例配信"),
        ("契約更新", "真実の瞬間", "moment_of_truth", "更新の120日前")])
    assert sorted(item.card.title for item in window.scene.cards.values()) == sorted(
        c.title for c in journey.cards())  # on the canvas
    assert window.settings.value(KEY_IMPORT_FOLDER) == str(source.parent)
    # The next File → Import… starts in that folder.
    files = FileDialogAnswers(monkeypatch, "")
    file_menu_action(window, "Import…").trigger()
    assert files.started_in == [str(source.parent)]
    assert window.document.journey is journey and not window.messages


def test_skipped_rows_must_be_accepted_before_import(window, monkeypatch, tmp_path):
    source = tmp_path / "cards.csv"
    source.write_text("stage,lane,kind,title,votes\n導入,Touchpoints,,Chat,1\n"
                      "導入,Touchpoints,sticker,Odd kind,\n導入,Touchpoints,,Bad votes,many\n",
                      encoding="utf-8")
    seen = {}

    def read(dialog: ImportDialog) -> None:
        seen["summary"] = dialog.summary.toPlainText()
        seen["enabled before"] = dialog.import_button.isEnabled()
        seen["box"] = dialog.accept_skipped.isVisible(), dialog.accept_skipped.text()
        dialog.accept_skipped.click()
        click_import(dialog)

    import_through_menu(window, monkeypatch, source, when_read(read))
    assert "Skipped rows (2)" in seen["summary"]
    assert 'row 3: unknown kind "sticker"' in seen["summary"]
    assert 'row 4: votes must be a whole number ≥ 0, not "many"' in seen["summary"]
    assert seen["enabled before"] is False
    assert seen["box"] == (True, "Import without the 2 skipped rows (listed above); they are "
                                 "not in the map")
    assert [c.title for c in window.document.journey.cards()] == ["Chat"]


def test_a_bad_csv_shows_the_line_and_cause_and_opens_nothing(window, monkeypatch, tmp_path):
    source = tmp_path / "broken.csv"
    source.write_bytes("stage,title\n導入,チャット\n".encode() + b"\xff\xfe\xff,x\n")
    before, journey = window.document, window.document.journey
    seen = {}

    def read(dialog: ImportDialog) -> None:
        seen["summary"] = dialog.summary.toPlainText()
        seen["enabled"] = dialog.import_button.isEnabled()
        dialog.buttons.button(dialog.buttons.StandardButton.Cancel).click()

    import_through_menu(window, monkeypatch, source, when_read(read))
    assert "This file cannot be imported" in seen["summary"]
    assert f"{source}: cannot be imported: the text is neither UTF-8 nor CP932" in seen["summary"]
    assert "(at line 3)" in seen["summary"] and seen["enabled"] is False
    assert window.document is before and window.document.journey is journey
    assert not window.document.is_modified() and not window.messages


def test_import_from_the_start_screen_opens_the_map(window, monkeypatch, tmp_path):
    source = tmp_path / "day.mmd"
    source.write_text("journey\n  title My working day\n  section Go to work\n"
                      "    Make tea: 5: Me\n  section Go home\n    Sit down: 2: Me\n",
                      encoding="utf-8")
    assert window.close_map() and window.document is None  # the start screen
    assert file_menu_action(window, "Import…").isEnabled()
    import_through_menu(window, monkeypatch, source, when_read(click_import))
    journey = window.document.journey
    assert journey.title == "My working day"
    assert [s.name for s in journey.stages()] == ["Go to work", "Go home"]
    assert window.pages.currentWidget() is window.view and window.inspector.isVisible()


# --------------------------------------------------------------------------- workbooks
def test_a_grid_with_merged_headers_shows_the_guessed_kinds(window, monkeypatch, tmp_path):
    source = build_grid(tmp_path / "grid.xlsx")
    workbook = openpyxl.load_workbook(source)
    other = workbook.create_sheet("Renewal")
    other["B1"], other["C1"], other["A2"], other["B2"] = "Review", "Renew", "Pain points", "Price"
    workbook.save(source)
    seen = {}

    def read(dialog: ImportDialog) -> None:
        seen["first"] = dialog.summary.toPlainText()
        seen["sheets"] = [dialog.sheet_box.itemText(i) for i in range(dialog.sheet_box.count())]
        seen["sheet row"] = dialog.sheet_box.isVisible() and dialog.sheet_box.isEnabled()
        dialog.sheet_box.setCurrentIndex(dialog.sheet_box.findText("Renewal"))  # reads it again

    def read_other(dialog: ImportDialog) -> None:
        seen["other"] = dialog.summary.toPlainText()
        dialog.sheet_box.setCurrentIndex(dialog.sheet_box.findText("ジャーニー"))

    def read_again(dialog: ImportDialog) -> None:
        seen["again"] = dialog.summary.toPlainText()
        click_import(dialog)

    import_through_menu(window, monkeypatch, source, when_read(read), when_read(read_other),
                        when_read(read_again))
    first = seen["first"]
    assert "Read as Plain grid (stages across, lanes down)" in first
    assert "Stages (3)" in first and "導入 → 活用 → 更新" in first  # B3:C3 merged is one stage
    assert "Lane kinds are guessed from the lane names" in first
    for lane, kind in (("タッチポイント", "Touchpoints"), ("課題", "Pain points"),
                       ("感情", "Emotion"), ("アイデア", "Ideas"), ("真実の瞬間", "Text")):
        assert f"{lane}\n{kind}\n" in first, (lane, first)  # a table: a cell a line
    assert "課題 → pain_points" in first
    assert seen["sheets"] == ["The first sheet with content", "ジャーニー", "Renewal"]
    assert seen["sheet row"]
    assert "Review → Renew" in seen["other"] and "Pain points\nPain points\n" in seen["other"]
    assert seen["again"] == first
    journey = window.document.journey
    assert [(lane.name, lane.kind) for lane in journey.lanes()] == [
        ("タッチポイント", "touchpoints"), ("課題", "pain_points"), ("感情", "emotion"),
        ("アイデア", "ideas"), ("真実の瞬間", "text")]
    assert journey.card_count() == 11


def test_a_workbook_exported_from_the_open_map_comes_back_with_its_edits(window, monkeypatch,
                                                                          tmp_path):
    controller = window.document.controller
    controller.update_card("c-onb-setup", details="画面つきの手順書に差し替え")  # unsaved edit
    original = window.document.journey
    source = tmp_path / "exported.xlsx"
    export_excel(original, source)
    workbook = openpyxl.load_workbook(source)
    cards = workbook["Cards"]
    column = {cell.value: cell.column for cell in cards[1]}
    rows = {cards.cell(r, column["ID"]).value: r for r in range(2, cards.max_row + 1)}
    cards.cell(rows["c-onb-chat"], column["タイトル"]).value = "チャットサポート(平日9-18時)"
    cards.delete_rows(rows["c-onb-help"])
    new_row = cards.max_row + 1
    for header, value in (("ステージ", "積極活用"), ("レーン", "アイディア"),
                          ("タイトル", "活用度に応じたメール配信")):
        cards.cell(new_row, column[header]).value = value
    workbook.save(source)
    seen, asked = {}, []

    def read(dialog: ImportDialog) -> None:
        seen["base"] = dialog.base_box.currentData(), dialog.base_box.isVisible()
        seen["note"] = dialog.base_note.text()
        seen["summary"] = dialog.summary.toPlainText()
        click_import(dialog)

    def discard(widget) -> bool:
        if not isinstance(widget, QMessageBox):
            return False
        asked.append(widget.text())
        widget.button(QMessageBox.StandardButton.Discard).click()
        return True

    import_through_menu(window, monkeypatch, source, when_read(read), discard)
    total = original.card_count()  # one row deleted, one added
    assert seen["base"] == (BASE_OPEN, True)
    # Neither the new row nor the card whose title the team changed counts as the open map's.
    assert seen["note"].startswith(f"The open map is the base: {total - 2} of the workbook's "
                                   f"{total} cards are its cards")
    assert "Lane kinds come from the base map" in seen["summary"]
    assert "1 new card, 1 card deleted (their rows are gone), 1 card changed" in seen["summary"]
    assert asked and "has changes that are not saved" in asked[0]
    journey = window.document.journey
    assert journey is not original and window.document.path is None
    assert journey.card("c-onb-chat").title == "チャットサポート(平日9-18時)"
    assert not journey.has("c-onb-help")
    assert [c.title for c in journey.cards() if c.title == "活用度に応じたメール配信"]
    for card_id in original.card_ids():  # untouched cards keep everything: colour, id, edit
        if card_id not in ("c-onb-chat", "c-onb-help"):
            assert journey.card(card_id) == original.card(card_id)
    assert journey.card("c-onb-setup").details == "画面つきの手順書に差し替え"
    assert [(lane.id, lane.kind) for lane in journey.lanes()] == [
        (lane.id, lane.kind) for lane in original.lanes()]


def test_a_workbook_of_another_map_gets_no_base(window, monkeypatch, tmp_path):
    from model.templates import load_template

    source = tmp_path / "other.xlsx"
    export_excel(load_template("saas-customer-journey", "en"), source)
    seen = {}

    def read(dialog: ImportDialog) -> None:
        seen["base"] = dialog.base_box.currentData()
        seen["note"] = dialog.base_note.text()
        dialog.reject()

    import_through_menu(window, monkeypatch, source, when_read(read))
    assert seen["base"] == BASE_NONE
    assert seen["note"].startswith("No base map: only 0 of the workbook's")


# --------------------------------------------------------------------------- big files
def test_cancel_during_a_slow_import_leaves_the_current_map(window, monkeypatch, tmp_path,
                                                            qtbot):
    source = tmp_path / "big.csv"
    with source.open("w", encoding="utf-8") as out:
        out.write("stage,lane,kind,title,details\n")
        for row in range(90_000):
            out.write(f"Stage {row % 12},Touchpoints,touchpoint,Card {row},details of {row}\n")
    before, journey = window.document, window.document.journey
    ends = []
    real_run = import_worker.run_request

    clicked = threading.Event()

    def held_until_cancel_is_clicked(cancelled):
        # The import's row checks wait for the click, so a fast machine cannot finish the file
        # before Cancel is pressed (which made this test pass or fail by the machine's load).
        def check() -> bool:
            if not clicked.wait(30):
                clicked.set()  # never clicked: wait once only, the test fails below
            return cancelled()
        return check

    def spy(request, cancelled=None):
        try:
            return real_run(request, held_until_cancel_is_clicked(cancelled))
        except BaseException as exc:
            ends.append(type(exc))
            raise

    monkeypatch.setattr(import_worker, "run_request", spy)
    seen = {}

    def cancel_while_busy(widget) -> bool:
        if not isinstance(widget, ImportDialog):
            return False
        seen["busy"] = widget.is_busy() and widget.busy.isVisible()
        seen["collector"] = gc.isenabled()  # off while the import thread runs
        seen["job"] = widget.job
        widget.buttons.button(widget.buttons.StandardButton.Cancel).click()
        clicked.set()
        return True

    import_through_menu(window, monkeypatch, source, cancel_while_busy)
    assert seen["busy"]  # the window's event loop ran while the file was read
    assert seen["collector"] is False
    qtbot.waitUntil(gc.isenabled, timeout=10_000)  # back on once the thread has ended
    assert seen["job"].wait(60) and ends == [ImportCancelled]  # stopped between rows
    assert window.document is before and window.document.journey is journey
    assert not window.document.is_modified() and not window.messages
