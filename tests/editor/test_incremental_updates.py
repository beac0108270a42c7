"""The canvas follows an edit by touching only what it changed, and still ends up exactly where a
full recomputation would put everything.

No timings (they flake on a shared machine): the guards count what an edit does in a 2,000-card
map (items moved or resized, whole-map layouts, card look-ups), which must not grow with the map.
benchmarks/bench_editor.py measures the times.
"""
from __future__ import annotations

import random

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QUndoStack

import model.layout.keeper
from editor.canvas.items import CardItem, ElementItem
from editor.document.controller import EditController
from editor.fonts import register_bundled_fonts
from model import Card, CardKind, JourneyMap, Lane, LaneKind, Stage
from model.layout.grid import compute_layout
from tests.model.generated_maps import PHRASES, generated_map


@pytest.fixture
def editor_of(qtbot):
    """Builds (controller, scene) for a map; the scene is detached afterwards."""
    from editor.canvas.scene import JourneyScene

    register_bundled_fonts()
    scenes = []

    def build(journey: JourneyMap):
        controller = EditController(journey, QUndoStack())
        scenes.append(JourneyScene(controller))
        return controller, scenes[-1]

    yield build
    for scene in scenes:
        scene.detach()


def assert_in_step(scene) -> None:
    """The kept layout equals a fresh one, and every item sits at its rectangle."""
    fresh = compute_layout(scene.journey, scene.sizer)
    assert scene.layout == fresh
    assert set(scene.cards) == set(fresh.cards)
    for cell, ids in scene.journey.cells().items():  # each cell's chunks hold it in order
        held = [c for chunk in scene.chunks.chunks() if chunk.cell == cell for c in chunk.ids]
        assert held == list(ids), f"the chunks of {cell}"
    assert all(chunk.ids for chunk in scene.chunks.chunks())
    for card_id, item in scene.cards.items():
        box = fresh.cards[card_id]  # item.box counts from the top of the card's row
        assert item.parentItem() is not None and card_id in item.parentItem().ids
        assert (item.box.title_lines, item.box.footer) == (box.title_lines, box.footer)
        assert item.scenePos() == QPointF(box.rect.x, box.rect.y)
        assert (item.rect().width(), item.rect().height()) == (box.rect.w, box.rect.h)
    for lane_id, item in scene.lanes.items():
        assert item.pos() == QPointF(fresh.lane_headers[lane_id].x, fresh.lane_headers[lane_id].y)
        assert item.name_lines == fresh.lane_name_lines[lane_id]
        assert item.lane == scene.journey.lane(lane_id)
    for stage_id, item in scene.stages.items():
        assert item.name_lines == fresh.stage_name_lines[stage_id]
        assert item.stage == scene.journey.stage(stage_id)
    for item in scene.transitions.values():
        assert item.transition == scene.journey.transition(item.element_id)
    assert scene.sceneRect().height() == fresh.height + 80


class Counter:
    """Counts the calls of a few methods while active (patched on their classes)."""

    def __init__(self, monkeypatch) -> None:
        self.calls: dict[str, int] = {}
        self._monkeypatch = monkeypatch

    def watch(self, owner, name: str) -> None:
        original = getattr(owner, name)

        def counted(*args, **kwargs):
            self.calls[name] = self.calls.get(name, 0) + 1
            return original(*args, **kwargs)

        self._monkeypatch.setattr(owner, name, counted)

    def __getitem__(self, name: str) -> int:
        return self.calls.get(name, 0)


@pytest.fixture
def counter(monkeypatch):
    watched = Counter(monkeypatch)
    watched.watch(ElementItem, "set_rect")  # every move or resize of a card or header item
    watched.watch(CardItem, "set_box")
    watched.watch(model.layout.keeper, "full_layout")  # a whole-map layout
    watched.watch(JourneyMap, "card")
    return watched


def movable(scene) -> tuple[str, str, str]:
    """The last card of a cell and another cell of its row that it can join at the end without
    either cell becoming the row's tallest (so no row changes height)."""
    journey, layout = scene.journey, scene.layout
    for lane_id in journey.lane_ids():
        row = layout.rows[lane_id]
        for source in journey.stage_ids():
            ids = journey.cell_card_ids(source, lane_id)
            if not ids:
                continue
            height = layout.cards[ids[-1]].rect.h
            for target in journey.stage_ids():
                others = journey.cell_card_ids(target, lane_id)
                bottom = layout.cards[others[-1]].rect.bottom if others else layout.cells[
                    (target, lane_id)].y
                if target != source and bottom + 8 + height + 10 < row.bottom - 1:
                    return ids[-1], target, lane_id
    raise AssertionError("the generated map has no such card")


# ------------------------------------------------------------------------ counting guards
def test_a_title_edit_touches_one_card_in_a_2000_card_map(editor_of, counter):
    controller, scene = editor_of(generated_map(2000))
    card_id = "c1000"
    title = scene.journey.card(card_id).title
    counter.calls.clear()
    controller.update_card(card_id, title=title[::-1])  # the same characters: the same lines
    controller.undo_stack.undo()
    controller.undo_stack.redo()
    assert counter["full_layout"] == 0
    assert counter["set_box"] <= 3  # the edited card once per step
    assert counter["set_rect"] <= 3
    assert counter["card"] < 30  # not once per card of the map
    assert_in_step(scene)


def test_moving_a_card_without_changing_a_row_moves_only_that_card(editor_of, counter):
    controller, scene = editor_of(generated_map(2000))
    card_id, stage_id, lane_id = movable(scene)
    end = len(scene.journey.cell_card_ids(stage_id, lane_id))
    counter.calls.clear()
    controller.move_cards([card_id], stage_id, lane_id, end)
    controller.undo_stack.undo()
    controller.undo_stack.redo()
    assert counter["full_layout"] == 0
    assert counter["set_rect"] <= 3  # the moved card, once per step
    assert counter["card"] < 30
    assert_in_step(scene)


def test_a_taller_card_moves_only_the_cards_below_it_in_its_cell(editor_of, counter):
    controller, scene = editor_of(generated_map(2000))
    journey = scene.journey
    # A cell of the last row with cards, whose row is taller than the cell needs even with
    # two more title lines: the growing card pushes only its own cell's cards down.
    lane_id = "l6"
    row = scene.layout.rows[lane_id]
    cell = min((journey.cell_card_ids(s, lane_id) for s in journey.stage_ids()),
               key=lambda ids: scene.layout.cards[ids[-1]].rect.bottom if ids else row.bottom)
    assert scene.layout.cards[cell[-1]].rect.bottom + 40 < row.bottom
    counter.calls.clear()
    controller.update_card(cell[0], title="長いタイトル " * 6)
    assert counter["full_layout"] == 0
    assert counter["set_box"] == len(cell)  # the card itself (taller) and those below it
    assert_in_step(scene)


def test_stage_and_lane_renames_touch_no_card(editor_of, counter):
    controller, scene = editor_of(generated_map(2000))
    counter.calls.clear()
    controller.update_stage("s3", name="新しい名前のステージ")
    controller.update_lane("l2", name="Pain points, renamed")
    controller.update_transition("t2", trigger="契約")
    assert counter["full_layout"] == 0
    assert counter["set_box"] == 0
    assert counter["card"] == 0
    assert_in_step(scene)


# ------------------------------------------------------------------------ equal to a full layout
def test_every_kind_of_edit_leaves_the_layout_a_full_recomputation_would_give(editor_of):
    controller, scene = editor_of(generated_map(120, seed=3))
    journey, stack = scene.journey, controller.undo_stack
    controller.update_card("c5", title="とても長いタイトルが三行にも四行にもなるカード " * 3)
    controller.update_card("c6", channel="電話", owner="CSM", votes=9)  # a footer, a taller card
    controller.update_card("c7", segments=("smb", "ent"))
    place = journey.card_place("c8")
    controller.move_cards(["c8"], place.stage, place.lane, 0)  # to the top of its own cell
    controller.move_cards(["c9", "c10", "c11"], "s0", "l1", 0)  # into the empty emotion row
    controller.add_card(CardKind.IDEA, "s9", "l6", 0, title="新しいアイディア")
    controller.remove(["c12", "c13"])
    controller.update_lane("l4", kind=LaneKind.EMOTION)
    controller.update_stage("s2", name="名前を変えたステージ", overview="概要 " * 20)
    controller.update_map(language="en")
    controller.add_stage(3)
    controller.move_lane("l0", 5)
    for _ in range(stack.count()):
        stack.undo()
        assert_in_step(scene)
    for _ in range(stack.count()):
        stack.redo()
        assert_in_step(scene)


def test_random_card_edits_with_undo_keep_the_layout_exact(editor_of):
    controller, scene = editor_of(generated_map(300, seed=11))
    journey, stack, rng = scene.journey, controller.undo_stack, random.Random(5)
    stages, lanes = journey.stage_ids(), journey.lane_ids()
    for step in range(120):
        cards = journey.card_ids()
        action = rng.randrange(6)
        if action == 0:
            controller.update_card(rng.choice(cards), title=" ".join(rng.sample(PHRASES, rng.randint(1, 5))))
        elif action == 1:
            chosen = rng.sample(cards, rng.randint(1, 3))
            target = (rng.choice(stages), rng.choice(lanes))
            index = rng.randint(0, len([c for c in journey.cell_card_ids(*target) if c not in chosen]))
            controller.move_cards(chosen, *target, index)
        elif action == 2:
            controller.add_card(CardKind.NOTE, rng.choice(stages), rng.choice(lanes), None,
                                title=rng.choice(PHRASES))
        elif action == 3:
            controller.remove([rng.choice(cards)])
        elif action == 4 and stack.canUndo():
            stack.undo()
        elif stack.canRedo():
            stack.redo()
        assert_in_step(scene), f"after step {step}"


def test_the_keeper_reads_a_cell_again_when_an_event_does_not_add_up():
    """A safety net: places that do not match the kept cells make it read them from the map."""
    from model import CardPlace
    from model.layout.grid import CardSizer
    from model.layout.keeper import LayoutKeeper
    from model.layout.text import CharWidths

    journey = generated_map(80, seed=9)
    keeper = LayoutKeeper(CardSizer(CharWidths()))
    keeper.rebuild(journey)
    card_id = journey.cell_card_ids("s2", "l0")[0]
    old = journey.card_place(card_id)
    journey.move_card(card_id, "s7", "l2", 0)
    wrong_old = CardPlace(old.stage, old.lane, old.index + 1)
    wrong_new = CardPlace("s7", "l2", 3)
    keeper.update(journey, moves=[(card_id, wrong_old, wrong_new)])
    assert keeper.layout == compute_layout(journey, keeper.sizer)
    journey.update_card(card_id, title="長いタイトル " * 5)
    keeper.update(journey, cards=[card_id])
    assert keeper.layout == compute_layout(journey, keeper.sizer)


def test_keyboard_neighbours_do_not_depend_on_how_the_layout_was_updated(editor_of):
    """Arrow keys pick the nearest card; on a tie, the first in grid order, as with a fresh layout
    (the kept layout lists a restored card last, not in its grid place)."""
    journey = JourneyMap("ties")
    for s in ("s0", "s1", "s2"):
        journey.add_stage(Stage(s, s))
    journey.add_lane(Lane("l0", "Lane"))
    journey.add_lane(Lane("l1", "Lane below"))
    for card_id, stage, lane in (("p", "s0", "l0"), ("a", "s1", "l0"), ("r", "s2", "l0"),
                                 ("q", "s0", "l1"), ("s", "s2", "l1")):
        journey.add_card(Card(card_id, title="Same"), stage, lane)  # equal titles, equal heights
    controller, scene = editor_of(journey)
    controller.remove(["q"])
    controller.undo_stack.undo()  # q is back in its place, listed last by the kept layout
    assert list(scene.layout.cards)[-1] == "q"
    scene.select_element("a")
    scene.interaction.select_neighbour(0, 1)  # the lane below a: q and s equally near; q first in the grid
    assert scene.selected_card_ids() == ["q"]
    _, fresh = editor_of(journey)  # a second canvas, its layout computed in one pass
    for card_id in journey.card_ids():
        for step in ((1, 0), (-1, 0), (0, 1), (0, -1)):
            assert (scene.interaction.navigation.neighbour_in_direction(card_id, *step)
                    == fresh.interaction.navigation.neighbour_in_direction(card_id, *step)), (
                card_id, step)


def test_filters_dim_exactly_as_a_full_pass_would_after_each_edit(editor_of):
    from model import JourneyPath

    journey = generated_map(150, seed=4)
    journey.add_path(JourneyPath("p", "Route", ("s0", "s1", "s2")))
    controller, scene = editor_of(journey)
    scene.filters.set_segment_filter("smb")
    scene.filters.set_highlighted_path("p")

    def opacities():
        return {key: item.opacity() for table in (scene.cards, scene.stages, scene.transitions)
                for key, item in table.items()}

    edits = [lambda: controller.move_cards(["c3"], "s5", "l0", 0),
             lambda: controller.update_card("c4", segments=("ent",)),
             lambda: controller.update_card("c5", segments=("smb",)),
             lambda: controller.add_transition("s1", "s3"),
             lambda: controller.update_path("p", stages=["s0", "s5"]),
             lambda: controller.remove(["ent"]),
             lambda: controller.add_card(CardKind.NOTE, "s4", "l2", 0, title="x")]
    for edit in edits:
        edit()
        after = opacities()
        scene.filters.apply_dimming()
        assert opacities() == after
    for _ in range(len(edits)):
        controller.undo_stack.undo()
        after = opacities()
        scene.filters.apply_dimming()
        assert opacities() == after
