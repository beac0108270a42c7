"""An undo or redo that no longer applies (its card went by a change that is not on this stack,
as another person's edit in a live session) is skipped whole, said in one signal, and the stack
stays usable; the steps' model calls run inside the controller's gate (the live session's hook)."""
from __future__ import annotations

from contextlib import contextmanager

import pytest
from canvas_helpers import small_map

from editor.document.document import Document
from model import CardKind


@pytest.fixture
def document(qapp) -> Document:
    return Document(small_map())


def test_an_undo_whose_card_is_gone_is_skipped_and_the_stack_stays_usable(document):
    controller, stack, journey = document.controller, document.undo_stack, document.journey
    said = []
    controller.step_skipped.connect(said.append)
    controller.update_card("a", title="Mine")
    card = controller.add_card(CardKind.IDEA, "s1", "tp", title="Soon gone")
    journey.remove_card(card)  # not through the stack: someone else's edit
    stack.undo()
    assert said and said[0].startswith("Undo skipped")
    assert stack.count() == 1 and stack.index() == 1
    stack.undo()
    assert journey.card("a").title != "Mine"
    stack.redo()
    assert journey.card("a").title == "Mine"


def test_a_macro_undo_that_fails_half_way_puts_back_its_other_parts(document):
    controller, stack, journey = document.controller, document.undo_stack, document.journey
    with controller.macro("Two edits"):
        controller.update_card("a", title="First")
        controller.update_card("b", title="Second")
    journey.remove_card("a")  # the first part's card is gone: its undo fails after the second's
    before = journey.to_data()
    said = []
    controller.step_skipped.connect(said.append)
    stack.undo()
    assert said and journey.to_data() == before
    assert stack.count() == 0


def test_every_step_runs_inside_the_gate_with_undo_said(document):
    controller, stack = document.controller, document.undo_stack
    seen = []

    @contextmanager
    def hook(undo):
        seen.append(("enter", undo))
        yield
        seen.append(("leave", undo))
    controller.workshop.me()  # I am one of the participants already (a card edit names me)
    controller.gate.hook = hook
    with controller.macro("Both"):
        controller.update_card("a", title="One")
        controller.update_card("b", title="Two")
    assert seen == [("enter", False), ("enter", False), ("leave", False), ("enter", False),
                    ("leave", False), ("leave", False)]
    seen.clear()
    stack.undo()
    stack.redo()
    assert seen == [("enter", True), ("leave", True)] * 2
