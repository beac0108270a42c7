"""The geometry of a journey map: one maths for the canvas and the PDF poster. Pure Python.

``compute_layout`` turns a JourneyMap into rectangles (scene units = PDF points at 100 %): a band
for transition arcs on top, stage headers as columns, lane headers as rows, cells that grow to fit
their cards, and each card's wrapped title lines. The canvas places its items at these rectangles
and the PDF draws at them, so what prints is what the facilitator saw. Hit-testing helpers answer
"which cell / which insertion index is at this point" for drag and drop.
"""
from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from model.journey.entities import Card, CardKind, Lane, LaneKind, Stage
from model.journey.journey_map import JourneyMap
from model.layout.text import CharWidths, wrap_text

ARC_BAND_HEIGHT = 84
STAGE_HEADER_HEIGHT = 96
LANE_HEADER_WIDTH = 150
COLUMN_WIDTH = 210
CELL_PADDING = 10
CARD_GAP = 8
CARD_WIDTH = COLUMN_WIDTH - 2 * CELL_PADDING
CARD_PADDING = 8
CARD_KIND_STRIP = 16
CARD_FOOTER = 15
TITLE_SIZE = 10.5
TITLE_LEADING = 14
SMALL_SIZE = 7.5
HEADER_NAME_SIZE = 13
HEADER_NAME_LEADING = 17
HEADER_TEXT_SIZE = 8
HEADER_TEXT_LEADING = 11
MIN_ROW_HEIGHT = 76
EMOTION_ROW_HEIGHT = 150
MAX_TITLE_LINES = 12
FOOTER_CACHE = 20_000  # footers kept fitted (a map has a few hundred owner/channel pairs)


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h

    @property
    def center(self) -> tuple[float, float]:
        return (self.x + self.w / 2, self.y + self.h / 2)

    def contains(self, x: float, y: float) -> bool:
        return self.x <= x < self.right and self.y <= y < self.bottom


@dataclass(frozen=True)
class CardBox:
    rect: Rect
    title_lines: tuple[str, ...]
    footer: str


@dataclass
class MapLayout:
    width: float = 0.0
    height: float = 0.0
    stage_headers: dict[str, Rect] = field(default_factory=dict)
    stage_name_lines: dict[str, tuple[str, ...]] = field(default_factory=dict)
    stage_overview_lines: dict[str, tuple[str, ...]] = field(default_factory=dict)
    columns: dict[str, Rect] = field(default_factory=dict)
    lane_headers: dict[str, Rect] = field(default_factory=dict)
    lane_name_lines: dict[str, tuple[str, ...]] = field(default_factory=dict)
    rows: dict[str, Rect] = field(default_factory=dict)
    cells: dict[tuple[str, str], Rect] = field(default_factory=dict)
    cards: dict[str, CardBox] = field(default_factory=dict)
    stage_order: tuple[str, ...] = ()
    lane_order: tuple[str, ...] = ()


def card_footer(card: Card, with_votes: bool = False) -> str:
    """The small line under a card's title: channel and owner. Not the votes on the canvas and
    the poster: they are dots in the card's top strip, so that a vote never changes a card's size
    (during a secret vote that would tell everyone which cards got one). ``with_votes`` adds
    "▲N" for what draws no dots (the slides)."""
    votes = f"▲{card.votes}" if with_votes and card.votes else ""
    return "  ·  ".join(p for p in (card.channel, card.owner, votes) if p)


class CardSizer:
    """Wraps card titles and caches the result per (title, footer) so relayouts stay cheap."""

    def __init__(self, widths: CharWidths) -> None:
        self.widths = widths
        self._cache: dict[tuple[str, bool], tuple[tuple[str, ...], float]] = {}
        self._footers: dict[str, str] = {}  # footer -> footer fitted to the card's width

    def footer(self, card: Card) -> str:
        """The card's footer cut with "…" to the card's width: a long owner or channel ran past
        the card's edge over its neighbour's (canvas and poster both draw this line)."""
        footer = card_footer(card)
        if not footer:
            return footer
        fitted = self._footers.get(footer)
        if fitted is None:
            if len(self._footers) > FOOTER_CACHE:
                self._footers.clear()
            fitted = self._footers[footer] = wrap_text(
                footer, CARD_WIDTH - 2 * CARD_PADDING, self.widths, SMALL_SIZE, 1)[0]
        return fitted

    def size(self, card: Card) -> tuple[tuple[str, ...], float]:
        footer = bool(card_footer(card))
        key = (card.title, footer)
        hit = self._cache.get(key)
        if hit is None:
            lines = tuple(wrap_text(card.title or " ", CARD_WIDTH - 2 * CARD_PADDING, self.widths,
                                    TITLE_SIZE, MAX_TITLE_LINES))
            height = (2 * CARD_PADDING + CARD_KIND_STRIP + len(lines) * TITLE_LEADING
                      + (CARD_FOOTER if footer else 0))
            hit = self._cache[key] = (lines, float(height))
        return hit


def _header_lines(journey: JourneyMap, widths: CharWidths, layout: MapLayout) -> None:
    for stage in journey.stages():
        stage_lines(layout, stage, widths)
    for lane in journey.lanes():
        lane_lines(layout, lane, widths)


def stage_lines(layout: MapLayout, stage: Stage, widths: CharWidths) -> None:
    text_width = COLUMN_WIDTH - 2 * CELL_PADDING
    layout.stage_name_lines[stage.id] = tuple(
        wrap_text(stage.name, text_width, widths, HEADER_NAME_SIZE, 2))
    room = (STAGE_HEADER_HEIGHT - 2 * CELL_PADDING - 2 * HEADER_NAME_LEADING) // HEADER_TEXT_LEADING
    layout.stage_overview_lines[stage.id] = tuple(
        wrap_text(stage.overview, text_width, widths, HEADER_TEXT_SIZE, int(room))
        if stage.overview else ())


def lane_lines(layout: MapLayout, lane: Lane, widths: CharWidths) -> None:
    layout.lane_name_lines[lane.id] = tuple(
        wrap_text(lane.name, LANE_HEADER_WIDTH - 2 * CELL_PADDING, widths, HEADER_NAME_SIZE - 1, 3))


def _stack_height(heights: Sequence[float]) -> float:
    """The height a cell needs for cards of these heights."""
    return sum(heights) + CARD_GAP * max(len(heights) - 1, 0) + 2 * CELL_PADDING


def _row_height(lane_kind: LaneKind, stack_heights: Iterable[float]) -> float:
    """A row is as tall as its tallest cell, and never lower than its floor."""
    tallest = max(stack_heights, default=0.0)
    floor = EMOTION_ROW_HEIGHT if lane_kind == LaneKind.EMOTION else MIN_ROW_HEIGHT
    return max(floor, tallest)


# Per card, what the layout needs of it: (title lines, height, footer).
Sized = tuple[tuple[str, ...], float, str]
Cell = tuple[str, str]


def compute_layout(journey: JourneyMap, sizer: CardSizer) -> MapLayout:
    return full_layout(journey, sizer)[0]


def full_layout(journey: JourneyMap, sizer: CardSizer) -> tuple[
        MapLayout, dict[Cell, tuple[str, ...]], dict[Cell, tuple[float, ...]], dict[Cell, float]]:
    """The layout, with each non-empty cell's card ids, their heights and the height they need."""
    layout = MapLayout(stage_order=journey.stage_ids(), lane_order=journey.lane_ids())
    _header_lines(journey, sizer.widths, layout)
    cells = journey.cells()
    sized = {card_id: size_card(sizer, journey.card(card_id))
             for ids in cells.values() for card_id in ids}
    heights = {cell: tuple(sized[c][1] for c in ids) for cell, ids in cells.items()}
    stacks = {cell: _stack_height(h) for cell, h in heights.items()}
    top = ARC_BAND_HEIGHT + STAGE_HEADER_HEIGHT
    for stage_index, stage_id in enumerate(layout.stage_order):
        x = LANE_HEADER_WIDTH + stage_index * COLUMN_WIDTH
        layout.stage_headers[stage_id] = Rect(x, ARC_BAND_HEIGHT, COLUMN_WIDTH, STAGE_HEADER_HEIGHT)
    y = top
    for lane in journey.lanes():
        row_h = _row_height(lane.kind, (stacks[(s, lane.id)] for s in layout.stage_order
                                        if (s, lane.id) in stacks))
        set_row(layout, lane.id, y, row_h)
        for stage_id in layout.stage_order:
            place_cards(layout, layout.cells[(stage_id, lane.id)], cells.get((stage_id, lane.id), ()),
                        sized)
        y += row_h
    layout.width = LANE_HEADER_WIDTH + len(layout.stage_order) * COLUMN_WIDTH
    set_height(layout, y)
    return layout, cells, heights, stacks


def size_card(sizer: CardSizer, card: Card) -> Sized:
    lines, height = sizer.size(card)
    return lines, height, sizer.footer(card)


def set_row(layout: MapLayout, lane_id: str, y: float, row_h: float) -> None:
    """Put a lane's header, row and cells at height ``y``."""
    layout.lane_headers[lane_id] = Rect(0, y, LANE_HEADER_WIDTH, row_h)
    layout.rows[lane_id] = Rect(0, y, LANE_HEADER_WIDTH + len(layout.stage_order) * COLUMN_WIDTH,
                                row_h)
    for stage_id in layout.stage_order:
        layout.cells[(stage_id, lane_id)] = Rect(layout.stage_headers[stage_id].x, y,
                                                 COLUMN_WIDTH, row_h)


def set_height(layout: MapLayout, height: float) -> None:
    layout.height = height
    for stage_id, header in layout.stage_headers.items():
        layout.columns[stage_id] = Rect(header.x, header.y, header.w, height - header.y)


def place_cards(layout: MapLayout, cell: Rect, card_ids, sized: dict[str, Sized],
                start: int = 0) -> None:
    """Stack the cards of a cell from its top; from the card at ``start`` on when the ones before
    it have not changed (their boxes are read back, so the sums are the same as from the top)."""
    y = cell.y + CELL_PADDING
    if start:
        before = layout.cards[card_ids[start - 1]].rect
        y = before.y + before.h + CARD_GAP
    for card_id in card_ids[start:]:
        lines, height, footer = sized[card_id]
        layout.cards[card_id] = CardBox(Rect(cell.x + CELL_PADDING, y, CARD_WIDTH, height), lines,
                                        footer)
        y += height + CARD_GAP


# ------------------------------------------------------------------ hit-testing for drag and drop
def cell_at(layout: MapLayout, x: float, y: float) -> tuple[str, str] | None:
    for key, rect in layout.cells.items():
        if rect.contains(x, y):
            return key
    return None


def insertion_index(layout: MapLayout, card_ids: Iterable[str], y: float) -> int:
    """Where a card dropped at height ``y`` goes among ``card_ids`` (the cell's other cards):
    after each card whose middle is above ``y``. The cards of a cell stack downwards, so this
    bisects them (a drop into a 1,700-card cell made every card's box: 7 ms)."""
    cards, ids = layout.cards, list(card_ids)
    if not all(card_id in cards for card_id in ids):  # not a stacked cell's: count them
        return sum(1 for c in ids if c in cards and y > cards[c].rect.y + cards[c].rect.h / 2)
    return bisect_left(ids, y, key=lambda c: _middle(cards[c].rect)) if ids else 0


def _middle(rect: Rect) -> float:
    return rect.y + rect.h / 2


def stage_insertion_index(layout: MapLayout, x: float) -> int:
    """Index of the gap between stage columns nearest to ``x``."""
    return sum(1 for s in layout.stage_order if x > layout.stage_headers[s].center[0])


def lane_insertion_index(layout: MapLayout, y: float) -> int:
    return sum(1 for lane in layout.lane_order if y > layout.lane_headers[lane].center[1])


# ------------------------------------------------------------------ emotion curve
def emotion_y(row: Rect, value: float) -> float:
    """Height of an emotion value (-2..+2) inside an emotion row; +2 at the top."""
    inner_top, inner_h = row.y + CELL_PADDING * 2, row.h - CELL_PADDING * 4
    return inner_top + (2.0 - value) / 4.0 * inner_h


def emotion_value(row: Rect, y: float, step: float = 0.5) -> float:
    """The emotion value for a point dragged to height ``y``, clamped and snapped to ``step``."""
    inner_top, inner_h = row.y + CELL_PADDING * 2, row.h - CELL_PADDING * 4
    value = 2.0 - (y - inner_top) / inner_h * 4.0
    value = max(-2.0, min(2.0, value))
    return round(value / step) * step


def emotion_points(layout: MapLayout, journey: JourneyMap, lane_id: str,
                   segment_id: str = "") -> list[tuple[str, float, float]]:
    """(stage id, x, y) of each stage that has an emotion value for the segment, in stage order."""
    row = layout.rows[lane_id]
    points = []
    for stage in journey.stages():
        if segment_id in stage.emotions:
            x = layout.stage_headers[stage.id].center[0]
            points.append((stage.id, x, emotion_y(row, stage.emotions[segment_id])))
    return points


# ------------------------------------------------------------------ transition arcs
@dataclass(frozen=True)
class ArcGeometry:
    start: tuple[float, float]
    end: tuple[float, float]
    control: tuple[float, float]
    label_at: tuple[float, float]
    label_width: float = 120.0  # labels longer than this are elided to fit between the stages


def transition_arc(layout: MapLayout, source: str, target: str) -> ArcGeometry:
    """A quadratic arc from one stage header's top to another's, in the band above the headers.

    Adjacent stages get a flat, low arc; longer spans rise higher, so skips and loops are told apart.
    Backward arcs start and end a little to the left of centre, so they never sit on a forward arc.
    """
    a, b = layout.stage_headers[source], layout.stage_headers[target]
    backward = b.x < a.x
    offset = -18 if backward else 18
    start = (a.center[0] + offset, a.y)
    end = (b.center[0] + offset, b.y)
    span = abs(layout.stage_order.index(target) - layout.stage_order.index(source))
    # Apex height: longer spans and backward moves rise higher, so labels do not collide.
    apex = min(ARC_BAND_HEIGHT - 22, 18 + 12 * (span - 1) + (26 if backward else 0))
    control = ((start[0] + end[0]) / 2, a.y - 2 * apex)
    label = ((start[0] + end[0]) / 2, a.y - apex - 9)
    width = max(110.0, abs(end[0] - start[0]) - 20)
    return ArcGeometry(start, end, control, label, width)


CARD_KIND_ORDER = tuple(CardKind)
