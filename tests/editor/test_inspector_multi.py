"""Several cards selected: the inspector edits their shared fields on all of them, as one undo
step, and shows differing values as mixed (issue 10, item 3)."""
from __future__ import annotations

import pytest
from canvas_helpers import centre_of, to_view
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from editor.canvas.selection_burst import AT_ONCE
from editor.panels.inspector import InspectorDock
from model import CardKind, Segment


@pytest.fixture
def dock(qtbot, canvas):
    document, scene, view = canvas
    document.journey.add_segment(Segment("smb", "SMB", "#59a14f"))
    document.journey.add_segment(Segment("ent", "Enterprise", "#4e79a7"))
    document.journey.update_card("a", segments=("smb",), owner="Aki", votes=2)
    document.journey.update_card("c", segments=("ent",), owner="Aki", votes=5)
    dock = InspectorDock("en")
    qtbot.addWidget(dock)
    dock.set_scene(scene, document.controller)
    dock.show()
    yield dock
    dock.detach()


def click(view, scene, card_id: str, ctrl: bool = False) -> None:
    modifier = Qt.KeyboardModifier.ControlModifier if ctrl else Qt.KeyboardModifier.NoModifier
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, modifier,
                     to_view(view, centre_of(scene.layout.cards[card_id].rect)))


def select_a_c_d(canvas) -> None:
    _document, scene, view = canvas
    click(view, scene, "a")
    click(view, scene, "c", ctrl=True)
    click(view, scene, "d", ctrl=True)
    assert scene.selected_card_ids() == ["a", "c", "d"]


def settle(qtbot) -> None:
    qtbot.wait(5)
    QApplication.processEvents()


def test_heading_and_mixed_values(canvas, dock):
    select_a_c_d(canvas)
    form = dock.current_form()
    assert form.kind == "cards" and dock.heading.text() == "3 cards selected"
    assert form.card_kind.currentIndex() == -1 and form.card_kind.currentText() == ""
    assert form.card_kind.placeholderText() == "(mixed)"
    assert form.owner.text() == "" and form.owner.placeholderText() == "(mixed)"  # d has none
    assert form.channel.text() == "" and form.channel.placeholderText() == ""  # all empty: shared
    assert form.votes.text() == "(mixed)"
    assert form.colour_row.current.text() == "(kind colour)"  # none has its own colour
    states = [form.segments.item(row).checkState() for row in range(form.segments.count())]
    assert states == [Qt.CheckState.PartiallyChecked, Qt.CheckState.PartiallyChecked]


def test_typing_an_owner_sets_it_on_all_as_one_step(canvas, dock, qtbot):
    document, scene, view = canvas
    select_a_c_d(canvas)
    form = dock.current_form()
    form.owner.setFocus()
    QTest.keyClicks(form.owner, "CSM")
    settle(qtbot)
    journey = document.journey
    assert [journey.card(c).owner for c in "acd"] == ["CSM"] * 3
    assert journey.card("b").owner == ""
    assert form.owner.text() == "CSM" and form.owner.placeholderText() == ""
    assert document.undo_stack.count() == 1
    assert document.undo_stack.undoText() == "Edit owner of 3 cards"
    document.undo_stack.undo()
    settle(qtbot)
    assert [journey.card(c).owner for c in "acd"] == ["Aki", "Aki", ""]
    assert form.owner.placeholderText() == "(mixed)"


def test_kind_votes_and_colour_on_all(canvas, dock, qtbot):
    document, scene, view = canvas
    journey = document.journey
    select_a_c_d(canvas)
    form = dock.current_form()
    form.card_kind.setFocus()
    QTest.keyClick(form.card_kind, Qt.Key.Key_Down)  # from "(mixed)": the first kind, Note
    assert [journey.card(c).kind for c in "acd"] == [CardKind.NOTE] * 3
    form.votes.setFocus()
    QTest.keyClick(form.votes, Qt.Key.Key_Up)  # from "(mixed)" to 0
    assert [journey.card(c).votes for c in "acd"] == [0, 0, 0]
    QTest.mouseClick(form.colour_row.swatches["#ffc9de"], Qt.MouseButton.LeftButton)
    assert [journey.card(c).colour for c in "acd"] == ["#ffc9de"] * 3
    settle(qtbot)
    assert form.colour_row.swatches["#ffc9de"].isChecked()
    assert document.undo_stack.count() == 3
    for _ in range(3):
        document.undo_stack.undo()
    assert [journey.card(c).kind for c in "acd"] == [CardKind.TOUCHPOINT, CardKind.MOMENT_OF_TRUTH,
                                                      CardKind.TOUCHPOINT]
    assert [journey.card(c).votes for c in "acd"] == [2, 5, 0]
    assert [journey.card(c).colour for c in "acd"] == [""] * 3


def test_ticking_a_segment_adds_it_to_each_card_keeping_their_own(canvas, dock, qtbot):
    document, scene, view = canvas
    journey = document.journey
    select_a_c_d(canvas)
    form = dock.current_form()
    smb = form.segments.item(0)
    rect = form.segments.visualItemRect(smb)
    check_box = QPoint(rect.left() + 10, rect.center().y())  # at the row's left
    QTest.mouseClick(form.segments.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier, check_box)
    settle(qtbot)
    assert [journey.card(c).segments for c in "acd"] == [("smb",), ("ent", "smb"), ("smb",)]
    assert form.segments.item(0).checkState() == Qt.CheckState.Checked
    assert form.segments.item(1).checkState() == Qt.CheckState.PartiallyChecked
    document.undo_stack.undo()
    assert [journey.card(c).segments for c in "acd"] == [("smb",), ("ent",), ()]


def test_select_all_reads_the_cards_a_few_times_not_once_per_card(canvas, dock, qtbot,
                                                                 monkeypatch):
    document, scene, view = canvas
    for number in range(60):
        document.controller.add_card(CardKind.NOTE, "s3", "tp", title=f"Note {number}")
    form = dock.forms["cards"]
    loads = []
    original = form.reload
    monkeypatch.setattr(form, "reload", lambda: (loads.append(1), original()))
    scene.select_all()  # what Edit > Select All does: 65 selection signals
    settle(qtbot)
    assert dock.heading.text() == "65 cards selected"
    assert len(loads) <= AT_ONCE + 1
    QTest.mouseClick(form.colour_row.swatches["#cdeeb8"], Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert {card.colour for card in document.journey.cards()} == {"#cdeeb8"}
    assert len(loads) <= AT_ONCE + 2  # 65 card events, one reload after them
