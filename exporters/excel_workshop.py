"""The workshop's part of the Excel workbook: a votes column per participant on the Cards sheet
(named votes; an anonymous vote shows its totals only, in the Votes column), and the sheets
"Comments" and "Parking lot" as Excel tables. Added after the other sheets are written, so the
Cards sheet's own columns and the importers' reading of them stay as they were (importers read
columns by header name; importers/export_format.py writes these names down). Imports openpyxl,
model and exporters only.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from exporters.cleaning import TextCleaner
from exporters.excel_sheet import WRAP_STYLE, SheetWriter, finish_table, header_cell, header_row
from exporters.projection import Projection
from exporters.workshop_rows import comment_rows, parking_rows, voters

WORKSHOP_SHEETS = ("Comments", "Parking lot")


def add_workshop_sheets(wb: Workbook, projection: Projection, labels: Mapping[str, str],
                        cleaner: TextCleaner, ids: Mapping[str, str]) -> None:
    """The votes per participant on "Cards", then the two sheets at the end of the workbook;
    ``ids`` is what each ID cell shows (model.journey.id_forms, as on the other sheets)."""
    if "Cards" in wb.sheetnames:
        _vote_columns(wb["Cards"], projection, labels, cleaner, ids)
    for name, write in (("Comments", _comments_sheet), ("Parking lot", _parking_sheet)):
        write(SheetWriter(wb.create_sheet(name), cleaner, WRAP_STYLE, ids=ids), projection, labels)


def participant_headers(names: Sequence[str], labels: Mapping[str, str]) -> list[str]:
    """"Votes: Ana", one per voter; a name given twice gets " (2)" (a table's headers differ)."""
    headers: list[str] = []
    for name in names:
        header = labels["votes_of"].format(name=" ".join(name.split()) or "?")
        candidate, count = header, 1
        while candidate in headers:
            count += 1
            candidate = f"{header} ({count})"
        headers.append(candidate)
    return headers


# ---------------------------------------------------------------------- Cards: votes by person
def _vote_columns(ws: Worksheet, projection: Projection, labels, cleaner: TextCleaner,
                  ids: Mapping[str, str]) -> None:
    people = voters(projection.journey)
    table = ws.tables.get("Cards")
    if not people or table is None:
        return
    sheet, first = SheetWriter(ws, cleaner), ws.max_column + 1
    headers = participant_headers([p.name for p in people], labels)
    for offset, header in enumerate(headers):
        header_cell(sheet.text(1, first + offset, header))
    dots = {ids.get(row.card.id, row.card.id): row.card.dots for row in projection.rows}  # by ID cell
    id_column = _column_named(ws, "ID")
    for r in range(2, ws.max_row + 1):
        card_dots = dots.get(ws.cell(row=r, column=id_column).value, {})
        for offset, person in enumerate(people):
            sheet.number(r, first + offset, card_dots.get(person.id, 0))
    start, end = table.ref.split(":")
    rows = "".join(ch for ch in end if ch.isdigit())
    table.ref = f"{start}:{get_column_letter(first + len(people) - 1)}{rows}"
    if table.autoFilter is not None:
        table.autoFilter.ref = table.ref
    sheet.apply_widths(caps={first + i: 16 for i in range(len(people))})


def _column_named(ws: Worksheet, name: str) -> int:
    for cell in ws[1]:
        if cell.value == name:
            return cell.column
    raise ValueError(f"the Cards sheet has no {name} column")  # pragma: no cover - we wrote it


# ---------------------------------------------------------------------- the two sheets
COMMENT_COLUMNS = ("number", "stage", "lane", "card", "comment", "written_by", "time",
                   "reply_to", "resolved")
COMMENT_CAPS = {2: 16, 3: 16, 4: 30, 5: 50, 6: 16, 7: 20}


def _comments_sheet(sheet: SheetWriter, projection: Projection, labels) -> None:
    rows = comment_rows(projection)
    columns = header_row(sheet, [labels[k] for k in COMMENT_COLUMNS] + [f"{labels['card']} ID", "ID"])
    for r, row in enumerate(rows, start=2):
        where = f"comment {row.comment.id}"
        sheet.number(r, 1, row.number)
        for col, value in enumerate((row.card.stage.name, row.card.lane.name, row.card.card.title,
                                     row.comment.text, row.author, row.time), start=2):
            sheet.text(r, col, value, where)
        sheet.number(r, 8, row.reply_to)
        sheet.text(r, 9, labels["yes"] if row.comment.resolved else labels["no"])
        sheet.identifier(r, 10, row.card.card.id, where)
        sheet.identifier(r, 11, row.comment.id, where)
    finish_table(sheet, "Comments", columns, len(rows), COMMENT_CAPS)


def _parking_sheet(sheet: SheetWriter, projection: Projection, labels) -> None:
    rows = parking_rows(projection.journey)
    columns = header_row(sheet, [labels[k] for k in ("number", "text", "written_by", "time")] + ["ID"])
    for r, row in enumerate(rows, start=2):
        where = f"parking item {row.item.id}"
        sheet.number(r, 1, row.number)
        for col, value in enumerate((row.item.text, row.author, row.time), start=2):
            sheet.text(r, col, value, where)
        sheet.identifier(r, 5, row.item.id, where)
    finish_table(sheet, "ParkingLot", columns, len(rows), {2: 60, 3: 16, 4: 20})
