"""An edit the model refuses raises ModelError from the controller and leaves both the map and the
undo stack exactly as they were (no broken step that undo would trip over)."""
from __future__ import annotations

import pytest
from canvas_helpers import small_map

from editor.document.document import Document
from model import CardKind, ModelError


@pytest.fixture
def document(qapp) -> Document:
    return Document(small_map())


@pytest.mark.parametrize("edit", [
    lambda c: c.update_card("a", colour="red"),
    lambda c: c.update_card("a", votes=-1),
    lambda c: c.add_link("a", "a"),
    lambda c: c.add_card(CardKind.IDEA, "s1", "tp", index=99),
    lambda c: c.move_cards(["a", "d"], "s3", "tp", 5),
    lambda c: c.update_stage("s1", emotions={"": 9}),
    lambda c: c.add_path("Route", ["s1", "ghost"]),
    lambda c: c.update_transition("t1", conversion_rate=2.0),
    lambda c: c.update_cards({"a": {"votes": 3}, "b": {"owner": "x"}, "c": {"votes": -1}}),
])
def test_a_refused_edit_changes_nothing(document, edit):
    before = document.journey.to_data()
    with pytest.raises(ModelError):
        edit(document.controller)
    assert document.journey.to_data() == before
    assert document.undo_stack.count() == 0
    document.controller.update_card("a", title="still works")
    document.undo_stack.undo()
    assert document.journey.to_data() == before


def test_a_refused_step_inside_a_macro_keeps_the_earlier_steps_undoable(document):
    before = document.journey.to_data()
    with pytest.raises(ModelError), document.controller.macro("Two edits"):
        document.controller.update_card("a", title="First")
        document.controller.update_card("b", colour="not a colour")
    assert document.journey.card("a").title == "First"
    document.undo_stack.undo()
    assert document.journey.to_data() == before
