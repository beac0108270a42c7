"""What every sheet of the Excel workbook shares: safe cells, column widths, row heights that fit
the wrapped text, borders and the print setup.

Excel (and LibreOffice) grow a row for wrapped text only when a person types it; a written file
keeps the default height and the lines overlap or hide. So every row's height is worked out here
from its cells' lines and column widths. Printing is landscape, one page wide and as many pages
down as it takes (never "one page": a long Cards sheet printed at 3.7 pt). Imports openpyxl and
exporters only.
"""
from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence
from math import ceil

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.table import Table, TableStyleInfo
from openpyxl.worksheet.worksheet import Worksheet

from exporters.cleaning import TextCleaner
from model.layout.appearance import GRID_LINE, HEADER_FILL, LANE_FILL

CELL_LIMIT = 32_767  # Excel's maximum characters in one cell
# A cell starting with one of these is read as a formula by Excel or by a CSV round trip.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
MIN_WIDTH, MAX_WIDTH, MAX_ROW_HEIGHT, LINE_HEIGHT = 8, 60, 409, 15
MAX_ROW_LINES = (MAX_ROW_HEIGHT - 3) // LINE_HEIGHT  # lines one row can show
WRAP_TOP = Alignment(wrap_text=True, vertical="top")
HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL_STYLE = PatternFill("solid", fgColor=HEADER_FILL.lstrip("#"))
LANE_FILL_STYLE = PatternFill("solid", fgColor=LANE_FILL.lstrip("#"))
THIN = Side(style="thin", color=GRID_LINE.lstrip("#").upper())
GRID_BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
# Excel's paper codes (ECMA-376 ST_PaperSize): 12 and 13 are JIS B4 and B5, 66 is A2.
PAPER_SIZES = {"a4": Worksheet.PAPERSIZE_A4, "a3": Worksheet.PAPERSIZE_A3, "a2": 66, "b4": 12,
               "b5": 13}


class _Columns(dict):
    """str.translate table: a full-width character becomes two characters, any other itself.

    Filled per character on first sight, so measuring runs at str.translate's speed instead of
    a Python loop over every character of every cell (most of the workbook's time before)."""

    def __missing__(self, code: int):
        value = "WW" if unicodedata.east_asian_width(chr(code)) in ("W", "F") else code
        self[code] = value
        return value


_COLUMNS = _Columns()


def _columns(text: str) -> str:
    return text if text.isascii() else text.translate(_COLUMNS)


def display_width(text: str) -> int:
    """Columns the widest line of ``text`` needs: full-width characters take two."""
    return max(map(len, _columns(text).split("\n")), default=0)


def line_count(text: str, width: int) -> int:
    """Lines ``text`` takes in a wrapping cell ``width`` characters wide."""
    room = max(width - 1, 1)
    return sum(max(1, ceil(len(part) / room)) for part in _columns(text).split("\n"))


WRAP_STYLE = "Journey map text"  # the named style of the tables' cells (see add_styles)


def add_styles(wb: Workbook) -> None:
    """The workbook's named styles. A cell given a named style by name gets a copy of one small
    style array; a cell given an Alignment object makes openpyxl hash it to find its index, which
    was most of the time of a 2,000-card workbook. Excel lists the style among its cell styles."""
    wb.add_named_style(NamedStyle(WRAP_STYLE, alignment=WRAP_TOP))


class SheetWriter:
    """Writes cells of one worksheet safely and remembers how wide each column wants to be;
    with ``style``, every cell it writes starts with that named style. ``ids`` is what each
    element's ID cell shows (model.journey.id_forms)."""

    def __init__(self, ws: Worksheet, cleaner: TextCleaner, style: str | None = None, *,
                 ids: Mapping[str, str] | None = None) -> None:
        self.ws, self.clean, self.style = ws, cleaner, style
        self.ids = ids or {}
        self.widths: dict[int, int] = {}
        self.texts: dict[int, list[tuple[int, str]]] = {}  # row -> (column, text) written there

    def _cell(self, row: int, col: int, value) -> Cell:
        cell = self.ws.cell(row=row, column=col, value=value)
        if self.style is not None:
            cell.style = self.style  # first: a named style replaces the whole style of the cell
        return cell

    def identifier(self, row: int, col: int, element_id: str, where: str) -> Cell:
        """An element's ID cell; the characters it drops are counted for the export's warning."""
        self.clean(element_id, where)
        return self.text(row, col, self.ids.get(element_id, element_id), where)

    def text(self, row: int, col: int, value: str, where: str = "", measure: bool = True) -> Cell:
        cleaned = self.clean(value, where)
        cell = self._cell(row, col, cleaned)
        if cleaned.startswith(FORMULA_STARTS):
            # openpyxl has just typed it as a formula: store the characters, show them as typed.
            cell.data_type = "s"
            cell.quotePrefix = True
        if measure:
            self._measure(col, cleaned)
        if cleaned:
            self.texts.setdefault(row, []).append((col, cleaned))
        return cell

    def number(self, row: int, col: int, value: float | int | None, fmt: str = "") -> Cell:
        cell = self._cell(row, col, value)
        if fmt:
            cell.number_format = fmt
        self._measure(col, str(value if value is not None else ""))
        return cell

    def _measure(self, col: int, text: str) -> None:
        self.widths[col] = max(self.widths.get(col, 0), display_width(text))

    def apply_widths(self, cap: int = MAX_WIDTH, caps: dict[int, int] | None = None) -> dict[int, int]:
        applied = {}
        for col, width in self.widths.items():
            applied[col] = max(MIN_WIDTH, min((caps or {}).get(col, cap), width + 2))
            self.ws.column_dimensions[get_column_letter(col)].width = applied[col]
        return applied


def header_cell(cell: Cell) -> None:
    cell.font, cell.fill, cell.alignment = HEADER_FONT, HEADER_FILL_STYLE, WRAP_TOP


def fit_row_heights(sheet: SheetWriter, widths: dict[int, int], first_row: int) -> None:
    """Each row as tall as its most wrapped cell (at most Excel's 409 pt), from the texts the
    writer put there (reading every cell back from the sheet cost as much as writing it)."""
    dimensions = sheet.ws.row_dimensions
    for row in range(first_row, sheet.ws.max_row + 1):
        lines = max((line_count(text, widths.get(col, MIN_WIDTH))
                     for col, text in sheet.texts.get(row, ())), default=1)
        dimensions[row].height = min(MAX_ROW_HEIGHT, lines * LINE_HEIGHT + 3)


def grid_borders(ws: Worksheet, first_row: int, last_row: int, last_col: int) -> None:
    """Thin lines round every cell of the block, so the printed grid reads like the poster's."""
    for row in ws.iter_rows(min_row=first_row, max_row=last_row, max_col=last_col):
        for cell in row:
            cell.border = GRID_BORDER


def print_setup(ws: Worksheet, paper: str, title_rows: str, title_cols: str = "") -> None:
    """Landscape, one page wide, header rows (and columns) repeated on every printed page, the
    used range as the print area. Papers Excel has no code for (A1, A0, custom) print on A3."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = PAPER_SIZES.get(paper.strip().lower(), Worksheet.PAPERSIZE_A3)
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages down as it takes
    ws.print_title_rows = title_rows
    if title_cols:
        ws.print_title_cols = title_cols
    ws.print_area = f"A1:{get_column_letter(max(ws.max_column, 1))}{max(ws.max_row, 1)}"
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.5
    ws.print_options.gridLines = False


def header_row(sheet: SheetWriter, headers: Sequence[str]) -> int:
    """Row 1 of a table sheet, written first: openpyxl sorts a sheet's cells when it saves, and
    cells written in order sort in one pass (a long sort holds the GIL, and the window waits)."""
    for col, header in enumerate(headers, start=1):
        header_cell(sheet.text(1, col, header))
    return len(headers)


def finish_table(sheet: SheetWriter, name: str, columns: int, rows: int,
                 caps: dict[int, int] | None = None) -> None:
    """Filters, frozen header, widths and row heights for a table sheet of ``rows`` rows."""
    last = max(rows, 1) + 1  # an Excel table needs a data row, even an empty one
    table = Table(displayName=name, ref=f"A1:{get_column_letter(columns)}{last}")
    table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
    sheet.ws.add_table(table)
    sheet.ws.freeze_panes = "A2"
    widths = sheet.apply_widths(caps=caps)  # the cells wrap: SheetWriter gave them WRAP_STYLE
    fit_row_heights(sheet, widths, first_row=1)
