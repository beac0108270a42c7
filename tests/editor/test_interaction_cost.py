"""Issue 12, single interactions on a big map: what one edit, its undo and a click cost follows
what they change, never the map's size. Untimed (benchmarks/editor_bench/interactions.py times
them): these tests count the cards read and the cards whose marks, entries or form are remade.
"""
from __future__ import annotations

from PySide6.QtWidgets import QApplication

from editor.canvas.card_marks import CardMarks
from editor.document.document import Document
from model import JourneyMap
from tests.editor.test_incremental_updates import Counter
from tests.model.generated_maps import generated_map


def settle(turns: int = 5) -> None:
    for _ in range(turns):
        QApplication.processEvents()


def reads_of_a_first_edit_and_its_undo(window, monkeypatch) -> dict[str, int]:
    journey = window.document.journey
    settle()
    card = "c150"
    read = Counter(monkeypatch)
    read.watch(JourneyMap, "card")
    read.watch(JourneyMap, "card_ids")
    read.watch(CardMarks, "refresh_card")
    read.watch(JourneyMap, "vote_ranking_ids")  # a pass over every voted card
    participants = len(journey.participants())
    window.document.controller.update_card(card, title="first edit")
    settle()
    assert len(journey.participants()) == participants + 1  # I joined the map's participants
    window.document.undo_stack.undo()  # takes me out again
    settle()
    assert len(journey.participants()) == participants
    return dict(read.calls)


def voted_map(cards: int) -> JourneyMap:
    """A generated map where two participants put dots on every third card."""
    from model import Participant

    journey = generated_map(cards)
    for person in ("ana", "ken"):
        journey.add_participant(Participant(person, person.title(), "#e15759"))
    for n, card_id in enumerate(journey.card_ids()[::3]):
        journey.set_dots(card_id, ("ana", "ken")[n % 2], 1 + n % 3)
    return journey


def test_the_undo_of_a_first_edit_reads_the_edited_card_not_the_map(window_of, monkeypatch):
    """Editing a card adds its editor as a participant the first time, and undoing it removes
    them: the marks, the votes dock, the docks and the model's check that nobody is named
    any more used to read all 2,000 cards (then every card with dots); now a few reads, the same
    for 300 and 2,000 cards."""
    small = reads_of_a_first_edit_and_its_undo(window_of(voted_map(300)), monkeypatch)
    large = reads_of_a_first_edit_and_its_undo(window_of(voted_map(2000)), monkeypatch)
    assert large.get("card_ids", 0) == large.get("vote_ranking_ids", 0) == 0, large
    assert large.get("refresh_card", 0) <= 4, large
    assert large.get("card", 0) <= 40 and large == small, (small, large)


def test_the_top_n_follows_card_edits_exactly_and_reads_the_map_only_when_it_may_change(
        qtbot, monkeypatch):
    """The top-N highlight (card marks' ranks) after random moves, additions, deletions, vote
    changes and undos equals the ranking worked out afresh; a move of a card far below the
    top N reads no ranking of the map."""
    import random

    from editor.canvas.scene import JourneyScene
    from editor.fonts import register_bundled_fonts
    from model import CardKind

    register_bundled_fonts()
    journey = generated_map(400, seed=9)
    for n, card_id in enumerate(journey.card_ids()):
        journey.update_card(card_id, votes=(n * 7) % 13)
    document = Document(journey)
    scene = JourneyScene(document.controller)
    marks = CardMarks(scene)
    rng, controller = random.Random(2), document.controller

    def fresh() -> dict[str, int]:
        shown = [card for card, _ in journey.vote_ranking() if not marks.is_hidden(card)]
        return {card.id: rank for rank, card in enumerate(shown[:marks.top_n], start=1)}

    for step in range(80):
        card = rng.choice(journey.card_ids())
        roll = rng.randrange(5)
        if roll == 0:
            controller.move_cards([card], rng.choice(journey.stage_ids()), "l0", 0)
        elif roll == 1:
            controller.update_card(card, votes=rng.randrange(14))
        elif roll == 2:
            controller.add_card(CardKind.IDEA, rng.choice(journey.stage_ids()), "l3", 0)
        elif roll == 3:
            controller.remove([card])
        else:
            document.undo_stack.undo()
        settle()
        assert marks.ranks == fresh(), f"step {step}"
    read = Counter(monkeypatch)
    read.watch(JourneyMap, "vote_ranking")
    low = next(c for c in journey.card_ids() if journey.card(c).votes == 0)
    controller.move_cards([low], journey.stage_ids()[-1], "l0", 0)
    settle()
    assert read["vote_ranking"] == 0 and marks.ranks == fresh()
    marks.detach()
    scene.detach()


def test_the_first_click_on_a_card_finds_its_form_made_while_the_window_was_idle(
        window_of, qtbot, monkeypatch):
    from PySide6.QtCore import QPointF, Qt
    from PySide6.QtTest import QTest

    from editor.panels.inspector import InspectorDock

    window = window_of(generated_map(300))
    assert "card" not in window.inspector.forms  # not while the window opens
    qtbot.waitUntil(lambda: {"card", "cards"} <= set(window.inspector.forms), timeout=5000)
    made = Counter(monkeypatch)
    made.watch(InspectorDock, "_make_form")
    view, scene = window.view, window.scene
    card = min(scene.cards, key=lambda c: (scene.layout.cards[c].rect.y, scene.layout.cards[c].rect.x))
    centre = view.mapFromScene(QPointF(*scene.layout.cards[card].rect.center))
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre)
    settle()
    assert scene.selected_card_ids() == [card]
    assert window.inspector.current_form() is window.inspector.forms["card"]
    assert made["_make_form"] == 0


def test_a_participant_leaving_refreshes_the_cards_whose_dot_colour_it_changes(qtbot, monkeypatch):
    """Two people chose the same colour: the second one's dots are drawn in another. When the
    first leaves (nothing names them), the second's dots take their own colour again: exactly
    the second's cards are refreshed (repainted), no other."""
    from editor.canvas.scene import JourneyScene
    from editor.fonts import register_bundled_fonts
    from model import Participant

    register_bundled_fonts()
    journey = generated_map(200)
    journey.add_participant(Participant("ana", "Ana", "#e15759"))
    journey.add_participant(Participant("ken", "Ken", "#e15759"))  # the same colour
    ken_cards = set(journey.card_ids()[::4])
    for card_id in ken_cards:
        journey.set_dots(card_id, "ken", 1)
    document = Document(journey)
    scene = JourneyScene(document.controller)
    marks = CardMarks(scene)
    some_card = journey.card_ids()[1]
    before = marks.shown_dots(journey.card(some_card if some_card in ken_cards else min(ken_cards)))
    refreshed = []
    monkeypatch.setattr(marks, "refresh_card", refreshed.append)
    document.controller.workshop.remove_participant("ana")
    assert set(refreshed) == ken_cards
    after = marks.shown_dots(journey.card(min(ken_cards)))
    assert before != after and after == [("#e15759", 1)]
    marks.detach()
    scene.detach()
