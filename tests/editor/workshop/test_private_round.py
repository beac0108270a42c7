"""Silent brainstorming on one machine: Workshop → Start Private Round, new cards (dropped from
the palette) private to their author, shown to them greyed "hidden from others", blank
placeholders on the projector (presentation mode) and for anyone else picked in the Votes
dock (not selectable, no in-place editor, no context menu); Reveal Private Cards shows them all
at once, one undo step. (issue 14, "Silent brainstorming")"""
from __future__ import annotations

import pytest
from canvas_helpers import centre_of, drop_mime, small_map
from PySide6.QtCore import QMimeData, QPointF, Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from test_votes import add_participant_in_dock, pick_in_dock
from vote_helpers import card_point, near, open_as, right_click_card
from window_helpers import close_window, focus_window

from editor.canvas.card_marks import HIDDEN_FILL
from editor.document.mime import PALETTE_MIME


@pytest.fixture
def window(qtbot, tmp_path):
    window = open_as(qtbot, tmp_path, small_map())
    yield window
    window.workshop.leave_presentation()
    close_window(window)


def drop_card(window, stage: str, lane: str, kind: str = "idea") -> str:
    """A card dragged from the palette into a cell; its id."""
    journey = window.document.journey
    before = set(journey.card_ids())
    mime = QMimeData()
    mime.setData(PALETTE_MIME, f"card:{kind}".encode())
    drop_mime(window.view, mime, centre_of(window.scene.layout.cells[(stage, lane)]))
    if window.scene.interaction.inline_editor is not None:  # a new card opens its editor
        window.scene.interaction.inline_editor.finish(commit=True)
    (card_id,) = set(journey.card_ids()) - before
    return card_id


def fill_at_card_edge(window, card_id) -> str:
    """The colour just inside a card's left edge, halfway down: its fill as the user sees it."""
    window.view.viewport().repaint()
    image = window.view.viewport().grab().toImage()
    box = window.scene.layout.cards[card_id].rect
    point = window.view.mapFromScene(QPointF(box.x + 4, box.y + box.h / 2))
    return QColor(image.pixel(point.x(), point.y())).name()


def test_a_private_round_hides_new_cards_from_the_projector_until_revealed(qtbot, window):
    actions = window.workshop.vote_actions
    assert not actions.end_private.isEnabled() and not actions.reveal_private.isEnabled()
    actions.start_private.trigger()
    journey = window.document.journey
    assert journey.private_round().active
    label = window.workshop.private.label
    assert label.isVisible() and label.text() == "Private round · 0 cards hidden"
    card_id = drop_card(window, "s3", "tp")
    card = journey.card(card_id)
    assert card.private and journey.participant(card.created_by).name == "Aiko"
    assert label.text() == "Private round · 1 cards hidden"
    marks = window.scene.card_marks
    assert not marks.is_hidden(card)  # the author sees it, greyed "hidden from others"
    assert window.scene.cards[card_id].flags() & window.scene.cards[card_id].GraphicsItemFlag.ItemIsSelectable
    assert not near(fill_at_card_edge(window, card_id), HIDDEN_FILL.name(), 6)
    focus_window(window, qtbot)
    QTest.keyClick(window.view, Qt.Key.Key_F5)
    qtbot.waitUntil(window.workshop.presentation.is_active)
    assert marks.public and marks.is_hidden(card)
    window.workshop.presentation.state.go_to_stage("s3")
    assert near(fill_at_card_edge(window, card_id), HIDDEN_FILL.name(), 6)  # the placeholder
    QTest.keyClick(window.view, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.workshop.presentation.is_active())
    assert not marks.public and not marks.is_hidden(card)
    actions.reveal_private.trigger()
    assert not journey.card(card_id).private and not journey.private_round().active
    assert not label.isVisible()
    QTest.keyClick(window.view, Qt.Key.Key_F5)
    qtbot.waitUntil(window.workshop.presentation.is_active)
    window.workshop.presentation.state.go_to_stage("s3")
    assert not near(fill_at_card_edge(window, card_id), HIDDEN_FILL.name(), 6)
    QTest.keyClick(window.view, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.workshop.presentation.is_active())
    texts = [window.document.undo_stack.text(i) for i in range(window.document.undo_stack.count())]
    assert texts[0] == "Start private round" and texts[-1] == "Reveal private cards"
    window.document.undo_stack.undo()  # the reveal, in one step: hidden again, round running
    assert journey.card(card_id).private and journey.private_round().active


def test_someone_else_s_private_card_is_a_placeholder_that_cannot_be_opened(qtbot, window):
    window.workshop.vote_actions.start_private.trigger()
    journey = window.document.journey
    card_id = drop_card(window, "s3", "tp")
    window.workshop.vote_actions.end_private.trigger()  # new cards are no longer private
    assert not journey.private_round().active and journey.card(card_id).private
    assert window.workshop.private.label.text() == "1 private cards wait for the reveal"
    later = drop_card(window, "s3", "pain")
    assert not journey.card(later).private
    add_participant_in_dock(qtbot, window, "Ken")  # the facilitator looks as Ken would
    qtbot.waitUntil(lambda: window.workshop.votes.picked is not None)
    item = window.scene.cards[card_id]
    marks = window.scene.card_marks
    assert marks.is_hidden(journey.card(card_id))
    assert not item.flags() & item.GraphicsItemFlag.ItemIsSelectable
    assert item.toolTip() == "A private card: hidden until the facilitator reveals it"
    assert near(fill_at_card_edge(window, card_id), HIDDEN_FILL.name(), 6)
    window.scene.clearSelection()
    QTest.mouseDClick(window.view.viewport(), Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier, card_point(window, card_id))
    assert window.scene.interaction.inline_editor is None and window.scene.selected_card_ids() == []
    assert right_click_card(window, card_id) == []
    pick_in_dock(qtbot, window, "Me (Aiko)")
    assert not marks.is_hidden(journey.card(card_id))
    assert item.flags() & item.GraphicsItemFlag.ItemIsSelectable
    assert item.toolTip() != "A private card: hidden until the facilitator reveals it"


def test_find_does_not_give_away_someone_else_s_private_card(qtbot, window):
    window.workshop.vote_actions.start_private.trigger()
    card_id = drop_card(window, "s3", "tp")
    window.document.controller.update_card(card_id, title="Zebrafish onboarding secret")

    def find(text: str) -> list[str]:
        QTest.keyClick(window.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
        window.find_bar.field.clear()
        QTest.keyClicks(window.find_bar.field, text)
        qtbot.waitUntil(lambda: not (window.find_bar._timer.isActive() or window.find_bar.searching()))
        return list(window.find_bar.matches)

    assert find("Zebrafish") == [card_id]  # my own private card
    add_participant_in_dock(qtbot, window, "Ken")  # the facilitator looks as Ken would
    qtbot.waitUntil(lambda: window.workshop.votes.picked is not None)
    assert find("Zebrafish") == [] and window.find_bar.count.text() != "Matches: 1"
    window.workshop.vote_actions.reveal_private.trigger()
    assert find("Zebrafish") == [card_id]
