"""Hostile `.journey` files within the size limit, made on demand (never committed: they are big).

Each shape is one long text plus one thing the loader must refuse (NaN, 1e999, an over-long
whole number, nesting past the limit), or a flood of small values. Used by
benchmarks/bench_hostile_files.py (time and peak memory per file, each in a fresh process) and by
tests/model/test_filechecks_hostile.py (the same files at 5.7 MiB). Pure standard library.
"""
from __future__ import annotations

from collections.abc import Callable

HEADER = '{"format": "journey-map", "version": 1, '
MIB = 2 ** 20


def _long_text_then(bad: str) -> Callable[[int], str]:
    """A title of ``size`` bytes of text, then a field holding ``bad``."""
    def make(size: int) -> str:
        return HEADER + '"title": "' + "a" * size + '", "x": ' + bad + "}"
    return make


def _escaped_text_then_nan(size: int) -> str:
    return HEADER + '"title": "' + "\\n" * (size // 2) + '", "x": NaN}'


def _huge_number(size: int) -> str:
    return HEADER + '"x": ' + "9" * size + "}"


def _huge_float(size: int) -> str:
    return HEADER + '"x": 1.' + "0" * size + "e999}"


def _deep_after_text(size: int) -> str:
    return HEADER + '"title": "' + "a" * size + '", "x": ' + "[" * 100_000 + "]" * 100_000 + "}"


def _flood(item: str) -> Callable[[int], str]:
    """An unknown field holding a list of ``item``s, as many as fit in ``size`` bytes."""
    def make(size: int) -> str:
        return HEADER + '"x": [' + ",".join([item] * (size // (len(item) + 1))) + "]}"
    return make


SHAPES: dict[str, Callable[[int], str]] = {
    "long text + NaN": _long_text_then("NaN"),
    "long text + -Infinity": _long_text_then("-Infinity"),
    "long text + 1e999": _long_text_then("1e999"),
    "long text + 4,301-digit number": _long_text_then("9" * 4_301),
    "long text + nesting 100,000 deep": _deep_after_text,
    "escaped text (\\n x N) + NaN": _escaped_text_then_nan,
    "one number as long as the file": _huge_number,
    "one float as long as the file": _huge_float,
    "flood of empty lists": _flood("[]"),
    "flood of empty objects": _flood("{}"),
    "flood of 2-letter texts": _flood('"ab"'),
    "flood of numbers 1.5": _flood("1.5"),
}

# What each shape must give (None: loaded), for the tests.
REFUSALS = {
    "long text + NaN": "contains NaN",
    "long text + -Infinity": "contains -Infinity",
    "long text + 1e999": "which is too large",
    "long text + 4,301-digit number": "more than 4300 digits",
    "long text + nesting 100,000 deep": "nested deeper than the limit",
    "escaped text (\\n x N) + NaN": "contains NaN",
    "one number as long as the file": "more than 4300 digits",
    "one float as long as the file": "which is too large",
}


def make_file(shape: str, size: int) -> bytes:
    """The file of ``shape`` of about ``size`` bytes, UTF-8."""
    return SHAPES[shape](size).encode("utf-8")
