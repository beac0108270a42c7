"""The PowerPoint map slide: the whole map as native shapes, from the shared layout scaled to
the slide.

Cells, stage and lane headers are rectangles, cards rounded rectangles with their title lines
(the layout's own line breaks) and kind mark, transitions freeform arcs with an arrowhead and
their trigger, emotion curves freeform lines. Text scales with the map; on a crowded map it is
small, which is what the stage slides after it are for. Imports python-pptx, model and exporters.
"""
from __future__ import annotations

from pptx.enum.text import MSO_ANCHOR, PP_ALIGN

from exporters.pptx_shapes import box, polyline, quad_points, write_text
from exporters.projection import KIND_MARKS, Projection, format_rate
from model import JourneyMap, LaneKind
from model.layout import grid as geo
from model.layout.appearance import (
    CELL_FILL,
    EMOTION_LINE,
    EMPHASISED_KINDS,
    GRID_LINE,
    HEADER_FILL,
    HEADER_TEXT,
    LANE_FILL,
    TRANSITION_STYLES,
    card_colour,
)
from model.layout.arcs import place_shrinking_labels
from model.layout.text import CharWidths, wrap_text

MARGIN, HEADING = 20.0, 34.0
INK = "#1f2933"


class _Placer:
    """Layout units -> slide points: the map scaled to fit under the slide's heading."""

    def __init__(self, layout: geo.MapLayout, width: float, height: float) -> None:
        room_w, room_h = width - 2 * MARGIN, height - HEADING - MARGIN
        self.scale = min(room_w / max(layout.width, 1), room_h / max(layout.height, 1), 1.5)
        self.left = MARGIN + (room_w - layout.width * self.scale) / 2
        self.top = HEADING

    def rect(self, r: geo.Rect) -> tuple[float, float, float, float]:
        return self.left + r.x * self.scale, self.top + r.y * self.scale, r.w * self.scale, \
            r.h * self.scale

    def point(self, x: float, y: float) -> tuple[float, float]:
        return self.left + x * self.scale, self.top + y * self.scale


def draw_map(slide, journey: JourneyMap, projection: Projection, width: float, height: float,
             labels, language: str) -> None:
    layout = geo.compute_layout(journey, geo.CardSizer(CharWidths()))
    place = _Placer(layout, width, height)
    shapes = slide.shapes
    heading = box(shapes, MARGIN, 6, width - 2 * MARGIN, HEADING - 8, None, None)
    write_text(heading.text_frame, [journey.title or labels["map"]], 16, INK, bold=True,
               anchor=MSO_ANCHOR.MIDDLE, margin=0)
    s = place.scale
    for cell in layout.cells.values():
        box(shapes, *place.rect(cell), CELL_FILL, GRID_LINE, line_width=0.5)
    for stage in projection.stages:
        shape = box(shapes, *place.rect(layout.stage_headers[stage.id]), HEADER_FILL, CELL_FILL,
                    line_width=0.5)
        shape.name = f"Stage {stage.id}"
        write_text(shape.text_frame, layout.stage_name_lines[stage.id], geo.HEADER_NAME_SIZE * s,
                   HEADER_TEXT, bold=True, margin=geo.CELL_PADDING * s)
    for lane in projection.lanes:
        shape = box(shapes, *place.rect(layout.lane_headers[lane.id]), LANE_FILL, GRID_LINE,
                    line_width=0.5)
        shape.name = f"Lane {lane.id}"
        write_text(shape.text_frame, layout.lane_name_lines[lane.id],
                   (geo.HEADER_NAME_SIZE - 1) * s, INK, bold=True, margin=geo.CELL_PADDING * s)
    for row in projection.rows:
        _card(shapes, place, layout.cards[row.card.id], row.card)
    _emotions(shapes, place, layout, journey, projection)
    _transitions(shapes, place, layout, projection)


def _card(shapes, place: _Placer, card_box: geo.CardBox, card) -> None:
    s = place.scale
    edge = EMPHASISED_KINDS.get(card.kind)
    shape = box(shapes, *place.rect(card_box.rect), card_colour(card.kind, card.colour),
                edge or "#9aa5b1", rounded=True, line_width=max(0.25, (2.4 if edge else 0.6) * s))
    shape.name = f"Card {card.id}"
    lines = list(card_box.title_lines)
    lines[0] = f"{KIND_MARKS[card.kind]} {lines[0]}"
    write_text(shape.text_frame, lines, geo.TITLE_SIZE * s, INK, margin=geo.CARD_PADDING * s)


def _emotions(shapes, place: _Placer, layout, journey, projection: Projection) -> None:
    curves = [("", EMOTION_LINE)] + [(seg.id, seg.colour) for seg in projection.segments]
    for lane in projection.lanes:
        if lane.kind != LaneKind.EMOTION:
            continue
        for key, colour in curves:
            points = geo.emotion_points(layout, journey, lane.id, key)
            if len(points) > 1:
                polyline(shapes, [place.point(x, y) for _, x, y in points], colour,
                         max(0.5, (2.6 if not key else 1.6) * place.scale))


def _transitions(shapes, place: _Placer, layout, projection: Projection) -> None:
    """Arcs with arrowheads, then their labels where no other arc crosses them and none overlaps
    another, crowded labels given less room and cut with "…" (as on the canvas and the poster:
    model.layout.arcs.place_shrinking_labels)."""
    s, widths, size = place.scale, CharWidths(), geo.SMALL_SIZE
    arcs, texts, inks = {}, {}, {}
    for row in projection.transitions():
        t = row.transition
        arc = arcs[t.id] = geo.transition_arc(layout, t.source, t.target)
        ink, dashed = inks[t.id] = TRANSITION_STYLES[t.kind]
        points = [place.point(*p) for p in quad_points(arc.start, arc.control, arc.end)]
        shape = polyline(shapes, points, ink, max(0.5, 1.4 * s), dashed, arrow=True)
        shape.name = f"Transition {t.id}"
        texts[t.id] = " ".join(p for p in (t.trigger, format_rate(t.conversion_rate)) if p)
    fitted: dict[str, str] = {}

    def fit(key: str, room: float) -> float:
        if not texts[key]:
            return 0.0
        fitted[key] = wrap_text(texts[key], room, widths, size, 1)[0]
        return widths.text(fitted[key], size) + 6

    placed = place_shrinking_labels(arcs, fit, size + 3)
    for key, label_place in placed.items():
        rect = label_place.rect
        x, y = place.point(rect.x, rect.y)
        label = box(shapes, x, y, rect.w * s, rect.h * s, None, None)
        label.name = f"Transition label {key}"
        write_text(label.text_frame, [fitted[key]], size * s, inks[key][0], align=PP_ALIGN.CENTER,
                   anchor=MSO_ANCHOR.MIDDLE, margin=0)
