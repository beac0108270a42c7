"""Drawing primitives for the PowerPoint export: native, editable shapes with text in the
Japanese font set on every run.

PowerPoint picks the font of each character from the run's Latin, East Asian or complex-script
font attribute; a run with only a Latin font shows Japanese in whatever East Asian font the
viewer's theme has (often a Chinese one). Every run here gets all three. Lengths are EMU (python-
pptx's unit); callers convert from points with ``pt``. Imports python-pptx, lxml and model only.
"""
from __future__ import annotations

from collections.abc import Sequence

from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.oxml.xmlchemy import OxmlElement
from pptx.util import Emu, Pt

# Yu Gothic ships with Windows 8.1+ and macOS (游ゴシック); Meiryo is the older Windows default.
LATIN_FONT = "Yu Gothic"
EAST_ASIAN_FONT = "Yu Gothic"
COMPLEX_FONT = "Arial"  # Arabic, Hebrew, Thai: a font every PowerPoint has


def pt(points: float) -> Emu:
    return Emu(int(round(points * 12700)))


def rgb(colour: str) -> RGBColor:
    return RGBColor.from_string(colour.lstrip("#").upper())


def set_fonts(run) -> None:
    """The Latin, East Asian and complex-script fonts of one run (rPr children in schema order)."""
    rpr = run._r.get_or_add_rPr()
    rpr.get_or_add_latin().set("typeface", LATIN_FONT)
    for tag, face in (("a:ea", EAST_ASIAN_FONT), ("a:cs", COMPLEX_FONT)):
        found = rpr.find(qn(tag))
        if found is None:
            found = OxmlElement(tag)
            (rpr.find(qn("a:ea")) if tag == "a:cs" else rpr.find(qn("a:latin"))).addnext(found)
        found.set("typeface", face)
    rpr.set("lang", "ja-JP")
    rpr.set("altLang", "en-US")


def write_text(frame, lines: Sequence[str], size: float, ink: str = "#1f2933", bold: bool = False,
               align=PP_ALIGN.LEFT, anchor=MSO_ANCHOR.TOP, margin: float = 3.0) -> None:
    """Replace the frame's text with ``lines``, one paragraph each, every run with the font set."""
    frame.clear()
    frame.word_wrap = True
    frame.vertical_anchor = anchor
    frame.margin_left = frame.margin_right = pt(margin)
    frame.margin_top = frame.margin_bottom = pt(margin * 0.6)
    for i, line in enumerate(lines or [""]):
        paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        paragraph.alignment = align
        run = paragraph.add_run()
        run.text = line
        run.font.size = Pt(max(1.0, round(size * 2) / 2))
        run.font.bold = bold
        run.font.color.rgb = rgb(ink)
        set_fonts(run)


def box(shapes, x: float, y: float, w: float, h: float, fill: str | None, line: str | None,
        rounded: bool = False, line_width: float = 0.75):
    """A rectangle (rounded for cards) at points x, y, w, h; no shadow, as on the poster."""
    kind = MSO_SHAPE.ROUNDED_RECTANGLE if rounded else MSO_SHAPE.RECTANGLE
    shape = shapes.add_shape(kind, pt(x), pt(y), pt(max(w, 0.5)), pt(max(h, 0.5)))
    if rounded:
        shape.adjustments[0] = min(0.12, 6 / max(min(w, h), 1))
    if fill is None:
        shape.fill.background()
    else:
        shape.fill.solid()
        shape.fill.fore_color.rgb = rgb(fill)
    if line is None:
        shape.line.fill.background()
    else:
        shape.line.color.rgb = rgb(line)
        shape.line.width = pt(line_width)
    _plain(shape)
    return shape


def _plain(shape) -> None:
    """No theme style: python-pptx gives new shapes the theme's style, whose effects put a
    shadow under the shape and its text in some viewers; fill and line are set explicitly."""
    style = shape._element.find(qn("p:style"))
    if style is not None:
        shape._element.remove(style)


def polyline(shapes, points: Sequence[tuple[float, float]], ink: str, width: float,
             dashed: bool = False, arrow: bool = False):
    """An open freeform through ``points`` (in points); with ``arrow``, an arrowhead at its end."""
    builder = shapes.build_freeform(pt(points[0][0]), pt(points[0][1]), scale=1.0)
    builder.add_line_segments([(pt(x), pt(y)) for x, y in points[1:]], close=False)
    shape = builder.convert_to_shape()
    shape.fill.background()
    shape.line.color.rgb = rgb(ink)
    shape.line.width = pt(width)
    ln = shape.line._get_or_add_ln()
    if dashed:
        dash = OxmlElement("a:prstDash")
        dash.set("val", "dash")
        ln.append(dash)
    if arrow:
        tail = OxmlElement("a:tailEnd")
        tail.set("type", "triangle")
        ln.append(tail)
    _plain(shape)
    return shape


def quad_points(start, control, end, steps: int = 16) -> list[tuple[float, float]]:
    """A quadratic Bézier (the layout's arcs) as a polyline."""
    points = []
    for i in range(steps + 1):
        t = i / steps
        points.append(tuple((1 - t) ** 2 * a + 2 * (1 - t) * t * c + t ** 2 * b
                            for a, c, b in zip(start, control, end, strict=True)))
    return points
