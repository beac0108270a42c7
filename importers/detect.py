"""Which importer a source needs: from its extension, else from its first bytes and lines.

A workbook with this editor's "Cards" and "Stages" sheets is our own export (round-trip); any
other workbook is a plain grid. Formats we cannot read (old .xls, .ods, Numbers) get a message
saying how to save them instead. Reads at most a few kilobytes (and a workbook's small index
part) to decide. Imports the standard library and importers.common only.
"""
from __future__ import annotations

import os
import re
import zipfile
from pathlib import Path
from typing import Any

from .common import ImportFileError

FORMATS = ("xlsx", "grid", "csv", "mermaid", "yaml")
OWN_SHEETS = {"Cards", "Stages"}
_BY_SUFFIX = {".csv": "csv", ".tsv": "csv", ".txt": "csv", ".mmd": "mermaid",
              ".mermaid": "mermaid", ".md": "mermaid", ".markdown": "mermaid",
              ".yaml": "yaml", ".yml": "yaml"}
_UNREADABLE = {
    ".xls": "is an old Excel 97-2003 workbook; save it as .xlsx (Excel Workbook) and import that",
    ".ods": "is an OpenDocument spreadsheet; save it as .xlsx and import that",
    ".numbers": "is a Numbers document; export it as .xlsx or CSV and import that",
    ".journey": "is a .journey file already; open it instead of importing it",
}
_SHEET_NAME_RE = re.compile(rb'<(?:\w+:)?sheet\b[^>]*?\bname="([^"]*)"')
MAX_INDEX_BYTES = 4 * 2**20  # xl/workbook.xml lists the sheets; a real one is a few kB


def guess_format(path: str | os.PathLike[str]) -> str:
    """'xlsx', 'grid', 'csv', 'mermaid' or 'yaml'; ImportFileError for what no importer reads."""
    suffix = Path(path).suffix.lower()
    if suffix in _UNREADABLE:
        raise ImportFileError(path, f"cannot be imported: it {_UNREADABLE[suffix]}")
    head = _head(path)
    if head.startswith(b"PK\x03\x04") or suffix in (".xlsx", ".xlsm"):
        return "xlsx" if OWN_SHEETS <= set(sheet_names(path)) else "grid"
    if suffix in _BY_SUFFIX:
        return _BY_SUFFIX[suffix]
    return _guess_text(head)


def _head(path: Any) -> bytes:
    try:
        with open(path, "rb") as handle:
            return handle.read(8192)
    except IsADirectoryError:
        raise ImportFileError(path, "cannot be imported: it is a folder, not a file") from None
    except OSError as exc:
        reason = "the file does not exist" if isinstance(exc, FileNotFoundError) else (
            exc.strerror or str(exc))
        raise ImportFileError(path, f"cannot be imported: {reason}") from None


def _guess_text(head: bytes) -> str:
    text = head.decode("utf-8", errors="replace").lstrip("\ufeff")
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    meaningful = [line for line in lines if not line.startswith(("%%", "#", "```", "---"))]
    if meaningful and meaningful[0].split()[0] == "journey":
        return "mermaid"
    if any(re.match(r"kind\s*:\s*(cjm|sbp|outcome|em)\b", line) for line in lines[:50]):
        return "yaml"
    return "csv"


def sheet_names(path: Any) -> list[str]:
    """The sheet names of a workbook, read from its index without loading any sheet."""
    try:
        with zipfile.ZipFile(path) as archive:
            info = archive.getinfo("xl/workbook.xml")
            if info.file_size > MAX_INDEX_BYTES:
                raise ImportFileError(path, "cannot be imported: its workbook index is too large")
            index = archive.read(info)
    except (zipfile.BadZipFile, KeyError, OSError):
        raise ImportFileError(path, "cannot be imported: it is not an Excel workbook (.xlsx) "
                                    "that can be read; it may be damaged or another format"
                              ) from None
    return [_unescape(name.decode("utf-8", errors="replace"))
            for name in _SHEET_NAME_RE.findall(index)]


def _unescape(text: str) -> str:
    return (text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"')
            .replace("&apos;", "'").replace("&amp;", "&"))
