"""Reading values of an enablement-map-studio YAML document: scalars as text, lists as lists,
anything else a clear error naming the document and item. Imports importers.common only.
"""
from __future__ import annotations

from typing import Any

from .common import ImportFileError


def text_of(value: Any, what: str, path: Any, where: str) -> str:
    """A YAML scalar as text (numbers and dates too); anything else is the file's mistake."""
    if value is None:
        return ""
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return str(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    raise ImportFileError(path, f"cannot be imported: {what} must be text, not "
                                f"{type(value).__name__}", where)


def list_of(value: Any, what: str, path: Any, where: str) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise ImportFileError(path, f"cannot be imported: {what} must be a list", where)
    return value
