"""Importers: maps from where a team's work is today -> a validated JourneyMap with a report.

``import_file(path, format=None, ...)`` reads our own exported workbook ("xlsx", edits and
all), a facilitator's plain grid sheet ("grid"), a CSV of cards ("csv"), a Mermaid ``journey``
block ("mermaid") or an enablement-map-studio YAML file ("yaml"), guessing the format from the
extension and content when none is given. Every importer returns an ``ImportResult`` (the map,
what was understood, warnings, skipped rows) or raises ``ImportFileError``; none writes a file --
the caller saves the map (``model.fileformat.save_journey``, atomic) once the person accepts it.
Never imports Qt. openpyxl and PyYAML load only when a workbook or YAML file is imported.
"""
from __future__ import annotations

import os
from collections.abc import Callable
from importlib import import_module
from typing import Any

from .common import ImportCancelled, ImportFileError, ImportResult, cancellable
from .detect import FORMATS, guess_format

_IMPORTERS = {"xlsx": ("workbook", "import_workbook"), "grid": ("grid", "import_grid"),
              "csv": ("csv_cards", "import_csv"), "mermaid": ("mermaid", "import_mermaid"),
              "yaml": ("enablement_yaml", "import_enablement_yaml")}

__all__ = ["FORMATS", "ImportCancelled", "ImportFileError", "ImportResult", "guess_format",
           "import_file"]


def import_file(path: str | os.PathLike[str], format: str | None = None, *,
                base: Any = None, sheet: str | None = None,
                cancelled: Callable[[], bool] | None = None) -> ImportResult:
    """Import ``path``; ``base`` (a JourneyMap) is the map an edited workbook was exported from,
    ``sheet`` the grid sheet to read. Raises ImportFileError for input it cannot import.

    ``cancelled`` (for a caller running the import in a worker thread) is asked between rows,
    lines and elements; once it returns True the import raises ImportCancelled.
    """
    with cancellable(cancelled):
        return _import(path, format, base, sheet)


def _import(path: str | os.PathLike[str], format: str | None, base: Any,
            sheet: str | None) -> ImportResult:
    chosen = format or guess_format(path)
    if chosen not in _IMPORTERS:
        raise ImportFileError(path, f"unknown import format {chosen!r}; use one of "
                                    f"{', '.join(FORMATS)}")
    module_name, function_name = _IMPORTERS[chosen]
    function = getattr(import_module(f".{module_name}", __name__), function_name)
    if chosen == "xlsx":
        return function(path, base=base)
    if chosen == "grid":
        return function(path, sheet=sheet)
    return function(path)
