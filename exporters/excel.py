"""Excel export: a workbook a workshop team can edit, filter and print.

Sheet "Map" mirrors the poster (excel_map: stages across, lanes down, one line per card with its
kind mark, a printable grid);
"Cards" (with the card links: what an idea addresses, what addresses a pain point), "Stages",
"Transitions", "Segments", "Paths" (each path's route), and the workshop's "Comments" and
"Parking lot" (excel_workshop, which also adds a votes column per participant to "Cards") and,
for two scenarios compared, "Compare" (excel_compare) are Excel tables with filters, rows in
the order of the shared projection. Every user string goes through ``SheetWriter.text``: forbidden
characters out, cut at the cell limit, and never a formula; an ID cell shows the id's form of
model.journey.id_forms, which the importer reads back. Every row is as tall as its wrapped
text and every sheet prints one page wide (excel_sheet). Imports openpyxl, model and exporters
only, never Qt.
"""
from __future__ import annotations

import os
import re
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Font, PatternFill

from exporters.cleaning import TextCleaner
from exporters.common import ExportError, ExportReport, Progress, atomic_target, check_target, no_progress
from exporters.compare_rows import compare_rows
from exporters.excel_compare import COMPARE_SHEET, add_compare_sheet
from exporters.excel_map import map_sheet
from exporters.excel_sheet import (
    CELL_LIMIT,
    WRAP_STYLE,
    SheetWriter,
    add_styles,
    display_width,
    finish_table,
    header_row,
    print_setup,
)
from exporters.excel_workshop import WORKSHOP_SHEETS, add_workshop_sheets
from exporters.labels import labels_for
from exporters.projection import CardRow, Projection, format_emotion
from model import JourneyMap
from model.journey.id_forms import element_ids, id_forms
from model.layout.appearance import CARD_KIND_LABELS, TRANSITION_KIND_LABELS, label_language
from model.scenarios.compare import Comparison

__all__ = ["CELL_LIMIT", "SHEET_NAMES", "display_width", "export_excel"]

SHEET_NAMES = ("Map", "Cards", "Stages", "Transitions", "Segments", "Paths")
COLOUR_RE = re.compile("#[0-9a-fA-F]{6}")
# The Cards sheet's long-text columns wrap at these widths, so it prints one page wide legibly.
CARD_CAPS = {2: 16, 3: 16, 4: 12, 5: 30, 6: 36, 7: 12, 8: 12, 9: 16, 12: 20, 13: 20, 14: 20,
             15: 22, 16: 22, 17: 8}


def export_excel(journey: JourneyMap, path: str | os.PathLike[str], *, language: str | None = None,
                 paper: str = "a3", progress: Progress | None = None,
                 comparison: Comparison | None = None) -> ExportReport:
    """Write the workbook of ``journey`` to ``path``; raises ExportError if it cannot be written.
    With ``comparison`` (two scenarios compared), a "Compare" sheet follows the others."""
    check_target(Path(path))  # before the work, not only when the file is opened
    progress = progress or no_progress
    labels = labels_for(language or journey.language)
    lang = label_language(language or journey.language)
    projection, cleaner = Projection(journey), TextCleaner(limit=CELL_LIMIT)
    # What each ID cell shows (a cleaner of its own: the ids' dropped characters are counted once,
    # when their cells are written).
    ids = id_forms(element_ids(journey), TextCleaner(limit=CELL_LIMIT))
    wb = Workbook()
    writers = (map_sheet, _cards_sheet, _stages_sheet, _transitions_sheet, _segments_sheet,
               _paths_sheet)
    total = len(writers) + 1
    progress(0, total)
    add_styles(wb)
    for step, (name, write) in enumerate(zip(SHEET_NAMES, writers, strict=True), start=1):
        ws = wb.active if step == 1 else wb.create_sheet()
        ws.title = name
        style = None if step == 1 else WRAP_STYLE
        write(SheetWriter(ws, cleaner, style, ids=ids), projection, labels, lang)
        progress(step, total)
    add_workshop_sheets(wb, projection, labels, cleaner, ids)  # votes by person, comments, parking lot
    if comparison is not None:
        add_compare_sheet(wb, compare_rows(comparison, language), cleaner)
    for ws in wb.worksheets:
        if ws.title == "Map":
            print_setup(ws, paper, "2:3", "A:A")
        else:
            print_setup(ws, paper, "1:1")
    try:
        with atomic_target(path) as temp:
            try:
                wb.save(temp)
            except OSError as exc:
                raise ExportError(path, exc.strerror or str(exc)) from exc
            progress(total, total)  # before the rename: a cancel here still leaves no file
    finally:
        _release(wb)
    extra = (COMPARE_SHEET,) if comparison is not None else ()
    return ExportReport(str(path), cleaner.warnings(), sheets=SHEET_NAMES + WORKSHOP_SHEETS + extra)


def _release(wb: Workbook) -> None:
    """Free the cells now: each refers to its sheet and the sheet to it, a cycle only the cyclic
    GC would free, in one pause as long as the workbook is big (the window waits for the GIL)."""
    for ws in wb.worksheets:
        ws._cells.clear()
        ws.row_dimensions.clear()


# ---------------------------------------------------------------------- table sheets
CARD_COLUMNS = ("number", "stage", "lane", "kind", "title", "details", "channel", "owner",
                "segments", "votes", "order", "feeling", "stakes", "team_actions", "addresses",
                "addressed_by")


def _cards_sheet(sheet: SheetWriter, projection: Projection, labels, lang: str) -> None:
    kinds = CARD_KIND_LABELS[lang]
    columns = header_row(sheet, [labels[k] for k in CARD_COLUMNS] + ["ID"])
    for r, row in enumerate(projection.rows, start=2):
        card, where = row.card, f"card {row.card.id}"
        sheet.number(r, 1, row.number)
        texts = (row.stage.name, row.lane.name, kinds[card.kind], card.title, card.details,
                 card.channel, card.owner, ", ".join(row.segment_names))
        for col, value in enumerate(texts, start=2):
            sheet.text(r, col, value, where)
        sheet.number(r, 10, card.votes)
        sheet.number(r, 11, row.index + 1)
        for col, value in enumerate((card.feeling, card.stakes, card.actions,
                                     _titles(projection.addresses(card.id)),
                                     _titles(projection.addressed_by(card.id))), start=12):
            sheet.text(r, col, value, where)
        sheet.identifier(r, 17, card.id, where)
    finish_table(sheet, "Cards", columns, len(projection.rows), CARD_CAPS)


def _titles(rows: list[CardRow]) -> str:
    """Linked cards' titles, one a line (a title may hold a comma), in journey order."""
    return "\n".join(row.card.title for row in rows)


def _stages_sheet(sheet: SheetWriter, projection: Projection, labels, lang: str) -> None:
    columns = header_row(sheet, [labels[k] for k in ("number", "name", "overview", "exit_criteria",
                                                      "kpi_target", "emotions")] + ["ID"])
    for r, stage in enumerate(projection.stages, start=2):
        where = f"stage {stage.id}"
        emotions = projection.emotions(stage, labels["all_customers"])
        values = (stage.name, stage.overview,
                  "\n".join(f"・{c.text}" for c in stage.exit_criteria),
                  "\n".join(f"・{c.kpi}" if c.kpi else "・" for c in stage.exit_criteria),
                  "\n".join(f"{e.name}: {format_emotion(e.value)}" for e in emotions))
        sheet.number(r, 1, r - 1)
        for col, value in enumerate(values, start=2):
            sheet.text(r, col, value, where)
        sheet.identifier(r, 7, stage.id, where)
    finish_table(sheet, "Stages", columns, len(projection.stages), {3: 44, 4: 36, 5: 28, 6: 28})


def _transitions_sheet(sheet: SheetWriter, projection: Projection, labels, lang: str) -> None:
    kinds = TRANSITION_KIND_LABELS[lang]
    rows = projection.transitions()
    columns = header_row(sheet, [labels[k] for k in ("from", "to", "kind", "trigger",
                                                      "conversion_rate")] + ["ID"])
    for r, row in enumerate(rows, start=2):
        t, where = row.transition, f"transition {row.transition.id}"
        for col, value in enumerate((row.source_name, row.target_name, kinds[t.kind], t.trigger),
                                    start=1):
            sheet.text(r, col, value, where)
        sheet.number(r, 5, t.conversion_rate, "0.0%")
        sheet.identifier(r, 6, t.id, where)
    finish_table(sheet, "Transitions", columns, len(rows))


def _segments_sheet(sheet: SheetWriter, projection: Projection, labels, lang: str) -> None:
    columns = header_row(sheet, [labels[k] for k in ("number", "name", "colour", "tagged_cards")]
                          + ["ID"])
    for r, row in enumerate(projection.segment_rows, start=2):
        segment, where = row.segment, f"segment {row.segment.id}"
        sheet.number(r, 1, r - 1)
        sheet.text(r, 2, segment.name, where)
        _colour_cell(sheet.text(r, 3, segment.colour, where), segment.colour)
        sheet.number(r, 4, row.cards)
        sheet.identifier(r, 5, segment.id, where)
    finish_table(sheet, "Segments", columns, len(projection.segment_rows))


def _paths_sheet(sheet: SheetWriter, projection: Projection, labels, lang: str) -> None:
    columns = header_row(sheet, [labels[k] for k in ("number", "name", "colour", "route", "stops")]
                          + ["ID"])
    for r, row in enumerate(projection.path_rows, start=2):
        path, where = row.path, f"path {row.path.id}"
        sheet.number(r, 1, r - 1)
        sheet.text(r, 2, path.name, where)
        _colour_cell(sheet.text(r, 3, path.colour, where), path.colour)
        sheet.text(r, 4, row.route, where)
        sheet.number(r, 5, len(row.stage_names))
        sheet.identifier(r, 6, path.id, where)
    finish_table(sheet, "Paths", columns, len(projection.path_rows))


def _colour_cell(cell: Cell, colour: str) -> None:
    """Fill a colour's cell with the colour itself, its text dark or light to stay readable."""
    if not COLOUR_RE.fullmatch(colour):
        return
    red, green, blue = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    light = 0.299 * red + 0.587 * green + 0.114 * blue > 150
    cell.fill = PatternFill("solid", fgColor=colour[1:].upper())
    cell.font = Font(color="000000" if light else "FFFFFF")
