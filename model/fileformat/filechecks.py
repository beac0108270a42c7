"""Checks of `.journey` content that come before and after the JSON Schema: parsing with limits,
and the references between elements. Pure standard library; imports nothing of the project.

Every check raises ``FileProblem(message, where)``; ``model.fileformat.journey_file`` adds the file name and
turns it into a ``JourneyFileError``. ``where`` is a JSON path (``cards[3].stage``) or, for
problems found while parsing, a line and column.
"""
from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable
from typing import Any

MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_DEPTH = 64  # nesting of arrays and objects; the top-level object is level 1
MAX_ELEMENTS = 100_000  # the elements of all ELEMENT_ARRAYS together
MAX_STRING_LENGTH = 100_000  # characters, for every string including object keys
MAX_INT_DIGITS = 4_300  # Python's own default, enforced here whatever the interpreter allows

ELEMENT_ARRAYS = ("segments", "stages", "lanes", "cards", "transitions", "paths", "links",
                  "participants", "comments", "parking_lot")
_MAX_INT_BITS = int(MAX_INT_DIGITS * math.log2(10))
_NAME_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_STRING = r'"(?:[^"\\]|\\.)*"'


class FileProblem(Exception):
    """A problem in the content of a file: what is wrong and where (without the file name)."""

    def __init__(self, message: str, where: str = ""):
        super().__init__(message)
        self.message = message
        self.where = where


# ----------------------------------------------------------------------------- paths and values
def json_path(parts: Iterable[str | int]) -> str:
    """``("cards", 3, "stage")`` -> ``cards[3].stage``; odd keys are quoted: ``emotions["a b"]``."""
    text = ""
    for part in parts:
        if isinstance(part, int):
            text += f"[{part}]"
        elif len(part) > 64:  # a key as long as a text (up to 100,000 characters) would drown the message
            text += f"[{short(part, 64)}]"
        elif _NAME_RE.match(part):
            text += f".{part}" if text else part
        else:
            text += f"[{json.dumps(part, ensure_ascii=False)}]"
    return text


def short(value: Any, limit: int = 40) -> str:
    """A value as JSON, cut short so that a message stays readable."""
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        text = repr(value)
    return text if len(text) <= limit else text[:limit - 1] + "…"


def json_type(value: Any) -> str:
    """The JSON name of a Python value's type, as a person reads it."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int):
        return "a whole number"
    if isinstance(value, float):
        return "a number"
    if isinstance(value, str):
        return "text"
    return "a list" if isinstance(value, list) else "an object"


# ----------------------------------------------------------------------------- text -> JSON data
def decode_bytes(raw: bytes) -> str:
    """UTF-8 (a leading BOM is tolerated) to text, or a FileProblem naming the bad byte."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise FileProblem("is UTF-16 text, not UTF-8 (save the file as UTF-8)", "line 1, byte 1")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise FileProblem(f"is not UTF-8 text: the byte 0x{raw[exc.start]:02x} is not valid "
                          "UTF-8 (save the file as UTF-8)",
                          f"line {line}, byte {column}") from None


class _BadLiteral(ValueError):
    def __init__(self, literal: str, message: str):
        super().__init__(message)
        self.literal = literal
        self.message = message


def _parse_constant(literal: str) -> float:
    raise _BadLiteral(literal, f"contains {literal}, which JSON does not allow")


def _parse_float(literal: str) -> float:
    value = float(literal)
    if not math.isfinite(value):
        raise _BadLiteral(literal, f"contains the number {short(literal)}, which is too large")
    return value


def _parse_int(literal: str) -> int:
    if len(literal.lstrip("-")) > MAX_INT_DIGITS:
        raise _BadLiteral(literal,
                          f"contains a whole number with more than {MAX_INT_DIGITS} digits")
    return int(literal)


class _DuplicateKeys:
    """object_pairs_hook that remembers which objects repeat a key, to report them with a path."""

    def __init__(self) -> None:
        self.found: dict[int, str] = {}

    def __call__(self, pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        result = dict(pairs)
        if len(result) != len(pairs):
            seen: set[str] = set()
            for key, _ in pairs:
                if key in seen:
                    self.found[id(result)] = key
                    break
                seen.add(key)
        return result


def parse_json(text: str) -> Any:
    """JSON text to plain data within the limits; a FileProblem with line/column or path if not."""
    if len(text) > MAX_FILE_BYTES:
        raise FileProblem(f"is larger than the limit of {MAX_FILE_BYTES // 2**20} MiB")
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise FileProblem("is empty: it contains no journey map")
    duplicates = _DuplicateKeys()
    try:
        data = json.loads(text, parse_constant=_parse_constant, parse_float=_parse_float,
                          parse_int=_parse_int, object_pairs_hook=duplicates)
    except json.JSONDecodeError as exc:
        raise FileProblem(f"is not valid JSON: {exc.msg}",
                          f"line {exc.lineno}, column {exc.colno}") from None
    except _BadLiteral as exc:
        raise FileProblem(exc.message, _literal_position(text, exc.literal)) from None
    except RecursionError:
        raise FileProblem(f"is nested deeper than the limit of {MAX_DEPTH} levels",
                          _too_deep_position(text)) from None
    check_limits(data, duplicates.found)
    return data


def _line_column(text: str, offset: int) -> str:
    line = text.count("\n", 0, offset) + 1
    return f"line {line}, column {offset - (text.rfind(chr(10), 0, offset) + 1) + 1}"


def _literal_position(text: str, literal: str) -> str:
    """Where ``literal`` first occurs outside a string; used for errors the parser cannot place."""
    pattern = re.compile(_STRING + r"|(?<![\w.+-])" + re.escape(literal) + r"(?![\w.+-])")
    for match in pattern.finditer(text):
        if not match.group().startswith('"'):
            return _line_column(text, match.start())
    return ""


def _too_deep_position(text: str) -> str:
    """Where nesting first passes MAX_DEPTH, found without recursion."""
    depth = 0
    for match in re.finditer(_STRING + r"|[\[\]{}]", text):
        token = match.group()
        if token in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return _line_column(text, match.start())
        elif token in "]}":
            depth -= 1
    return ""


# ----------------------------------------------------------------------------- limits on the data
def check_limits(data: Any, duplicate_keys: dict[int, str] | None = None) -> None:
    """Depth, string length, number and key checks over all the data, without recursion."""
    _check_element_count(data)
    if not _within_limits(data, duplicate_keys):
        _walk_limits(data, duplicate_keys)  # finds the problem and says where and what


def _walk_limits(data: Any, duplicate_keys: dict[int, str] | None) -> None:
    stack: list[tuple[Any, tuple, int]] = [(data, (), 1)]
    while stack:
        value, path, depth = stack.pop()
        if isinstance(value, dict):
            _check_container(value, path, depth, duplicate_keys)
            for key, item in value.items():
                _check_string(key, path + (key,))
                stack.append((item, path + (key,), depth + 1))
        elif isinstance(value, list):
            _check_container(value, path, depth, None)
            stack.extend((item, path + (i,), depth + 1) for i, item in enumerate(value))
        else:
            _check_scalar(value, path)


def _within_limits(data: Any, duplicate_keys: dict[int, str] | None) -> bool:
    """True if check_limits' walk would find no problem; False if it would, or may.

    The same checks without building a path for every value, which made the walk most of the
    parsing time of a large file; only a file with a problem takes the walk that names it.
    """
    if type(data) is not dict and type(data) is not list:
        return _plain_scalar(data)
    stack: list[tuple[Any, int]] = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if depth > MAX_DEPTH or (duplicate_keys and id(value) in duplicate_keys):
            return False
        is_dict = type(value) is dict
        for key, item in value.items() if is_dict else enumerate(value):
            if is_dict and (type(key) is not str or len(key) > MAX_STRING_LENGTH
                            or not (key.isascii() or _encodable(key))):
                return False
            kind = type(item)
            if kind is dict or kind is list:
                stack.append((item, depth + 1))
            elif kind is str:
                if len(item) > MAX_STRING_LENGTH or not (item.isascii() or _encodable(item)):
                    return False
            elif kind is float:
                if not math.isfinite(item):
                    return False
            elif kind is int:
                if item.bit_length() > _MAX_INT_BITS:
                    return False
            elif item is not None and kind is not bool:
                return False  # anything else, subclasses too: let the full walk judge
    return True


def _plain_string(value: str) -> bool:
    return len(value) <= MAX_STRING_LENGTH and (value.isascii() or _encodable(value))


def _encodable(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _plain_scalar(value: Any) -> bool:
    kind = type(value)
    if kind is str:
        return _plain_string(value)
    if kind is float:
        return math.isfinite(value)
    if kind is int:
        return value.bit_length() <= _MAX_INT_BITS
    return value is None or kind is bool


def _check_container(value, path: tuple, depth: int, duplicate_keys) -> None:
    if depth > MAX_DEPTH:
        raise FileProblem(f"is nested deeper than the limit of {MAX_DEPTH} levels", json_path(path))
    if duplicate_keys and id(value) in duplicate_keys:
        key = duplicate_keys[id(value)]
        raise FileProblem(f"has the field {short(key)} twice in one object", json_path(path))


def _check_string(value: str, path: tuple) -> None:
    if len(value) > MAX_STRING_LENGTH:
        raise FileProblem(f"has a text longer than the limit of {MAX_STRING_LENGTH:,} characters",
                          json_path(path))
    if not value.isascii():
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise FileProblem("has a text with a lone surrogate escape (\\ud800-\\udfff), "
                              "which is not a character", json_path(path)) from None


def _check_scalar(value: Any, path: tuple) -> None:
    if isinstance(value, str):
        _check_string(value, path)
    elif isinstance(value, float) and not math.isfinite(value):
        raise FileProblem(f"contains {value}, which JSON does not allow", json_path(path))
    elif isinstance(value, int) and not isinstance(value, bool):
        if value.bit_length() > _MAX_INT_BITS:
            raise FileProblem(f"has a whole number with more than {MAX_INT_DIGITS} digits",
                              json_path(path))
    elif value is not None and not isinstance(value, (bool, int, float)):
        raise FileProblem(f"contains a {type(value).__name__}, which is not JSON data",
                          json_path(path))


def _check_element_count(data: Any) -> None:
    if not isinstance(data, dict):
        return
    count = sum(len(data[name]) for name in ELEMENT_ARRAYS if isinstance(data.get(name), list))
    if count > MAX_ELEMENTS:
        raise FileProblem(f"has {count:,} elements, more than the limit of {MAX_ELEMENTS:,}")


# ----------------------------------------------------------------------------- references
_KIND_NAMES = {"segments": "segment", "stages": "stage", "lanes": "lane", "cards": "card",
               "transitions": "transition", "paths": "path", "links": "link",
               "participants": "participant", "comments": "comment", "parking_lot": "parking item"}


def check_references(data: dict[str, Any]) -> None:
    """Ids unique across the file; every reference points at an element of the right kind.

    Expects schema-valid data, so shapes and types are already right.
    """
    kinds = _collect_ids(data)
    for i, card in enumerate(data.get("cards", [])):
        _check_card(card, i, kinds)
    for i, stage in enumerate(data.get("stages", [])):
        for key in stage.get("emotions", {}):
            if key:
                _expect(kinds, key, "segment", ("stages", i, "emotions", key),
                        f'stage {short(stage["id"])} has an emotion for segment {short(key)}')
    for i, transition in enumerate(data.get("transitions", [])):
        _check_ends(transition, ("transitions", i), "transition", "stage", kinds)
    for i, path in enumerate(data.get("paths", [])):
        for j, stage_id in enumerate(path.get("stages", [])):
            _expect(kinds, stage_id, "stage", ("paths", i, "stages", j),
                    f'path {short(path["id"])} goes through stage {short(stage_id)}')
    for i, link in enumerate(data.get("links", [])):
        _check_ends(link, ("links", i), "link", "card", kinds)


def _collect_ids(data: dict[str, Any]) -> dict[str, str]:
    """id -> kind ('stage', 'card', ...); a FileProblem at the second use of an id."""
    kinds: dict[str, str] = {}
    first_use: dict[str, tuple[str, int]] = {}  # worded only for the message (it is rare)
    for array in ELEMENT_ARRAYS:
        for i, element in enumerate(data.get(array, [])):
            element_id = element["id"]
            if element_id in kinds:
                raise FileProblem(f"the id {short(element_id)} is used twice, by "
                                  f"{json_path(first_use[element_id])} and by "
                                  f"{json_path((array, i))}; ids must be unique "
                                  "across the whole file", json_path((array, i, "id")))
            kinds[element_id], first_use[element_id] = _KIND_NAMES[array], (array, i)
    return kinds


def _check_card(card: dict[str, Any], index: int, kinds: dict[str, str]) -> None:
    if kinds.get(card["stage"]) == "stage" and kinds.get(card["lane"]) == "lane" and all(
            kinds.get(segment_id) == "segment" for segment_id in card.get("segments", [])):
        return  # all right: no message to word (wording one per card was most of the time)
    name = f"card {short(card['id'])}"
    _expect(kinds, card["stage"], "stage", ("cards", index, "stage"),
            f"{name} is in stage {short(card['stage'])}")
    _expect(kinds, card["lane"], "lane", ("cards", index, "lane"),
            f"{name} is in lane {short(card['lane'])}")
    for j, segment_id in enumerate(card.get("segments", [])):
        _expect(kinds, segment_id, "segment", ("cards", index, "segments", j),
                f"{name} is tagged with segment {short(segment_id)}")


def _check_ends(element: dict[str, Any], at: tuple, kind: str, target_kind: str,
                kinds: dict[str, str]) -> None:
    if kinds.get(element["source"]) == kinds.get(element["target"]) == target_kind \
            and element["source"] != element["target"]:
        return  # all right: no message to word
    name = f"{kind} {short(element['id'])}"
    for end, verb in (("source", "starts at"), ("target", "leads to")):
        _expect(kinds, element[end], target_kind, at + (end,),
                f"{name} {verb} {target_kind} {short(element[end])}")
    if element["source"] == element["target"]:
        raise FileProblem(f"{name} starts and ends at the same {target_kind} "
                          f"{short(element['source'])}", json_path(at + ("target",)))


def _expect(kinds: dict[str, str], element_id: str, kind: str, at: tuple, said: str) -> None:
    found = kinds.get(element_id)
    if found == kind:
        return
    problem = "which does not exist" if found is None else f"but that id is a {found}"
    raise FileProblem(f"{said}, {problem}", json_path(at))
