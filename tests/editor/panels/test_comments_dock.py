"""The Comments dock as a facilitator uses it: click a card, read its thread, write a comment
(Ctrl+Enter), reply, resolve and reopen, delete one's own; each an undo step the History lists,
undone and redone with the window's Undo and Redo. (issue 14, "Comments and parking lot")"""
from __future__ import annotations

import pytest
from panel_helpers import be, click_card, local_text, open_workshop_window, shown_comments, undo_texts
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFrame
from window_helpers import close_window


@pytest.fixture
def window(qtbot, tmp_path):
    window = open_workshop_window(qtbot, tmp_path, "Aiko")
    window.comments.show()
    window.comments.raise_()
    yield window
    close_window(window)


def type_comment(qtbot, window, text: str, send_with_keys: bool = True) -> None:
    box = window.comments.input
    box.setFocus()
    qtbot.keyClicks(box, text)
    if send_with_keys:
        QTest.keyClick(box, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    else:
        qtbot.mouseClick(window.comments.send_button, Qt.MouseButton.LeftButton)


def left_edge(dock, view) -> int:
    frame = view.findChild(QFrame, "commentFrame")
    return frame.mapTo(dock, frame.rect().topLeft()).x()


def click(qtbot, button) -> None:
    assert button.isVisible(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_a_comment_written_on_the_selected_card(window, qtbot):
    dock = window.comments
    assert "Select one card" in dock.findChild(type(dock.heading), "commentsHint").text()
    assert not dock.input.isEnabled()
    click_card(window, "a")
    assert dock.heading.text() == 'Comments on "Card A"'
    assert dock.input.isEnabled()
    type_comment(qtbot, window, "Customers miss this email")
    when = local_text(window.clock.moment)
    assert shown_comments(window) == [("Aiko", when, "Customers miss this email")]
    assert dock.input.toPlainText() == ""  # sent, ready for the next
    assert undo_texts(window)[-1] == 'Comment on "Card A"'
    window.menu_actions.undo.trigger()
    assert shown_comments(window) == []
    window.menu_actions.redo.trigger()
    assert shown_comments(window) == [("Aiko", when, "Customers miss this email")]
    comment = window.document.journey.comments("a")[0]
    assert window.document.journey.participant(comment.author).name == "Aiko"


def test_plain_enter_makes_a_new_line_and_an_empty_comment_is_not_sent(window, qtbot):
    click_card(window, "b")
    box = window.comments.input
    box.setFocus()
    QTest.keyClick(box, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # nothing typed
    qtbot.keyClicks(box, "first line")
    QTest.keyClick(box, Qt.Key.Key_Return)
    qtbot.keyClicks(box, "second line")
    assert window.document.journey.comments("b") == ()
    click(qtbot, window.comments.send_button)
    assert shown_comments(window)[0][2] == "first line\nsecond line"


def test_reply_joins_the_thread_one_level_deep(window, qtbot):
    click_card(window, "a")
    type_comment(qtbot, window, "Why is this a touchpoint?")
    be(window, "Ken")
    window.clock.advance(3)
    dock = window.comments
    top_id = next(iter(dock.views))
    click(qtbot, dock.views[top_id].reply_button)
    assert dock.reply_label.isVisible() and dock.reply_label.text() == "Replying to Aiko"
    assert dock.send_button.text() == "Reply"
    type_comment(qtbot, window, "Because the customer sees it", send_with_keys=False)
    assert not dock.reply_label.isVisible() and dock.send_button.text() == "Send"
    reply_id = [c for c in dock.views if c != top_id][0]
    # A reply to the reply goes into the same thread, not a level deeper.
    window.clock.advance(1)
    click(qtbot, dock.views[reply_id].reply_button)
    assert dock.reply_label.text() == "Replying to Ken"
    type_comment(qtbot, window, "Fair")
    journey = window.document.journey
    threads = journey.comment_threads("a")
    assert len(threads) == 1 and [r.text for r in threads[0][1]] == ["Because the customer sees it", "Fair"]
    assert [a for a, _t, _x in shown_comments(window)] == ["Aiko", "Ken", "Ken"]
    top, reply = dock.views[top_id], dock.views[reply_id]
    assert left_edge(dock, reply) > left_edge(dock, top) + 10  # indented under its thread
    assert reply.resolve_button is None  # a thread is resolved at its first comment
    assert undo_texts(window)[-2:] == ["Reply to comment", "Reply to comment"]


def test_escape_stops_replying(window, qtbot):
    click_card(window, "a")
    type_comment(qtbot, window, "One")
    dock = window.comments
    click(qtbot, next(iter(dock.views.values())).reply_button)
    assert dock.replying_to
    QTest.keyClick(dock.input, Qt.Key.Key_Escape)
    assert not dock.replying_to and not dock.reply_label.isVisible()
    type_comment(qtbot, window, "Two")
    assert all(not c.parent for c in window.document.journey.comments("a"))


def test_resolve_and_reopen_are_undo_steps(window, qtbot):
    click_card(window, "c")
    type_comment(qtbot, window, "Check the wording")
    dock = window.comments
    comment_id = next(iter(dock.views))
    assert not dock.views[comment_id].resolved_mark.isVisible()
    click(qtbot, dock.views[comment_id].resolve_button)
    view = dock.views[comment_id]
    assert view.resolved_mark.isVisible() and view.resolve_button.text() == "Reopen"
    assert window.document.journey.comment(comment_id).resolved
    assert undo_texts(window)[-1] == "Resolve comment"
    click(qtbot, view.resolve_button)
    assert not dock.views[comment_id].resolved_mark.isVisible()
    assert undo_texts(window)[-1] == "Reopen comment"
    window.menu_actions.undo.trigger()
    assert dock.views[comment_id].resolved_mark.isVisible()


def test_only_ones_own_comments_can_be_deleted(window, qtbot):
    click_card(window, "d")
    type_comment(qtbot, window, "Mine")
    be(window, "Ken")
    window.clock.advance(1)
    type_comment(qtbot, window, "Ken's")
    dock = window.comments
    journey = window.document.journey
    by_text = {journey.comment(cid).text: cid for cid in dock.views}
    # Ken is at the keyboard: his own has Delete, Aiko's has not.
    assert dock.views[by_text["Ken's"]].delete_button.isVisible()
    assert not dock.views[by_text["Mine"]].delete_button.isVisible()
    click(qtbot, dock.views[by_text["Ken's"]].delete_button)
    assert [text for _a, _t, text in shown_comments(window)] == ["Mine"]
    assert undo_texts(window)[-1] == "Delete comment"
    window.menu_actions.undo.trigger()
    assert [text for _a, _t, text in shown_comments(window)] == ["Mine", "Ken's"]


def test_the_dock_follows_the_selection(window, qtbot):
    click_card(window, "a")
    type_comment(qtbot, window, "On A")
    click_card(window, "b")
    assert window.comments.heading.text() == 'Comments on "Card B"'
    assert shown_comments(window) == []
    click_card(window, "a", Qt.KeyboardModifier.ControlModifier)  # two cards: no thread to show
    assert window.comments.card_id is None and not window.comments.input.isEnabled()
    click_card(window, "a")
    assert [text for _a, _t, text in shown_comments(window)] == ["On A"]
    # Deleting the card takes its comments; the dock says so instead of showing a ghost.
    window.menu_actions.delete.trigger()
    qtbot.waitUntil(lambda: window.comments.card_id is None)
    assert shown_comments(window) == []
    window.menu_actions.undo.trigger()
    click_card(window, "a")
    assert [text for _a, _t, text in shown_comments(window)] == ["On A"]


def test_a_comment_added_elsewhere_appears(window, qtbot):
    """What a live session's remote edit does (the model's event, not this dock, adds it)."""
    click_card(window, "e")
    be(window, "Mina")
    window.document.controller.workshop.add_comment("e", "From the other room")
    assert shown_comments(window) == [("Mina", local_text(window.clock.moment), "From the other room")]


def test_deleting_a_thread_with_replies_asks_first(window, qtbot):
    """The first comment of a thread takes its replies with it (often other people's): the dock
    asks; Cancel keeps all, Yes deletes all in one undo step."""
    from PySide6.QtWidgets import QMessageBox
    from window_helpers import answer_message_box

    click_card(window, "b")
    type_comment(qtbot, window, "Opening question")
    dock = window.comments
    top_id = next(iter(dock.views))
    click(qtbot, dock.views[top_id].reply_button)
    type_comment(qtbot, window, "An answer")
    seen: list[str] = []
    answer_message_box(QMessageBox.StandardButton.Cancel, seen)
    click(qtbot, dock.views[top_id].delete_button)
    assert seen == ["Delete this comment and the reply to it? Undo brings both back."]
    assert [text for _a, _t, text in shown_comments(window)] == ["Opening question", "An answer"]
    answer_message_box(QMessageBox.StandardButton.Yes, seen)
    click(qtbot, dock.views[top_id].delete_button)
    assert shown_comments(window) == []
    window.menu_actions.undo.trigger()
    assert [text for _a, _t, text in shown_comments(window)] == ["Opening question", "An answer"]
