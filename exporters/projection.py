"""The one "model -> table" projection shared by the Excel workbook and the PDF detail pages.

Cards come out in journey order (stage by stage, lane by lane, then inside the cell), each with the
names of its stage, lane and segments resolved, so every export orders and names things the same
way. Segments and journey paths come in the map's order, a path with its route's stage names and
the transitions along it; card links ("this idea addresses that pain point") come per card, the
linked cards in journey order. Imports model.* only.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from itertools import pairwise

from model import ALL_CUSTOMERS, Card, CardKind, JourneyMap, JourneyPath, Lane, Segment, Stage, Transition
from model.layout.appearance import EMOTION_LINE

# Text marks for outputs that have no drawn markers (a spreadsheet cell, a slide): one glyph per
# kind, the same meaning as the poster's shapes. All are in JIS X 0208, so every Japanese font
# (and the fallback fonts of Excel and LibreOffice) has them; emoji such as 💡 were missing
# glyphs in LibreOffice.
KIND_MARKS = {
    CardKind.NOTE: "・", CardKind.TOUCHPOINT: "●", CardKind.MOMENT_OF_TRUTH: "★",
    CardKind.PAIN_POINT: "▲", CardKind.IDEA: "◆", CardKind.MILESTONE: "■", CardKind.KPI: "◎",
}


@dataclass(frozen=True)
class CardRow:
    number: int  # 1-based position in journey order
    card: Card
    stage: Stage
    lane: Lane
    index: int  # 0-based position inside its cell
    segment_names: tuple[str, ...]


@dataclass(frozen=True)
class StageSection:
    """One stage's cards, make-or-break ones first, as the detail pages list them."""

    stage: Stage
    moments: tuple[CardRow, ...]
    pains: tuple[CardRow, ...]
    others: tuple[CardRow, ...]


@dataclass(frozen=True)
class EmotionItem:
    segment_id: str  # "" for all customers
    name: str
    value: float
    colour: str


@dataclass(frozen=True)
class TransitionRow:
    transition: Transition
    source_name: str
    target_name: str


@dataclass(frozen=True)
class SegmentRow:
    segment: Segment
    cards: int  # how many cards are tagged with it


@dataclass(frozen=True)
class PathHop:
    """One step of a path, from one of its stages to the next, and the transitions that make it."""

    source_name: str
    target_name: str
    transitions: tuple[Transition, ...]  # usually one; none when the map has no such transition


@dataclass(frozen=True)
class PathRow:
    path: JourneyPath
    stage_names: tuple[str, ...]  # the route, in order
    hops: tuple[PathHop, ...]

    @property
    def route(self) -> str:
        return route_text(self.stage_names)


ROUTE_ARROW = " → "


def route_text(stage_names: tuple[str, ...] | list[str]) -> str:
    """A path's route as one line: "Visitor → Lead → Customer"."""
    return ROUTE_ARROW.join(stage_names)


class Projection:
    """Read-once view of a map for exporters; cheap to build even for 10,000 cards."""

    def __init__(self, journey: JourneyMap) -> None:
        self.journey = journey
        self.stages = journey.stages()
        self.lanes = journey.lanes()
        self.segments = journey.segments()
        self._segment_names = {s.id: s.name for s in self.segments}
        self.rows = self._card_rows()
        self.by_cell: dict[tuple[str, str], list[CardRow]] = {}
        for row in self.rows:
            self.by_cell.setdefault((row.stage.id, row.lane.id), []).append(row)

    def _card_rows(self) -> tuple[CardRow, ...]:
        cells = self.journey.cells()
        rows: list[CardRow] = []
        for stage in self.stages:
            for lane in self.lanes:
                for index, card_id in enumerate(cells.get((stage.id, lane.id), ())):
                    card = self.journey.card(card_id)
                    names = tuple(self._segment_names[s] for s in card.segments)
                    rows.append(CardRow(len(rows) + 1, card, stage, lane, index, names))
        return tuple(rows)

    def cell(self, stage_id: str, lane_id: str) -> list[CardRow]:
        return self.by_cell.get((stage_id, lane_id), [])

    def section(self, stage: Stage) -> StageSection:
        rows = [r for lane in self.lanes for r in self.cell(stage.id, lane.id)]
        return StageSection(
            stage,
            tuple(r for r in rows if r.card.kind == CardKind.MOMENT_OF_TRUTH),
            tuple(r for r in rows if r.card.kind == CardKind.PAIN_POINT),
            tuple(r for r in rows
                  if r.card.kind not in (CardKind.MOMENT_OF_TRUTH, CardKind.PAIN_POINT)))

    def emotions(self, stage: Stage, all_customers: str) -> list[EmotionItem]:
        """The stage's emotion values: all customers first, then segments in their order."""
        items = []
        if ALL_CUSTOMERS in stage.emotions:
            items.append(EmotionItem("", all_customers, stage.emotions[""], EMOTION_LINE))
        for segment in self.segments:
            if segment.id in stage.emotions:
                items.append(EmotionItem(segment.id, segment.name, stage.emotions[segment.id],
                                         segment.colour))
        return items

    def transitions(self) -> list[TransitionRow]:
        names = {s.id: s.name for s in self.stages}
        return [TransitionRow(t, names[t.source], names[t.target])
                for t in self.journey.transitions()]

    # ------------------------------------------------------------------ segments and paths
    @cached_property
    def segment_rows(self) -> tuple[SegmentRow, ...]:
        counts = dict.fromkeys(self._segment_names, 0)
        for row in self.rows:
            for segment_id in row.card.segments:
                counts[segment_id] += 1
        return tuple(SegmentRow(s, counts[s.id]) for s in self.segments)

    @cached_property
    def path_rows(self) -> tuple[PathRow, ...]:
        names = {s.id: s.name for s in self.stages}
        by_hop: dict[tuple[str, str], list[Transition]] = {}
        for t in self.journey.transitions():
            by_hop.setdefault((t.source, t.target), []).append(t)
        rows = []
        for path in self.journey.paths():
            hops = tuple(PathHop(names[a], names[b], tuple(by_hop.get((a, b), ())))
                         for a, b in pairwise(path.stages))
            rows.append(PathRow(path, tuple(names[s] for s in path.stages), hops))
        return tuple(rows)

    def paths_through(self, stage: Stage) -> list[PathRow]:
        """The paths whose route stops at ``stage``, in the map's path order."""
        return [row for row in self.path_rows if stage.id in row.path.stages]

    # ------------------------------------------------------------------ card links
    @cached_property
    def _links(self) -> tuple[dict[str, list[CardRow]], dict[str, list[CardRow]]]:
        by_id = {row.card.id: row for row in self.rows}
        addresses: dict[str, dict[str, CardRow]] = {}
        addressed_by: dict[str, dict[str, CardRow]] = {}
        for link in self.journey.links():
            source, target = by_id.get(link.source), by_id.get(link.target)
            if source is None or target is None:  # pragma: no cover - links join placed cards
                continue
            # Keyed by card id: two links between the same cards list the card once.
            addresses.setdefault(link.source, {})[link.target] = target
            addressed_by.setdefault(link.target, {})[link.source] = source
        return ({card_id: sorted(found.values(), key=lambda r: r.number)
                 for card_id, found in addresses.items()},
                {card_id: sorted(found.values(), key=lambda r: r.number)
                 for card_id, found in addressed_by.items()})

    def addresses(self, card_id: str) -> list[CardRow]:
        """The cards (pain points) this card (an idea) addresses, in journey order."""
        return self._links[0].get(card_id, [])

    def addressed_by(self, card_id: str) -> list[CardRow]:
        """The cards (ideas) that address this card (a pain point), in journey order."""
        return self._links[1].get(card_id, [])


def format_emotion(value: float) -> str:
    """+1, -0.5, 0: signed so a reader sees at once which side of neutral a stage is on."""
    return "0" if value == 0 else f"{value:+g}"


def format_rate(rate: float | None) -> str:
    """A conversion rate (0..1) as a percentage; empty when unknown."""
    return "" if rate is None else f"{rate * 100:.4g}%"
