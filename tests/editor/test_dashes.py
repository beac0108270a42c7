"""Links drawn as dashed chords (editor.canvas.dashes) look like Qt's dashed curve, and cost what
shows of them: a window crossed by a link draws the same few chords whether the link is 2,000 or
200,000 units long. Text lines drawn as kept QStaticTexts are pixel for pixel Qt's drawText."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsScene

import editor.canvas.dashes as dashes
from editor.canvas.links import LINK_INK, LINK_WIDTH, LinkItem
from editor.canvas.painting import ascent, cached_font, draw_lines, static_line
from editor.fonts import register_bundled_fonts
from model.layout.grid import Rect


def canvas(width: int = 400, height: int = 300) -> tuple[QImage, QPainter]:
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    return image, painter


def far_apart(a: QImage, b: QImage, levels: int = 64) -> int:
    """Pixels whose colours differ by more than ``levels`` in some channel."""
    def channels(pixel: int) -> tuple[int, ...]:
        return tuple((pixel >> shift) & 255 for shift in (0, 8, 16))
    return sum(max(abs(p - q) for p, q in zip(channels(a.pixel(x, y)), channels(b.pixel(x, y)),
                                               strict=True)) > levels
               for x in range(a.width()) for y in range(a.height()))


def ink(image: QImage) -> int:
    """How much darker than white the image is, over all its pixels."""
    return sum(765 - sum((image.pixel(x, y) >> shift) & 255 for shift in (0, 8, 16))
               for x in range(image.width()) for y in range(image.height()))


def inked(image: QImage) -> int:
    white = QColor("white").rgba()
    return sum(image.pixel(x, y) != white for x in range(image.width()) for y in range(image.height()))


CURVES = [((20.0, 20.0), (20.0, 160.0), (380.0, 120.0), (380.0, 280.0)),  # an S across the window
          ((30.0, 280.0), (200.0, -150.0), (250.0, 400.0), (370.0, 30.0))]  # a tight bend


@pytest.mark.parametrize("cubic", CURVES)
def test_dashed_chords_look_like_qts_dashed_curve(qapp, cubic):
    ours, painter = canvas()
    dashes.draw_dashed(painter, cubic, dashes.length_table(cubic), LINK_INK, LINK_WIDTH)
    painter.end()
    qts, painter = canvas()
    path = QPainterPath(QPointF(*cubic[0]))
    path.cubicTo(QPointF(*cubic[1]), QPointF(*cubic[2]), QPointF(*cubic[3]))
    painter.setPen(QPen(LINK_INK, LINK_WIDTH, Qt.PenStyle.DashLine))
    painter.drawPath(path)
    painter.end()
    assert inked(ours) > 500
    assert far_apart(ours, qts) < inked(qts) * 0.03  # a dash end a fraction of a pixel off
    assert abs(ink(ours) - ink(qts)) < ink(qts) * 0.03  # as dark, dash for dash


def test_dashes_continue_across_a_cut_and_the_length_table_is_exact(qapp):
    cubic = CURVES[0]
    table = dashes.length_table(cubic)
    fine = sum(((dashes.at(cubic, (k + 1) / 4000)[0] - dashes.at(cubic, k / 4000)[0]) ** 2
                + (dashes.at(cubic, (k + 1) / 4000)[1] - dashes.at(cubic, k / 4000)[1]) ** 2) ** 0.5
               for k in range(4000))
    assert table[-1] == pytest.approx(fine, abs=1e-3)
    whole, painter = canvas()
    dashes.draw_dashed(painter, cubic, table, LINK_INK, LINK_WIDTH)
    painter.end()
    halves, painter = canvas()
    dashes.draw_dashed(painter, cubic, table, LINK_INK, LINK_WIDTH, 0.0, 0.4)
    dashes.draw_dashed(painter, cubic, table, LINK_INK, LINK_WIDTH, 0.4, 1.0)
    painter.end()
    assert far_apart(whole, halves) < 12  # only at the seam


@pytest.mark.parametrize("tall", [2_000, 20_000, 200_000])
def test_a_window_on_a_long_link_draws_a_few_short_chords_however_long_it_is(qapp, monkeypatch,
                                                                            tall):
    drawn: list[float] = []
    chord = dashes.QLineF

    def counted(*ends):
        line = chord(*ends)
        drawn.append(line.length())
        return line

    monkeypatch.setattr(dashes, "QLineF", counted)
    link = LinkItem("k", "idea", "pain")
    link.set_ends(Rect(100, tall, 190, 60), Rect(1500, 0, 190, 60))
    scene = QGraphicsScene()
    scene.addItem(link)
    middle = link.mapToScene(QPointF(*dashes.at(link._dash_geometry()[0], 0.5)))
    window = QRectF(middle.x() - 200, middle.y() - 150, 400, 300)
    image, painter = canvas()
    scene.render(painter, QRectF(0, 0, 400, 300), window)
    painter.end()
    assert inked(image) > 100  # the link shows there
    assert 1 <= len(drawn) <= 8  # a few chords, not the curve's length worth
    assert sum(drawn) < 1_000  # the stretch by the window (the link is at least 2,000 long)


def test_text_lines_are_drawn_as_qts_draw_text_draws_them(qapp):
    register_bundled_fonts()
    lines = ["設定が複雑すぎる kick-off call", "NPS — ヘルプページを検索", "▲5 · Web"]
    ours, painter = canvas()
    painter.setPen(QColor("#1d1d1d"))
    draw_lines(painter, lines, 8.0, 24.0, 10.5, 14)
    draw_lines(painter, lines, 8.5, 120.25, 13, 17, bold=True)
    painter.end()
    qts, painter = canvas()
    painter.setPen(QColor("#1d1d1d"))
    for top, x, size, leading, bold in ((24.0, 8.0, 10.5, 14, False), (120.25, 8.5, 13, 17, True)):
        painter.setFont(cached_font(size, bold))
        for n, line in enumerate(lines):
            baseline = top + ascent(size, bold) + (leading - size) / 2 + n * leading
            painter.drawText(QPointF(x, baseline), line)
    painter.end()
    assert inked(ours) > 1000
    assert far_apart(ours, qts, levels=0) == 0
    before = static_line.cache_info().misses
    again, painter = canvas()
    draw_lines(painter, lines, 8.0, 24.0, 10.5, 14)
    painter.end()
    assert static_line.cache_info().misses == before  # shaped once, kept
