"""Excel export: a workbook a workshop team can edit and filter.

Sheet "Map" mirrors the poster (stages across, lanes down, one line per card with its kind mark);
"Cards" (with the card links: what an idea addresses, what addresses a pain point), "Stages",
"Transitions", "Segments" and "Paths" (each path's route) are Excel tables with filters, rows in
the order of the shared projection. Every user string goes through ``_Sheet.text``: forbidden
characters out, cut at the cell limit, and never a formula. Imports openpyxl, model and exporters
only, never Qt.
"""
from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Sequence
from math import ceil
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.table import Table, TableStyleInfo
from openpyxl.worksheet.worksheet import Worksheet

from exporters.cleaning import TextCleaner
from exporters.common import ExportError, ExportReport, Progress, atomic_target, check_target, no_progress
from exporters.labels import labels_for
from exporters.projection import KIND_MARKS, CardRow, Projection, format_emotion
from model import JourneyMap
from model.layout.appearance import (
    CARD_KIND_LABELS,
    HEADER_FILL,
    LANE_FILL,
    TRANSITION_KIND_LABELS,
    label_language,
)

SHEET_NAMES = ("Map", "Cards", "Stages", "Transitions", "Segments", "Paths")
CELL_LIMIT = 32_767  # Excel's maximum characters in one cell
# A cell starting with one of these is read as a formula by Excel or by a CSV round trip.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
MIN_WIDTH, MAX_WIDTH, MAX_ROW_HEIGHT, LINE_HEIGHT = 8, 60, 409, 15
MIN_STAGE_WIDTH = 20  # so a stage's overview wraps into lines, not into a column of characters
WRAP_TOP = Alignment(wrap_text=True, vertical="top")
HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL_STYLE = PatternFill("solid", fgColor=HEADER_FILL.lstrip("#"))
LANE_FILL_STYLE = PatternFill("solid", fgColor=LANE_FILL.lstrip("#"))
PAPER_SIZES = {"a4": Worksheet.PAPERSIZE_A4, "a3": Worksheet.PAPERSIZE_A3}
COLOUR_RE = re.compile("#[0-9a-fA-F]{6}")


def display_width(text: str) -> int:
    """Columns the widest line of ``text`` needs: full-width characters take two."""
    return max((sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)
                for line in text.split("\n")), default=0)


class _Sheet:
    """Writes cells of one worksheet safely and remembers how wide each column wants to be."""

    def __init__(self, ws: Worksheet, cleaner: TextCleaner) -> None:
        self.ws, self.clean = ws, cleaner
        self.widths: dict[int, int] = {}

    def text(self, row: int, col: int, value: str, where: str = "", measure: bool = True) -> Cell:
        cleaned = self.clean(value, where)
        cell = self.ws.cell(row=row, column=col, value=cleaned)
        if cleaned.startswith(FORMULA_STARTS):
            # openpyxl has just typed it as a formula: store the characters, show them as typed.
            cell.data_type = "s"
            cell.quotePrefix = True
        if measure:
            self._measure(col, cleaned)
        return cell

    def number(self, row: int, col: int, value: float | int | None, fmt: str = "") -> Cell:
        cell = self.ws.cell(row=row, column=col, value=value)
        if fmt:
            cell.number_format = fmt
        self._measure(col, str(value if value is not None else ""))
        return cell

    def _measure(self, col: int, text: str) -> None:
        self.widths[col] = max(self.widths.get(col, 0), display_width(text))

    def apply_widths(self, cap: int = MAX_WIDTH) -> dict[int, int]:
        applied = {}
        for col, width in self.widths.items():
            applied[col] = max(MIN_WIDTH, min(cap, width + 2))
            self.ws.column_dimensions[get_column_letter(col)].width = applied[col]
        return applied


def export_excel(journey: JourneyMap, path: str | os.PathLike[str], *, language: str | None = None,
                 paper: str = "a3", progress: Progress | None = None) -> ExportReport:
    """Write the workbook of ``journey`` to ``path``; raises ExportError if it cannot be written."""
    check_target(Path(path))  # before the work, not only when the file is opened
    progress = progress or no_progress
    labels = labels_for(language or journey.language)
    lang = label_language(language or journey.language)
    projection, cleaner = Projection(journey), TextCleaner(limit=CELL_LIMIT)
    wb = Workbook()
    writers = (_map_sheet, _cards_sheet, _stages_sheet, _transitions_sheet, _segments_sheet,
               _paths_sheet)
    total = len(writers) + 1
    progress(0, total)
    for step, (name, write) in enumerate(zip(SHEET_NAMES, writers, strict=True), start=1):
        ws = wb.active if step == 1 else wb.create_sheet()
        ws.title = name
        write(_Sheet(ws, cleaner), projection, labels, lang)
        progress(step, total)
    for ws in wb.worksheets:
        _print_setup(ws, paper, "2:3" if ws.title == "Map" else "1:1")
    wb["Map"].print_title_cols = "A:A"
    with atomic_target(path) as temp:
        try:
            wb.save(temp)
        except OSError as exc:
            raise ExportError(path, exc.strerror or str(exc)) from exc
    progress(total, total)
    return ExportReport(str(path), cleaner.warnings(), sheets=SHEET_NAMES)


# ---------------------------------------------------------------------- sheet "Map"
def _map_sheet(sheet: _Sheet, projection: Projection, labels, lang: str) -> None:
    ws = sheet.ws
    # The title and the overviews may spill or wrap; the card lines decide the column widths.
    title = sheet.text(1, 1, projection.journey.title, "map title", measure=False)
    title.font = Font(bold=True, size=14)
    _header_cell(sheet.text(2, 1, labels["lanes_stages"]))
    sheet.text(3, 1, labels["overview"]).font = Font(bold=True)
    for col, stage in enumerate(projection.stages, start=2):
        _header_cell(sheet.text(2, col, stage.name, f"stage {stage.id} name"))
        sheet.text(3, col, stage.overview, f"stage {stage.id} overview", measure=False
                   ).alignment = WRAP_TOP
        sheet.widths[col] = max(sheet.widths.get(col, 0), MIN_STAGE_WIDTH)
    for row, lane in enumerate(projection.lanes, start=4):
        lane_cell = sheet.text(row, 1, lane.name, f"lane {lane.id} name")
        lane_cell.font, lane_cell.fill, lane_cell.alignment = Font(bold=True), LANE_FILL_STYLE, WRAP_TOP
        for col, stage in enumerate(projection.stages, start=2):
            lines = _cell_lines(projection, stage, lane, labels)
            sheet.text(row, col, "\n".join(lines), f"map cell {stage.name} / {lane.name}"
                       ).alignment = WRAP_TOP
    title.alignment = Alignment(vertical="center")
    widths = sheet.apply_widths(cap=48)
    _fit_row_heights(ws, widths, first_row=3)
    ws.freeze_panes = "B4"  # title, stage names and overviews stay in view, and the lane names


def _cell_lines(projection: Projection, stage, lane, labels) -> list[str]:
    lines = []
    if lane.kind == "emotion":
        lines += [f"{item.name}: {format_emotion(item.value)}"
                  for item in projection.emotions(stage, labels["all_customers"])]
    lines += [f"{KIND_MARKS[row.card.kind]} {row.card.title}"
              for row in projection.cell(stage.id, lane.id)]
    return lines


def _header_cell(cell: Cell) -> None:
    cell.font, cell.fill, cell.alignment = HEADER_FONT, HEADER_FILL_STYLE, WRAP_TOP


def _fit_row_heights(ws: Worksheet, widths: dict[int, int], first_row: int) -> None:
    """Excel does not grow rows for wrapped text it did not type itself: size them from the text."""
    for row in ws.iter_rows(min_row=first_row):
        lines = 1
        for cell in row:
            if isinstance(cell.value, str) and cell.value:
                width = max(widths.get(cell.column, MIN_WIDTH) - 1, 1)
                lines = max(lines, sum(max(1, ceil(display_width(part) / width))
                                       for part in cell.value.split("\n")))
        ws.row_dimensions[row[0].row].height = min(MAX_ROW_HEIGHT, lines * LINE_HEIGHT + 3)


def _print_setup(ws: Worksheet, paper: str, title_rows: str) -> None:
    """Landscape, one page wide, header rows repeated on every printed page."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = PAPER_SIZES.get(paper.lower(), Worksheet.PAPERSIZE_A3)
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages down as it takes
    ws.print_title_rows = title_rows


# ---------------------------------------------------------------------- table sheets
def _table(sheet: _Sheet, name: str, headers: Sequence[str], rows: int) -> None:
    """Header row, filters, frozen header and sensible widths for a sheet of ``rows`` rows."""
    for col, header in enumerate(headers, start=1):
        _header_cell(sheet.text(1, col, header))
    last = max(rows, 1) + 1  # an Excel table needs a data row, even an empty one
    ref = f"A1:{get_column_letter(len(headers))}{last}"
    table = Table(displayName=name, ref=ref)
    table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
    sheet.ws.add_table(table)
    sheet.ws.freeze_panes = "A2"
    sheet.apply_widths()
    for row in sheet.ws.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = WRAP_TOP


CARD_COLUMNS = ("number", "stage", "lane", "kind", "title", "details", "channel", "owner",
                "segments", "votes", "order", "feeling", "stakes", "team_actions", "addresses",
                "addressed_by")


def _cards_sheet(sheet: _Sheet, projection: Projection, labels, lang: str) -> None:
    kinds = CARD_KIND_LABELS[lang]
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
        sheet.text(r, 17, card.id, where)
    _table(sheet, "Cards", [labels[k] for k in CARD_COLUMNS] + ["ID"], len(projection.rows))


def _titles(rows: list[CardRow]) -> str:
    """Linked cards' titles, one a line (a title may hold a comma), in journey order."""
    return "\n".join(row.card.title for row in rows)


def _stages_sheet(sheet: _Sheet, projection: Projection, labels, lang: str) -> None:
    for r, stage in enumerate(projection.stages, start=2):
        where = f"stage {stage.id}"
        emotions = projection.emotions(stage, labels["all_customers"])
        values = (stage.name, stage.overview,
                  "\n".join(f"・{c.text}" for c in stage.exit_criteria),
                  "\n".join(f"・{c.kpi}" if c.kpi else "・" for c in stage.exit_criteria),
                  "\n".join(f"{e.name}: {format_emotion(e.value)}" for e in emotions), stage.id)
        sheet.number(r, 1, r - 1)
        for col, value in enumerate(values, start=2):
            sheet.text(r, col, value, where)
    headers = [labels[k] for k in ("number", "name", "overview", "exit_criteria", "kpi_target",
                                   "emotions")] + ["ID"]
    _table(sheet, "Stages", headers, len(projection.stages))


def _transitions_sheet(sheet: _Sheet, projection: Projection, labels, lang: str) -> None:
    kinds = TRANSITION_KIND_LABELS[lang]
    rows = projection.transitions()
    for r, row in enumerate(rows, start=2):
        t, where = row.transition, f"transition {row.transition.id}"
        for col, value in enumerate((row.source_name, row.target_name, kinds[t.kind], t.trigger),
                                    start=1):
            sheet.text(r, col, value, where)
        sheet.number(r, 5, t.conversion_rate, "0.0%")
        sheet.text(r, 6, t.id, where)
    headers = [labels[k] for k in ("from", "to", "kind", "trigger", "conversion_rate")] + ["ID"]
    _table(sheet, "Transitions", headers, len(rows))


def _segments_sheet(sheet: _Sheet, projection: Projection, labels, lang: str) -> None:
    for r, row in enumerate(projection.segment_rows, start=2):
        segment, where = row.segment, f"segment {row.segment.id}"
        sheet.number(r, 1, r - 1)
        sheet.text(r, 2, segment.name, where)
        _colour_cell(sheet.text(r, 3, segment.colour, where), segment.colour)
        sheet.number(r, 4, row.cards)
        sheet.text(r, 5, segment.id, where)
    headers = [labels[k] for k in ("number", "name", "colour", "tagged_cards")] + ["ID"]
    _table(sheet, "Segments", headers, len(projection.segment_rows))


def _paths_sheet(sheet: _Sheet, projection: Projection, labels, lang: str) -> None:
    for r, row in enumerate(projection.path_rows, start=2):
        path, where = row.path, f"path {row.path.id}"
        sheet.number(r, 1, r - 1)
        sheet.text(r, 2, path.name, where)
        _colour_cell(sheet.text(r, 3, path.colour, where), path.colour)
        sheet.text(r, 4, row.route, where)
        sheet.number(r, 5, len(row.stage_names))
        sheet.text(r, 6, path.id, where)
    headers = [labels[k] for k in ("number", "name", "colour", "route", "stops")] + ["ID"]
    _table(sheet, "Paths", headers, len(projection.path_rows))


def _colour_cell(cell: Cell, colour: str) -> None:
    """Fill a colour's cell with the colour itself, its text dark or light to stay readable."""
    if not COLOUR_RE.fullmatch(colour):
        return
    red, green, blue = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    light = 0.299 * red + 0.587 * green + 0.114 * blue > 150
    cell.fill = PatternFill("solid", fgColor=colour[1:].upper())
    cell.font = Font(color="000000" if light else "FFFFFF")
