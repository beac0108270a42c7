"""A facilitator's plain grid -> a map: the first row holds stage names, the first column lane
names, and each cell one note per line (the usual hand-made Excel journey map).

Empty rows and columns are skipped wherever they are; a single title cell above the header row
becomes the map's title; a header cell merged across columns makes one stage of them all, a lane
cell merged down makes one lane of its rows, and a row without a lane name continues the lane
above. Lane kinds are guessed from their names (タッチポイント, 課題, アイデア, 感情, …), and a
note gets its lane's kind of card; bullets (・ - •) are taken off, and on our own Map
sheet the kind marks (▲ 問題点) give the card's kind. In an emotion lane, numbers are the curve
(−2…+2, or 1…5 when a value says so), "name: number" a segment's curve, and other lines notes.
A lane called 概要/Overview holds the stages' overviews. Imports the standard library, openpyxl
(via xlsx_reader), model.* and importers.*.
"""
from __future__ import annotations

import os
import re
from typing import Any

from model.journey.entities import CardKind, LaneKind

from .builder import MapBuilder
from .common import ImportFileError, ImportResult, listed
from .export_format import KIND_MARKS, LEGACY_KIND_MARKS
from .grid_emotions import EmotionReader
from .vocabulary import card_kind_for_lane, fold, label_names
from .xlsx_reader import cell_text, open_workbook, sheet_rows

_BULLET_RE = re.compile(r"^(?:[・•●○◦▪■□◆◇‣∙]|[-*+](?=\s))\s*")
_MARK_KINDS = {mark: kind for marks in (KIND_MARKS, LEGACY_KIND_MARKS)
               for kind, mark in marks.items() if kind != CardKind.NOTE}
CORNER_NAMES = label_names("lanes_stages")
OVERVIEW_NAMES = label_names("overview") | {"概要", "overview", "stage overview"}


def import_grid(path: str | os.PathLike[str], sheet: str | None = None) -> ImportResult:
    workbook = open_workbook(path, full=True)
    try:
        ws = _choose_sheet(workbook, path, sheet)
        grid = _read_cells(ws, path)
        return _import(grid, ws, path, workbook)
    finally:
        workbook.close()


def _choose_sheet(workbook, path: Any, sheet: str | None):
    if sheet is not None:
        if sheet not in workbook.sheetnames:
            raise ImportFileError(path, f"cannot be imported: it has no sheet \"{sheet}\" (sheets: "
                                        f"{listed(workbook.sheetnames, 10)})")
        return workbook[sheet]
    for ws in workbook.worksheets:
        if any(value is not None and cell_text(value).strip()
               for row in ws.iter_rows(values_only=True) for value in row):
            return ws
    raise ImportFileError(path, "cannot be imported: every sheet is empty")


def _read_cells(ws, path: Any) -> dict[tuple[int, int], str]:
    """(row, column) -> text of every non-empty cell."""
    cells = {}
    for number, values in sheet_rows(ws, path, ws.title):
        for column, value in enumerate(values, start=1):
            text = cell_text(value).strip()
            if text:
                cells[(number, column)] = text
    if not cells:
        raise ImportFileError(path, f"cannot be imported: sheet \"{ws.title}\" is empty")
    return cells


def _spans(ws) -> dict[tuple[int, int], tuple[int, int]]:
    """Each cell inside a merged range -> the range's top-left cell."""
    owner = {}
    for merged in ws.merged_cells.ranges:
        for row in range(merged.min_row, merged.max_row + 1):
            for column in range(merged.min_col, merged.max_col + 1):
                owner[(row, column)] = (merged.min_row, merged.min_col)
    return owner


class _Grid:
    """Where the title, the header row, the lane column and the body rows are."""

    def __init__(self, cells: dict[tuple[int, int], str], owner: dict) -> None:
        rows = sorted({r for r, _ in cells})
        self.title = ""
        first = [c for (r, c) in cells if r == rows[0]]
        if len(rows) > 2 and len(first) == 1 and self._is_title(cells, owner, rows, first[0]):
            self.title, rows = cells[(rows[0], first[0])], rows[1:]
        self.header = rows[0]
        self.body = rows[1:]
        self.lane_column = min(c for (r, c) in cells if r in set(rows))
        # Our own Map sheet ("Lane \ Stage" in the corner) marks each card's kind: "▲ title".
        # Only there: in a hand-made grid ■ ◆ ▲ are bullets.
        self.own_map = fold(cells.get((self.header, self.lane_column), "")) in CORNER_NAMES

    @staticmethod
    def _is_title(cells, owner, rows: list[int], column: int) -> bool:
        """A lone cell above the header is a title when it sits at or left of the lane column or
        is merged across columns; a lone stage name (a one-stage grid) sits right of it."""
        lane_column = min(c for (r, c) in cells if r != rows[0])
        merged_wide = any(top == (rows[0], column) and c != column for (_, c), top in
                          owner.items()) if owner else False
        return column <= lane_column or merged_wide


def _import(cells: dict[tuple[int, int], str], ws, path: Any, workbook) -> ImportResult:
    owner = _spans(ws)
    grid = _Grid(cells, owner)
    wide = _wide_merges(owner)
    language = "ja" if any(ord(c) >= 0x3000 for text in cells.values() for c in text) else "en"
    builder = MapBuilder(path, grid.title or os.path.splitext(os.path.basename(path))[0],
                         language)
    warnings: list[str] = []
    stage_of = _stage_columns(cells, owner, grid, builder, warnings)
    lanes = _lane_rows(cells, owner, grid, warnings)
    emotions = EmotionReader(builder, warnings)
    body_merges = []
    for row, lane_name in lanes:
        _read_row(cells, wide, row, lane_name, stage_of, builder, emotions, body_merges,
                  grid.own_map)
    emotions.apply()
    understood = [f"sheet \"{ws.title}\": header in row {grid.header}, lane names in column "
                  f"{_letter(grid.lane_column)}" + (f"; title \"{grid.title}\"" if grid.title else ""),
                  builder.counts_line()]
    understood += [line for line in (builder.lanes_line(), emotions.scale_line()) if line]
    if len(workbook.sheetnames) > 1:
        understood.append(f"read sheet \"{ws.title}\" of {len(workbook.sheetnames)} (choose another "
                          "with --sheet)")
    if body_merges:
        warnings.append("merged cells spanning several stages gave their notes to the first: "
                        f"{listed(body_merges)}")
    return builder.finish("grid", understood, warnings, [])


def _letter(column: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(column)


def _stage_columns(cells, owner, grid: _Grid, builder: MapBuilder,
                   warnings: list[str]) -> dict[int, str]:
    """Column -> stage id, for every column right of the lane column with a header or notes."""
    columns = sorted({c for (r, c) in cells if r in grid.body or r == grid.header}
                     - {grid.lane_column})
    columns = [c for c in columns if c > grid.lane_column]
    stage_of, unnamed = {}, []
    for column in columns:
        top = owner.get((grid.header, column), (grid.header, column))
        name = cells.get(top, "")
        if not name:
            name = f"({_letter(column)})"
            unnamed.append(_letter(column))
        stage_of[column] = builder.stage(name)
    if unnamed:
        warnings.append(f"columns with notes but no stage name became stages named after the "
                        f"column: {listed(unnamed)}")
    return stage_of


def _lane_rows(cells, owner, grid: _Grid, warnings: list[str]) -> list[tuple[int, str]]:
    """(row, lane name) for each body row with content; a lane cell merged down names all its
    rows; an unnamed row continues the lane above."""
    lanes, continued, current = [], [], None
    for row in grid.body:
        name = cells.get(owner.get((row, grid.lane_column), (row, grid.lane_column)))
        if name:
            current = name
        elif current is None:
            current = f"(row {row})"
            warnings.append(f"row {row} has notes but no lane name: it became lane \"{current}\"")
        else:
            continued.append(str(row))
        lanes.append((row, current))
    if continued:
        warnings.append(f"rows without a lane name were read as more notes of the lane above: "
                        f"rows {listed(continued)}")
    return lanes


def _read_row(cells, wide: dict[tuple[int, int], list[int]], row: int, lane_name: str,
              stage_of: dict[int, str], builder: MapBuilder, emotions: EmotionReader,
              body_merges: list[str], marks: bool) -> None:
    if fold(lane_name) in OVERVIEW_NAMES:
        for column, stage_id in stage_of.items():
            if (row, column) in cells:
                builder.set_overview(stage_id, cells[(row, column)])
        return
    lane_id = builder.lane(lane_name)
    kind = builder.lane_kind_named(lane_name)
    for column, stage_id in stage_of.items():
        text = cells.get((row, column))
        if text is None:
            continue
        if len({stage_of.get(c) for c in wide.get((row, column), ())} - {None}) > 1:
            body_merges.append(f"{_letter(column)}{row}")
        for line in text.split("\n"):
            if kind == LaneKind.EMOTION and emotions.take(stage_id, line):
                continue
            _add_note(builder, stage_id, lane_id, lane_name, kind, line, marks)


def _wide_merges(owner: dict) -> dict[tuple[int, int], list[int]]:
    """Top-left cell of each merged range -> the columns it covers (one pass over the ranges)."""
    wide: dict[tuple[int, int], list[int]] = {}
    for (_, column), top in owner.items():
        wide.setdefault(top, []).append(column)
    return wide


def _add_note(builder: MapBuilder, stage_id: str, lane_id: str, lane_name: str,
              lane_kind: LaneKind, line: str, marks: bool) -> None:
    text = line.strip()
    kind = card_kind_for_lane(lane_name, lane_kind)
    mark = next((m for m in _MARK_KINDS if text.startswith(m + " ")), None) if marks else None
    if mark is not None:  # "▲ 説明が多い": a line of our own Map sheet
        kind, text = _MARK_KINDS[mark], text[len(mark):].strip()
    text = _BULLET_RE.sub("", text).strip()
    if text:
        builder.add_card(stage_id, lane_id, text, kind)
