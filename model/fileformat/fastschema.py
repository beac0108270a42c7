"""A fast yes-or-"let jsonschema look" check of data against the file format's JSON Schema.

jsonschema took 1.6 s to pass a valid 10,000-card file (most of opening it). ``compile_schema``
turns the schema into nested Python checks once, which pass the same file in a few hundredths of a
second. It answers True only when the data is valid; False means "not sure", and the loader then
runs jsonschema itself, which finds and words the error exactly as before. So every keyword below
is checked as the JSON Schema 2020-12 specification says, or more strictly (a stricter check only
sends more files down the slow path); a schema using any other keyword gets no fast check at all.
Pure standard library; imports nothing of the project.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

Check = Callable[[Any], bool]

_ANNOTATIONS = {"$schema", "$id", "$defs", "$comment", "title", "description", "default",
                "examples"}
_TYPES: dict[str, Check] = {
    "object": lambda x: isinstance(x, dict),
    "array": lambda x: isinstance(x, list),
    "string": lambda x: isinstance(x, str),
    # Numbers are int or float but never bool; whole numbers are ints only (1.0 is not one):
    # the loader's own type checker says so too.
    "number": lambda x: isinstance(x, (int, float)) and not isinstance(x, bool),
    "integer": lambda x: isinstance(x, int) and not isinstance(x, bool),
    "boolean": lambda x: isinstance(x, bool),
    "null": lambda x: x is None,
}


class Unsupported(Exception):
    """The schema uses something this module does not check: no fast check."""


def compile_schema(schema: dict[str, Any]) -> Check | None:
    """A function that returns True only for data the schema accepts; None if unsupported."""
    try:
        return _Compiler(schema).node(schema)
    except Unsupported:
        return None


class _Compiler:
    def __init__(self, root: dict[str, Any]) -> None:
        self.root = root
        self.defs: dict[str, Check] = {}

    def node(self, schema: Any) -> Check:
        if schema is True:
            return lambda x: True
        if schema is False:
            return lambda x: False
        if not isinstance(schema, dict) or (schema is not self.root and "$id" in schema):
            raise Unsupported(repr(schema)[:80])  # (a nested $id would move the base of $refs)
        text = _text_check(schema)
        if text is not None:
            return text
        checks = [self.keyword(name, value, schema) for name, value in schema.items()
                  if name not in _ANNOTATIONS]
        checks = [c for c in checks if c is not None]
        if len(checks) == 1:
            return checks[0]

        def every(x: Any) -> bool:
            for check in checks:
                if not check(x):
                    return False
            return True
        return every

    def keyword(self, name: str, value: Any, schema: dict[str, Any]) -> Check | None:
        builder = getattr(self, "k_" + name.lstrip("$"), None)
        if builder is None:
            raise Unsupported(name)
        return builder(value, schema)

    # ----------------------------------------------------------------- keywords
    def k_ref(self, value: Any, _schema) -> Check:
        if not isinstance(value, str) or not value.startswith("#/$defs/") or "/" in value[8:]:
            raise Unsupported(value)
        name = value[8:]
        if name not in self.defs:
            self.defs[name] = lambda x: self.defs[name](x)  # stands in while compiling a cycle
            self.defs[name] = self.node(self.root.get("$defs", {}).get(name, None))
        return self.defs[name]

    def k_type(self, value: Any, _schema) -> Check:
        names = value if isinstance(value, list) else [value]
        if not all(name in _TYPES for name in names):
            raise Unsupported(value)
        checks = [_TYPES[name] for name in names]
        return checks[0] if len(checks) == 1 else lambda x: any(c(x) for c in checks)

    def k_const(self, value: Any, _schema) -> Check:
        if isinstance(value, (dict, list, float)):
            raise Unsupported(value)
        return lambda x: type(x) is type(value) and x == value

    def k_enum(self, value: Any, _schema) -> Check:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise Unsupported(value)
        allowed = frozenset(value)
        return lambda x: type(x) is str and x in allowed

    def k_required(self, value: Any, _schema) -> Check:
        names = tuple(value)
        return lambda x: not isinstance(x, dict) or all(map(x.__contains__, names))

    def k_properties(self, value: Any, _schema) -> Check:
        checks = tuple((name, self.node(sub)) for name, sub in value.items())

        def properties(x: Any) -> bool:
            if isinstance(x, dict):
                for name, check in checks:
                    if name in x and not check(x[name]):
                        return False
            return True
        return properties

    def k_additionalProperties(self, value: Any, schema: dict[str, Any]) -> Check | None:
        if "patternProperties" in schema:
            raise Unsupported("patternProperties")
        if value is True:
            return None
        known, check = frozenset(schema.get("properties", {})), self.node(value)
        return lambda x: not isinstance(x, dict) or all(
            check(item) for name, item in x.items() if name not in known)

    def k_propertyNames(self, value: Any, _schema) -> Check:
        check = self.node(value)
        return lambda x: not isinstance(x, dict) or all(map(check, x))

    def k_items(self, value: Any, schema: dict[str, Any]) -> Check:
        if "prefixItems" in schema or not isinstance(value, (dict, bool)):
            raise Unsupported("items")
        check = self.node(value)
        return lambda x: not isinstance(x, list) or all(map(check, x))

    def k_uniqueItems(self, value: Any, _schema) -> Check | None:
        if value is not True:
            return None
        # Strings only (ids): unequal strings are unequal JSON values. Anything else: not sure.
        return lambda x: not isinstance(x, list) or (
            all(type(item) is str for item in x) and len(set(x)) == len(x))

    def k_minLength(self, value: int, _schema) -> Check:
        return lambda x: not isinstance(x, str) or len(x) >= value

    def k_maxLength(self, value: int, _schema) -> Check:
        return lambda x: not isinstance(x, str) or len(x) <= value

    def k_pattern(self, value: str, _schema) -> Check:
        search = re.compile(value).search
        return lambda x: not isinstance(x, str) or search(x) is not None

    def k_minimum(self, value: float, _schema) -> Check:
        number = _TYPES["number"]
        return lambda x: not number(x) or x >= value

    def k_maximum(self, value: float, _schema) -> Check:
        number = _TYPES["number"]
        return lambda x: not number(x) or x <= value


def _text_check(schema: dict[str, Any]) -> Check | None:
    """One check for the commonest schemas, a string with length limits and maybe a pattern
    (ids, texts, colours): the same tests as the keywords one by one, in one call."""
    if schema.get("type") != "string" or not set(schema) <= {"type", "minLength", "maxLength",
                                                            "pattern", *_ANNOTATIONS}:
        return None
    low, high = schema.get("minLength", 0), schema.get("maxLength")
    search = re.compile(schema["pattern"]).search if "pattern" in schema else None
    if not isinstance(low, int) or not (high is None or isinstance(high, int)):
        raise Unsupported("minLength/maxLength")
    if high is None:
        high = float("inf")
    if search is None:
        return lambda x: isinstance(x, str) and low <= len(x) <= high
    return lambda x: isinstance(x, str) and low <= len(x) <= high and search(x) is not None
