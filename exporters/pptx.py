"""PowerPoint export: a title slide, the whole map as native editable shapes, then each stage's
cards at a readable size (as many slides per stage as its cards need).

Japanese teams share workshop results as slides. Shapes are PowerPoint's own (rectangles, rounded
rectangles, freeform arcs and curves), so the deck can be edited; every text run carries the Latin,
East Asian and complex-script fonts (pptx_shapes). The map slide uses the shared layout
(model.layout.grid) scaled to the slide; the stage slides flow cards lane by lane in a grid of
fixed, legible size. Text is cleaned for print first (exporters.print_copy). 16:9 by default,
4:3 on request. Writes through a temporary file renamed into place. Imports python-pptx, model
and exporters only, never Qt.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from pptx import Presentation
from pptx.enum.text import MSO_ANCHOR
from pptx.util import Emu

from exporters.common import (
    ExportError,
    ExportReport,
    Progress,
    atomic_target,
    check_target,
    no_progress,
    return_freed_memory,
)
from exporters.labels import labels_for
from exporters.pptx_map import draw_map
from exporters.pptx_shapes import add_line, box, pt, write_text
from exporters.print_copy import PrintableMap
from exporters.projection import KIND_MARKS, CardRow, Projection, format_emotion
from model import JourneyMap, LaneKind
from model.layout.appearance import EMPHASISED_KINDS, HEADER_FILL, LANE_FILL, card_colour
from model.layout.grid import card_footer
from model.layout.text import CharWidths, wrap_text

SLIDE_SIZES = {"16:9": (960.0, 540.0), "4:3": (720.0, 540.0)}  # points
MARGIN = 28.0
CARD_W, CARD_H, CARD_GAP = 176.0, 62.0, 8.0
LANE_LABEL_W = 110.0
CARD_TITLE_PT, CARD_FOOTER_PT, CARD_TITLE_LINES = 11.0, 8.0, 3
MUTED, INK, EDGE = "#5f6b7a", "#1f2933", "#9aa5b1"
WIDTHS = CharWidths()  # estimated advances: PowerPoint lays the text out with its own fonts


@dataclass
class _Deck:
    presentation: Presentation
    width: float
    height: float
    labels: dict

    def slide(self):
        slide = self.presentation.slides.add_slide(self.presentation.slide_layouts[6])  # blank
        # Without it python-pptx scans every shape id for each new shape: minutes for a big map.
        slide.shapes.turbo_add_enabled = True
        return slide


def export_pptx(journey: JourneyMap, path: str | os.PathLike[str], *, aspect: str = "16:9",
                language: str | None = None, progress: Progress | None = None) -> ExportReport:
    """Write the slides of ``journey`` to ``path``; ExportError if it cannot be written."""
    if aspect not in SLIDE_SIZES:
        raise ValueError(f"unknown slide shape {aspect!r}; use one of {', '.join(SLIDE_SIZES)}")
    check_target(Path(path))
    progress = progress or no_progress
    printable = PrintableMap(journey)
    copy = printable.journey
    projection = Projection(copy)
    total = len(projection.stages) + 3
    progress(0, total)
    width, height = SLIDE_SIZES[aspect]
    presentation = Presentation()
    presentation.slide_width, presentation.slide_height = Emu(pt(width)), Emu(pt(height))
    deck = _Deck(presentation, width, height, dict(labels_for(language or journey.language)))
    _title_slide(deck, copy)
    progress(1, total)
    draw_map(deck.slide(), copy, projection, width, height, deck.labels, language or journey.language)
    progress(2, total)
    for number, stage in enumerate(projection.stages, start=1):
        _stage_slides(deck, projection, number, stage)
        progress(2 + number, total)
    try:
        with atomic_target(path) as temp:
            try:
                presentation.save(str(temp))
            except OSError as exc:
                raise ExportError(path, exc.strerror or str(exc)) from exc
            progress(total, total)  # before the rename: a cancel here still leaves no file
    finally:
        _release(presentation)
    report = ExportReport(str(path), printable.warnings())
    report.pages = len(presentation.slides)
    report.summary = f"{report.pages} slides, {aspect}"
    return report


def _release(presentation) -> None:
    """Free the slides' XML shape by shape. The presentation's parts refer to each other, so
    the cyclic GC frees them, and with them every slide's XML in one go: 150 ms for 2,000 cards,
    during which any other thread (the window's) waits for the GIL."""
    for slide in presentation.slides:
        tree = slide.shapes._spTree
        while len(tree):
            del tree[-1]
    return_freed_memory()


def _title_slide(deck: _Deck, journey: JourneyMap) -> None:
    slide = deck.slide()
    inner = deck.width - 2 * MARGIN * 2
    title = wrap_text(journey.title or deck.labels["map"], inner, WIDTHS, 32, 3)
    shape = box(slide.shapes, MARGIN * 2, deck.height * 0.28, inner, 130, None, None)
    write_text(shape.text_frame, title, 32, INK, bold=True, anchor=MSO_ANCHOR.BOTTOM)
    shape = box(slide.shapes, MARGIN * 2, deck.height * 0.28 + 140, inner, 40, None, None)
    write_text(shape.text_frame, [deck.labels["subject"]], 16, MUTED)
    if journey.description:
        lines = wrap_text(journey.description, inner, WIDTHS, 14, 6)
        shape = box(slide.shapes, MARGIN * 2, deck.height * 0.28 + 185, inner, 120, None, None)
        write_text(shape.text_frame, lines, 14, INK)
    bar = box(slide.shapes, 0, deck.height - 14, deck.width, 14, HEADER_FILL, None)
    bar.name = "Title bar"


# ---------------------------------------------------------------------- stage slides
def _stage_slides(deck: _Deck, projection: Projection, number: int, stage) -> None:
    """The stage's cards lane by lane, CARD_W × CARD_H each; a new slide when one is full."""
    page = _StagePage(deck, number, stage)
    for lane in projection.lanes:
        rows = projection.cell(stage.id, lane.id)
        emotions = projection.emotions(stage, deck.labels["all_customers"]) \
            if lane.kind == LaneKind.EMOTION else []
        if not rows and not emotions:
            continue
        page.lane(lane.name)
        if emotions:
            page.note(deck.labels["field_sep"].join(f"{e.name} {format_emotion(e.value)}"
                                                    for e in emotions))
        for row in rows:
            page.card(row)
        page.end_lane()


def _shortened(text: str) -> str:
    """The title as one paragraph PowerPoint wraps itself (its fonts are not ours), cut with "…"
    where our estimate says it passes CARD_TITLE_LINES lines, a little narrower than the card."""
    text = " ".join(text.split())
    lines = wrap_text(text, CARD_W - 24, WIDTHS, CARD_TITLE_PT, CARD_TITLE_LINES)
    if not lines or not lines[-1].endswith("…") or len(lines) < CARD_TITLE_LINES:
        return text
    kept = sum(len(line) for line in lines) - 1  # the ellipsis; spaces at breaks are not counted
    return text[:kept].rstrip() + "…"


class _StagePage:
    """Fills stage slides top to bottom: a lane's label at the left, its cards in rows."""

    def __init__(self, deck: _Deck, number: int, stage) -> None:
        self.deck, self.number, self.stage, self.part = deck, number, stage, 0
        self.columns = max(1, int((deck.width - 2 * MARGIN - LANE_LABEL_W + CARD_GAP)
                                  // (CARD_W + CARD_GAP)))
        self.lane_name = ""
        self._new_slide()

    def _new_slide(self) -> None:
        self.part += 1
        self.slide = self.deck.slide()
        title = f"{self.number}. {self.stage.name}" + (" (…)" if self.part > 1 else "")
        inner = self.deck.width - 2 * MARGIN
        shape = box(self.slide.shapes, 0, 0, self.deck.width, 46, HEADER_FILL, None)
        write_text(shape.text_frame, wrap_text(title, inner, WIDTHS, 20, 1), 20, "#ffffff",
                   bold=True, anchor=MSO_ANCHOR.MIDDLE, margin=MARGIN)
        self.y = 54.0
        if self.part == 1 and self.stage.overview:
            lines = wrap_text(self.stage.overview, inner, WIDTHS, 11, 2)
            shape = box(self.slide.shapes, MARGIN, self.y, inner, len(lines) * 15 + 6, None, None)
            write_text(shape.text_frame, lines, 11, MUTED, margin=0)
            self.y += len(lines) * 15 + 10
        self.column, self.lane_top = 0, self.y

    def _room(self, height: float) -> None:
        if self.y + height > self.deck.height - MARGIN / 2:
            self._new_slide()
            if self.lane_name:
                self._lane_label()

    def lane(self, name: str) -> None:
        self.lane_name = name
        self._room(CARD_H)
        self._lane_label()

    def _lane_label(self) -> None:
        self.lane_top = self.y
        shape = box(self.slide.shapes, MARGIN, self.y, LANE_LABEL_W - 8, CARD_H, LANE_FILL, None)
        write_text(shape.text_frame, wrap_text(self.lane_name, LANE_LABEL_W - 16, WIDTHS, 11, 3),
                   11, INK, bold=True)
        self.column = 0

    def note(self, text: str) -> None:
        x = MARGIN + LANE_LABEL_W
        shape = box(self.slide.shapes, x, self.y, self.deck.width - x - MARGIN, 22, None, None)
        write_text(shape.text_frame, [text], 11, INK, margin=2)
        self.y += 26
        self.column = 0

    def card(self, row: CardRow) -> None:
        if self.column == self.columns:
            self.y += CARD_H + CARD_GAP
            self.column = 0
            self._room(CARD_H)
        card = row.card
        x = MARGIN + LANE_LABEL_W + self.column * (CARD_W + CARD_GAP)
        edge = EMPHASISED_KINDS.get(card.kind)
        shape = box(self.slide.shapes, x, self.y, CARD_W, CARD_H, card_colour(card.kind, card.colour),
                    edge or EDGE, rounded=True, line_width=2.0 if edge else 0.75)
        shape.name = f"Card {card.id}"
        write_text(shape.text_frame, [_shortened(f"{KIND_MARKS[card.kind]} {card.title}")],
                   CARD_TITLE_PT, INK, margin=4)
        footer = card_footer(card, with_votes=True)  # slides have no dots: "Web  ·  CSM  ·  ▲3"
        if footer:
            add_line(shape.text_frame, wrap_text(footer, CARD_W - 10, WIDTHS, CARD_FOOTER_PT, 1)[0],
                     CARD_FOOTER_PT, MUTED)
        self.column += 1

    def end_lane(self) -> None:
        if self.column:
            self.y += CARD_H + CARD_GAP
        self.y = max(self.y, self.lane_top + CARD_H + CARD_GAP)
        self.column = 0
        self.lane_name = ""
