"""What every importer shares: the error, the result, the limits, reading and decoding a source.

An importer reads a source within limits checked before parsing, builds plain `.journey` data,
and hands it to the file layer (``validate_data``) before a map is built, so an import either
yields a valid map with a report of what it understood, warned about and skipped, or raises one
``ImportFileError`` naming the file, the place and the cause. Imports the standard library and
model.* only.
"""
from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

from model.fileformat.filechecks import MAX_ELEMENTS, MAX_FILE_BYTES, MAX_STRING_LENGTH
from model.journey.errors import JourneyFileError
from model.journey.journey_map import JourneyMap

MAX_TEXT_SOURCE_BYTES = MAX_FILE_BYTES  # CSV and Mermaid: parsed line by line, linear time
MAX_YAML_BYTES = 8 * 2**20  # PyYAML's safe loader is pure Python: about 1 MiB a second here
MAX_ROWS = MAX_ELEMENTS  # rows, lines or notes read from one source
NEWLINE = b"\n"
MAX_LISTED = 5  # problems named one by one in a summary line; the rest are counted


class ImportFileError(JourneyFileError):
    """A source that cannot be imported; str() is "<file>: <cause> (at <row/line>)".

    A JourneyFileError, so every caller that reports a bad file reports this one the same way.
    """


class ImportCancelled(Exception):
    """The caller's cancel check said stop; nothing was built. Not an error in the source."""


# The caller's "stop now?" check, per thread (a context variable, so an import running in a
# worker thread sees its own check and importers need no extra parameter on every function).
_cancel_check: ContextVar[Callable[[], bool] | None] = ContextVar("import_cancel_check",
                                                                  default=None)


@contextmanager
def cancellable(check: Callable[[], bool] | None) -> Iterator[None]:
    """Run an import with ``check``; check_cancelled() raises ImportCancelled once it says True."""
    token = _cancel_check.set(check)
    try:
        yield
    finally:
        _cancel_check.reset(token)


def check_cancelled() -> None:
    """Called between rows, lines and elements: one lookup when nobody can cancel."""
    check = _cancel_check.get()
    if check is not None and check():
        raise ImportCancelled("the import was cancelled")


@dataclass
class ImportResult:
    """A built, validated map and the report the person reads before accepting it.

    ``understood`` says what the importer made of the source (the preview's text);
    ``warnings`` what it changed, guessed or could not carry; ``skipped`` the rows or items it
    left out, each "row 7: cause" -- a caller writes the map only when the person accepts those.
    """

    source: str
    format: str
    journey: JourneyMap
    understood: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    @property
    def summary(self) -> str:
        """One paragraph: the counts, what was guessed, and the skipped rows if any."""
        lines = list(self.understood)
        if self.skipped:
            lines.append(skipped_line(self.skipped))
        return "\n".join(lines)


def skipped_line(skipped: list[str]) -> str:
    shown = "; ".join(skipped[:MAX_LISTED])
    more = len(skipped) - MAX_LISTED
    return f"skipped {len(skipped)}: {shown}" + (f"; and {more} more" if more > 0 else "")


def plural(count: int, word: str) -> str:
    """'1 stage', '3 stages'."""
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def listed(items: list[str], limit: int = MAX_LISTED) -> str:
    """'a, b, c and 4 more' for a summary line."""
    shown = ", ".join(items[:limit])
    more = len(items) - limit
    return shown + (f" and {more} more" if more > 0 else "")


# ----------------------------------------------------------------------------- reading sources
def read_source(path: str | os.PathLike[str], limit: int) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes, checked before reading it all."""
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            raise ImportFileError(path, "cannot be imported: it is a folder, not a file")
        if not stat.S_ISREG(info.st_mode):
            raise ImportFileError(path, "cannot be imported: it is not a regular file")
        check_size(path, info.st_size, limit)
        with open(path, "rb") as handle:
            raw = handle.read(limit + 1)
    except OSError as exc:
        reason = "the file does not exist" if isinstance(exc, FileNotFoundError) else (
            exc.strerror or str(exc))
        raise ImportFileError(path, f"cannot be imported: {reason}") from None
    check_size(path, len(raw), limit)
    return raw


def check_size(path: Any, size: int, limit: int) -> None:
    if size > limit:
        raise ImportFileError(path, f"cannot be imported: it is larger than the limit of "
                                    f"{_size(limit)} for this kind of file ({_size(size)})")


def _size(count: int) -> str:
    return f"{count / 2**20:.0f} MiB" if count >= 2**20 else f"{count:,} bytes"


# Japanese Excel writes CSV in CP932; UTF-16 with a BOM is Excel's "Unicode text".
_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig", "UTF-8 with BOM"), (b"\xff\xfe", "utf-16", "UTF-16"),
         (b"\xfe\xff", "utf-16", "UTF-16"))


def decode_text(raw: bytes, path: Any) -> tuple[str, str]:
    """(text, encoding name): a BOM decides; else UTF-8, else CP932 (Shift_JIS); else an error."""
    for bom, codec, name in _BOMS:
        if raw.startswith(bom):
            return _decode(raw, codec, path), name
    try:
        return raw.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError as utf8_error:
        try:
            return raw.decode("cp932"), "CP932 (Shift_JIS)"
        except UnicodeDecodeError:
            raise ImportFileError(path, "cannot be imported: the text is neither UTF-8 nor "
                                        f"CP932 (Shift_JIS): the byte 0x{raw[utf8_error.start]:02x} "
                                        "is not valid; save it as UTF-8",
                                  _line_of(raw, utf8_error.start)) from None


def _decode(raw: bytes, codec: str, path: Any) -> str:
    try:
        return raw.decode(codec)
    except UnicodeDecodeError as exc:
        raise ImportFileError(path, f"cannot be imported: it starts like {codec} text but the "
                                    f"byte 0x{raw[exc.start]:02x} is not valid {codec}",
                              _line_of(raw, exc.start)) from None


def _line_of(raw: bytes, offset: int) -> str:
    return f"line {raw.count(NEWLINE, 0, offset) + 1}"


def check_text_length(value: str, what: str, where: str, path: Any) -> None:
    """A text a .journey file cannot hold is the source's fault: say where it is."""
    if len(value) > MAX_STRING_LENGTH:
        raise ImportFileError(path, f"{what} is longer than the limit of "
                                    f"{MAX_STRING_LENGTH:,} characters", where)
