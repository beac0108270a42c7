"""What every exporter shares: the error, the report, progress and the atomic file write.

Imports only the standard library and model.journey.messages (its causes are Messages the
editor translates), so the CLI and the editor can catch ExportError cheaply.
"""
from __future__ import annotations

import contextlib
import functools
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from model.journey.messages import Message

Progress = Callable[[int, int], None]


def _read_umask() -> int:
    # os.umask can only be read by setting it; done once, at import, before any thread exports.
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_FILE_MODE = 0o666 & ~_read_umask()


class ExportError(Exception):
    """An export that could not be written; the message names the path and the cause."""

    def __init__(self, path: str | os.PathLike[str], cause: str) -> None:
        self.path = str(path)
        self.cause = cause  # a Message where the words are ours, so the editor can translate it
        super().__init__(self.message())

    def message(self) -> Message:
        return Message("cannot export to {path}: {cause}", path=self.path, cause=self.cause)


class ExportCancelled(Exception):
    """Raised by a progress callback when the person cancelled the export; an exporter lets it
    pass, and atomic_target removes the temporary file, so nothing is left behind."""


@dataclass
class ExportReport:
    """What an export produced, and what the reader should know about it."""

    path: str
    warnings: list[str] = field(default_factory=list)
    pages: int = 0
    poster_pages: int = 0  # of ``pages``, the poster's (overview and tiles included)
    sheets: tuple[str, ...] = ()
    summary: str = ""  # one line on how it came out ("poster on 6 A3 pages at 74 %, ...")
    small_text: float = 0.0  # card-title size when a one-page poster prints below the minimum

    def warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)


def no_progress(done: int, total: int) -> None:
    """The default progress callback: nobody is watching."""


def check_target(path: Path) -> None:
    """Refuse early, with a message a person can act on, before any work is done."""
    if path.is_dir():
        raise ExportError(path, Message("it is a folder, not a file"))
    folder = path.parent
    if not folder.exists():
        raise ExportError(path, Message("the folder {folder} does not exist", folder=folder))
    if not folder.is_dir():
        raise ExportError(path, Message("{folder} is not a folder", folder=folder))
    if not os.access(folder, os.W_OK | os.X_OK):
        raise ExportError(path, Message("the folder {folder} is not writable (permission denied)",
                                        folder=folder))


def _cause(exc: OSError) -> str:
    return exc.strerror or exc.__class__.__name__


@contextlib.contextmanager
def atomic_target(path: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; on success rename it into place, else delete it.

    The temporary file lives in the target folder so the final rename never crosses file systems
    and a reader never sees half a file, whatever the writer library does while it works.
    """
    target = Path(path)
    check_target(target)
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part",
                                             dir=target.parent)
    except OSError as exc:
        raise ExportError(target, _cause(exc)) from exc
    os.close(handle)
    temp = Path(temp_name)
    try:
        yield temp
        # mkstemp makes the file private (0600); an export is a shared document, so give it the
        # mode an ordinary new file would get, or keep the mode of the file it replaces.
        os.chmod(temp, target.stat().st_mode & 0o777 if target.exists() else _FILE_MODE)
        os.replace(temp, target)
    except OSError as exc:
        raise ExportError(target, _cause(exc)) from exc
    finally:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)


@functools.cache
def _malloc_trim():
    if not sys.platform.startswith("linux"):
        return None
    import ctypes  # here, not at import: the editor imports this module at start-up

    try:
        return ctypes.CDLL("libc.so.6").malloc_trim
    except (OSError, AttributeError):  # not glibc
        return None


def return_freed_memory() -> None:
    """Have glibc sort out the many small blocks a library just freed, now, in a call that lets
    other threads run (ctypes releases the GIL).

    After python-pptx's slides are freed, glibc keeps their libxml2 nodes in its fast lists and
    merges them all at the next large free - a Python object's, in 100 ms holding the GIL while
    the window waits. malloc_trim(0) does that merge without the GIL. Elsewhere: nothing."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)
