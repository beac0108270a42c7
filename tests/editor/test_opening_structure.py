"""Issue 12, opening a map: the canvas is built in bulk, not one edit per card.

No timings (benchmarks/bench_editor.py --only open measures them): these tests count what the
scene's first build does. Each chunk joins the scene with its cards already placed in it (adding
a card to a chunk already in the scene cost Qt seven times more), no card takes the edit path's
set_box, and the result is the canvas the edit path would give: every card in its cell's chunk,
in order, at its layout box, with its kind label and segment colours; a later edit of an opened
map still works through the chunks.
"""
from __future__ import annotations

import pytest
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QGraphicsScene

from editor.canvas.card_layers import CHUNK, FILL
from editor.canvas.items import CardItem
from editor.canvas.scene import JourneyScene
from editor.document.controller import EditController
from editor.fonts import register_bundled_fonts
from model.layout.appearance import CARD_KIND_LABELS, label_language
from tests.editor.test_incremental_updates import assert_in_step
from tests.model.generated_maps import generated_map


@pytest.fixture
def counted(monkeypatch):
    """Counts of the scene's addItem and of CardItem.set_box while the test builds."""
    counts = {"addItem": 0, "set_box": 0}
    add_item, set_box = QGraphicsScene.addItem, CardItem.set_box

    def counting_add(scene, item):
        counts["addItem"] += 1
        return add_item(scene, item)

    def counting_set_box(item, *args):
        counts["set_box"] += 1
        return set_box(item, *args)

    monkeypatch.setattr(JourneyScene, "addItem", counting_add, raising=False)
    monkeypatch.setattr(CardItem, "set_box", counting_set_box)
    return counts


def open_scene(journey) -> JourneyScene:
    register_bundled_fonts()
    return JourneyScene(EditController(journey, QUndoStack()))


@pytest.mark.parametrize("size", [300, 3000])
def test_opening_adds_chunks_not_cards_to_the_scene(qtbot, counted, size):
    journey = generated_map(size)
    scene = open_scene(journey)
    try:
        chunks = scene.chunks.chunks()
        assert counted["set_box"] == 0  # every card placed once, off the scene
        headers = len(journey.stages()) + len(journey.lanes()) + len(journey.transitions())
        assert counted["addItem"] <= len(chunks) + headers + 10  # not one per card
        runs = sum(-(-len(ids) // FILL) for ids in journey.cells().values())
        assert len(chunks) == runs  # each cell cut in runs of FILL cards, with room to grow
        for item in scene.cards.values():
            assert item.scene() is scene and item.parentItem() in chunks
    finally:
        scene.detach()


def test_an_opened_canvas_is_the_one_the_edit_path_gives(qtbot):
    journey = generated_map(2000)
    scene = open_scene(journey)
    try:
        layout = scene.layout
        labels = CARD_KIND_LABELS[label_language(journey.language)]
        for (stage_id, lane_id), ids in journey.cells().items():
            held = [c for chunk in scene.chunks.chunks() if chunk.cell == (stage_id, lane_id)
                    for c in chunk.ids]
            assert held == list(ids)  # the cell's cards, in order
        for card_id, item in scene.cards.items():
            card, box = journey.card(card_id), layout.cards[card_id]
            assert len(item.parentItem().ids) <= CHUNK
            shown = item.mapRectToScene(item.rect())
            assert (shown.x(), shown.y(), shown.width(), shown.height()) == pytest.approx(
                (box.rect.x, box.rect.y, box.rect.w, box.rect.h))
            assert item.boundingRect().contains(item.rect())
            assert item.kind_label == labels[card.kind]
            assert item.segment_colours == tuple(journey.segment(s).colour for s in card.segments)
        assert_in_step(scene)
        first = journey.card_ids()[0]
        place = journey.card_place(first)
        for n in range(CHUNK + 2):  # the first chunk fills up and splits, as for any map
            scene.controller.add_card("idea", place.stage, place.lane, 0, title=f"新しい {n}")
        assert_in_step(scene)
    finally:
        scene.detach()
