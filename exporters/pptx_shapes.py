"""Drawing primitives for the PowerPoint export: native, editable shapes with text in the
Japanese font set on every run.

PowerPoint picks the font of each character from the run's Latin, East Asian or complex-script
font attribute; a run with only a Latin font shows Japanese in whatever East Asian font the
viewer's theme has (often a Chinese one). Every run here gets all three. Lengths are EMU (python-
pptx's unit); callers convert from points with ``pt``.

Boxes and their text are written as the XML python-pptx itself would produce (the same elements
as add_shape followed by its fill, line and text-frame setters), parsed once per shape: through
python-pptx's element API each property looks its place up among its siblings, about 4 ms a card,
14x python-pptx's bare add_shape. This uses python-pptx's shape tree and shape factory
(``shapes._spTree``, ``_next_shape_id``, ``_shape_factory``) and a text frame's ``_txBody``.
Imports python-pptx, lxml and model only.
"""
from __future__ import annotations

from collections.abc import Sequence
from xml.sax.saxutils import escape

from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.oxml import parse_xml
from pptx.oxml.ns import nsdecls
from pptx.util import Emu

# Yu Gothic ships with Windows 8.1+ and macOS (游ゴシック); Meiryo is the older Windows default.
LATIN_FONT = "Yu Gothic"
EAST_ASIAN_FONT = "Yu Gothic"
COMPLEX_FONT = "Arial"  # Arabic, Hebrew, Thai: a font every PowerPoint has
_NAMESPACES = nsdecls("a", "p")


def pt(points: float) -> Emu:
    return Emu(int(round(points * 12700)))


def _run(text: str, size_cp: int, ink: str, bold: bool | None) -> str:
    """One run's XML: size in centipoints, colour, the three fonts, the language pair."""
    weight = "" if bold is None else f' b="{int(bold)}"'
    return (f'<a:r><a:rPr sz="{size_cp}"{weight} lang="ja-JP" altLang="en-US"><a:solidFill>'
            f'<a:srgbClr val="{_hex(ink)}"/></a:solidFill><a:latin typeface="{LATIN_FONT}"/>'
            f'<a:ea typeface="{EAST_ASIAN_FONT}"/><a:cs typeface="{COMPLEX_FONT}"/></a:rPr>'
            f"<a:t>{escape(text)}</a:t></a:r>")


def _hex(colour: str) -> str:
    return colour.lstrip("#").upper()


def _paragraph(text: str, size_cp: int, ink: str, bold: bool | None, align: str) -> str:
    return f'<a:p><a:pPr algn="{align}"/>{_run(text, size_cp, ink, bold)}</a:p>'


def _font_size(size: float) -> int:
    """Centipoints, rounded to the half point PowerPoint's size box shows."""
    return int(round(max(1.0, round(size * 2) / 2) * 100))


def write_text(frame, lines: Sequence[str], size: float, ink: str = "#1f2933", bold: bool = False,
               align=PP_ALIGN.LEFT, anchor=MSO_ANCHOR.TOP, margin: float = 3.0) -> None:
    """Replace the frame's text with ``lines``, one paragraph each, every run with the font set."""
    inset, top = int(pt(margin)), int(pt(margin * 0.6))
    paragraphs = "".join(_paragraph(line, _font_size(size), ink, bold, align.xml_value)
                         for line in (lines or [""]))
    body = parse_xml(
        f'<p:txBody {_NAMESPACES}><a:bodyPr rtlCol="0" anchor="{anchor.xml_value}" wrap="square" '
        f'lIns="{inset}" rIns="{inset}" tIns="{top}" bIns="{top}"/><a:lstStyle/>{paragraphs}'
        "</p:txBody>")
    old = frame._txBody
    old.getparent().replace(old, body)
    frame._txBody = frame._element = body


def add_line(frame, text: str, size: float, ink: str) -> None:
    """One more paragraph of one line at ``size`` points (a card's footer)."""
    frame._txBody.append(parse_xml(
        f"<a:p {_NAMESPACES}><a:pPr algn=\"l\"/>{_run(text, int(round(size * 100)), ink, None)}</a:p>"))


def box(shapes, x: float, y: float, w: float, h: float, fill: str | None, line: str | None,
        rounded: bool = False, line_width: float = 0.75):
    """A rectangle (rounded for cards) at points x, y, w, h; no shadow, as on the poster (no theme
    style: python-pptx's default style puts a shadow under a shape in some viewers)."""
    shape_id = shapes._next_shape_id
    prst, name = ("roundRect", "Rounded Rectangle") if rounded else ("rect", "Rectangle")
    adjust = (f'<a:gd name="adj" fmla="val {int(round(min(0.12, 6 / max(min(w, h), 1)) * 100000))}"/>'
              if rounded else "")
    fill_xml = "<a:noFill/>" if fill is None else \
        f'<a:solidFill><a:srgbClr val="{_hex(fill)}"/></a:solidFill>'
    line_xml = "<a:ln><a:noFill/></a:ln>" if line is None else \
        (f'<a:ln w="{int(pt(line_width))}"><a:solidFill><a:srgbClr val="{_hex(line)}"/>'
         "</a:solidFill></a:ln>")
    sp = parse_xml(
        f'<p:sp {_NAMESPACES}><p:nvSpPr><p:cNvPr id="{shape_id}" name="{name} {shape_id - 1}"/>'
        "<p:cNvSpPr/><p:nvPr/></p:nvSpPr><p:spPr><a:xfrm>"
        f'<a:off x="{int(pt(x))}" y="{int(pt(y))}"/>'
        f'<a:ext cx="{int(pt(max(w, 0.5)))}" cy="{int(pt(max(h, 0.5)))}"/></a:xfrm>'
        f'<a:prstGeom prst="{prst}"><a:avLst>{adjust}</a:avLst></a:prstGeom>{fill_xml}{line_xml}'
        '</p:spPr><p:txBody><a:bodyPr rtlCol="0" anchor="ctr"/><a:lstStyle/><a:p>'
        '<a:pPr algn="ctr"/></a:p></p:txBody></p:sp>')
    shapes._spTree.insert_element_before(sp, "p:extLst")
    return shapes._shape_factory(sp)


def polyline(shapes, points: Sequence[tuple[float, float]], ink: str, width: float,
             dashed: bool = False, arrow: bool = False):
    """An open freeform through ``points`` (in points); with ``arrow``, an arrowhead at its end.
    The XML of python-pptx's freeform builder, written directly: the builder numbers its shape by
    reading every id on the slide, which after 2,000 cards cost 50 ms a line."""
    shape_id = shapes._next_shape_id
    emu = [(int(pt(x)), int(pt(y))) for x, y in points]
    left, top = min(x for x, _ in emu), min(y for _, y in emu)
    right, bottom = max(x for x, _ in emu), max(y for _, y in emu)
    steps = "".join(f'<a:{"moveTo" if i == 0 else "lnTo"}><a:pt x="{x - left}" y="{y - top}"/>'
                    f'</a:{"moveTo" if i == 0 else "lnTo"}>' for i, (x, y) in enumerate(emu))
    ends = ('<a:prstDash val="dash"/>' if dashed else "") + \
        ('<a:tailEnd type="triangle"/>' if arrow else "")
    sp = parse_xml(
        f'<p:sp {_NAMESPACES}><p:nvSpPr><p:cNvPr id="{shape_id}" name="Freeform {shape_id - 1}"/>'
        f'<p:cNvSpPr/><p:nvPr/></p:nvSpPr><p:spPr><a:xfrm><a:off x="{left}" y="{top}"/>'
        f'<a:ext cx="{right - left}" cy="{bottom - top}"/></a:xfrm><a:custGeom><a:avLst/>'
        '<a:gdLst/><a:ahLst/><a:cxnLst/><a:rect l="l" t="t" r="r" b="b"/><a:pathLst>'
        f'<a:path w="{right - left}" h="{bottom - top}">{steps}</a:path></a:pathLst></a:custGeom>'
        f'<a:noFill/><a:ln w="{int(pt(width))}"><a:solidFill><a:srgbClr val="{_hex(ink)}"/>'
        f'</a:solidFill>{ends}</a:ln></p:spPr><p:txBody><a:bodyPr rtlCol="0" anchor="ctr"/>'
        '<a:lstStyle/><a:p><a:pPr algn="ctr"/></a:p></p:txBody></p:sp>')
    shapes._spTree.insert_element_before(sp, "p:extLst")
    return shapes._shape_factory(sp)


def quad_points(start, control, end, steps: int = 16) -> list[tuple[float, float]]:
    """A quadratic Bézier (the layout's arcs) as a polyline."""
    points = []
    for i in range(steps + 1):
        t = i / steps
        points.append(tuple((1 - t) ** 2 * a + 2 * (1 - t) * t * c + t ** 2 * b
                            for a, c, b in zip(start, control, end, strict=True)))
    return points
