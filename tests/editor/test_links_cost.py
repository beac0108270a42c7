"""Links that span a large map cost what shows of them: a window paints only the stretch of the
curve inside it (the same dashes as the whole curve there), and Qt files the links' layer, never
the links themselves, in its index, so the layer must hold every link."""
from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene

from editor.canvas.links import LinkItem, link_curve, link_points
from model.layout.grid import Rect
from tests.model.generated_maps import generated_map

IDEA, PAIN = Rect(100, 40_000, 190, 60), Rect(520, 100, 190, 60)  # far apart, in other rows


def window_image(scene: QGraphicsScene, window: QRectF, halves: bool = False) -> QImage:
    image = QImage(int(window.width()), int(window.height()), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    parts = [window] if not halves else [QRectF(window.x(), window.y(), window.width(), 233),
                                          QRectF(window.x(), window.y() + 233, window.width(),
                                                 window.height() - 233)]
    for part in parts:
        target = QRectF(part.x() - window.x(), part.y() - window.y(), part.width(), part.height())
        scene.render(painter, target, part)
    painter.end()
    return image


def outside(a: QImage, b: QImage) -> int:
    """Pixels inked in ``a`` but not in ``b``."""
    white = QColor("white").rgba()
    return sum(a.pixel(x, y) != white and b.pixel(x, y) == white
               for x in range(a.width()) for y in range(a.height()))


def differing(a: QImage, b: QImage) -> int:
    return sum(a.pixel(x, y) != b.pixel(x, y) for x in range(a.width()) for y in range(a.height()))


def inked(image: QImage) -> int:
    white = QColor("white").rgba()
    return sum(image.pixel(x, y) != white for x in range(image.width()) for y in range(image.height()))


class WholeCurve(QGraphicsItem):
    """The link's whole curve, however little of it shows, with a solid pen: where the dashes
    of the link must fall."""

    def __init__(self, item: LinkItem) -> None:
        super().__init__()
        self.item = item

    def boundingRect(self):
        return self.item.boundingRect()

    def paint(self, painter, option, widget=None):
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QPen

        from editor.canvas.links import LINK_INK, LINK_WIDTH
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(LINK_INK, LINK_WIDTH + 1, Qt.PenStyle.SolidLine))
        painter.drawPath(link_curve(IDEA, PAIN))


def test_a_long_link_paints_the_stretch_that_shows_as_the_whole_curve_would(qapp):
    link = LinkItem("k", "idea", "pain")
    link.set_ends(IDEA, PAIN)
    ours, before = QGraphicsScene(), QGraphicsScene()
    ours.addItem(link)
    before.addItem(WholeCurve(link))
    window = QRectF(150, 19_800, 500, 400)  # the middle of the curve
    mine, theirs = window_image(ours, window), window_image(before, window)
    assert inked(mine) > 300  # the link shows there, dashed along the same curve
    assert outside(mine, theirs) == 0 and inked(mine) < inked(theirs) * 0.8
    assert differing(mine, window_image(ours, window, halves=True)) < 40  # repaints meet
    empty = window_image(ours, QRectF(900, 19_800, 300, 300))
    assert inked(empty) == 0


def test_the_link_layer_holds_every_link_as_the_map_grows(qtbot):
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QUndoStack

    from editor.canvas.render import paint_scene
    from editor.canvas.scene import JourneyScene
    from editor.document.controller import EditController
    from model import CardKind, CardLink

    journey = generated_map(300)
    ideas = [c for c in journey.card_ids() if journey.card(c).kind == CardKind.IDEA]
    pains = [c for c in journey.card_ids() if journey.card(c).kind == CardKind.PAIN_POINT]
    for n, (idea, pain) in enumerate(zip(ideas, pains, strict=False)):
        journey.add_link(CardLink(f"k{n}", idea, pain))
    scene = JourneyScene(EditController(journey, QUndoStack()))
    layer = scene.annotations.link_layer
    assert layer.flags() & QGraphicsItem.GraphicsItemFlag.ItemContainsChildrenInShape
    for _ in range(120):  # a much taller first row: every row below, and its links, move down
        scene.controller.add_card(CardKind.NOTE, "s0", "l0", 0, title="x " * 30)
    assert scene.annotations.links
    scene.controller.undo_stack.undo()  # and one row less tall again
    boxes = scene.layout.cards
    paint_scene(scene, scene.sceneRect(), QSize(300, 3000))  # shown: the links follow their cards
    for item in scene.annotations.links.values():
        assert item.parentItem() is layer
        assert layer.sceneBoundingRect().contains(item.sceneBoundingRect())
        start, *_, end = link_points(boxes[item.source].rect, boxes[item.target].rect)
        assert item.mapToScene(item._points[0]) == start  # the curve joins the cards' places
        assert item.mapToScene(item._points[3]) == end
    scene.detach()
