"""A transition's conversion rate: edited in the inspector, shown on the arc (issue 10, item 2)."""
from __future__ import annotations

import pytest
from canvas_helpers import to_view
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit

from editor.panels.inspector import InspectorDock


@pytest.fixture
def dock(qtbot, canvas):
    document, scene, view = canvas
    dock = InspectorDock("en")
    qtbot.addWidget(dock)
    dock.set_scene(scene, document.controller)
    dock.show()
    yield dock
    dock.detach()


def click_arc_label(scene, view, transition_id: str) -> None:
    """Click the label where it is drawn (placed among the other labels, model.layout.arcs)."""
    item = scene.transitions[transition_id]
    at = item.mapToScene(item._label_rect().center())
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     to_view(view, at))


def type_rate(box, text: str) -> None:
    line = box.findChild(QLineEdit)
    box.setFocus()
    line.selectAll()
    QTest.keyClicks(line, text)


def test_typing_a_rate_sets_it_and_shows_it_on_the_arc(canvas, dock):
    document, scene, view = canvas
    click_arc_label(scene, view, "t1")
    form = dock.current_form()
    assert form.kind == "transition"
    assert form.conversion_rate.text() == "—"  # not known yet
    type_rate(form.conversion_rate, "85")
    assert document.journey.transition("t1").conversion_rate == pytest.approx(0.85)
    assert scene.transitions["t1"].label_text() == "85%"
    form.trigger.setFocus()
    QTest.keyClicks(form.trigger, "Kick-off")
    assert scene.transitions["t1"].label_text() == "85% · Kick-off"  # the rate first: never cut
    assert "85%" in scene.transitions["t1"].toolTip()
    document.undo_stack.undo()  # the trigger
    document.undo_stack.undo()  # the rate, typed in two keys: one step
    assert document.journey.transition("t1").conversion_rate is None
    assert form.conversion_rate.text() == "—"
    assert scene.transitions["t1"].label_text() == ""


def test_a_rate_can_be_cleared_and_follows_undo(canvas, dock):
    document, scene, view = canvas
    document.controller.update_transition("t1", conversion_rate=0.125)
    click_arc_label(scene, view, "t1")
    form = dock.current_form()
    assert form.conversion_rate.value() == pytest.approx(12.5)
    assert scene.transitions["t1"].label_text() == "12.5%"
    form.conversion_rate.setFocus()
    QTest.keyClick(form.conversion_rate, Qt.Key.Key_PageDown)  # ten steps down: to "—"
    QTest.keyClick(form.conversion_rate, Qt.Key.Key_PageDown)
    assert document.journey.transition("t1").conversion_rate is None
    document.undo_stack.undo()
    assert form.conversion_rate.value() == pytest.approx(12.5)
