"""Issue 12: what an action costs follows what it changes or shows, never the map's size.

No timings here (benchmarks/bench_editor.py measures them): these tests count what Qt and the
editor do. Painting a fixed window paints the cards near it, not the map; Select All refreshes
the inspector and the actions once; deleting many cards and undoing it restack the layout once;
a drop, a delete and its undo touch the cards of the cells involved, and nothing asks the map
for all its cards in journey order. Each guard was run against the code before the fix and failed.
"""
from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, QRectF, QSize
from PySide6.QtWidgets import QApplication

import editor.canvas.dashes as dashes
import editor.canvas.items
import editor.canvas.links as links
from editor.canvas.card_layers import CHUNK
from editor.canvas.items import CardItem
from editor.canvas.link_tiles import TILE
from editor.canvas.render import paint_scene
from editor.panels.inspector import InspectorDock
from editor.window.mainwindow import MainWindow
from model import CardKind, CardLink, JourneyMap
from model.layout.keeper import LayoutKeeper
from tests.editor.test_incremental_updates import Counter, assert_in_step
from tests.model.generated_maps import generated_map

WINDOW = QRectF(0, 0, 1200, 800)  # scene units, the canvas's top-left at 100 %


@pytest.fixture
def counter(monkeypatch):
    watched = Counter(monkeypatch)
    watched.watch(CardItem, "paint")
    watched.watch(editor.canvas.items, "draw_card_frame")  # a card actually drawn
    watched.watch(CardItem, "set_box")
    watched.watch(LayoutKeeper, "update")
    watched.watch(JourneyMap, "card_ids")
    watched.watch(InspectorDock, "show_selection")
    watched.watch(MainWindow, "_update_selection_actions")
    return watched


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def cards_in(scene, rect: QRectF) -> set[str]:
    return {c for c, item in scene.cards.items()
            if item.mapRectToScene(item.boundingRect()).intersects(rect)}


# ------------------------------------------------------------------------ painting
@pytest.mark.parametrize("size", [300, 4000])
def test_painting_a_window_paints_the_cards_near_it_not_the_map(scene_of, counter, size):
    scene = scene_of(generated_map(size))
    near = {c for chunk in scene.chunks.chunks()  # in a chunk the window touches
            if chunk.sceneBoundingRect().intersects(WINDOW) for c in chunk.ids}
    counter.calls.clear()
    paint_scene(scene, WINDOW, QSize(int(WINDOW.width()), int(WINDOW.height())))
    assert counter["draw_card_frame"] == len(cards_in(scene, WINDOW))  # what shows, drawn once
    assert counter["paint"] <= len(near) < 600  # and a few more asked, bounded by the window
    if size == 4000:
        assert len(near) < size / 6


@pytest.mark.parametrize("size", [300, 4000])
def test_links_crossing_a_window_draw_what_shows_of_them(scene_of, monkeypatch, size):
    """Each link across the window draws chords about as long as the window, however long the
    link (the cells of a 4,000-card map are some 20,000 units tall)."""
    journey = generated_map(size)
    ideas = [c for c in journey.card_ids() if journey.card(c).kind == CardKind.IDEA]
    pains = [c for c in journey.card_ids() if journey.card(c).kind == CardKind.PAIN_POINT]
    for n, (idea, pain) in enumerate(zip(ideas, pains[::-1], strict=False)):
        journey.add_link(CardLink(f"k{n}", idea, pain))
    scene = scene_of(journey)
    chords: list[float] = []
    line, draw = dashes.QLineF, links.draw_dashed
    monkeypatch.setattr(dashes, "QLineF", lambda *ends: chords.append(line(*ends).length())
                        or line(*ends))
    stretches = []  # (the link's whole length, the length drawn, chords)

    def drawn(painter, cubic, lengths, *rest):
        before = (len(chords), sum(chords))
        draw(painter, cubic, lengths, *rest)
        stretches.append((lengths[-1], sum(chords) - before[1], len(chords) - before[0]))

    monkeypatch.setattr(links, "draw_dashed", drawn)
    window = QRectF(0, scene.sceneRect().center().y() - 400, 1200, 800)  # the map's middle
    paint_scene(scene, window, QSize(1200, 800))
    near = window.adjusted(-TILE, -TILE, TILE, TILE)  # links are drawn in whole tiles
    crossing = [item for item in scene.annotations.links.values()
                if item.sceneBoundingRect().intersects(near)]
    assert 0 < len(stretches) <= len(crossing)
    for _whole, length, count in stretches:
        assert length <= 2 * (near.width() + near.height()) and count <= 64
    if size == 4000:
        assert max(whole for whole, _, _ in stretches) > 10 * window.height()


def test_a_shown_view_repaints_only_what_is_on_screen(scene_of, counter, qtbot):
    from editor.canvas.view import JourneyView

    scene = scene_of(generated_map(4000))
    view = JourneyView(scene)
    view.resize(900, 600)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    settle()
    counter.calls.clear()
    view.viewport().repaint()
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    assert 0 < counter["draw_card_frame"] <= len(cards_in(scene, shown))
    assert counter["paint"] <= 2 * len(cards_in(scene, shown))


def test_cards_sit_in_chunks_of_their_cell_and_show_at_their_places(scene_of):
    scene = scene_of(generated_map(2000))
    controller, journey = scene.controller, scene.journey
    for n in range(30):  # a cell filling up: its chunks split
        controller.add_card("idea", "s0", "l3", n % 3, title=f"新しい {n}")
    added = controller.add_card("idea", "s0", "l3", 0, title="新しい")
    top_level = [item for item in scene.items() if item.parentItem() is None]
    assert len(top_level) < 2000 / 5  # Qt visits every top-level item after each change
    for stage_id in journey.stage_ids():
        for lane_id in journey.lane_ids():
            held = [c for chunk in scene.chunks.chunks() if chunk.cell == (stage_id, lane_id)
                    for c in chunk.ids]
            assert held == list(journey.cell_card_ids(stage_id, lane_id))  # in order
    for card_id, item in scene.cards.items():
        chunk = item.parentItem()
        assert card_id in chunk.ids and len(chunk.ids) <= CHUNK
        assert chunk.sceneBoundingRect().contains(item.mapRectToScene(item.rect()))
    controller.undo_stack.undo()
    assert added not in scene.cards and all(
        not isinstance(item, CardItem) or item.element_id != added for item in scene.items())
    assert_in_step(scene)


# ------------------------------------------------------------------------ selection
def test_select_all_refreshes_the_inspector_and_the_actions_once(window_of, counter):
    window = window_of(generated_map(2000))
    settle()
    counter.calls.clear()
    window.menu_actions.select_all.trigger()
    settle()
    assert len(window.scene.selected_card_ids()) == 2000
    assert counter["show_selection"] == 1
    assert counter["_update_selection_actions"] == 1
    assert counter["card_ids"] == 0  # the selection is ordered by sorting it, not the map
    assert window.inspector.heading.text() == "2000 cards selected"
    assert window.menu_actions.delete.isEnabled()


def test_the_selection_is_in_journey_order_after_edits(scene_of):
    """The kept, ordered selection always equals one worked out from the whole map."""
    scene = scene_of(generated_map(600))
    journey, controller = scene.journey, scene.controller
    chosen = list(journey.card_ids())[::7]
    scene.selection.select_cards(chosen[::-1])
    for edit in (lambda: controller.move_cards([chosen[3]], "s9", "l0", 0),
                 lambda: controller.move_stage("s9", 0), lambda: controller.remove([chosen[5]]),
                 lambda: controller.undo_stack.undo(), lambda: scene.clearSelection(),
                 lambda: scene.selection.select_cards(chosen[:40], replace=False),
                 lambda: scene.select_element("s3")):
        edit()
        selected = {i.element_id for i in scene.selectedItems()}
        fresh = ([s for s in journey.stage_ids() if s in selected]
                 + [c for c in journey.card_ids() if c in selected])
        assert scene.selected_ids() == fresh


# ------------------------------------------------------------------------ deleting and dropping
def test_deleting_many_cards_and_undoing_restack_the_layout_once(window_of, counter):
    window = window_of(generated_map(2000))
    scene = window.scene
    doomed = list(scene.journey.card_ids())[::4]
    scene.selection.select_cards(doomed)
    settle()
    counter.calls.clear()
    window.menu_actions.delete.trigger()
    settle()
    assert not any(scene.journey.has(c) for c in doomed)
    assert counter["update"] <= 2  # once for the step, not once per card
    assert counter["show_selection"] <= 6
    # The workshop's vote ranks and private-card count read every card: a few times per step
    # (1,501 times for these 500 cards before they were coalesced), never once per card.
    assert counter["card_ids"] <= 6
    deleted = dict(counter.calls)
    window.document.undo_stack.undo()
    settle()
    assert all(scene.journey.has(c) for c in doomed)
    assert counter["update"] - deleted.get("update", 0) <= 2
    assert_in_step(scene)


def test_a_drop_and_a_delete_undo_touch_only_the_cells_involved(scene_of, counter):
    scene = scene_of(generated_map(4000))
    journey, controller = scene.journey, scene.controller
    cell = journey.cell_card_ids("s2", "l0")
    target = journey.cell_card_ids("s3", "l0")
    counter.calls.clear()
    controller.move_cards([cell[5]], "s3", "l0", 2)  # a drop into another cell of the row
    assert counter["set_box"] <= len(cell) + len(target) + 1  # the two cells, not the map
    assert counter["card_ids"] == 0
    counter.calls.clear()
    controller.remove([cell[7]])
    controller.undo_stack.undo()
    assert counter["set_box"] <= 2 * len(cell) + 2
    assert counter["card_ids"] == 0
    assert_in_step(scene)


def test_a_row_growing_moves_the_rows_below_not_their_cards(scene_of, counter):
    """A card added to the tallest cell of the first row makes the row taller: the rows below
    move (their card layers do), and no card of theirs is placed again."""
    scene = scene_of(generated_map(4000))
    journey, controller = scene.journey, scene.controller
    tallest = max(journey.stage_ids(), key=lambda s: len(journey.cell_card_ids(s, "l0")))
    below = {c for c in journey.card_ids() if journey.card_place(c).lane != "l0"}
    rows_before = {lane: scene.layout.rows[lane].y for lane in journey.lane_ids()}
    counter.calls.clear()
    controller.add_card(CardKind.NOTE, tallest, "l0", 0, title="新しい " * 8)
    assert scene.layout.rows["l2"].y > rows_before["l2"]  # the rows below moved
    assert counter["set_box"] <= len(journey.cell_card_ids(tallest, "l0"))  # one cell's cards
    assert counter["card_ids"] == 0
    controller.undo_stack.undo()
    assert scene.layout.rows["l2"].y == rows_before["l2"]
    assert len(below) > 2000
    assert_in_step(scene)


def test_find_after_an_edit_folds_only_what_changed(window_of, monkeypatch, qtbot):
    import editor.canvas.find as find

    window = window_of(generated_map(2000))
    window.find_bar.start()
    window.find_bar.field.setText("NPS")
    window.find_bar.search()  # the first, read a slice at a time
    qtbot.waitUntil(lambda: not window.find_bar.searching())
    first = list(window.find_bar.matches)
    folded = Counter(monkeypatch)
    folded.watch(find, "fold")
    card = first[0]
    window.document.controller.update_card(card, title="renamed")
    window.find_bar.search()
    assert card not in window.find_bar.matches and window.find_bar.matches == first[1:]
    assert folded["fold"] <= 3  # the edited card (and the words looked for), not every card
    assert window.find_bar.matches == find.FindIndex(window.scene.journey).search("NPS")


def test_the_kept_find_index_equals_a_fresh_one_after_every_kind_of_edit(scene_of):
    import editor.canvas.find as find

    scene = scene_of(generated_map(400))
    controller, journey = scene.controller, scene.journey
    kept = find.FindIndex(journey)
    ahead = kept.fold_ahead()  # folded ahead a piece at a time, edits coming in between
    for _ in range(150):
        next(ahead)
    controller.remove(["c1", "c399"])
    controller.update_card("c2", title="NPS early")
    for _ in ahead:
        pass
    edits = [lambda: controller.add_card("note", "s1", "l0", 0, title="NPS 新しい"),
             lambda: controller.update_card("c3", title="NPS again", owner="CSM"),
             lambda: controller.remove(["c5", "c6"]), lambda: controller.undo_stack.undo(),
             lambda: controller.remove(["s2"]), lambda: controller.undo_stack.undo(),
             lambda: controller.remove(["l2"]), lambda: controller.move_cards(["c9"], "s0", "l0", 0),
             lambda: controller.update_stage("s4", name="NPS stage"), lambda: controller.undo_stack.undo()]
    for edit in edits:
        edit()
        for words in ("NPS", "ログイン", "kick-off call", "ステージ"):
            assert kept.search(words) == find.FindIndex(journey).search(words), words
    kept.detach()


def test_a_view_click_and_a_drag_drop_ask_no_whole_map_order(window_of, counter, qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    window = window_of(generated_map(2000))
    view, scene = window.view, window.scene
    settle()
    card = min(scene.cards, key=lambda c: (scene.layout.cards[c].rect.y, scene.layout.cards[c].rect.x))
    centre = view.mapFromScene(QPointF(*scene.layout.cards[card].rect.center))
    counter.calls.clear()
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre)
    settle()
    assert scene.selected_card_ids() == [card]
    QTest.mousePress(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre)
    for step in range(1, 12):
        QTest.mouseMove(view.viewport(), centre + QPointF(20 * step, 3 * step).toPoint())
    QTest.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       centre + QPointF(220, 33).toPoint())
    settle()
    assert scene.journey.card_place(card).stage != "s0"  # it moved
    assert counter["card_ids"] <= 2  # the workshop's vote ranks after the drop, once per step


# ------------------------------------------------------------------------ docks
def test_docks_read_the_map_in_slices_and_not_at_all_while_hidden(window_of, qtbot, monkeypatch):
    import editor.panels.journey_docks as docks

    window = window_of(generated_map(2000))
    moments, health = window.moments, window.health
    qtbot.waitUntil(lambda: moments.list.count() > 0 and not moments.reading())
    assert health.visibleRegion().isEmpty()  # behind the moments-of-truth tab
    shown = moments.list.count()
    read = Counter(monkeypatch)
    read.watch(docks.HealthDock, "_entries")
    read.watch(docks.MomentsOfTruthDock, "_next_slice")
    monkeypatch.setattr(docks, "SLICE_SECONDS", 0.0)  # one entry a turn of the event loop
    stage = window.scene.journey.stage_ids()[0]  # a stage's name is in many entries: read again
    window.document.controller.update_stage(stage, name="Aki")
    qtbot.waitUntil(moments.reading)  # reading again, after the pause
    assert moments.list.count() == shown  # meanwhile the previous list stays
    read.calls.clear()
    window.document.controller.update_stage(stage, name="Mei")  # an edit starts it over
    assert not moments.reading()
    qtbot.waitUntil(moments.reading)
    qtbot.waitUntil(lambda: not moments.reading(), timeout=30000)
    assert moments.list.count() == shown
    assert read["_next_slice"] >= shown  # at most one entry per slice: the window kept working
    assert read["_entries"] == 0  # the hidden health check read nothing
    health.raise_()
    qtbot.waitUntil(lambda: read["_entries"] == 1)


def test_sliced_work_runs_between_events_and_stops(qtbot):
    from editor.canvas.sliced import SlicedWork

    done: list[int] = []

    def work():
        for n in range(50):
            done.append(n)
            yield

    runner = SlicedWork(seconds=0.0)  # one step a turn of the event loop
    runner.start(work())
    assert done == [] and runner.running()  # nothing before the event loop turns
    QApplication.processEvents()
    assert 0 < len(done) < 50
    qtbot.waitUntil(lambda: not runner.running())
    assert done == list(range(50))
    runner.start(work())
    QApplication.processEvents()
    runner.stop()
    left = len(done)
    QApplication.processEvents()
    assert len(done) == left < 100
