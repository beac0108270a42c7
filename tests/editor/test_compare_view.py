"""View → Compare Scenarios… on the crafted as-is / to-be pair (tests/model/scenarios/fixtures):
the summary line, the stages aligned with their cards side by side and marked, both emotion
curves on the chart, clicking a card selecting it in its scenario, and the view following edits."""
from __future__ import annotations

from pathlib import Path

import pytest
from canvas_helpers import ini_settings
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from window_helpers import close_window

from editor.document.document import Document
from editor.panels.compare_view import COLUMN_AFTER, COLUMN_BEFORE, STATUS_COLOURS
from editor.window.mainwindow import MainWindow

FIXTURES = Path(__file__).resolve().parents[1] / "model" / "scenarios" / "fixtures"


@pytest.fixture
def window(qtbot, tmp_path):
    window = MainWindow(Document.open(FIXTURES / "crafted-pair.en.journey"),
                        ini_settings(tmp_path, "en"))
    window.resize(1300, 850)
    window.show()
    qtbot.waitExposed(window)
    yield window
    close_window(window)


def open_compare(window):
    view_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    [action] = [a for a in view_menu.actions() if a.text() == "&Compare Scenarios…"]
    action.trigger()
    return window.scenarios.compare_view


def rows(compare) -> dict[str, list[tuple[str, str, str]]]:
    """Stage label -> (before title, after title, colour name or "") of each card row."""
    colours = {QColor(c).name(): status for status, c in STATUS_COLOURS.items()}
    found = {}
    for i in range(compare.tree.topLevelItemCount()):
        stage = compare.tree.topLevelItem(i)
        found[stage.text(0)] = [
            (item.text(COLUMN_BEFORE), item.text(COLUMN_AFTER),
             colours.get(item.background(COLUMN_BEFORE).color().name(), ""))
            for item in (stage.child(j) for j in range(stage.childCount()))]
    return found


def test_compare_shows_the_summary_and_the_stages_aligned_with_cards_marked(window):
    compare = open_compare(window)
    assert compare.isVisible()
    assert (compare.before_box.currentText(), compare.after_box.currentText()) == ("As-is", "To-be")
    assert compare.summary.text() == (
        "As-is → To-be: −2 pain points, +2 ideas, emotion at Renewal −1 → +1, "
        "stage renamed: Adoption → Active use, stage added: Advocacy")
    seen = rows(compare)
    assert list(seen) == ["Onboarding", "Adoption → Active use", "Renewal",
                          "Advocacy (new stage)"]
    assert seen["Onboarding"] == [("Manual hard to find", "", "removed")]
    assert ("Webinar", "Monthly webinar", "changed") in seen["Adoption → Active use"]
    assert ("Explains twice", "", "removed") in seen["Adoption → Active use"]
    renewal = seen["Renewal"]
    assert ("", "Call 120 days ahead", "added") in renewal
    assert ("", "Thank-you mail", "added") in renewal
    assert ("Late renewal call", "Late renewal call", "") in renewal  # the same card
    legend = [compare.legend[s].text() for s in ("added", "removed", "changed")]
    assert legend == ["Added (2)", "Removed (2)", "Changed (1)"]  # what the colours mean


def test_only_changes_hides_the_unchanged_cards(window):
    compare = open_compare(window)
    compare.show_unchanged.setChecked(False)
    assert all(colour for cards in rows(compare).values() for _, _, colour in cards)


def test_the_chart_has_both_curves_over_the_aligned_stages(window):
    compare = open_compare(window)
    points = {name: (before, after) for name, before, after in compare.chart.points}
    assert points["Renewal"] == (-1, 1)
    assert points["Advocacy"] == (None, 2)
    assert compare.chart.names == ("As-is", "To-be")
    image = compare.chart.grab().toImage()
    assert not image.isNull() and image.width() > 300


def test_the_chart_shows_a_chosen_segments_curve(window, qtbot):
    window.scenarios.switch_to("to-be")
    controller, journey = window.document.controller, window.document.journey
    segment = controller.add_segment("Enterprise", "#4e79a7")
    renewal = next(s for s in journey.stages() if s.name == "Renewal")
    controller.update_stage(renewal.id, emotions={**renewal.emotions, segment: -2.0})
    compare = open_compare(window)
    box = compare.curve_box
    assert [box.itemText(i) for i in range(box.count())] == ["All customers", "SMB", "Enterprise"]
    box.setCurrentIndex(1)
    smb = {name: (before, after) for name, before, after in compare.chart.points}
    assert smb["Active use"] == (0, 0) and smb["Renewal"] == (None, None)  # Adoption → Active use
    box.setCurrentIndex(2)
    points = {name: (before, after) for name, before, after in compare.chart.points}
    assert points["Renewal"] == (None, -2)  # the as-is map has no such segment
    assert all(after is None for name, _, after in compare.chart.points if name != "Renewal")
    controller.update_stage(renewal.id, name="Renewal")  # an edit refreshes: the choice stays
    compare.refresh()
    assert box.currentText() == "Enterprise"
    box.setCurrentIndex(0)
    assert {n: (b, a) for n, b, a in compare.chart.points}["Renewal"] == (-1, 1)


def test_clicking_a_card_selects_it_in_its_scenario(window, qtbot):
    compare = open_compare(window)
    assert window.document.scenarios.current_id == "as-is"
    tree = compare.tree
    stage = tree.topLevelItem(2)  # Renewal
    added = next(stage.child(j) for j in range(stage.childCount())
                 if stage.child(j).text(COLUMN_AFTER) == "Call 120 days ahead")
    tree.scrollToItem(added)
    rect = tree.visualItemRect(added)
    x = tree.header().sectionPosition(COLUMN_AFTER) + 10
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, rect.center().y()))
    assert window.document.scenarios.current_id == "to-be"
    assert window.scene.selected_card_ids() == ["i2"]
    assert compare.isVisible()  # it stays open beside the canvas


def test_clicking_the_before_side_of_a_removed_card_shows_the_as_is(window, qtbot):
    compare = open_compare(window)
    window.scenarios.switch_to("to-be")
    stage = compare.tree.topLevelItem(0)
    item = stage.child(0)
    compare.tree.itemClicked.emit(item, COLUMN_BEFORE)
    assert window.document.scenarios.current_id == "as-is"
    assert window.scene.selected_card_ids() == ["p1"]


def test_the_compare_view_follows_edits_and_swaps(window, qtbot):
    compare = open_compare(window)
    window.scenarios.switch_to("to-be")
    window.document.controller.remove(["i3"])
    qtbot.waitUntil(lambda: "+1 idea," in compare.summary.text(), timeout=3000)
    compare.swap()
    assert compare.summary.text().startswith("To-be → As-is: +2 pain points, −1 idea")
    window.scenarios.add(empty=True)  # a third scenario appears in the choices
    assert compare.after_box.count() == 3


def test_the_bar_menu_and_the_compare_view_in_japanese(qapp, qtbot, tmp_path):
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QAbstractButton, QLabel
    from test_translations import untranslated

    from editor.i18n import install_translators

    translators = install_translators(qapp, "ja")
    window = MainWindow(Document.open(FIXTURES / "crafted-pair.ja.journey"),
                        ini_settings(tmp_path, "ja"))
    try:
        window.show()
        texts = [a.text() for a in window.scenarios.tab_menu("as-is").actions()]
        texts += [a.text() for a in window.scenarios.bar.add_menu.actions()]
        compare = window.scenarios.open_compare()
        texts += [w.text() for w in compare.findChildren(QLabel) + compare.findChildren(QAbstractButton)
                  if w.objectName() != "CompareSummary"]
        texts += [compare.tree.headerItem().text(i) for i in (0, 3)]
        assert untranslated(texts) == []
        assert compare.windowTitle() == "シナリオの比較"
        assert compare.legend["changed"].text() == "変更 (1)"
        assert compare.summary.text().startswith("現状 → あるべき姿: 問題点 −2")
    finally:
        for translator in translators:
            QCoreApplication.removeTranslator(translator)
        close_window(window)
