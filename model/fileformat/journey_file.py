"""The `.journey` file layer: read, check, migrate and build a map; write a map atomically.

Loading goes bytes -> text -> JSON within limits -> header -> migrations -> JSON Schema
(resources/journey.schema.json) -> references -> ``map_from_data``; any failure is one
``JourneyFileError`` naming the file and the place, and no map is built. Never pickle, never eval.
Every message is a translatable ``Message`` (model.journey.messages). Imports: the standard
library, jsonschema (when a file fails the fast schema check), ``resources`` (for the schema path)
and model.* only.
"""
from __future__ import annotations

import errno
import functools
import json
import os
import secrets
import stat
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from model.bulk import gc_paused
from model.fileformat.fastschema import compile_schema
from model.fileformat.filechecks import (
    MAX_DEPTH,
    MAX_ELEMENTS,
    MAX_FILE_BYTES,
    MAX_INT_DIGITS,
    MAX_STRING_LENGTH,
    FileProblem,
    check_limits,
    decode_bytes,
    json_type,
    parse_json,
    short,
    too_large,
)
from model.fileformat.migrations import CURRENT_VERSION, MigrationError, migrate
from model.fileformat.scenario_data import check_scenarios, normalize_scenarios
from model.fileformat.schema_errors import schema_problem
from model.fileformat.serialize import map_from_data
from model.fileformat.tempfiles import temp_prefix
from model.journey.errors import JourneyFileError, ModelError
from model.journey.journey_map import JourneyMap
from model.journey.messages import Message
from model.journey.plain_data import FORMAT_NAME, map_to_data
from resources import SCHEMA_PATH

# Enough schema errors to choose the most telling one (jsonschema's best_match) without walking
# every error of a file that is wrong everywhere.
MAX_SCHEMA_ERRORS = 200

if TYPE_CHECKING:  # jsonschema itself loads only when a file needs its verdict (see _check_schema)
    import jsonschema

__all__ = [
    "CURRENT_VERSION", "FORMAT_NAME", "MAX_DEPTH", "MAX_ELEMENTS", "MAX_FILE_BYTES",
    "MAX_INT_DIGITS", "MAX_STRING_LENGTH", "build_map", "dumps_data", "dumps_journey",
    "load_journey", "loads_data", "loads_journey", "read_journey_bytes", "save_data",
    "save_journey", "validate_data",
]

_PROBLEMS = (FileProblem, MigrationError)


# ----------------------------------------------------------------------------- public API
def load_journey(path: str | os.PathLike[str]) -> JourneyMap:
    """Read a `.journey` file; a JourneyFileError if it cannot be read or is not a valid map.

    The map is the file's current scenario; ``model.scenarios.load_document`` reads them all.
    """
    return loads_journey(_read_file(path), source=path)


def read_journey_bytes(path: str | os.PathLike[str]) -> bytes:
    """The bytes of a `.journey` file, read once within the size limit (JourneyFileError if not).

    For a caller that must know exactly which content it loaded (to notice another program's
    change later): load with ``loads_journey(content, source=path)`` and hash the same bytes.
    """
    return _read_file(path)


def loads_journey(content: str | bytes, source: Any = "<string>") -> JourneyMap:
    """Build a map (the current scenario) from the text or bytes of a `.journey` file; ``source``
    names it in errors."""
    with gc_paused():
        return build_map(loads_data(content, source), source)


def loads_data(content: str | bytes, source: Any = "<string>") -> dict[str, Any]:
    """The checked plain data of a `.journey` file's text or bytes, in the current version's shape
    with ``scenarios`` (see model.fileformat.scenario_data); a JourneyFileError if not valid."""
    try:
        if isinstance(content, (bytes, bytearray, memoryview)):
            content = _decode(bytes(content))
        return normalize_scenarios(_validate(parse_json(content)))
    except _PROBLEMS as exc:
        raise JourneyFileError(source, exc.message, exc.where) from None


def validate_data(data: Any, source: Any = "<data>") -> dict[str, Any]:
    """Check plain data of any known version; return it migrated to the current version.

    Checks the limits, the header, the schema and the references; raises JourneyFileError.
    Current-version data may come back as the same object.
    """
    try:
        check_limits(data)
        return _validate(data)
    except _PROBLEMS as exc:
        raise JourneyFileError(source, exc.message, exc.where) from None


def dumps_journey(journey: JourneyMap) -> str:
    """The `.journey` text of one map: the map at the top level, which a reader takes as one
    "as-is" scenario (``model.scenarios.dumps_document`` writes every scenario)."""
    return dumps_data(map_to_data(journey))


def dumps_data(data: dict[str, Any]) -> str:
    """`.journey` text of plain data: JSON, 2-space indent, non-ASCII as itself, stable key order."""
    return json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False) + "\n"


def save_journey(journey: JourneyMap, path: str | os.PathLike[str]) -> bytes:
    """Write one map atomically (as dumps_journey words it); on failure a JourneyFileError, the
    old file intact, no temp file.

    Returns the bytes written, so that a caller knows its own content without reading the file
    again (by then another program may have changed it).
    """
    return _save_text(lambda: dumps_journey(journey), path)


def save_data(data: dict[str, Any], path: str | os.PathLike[str]) -> bytes:
    """Write plain `.journey` data (a whole document) atomically, as save_journey does."""
    return _save_text(lambda: dumps_data(data), path)


def _save_text(dumps: Any, path: str | os.PathLike[str]) -> bytes:
    try:
        payload = dumps().encode("utf-8")
    except ValueError as exc:  # also UnicodeEncodeError (a lone surrogate in some text)
        raise JourneyFileError(path, Message(
            "could not be saved: the map holds data that a .journey file cannot store ({detail})",
            detail=exc)) from None
    _write_atomically(path, payload)
    return payload


# ----------------------------------------------------------------------------- reading
def _read_file(path: str | os.PathLike[str]) -> bytes:
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            raise JourneyFileError(path, Message("cannot be opened: it is a folder, not a file"))
        if not stat.S_ISREG(info.st_mode):
            raise JourneyFileError(path, Message("cannot be opened: it is not a regular file"))
        if info.st_size > MAX_FILE_BYTES:
            raise JourneyFileError(path, too_large())
        with open(path, "rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise JourneyFileError(path, Message("cannot be opened: {reason}",
                                             reason=_os_reason(exc, Message("the file")))) from None
    return raw


def _decode(raw: bytes) -> str:
    if len(raw) > MAX_FILE_BYTES:
        raise FileProblem(too_large())
    return decode_bytes(raw)


_OS_REASONS = {
    errno.EACCES: Message("permission denied"),
    errno.EPERM: Message("the operation is not permitted"),
    errno.EISDIR: Message("it is a folder, not a file"), errno.ENOSPC: Message("the disk is full"),
    errno.EROFS: Message("the disk is read-only"),
    errno.ENOTDIR: Message("a part of the path is not a folder"),
    errno.ENAMETOOLONG: Message("the name is too long"),
    errno.EMFILE: Message("too many files are open"),
    getattr(errno, "EDQUOT", -1): Message("the disk quota is exceeded"),
}


def _os_reason(exc: OSError, missing: str | None) -> str:
    """An OSError in words; ``missing`` is what does not exist when the error is ENOENT.
    The system's own words (in the system's language) follow in brackets."""
    if exc.errno == errno.ENOENT and missing:
        return Message("{what} does not exist", what=missing)
    reason = _OS_REASONS.get(exc.errno)
    detail = exc.strerror or str(exc)
    if not reason or detail.lower() == reason.lower():
        return reason or detail
    return Message("{reason} ({detail})", reason=reason, detail=detail)


# ----------------------------------------------------------------------------- checking
def _validate(data: Any) -> dict[str, Any]:
    """Header, migrations, schema, references: data -> current-version data, or a problem."""
    _check_header(data)
    data = migrate(data)
    _check_schema(data)
    check_scenarios(data)
    return data


def _check_header(data: Any) -> None:
    if not isinstance(data, dict):
        raise FileProblem(Message("is not a journey map: it holds {type}, not a JSON object",
                                  type=json_type(data)))
    if "format" not in data:
        raise FileProblem(Message('is not a journey map: the field "format" is missing'), "format")
    if data["format"] != FORMAT_NAME:
        raise FileProblem(Message('is not a journey map: its format is {format}, expected "{expected}"',
                                  format=short(data["format"]), expected=FORMAT_NAME), "format")
    if "version" not in data:
        raise FileProblem(Message('has no format version: the field "version" is missing'),
                          "version")
    _check_version(data["version"])


def _check_version(version: Any) -> None:
    if isinstance(version, bool) or not isinstance(version, int):
        raise FileProblem(Message("has a format version that is not a whole number: {version}",
                                  version=short(version)), "version")
    if version > CURRENT_VERSION:
        raise FileProblem(Message("was written in format version {version}, which is newer than "
                                  "this app can read (up to version {current}); update Journey "
                                  "Map Editor to open it", version=short(version),
                                  current=CURRENT_VERSION), "version")
    if version < 0:
        raise FileProblem(Message("has an unknown format version {version}",
                                  version=short(version)), "version")


def _is_whole_number(_checker: Any, instance: Any) -> bool:
    # JSON Schema counts 1.0 as an integer; the model does not, so the loader must not either.
    return isinstance(instance, int) and not isinstance(instance, bool)


@functools.lru_cache(maxsize=1)
def _schema() -> dict[str, Any]:
    return json.loads(Path(SCHEMA_PATH).read_text(encoding="utf-8"))


@functools.lru_cache(maxsize=1)
def _schema_validator() -> jsonschema.protocols.Validator:
    import jsonschema

    base = jsonschema.Draft202012Validator
    checker = base.TYPE_CHECKER.redefine("integer", _is_whole_number)
    return jsonschema.validators.extend(base, type_checker=checker)(_schema())


@functools.lru_cache(maxsize=1)
def _fast_schema_check():
    return compile_schema(_schema())


def _check_schema(data: dict[str, Any]) -> None:
    # The compiled check passes a valid file some 40 times faster; jsonschema runs only when it
    # is not sure, and then finds and words the error as always (see model.fileformat.fastschema).
    fast = _fast_schema_check()
    if fast is not None and fast(data):
        return
    from jsonschema.exceptions import best_match

    # The first errors are enough to pick a good one; collecting every error of a huge broken file
    # (100,000 bad elements) took seconds.
    error = best_match(islice(_schema_validator().iter_errors(data), MAX_SCHEMA_ERRORS))
    if error is not None:
        raise schema_problem(error, data)


# ----------------------------------------------------------------------------- building
def build_map(data: dict[str, Any], source: Any) -> JourneyMap:
    """A map from checked data: a map's own plain data, or a document (its current scenario)."""
    try:
        return map_from_data(data)
    except (ModelError, KeyError, TypeError, ValueError) as exc:
        # The checks above should leave nothing for the model to refuse; if they missed
        # something, the person still gets one message instead of a traceback.
        raise JourneyFileError(source, Message("cannot be opened: {detail}", detail=exc)) from None


# ----------------------------------------------------------------------------- atomic writing
def _write_atomically(path: str | os.PathLike[str], payload: bytes) -> None:
    """Temp file in the same folder, written and fsynced, then renamed over the target."""
    target = Path(os.path.realpath(path)) if os.path.islink(path) else Path(path)
    _check_writable_target(path, target)
    temp: Path | None = None
    try:
        fd, temp = _create_temp(target)
        _write_and_close(fd, payload)
        _copy_mode(target, temp)
        os.replace(temp, target)
        temp = None
    except OSError as exc:
        folder_gone = not target.parent.is_dir()
        missing = Message("the folder {folder}", folder=target.parent) if folder_gone else None
        raise JourneyFileError(path, Message("could not be saved: {reason}",
                                             reason=_os_reason(exc, missing))) from None
    finally:
        if temp is not None:
            _remove_quietly(temp)
    _fsync_folder(target.parent)


def _check_writable_target(path: Any, target: Path) -> None:
    if target.is_dir():
        raise JourneyFileError(path, Message("could not be saved: it is a folder, not a file"))
    if target.exists() and _is_read_only(target):
        raise JourneyFileError(path, Message("could not be saved: the file is read-only"))


def _is_read_only(path: str | os.PathLike[str]) -> bool:
    """True when the file may not be written: the OS says so, or no one has a write bit.

    The rename that saves a file needs only the folder's permission, and root passes every access
    check, so the file's own mode bits are honoured here (chmod a-w marks a file "do not change").
    """
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False  # gone or unreadable: the save itself will say what is wrong
    return not os.access(path, os.W_OK) or not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)


def _create_temp(target: Path) -> tuple[int, Path]:
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for _ in range(100):
        temp = target.parent / f"{temp_prefix(target)}{secrets.token_hex(4)}.tmp"
        try:
            return os.open(temp, flags, 0o666), temp
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free name for a temporary file", str(target.parent))


def _write_and_close(fd: int, payload: bytes) -> None:
    try:
        view = memoryview(payload)
        while view:
            view = view[os.write(fd, view):]
        os.fsync(fd)
    finally:
        os.close(fd)


def _copy_mode(target: Path, temp: Path) -> None:
    """Keep the permissions of the file being replaced (the temp file was made with 0666&~umask)."""
    try:
        os.chmod(temp, stat.S_IMODE(os.stat(target).st_mode))
    except FileNotFoundError:
        pass


def _remove_quietly(temp: Path) -> None:
    try:
        os.unlink(temp)
    except OSError:
        pass


def _fsync_folder(folder: Path) -> None:
    """Make the rename durable where the OS allows fsync on a folder (not on Windows)."""
    if not hasattr(os, "O_DIRECTORY"):
        return
    try:
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
