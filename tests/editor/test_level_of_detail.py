"""Issue 10, item 19: zoomed out, a card paints its title only, larger than at 100 %, and headers
keep a readable name; zooming back in brings every line back. A recording painter notes what an
item draws at the view's own transform, after the user zoomed with Ctrl+wheel."""
from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QImage, QPainter, QStaticText, QWheelEvent
from PySide6.QtWidgets import QApplication, QStyleOptionGraphicsItem

from model.layout.grid import HEADER_NAME_SIZE, TITLE_SIZE


class RecordingPainter(QPainter):
    def __init__(self, device) -> None:
        super().__init__(device)
        self.texts: list[tuple[str, float]] = []

    def drawText(self, *args) -> None:
        self._note(next(a for a in args if isinstance(a, str)))
        super().drawText(*args)

    def drawStaticText(self, *args) -> None:  # text lines are kept QStaticTexts (painting.py)
        self._note(next(a for a in args if isinstance(a, QStaticText)).text())
        super().drawStaticText(*args)

    def _note(self, text: str) -> None:
        self.texts.append((text, self.font().pointSizeF() if self.font().pointSizeF() > 0
                           else self.font().pixelSize()))


def painted_texts(view, item) -> list[tuple[str, float]]:
    image = QImage(2000, 2000, QImage.Format.Format_ARGB32)
    painter = RecordingPainter(image)
    painter.setWorldTransform(view.transform())
    item.paint(painter, QStyleOptionGraphicsItem())
    painter.end()
    return painter.texts


def ctrl_wheel(view, notches: int) -> None:
    centre = QPointF(view.viewport().rect().center())
    event = QWheelEvent(centre, QPointF(view.viewport().mapToGlobal(centre.toPoint())), QPoint(),
                        QPoint(0, 120 * notches), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.ControlModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(view.viewport(), event)


def test_zoomed_out_cards_paint_their_title_only_and_larger(canvas):
    document, scene, view = canvas
    document.controller.update_card("a", owner="CSM", channel="Web", votes=2)
    card = scene.card_item("a")
    near = painted_texts(view, card)
    assert [t for t, _ in near] == ["Touchpoint", "Card A", "Web  ·  CSM"]  # votes: dots
    ctrl_wheel(view, -5)
    assert view.zoom() < 0.5
    far = painted_texts(view, card)
    assert [t for t, _ in far] == ["Card A"]  # the kind label and the footer are gone
    assert far[0][1] > 1.5 * TITLE_SIZE  # larger relative to the card
    ctrl_wheel(view, 5)
    assert [t for t, _ in painted_texts(view, card)] == [t for t, _ in near]


def test_zoomed_out_headers_keep_a_readable_name_without_their_overview(canvas):
    document, scene, view = canvas
    header = scene.stage_item("s1")
    near = painted_texts(view, header)
    assert [t for t, _ in near][:2] == ["Onboarding", "Onboarding overview"]
    lane_near = painted_texts(view, scene.lane_item("tp"))
    ctrl_wheel(view, -5)
    zoom = view.zoom()
    far = painted_texts(view, header)
    assert [t for t, _ in far] == ["Onboarding"]
    # On screen the name stays about as tall as at 100 %, though the map is 2.5 times smaller.
    assert far[0][1] * zoom >= 0.75 * near[0][1] and far[0][1] > near[0][1]
    lane = painted_texts(view, scene.lane_item("tp"))
    assert [t for t, _ in lane] == ["Touchpoints"]  # grown, but never broken inside the word
    assert lane[0][1] > lane_near[0][1] and HEADER_NAME_SIZE


def test_a_long_title_is_cut_with_an_ellipsis_inside_the_card(canvas):
    document, scene, view = canvas
    document.controller.update_card("a", title="A very long title " * 8)
    ctrl_wheel(view, -4)
    lines = [t for t, _ in painted_texts(view, scene.card_item("a"))]
    assert 1 <= len(lines) <= 3 and lines[-1].endswith("…")
