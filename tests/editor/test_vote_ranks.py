"""The canvas's top-N vote ranks (editor.canvas.card_marks) follow card edits (drops, deletes,
their undo, votes, privacy, a stage removed) without reading every card, and always equal the
ranking the map itself gives (``JourneyMap.vote_ranking``)."""
from __future__ import annotations

import pytest
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication

from editor.canvas.card_marks import CardMarks
from editor.document.controller import EditController
from editor.fonts import register_bundled_fonts
from model import JourneyMap, Participant
from tests.editor.test_incremental_updates import Counter
from tests.model.generated_maps import generated_map


@pytest.fixture
def marks_of(qtbot):
    from editor.canvas.scene import JourneyScene

    register_bundled_fonts()
    made = []

    def build(journey: JourneyMap) -> CardMarks:
        scene = JourneyScene(EditController(journey, QUndoStack()))
        made.append((scene, CardMarks(scene)))
        return made[-1][1]

    yield build
    for scene, marks in made:
        marks.detach()
        scene.detach()


def expected(marks: CardMarks) -> dict[str, int]:
    shown = [card for card, _ in marks.journey.vote_ranking() if not marks.is_hidden(card)]
    return {card.id: rank for rank, card in enumerate(shown[:marks.top_n], start=1)}


def settled(marks: CardMarks) -> dict[str, int]:
    for _ in range(2):
        QApplication.processEvents()
    return marks.ranks


def test_ranks_equal_the_map_s_ranking_after_every_kind_of_card_edit(marks_of):
    journey = generated_map(600)
    journey.add_participant(Participant("p1", "Aki", "#e15759"))
    marks = marks_of(journey)
    controller, stack = marks.scene.controller, marks.scene.controller.undo_stack
    marks.set_top_n(5)
    assert settled(marks) == expected(marks) and len(marks.ranks) == 5
    top = sorted(marks.ranks, key=marks.ranks.get)
    voted = [c for c in journey.card_ids() if journey.card(c).votes][:40]
    edits = [
        lambda: controller.move_cards([top[0]], "s9", "l0", 0),  # a tie's order changes
        lambda: controller.move_cards([voted[-1]], "s0", "l0", 0),
        lambda: controller.remove([top[1], top[2]]),
        lambda: controller.update_card(voted[5], votes=9),
        lambda: controller.update_card(top[3], votes=0),
        lambda: controller.remove(voted[10:30]),
        lambda: controller.workshop.set_private([voted[31], voted[32]], True),
        lambda: controller.remove(["s0"]),  # a stage and its cards
        lambda: controller.remove(["l2"]),
    ]
    for number, edit in enumerate(edits):
        edit()
        assert settled(marks) == expected(marks), f"after edit {number}"
    while stack.canUndo():
        stack.undo()
        assert settled(marks) == expected(marks)
    while stack.canRedo():
        stack.redo()
        assert settled(marks) == expected(marks)


def test_a_drop_and_a_delete_undo_read_no_card_of_the_map_for_the_ranks(marks_of, monkeypatch):
    journey = generated_map(3000)
    marks = marks_of(journey)
    controller = marks.scene.controller
    voted = [c for c in journey.card_ids() if journey.card(c).votes]
    settled(marks)
    reads = Counter(monkeypatch)
    reads.watch(JourneyMap, "cards")
    reads.watch(JourneyMap, "card")
    controller.move_cards([voted[100]], "s0", "l0", 0)
    controller.remove([voted[200]])
    controller.undo_stack.undo()
    ranks = dict(settled(marks))
    assert reads["cards"] == 0 and reads["card"] < 300  # not once per card of the map
    assert ranks == expected(marks)
