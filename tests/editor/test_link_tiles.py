"""The links' tiles (editor.canvas.link_tiles): a repaint copies the links' pixels instead of
drawing them again, and never shows a link where it was before an edit. Every check compares
with the same window drawn from fresh tiles, or with the links drawn directly (each edit changes
47 to 14,000 of the sampled pixels by more than NEAR; a stale link would be hundreds)."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QImage, QUndoStack
from PySide6.QtWidgets import QApplication

import editor.canvas.link_tiles as link_tiles
from editor.canvas.render import paint_scene
from editor.document.controller import EditController
from editor.fonts import register_bundled_fonts
from model import CardKind, CardLink
from tests.model.generated_maps import generated_map

WINDOW = QRectF(0.3, 0.6, 1300, 900)  # off whole units: the tiles keep the fraction
# Colour levels within which two drawings of a link are the same: a curve cut into chords at other
# places (the window drawn directly, or its tiles drawn in other batches) moves a dash's end by a
# fraction of a pixel, which changes its antialiased end pixel by up to a quarter of its ink.
NEAR = 64


@pytest.fixture
def scene(qtbot):
    from editor.canvas.scene import JourneyScene

    register_bundled_fonts()
    journey = generated_map(300)
    ideas = [c for c in journey.card_ids() if journey.card(c).kind == CardKind.IDEA]
    pains = [c for c in journey.card_ids() if journey.card(c).kind == CardKind.PAIN_POINT]
    for n, (idea, pain) in enumerate(zip(ideas, pains[::-1], strict=False)):
        journey.add_link(CardLink(f"k{n}", idea, pain))
    built = JourneyScene(EditController(journey, QUndoStack()))
    built.clearSelection()
    yield built
    built.detach()


def window(scene, area: QRectF = WINDOW) -> QImage:
    return paint_scene(scene, area, QSize(int(area.width()), int(area.height())))


def fresh(scene, area: QRectF = WINDOW) -> QImage:
    scene.annotations.link_layer.tiles.clear()
    return window(scene, area)


def differing(a: QImage, b: QImage, levels: int = 0) -> int:
    def far(p: int, q: int) -> bool:
        return max(abs(((p >> s) & 255) - ((q >> s) & 255)) for s in (0, 8, 16)) > levels
    return sum(far(a.pixel(x, y), b.pixel(x, y)) for x in range(0, a.width(), 2)
               for y in range(0, a.height(), 2))


def test_tiles_give_the_links_drawn_directly_and_a_repaint_draws_none(scene, monkeypatch):
    tiles = scene.annotations.link_layer.tiles
    first = window(scene)
    drawn = tiles.drawn_tiles
    assert drawn > 0 and tiles.used > 0
    again = window(scene)
    assert tiles.drawn_tiles == drawn  # copied, not drawn
    assert differing(first, again) == 0
    monkeypatch.setattr(link_tiles.LinkTiles, "paint", lambda *args: False)
    direct = window(scene)
    assert differing(first, direct, levels=NEAR) == 0


@pytest.mark.parametrize("edit", ["grow a row", "move a linked card", "remove a link and undo",
                                  "hide the links", "remove a linked card and undo"])
def test_after_an_edit_the_links_show_where_they_are_now(scene, edit):
    controller, journey = scene.controller, scene.journey
    before = window(scene)
    link = next(iter(journey.links()))
    if edit == "grow a row":  # every link below moves down
        for _ in range(6):
            controller.add_card(CardKind.NOTE, "s0", "l0", 0, title="x " * 30)
    elif edit == "move a linked card":
        controller.move_cards([link.source], "s9", "l3", 0)
    elif edit == "remove a link and undo":
        controller.remove([link.id])
    elif edit == "hide the links":
        scene.annotations.set_links_visible(False)
    else:
        controller.remove([link.target])
    QApplication.processEvents()
    after = window(scene)
    assert differing(before, after, levels=NEAR) > 0  # the edit shows
    assert differing(after, fresh(scene), levels=NEAR) == 0  # no link is left where it was
    if edit.endswith("undo"):
        controller.undo_stack.undo()
        QApplication.processEvents()
        assert differing(window(scene), fresh(scene), levels=NEAR) == 0


@pytest.mark.parametrize("edit", ["move a linked card", "grow a row", "hide the links",
                                  "remove a link"])
def test_a_shown_view_shows_the_links_where_they_are_after_an_edit(scene, qtbot, edit):
    """Links paint nothing themselves (their layer does): the layer has the view repaint a
    changed link's old place and its new one."""
    from editor.canvas.view import JourneyView

    view = JourneyView(scene)
    view.resize(1000, 700)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    QApplication.processEvents()
    before = view.viewport().grab().toImage()
    link = next(iter(scene.journey.links()))
    if edit == "move a linked card":
        scene.controller.move_cards([link.source], "s1", "l3", 0)  # into the view's corner
    elif edit == "grow a row":
        for _ in range(3):
            scene.controller.add_card(CardKind.NOTE, "s0", "l0", 0, title="x " * 30)
    elif edit == "hide the links":
        scene.annotations.set_links_visible(False)
    else:
        scene.controller.remove([link.id for link in scene.journey.links()][:8])
    for _ in range(3):
        QApplication.processEvents()
    shown = view.viewport().grab().toImage()
    scene.annotations.link_layer.tiles.clear()
    view.viewport().update()
    QApplication.processEvents()
    assert differing(before, shown, levels=NEAR) > 0
    assert differing(shown, view.viewport().grab().toImage(), levels=NEAR) == 0


def test_a_changed_link_has_its_old_and_new_places_repainted(scene, monkeypatch, qtbot):
    from editor.canvas.links import LinkLayer

    asked: list[QRectF] = []
    update = LinkLayer.update
    monkeypatch.setattr(LinkLayer, "update", lambda layer, *rect: (
        asked.extend(QRectF(r) for r in rect[:1]), update(layer, *rect)))
    link = next(iter(scene.journey.links()))
    item = scene.annotations.links[link.id]
    old = item.sceneBoundingRect()
    scene.controller.move_cards([link.source], "s9", "l3", 0)
    window(scene, scene.sceneRect())  # a moved card's links follow it when painted
    qtbot.waitUntil(lambda: any(r.contains(item.sceneBoundingRect()) for r in asked))
    assert item.sceneBoundingRect() != old and any(r.contains(old) for r in asked)


def test_a_window_too_big_to_keep_draws_its_links_directly(scene):
    tiles = scene.annotations.link_layer.tiles
    huge = QRectF(0, 0, 5000, 4000)
    window(scene, huge)
    assert tiles.drawn_tiles == 0 and tiles.used == 0
