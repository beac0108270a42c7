"""Who created and last edited a card, and when: shown in the inspector and in the card's
tooltip on the canvas (issue 14: "Cards record who created and last edited them, and when")."""
from __future__ import annotations

from datetime import datetime

import pytest
from canvas_helpers import to_view
from panel_helpers import be, click_card, local_text, open_workshop_window
from PySide6.QtCore import QEvent, QPointF
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip
from window_helpers import close_window

from editor.canvas.authorship import card_tooltip, moment_text
from model import Card, CardKind


@pytest.fixture
def window(qtbot, tmp_path):
    window = open_workshop_window(qtbot, tmp_path, "Aiko")
    yield window
    QToolTip.hideText()
    close_window(window)


def hover_tooltip(window, card_id: str, qtbot) -> str:
    """The tooltip Qt shows when the mouse rests on the card (the view's own ToolTip event)."""
    rect = window.scene.card_item(card_id).sceneBoundingRect()
    window.view.ensureVisible(rect)
    where = to_view(window.view, QPointF(rect.center()))
    viewport = window.view.viewport()
    QToolTip.hideText()
    QApplication.sendEvent(viewport, QHelpEvent(QEvent.Type.ToolTip, where, viewport.mapToGlobal(where)))
    qtbot.waitUntil(QToolTip.isVisible)
    return QToolTip.text()


def rows(window) -> tuple[str, str]:
    form = window.inspector.current_form()
    return (form.created.text() if form.created.isVisibleTo(form) else "",
            form.edited.text() if form.edited.isVisibleTo(form) else "")


def test_a_card_from_an_older_file_says_nothing_it_does_not_know(window, qtbot):
    click_card(window, "a")
    assert rows(window) == ("", "")
    assert "Created" not in hover_tooltip(window, "a", qtbot)


def test_editing_a_card_in_the_inspector_stamps_the_editor(window, qtbot):
    click_card(window, "a")
    be(window, "Ken")
    window.clock.advance(12)
    title = window.inspector.current_form().title
    title.setFocus()
    title.end(False)
    qtbot.keyClicks(title, " (revised)")
    when = local_text(window.clock.moment)
    assert rows(window) == ("", f"Ken, {when}")
    tip = hover_tooltip(window, "a", qtbot)
    assert "Card A (revised)" in tip and f"Last edited by Ken, {when}" in tip
    card = window.document.journey.card("a")
    assert window.document.journey.participant(card.edited_by).name == "Ken"
    window.menu_actions.undo.trigger()  # the stamp is part of the edit's one step
    assert rows(window) == ("", "")


def test_a_new_card_names_its_author(window, qtbot):
    click_card(window, "b")
    window.clock.advance(5)
    window.view.setFocus()
    window.menu_actions.duplicate.trigger()
    [new] = window.scene.selected_card_ids()
    assert new != "b"
    when = local_text(window.clock.moment)
    qtbot.waitUntil(lambda: rows(window)[0] != "")
    assert rows(window) == (f"Aiko, {when}", "")
    assert f"Created by Aiko, {when}" in hover_tooltip(window, new, qtbot)


def test_the_tooltip_text():
    card = Card("x", CardKind.IDEA, "Title", details="Details\nover two lines",
                created_at="2026-11-30T14:05:00+09:00", edited_at="not a time")
    tip = card_tooltip(card)
    assert "Details<br>over two lines" in tip
    assert f"Created {moment_text(card.created_at)}" in tip and "Last edited not a time" in tip
    tokyo = datetime.fromisoformat("2026-11-30T14:05:00+09:00")
    assert moment_text(tokyo.isoformat()) == tokyo.astimezone().strftime("%Y-%m-%d %H:%M")
    assert card_tooltip(Card("y", CardKind.NOTE, "<b>bold?</b>")).count("&lt;b&gt;") == 1
