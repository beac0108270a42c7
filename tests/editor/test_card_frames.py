"""Cards copied from kept pixels (editor.canvas.card_frames): at 100 % the same pixels as drawing
each card directly; a repaint rasterises no card again; an edited card shows its new text."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QImage, QUndoStack

import editor.canvas.card_frames as card_frames
from editor.canvas.render import paint_scene
from editor.document.controller import EditController
from editor.fonts import register_bundled_fonts
from tests.model.generated_maps import generated_map

WINDOW = QRectF(0, 0, 1300, 900)


@pytest.fixture
def scene(qtbot):
    from editor.canvas.scene import JourneyScene

    register_bundled_fonts()
    card_frames.frames.clear()
    built = JourneyScene(EditController(generated_map(300), QUndoStack()))
    built.clearSelection()
    yield built
    built.detach()


def window(scene) -> QImage:
    return paint_scene(scene, WINDOW, QSize(int(WINDOW.width()), int(WINDOW.height())))


def differing(a: QImage, b: QImage, levels: int = 0) -> int:
    def far(p: int, q: int) -> bool:
        return max(abs(((p >> s) & 255) - ((q >> s) & 255)) for s in (0, 8, 16)) > levels
    return sum(far(a.pixel(x, y), b.pixel(x, y)) for x in range(0, a.width(), 2)
               for y in range(0, a.height(), 2))


def test_kept_cards_are_the_direct_drawing_and_are_not_drawn_again(scene, monkeypatch):
    kept = window(scene)
    drawn = []
    rasterise = card_frames._rasterise
    monkeypatch.setattr(card_frames, "_rasterise", lambda *a: drawn.append(1) or rasterise(*a))
    assert differing(window(scene), kept) == 0 and not drawn  # copied, nothing drawn again
    monkeypatch.setattr(card_frames, "MAX_SCALE", 0.0)  # every card drawn directly
    # The see-through shadow laid through a pixmap rounds a few levels apart from drawing it
    # straight (as it did when only the frame was kept): a few pixels, by a few levels.
    assert differing(window(scene), kept, levels=8) == 0


@pytest.mark.parametrize("edit", ["title", "select", "votes"])
def test_an_edited_card_shows_its_new_look(scene, edit):
    card_id = next(c for c, item in scene.cards.items()
                   if item.sceneBoundingRect().intersects(WINDOW.adjusted(0, 200, 0, -200)))
    before = window(scene)
    if edit == "title":
        scene.controller.update_card(card_id, title="新しいタイトル new title")
    elif edit == "select":
        scene.cards[card_id].setSelected(True)
    else:
        scene.controller.update_card(card_id, owner="CSM", channel="Web", votes=3)
    after = window(scene)
    card_frames.frames.clear()
    assert differing(before, after) > 0
    assert differing(after, window(scene)) == 0  # as drawn from nothing kept
