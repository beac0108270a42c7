"""The workbook's "Map" sheet: the poster as a printable grid.

Row 1 holds the map's title (A1) and its description (B1 across the stages). Row 2 the stage
names under "Lane \\ Stage", row 3 the stages' overviews under "Overview"; then a row per lane,
each card one line with its kind mark. A lane whose cards need more lines than a row can show
(Excel's rows stop at 409 pt) continues on the rows below: its name cell is merged down them and
the cards keep their order. Thin borders round every cell, print area, landscape, fit to width,
rows 2-3 and column A repeated on each printed page, A3 unless asked. Imports openpyxl, model and
exporters only.
"""
from __future__ import annotations

from openpyxl.styles import Alignment, Font

from exporters.excel_sheet import (
    LANE_FILL_STYLE,
    MAX_ROW_LINES,
    WRAP_TOP,
    SheetWriter,
    display_width,
    fit_row_heights,
    grid_borders,
    header_cell,
    line_count,
)
from exporters.projection import KIND_MARKS, Projection, format_emotion

MIN_STAGE_WIDTH = 16  # so a stage's overview wraps into lines, not into a column of characters
MAX_STAGE_WIDTH = 34
PRINT_WIDTH = 300  # character widths across: one A3 page wide at about 60 %, text near 7 pt
LANE_WIDTH = (12, 22)
FIRST_LANE_ROW = 4


def map_sheet(sheet: SheetWriter, projection: Projection, labels, lang: str) -> None:
    ws = sheet.ws
    last_col = 1 + len(projection.stages)
    _heading(sheet, projection, labels, last_col)
    for col, stage in enumerate(projection.stages, start=2):
        header_cell(sheet.text(2, col, stage.name, f"stage {stage.id} name"))
        sheet.text(3, col, stage.overview, f"stage {stage.id} overview", measure=False
                   ).alignment = WRAP_TOP
    cells = {(lane.id, stage.id): _cell_lines(projection, stage, lane, labels)
             for lane in projection.lanes for stage in projection.stages}
    for col, stage in enumerate(projection.stages, start=2):  # widths from the card lines
        for lane in projection.lanes:
            sheet.widths[col] = max(sheet.widths.get(col, 0),
                                    display_width("\n".join(cells[lane.id, stage.id])))
    widths = _widths(sheet, projection)
    row = FIRST_LANE_ROW
    for lane in projection.lanes:
        row = _lane_rows(sheet, projection, lane, cells, widths, row)
    last_row = max(row - 1, 3)
    fit_row_heights(sheet, widths, first_row=3)
    grid_borders(ws, 2, last_row, last_col)
    ws.freeze_panes = "B4"  # title, stage names and overviews stay in view, and the lane names


def _heading(sheet: SheetWriter, projection: Projection, labels, last_col: int) -> None:
    ws = sheet.ws
    title = sheet.text(1, 1, projection.journey.title, "map title", measure=False)
    title.font, title.alignment = Font(bold=True, size=14), Alignment(vertical="top", wrap_text=True)
    description = projection.journey.description
    if description and last_col > 1:
        cell = sheet.text(1, 2, description, "map description", measure=False)
        cell.alignment, cell.font = WRAP_TOP, Font(italic=True, color="5F6B7A")
        if last_col > 2:
            ws.merge_cells(start_row=1, start_column=2, end_row=1, end_column=last_col)
    header_cell(sheet.text(2, 1, labels["lanes_stages"]))
    # Top-aligned like the overviews beside it: at the default bottom of a tall row it read as
    # the label of the row below.
    overview = sheet.text(3, 1, labels["overview"])
    overview.font, overview.alignment, overview.fill = Font(bold=True), WRAP_TOP, LANE_FILL_STYLE


def _widths(sheet: SheetWriter, projection: Projection) -> dict[int, int]:
    for col in range(2, 2 + len(projection.stages)):
        sheet.widths[col] = max(sheet.widths.get(col, 0), MIN_STAGE_WIDTH)
    for lane in projection.lanes:
        sheet.widths[1] = max(sheet.widths.get(1, 0), min(len(lane.name) * 2, LANE_WIDTH[1]))
    # Narrower stage columns for maps with many stages, so the printed grid stays legible.
    cap = max(MIN_STAGE_WIDTH, min(MAX_STAGE_WIDTH, (PRINT_WIDTH - LANE_WIDTH[1])
                                   // max(len(projection.stages), 1)))
    caps = {col: cap for col in range(2, 2 + len(projection.stages))}
    caps[1] = LANE_WIDTH[1]
    return sheet.apply_widths(caps=caps)


def _cell_lines(projection: Projection, stage, lane, labels) -> list[str]:
    lines = []
    if lane.kind == "emotion":
        lines += [f"{item.name}: {format_emotion(item.value)}"
                  for item in projection.emotions(stage, labels["all_customers"])]
    lines += [f"{KIND_MARKS[row.card.kind]} {row.card.title}"
              for row in projection.cell(stage.id, lane.id)]
    return lines


def _chunks(lines: list[str], width: int) -> list[list[str]]:
    """The lines in runs that each fit one row (a line longer than a row is a run of its own)."""
    runs: list[list[str]] = [[]]
    used = 0
    for line in lines:
        need = line_count(line, width)
        if runs[-1] and used + need > MAX_ROW_LINES:
            runs.append([])
            used = 0
        runs[-1].append(line)
        used += need
    return runs


def _lane_rows(sheet: SheetWriter, projection: Projection, lane, cells, widths, row: int) -> int:
    """Write one lane from ``row``; returns the row after it."""
    chunks = {stage.id: _chunks(cells[lane.id, stage.id], widths.get(col, MIN_STAGE_WIDTH))
              for col, stage in enumerate(projection.stages, start=2)}
    rows = max((len(c) for c in chunks.values()), default=1)
    name = sheet.text(row, 1, lane.name, f"lane {lane.id} name", measure=False)
    name.font, name.fill, name.alignment = Font(bold=True), LANE_FILL_STYLE, WRAP_TOP
    for col, stage in enumerate(projection.stages, start=2):
        for offset, chunk in enumerate(chunks[stage.id]):
            sheet.text(row + offset, col, "\n".join(chunk), f"map cell {stage.name} / {lane.name}",
                       measure=False).alignment = WRAP_TOP
    if rows > 1:
        sheet.ws.merge_cells(f"A{row}:A{row + rows - 1}")
    return row + rows
