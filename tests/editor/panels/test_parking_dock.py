"""The Parking Lot dock as a facilitator uses it: park a point (Enter), change its text in place,
delete it (the Delete key), turn it into a card through the dialog (answered by a timer) or by
dropping it on a cell of the canvas; each one undo step. (issue 14, "Comments and parking lot")"""
from __future__ import annotations

import pytest
from canvas_helpers import drop_mime
from panel_helpers import be, local_text, open_workshop_window, undo_texts
from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit
from window_helpers import close_window, when_modal

from editor.panels.parking_dock import AUTHOR, TEXT, TIME
from editor.panels.parking_to_card import TurnIntoCardDialog


@pytest.fixture
def window(qtbot, tmp_path):
    window = open_workshop_window(qtbot, tmp_path, "Aiko")
    window.parking.show()
    window.parking.raise_()
    yield window
    close_window(window)


def park(qtbot, window, text: str) -> None:
    entry = window.parking.entry
    entry.setFocus()
    qtbot.keyClicks(entry, text)
    QTest.keyClick(entry, Qt.Key.Key_Return)


def rows(window) -> list[tuple[str, str, str]]:
    listing = window.parking.list
    return [(listing.topLevelItem(i).text(TEXT), listing.topLevelItem(i).text(AUTHOR),
             listing.topLevelItem(i).text(TIME)) for i in range(listing.topLevelItemCount())]


def select_row(qtbot, window, index: int):
    listing = window.parking.list
    row = listing.topLevelItem(index)
    rect = listing.visualItemRect(row)
    qtbot.mouseClick(listing.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.parking.selected_id() == row.data(TEXT, Qt.ItemDataRole.UserRole)
    return row


def edit_row(qtbot, window, index: int):
    """Double-click a row, as to edit its text in place: the editor that gets the focus."""
    listing = window.parking.list
    row = select_row(qtbot, window, index)
    qtbot.mouseDClick(listing.viewport(), Qt.MouseButton.LeftButton,
                      pos=listing.visualItemRect(row).center())
    return QApplication.focusWidget()


def test_park_points_and_read_who_and_when(window, qtbot):
    park(qtbot, window, "Pricing tiers for NGOs")
    be(window, "Ken")
    window.clock.advance(7)
    park(qtbot, window, "Who owns the renewal call?")
    first = local_text(window.clock.moment.replace(minute=0))
    assert rows(window) == [("Pricing tiers for NGOs", "Aiko", first),
                            ("Who owns the renewal call?", "Ken", local_text(window.clock.moment))]
    assert window.parking.entry.text() == ""
    assert undo_texts(window)[-1] == 'Park "Who owns the renewal call?"'
    window.menu_actions.undo.trigger()
    assert [text for text, _a, _t in rows(window)] == ["Pricing tiers for NGOs"]


def test_edit_in_place_and_delete_with_the_key(window, qtbot):
    park(qtbot, window, "Pricing")
    listing = window.parking.list
    editor = edit_row(qtbot, window, 0)
    assert isinstance(editor, QLineEdit) and editor.text() == "Pricing"
    editor.selectAll()
    qtbot.keyClicks(editor, "Pricing for NGOs")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: listing.state() != QAbstractItemView.State.EditingState)  # Qt commits queued
    assert window.document.journey.parking_items()[0].text == "Pricing for NGOs"
    assert rows(window)[0][0] == "Pricing for NGOs"
    assert undo_texts(window)[-1] == "Edit parking-lot item"
    select_row(qtbot, window, 0)
    listing.setFocus()
    QTest.keyClick(listing, Qt.Key.Key_Delete)
    assert rows(window) == [] and window.document.journey.parking_items() == ()
    assert undo_texts(window)[-1] == "Remove parking-lot item"
    window.menu_actions.undo.trigger()
    assert rows(window)[0][0] == "Pricing for NGOs"


def test_buttons_need_a_chosen_item(window, qtbot):
    dock = window.parking
    assert not dock.card_button.isEnabled() and not dock.delete_button.isEnabled()
    park(qtbot, window, "Later")
    select_row(qtbot, window, 0)
    assert dock.card_button.isEnabled() and dock.delete_button.isEnabled()


def test_turn_into_card_through_the_dialog(window, qtbot):
    park(qtbot, window, "Nobody answers the renewal email")
    be(window, "Ken")  # Ken turns Aiko's point into a card: the card is still Aiko's
    select_row(qtbot, window, 0)
    seen = {}

    def answer(dialog) -> bool:
        if not isinstance(dialog, TurnIntoCardDialog):
            return False
        dialog.stage.setCurrentIndex(dialog.stage.findText("Adoption"))
        dialog.lane.setCurrentIndex(dialog.lane.findText("Pain points"))
        seen["kind"] = dialog.kind.currentText()
        qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)  # Turn into Card
        return True
    when_modal(answer)
    qtbot.mouseClick(window.parking.card_button, Qt.MouseButton.LeftButton)
    journey = window.document.journey
    assert seen["kind"] == "Pain point"  # the lane's kind
    new = [c for c in journey.cell_card_ids("s2", "pain") if c != "e"]
    assert len(new) == 1
    card = journey.card(new[0])
    assert (card.title, card.kind.value) == ("Nobody answers the renewal email", "pain_point")
    assert journey.participant(card.created_by).name == "Aiko"
    assert rows(window) == [] and journey.parking_items() == ()
    assert window.scene.selected_card_ids() == [card.id]  # shown in the inspector at once
    assert undo_texts(window)[-1] == 'Turn "Nobody answers the renewal em…" into a card'
    window.menu_actions.undo.trigger()  # one step: the item is back, the card gone
    assert not journey.has(card.id) and rows(window)[0][0] == "Nobody answers the renewal email"


def test_cancelling_the_dialog_changes_nothing(window, qtbot):
    park(qtbot, window, "Keep me")
    select_row(qtbot, window, 0)
    steps = len(undo_texts(window))

    def cancel(dialog) -> bool:
        if isinstance(dialog, TurnIntoCardDialog):
            dialog.reject()
            return True
        return False
    when_modal(cancel)
    qtbot.mouseClick(window.parking.card_button, Qt.MouseButton.LeftButton)
    assert rows(window)[0][0] == "Keep me" and len(undo_texts(window)) == steps


def test_drop_an_item_on_a_cell_of_the_canvas(window, qtbot):
    park(qtbot, window, "Idea: a renewal checklist")
    row = select_row(qtbot, window, 0)
    item_id = row.data(TEXT, Qt.ItemDataRole.UserRole)
    mime = window.parking.list.mimeData([row])
    cell = window.scene.layout.cells[("s3", "tp")]
    drop_mime(window.view, mime, QPointF(cell.x + cell.w / 2, cell.y + cell.h / 2))
    journey = window.document.journey
    assert not journey.has(item_id)
    new = journey.cell_card_ids("s3", "tp")
    assert len(new) == 1 and journey.card(new[0]).title == "Idea: a renewal checklist"
    assert journey.card(new[0]).kind.value == "touchpoint"
    assert window.scene.selected_card_ids() == list(new)
    assert window.scene.interaction._drop_hint is None  # the dashed hint is gone after the drop
    assert undo_texts(window)[-1].startswith('Turn "Idea: a renewal checklist')


def test_a_drop_outside_the_cells_does_nothing(window, qtbot):
    park(qtbot, window, "Stay parked")
    row = select_row(qtbot, window, 0)
    stage = window.scene.layout.stage_headers["s1"]
    drop_mime(window.view, window.parking.list.mimeData([row]),
              QPointF(stage.x + stage.w / 2, stage.y + stage.h / 2))
    assert rows(window)[0][0] == "Stay parked"


def test_items_parked_elsewhere_appear(window, qtbot):
    be(window, "Mina")
    window.document.controller.workshop.park("From the other room")
    assert rows(window) == [("From the other room", "Mina", local_text(window.clock.moment))]


def test_an_item_arriving_while_one_is_edited_keeps_the_typing(window, qtbot):
    park(qtbot, window, "Pricing")
    listing = window.parking.list
    editor = edit_row(qtbot, window, 0)
    editor.selectAll()
    qtbot.keyClicks(editor, "Pricing for")
    be(window, "Mina")
    window.document.controller.workshop.park("From Mina, meanwhile")  # as a live edit arrives
    assert listing.state() == QAbstractItemView.State.EditingState and editor.text() == "Pricing for"
    qtbot.keyClicks(editor, " NGOs")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: [text for text, _a, _t in rows(window)] ==
                    ["Pricing for NGOs", "From Mina, meanwhile"])


def test_delete_on_the_canvas_is_still_the_canvas_s(window, qtbot):
    """The list's Delete key is the list's only: on the canvas, Delete deletes the card."""
    park(qtbot, window, "Stays")
    select_row(qtbot, window, 0)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.scene.select_element("a")
    window.view.setFocus()
    QTest.keyClick(window.view, Qt.Key.Key_Delete)
    assert not window.document.journey.has("a")
    assert rows(window)[0][0] == "Stays"
