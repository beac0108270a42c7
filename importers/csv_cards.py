"""CSV of cards -> a map: one header row naming the columns (English or Japanese), then one row a
card (stage, lane, kind, title, details, channel, owner, segments, votes, feeling, stakes,
actions, ID). UTF-8 with or without BOM, UTF-16 with BOM, and CP932 (Shift_JIS, Japanese
Excel's CSV) are told apart automatically; commas, tabs or semicolons.

Stages and lanes are created by name in an order that keeps every row's order; lane kinds are
guessed from names; a row without a kind gets its lane's kind of card. A row that cannot be a
card (unknown kind, bad votes, more cells than columns) is skipped and reported by row number.
Parsing is the standard csv module's, one pass, linear in the file. Imports the standard
library, model.* and importers.* (the formula guard's inverse in importers.export_format).
"""
from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterator
from typing import Any

from model.fileformat.filechecks import MAX_STRING_LENGTH
from model.journey.entities import CardKind

from .builder import CARD_TEXT_FIELDS, MapBuilder, merged_order
from .common import (
    MAX_ROWS,
    MAX_TEXT_SOURCE_BYTES,
    ImportFileError,
    ImportResult,
    check_cancelled,
    decode_text,
    listed,
    read_source,
)
from .export_format import SEGMENT_SEPARATORS, unguard_formula
from .vocabulary import card_kind, card_kind_for_lane, header_field, parse_count

DELIMITERS = (",", "\t", ";")
REQUIRED = ("title",)


class RowProblem(Exception):
    """A row that cannot become a card; the message says why."""


def import_csv(path: str | os.PathLike[str]) -> ImportResult:
    text, encoding = decode_text(read_source(path, MAX_TEXT_SOURCE_BYTES), path)
    rows = _records(text, path)
    header_row, header = _header(rows, path)
    columns, ignored = _columns(header, header_row, path)
    language = "ja" if any(ord(c) > 0x3000 for c in text[:20000]) else "en"
    builder = MapBuilder(path, title=os.path.splitext(os.path.basename(path))[0], language=language)
    skipped: list[str] = []
    sequences = _read_cards(rows, columns, len(header), builder, skipped)
    _reorder(builder, sequences)
    understood = [f"read as {encoding}, {_delimiter_name(text)}-separated; header in row "
                  f"{header_row}", builder.counts_line()]
    if lanes := builder.lanes_line():
        understood.append(lanes)
    warnings = [f"ignored columns: {listed(ignored)}"] if ignored else []
    warnings += _blank_name_warnings(builder)
    return builder.finish("csv", understood, warnings, skipped)


# ----------------------------------------------------------------------------- reading rows
def _delimiter(text: str) -> str:
    first = next((line for line in text.splitlines() if line.strip()), "")
    return max(DELIMITERS, key=first.count)


def _delimiter_name(text: str) -> str:
    return {",": "comma", "\t": "tab", ";": "semicolon"}[_delimiter(text)]


def _records(text: str, path: Any) -> Iterator[tuple[int, list[str]]]:
    """(row number, cells) for each non-empty record; csv errors name the line."""
    if text.startswith("\ufeff"):
        text = text[1:]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    number = 0
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise ImportFileError(path, f"cannot be imported: it is not valid CSV ({exc})",
                                  f"line {reader.line_num}") from None
        number += 1
        check_cancelled()
        if number > MAX_ROWS + 1:
            raise ImportFileError(path, f"cannot be imported: it has more than {MAX_ROWS:,} rows "
                                        "(the card limit of a .journey map)")
        if any(cell.strip() for cell in cells):
            yield number, cells


def _header(rows: Iterator[tuple[int, list[str]]], path: Any) -> tuple[int, list[str]]:
    try:
        return next(rows)
    except StopIteration:
        raise ImportFileError(path, "cannot be imported: it is empty (no header row)") from None


def _columns(header: list[str], row: int, path: Any) -> tuple[dict[str, int], list[str]]:
    """field -> column index, and the headers nobody reads."""
    columns: dict[str, int] = {}
    ignored: list[str] = []
    for index, name in enumerate(header):
        field = header_field(name)
        if field is None or field in columns or field in ("number", "order"):
            if name.strip() and field not in ("number", "order"):
                ignored.append(f'"{name.strip()}"')
            continue
        columns[field] = index
    missing = [field for field in REQUIRED if field not in columns]
    if missing:
        raise ImportFileError(path, "cannot be imported: the header row names no title column "
                                    "(expected a column such as title, タイトル, card or 内容; "
                                    f"found {listed([repr(h) for h in header], 8)})", f"row {row}")
    return columns, ignored


# ----------------------------------------------------------------------------- rows -> cards
def _read_cards(rows, columns: dict[str, int], width: int, builder: MapBuilder,
                skipped: list[str]) -> dict[str, dict[str, list[str]]]:
    """Add a card per row; returns the stage order per lane and lane order per stage seen."""
    sequences: dict[str, dict[str, list[str]]] = {"stages": {}, "lanes": {}}
    seen_ids: set[str] = set()
    for number, cells in rows:
        try:
            values = _values(cells, columns, width)
            stage_id, lane_id = _add_card(values, builder, seen_ids)
        except RowProblem as problem:
            skipped.append(f"row {number}: {problem}")
            continue
        sequences["stages"].setdefault(lane_id, []).append(stage_id)
        sequences["lanes"].setdefault(stage_id, []).append(lane_id)
    return sequences


def _values(cells: list[str], columns: dict[str, int], width: int) -> dict[str, str]:
    extra = [cell for cell in cells[width:] if cell.strip()]
    if extra:
        raise RowProblem(f"{len(extra)} more cell(s) than the header has columns (a missing "
                         "quote or separator?)")
    values = {field: unguard_formula(cells[i]) if i < len(cells) else ""
              for field, i in columns.items()}
    for field, value in values.items():
        if len(value) > MAX_STRING_LENGTH:
            raise RowProblem(f"the {field} is longer than {MAX_STRING_LENGTH:,} characters")
    return values


def _add_card(values: dict[str, str], builder: MapBuilder, seen_ids: set[str]) -> tuple[str, str]:
    """Check the row, then add its card (and any new stage, lane, segment): a skipped row
    leaves nothing behind."""
    stage, lane = values.get("stage", "").strip(), values.get("lane", "").strip()
    kind = _kind(values.get("kind", ""), lane, builder)
    votes = _votes(values.get("votes", ""))
    stage_id, lane_id = builder.stage(stage), builder.lane(lane)
    segments = tuple(builder.segment(name) for name in split_segments(values.get("segments", "")))
    card_id = values.get("id", "")  # kept as written: an id may hold spaces
    preferred = card_id if card_id and card_id not in seen_ids else None
    seen_ids.add(card_id)
    builder.add_card(stage_id, lane_id, values.get("title", ""), kind, preferred, segments, votes,
                     **{name: values.get(name, "") for name in CARD_TEXT_FIELDS})
    return stage_id, lane_id


def _kind(text: str, lane_name: str, builder: MapBuilder) -> CardKind:
    if not text.strip():
        return card_kind_for_lane(lane_name, builder.lane_kind_named(lane_name))
    kind = card_kind(text)
    if kind is None:
        raise RowProblem(f'unknown kind "{text.strip()}" (use touchpoint, moment of truth, '
                         "pain point, idea, milestone, KPI or note; タッチポイント, 問題点, …)")
    return kind


def _votes(text: str) -> int:
    if not text.strip():
        return 0
    value = parse_count(text)
    if value is None:
        raise RowProblem(f'votes must be a whole number ≥ 0, not "{text.strip()}"')
    return value


def split_segments(text: str) -> list[str]:
    """Segment names one a line; a single line is a list split at commas (、 ; too)."""
    if "\n" in text:
        parts = text.split("\n")  # not splitlines(): a name may hold a form feed or U+2028
    else:
        parts = [text]
        for separator in SEGMENT_SEPARATORS:
            parts = [piece for part in parts for piece in part.split(separator)]
    return [part.strip() for part in parts if part.strip()]


# ----------------------------------------------------------------------------- finishing
def _reorder(builder: MapBuilder, sequences: dict[str, dict[str, list[str]]]) -> None:
    for key, by in (("stages", "stages"), ("lanes", "lanes")):
        items = builder.data[key]
        order = merged_order([item["id"] for item in items], list(sequences[by].values()))
        by_id = {item["id"]: item for item in items}
        builder.data[key] = [by_id[item_id] for item_id in order]


def _blank_name_warnings(builder: MapBuilder) -> list[str]:
    found = []
    for key, what in (("stages", "stage"), ("lanes", "lane")):
        if any(not item["name"] for item in builder.data[key]):
            found.append(f"rows without a {what} went to a {what} with no name")
    return found
