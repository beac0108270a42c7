"""Opening a workbook within limits, and reading a sheet as rows of text keyed by header name.

A .xlsx is a zip of XML parts: its size on disk says little, so the sizes the zip declares for
its parts are summed before anything is parsed (a small file that unpacks to gigabytes is
refused), and zipfile itself never inflates a part past its declared size. Tables are read in
openpyxl's streaming mode (cells by header NAME, never by position, so added or moved columns do
not matter); the grid importer needs merged cells, which only the full mode has, so it gets a
smaller limit. Imports the standard library, openpyxl, model.* and importers.common.
"""
from __future__ import annotations

import datetime as dt
import zipfile
from collections.abc import Iterator
from typing import Any

from model.fileformat.filechecks import MAX_FILE_BYTES

from .common import MAX_ROWS, ImportFileError, check_cancelled, check_size
from .vocabulary import fold

MAX_UNPACKED_BYTES = 512 * 2**20  # streamed: time grows with this, memory does not
MAX_GRID_UNPACKED_BYTES = 24 * 2**20  # loaded whole (merged cells): openpyxl keeps every cell
MAX_COLUMNS = 2_000


def open_workbook(path: Any, *, full: bool = False):
    """An openpyxl workbook (streaming unless ``full``), with cached formula values."""
    import openpyxl

    check_size(path, _file_size(path), MAX_FILE_BYTES)
    _check_unpacked(path, MAX_GRID_UNPACKED_BYTES if full else MAX_UNPACKED_BYTES)
    try:
        return openpyxl.load_workbook(path, read_only=not full, data_only=True)
    except ImportFileError:
        raise
    except Exception as exc:  # openpyxl raises many kinds for a damaged or foreign file
        raise ImportFileError(path, f"cannot be imported: the workbook cannot be read "
                                    f"({type(exc).__name__}: {str(exc)[:120]})") from None


def _file_size(path: Any) -> int:
    import os

    try:
        return os.stat(path).st_size
    except OSError as exc:
        reason = "the file does not exist" if isinstance(exc, FileNotFoundError) else (
            exc.strerror or str(exc))
        raise ImportFileError(path, f"cannot be imported: {reason}") from None


def _check_unpacked(path: Any, limit: int) -> None:
    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError):
        raise ImportFileError(path, "cannot be imported: it is not an Excel workbook (.xlsx); "
                                    "it may be damaged or another format") from None
    if unpacked > limit:
        raise ImportFileError(path, f"cannot be imported: the workbook unpacks to "
                                    f"{unpacked / 2**20:.0f} MiB, more than the limit of "
                                    f"{limit / 2**20:.0f} MiB for this import")


def cell_text(value: Any) -> str:
    """A cell's value as the text a person sees: 3.0 -> "3", a date -> 2024-04-01."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        return value.isoformat()
    return str(value)


def sheet_rows(ws, path: Any, sheet: str) -> Iterator[tuple[int, tuple[Any, ...]]]:
    """(row number, values) of every row, refusing sheets past the row and column limits."""
    for number, values in enumerate(ws.iter_rows(values_only=True), start=1):
        check_cancelled()
        if number > MAX_ROWS + 1:
            raise ImportFileError(path, f"cannot be imported: sheet \"{sheet}\" has more than "
                                        f"{MAX_ROWS:,} rows", f"sheet {sheet}")
        if len(values) > MAX_COLUMNS:
            values = values[:MAX_COLUMNS] if not any(values[MAX_COLUMNS:]) else _too_wide(
                path, sheet)
        yield number, values


def _too_wide(path: Any, sheet: str):
    raise ImportFileError(path, f"cannot be imported: sheet \"{sheet}\" has more than "
                                f"{MAX_COLUMNS:,} columns", f"sheet {sheet}")


class Table:
    """A sheet whose first row names its columns; rows read as {key: text} by header name."""

    def __init__(self, ws, path: Any, name: str, headers: dict[str, str]) -> None:
        """``headers`` maps a folded header name to the key the importer uses for it."""
        self.name = name
        self.rows: list[tuple[int, dict[str, str]]] = []
        self.keys: dict[int, str] = {}
        self.unknown: list[str] = []
        self.headers: list[str] = []
        rows = sheet_rows(ws, path, name)
        for _, values in rows:
            self._read_header(values, headers)
            break
        for number, values in rows:
            cells = {key: cell_text(values[i]) for i, key in self.keys.items() if i < len(values)}
            if any(cells.values()):  # a cell holding only a space is still something typed
                self.rows.append((number, cells))

    def _read_header(self, values: tuple[Any, ...], headers: dict[str, str]) -> None:
        self.headers = [cell_text(value) for value in values]
        for index, value in enumerate(values):
            key = headers.get(fold(cell_text(value)))
            if key is not None and key not in self.keys.values():
                self.keys[index] = key
            elif value is not None and cell_text(value).strip():
                self.unknown.append(cell_text(value).strip())

    def has(self, key: str) -> bool:
        return key in self.keys.values()

    def where(self, number: int) -> str:
        return f"sheet {self.name}, row {number}"
