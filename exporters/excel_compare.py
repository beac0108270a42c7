"""The Excel "Compare" sheet (``export --compare A B``): the summary, the cards by kind before and
after, the emotion per stage and curve, and every card added, removed or changed as an Excel table
with filters. Rows from exporters.compare_rows, the same as the PDF comparison page. Imports
openpyxl, model and exporters only.
"""
from __future__ import annotations

from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.table import Table, TableStyleInfo

from exporters.cleaning import TextCleaner
from exporters.compare_rows import CompareRows
from exporters.excel_sheet import MIN_WIDTH, WRAP_STYLE, SheetWriter, fit_row_heights, header_cell, line_count

COMPARE_SHEET = "Compare"
CHANGE_FORMAT = '+General;"\u2212"General;0'
HEADING_HEIGHT = 18
RIGHT = Alignment(horizontal="right", vertical="top")
CAPS = {1: 18, 2: 18, 3: 18, 4: 18, 5: 36, 6: 30, 7: 24}


def add_compare_sheet(wb: Workbook, rows: CompareRows, cleaner: TextCleaner) -> None:
    sheet = SheetWriter(wb.create_sheet(COMPARE_SHEET), cleaner, WRAP_STYLE)
    labels = rows.labels
    header_cell(sheet.text(1, 1, rows.title, measure=False))
    sheet.text(2, 1, rows.summary, measure=False)
    sheet.ws.merge_cells("A1:G1")
    sheet.ws.merge_cells("A2:G2")  # the summary reads across the table below it
    headings = [4]
    row = _block(sheet, 4, labels["kinds"], [labels["kind"], labels["before"], labels["after"],
                                             labels["change"]], rows.kinds)
    headings.append(row + 1)
    row = _block(sheet, row + 1, labels["emotions"],
                 [labels["stage"], labels["curve"], labels["before"], labels["after"],
                  labels["change"]], rows.emotions)
    headings.append(row + 1)
    _cards_table(sheet, row + 1, rows)
    widths = sheet.apply_widths(caps=CAPS)
    fit_row_heights(sheet, widths, first_row=3)
    across = sum(widths.get(col, MIN_WIDTH) for col in range(1, 8))
    sheet.ws.row_dimensions[2].height = min(409, 15 * line_count(rows.summary, across) + 4)
    for heading in headings:  # one line each: a heading runs on into the empty cells beside it
        sheet.ws.row_dimensions[heading].height = HEADING_HEIGHT
    sheet.ws.freeze_panes = "A3"


def _block(sheet: SheetWriter, row: int, heading: str, headers: Sequence[str],
           values: Sequence[Sequence]) -> int:
    """A heading, a header row and the values; returns the row after it."""
    header_cell(sheet.text(row, 1, heading, measure=False))
    numeric = {col for record in values for col, value in enumerate(record, start=1)
               if not isinstance(value, str)}
    for col, header in enumerate(headers, start=1):
        cell = sheet.text(row + 1, col, header)
        header_cell(cell)
        if col in numeric:
            cell.alignment = RIGHT
    for offset, record in enumerate(values, start=row + 2):
        for col, value in enumerate(record, start=1):
            _value(sheet, offset, col, value, col == len(record))
    return row + 2 + len(values)


def _value(sheet: SheetWriter, row: int, col: int, value, change: bool) -> None:
    if isinstance(value, str):
        sheet.text(row, col, value)
        return
    # Numbers right-aligned under right-aligned headers; a change shows its sign (+2, −1).
    cell = sheet.number(row, col, value, CHANGE_FORMAT if change else "")
    cell.alignment = RIGHT


def _cards_table(sheet: SheetWriter, row: int, rows: CompareRows) -> None:
    labels = rows.labels
    header_cell(sheet.text(row, 1, labels["cards"], measure=False))
    headers = [labels["status"], labels["kind"], labels["stage"], labels["lane"],
               labels["title_col"], labels["before_title"], labels["fields"]]
    first = row + 1
    for col, header in enumerate(headers, start=1):
        header_cell(sheet.text(first, col, header))
    for offset, record in enumerate(rows.cards, start=first + 1):
        for col, value in enumerate(record, start=1):
            sheet.text(offset, col, value)
    last = first + max(len(rows.cards), 1)  # an Excel table needs a data row, even an empty one
    table = Table(displayName="CompareCards", ref=f"A{first}:{get_column_letter(7)}{last}")
    table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
    sheet.ws.add_table(table)
