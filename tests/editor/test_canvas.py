"""The canvas driven like a user: mouse on the view's viewport, keys, in-place editing."""
from __future__ import annotations

from canvas_helpers import centre_of, drag, drop_mime, small_map, to_view
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from editor.document.mime import PALETTE_MIME
from model import CardKind


def card_centre(scene, card_id) -> QPointF:
    return centre_of(scene.layout.cards[card_id].rect)


def test_drag_card_to_another_cell_then_undo_and_redo(canvas):
    document, scene, view = canvas
    journey = document.journey
    target = centre_of(scene.layout.cells[("s3", "pain")])
    drag(view, card_centre(scene, "a"), target)
    place = journey.card_place("a")
    assert (place.stage, place.lane, place.index) == ("s3", "pain", 0)
    assert scene.card_item("a").scenePos() == QPointF(scene.layout.cards["a"].rect.x,
                                                      scene.layout.cards["a"].rect.y)
    assert document.undo_stack.count() == 1
    document.undo_stack.undo()
    assert journey.card_place("a") == journey.card_place("a").__class__("s1", "tp", 0)
    assert journey.cell_card_ids("s1", "tp") == ("a", "b", "c")
    document.undo_stack.redo()
    assert journey.card_place("a").stage == "s3"


def test_drag_within_a_cell_reorders(canvas):
    document, scene, view = canvas
    below_c = QPointF(card_centre(scene, "c").x(), scene.layout.cards["c"].rect.bottom + 3)
    drag(view, card_centre(scene, "a"), below_c)
    assert document.journey.cell_card_ids("s1", "tp") == ("b", "c", "a")


def test_drop_outside_the_grid_snaps_back_and_changes_nothing(canvas):
    document, scene, view = canvas
    home = scene.card_item("a").pos()
    drag(view, card_centre(scene, "a"), QPointF(-20, -20))
    assert document.undo_stack.count() == 0
    assert scene.card_item("a").pos() == home


def test_multi_select_drag_is_one_undo_step(canvas):
    document, scene, view = canvas
    viewport = view.viewport()
    QTest.mouseClick(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     to_view(view, card_centre(scene, "a")))
    QTest.mouseClick(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier,
                     to_view(view, card_centre(scene, "c")))
    assert scene.selected_card_ids() == ["a", "c"]
    drag(view, card_centre(scene, "c"), centre_of(scene.layout.cells[("s2", "pain")]))
    journey = document.journey
    assert journey.cell_card_ids("s2", "pain")[:2] == ("a", "c") or \
        set(journey.cell_card_ids("s2", "pain")) >= {"a", "c"}
    assert journey.cell_card_ids("s1", "tp") == ("b",)
    assert document.undo_stack.count() == 1
    document.undo_stack.undo()
    assert journey.cell_card_ids("s1", "tp") == ("a", "b", "c")


def test_rubber_band_selects_cards(canvas):
    document, scene, view = canvas
    cell = scene.layout.cells[("s1", "tp")]
    drag(view, (cell.x + 2, cell.y + 2), (cell.right - 2, cell.bottom - 2))
    assert scene.selected_card_ids() == ["a", "b", "c"]


def test_palette_drop_creates_a_card_in_the_dropped_cell(canvas):
    document, scene, view = canvas
    mime = QMimeData()
    mime.setData(PALETTE_MIME, f"card:{CardKind.IDEA.value}".encode())
    drop_mime(view, mime, centre_of(scene.layout.cells[("s3", "tp")]))
    created = document.journey.cell_card_ids("s3", "tp")
    assert len(created) == 1
    assert document.journey.card(created[0]).kind == CardKind.IDEA
    assert created[0] in scene.cards and scene.selected_card_ids() == [created[0]]
    document.undo_stack.undo()
    assert document.journey.cell_card_ids("s3", "tp") == ()
    assert created[0] not in scene.cards


def test_palette_drop_of_a_stage_inserts_between_stages(canvas):
    document, scene, view = canvas
    between = QPointF(scene.layout.stage_headers["s2"].right, scene.layout.stage_headers["s2"].y + 20)
    mime = QMimeData()
    mime.setData(PALETTE_MIME, b"stage")
    drop_mime(view, mime, between)
    order = document.journey.stage_ids()
    assert len(order) == 4 and order[0:2] == ("s1", "s2") and order[3] == "s3"


def test_drag_stage_header_reorders_stages(canvas):
    document, scene, view = canvas
    header = scene.layout.stage_headers["s1"]
    beyond_s3 = QPointF(scene.layout.stage_headers["s3"].right - 10, header.center[1])
    drag(view, QPointF(*header.center), beyond_s3)
    assert document.journey.stage_ids() == ("s2", "s3", "s1")
    assert scene.stage_item("s1").pos().x() == scene.layout.stage_headers["s1"].x
    document.undo_stack.undo()
    assert document.journey.stage_ids() == ("s1", "s2", "s3")


def test_drag_lane_header_reorders_lanes(canvas):
    document, scene, view = canvas
    header = scene.layout.lane_headers["tp"]
    below = QPointF(header.center[0], scene.layout.lane_headers["pain"].bottom - 5)
    drag(view, QPointF(*header.center), below)
    assert document.journey.lane_ids() == ("pain", "tp")


def test_inline_edit_commits_with_enter(canvas):
    document, scene, view = canvas
    QTest.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                      to_view(view, card_centre(scene, "b")))
    assert scene.interaction.inline_editor is not None
    QTest.keyClicks(view.viewport(), "Chat ")
    # Japanese arrives the way an IME delivers it: one committed string (QTest only types ASCII).
    commit = QInputMethodEvent()
    commit.setCommitString("チャット")
    QApplication.sendEvent(view, commit)
    QTest.keyClick(view.viewport(), Qt.Key.Key_Return)
    assert scene.interaction.inline_editor is None
    assert document.journey.card("b").title == "Chat チャット"
    document.undo_stack.undo()
    assert document.journey.card("b").title == "Card B"


def test_inline_edit_cancels_with_escape(canvas):
    document, scene, view = canvas
    QTest.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                      to_view(view, QPointF(*scene.layout.stage_headers["s2"].center)))
    QTest.keyClicks(view.viewport(), "Nope")
    QTest.keyClick(view.viewport(), Qt.Key.Key_Escape)
    assert document.journey.stage("s2").name == "Adoption"
    assert document.undo_stack.count() == 0


def test_delete_and_undo_restore_the_same_card_at_the_same_index(canvas):
    document, scene, view = canvas
    before = document.journey.to_data()
    scene.select_element("b")
    QTest.keyClick(view.viewport(), Qt.Key.Key_Delete)
    assert "b" not in document.journey.card_ids() and "b" not in scene.cards
    document.undo_stack.undo()
    assert document.journey.cell_card_ids("s1", "tp") == ("a", "b", "c")
    assert document.journey.to_data() == before
    assert "b" in scene.cards


def test_ctrl_arrow_moves_selected_card_one_cell(canvas):
    document, scene, view = canvas
    scene.select_element("d")
    QTest.keyClick(view.viewport(), Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert document.journey.card_place("d").stage == "s3"
    QTest.keyClick(view.viewport(), Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert document.journey.card_place("d").lane == "pain"
    document.undo_stack.undo()
    document.undo_stack.undo()
    assert document.journey.card_place("d").stage == "s2"


def test_arrows_and_tab_move_the_selection(canvas):
    document, scene, view = canvas
    scene.select_element("a")
    QTest.keyClick(view.viewport(), Qt.Key.Key_Down)
    assert scene.selected_card_ids() == ["b"]
    QTest.keyClick(view.viewport(), Qt.Key.Key_Right)
    assert scene.selected_card_ids() == ["d"]
    QTest.keyClick(view, Qt.Key.Key_Tab)
    assert scene.selected_card_ids() == ["e"]
    QTest.keyClick(view, Qt.Key.Key_Tab)
    assert scene.selected_card_ids() == ["a"]  # wraps around in journey order


def test_duplicate_copy_paste_between_two_maps(canvas, qtbot):
    from editor.canvas.scene import JourneyScene
    from editor.document.document import Document

    document, scene, view = canvas
    scene.select_element("c")
    scene.interaction.duplicate_selection()
    assert len(document.journey.cell_card_ids("s1", "tp")) == 4
    scene.select_element("e")
    assert scene.interaction.copy_selection()
    other = Document(small_map())
    other_scene = JourneyScene(other.controller)
    pasted = other_scene.interaction.paste()
    assert len(pasted) == 1
    assert other.journey.card(pasted[0]).title == "Card E"
    assert other.journey.card_place(pasted[0]).stage == "s2"
    other.undo_stack.undo()
    assert pasted[0] not in other.journey.card_ids()
    other_scene.detach()


def test_edits_touch_only_their_items(canvas):
    document, scene, view = canvas
    items_before = {card_id: id(item) for card_id, item in scene.cards.items()}
    document.controller.update_card("a", title="Changed")
    document.controller.move_cards(["e"], "s3", "tp", 0)
    assert {card_id: id(item) for card_id, item in scene.cards.items()} == items_before


def test_ctrl_wheel_zooms(canvas):
    from PySide6.QtGui import QWheelEvent

    document, scene, view = canvas
    centre = QPointF(view.viewport().rect().center())
    wheel = QWheelEvent(centre, view.viewport().mapToGlobal(centre), QPoint(0, 0), QPoint(0, 120),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.ControlModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(view.viewport(), wheel)
    assert view.zoom() > 1.1
    view.resize(600, 400)
    view.fit_to_window()
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    assert visible.adjusted(-2, -2, 2, 2).contains(scene.sceneRect())
    assert view.zoom() < 1.0


def select_by_clicks(view, scene, card_ids) -> None:
    viewport = view.viewport()
    modifier = Qt.KeyboardModifier.NoModifier
    for card_id in card_ids:
        QTest.mouseClick(viewport, Qt.MouseButton.LeftButton, modifier,
                         to_view(view, card_centre(scene, card_id)))
        modifier = Qt.KeyboardModifier.ControlModifier
    assert scene.selected_card_ids() == list(card_ids)


def test_dragging_cards_from_several_cells_keeps_their_offsets(canvas):
    document, scene, view = canvas
    journey = document.journey
    select_by_clicks(view, scene, ["a", "e"])  # (s1, tp) and (s2, pain)
    drag(view, card_centre(scene, "a"), centre_of(scene.layout.cells[("s2", "tp")]))
    assert journey.cell_card_ids("s2", "tp") == ("d", "a")  # one stage over, same lane
    assert journey.cell_card_ids("s3", "pain") == ("e",)  # one stage over too
    assert scene.card_item("e").scenePos() == QPointF(scene.layout.cards["e"].rect.x,
                                                      scene.layout.cards["e"].rect.y)
    assert document.undo_stack.count() == 1
    document.undo_stack.undo()
    assert journey.cell_card_ids("s1", "tp") == ("a", "b", "c")
    assert journey.cell_card_ids("s2", "pain") == ("e",)


def test_a_drag_of_several_cells_stops_at_the_grid_edge(canvas):
    document, scene, view = canvas
    journey = document.journey
    select_by_clicks(view, scene, ["a", "e"])  # (s1, tp) and (s2, pain)
    drag(view, card_centre(scene, "e"), centre_of(scene.layout.cells[("s3", "tp")]))
    # e moves one stage right and one lane up; a would go above the first lane: it stops there.
    assert journey.cell_card_ids("s3", "tp") == ("e",)
    assert journey.cell_card_ids("s2", "tp") == ("d", "a")
    assert document.undo_stack.count() == 1


def test_right_arrow_never_skips_a_stage(canvas):
    document, scene, view = canvas
    controller = document.controller
    controller.move_cards(["d"], "s3", "tp", 0)  # s2 keeps only e, far down in the pain lane
    for _ in range(4):
        controller.add_card(CardKind.NOTE, "s2", "pain", title="more pain")  # e goes further down
    scene.select_element("a")
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_Right)
    assert document.journey.card_place(scene.selected_card_ids()[0]).stage == "s2"
    QTest.keyClick(view, Qt.Key.Key_Right)
    assert scene.selected_card_ids() == ["d"]
    QTest.keyClick(view, Qt.Key.Key_Left)
    assert document.journey.card_place(scene.selected_card_ids()[0]).stage == "s2"
    QTest.keyClick(view, Qt.Key.Key_Left)
    assert document.journey.card_place(scene.selected_card_ids()[0]).stage == "s1"


def test_right_arrow_skips_only_empty_stages_and_keeps_the_lane(canvas):
    document, scene, view = canvas
    document.controller.move_cards(["d", "e"], "s3", "pain", 0)  # s2 is now empty
    document.controller.move_cards(["b"], "s3", "tp", 0)
    scene.select_element("a")
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_Right)
    assert scene.selected_card_ids() == ["b"]  # s3, the lane of a, not the pain lane


def drop_new_card(view, scene, cell, kind: CardKind = CardKind.TOUCHPOINT) -> None:
    mime = QMimeData()
    mime.setData(PALETTE_MIME, f"card:{kind.value}".encode())
    drop_mime(view, mime, centre_of(scene.layout.cells[cell]))


def test_after_a_palette_drop_typing_writes_the_title_and_enter_tab_make_the_next(canvas):
    document, scene, view = canvas
    journey = document.journey
    drop_new_card(view, scene, ("s3", "tp"))
    assert scene.interaction.inline_editor is not None  # typing goes to the new card at once
    QTest.keyClicks(view.viewport(), "Chat")
    QTest.keyClick(view.viewport(), Qt.Key.Key_Return)  # commits
    assert [journey.card(c).title for c in journey.cell_card_ids("s3", "tp")] == ["Chat"]
    QTest.keyClick(view.viewport(), Qt.Key.Key_Return)  # a second Enter: the next card
    assert scene.interaction.inline_editor is not None
    QTest.keyClicks(view.viewport(), "Mail")
    QTest.keyClick(view.viewport(), Qt.Key.Key_Tab)  # Tab: commit and the next card
    QTest.keyClicks(view.viewport(), "Web")
    QTest.keyClick(view.viewport(), Qt.Key.Key_Return)
    cell = journey.cell_card_ids("s3", "tp")
    assert [journey.card(c).title for c in cell] == ["Chat", "Mail", "Web"]
    assert {journey.card(c).kind for c in cell} == {CardKind.TOUCHPOINT}
    assert scene.interaction.inline_editor is None


def test_escape_or_a_click_ends_writing_new_cards(canvas):
    document, scene, view = canvas
    journey = document.journey
    drop_new_card(view, scene, ("s3", "pain"), CardKind.PAIN_POINT)
    QTest.keyClicks(view.viewport(), "Slow")
    QTest.keyClick(view.viewport(), Qt.Key.Key_Escape)
    assert journey.cell_card_ids("s3", "pain") and scene.interaction.inline_editor is None
    QTest.keyClick(view.viewport(), Qt.Key.Key_Return)  # Enter now edits the selected card
    assert len(journey.cell_card_ids("s3", "pain")) == 1
    assert scene.interaction.inline_editor is not None
    QTest.keyClick(view.viewport(), Qt.Key.Key_Escape)
