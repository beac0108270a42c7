"""The marks on a card that are not votes or privacy: the comment-count badge (blue while a
comment is open, grey once all are resolved, gone with the last comment, back with an undone
card removal), read from the view's pixels. Comments are added through the controller's
workshop API (their panel is another part of issue 14)."""
from __future__ import annotations

import pytest
from canvas_helpers import ini_settings, small_map
from live_helpers import open_window
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor
from vote_helpers import near
from window_helpers import close_window

from editor.canvas.card_marks import COMMENT_COLOUR, INSET, RESOLVED_COLOUR


@pytest.fixture
def window(qtbot, tmp_path):
    window = open_window(qtbot, ini_settings(tmp_path), small_map())
    yield window
    close_window(window)


def badge_colour(window, card_id) -> str:
    """The colour at the right end of the badge row at a card's top (no segments on the card)."""
    window.view.viewport().repaint()
    image = window.view.viewport().grab().toImage()
    box = window.scene.layout.cards[card_id].rect
    point = window.view.mapFromScene(QPointF(box.x + box.w - INSET - 2, box.y + 9.5))
    return QColor(image.pixel(point.x(), point.y())).name()


def test_the_comment_badge_follows_the_card_s_comments(window):
    workshop = window.document.controller.workshop
    before = badge_colour(window, "b")
    assert not near(before, COMMENT_COLOUR.name())
    first = workshop.add_comment("b", "Why here?")
    assert near(badge_colour(window, "b"), COMMENT_COLOUR.name())
    workshop.reply(first, "Because")
    assert window.scene.card_marks._comment_counts("b") == (2, 2)
    for comment in window.document.journey.comments("b"):
        workshop.resolve_comment(comment.id)
    assert near(badge_colour(window, "b"), RESOLVED_COLOUR.name())
    window.scene.select_element("b")
    window.menu_actions.delete.trigger()  # Edit → Delete
    assert not window.document.journey.has("b")
    window.document.undo_stack.undo()  # the card comes back with its comments
    assert near(badge_colour(window, "b"), RESOLVED_COLOUR.name())
    workshop.delete_comment(first)  # with its reply
    assert badge_colour(window, "b") == before
