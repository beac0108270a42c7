"""Issue 12: a drop into a crowded cell, a delete and its undo place the cards near the change,
not every card below it in the cell (the layout keeper's blocks, model.layout.card_boxes, and
the canvas chunks, editor.canvas.card_layers: the rest of the cell moves whole), and re-curve
only the links of cards that moved.

No timings (benchmarks/bench_editor.py measures them): the guards count card boxes made, card
items placed and links re-curved, in a cell of 200 and of 1,700 cards alike.
"""
from __future__ import annotations

import pytest
from PySide6.QtCore import QSize

from editor.canvas.card_layers import CHUNK
from editor.canvas.items import CardItem
from editor.canvas.links import LinkItem, link_points
from editor.canvas.render import paint_scene
from model import Card, CardKind, CardLink, JourneyMap, Lane, LaneKind, Stage
from model.layout.card_boxes import BLOCK
from tests.editor.test_incremental_updates import Counter, assert_in_step


def crowded_map(pains: int, links: bool = True) -> JourneyMap:
    """Three stages; a pain-point cell of ``pains`` cards, an idea cell in the row above linking
    to every fourth pain point, and a few cards elsewhere."""
    journey = JourneyMap("crowded", "ja")
    for s in range(3):
        journey.add_stage(Stage(f"s{s}", f"ステージ {s}"))
    journey.add_lane(Lane("ideas", "アイディア", LaneKind.IDEAS))  # above: a taller pain row
    journey.add_lane(Lane("pains", "ペイン", LaneKind.PAIN_POINTS))  # moves no idea
    for i in range(pains):
        journey.add_card(Card(f"p{i}", CardKind.PAIN_POINT, f"問題 {i}" + " 長い" * (i % 4)),
                         "s0", "pains")
    for i in range(0, pains, 4):
        journey.add_card(Card(f"i{i}", CardKind.IDEA, f"アイディア {i}"), "s1", "ideas")
        if links:
            journey.add_link(CardLink(f"k{i}", f"i{i}", f"p{i}"))
    for i in range(5):
        journey.add_card(Card(f"o{i}", CardKind.NOTE, f"ほか {i}"), "s2", "pains")
    return journey


@pytest.fixture
def counter(monkeypatch):
    watched = Counter(monkeypatch)
    watched.watch(CardItem, "set_box")
    watched.watch(JourneyMap, "card_ids")
    recurved: list[str] = []
    original = LinkItem.set_ends
    monkeypatch.setattr(LinkItem, "set_ends",
                        lambda self, *ends: recurved.append(self.link_id) or original(self, *ends))
    watched.recurved = recurved
    return watched


def assert_links_join_their_cards(scene) -> None:
    """Once painted (as they show), every link joins its cards where they are now."""
    paint_scene(scene, scene.sceneRect(), QSize(200, 2000))
    boxes = scene.layout.cards
    for item in scene.annotations.links.values():
        start, *_, end = link_points(boxes[item.source].rect, boxes[item.target].rect)
        curve = item.curve()
        assert item.mapToScene(curve.pointAtPercent(0.0)) == start
        assert item.mapToScene(curve.pointAtPercent(1.0)) == end


@pytest.mark.parametrize("pains", [200, 1700])
def test_a_drop_at_the_top_of_a_crowded_cell_places_the_cards_near_it(scene_of, counter, pains):
    scene = scene_of(crowded_map(pains))
    controller = scene.controller
    counter.calls.clear()
    controller.move_cards(["o2"], "s0", "pains", 0)  # dropped on top of the crowded cell
    assert scene.journey.cell_card_ids("s0", "pains")[0] == "o2"
    assert counter["set_box"] <= CHUNK + 4  # its chunk's cards and the other cell's, not 1,700
    assert counter["card_ids"] == 0
    counter.calls.clear()
    controller.undo_stack.undo()
    assert counter["set_box"] <= CHUNK + 4
    assert_in_step(scene)
    assert_links_join_their_cards(scene)


@pytest.mark.parametrize("pains", [200, 1700])
def test_a_delete_and_its_undo_make_boxes_for_the_cards_near_it_only(scene_of, monkeypatch,
                                                                     pains):
    """A card removed and put back near the top of a crowded cell: the layout makes the boxes
    of the cards of its block and of the chunks placed again, not of the 1,700 below it (each
    re-stacked before: 3,400 boxes for the delete and its undo). Without links: a link re-curved
    reads its two cards' boxes (those of cards that moved, test below)."""
    from model.layout import grid

    scene = scene_of(crowded_map(pains, links=False))
    made = []
    original = grid.CardBox.__init__
    monkeypatch.setattr(grid.CardBox, "__init__",
                        lambda self, *args, **kwargs: made.append(1) or original(self, *args,
                                                                                 **kwargs))
    scene.controller.remove(["p3"])
    scene.controller.undo_stack.undo()
    scene.layout  # noqa: B018 - caught up
    assert 0 < len(made) <= 4 * BLOCK + 2 * CHUNK
    assert_in_step(scene)


def test_the_undo_of_a_delete_recurves_only_the_links_of_cards_that_moved(scene_of, counter):
    scene = scene_of(crowded_map(1700))
    controller, journey = scene.controller, scene.journey
    cell = journey.cell_card_ids("s0", "pains")
    moved = set(cell[40:])  # the cards below the deleted one move up, then back down
    links_of_moved = {f"k{c[1:]}" for c in moved if int(c[1:]) % 4 == 0}
    controller.remove([cell[40]])  # p40, linked from i40
    scene.layout  # noqa: B018 - caught up
    counter.recurved.clear()
    controller.undo_stack.undo()
    scene.layout  # noqa: B018 - caught up
    assert not counter.recurved  # no view shows them: re-curved when painted
    assert_links_join_their_cards(scene)
    assert counter.recurved, "the links of the cards below must follow them"
    assert set(counter.recurved) <= links_of_moved  # none of a card that stayed
    assert len(counter.recurved) == len(set(counter.recurved))  # each once
    assert_in_step(scene)


def test_a_link_off_screen_follows_its_card_when_scrolled_to(scene_of, qtbot):
    """Shown in a view: the links of moved cards that show are re-curved at once, the others
    when the view scrolls to them, and each is drawn joining its cards."""
    from PySide6.QtWidgets import QApplication

    from editor.canvas.view import JourneyView

    scene = scene_of(crowded_map(600))
    view = JourneyView(scene)
    view.resize(900, 700)
    view.show()
    qtbot.waitExposed(view)
    view.show_element("p590")  # the bottom of the crowded cell
    QApplication.processEvents()
    far, near = scene.annotations.links["k4"], scene.annotations.links["k588"]
    was = far.sceneBoundingRect()
    scene.controller.remove(["p1"])  # every pain point below it moves up
    QApplication.processEvents()
    assert far.sceneBoundingRect() == was  # off screen: not re-curved yet
    for shown in ("p590", "p4"):
        view.show_element(shown)
        view.viewport().grab()  # painted: what shows follows its cards
        item = near if shown == "p590" else far
        start, *_, end = link_points(scene.layout.cards[item.source].rect,
                                     scene.layout.cards[item.target].rect)
        assert item.mapToScene(item.curve().pointAtPercent(1.0)) == end
        assert item.mapToScene(item.curve().pointAtPercent(0.0)) == start
    view.close()


@pytest.mark.parametrize("grow", [True, False])
def test_a_row_changing_height_leaves_what_shows_as_a_full_repaint_would(canvas, qtbot, grow):
    """Only the area below the row that grew or shrank is repainted for the cells; what the
    user sees is still what a full repaint shows."""
    from test_paint_trails import count_differences, fully_repainted, on_screen

    document, scene, view = canvas
    journey, controller = scene.journey, document.controller
    lane = journey.lane_ids()[0]
    tallest = max(journey.stage_ids(), key=lambda s: len(journey.cell_card_ids(s, lane)))
    below = scene.layout.rows[journey.lane_ids()[1]].y
    view.centerOn(scene.layout.cells[(tallest, lane)].x + 100, below)
    qtbot.wait(30)
    if grow:
        controller.add_card(CardKind.NOTE, tallest, lane, 0, title="新しい " * 12)
    else:
        controller.remove(list(journey.cell_card_ids(tallest, lane)[:1]))
    qtbot.wait(30)
    assert scene.layout.rows[journey.lane_ids()[1]].y != below  # the rows below moved
    seen = on_screen(view)
    truth = fully_repainted(view, qtbot)
    assert seen == truth, f"{count_differences(seen, truth)} stale pixels"
