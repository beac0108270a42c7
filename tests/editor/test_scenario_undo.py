"""One undo stack across scenarios (issue 16), below the widgets: a step replays in its own
scenario after showing it; a step whose scenario was taken away meanwhile (a peer deleted it in a
live session) is skipped with a word, and the stack stays usable."""
from __future__ import annotations

from canvas_helpers import small_map

from editor.document.document import Document


def test_undo_shows_the_steps_scenario_then_replays_it(qtbot):
    document = Document(small_map())
    document.scenario_edits.add_copy()
    document.controller.update_card("a", title="To-be title")
    document.scenarios.set_current("as-is")
    document.undo_stack.undo()
    assert document.scenarios.current_id == "to-be"
    assert document.journey.card("a").title != "To-be title"


def test_a_step_whose_scenario_was_removed_by_someone_else_is_skipped(qtbot):
    document = Document(small_map())
    said = []
    document.step_skipped.connect(said.append)
    document.scenario_edits.add_copy()
    to_be = document.scenarios.current
    document.controller.update_card("a", title="Lost with its scenario")
    document.controller.update_card("b", title="Also lost")
    document.scenarios.remove("to-be")  # as a peer's removal arrives: not on my stack
    document.undo_stack.undo()
    assert said and "its scenario was deleted" in said[0]
    assert document.scenarios.current_id == "as-is"
    assert to_be.journey.card("b").title == "Also lost"  # nothing replayed on the orphan map
    document.undo_stack.undo()  # the stack goes on: the next step is skipped the same way
    document.undo_stack.undo()  # and the addition's undo finds no scenario to remove either
    assert len(said) == 3 and document.scenarios.scenario_ids() == ("as-is",)
