"""Issue 10, item 18: Find (Ctrl+F) as a user drives it: keys into the window, the bar's field,
Enter / Shift+Enter, Esc; matches highlighted on screen; a 10,000-card map answers."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
from canvas_helpers import ini_settings
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from editor.canvas.find import CURRENT_EDGE, MATCH_EDGE, FindIndex, fold
from editor.document.document import Document
from editor.window.mainwindow import MainWindow
from model import CardKind

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))


@pytest.fixture
def window(qtbot, tmp_path):
    window = MainWindow(Document.from_template("saas-cs-lifecycle", "ja"), ini_settings(tmp_path, "en"))
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.document.undo_stack.setClean()
    window.close()
    window.deleteLater()


def type_find(window, qtbot, text: str) -> None:
    QTest.keyClick(window.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.find_bar.isVisible() and window.find_bar.field.hasFocus()
    QTest.keyClicks(window.find_bar.field, text)
    qtbot.waitUntil(lambda: not (window.find_bar._timer.isActive() or window.find_bar.searching()))


def expected_cards(journey, word: str) -> list[str]:
    fields = ("title", "details", "channel", "owner", "feeling", "stakes", "actions")
    return [c for c in journey.card_ids()
            if any(fold(word) in fold(getattr(journey.card(c), f)) for f in fields)]


def test_ctrl_f_typing_and_enter_walk_the_matches_in_reading_order(window, qtbot):
    journey = window.document.journey
    type_find(window, qtbot, "csm")  # lower case finds the owner "CSM"
    wanted = expected_cards(journey, "CSM")
    assert len(wanted) > 3 and window.find_bar.matches == wanted
    assert window.find_bar.count.text() == f"Matches: {len(wanted)}"
    QTest.keyClick(window.find_bar.field, Qt.Key.Key_Return)
    assert window.scene.selected_card_ids() == [wanted[0]]
    assert window.find_bar.count.text() == f"1 of {len(wanted)}"
    QTest.keyClick(window.find_bar.field, Qt.Key.Key_Return)
    assert window.scene.selected_card_ids() == [wanted[1]]
    QTest.keyClick(window.find_bar.field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    QTest.keyClick(window.find_bar.field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert window.scene.selected_card_ids() == [wanted[-1]]  # wraps around
    # The current match is on screen, clear of the frozen headers.
    rect = window.view.mapFromScene(window.scene.element_rect(wanted[-1])).boundingRect()
    assert window.view.viewport().rect().contains(rect)


def test_details_fields_and_full_width_text_are_searched(window, qtbot):
    journey = window.document.journey
    card_id = journey.card_ids()[5]
    window.document.controller.update_card(card_id, details="Needs the SSO setup guide",
                                           stakes="churn risk")
    type_find(window, qtbot, "")
    commit = QInputMethodEvent()  # full-width letters, committed by a Japanese input method
    commit.setCommitString("ＳＳＯ")
    QApplication.sendEvent(window.find_bar.field, commit)
    qtbot.waitUntil(lambda: not (window.find_bar._timer.isActive() or window.find_bar.searching()))
    assert window.find_bar.matches == [card_id]
    window.find_bar.field.clear()
    QTest.keyClicks(window.find_bar.field, "churn")
    qtbot.waitUntil(lambda: not (window.find_bar._timer.isActive() or window.find_bar.searching()))
    assert window.find_bar.matches == [card_id]
    window.find_bar.field.setText("nothing like this anywhere")
    window.find_bar.search()
    assert window.find_bar.matches == [] and window.find_bar.count.text() == "No matches"


def near(colour: QColor, wanted: QColor) -> bool:
    """Within antialiasing of ``wanted``."""
    return max(abs(colour.red() - wanted.red()), abs(colour.green() - wanted.green()),
               abs(colour.blue() - wanted.blue())) < 40


def pixel(window, scene_point: QPointF) -> QColor:
    view = window.view
    point = view.mapFromScene(scene_point)
    return view.viewport().grab().toImage().pixelColor(point)


def test_matches_are_highlighted_and_esc_clears_them(window, qtbot):
    journey = window.document.journey
    type_find(window, qtbot, "CSM")
    QTest.keyClick(window.find_bar.field, Qt.Key.Key_Return)
    first, second = window.find_bar.matches[:2]
    window.view.show_element(second)
    qtbot.wait(20)
    box = window.scene.layout.cards[second].rect
    edge = QPointF(box.x + box.w / 2, box.y + 1.5 / window.view.zoom() + 1)
    assert near(pixel(window, edge), MATCH_EDGE)
    window.view.show_element(first)
    qtbot.wait(20)
    box = window.scene.layout.cards[first].rect
    assert near(pixel(window, QPointF(box.x + box.w / 2, box.y + 2)), CURRENT_EDGE)
    unmatched = next(c for c in journey.card_ids() if c not in window.find_bar.matches)
    assert unmatched not in window.scene.find_highlight.matches
    QTest.keyClick(window.find_bar.field, Qt.Key.Key_Escape)
    assert not window.find_bar.isVisible()
    assert window.scene.find_highlight.matches == frozenset()
    qtbot.wait(20)
    assert not near(pixel(window, QPointF(box.x + box.w / 2, box.y + 2)), CURRENT_EDGE)


def test_a_search_follows_edits_of_the_map(window, qtbot):
    type_find(window, qtbot, "brand-new")
    assert window.find_bar.matches == []
    journey = window.document.journey
    stage, lane = journey.stage_ids()[0], journey.lane_ids()[0]
    new_id = window.document.controller.add_card(CardKind.IDEA.value, stage, lane, 0)
    window.document.controller.update_card(new_id, title="A brand-new idea")
    QTest.keyClick(window.find_bar.field, Qt.Key.Key_Return)
    assert window.find_bar.matches == [new_id]
    assert window.scene.selected_card_ids() == [new_id]


def test_ten_thousand_cards_are_searched_from_the_model(monkeypatch):
    """Counts, not clocks: the first search reads each card once, through the model; later ones
    read none until the map changes."""
    from mapgen import make_map

    journey = make_map(10_000)
    reads = []
    original = type(journey).card

    def counting_card(self, card_id):
        reads.append(card_id)
        return original(self, card_id)

    index = FindIndex(journey)
    monkeypatch.setattr(type(journey), "card", counting_card)
    matches = index.search("CSM")
    first = len(reads)
    again = index.search("サポート")
    monkeypatch.undo()
    assert first == journey.card_count() and len(reads) == first  # the second search re-read none
    assert matches and again
    journey.update_card(matches[0], title="changed")  # an edit drops the folded texts
    assert index.search("changed") == [matches[0]]
    index.detach()


def test_highlight_of_many_matches_asks_the_scene_only_for_the_exposed_area(qtbot):
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QImage, QPainter

    from editor.canvas.find import FindHighlight

    class Scene:
        def __init__(self, items):
            self._items = items
            self.asked = []

        def views(self):
            return []

        def items(self, rect):
            self.asked.append(rect)
            return self._items

        def item_for(self, element_id):
            raise AssertionError("many matches are not looked up one by one")

    scene = Scene([])
    highlight = FindHighlight(scene)
    highlight.set([f"c{i}" for i in range(5000)], "c0")
    image = QImage(10, 10, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    highlight.draw(painter, QRectF(0, 0, 10, 10))
    painter.end()
    assert scene.asked == [QRectF(0, 0, 10, 10)]  # one spatial query for the exposed rectangle


def test_a_first_search_on_a_big_map_shows_the_first_matches_at_once_and_the_count_when_done(
        qtbot, tmp_path):
    """Issue 12: on a map whose texts are not folded yet, typing shows the first matches (in
    reading order, highlighted) after one turn of the event loop, "so far…" in the count (the
    highlight catches up every quarter second and at the end), Enter
    goes to the first one meanwhile, an edit during the search is taken in, and the count is
    the exact total when every card was read."""
    from tests.model.generated_maps import generated_map

    window = MainWindow(Document(generated_map(1500, seed=4)), ini_settings(tmp_path, "en"))
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    bar, journey = window.find_bar, window.document.journey
    bar.stop_preparing()  # the user types before the read-ahead folded the texts
    bar._searching.seconds = 0.0  # one card a turn of the event loop: many turns to watch
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    QTest.keyClick(window.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert bar.isVisible() and bar.field.hasFocus()
    QTest.keyClicks(bar.field, "nps")
    qtbot.waitUntil(lambda: bool(bar.matches))  # the first ones, long before the last card is read
    wanted = expected_cards(journey, "NPS")
    assert bar.searching() and 0 < len(bar.matches) < len(wanted)
    assert bar.matches == wanted[:len(bar.matches)]  # a prefix, in reading order
    assert bar.count.text() == f"Matches so far: {len(bar.matches)}…"
    shown = window.scene.find_highlight.matches  # the first ones at once, more now and then
    assert wanted[0] in shown and shown <= frozenset(bar.matches)
    QTest.keyClick(bar.field, Qt.Key.Key_Return)
    assert window.scene.selected_card_ids() == [wanted[0]]
    assert bar.count.text().startswith("1 of ") and bar.count.text().endswith(" so far…")
    late = next(c for c in reversed(journey.card_ids()) if c not in wanted)
    window.document.controller.update_card(late, details="NPS survey")  # read again from the start
    wanted = expected_cards(journey, "NPS")
    qtbot.waitUntil(lambda: not bar.searching(), timeout=20000)
    assert bar.matches == wanted and late in bar.matches
    assert bar.count.text() == f"Matches: {len(wanted)}"
    assert window.scene.find_highlight.matches == frozenset(wanted)
    QTest.keyClick(bar.field, Qt.Key.Key_Return)
    assert window.scene.selected_card_ids() == [wanted[0]]
    assert bar.count.text() == f"1 of {len(wanted)}"
    window.document.undo_stack.setClean()
    window.close()
