"""Scene items: thin views of cards and of stage and lane headers (transitions:
editor.canvas.transition_item; emotion curves: emotion_item).

Each item is keyed by the model id it shows, holds the entity and the geometry the scene hands it,
and only paints. Items never change the model: the scene turns drags and edits into controller
calls. Imports: PySide6, model (entities, layout, appearance), editor.canvas.painting.
"""
from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem

from editor.canvas.authorship import card_tooltip
from editor.canvas.card_frames import draw_card_frame
from editor.canvas.detail import LOD_DETAIL, level_of_detail, paint_card_title, paint_header_name
from editor.canvas.painting import TITLE_COLOUR, cached_font, card_style, draw_lines
from editor.canvas.tooltips import wrapped_tooltip
from model import Card, Lane, Stage
from model.layout.appearance import CARD_MARKERS, HEADER_FILL, HEADER_TEXT, LANE_FILL
from model.layout.grid import (
    CARD_KIND_STRIP,
    CARD_PADDING,
    CELL_PADDING,
    HEADER_NAME_LEADING,
    HEADER_NAME_SIZE,
    HEADER_TEXT_LEADING,
    HEADER_TEXT_SIZE,
    SMALL_SIZE,
    TITLE_LEADING,
    TITLE_SIZE,
    CardBox,
    Rect,
)

SELECTION_COLOUR = QColor("#1a73e8")
SHADOW_COLOUR = QColor(0, 0, 0, 38)
KIND_LABEL_INK, FOOTER_INK = QColor("#555555"), QColor("#5b5b5b")
SELECTION_PEN = 2.5
SELECTION_GAP = 2.5  # a card's selection outline runs this far outside the card
SHADOW_OFFSET = QPointF(1.5, 2.5)
# How far a card paints outside its rectangle: the outline's outer edge, plus one unit for the
# antialiased fringe. Qt repaints only an item's bounding rect when it moves; anything painted
# beyond it stays on screen as a trail (issue 10, item 6).
CARD_PAINT_MARGIN = SELECTION_GAP + SELECTION_PEN / 2 + 1
CARD_Z = 10
# Combined once: combining Qt flags is Python-level enum work, measurable over 10,000 cards.
_CARD_FLAGS = (QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
               | QGraphicsItem.GraphicsItemFlag.ItemIsMovable
               | QGraphicsItem.GraphicsItemFlag.ItemIsFocusable)


class ElementItem(QGraphicsItem):
    """Base of the items that show one model element: remembers its id and kind."""

    kind = ""
    paint_margin = 1.0  # how far paint may reach outside the element's rectangle
    # Empty until the scene gives a rectangle. Both are replaced, never changed in place, so
    # every new item can share these (a map opens with 50,000 cards).
    _size = QRectF()
    _bounds = QRectF()  # asked for by Qt at every move: made once per size

    def __init__(self, element_id: str) -> None:
        super().__init__()
        self.element_id = element_id

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        path = QPainterPath()  # hits only the element itself, not its shadow
        path.addRect(self._size)
        return path

    def set_rect(self, rect: Rect) -> None:
        """Move/resize to a layout rectangle; a no-op when nothing changed (incremental updates)."""
        size = QRectF(0, 0, rect.w, rect.h)
        if size != self._size:
            self._resize(size)
        if self.pos() != QPointF(rect.x, rect.y):
            self.setPos(rect.x, rect.y)

    def _resize(self, size: QRectF) -> None:
        self.prepareGeometryChange()
        self._size = size
        m = self.paint_margin
        self._bounds = size.adjusted(-m, -m, m, m)

    def rect(self) -> QRectF:
        return QRectF(self._size)


class CardItem(ElementItem):
    """A card. It is always shown as a child of its cell's chunk (editor.canvas.card_layers),
    which stacks it at CARD_Z: the card's own z would only order it among its chunk's cards,
    which all have the same one (setting it cost a tenth of making the item)."""

    kind = "card"
    paint_margin = max(CARD_PAINT_MARGIN, SHADOW_OFFSET.y() + 1)
    home = QPointF(-1e9, -1e9)  # where it sits in its chunk, unless dragged: replaced, not changed

    def __init__(self, card: Card, kind_label: str = "",
                 segment_colours: tuple[str, ...] = ()) -> None:
        super().__init__(card.id)
        self.card = card
        self.box: CardBox | None = None
        self._tooltip_made = False
        self.kind_label = kind_label
        self.segment_colours = segment_colours
        self.setFlags(_CARD_FLAGS)
        self.setCursor(Qt.CursorShape.OpenHandCursor)

    def set_content(self, card: Card, kind_label: str, segment_colours: tuple[str, ...]) -> None:
        self.card, self.kind_label, self.segment_colours = card, kind_label, segment_colours
        if self._tooltip_made:  # shown before: keep it current; else made when first asked for
            self.prepare_tooltip()
        self.update()

    def prepare_tooltip(self) -> None:
        """Set the tooltip (the scene asks just before Qt shows it): wrapping every card's
        text when a map opens cost a fifth of building the canvas. A card hidden by a private
        round keeps the tooltip the workshop gave it (editor.canvas.card_marks)."""
        scene = self.scene()
        marks = getattr(scene, "card_marks", None)
        if marks is not None and marks.is_hidden(self.card):
            return
        self.setToolTip(card_tooltip(self.card, getattr(scene, "journey", None)))
        self._tooltip_made = True

    def toolTip(self) -> str:  # noqa: N802 (Qt's name) - for Python readers; Qt asks helpEvent
        if not self._tooltip_made:
            self.prepare_tooltip()
        return super().toolTip()

    def set_box(self, box: CardBox, top: float = 0.0) -> None:
        """Take the layout's box, placed ``top`` higher (the card's chunk starts there, see
        editor.canvas.card_layers): one position change when only that differs."""
        old, self.box = self.box, box
        home = QPointF(box.rect.x, box.rect.y - top)
        moved, self.home = home != self.home, home
        if old is None or box.rect.w != old.rect.w or box.rect.h != old.rect.h:
            self._resize(QRectF(0, 0, box.rect.w, box.rect.h))
        elif box.title_lines == old.title_lines and box.footer == old.footer:
            if moved:
                self.setPos(home)
            return
        self.setPos(home)
        self.update()

    def place_new(self, box: CardBox, top: float) -> None:
        """set_box for a card not in a scene yet (a map opening): nothing to repaint or to
        tell Qt's index, so only the rectangles and the position are set."""
        self.box, rect, m = box, box.rect, self.paint_margin
        self._size = QRectF(0, 0, rect.w, rect.h)
        self._bounds = QRectF(-m, -m, rect.w + 2 * m, rect.h + 2 * m)
        self.home = QPointF(rect.x, rect.y - top)
        self.setPos(self.home)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        clip = painter.clipBoundingRect()  # QGraphicsScene.render paints a whole chunk: skip
        if not clip.isEmpty() and not clip.intersects(self.boundingRect()):  # what is outside
            return
        rect, lod = self.rect(), level_of_detail(painter)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        marks = getattr(self.scene(), "card_marks", None)  # the workshop's (editor.canvas.card_marks)
        if marks is not None and marks.paint_instead(painter, self, lod):
            return
        if lod >= LOD_DETAIL:  # the whole card is one look: copied while nothing in it changes
            lines = self.box.title_lines if self.box else (self.card.title,)
            footer = self.box.footer if self.box else ""  # never a vote total: dots show those
            look = (self.card.kind, self.card.colour, True, self.kind_label, lines, footer,
                    self.segment_colours)
            draw_card_frame(painter, rect, look, self._card_painter(lines, footer),
                            self.paint_margin)
        else:  # zoomed out: the title only, grown to stay readable (editor.canvas.detail)
            look = (self.card.kind, self.card.colour, False)
            draw_card_frame(painter, rect, look, self._frame_painter(False), self.paint_margin)
            paint_card_title(painter, self.card.title, rect.width(), rect.height(), lod)
        if self.isSelected():
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(SELECTION_COLOUR, SELECTION_PEN))
            gap = SELECTION_GAP
            painter.drawRoundedRect(rect.adjusted(-gap, -gap, gap, gap), 4, 4)
        if marks is not None:
            marks.paint_over(painter, self, lod)

    def _frame_painter(self, detail: bool):
        """What draws the frame (editor.canvas.card_frames): the shadow, the note with its
        border and, in detail, the kind marker."""
        fill, border, marker, marker_colour = card_style(self.card.kind, self.card.colour)

        def paint(painter: QPainter, rect: QRectF) -> None:
            if detail:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(SHADOW_COLOUR)
                painter.drawRoundedRect(rect.translated(SHADOW_OFFSET), 3, 3)
            painter.setBrush(fill)
            painter.setPen(border)
            painter.drawRoundedRect(rect, 3, 3)
            if detail:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(marker_colour)
                painter.drawPath(marker)
        return paint

    def _card_painter(self, lines, footer: str):
        """What draws the whole card at 100 % detail (editor.canvas.card_frames): its frame,
        segment dots, kind label, title lines and footer."""
        frame = self._frame_painter(True)
        kind, segments, label = self.card.kind, self.segment_colours, self.kind_label

        def paint(painter: QPainter, rect: QRectF) -> None:
            frame(painter, rect)
            _paint_segments(painter, rect, segments)
            _paint_text(painter, rect, kind, label, lines, footer)
        return paint


def _paint_segments(painter: QPainter, rect: QRectF, colours: tuple[str, ...]) -> None:
    painter.setPen(Qt.PenStyle.NoPen)
    x = rect.x() + rect.width() - CARD_PADDING - 7
    for seg_colour in colours:
        painter.setBrush(QColor(seg_colour))
        painter.drawEllipse(QRectF(x, rect.y() + CARD_PADDING, 7, 7))
        x -= 9


def _paint_text(painter: QPainter, rect: QRectF, kind, label: str, lines, footer: str) -> None:
    left, top = rect.x() + CARD_PADDING, rect.y() + CARD_PADDING
    painter.setPen(KIND_LABEL_INK)
    text_x = left + (16 if CARD_MARKERS[kind] != "none" else 0)
    draw_lines(painter, [label], text_x, top - 2, SMALL_SIZE, 12)
    painter.setPen(TITLE_COLOUR)
    bottom = draw_lines(painter, lines, left, top + CARD_KIND_STRIP, TITLE_SIZE, TITLE_LEADING)
    if footer:
        painter.setPen(FOOTER_INK)
        draw_lines(painter, [footer], left, bottom + 1, SMALL_SIZE, 13)


class HeaderItem(ElementItem):
    """A stage or lane header; draggable along one axis to reorder."""

    axis = Qt.Orientation.Horizontal

    def __init__(self, element_id: str) -> None:
        super().__init__(element_id)
        self.setFlags(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
                      | QGraphicsItem.GraphicsItemFlag.ItemIsMovable
                      | QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges)
        self.setZValue(5)
        self._home = QPointF()

    def set_rect(self, rect: Rect) -> None:
        self._home = QPointF(rect.x, rect.y)
        super().set_rect(rect)

    def itemChange(self, change, value):
        # Headers slide only along their axis while dragged; the drop decides the new index.
        if change == QGraphicsItem.GraphicsItemChange.ItemPositionChange:
            if self.axis == Qt.Orientation.Horizontal:
                return QPointF(value.x(), self._home.y())
            return QPointF(self._home.x(), value.y())
        return super().itemChange(change, value)

    def is_dragged(self) -> bool:
        return (self.pos() - self._home).manhattanLength() > 4

    def snap_home(self) -> None:
        self.setPos(self._home)

    def _paint_frame(self, painter: QPainter, fill: QColor) -> None:
        painter.setPen(QPen(QColor("#ffffff"), 1))
        painter.setBrush(fill)
        painter.drawRect(self.rect())
        if self.isSelected():
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(SELECTION_COLOUR, 3))
            painter.drawRect(self.rect().adjusted(1.5, 1.5, -1.5, -1.5))


class StageHeaderItem(HeaderItem):
    kind = "stage"
    axis = Qt.Orientation.Horizontal

    def __init__(self, stage: Stage) -> None:
        super().__init__(stage.id)
        self.stage = stage
        self.setAcceptHoverEvents(True)
        # Set by the hover events, not read from the pointer while painting (isUnderMouse): a
        # header repainted under a pointer that never entered it (during a knob drag, which
        # takes the mouse moves) would keep a knob that no hover-leave ever clears (item 7).
        self._hovered = False
        self.name_lines: tuple[str, ...] = ()
        self.overview_lines: tuple[str, ...] = ()

    def set_content(self, stage: Stage, name_lines, overview_lines) -> None:
        self.stage, self.name_lines, self.overview_lines = stage, name_lines, overview_lines
        self.setToolTip(wrapped_tooltip(stage.overview))
        self.update()

    def paint(self, painter: QPainter, option, widget=None) -> None:
        self._paint_frame(painter, QColor(HEADER_FILL))
        painter.setPen(QColor(HEADER_TEXT))
        lod = level_of_detail(painter)
        if lod < LOD_DETAIL:  # zoomed out: the name only, grown to stay readable
            paint_header_name(painter, self.stage.name, self.rect().width(), self.rect().height(),
                              HEADER_NAME_SIZE, lod)
            self._paint_link_handle(painter)
            return
        y = draw_lines(painter, self.name_lines, CELL_PADDING, CELL_PADDING - 2, HEADER_NAME_SIZE,
                       HEADER_NAME_LEADING, bold=True)
        painter.setPen(QColor("#c9d3de"))
        draw_lines(painter, self.overview_lines, CELL_PADDING, y + 2, HEADER_TEXT_SIZE,
                   HEADER_TEXT_LEADING)
        self._paint_link_handle(painter)
        if self.stage.exit_criteria:
            painter.setPen(QColor("#ffd36b"))
            painter.setFont(cached_font(HEADER_TEXT_SIZE))
            text = f"⚑ {len(self.stage.exit_criteria)}"
            painter.drawText(QRectF(0, 0, self.rect().width() - 8, self.rect().height() - 4),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom, text)


    def link_handle_rect(self) -> QRectF:
        """The knob to drag a transition from (right edge, middle), in item coordinates."""
        return QRectF(self.rect().width() - 22, self.rect().height() / 2 - 9, 18, 18)

    def knob_shown(self) -> bool:
        return self.isSelected() or self._hovered

    def set_hovered(self, hovered: bool) -> None:
        if hovered != self._hovered:
            self._hovered = hovered
            self.update(self.link_handle_rect().adjusted(-2, -2, 2, 2))

    def _paint_link_handle(self, painter: QPainter) -> None:
        if not self.knob_shown():
            return
        rect = self.link_handle_rect()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor("#ffffff"), 1.5))
        painter.setBrush(QColor("#1a73e8"))
        painter.drawEllipse(rect)
        painter.drawLine(QPointF(rect.left() + 5, rect.center().y()),
                         QPointF(rect.right() - 5, rect.center().y()))
        painter.drawLine(QPointF(rect.right() - 8, rect.top() + 6), QPointF(rect.right() - 5,
                                                                            rect.center().y()))
        painter.drawLine(QPointF(rect.right() - 8, rect.bottom() - 6), QPointF(rect.right() - 5,
                                                                               rect.center().y()))

    def hoverEnterEvent(self, event) -> None:
        self.set_hovered(True)

    def hoverMoveEvent(self, event) -> None:
        self.set_hovered(True)

    def hoverLeaveEvent(self, event) -> None:
        self.set_hovered(False)


class LaneHeaderItem(HeaderItem):
    kind = "lane"
    axis = Qt.Orientation.Vertical

    def __init__(self, lane: Lane) -> None:
        super().__init__(lane.id)
        self.lane = lane
        self.name_lines: tuple[str, ...] = ()
        self.kind_label = ""

    def set_content(self, lane: Lane, name_lines, kind_label: str) -> None:
        self.lane, self.name_lines, self.kind_label = lane, name_lines, kind_label
        self.update()

    def paint(self, painter: QPainter, option, widget=None) -> None:
        self._paint_frame(painter, QColor(LANE_FILL))
        painter.setPen(QColor("#24303c"))
        lod = level_of_detail(painter)
        if lod < LOD_DETAIL:
            paint_header_name(painter, self.lane.name, self.rect().width(), self.rect().height(),
                              HEADER_NAME_SIZE - 1, lod)
            return
        y = draw_lines(painter, self.name_lines, CELL_PADDING, CELL_PADDING, HEADER_NAME_SIZE - 1,
                       HEADER_NAME_LEADING, bold=True)
        if self.kind_label != self.lane.name:  # "Touchpoints (touchpoints)" says nothing
            painter.setPen(QColor("#6b7785"))
            draw_lines(painter, [self.kind_label], CELL_PADDING, y + 2, SMALL_SIZE, 12)
