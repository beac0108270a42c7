"""The inspector: follows the selection, edits through the controller, refreshes after undo."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit

from editor.canvas.scene import JourneyScene
from editor.document.document import Document
from editor.panels.inspector import NO_EMOTION, InspectorDock
from model import ALL_CUSTOMERS, CardKind, ExitCriterion, LaneKind


@pytest.fixture
def document(template_document) -> Document:
    return template_document


@pytest.fixture
def scene(template_scene):
    return template_scene


@pytest.fixture
def dock(qtbot, document, scene) -> InspectorDock:
    dock = InspectorDock("ja")
    qtbot.addWidget(dock)
    dock.set_scene(scene, document.controller)
    dock.show()
    yield dock
    dock.detach()  # before the scene fixture lets the scene go


def first_card(document: Document, kind: CardKind = CardKind.TOUCHPOINT) -> str:
    return next(c.id for c in document.journey.cards() if c.kind == kind)


def type_into(widget, text: str) -> None:
    """Replace the field's text by typing, as a user does after selecting it all.

    QTest types ASCII only; Japanese arrives as a Japanese user's does, committed by the input
    method (one commit per converted phrase).
    """
    widget.setFocus()
    widget.selectAll()
    if text.isascii():
        QTest.keyClicks(widget, text)
    else:
        commit_text(widget, text)


def commit_text(widget, text: str) -> None:
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def test_nothing_selected_shows_the_map(dock, document):
    assert dock.current_form().kind == "map"
    assert dock.forms["map"].title.text() == document.journey.title


def test_typing_a_card_title_is_one_undo_step(dock, scene, document):
    card_id = first_card(document)
    original = document.journey.card(card_id).title
    scene.select_element(card_id)
    form = dock.current_form()
    assert form.kind == "card" and form.title.text() == original
    steps = document.undo_stack.count()
    type_into(form.title, "チャット")
    assert document.journey.card(card_id).title == "チャット"
    assert document.undo_stack.count() == steps + 1
    document.undo_stack.undo()
    assert document.journey.card(card_id).title == original
    assert form.title.text() == original  # refreshed from the model, no new command
    assert document.undo_stack.count() == steps + 1
    document.undo_stack.redo()
    assert form.title.text() == "チャット"


def test_refresh_keeps_the_cursor_where_the_user_types(dock, scene, document):
    card_id = first_card(document)
    scene.select_element(card_id)
    title = dock.current_form().title
    type_into(title, "abcdef")
    title.setCursorPosition(3)
    QTest.keyClicks(title, "X")
    assert document.journey.card(card_id).title == "abcXdef"
    assert title.cursorPosition() == 4


def test_card_details_and_moment_of_truth_fields(dock, scene, document):
    card_id = first_card(document, CardKind.MOMENT_OF_TRUTH)
    scene.select_element(card_id)
    form = dock.current_form()
    assert not form.moment_group.isHidden()
    type_into(form.feeling, "不安")
    assert document.journey.card(card_id).feeling == "不安"
    scene.select_element(first_card(document))
    assert form.moment_group.isHidden()


def test_card_kind_votes_segments_and_colour(dock, scene, document):
    card_id = first_card(document)
    scene.select_element(card_id)
    form = dock.current_form()
    form.card_kind.setFocus()
    QTest.keyClick(form.card_kind, Qt.Key.Key_Down)  # touchpoint → moment of truth
    assert document.journey.card(card_id).kind == CardKind.MOMENT_OF_TRUTH
    form.votes.setValue(3)
    assert document.journey.card(card_id).votes == 3
    segment = document.journey.segments()[0].id
    tagged = segment in document.journey.card(card_id).segments
    item = form.segments.item(0)
    item.setCheckState(Qt.CheckState.Unchecked if tagged else Qt.CheckState.Checked)
    assert (segment in document.journey.card(card_id).segments) is not tagged
    document.controller.update_card(card_id, colour="#123456")
    assert form.colour_row.current.text() == "#123456" and form.colour_row.kind_default.isEnabled()
    QTest.mouseClick(form.colour_row.kind_default, Qt.MouseButton.LeftButton)
    assert document.journey.card(card_id).colour == ""


def test_edit_exit_criteria_table_then_undo(dock, scene, document, qtbot):
    stage = document.journey.stages()[0]
    scene.select_element(stage.id)
    form = dock.current_form()
    assert form.kind == "stage" and form.criteria.rowCount() == len(stage.exit_criteria)
    form.criteria.editItem(form.criteria.item(0, 1))
    editor = form.criteria.viewport().findChild(QLineEdit)
    type_into(editor, "NPS 40以上")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    # The delegate commits on Return through a queued call.
    qtbot.waitUntil(lambda: form.criteria.state() != QAbstractItemView.State.EditingState)
    changed = document.journey.stage(stage.id).exit_criteria
    assert changed[0] == ExitCriterion(stage.exit_criteria[0].text, "NPS 40以上")
    document.undo_stack.undo()
    assert document.journey.stage(stage.id).exit_criteria == stage.exit_criteria
    assert form.criteria.item(0, 1).text() == stage.exit_criteria[0].kpi


def test_add_and_remove_exit_criteria_rows(dock, scene, document):
    stage = document.journey.stages()[1]
    scene.select_element(stage.id)
    form = dock.current_form()
    QTest.mouseClick(form.add_row_button, Qt.MouseButton.LeftButton)
    criteria = document.journey.stage(stage.id).exit_criteria
    assert len(criteria) == len(stage.exit_criteria) + 1
    assert form.criteria.rowCount() == len(criteria)
    form.criteria.clearSelection()
    form.criteria.selectRow(0)
    QTest.mouseClick(form.remove_row_button, Qt.MouseButton.LeftButton)
    assert document.journey.stage(stage.id).exit_criteria == criteria[1:]


def test_stage_emotions_per_segment(dock, scene, document):
    stage = document.journey.stages()[0]
    scene.select_element(stage.id)
    form = dock.current_form()
    spins = form._emotion_spins
    assert list(spins) == [ALL_CUSTOMERS] + [s.id for s in document.journey.segments()]
    spins[ALL_CUSTOMERS].setValue(1.5)
    assert document.journey.stage(stage.id).emotions[ALL_CUSTOMERS] == 1.5
    spins[ALL_CUSTOMERS].setValue(NO_EMOTION)
    assert ALL_CUSTOMERS not in document.journey.stage(stage.id).emotions
    document.undo_stack.undo()
    assert spins[ALL_CUSTOMERS].value() == stage.emotions.get(ALL_CUSTOMERS, NO_EMOTION)


def test_lane_name_and_kind(dock, scene, document):
    lane = document.journey.lanes()[0]
    scene.select_element(lane.id)
    form = dock.current_form()
    assert form.kind == "lane"
    type_into(form.name, "接点")
    assert document.journey.lane(lane.id).name == "接点"
    index = form.lane_kind.findData(LaneKind.IDEAS.value)
    form.lane_kind.setCurrentIndex(index)
    form.lane_kind.activated.emit(index)
    assert document.journey.lane(lane.id).kind == LaneKind.IDEAS
    document.undo_stack.undo()
    assert form.lane_kind.currentData() == lane.kind.value


def test_map_title_edit_and_refresh(dock, document):
    form = dock.current_form()
    type_into(form.title, "ワークショップ")
    assert document.journey.title == "ワークショップ"
    document.controller.update_map(description="説明")
    assert form.description.toPlainText() == "説明"
    document.undo_stack.undo()
    document.undo_stack.undo()
    assert form.title.text() == document.journey.title != "ワークショップ"


def test_deleting_the_shown_card_falls_back_to_the_map(dock, scene, document):
    card_id = first_card(document)
    scene.select_element(card_id)
    document.controller.remove([card_id])
    assert dock.current_form().kind == "map"


def test_transition_form(dock, scene, document):
    transitions = document.journey.transitions()
    if not transitions:
        pytest.skip("the template has no transitions")
    scene.select_element(transitions[0].id)
    form = dock.current_form()
    assert form.kind == "transition"
    type_into(form.trigger, "更新の120日前")
    assert document.journey.transition(transitions[0].id).trigger == "更新の120日前"


def test_a_new_document_is_followed(dock, qtbot):
    other = Document.from_template("blank", "en")
    scene = JourneyScene(other.controller)
    dock.set_scene(scene, other.controller)
    assert dock.forms["map"].title.text() == other.journey.title
    other.controller.update_map(title="Next")
    assert dock.forms["map"].title.text() == "Next"
    dock.detach()
    scene.detach()


def test_leaving_a_field_and_coming_back_starts_a_new_undo_step(dock, scene, document):
    card_id = first_card(document)
    scene.select_element(card_id)
    form = dock.current_form()
    dock.show()
    dock.activateWindow()
    steps = document.undo_stack.count()
    form.title.setFocus()
    form.title.selectAll()
    QTest.keyClicks(form.title, "First")
    form.channel.setFocus()  # leave the field...
    form.title.setFocus()  # ...and come back
    form.title.end(False)
    QTest.keyClicks(form.title, " more")
    assert document.journey.card(card_id).title == "First more"
    assert document.undo_stack.count() == steps + 2
    document.undo_stack.undo()
    assert document.journey.card(card_id).title == "First"


def test_a_refused_edit_is_explained_in_the_user_language(qapp, dock, scene, document):
    from PySide6.QtCore import QCoreApplication

    from editor.i18n import install_translators

    translators = install_translators(qapp, "ja")
    try:
        card_id = first_card(document)
        scene.select_element(card_id)
        form = dock.current_form()
        form.details.setFocus()
        commit_text(form.details, "あ" * 100_001)  # a paste past the model's text limit
        assert document.journey.card(card_id).details != "あ" * 100_001
        assert dock.message.isVisible()
        assert "100,000 文字を超えています" in dock.message.text(), dock.message.text()
    finally:
        for translator in translators:
            QCoreApplication.removeTranslator(translator)
