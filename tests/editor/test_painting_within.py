"""draw_rect_within: a rectangle far larger than the painted area is drawn only where it shows,
with the same pixels there, and its dashes meet across separately painted areas."""
from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen

from editor.canvas.painting import draw_rect_within

CELL = QRectF(40, 30, 210, 90_000)  # a cell of a 50,000-card map


def painted(pen: QPen, areas: list[QRectF], direct: bool = False) -> QImage:
    image = QImage(400, 300, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("#f4f5f7"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(pen)
    painter.setBrush(QColor(26, 115, 232, 30))
    for area in areas:
        painter.save()
        painter.setClipRect(area)
        painter.drawRect(CELL) if direct else draw_rect_within(painter, CELL, area)
        painter.restore()
    painter.end()
    return image


def differing_pixels(a: QImage, b: QImage) -> int:
    return sum(a.pixel(x, y) != b.pixel(x, y) for x in range(a.width()) for y in range(a.height()))


def test_a_solid_outline_looks_the_same_where_it_shows(qapp):
    pen = QPen(QColor("#c9ced6"), 1)
    window = [QRectF(0, 0, 400, 300)]
    assert differing_pixels(painted(pen, window), painted(pen, window, direct=True)) == 0


def test_dashes_meet_across_areas_painted_apart(qapp):
    pen = QPen(QColor("#1a73e8"), 3, Qt.PenStyle.DashLine)
    whole = painted(pen, [QRectF(0, 0, 400, 300)])
    halves = painted(pen, [QRectF(0, 0, 400, 137), QRectF(0, 137, 400, 163)])
    assert differing_pixels(whole, halves) == 0
    assert differing_pixels(whole, painted(QPen(Qt.PenStyle.NoPen), [QRectF(0, 0, 400, 300)])) > 0
