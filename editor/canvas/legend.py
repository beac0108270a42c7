"""The legend of the canvas (View → Legend, issue 10 item 20): each card kind with its colour and
marker, the idea → pain-point arrow and the journey paths drawn along the headers. A small panel
over the canvas's bottom-left corner, in the map's language like the cards' kind labels. It paints
with the cards' own style (editor.canvas.items.card_style), so it cannot drift from them.
Imports: PySide6, model, editor.canvas (items, annotations, painting).
"""
from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsView, QWidget

from editor.canvas.annotations import MAX_PATH_LINES
from editor.canvas.links import LINK_INK, arrow_head
from editor.canvas.painting import cached_font, card_style
from editor.i18n import tr
from model import CardKind
from model.layout.appearance import CARD_KIND_LABELS, label_language

ROW = 20
SWATCH = QSize(26, 15)
PADDING = 8
TEXT_SIZE = 9.0
MARGIN = 12  # from the canvas's edges


class KindLegend(QWidget):
    """Lives on the view (not in the scene): it stays put while the canvas scrolls and zooms."""

    def __init__(self, view: QGraphicsView) -> None:
        super().__init__(view)
        self.view = view
        self.setObjectName("legend")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.hide()

    def rows(self) -> list[tuple[str, str, object]]:
        """(what, label, detail) for each line: ("kind", label, CardKind), ("link", ...),
        ("path", name, colour)."""
        scene = self.view.scene()
        journey = getattr(scene, "journey", None)
        labels = CARD_KIND_LABELS[label_language(journey.language if journey else "en")]
        rows: list[tuple[str, str, object]] = [("kind", labels[kind], kind) for kind in CardKind]
        annotations = getattr(scene, "annotations", None)
        if annotations is not None and annotations.links_visible and journey.links():
            rows.append(("link", tr("Idea addresses pain point"), None))
        if annotations is not None and annotations.paths_visible:
            rows += [("path", path.name, path.colour) for path in journey.paths()[:MAX_PATH_LINES]]
        return rows

    def place(self) -> None:
        """Size to the rows and sit in the viewport's bottom-left corner."""
        rows = self.rows()
        font = cached_font(TEXT_SIZE)
        width = max(QFontMetricsF(font).horizontalAdvance(text) for _, text, _ in rows)
        self.resize(int(SWATCH.width() + width + 3 * PADDING), ROW * len(rows) + 2 * PADDING)
        frame = self.view.viewport().geometry()
        self.move(frame.left() + MARGIN, frame.bottom() - self.height() - MARGIN)
        self.raise_()
        self.update()

    def showEvent(self, event) -> None:
        self.place()
        super().showEvent(event)

    def paintEvent(self, event) -> None:
        if self.height() != ROW * len(self.rows()) + 2 * PADDING:
            QTimer.singleShot(0, self.place)  # a path or link came or went since it was sized
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor("#c9ced6"), 1))
        painter.setBrush(QColor(255, 255, 255, 235))
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6)
        for index, (what, text, detail) in enumerate(self.rows()):
            swatch = QRectF(PADDING, PADDING + index * ROW + (ROW - SWATCH.height()) / 2,
                            SWATCH.width(), SWATCH.height())
            getattr(self, f"_paint_{what}")(painter, swatch, detail)
            painter.setFont(cached_font(TEXT_SIZE))
            painter.setPen(QColor("#24303c"))
            painter.drawText(QRectF(swatch.right() + PADDING, PADDING + index * ROW,
                                    self.width(), ROW), Qt.AlignmentFlag.AlignVCenter, text)
        painter.end()

    def _paint_kind(self, painter: QPainter, swatch: QRectF, kind: CardKind) -> None:
        fill, border, marker, marker_colour = card_style(kind, "")
        painter.setPen(border)
        painter.setBrush(fill)
        painter.drawRoundedRect(swatch, 3, 3)
        painter.save()
        # The card's marker sits at (CARD_PADDING, CARD_PADDING - 1) in a card: bring it inside.
        painter.translate(swatch.left() + 7 - marker.boundingRect().left(),
                          swatch.top() + 1.5 - marker.boundingRect().top())
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(marker_colour)
        painter.drawPath(marker)
        painter.restore()

    def _paint_link(self, painter: QPainter, swatch: QRectF, _detail) -> None:
        start, end = QPointF(swatch.left(), swatch.center().y()), QPointF(swatch.right(), swatch.center().y())
        path = QPainterPath(start)
        path.lineTo(end)
        painter.setPen(QPen(LINK_INK, 1.6, Qt.PenStyle.DashLine))
        painter.drawPath(path)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(LINK_INK)
        painter.drawPolygon(arrow_head(start, end, 7))

    def _paint_path(self, painter: QPainter, swatch: QRectF, colour: str) -> None:
        y = swatch.center().y()
        painter.setPen(QPen(QColor(colour), 2.2))
        painter.drawLine(QPointF(swatch.left(), y), QPointF(swatch.right(), y))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(colour))
        for x in (swatch.left() + 3, swatch.right() - 3):
            painter.drawEllipse(QPointF(x, y), 3, 3)
