"""Checks of `.journey` content before the JSON Schema: decoding, parsing within limits, and the
limits on the parsed data (depth, text lengths, numbers, duplicate keys, element count).

Every check raises ``FileProblem(message, where)``; ``model.fileformat.journey_file`` adds the file
name and turns it into a ``JourneyFileError``. ``message`` is a translatable Message; ``where`` is a
JSON path (``cards[3].stage``) or, for problems found while parsing, a line and column (a Message).
Pure standard library and model.journey.messages.
"""
from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable
from typing import Any

from model.journey.messages import Message

MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_DEPTH = 64  # nesting of arrays and objects; the top-level object is level 1
MAX_ELEMENTS = 100_000  # the elements of all ELEMENT_ARRAYS together, in all scenarios
MAX_SCENARIOS = 100  # the scenarios of one file (format version 3)
MAX_STRING_LENGTH = 100_000  # characters, for every string including object keys
MAX_INT_DIGITS = 4_300  # Python's own default, enforced here whatever the interpreter allows
# Commas, "[" and "{" in the whole text, texts included: a bound on the values that parsing makes,
# counted before parsing. A map at the element limit with every field filled has about 1.9 million;
# a flood of tiny values ("[],[],...") costs 20 to 70 bytes of memory per 3 bytes of file.
MAX_VALUES = 3_000_000

ELEMENT_ARRAYS = ("segments", "stages", "lanes", "cards", "transitions", "paths", "links",
                  "participants", "comments", "parking_lot")
# Whole numbers of up to this many bits have at most MAX_INT_DIGITS digits; a few bits more may or
# may not (10**4300 needs 14,285 bits, and so do 4,300-digit numbers from about 5.5 * 10**4299).
_MAX_INT_BITS = int(MAX_INT_DIGITS * math.log2(10))
_TOO_MANY_DIGITS = 10 ** MAX_INT_DIGITS  # the smallest number with one digit too many
_NAME_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
# A JSON string, matched with possessive repeats: linear time and no backtracking stack, even for
# a text of 60 MiB (the plain ``(?:[^"\\]|\\.)*`` kept one backtrack entry per character: 7 GB).
# Runs of escapes go as one repeat, twice as fast on a text of ``\n``s.
_STRING = r'"[^"\\]*+(?:(?:\\.)++[^"\\]*+)*+"'
_LITERAL_PREFIX = 64  # characters of a bad literal to search for; the rest is compared as text


class FileProblem(Exception):
    """A problem in the content of a file: what is wrong and where (without the file name)."""

    def __init__(self, message: str, where: str = ""):
        super().__init__(message)
        self.message = message  # a Message (a str) where the problem is worded here
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
        return Message("null")
    if isinstance(value, bool):
        return Message("true/false")
    if isinstance(value, int):
        return Message("a whole number")
    if isinstance(value, float):
        return Message("a number")
    if isinstance(value, str):
        return Message("text")
    return Message("a list") if isinstance(value, list) else Message("an object")


def place_in_text(line: int, column: int, unit: str = "column") -> Message:
    """Where in the text: "line 3, column 7" (or "byte 7", counted in bytes)."""
    if unit == "byte":
        return Message("line {line}, byte {column}", line=line, column=column)
    return Message("line {line}, column {column}", line=line, column=column)


# ----------------------------------------------------------------------------- text -> JSON data
def decode_bytes(raw: bytes) -> str:
    """UTF-8 (a leading BOM is tolerated) to text, or a FileProblem naming the bad byte."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise FileProblem(Message("is UTF-16 text, not UTF-8 (save the file as UTF-8)"),
                          place_in_text(1, 1, "byte"))
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise FileProblem(Message("is not UTF-8 text: the byte 0x{byte:02x} is not valid UTF-8 "
                                  "(save the file as UTF-8)", byte=raw[exc.start]),
                          place_in_text(line, column, "byte")) from None


class _BadLiteral(ValueError):
    def __init__(self, literal: str, message: str):
        super().__init__(message)
        self.literal = literal
        self.message = message


def _parse_constant(literal: str) -> float:
    raise _BadLiteral(literal, Message("contains {literal}, which JSON does not allow",
                                       literal=literal))


def _parse_float(literal: str) -> float:
    value = float(literal)
    if not math.isfinite(value):
        raise _BadLiteral(literal, Message("contains the number {number}, which is too large",
                                           number=short(literal)))
    return value


def _parse_int(literal: str) -> int:
    if len(literal.lstrip("-")) > MAX_INT_DIGITS:
        raise _BadLiteral(literal, Message("contains a whole number with more than {limit} digits",
                                           limit=MAX_INT_DIGITS))
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
        raise FileProblem(too_large())
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise FileProblem(Message("is empty: it contains no journey map"))
    _check_value_count(text)
    duplicates = _DuplicateKeys()
    try:
        data = json.loads(text, parse_constant=_parse_constant, parse_float=_parse_float,
                          parse_int=_parse_int, object_pairs_hook=duplicates)
    except json.JSONDecodeError as exc:
        raise FileProblem(Message("is not valid JSON: {reason}", reason=_json_reason(exc.msg)),
                          place_in_text(exc.lineno, exc.colno)) from None
    except _BadLiteral as exc:
        raise FileProblem(exc.message, _literal_position(text, exc.literal)) from None
    except RecursionError:
        raise FileProblem(too_deep(), _too_deep_position(text)) from None
    # A string that UTF-8 cannot hold (a lone surrogate) comes from a \u escape or from the text.
    surrogates = "\\u" in text or not (text.isascii() or _encodable(text))
    check_limits(data, duplicates.found, surrogates_possible=surrogates)
    return data


def _check_value_count(text: str) -> None:
    count = text.count(",") + text.count("[") + text.count("{")
    if count > MAX_VALUES:
        raise FileProblem(Message('has more than {limit:,} values (counting its commas, "[" and '
                                  '"{{"), far more than a journey map holds', limit=MAX_VALUES))


def too_large() -> Message:
    return Message("is larger than the limit of {limit} MiB", limit=MAX_FILE_BYTES // 2**20)


def too_deep() -> Message:
    return Message("is nested deeper than the limit of {limit} levels", limit=MAX_DEPTH)


# The json module's reasons, as translatable Messages (others stay as json words them).
_JSON_REASONS = {message.template: message for message in (
    Message("Expecting value"), Message("Expecting ',' delimiter"),
    Message("Expecting ':' delimiter"), Message("Expecting property name enclosed in double quotes"),
    Message("Unterminated string starting at"), Message("Invalid control character at"),
    Message("Invalid \\escape"), Message("Invalid \\uXXXX escape"), Message("Extra data"),
    Message("Illegal trailing comma before end of object"),
    Message("Illegal trailing comma before end of array"))}


def _json_reason(reason: str) -> str:
    return _JSON_REASONS.get(reason, reason)


def _line_column(text: str, offset: int) -> Message:
    line = text.count("\n", 0, offset) + 1
    return place_in_text(line, offset - (text.rfind(chr(10), 0, offset) + 1) + 1)


def _literal_position(text: str, literal: str) -> str:
    """Where ``literal`` first occurs outside a string; used for errors the parser cannot place.

    The parser has read everything before the literal, so the first token outside strings that
    starts with it is the one. Only its first characters go into the pattern: a number may be
    millions of digits long, and compiling it into a pattern took minutes.
    """
    head = re.escape(literal[:_LITERAL_PREFIX])
    pattern = re.compile(_STRING + r"|(?<![\w.+-])" + head)
    for match in pattern.finditer(text):
        start = match.start()
        if text[start] != '"' and text.startswith(literal, start) and \
                not _continues_token(text, start + len(literal)):
            return _line_column(text, start)
    return ""


def _continues_token(text: str, end: int) -> bool:
    return end < len(text) and (text[end].isalnum() or text[end] in "_.+-")


def _too_deep_position(text: str) -> str:
    """Where nesting first passes MAX_DEPTH, found without recursion."""
    depth = 0
    for match in re.finditer(_STRING + r"|[\[\]{}]", text):
        token = match.group() if text[match.start()] != '"' else '"'
        if token in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return _line_column(text, match.start())
        elif token in "]}":
            depth -= 1
    return ""


# ----------------------------------------------------------------------------- limits on the data
def check_limits(data: Any, duplicate_keys: dict[int, str] | None = None,
                 surrogates_possible: bool = True) -> None:
    """Depth, string length, number and key checks over all the data, without recursion.
    ``surrogates_possible=False`` (parsed text holding no surrogate and no \\u escape) skips
    looking for strings that UTF-8 cannot hold."""
    _check_element_count(data)
    if not _within_limits(data, duplicate_keys, surrogates_possible):
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


def _within_limits(data: Any, duplicate_keys: dict[int, str] | None,
                   surrogates_possible: bool = True) -> bool:
    """True if check_limits' walk would find no problem; False if it would, or may.

    The same checks without building a path for every value, which made the walk most of the
    parsing time of a large file; only a file with a problem takes the walk that names it.
    """
    if type(data) is not dict and type(data) is not list:
        return _plain_scalar(data)
    encodable = _encodable if surrogates_possible else _always
    stack: list[tuple[Any, int]] = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if depth > MAX_DEPTH or (duplicate_keys and id(value) in duplicate_keys):
            return False
        is_dict = type(value) is dict
        for key, item in value.items() if is_dict else enumerate(value):
            if is_dict and (type(key) is not str or len(key) > MAX_STRING_LENGTH
                            or not (key.isascii() or encodable(key))):
                return False
            kind = type(item)
            if kind is dict or kind is list:
                stack.append((item, depth + 1))
            elif kind is str:
                if len(item) > MAX_STRING_LENGTH or not (item.isascii() or encodable(item)):
                    return False
            elif kind is float:
                if not math.isfinite(item):
                    return False
            elif kind is int:
                if item.bit_length() > _MAX_INT_BITS and _too_many_digits(item):
                    return False
            elif item is not None and kind is not bool:
                return False  # anything else, subclasses too: let the full walk judge
    return True


def _too_many_digits(value: int) -> bool:
    return abs(value) >= _TOO_MANY_DIGITS


def _plain_string(value: str) -> bool:
    return len(value) <= MAX_STRING_LENGTH and (value.isascii() or _encodable(value))


def _always(_value: str) -> bool:
    return True


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
        return not (value.bit_length() > _MAX_INT_BITS and _too_many_digits(value))
    return value is None or kind is bool


def _check_container(value, path: tuple, depth: int, duplicate_keys) -> None:
    if depth > MAX_DEPTH:
        raise FileProblem(too_deep(), json_path(path))
    if duplicate_keys and id(value) in duplicate_keys:
        key = duplicate_keys[id(value)]
        raise FileProblem(Message("has the field {key} twice in one object", key=short(key)),
                          json_path(path))


def _check_string(value: str, path: tuple) -> None:
    if len(value) > MAX_STRING_LENGTH:
        raise FileProblem(Message("has a text longer than the limit of {limit:,} characters",
                                  limit=MAX_STRING_LENGTH), json_path(path))
    if not value.isascii():
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise FileProblem(Message("has a text with a lone surrogate escape (\\ud800-\\udfff), "
                                      "which is not a character"), json_path(path)) from None


def _check_scalar(value: Any, path: tuple) -> None:
    if isinstance(value, str):
        _check_string(value, path)
    elif isinstance(value, float) and not math.isfinite(value):
        raise FileProblem(Message("contains {literal}, which JSON does not allow", literal=value),
                          json_path(path))
    elif isinstance(value, int) and not isinstance(value, bool):
        if value.bit_length() > _MAX_INT_BITS and _too_many_digits(value):
            raise FileProblem(Message("has a whole number with more than {limit} digits",
                                      limit=MAX_INT_DIGITS), json_path(path))
    elif value is not None and not isinstance(value, (bool, int, float)):
        raise FileProblem(Message("contains a {type}, which is not JSON data",
                                  type=type(value).__name__), json_path(path))


def _check_element_count(data: Any) -> None:
    if not isinstance(data, dict):
        return
    count = _elements_of(data)
    scenarios = data.get("scenarios")
    if isinstance(scenarios, list):  # format version 3: every scenario's elements count too
        if len(scenarios) > MAX_SCENARIOS:
            raise FileProblem(Message("has {count:,} scenarios, more than the limit of {limit:,}",
                                      count=len(scenarios), limit=MAX_SCENARIOS), "scenarios")
        count += sum(_elements_of(s) for s in scenarios if isinstance(s, dict))
    if count > MAX_ELEMENTS:
        raise FileProblem(Message("has {count:,} elements, more than the limit of {limit:,}",
                                  count=count, limit=MAX_ELEMENTS))


def _elements_of(data: dict[str, Any]) -> int:
    return sum(len(data[name]) for name in ELEMENT_ARRAYS if isinstance(data.get(name), list))
