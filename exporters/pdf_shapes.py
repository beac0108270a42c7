"""Drawing primitives for the PDF poster in layout coordinates: the y flip, kind markers, arrows.

The layout's y axis points down, reportlab's up. The poster transform puts the layout's origin at
the poster's top-left corner, so ``up(y) = -y`` is the whole flip: every drawing call goes through
``up`` or ``pdf_rect`` and nothing else converts coordinates. Imports reportlab and model only.
"""
from __future__ import annotations

import functools
import math
from collections.abc import Iterable

from reportlab.lib.colors import Color
from reportlab.lib.colors import HexColor as _parse_colour
from reportlab.pdfgen.canvas import Canvas

from model.layout.grid import Rect


@functools.lru_cache(maxsize=512)
def HexColor(text: str) -> Color:  # noqa: N802 - reportlab's name, parsed once per colour
    """reportlab's colour of ``text``; a poster asks for the same few colours thousands of times."""
    return _parse_colour(text)

Point = tuple[float, float]


def up(y: float) -> float:
    """A layout y (pointing down) in the poster's canvas space (pointing up): the one flip."""
    return -y


def pdf_rect(rect: Rect) -> tuple[float, float, float, float]:
    """x, y, w, h of a layout rectangle for canvas.rect (whose y is the bottom edge)."""
    return rect.x, up(rect.bottom), rect.w, rect.h


def polygon(canvas: Canvas, points: Iterable[Point], fill: str, stroke: str | None = None) -> None:
    path = canvas.beginPath()
    for i, (x, y) in enumerate(points):
        (path.lineTo if i else path.moveTo)(x, up(y))
    path.close()
    canvas.setFillColor(HexColor(fill))
    if stroke:
        canvas.setStrokeColor(HexColor(stroke))
    canvas.drawPath(path, stroke=1 if stroke else 0, fill=1)


def _star(cx: float, cy: float, r: float) -> list[Point]:
    points = []
    for k in range(10):
        angle = math.radians(-90 + 36 * k)
        radius = r if k % 2 == 0 else r * 0.45
        points.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    return points


def _scaled(cx: float, cy: float, r: float, unit: Iterable[Point]) -> list[Point]:
    return [(cx + u * r, cy + v * r) for u, v in unit]


_BOLT = ((0.25, -1.0), (-0.6, 0.15), (-0.05, 0.15), (-0.3, 1.0), (0.6, -0.2), (0.05, -0.2))
_FLAG = ((-0.55, -0.95), (0.85, -0.5), (-0.55, -0.05))


def draw_marker(canvas: Canvas, shape: str, cx: float, cy: float, r: float, ink: str) -> None:
    """One kind marker centred at (cx, cy) with radius ``r``, in layout coordinates."""
    if shape == "star":
        polygon(canvas, _star(cx, cy, r), ink)
    elif shape == "bolt":
        polygon(canvas, _scaled(cx, cy, r, _BOLT), ink)
    elif shape == "circle":
        canvas.setFillColor(HexColor(ink))
        canvas.circle(cx, up(cy), r * 0.7, stroke=0, fill=1)
    elif shape == "bulb":
        _bulb(canvas, cx, cy, r, ink)
    elif shape == "flag":
        _flag(canvas, cx, cy, r, ink)
    elif shape == "bars":
        _bars(canvas, cx, cy, r, ink)


def _bulb(canvas: Canvas, cx: float, cy: float, r: float, ink: str) -> None:
    canvas.setFillColor(HexColor(ink))
    canvas.circle(cx, up(cy - 0.25 * r), 0.62 * r, stroke=0, fill=1)
    canvas.rect(cx - 0.28 * r, up(cy + 0.95 * r), 0.56 * r, 0.55 * r, stroke=0, fill=1)


def _flag(canvas: Canvas, cx: float, cy: float, r: float, ink: str) -> None:
    canvas.setStrokeColor(HexColor(ink))
    canvas.setLineWidth(max(r * 0.18, 0.5))
    canvas.line(cx - 0.55 * r, up(cy - r), cx - 0.55 * r, up(cy + r))
    polygon(canvas, _scaled(cx, cy, r, _FLAG), ink)


def _bars(canvas: Canvas, cx: float, cy: float, r: float, ink: str) -> None:
    canvas.setFillColor(HexColor(ink))
    width = 0.5 * r
    for i, height in enumerate((0.8, 1.4, 2.0)):
        x = cx - r + i * 0.75 * r
        canvas.rect(x, up(cy + r), width, height * r, stroke=0, fill=1)


def arrowhead(canvas: Canvas, tip: Point, towards_from: Point, size: float, ink: str) -> None:
    """A filled arrowhead at ``tip`` pointing away from ``towards_from`` (the curve's tangent)."""
    dx, dy = tip[0] - towards_from[0], tip[1] - towards_from[1]
    length = math.hypot(dx, dy) or 1.0
    ux, uy = dx / length, dy / length
    base = (tip[0] - ux * size, tip[1] - uy * size)
    half = size * 0.5
    left = (base[0] - uy * half, base[1] + ux * half)
    right = (base[0] + uy * half, base[1] - ux * half)
    polygon(canvas, (tip, left, right), ink)


def quad_to_cubic(start: Point, control: Point, end: Point) -> tuple[Point, Point]:
    """The two cubic control points that trace the same curve as a quadratic Bézier."""
    c1 = (start[0] + 2 / 3 * (control[0] - start[0]), start[1] + 2 / 3 * (control[1] - start[1]))
    c2 = (end[0] + 2 / 3 * (control[0] - end[0]), end[1] + 2 / 3 * (control[1] - end[1]))
    return c1, c2
