"""Dashed curves drawn the fast way: a piece of a cubic as a few straight chords, each a dashed
line whose dashes continue those of the chords before it.

Why: Qt's raster engine strokes a dashed *curve* (``drawPath``) by building the outline of every
dash and filling it with its antialiasing rasteriser, which splits a tall outline into bands and
walks it again for each: a link stretch 1,600 pixels tall cost 3-5 ms, whatever the zoom (1,554 of
them cross the middle of a 50,000-card map). A dashed straight line (``drawLine``) takes Qt's
line rasteriser instead, dash by dash: about 15 times less. So the piece of the curve that shows is
cut into chords flat to within ``FLATNESS`` of a device pixel, and each chord is drawn with the dash
offset of the length walked so far; the dashes fall where they would on the whole curve.

The look is the dashed pen's: Qt's dash line is 4 widths on, 2 off, and each dash gets square caps
(half a width more at each end). Drawn as chords, a dash cut at a chord's end would get two caps
that overlap, darkening the see-through ink; so the chords use flat caps and the caps' length is
put into the pattern instead (5 on, 1 off, half a width earlier): the same dashes, joined without
overlap. A painter that records rather than rasterises (an SVG) gets the curve itself.
Imports: PySide6.
"""
from __future__ import annotations

import math

from PySide6.QtCore import QLineF, QPointF, Qt
from PySide6.QtGui import QColor, QPaintEngine, QPainter, QPainterPath, QPen

FLATNESS = 0.25  # device pixels: how far a chord may stray from the curve
MAX_DEPTH = 6  # halvings: at most 64 chords
STEPS = 16  # parameter steps of a curve's length table
# Qt.DashLine with square caps, as flat-capped dashes: (on, off) in pen widths, and the shift.
FLAT_PATTERN, FLAT_SHIFT = (5.0, 1.0), 0.5
Cubic = tuple[tuple[float, float], tuple[float, float], tuple[float, float], tuple[float, float]]


def draw_dashed(painter: QPainter, cubic: Cubic, lengths: list[float], ink: QColor,
                width: float, a: float = 0.0, b: float = 1.0) -> None:
    """Draw the piece between parameters ``a`` and ``b`` of ``cubic`` with a dashed ``width`` pen,
    its dashes in step with the whole curve's (``lengths``: its ``length_table``)."""
    piece = cut(cubic, a, b)
    walked = length_to(cubic, lengths, a)
    if painter.paintEngine().type() != QPaintEngine.Type.Raster:
        pen = QPen(ink, width, Qt.PenStyle.DashLine)
        pen.setDashOffset(walked / width)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(_path(piece))
        return
    pen = QPen(ink, width, Qt.PenStyle.CustomDashLine, Qt.PenCapStyle.FlatCap)
    pen.setDashPattern(FLAT_PATTERN)
    previous = piece[0]
    for point in chord_points(piece, FLATNESS / max(_scale(painter), 1e-6)):
        pen.setDashOffset(walked / width + FLAT_SHIFT)
        painter.setPen(pen)
        painter.drawLine(QLineF(*previous, *point))
        walked += math.dist(previous, point)
        previous = point


def chord_points(piece: Cubic, tolerance: float, depth: int = 0) -> list[tuple[float, float]]:
    """The ends of chords (after the piece's start) that stay within ``tolerance`` of the cubic:
    halves it until each half is flat (its curve strays from its chord at most 3/4 of its
    farther control point's distance from that chord)."""
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = piece
    dx, dy = x3 - x0, y3 - y0
    span = math.hypot(dx, dy)
    if span > 1e-9:
        far = max(abs((x1 - x0) * dy - (y1 - y0) * dx), abs((x2 - x0) * dy - (y2 - y0) * dx)) / span
    else:
        far = max(math.dist(piece[0], piece[1]), math.dist(piece[0], piece[2]))
    if 0.75 * far <= tolerance or depth >= MAX_DEPTH:
        return [piece[3]]
    first, second = _split(piece, 0.5)
    return chord_points(first, tolerance, depth + 1) + chord_points(second, tolerance, depth + 1)


def at(piece: Cubic, t: float) -> tuple[float, float]:
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = piece
    s = 1 - t
    a, b, c, d = s * s * s, 3 * s * s * t, 3 * s * t * t, t * t * t
    return a * x0 + b * x1 + c * x2 + d * x3, a * y0 + b * y1 + c * y2 + d * y3


def cut(points: Cubic, a: float, b: float) -> Cubic:
    """The piece of the cubic between parameters ``a`` and ``b`` (de Casteljau)."""
    tail = _split(points, a)[1] if a > 0 else points
    return _split(tail, (b - a) / (1 - a))[0] if b < 1 else tail


def length_table(cubic: Cubic) -> list[float]:
    """The cubic's length up to each of ``STEPS`` + 1 equal parameter steps (Gauss-Legendre over
    each step: under a thousandth of a unit off for a link 100,000 units long)."""
    table = [0.0]
    for k in range(STEPS):
        table.append(table[-1] + _length(cubic, k / STEPS, (k + 1) / STEPS))
    return table


def length_to(cubic: Cubic, table: list[float], t: float) -> float:
    """The cubic's length from its start to parameter ``t``."""
    k = min(int(t * STEPS), STEPS - 1)
    return table[k] + _length(cubic, k / STEPS, t)


def _length(cubic: Cubic, lo: float, hi: float) -> float:
    half = (hi - lo) / 2
    if half <= 0:
        return 0.0
    return sum(weight * math.hypot(*_velocity(cubic, lo + (node + 1) * half)) * half
               for node, weight in _GAUSS)


_GAUSS = ((0.0, 128 / 225), (-0.5384693101056831, 0.4786286704993665),
          (0.5384693101056831, 0.4786286704993665), (-0.9061798459386640, 0.2369268850561891),
          (0.9061798459386640, 0.2369268850561891))


def _velocity(piece: Cubic, t: float) -> tuple[float, float]:
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = piece
    s = 1 - t
    a, b, c = 3 * s * s, 6 * s * t, 3 * t * t
    return (a * (x1 - x0) + b * (x2 - x1) + c * (x3 - x2),
            a * (y1 - y0) + b * (y2 - y1) + c * (y3 - y2))


def _split(p: Cubic, t: float) -> tuple[Cubic, Cubic]:
    p01, p12, p23 = _lerp(p[0], p[1], t), _lerp(p[1], p[2], t), _lerp(p[2], p[3], t)
    p012, p123 = _lerp(p01, p12, t), _lerp(p12, p23, t)
    middle = _lerp(p012, p123, t)
    return (p[0], p01, p012, middle), (middle, p123, p23, p[3])


def _lerp(p: tuple[float, float], q: tuple[float, float], t: float) -> tuple[float, float]:
    return p[0] + (q[0] - p[0]) * t, p[1] + (q[1] - p[1]) * t


def _path(piece: Cubic) -> QPainterPath:
    path = QPainterPath(QPointF(*piece[0]))
    path.cubicTo(QPointF(*piece[1]), QPointF(*piece[2]), QPointF(*piece[3]))
    return path


def _scale(painter: QPainter) -> float:
    """Device pixels per unit along the painter's larger axis."""
    t = painter.worldTransform()
    return max(math.hypot(t.m11(), t.m12()), math.hypot(t.m21(), t.m22()))
