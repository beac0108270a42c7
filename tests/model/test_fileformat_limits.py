"""Tests of the `.journey` file layer's limits (model.fileformat.filechecks): NaN and infinities,
huge numbers, long strings, too many elements, deep nesting, oversized files, duplicate keys and
lone surrogates are refused with the place named; random bytes and random values never escape
as anything but a JourneyFileError. Qt-free.
"""
from __future__ import annotations

import copy
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from model import JourneyFileError
from model.fileformat import journey_file as fileformat
from model.fileformat.journey_file import (
    MAX_DEPTH,
    MAX_ELEMENTS,
    MAX_FILE_BYTES,
    MAX_INT_DIGITS,
    MAX_STRING_LENGTH,
    load_journey,
    loads_journey,
    validate_data,
)
from tests.model.fileformat_helpers import SOURCE, refused, refused_data, slow, valid_data
from tests.model.strategies import json_values


# ----------------------------------------------------------------------------- limits
@pytest.mark.parametrize("literal", ["NaN", "Infinity", "-Infinity"])
def test_nan_and_infinity_are_refused_with_position(literal):
    text = '{"format": "journey-map",\n "version": 1,\n "x": [1, ' + literal + "]}"
    error = refused(text)
    assert literal in error.reason
    assert error.where == "line 3, column 11"


def test_overflowing_float_is_refused():
    text = '{"format": "journey-map", "version": 1, "x": 1e999}'
    error = refused(text)
    assert "1e999" in error.reason and "too large" in error.reason
    assert error.where == f"line 1, column {text.index('1e999') + 1}"


def test_huge_integer_is_refused_with_position():
    text = '{"format": "journey-map", "version": 1,\n"x": ' + "9" * (MAX_INT_DIGITS + 1) + "}"
    error = refused(text)
    assert f"more than {MAX_INT_DIGITS} digits" in error.reason
    assert error.where == "line 2, column 6"


def test_string_over_the_limit():
    error = refused_data(lambda d: d["cards"][1].update(details="あ" * (MAX_STRING_LENGTH + 1)))
    assert "longer than the limit of 100,000 characters" in error.reason
    assert error.where == "cards[1].details"


def test_too_many_elements():
    def flood(data):
        data["segments"] = [{"id": f"s{i}"} for i in range(MAX_ELEMENTS + 1)]
    error = refused_data(flood)
    assert "100,010 elements" in error.reason and "more than the limit of 100,000" in error.reason
    assert error.where == ""


def test_nesting_a_little_too_deep_names_the_path():
    deep: dict = {}
    data = dict(valid_data(), x=deep)
    for _ in range(MAX_DEPTH):
        deep["a"] = {}
        deep = deep["a"]
    error = refused(json.dumps(data))
    assert f"deeper than the limit of {MAX_DEPTH} levels" in error.reason
    assert error.where == "x" + ".a" * (MAX_DEPTH - 1)


def test_nesting_far_too_deep_names_line_and_column():
    text = '{"format": "journey-map", "version": 1,\n"x": ' + "[" * 100_000 + "]" * 100_000 + "}"
    error = refused(text)
    assert f"deeper than the limit of {MAX_DEPTH} levels" in error.reason
    assert error.where == f"line 2, column {6 + MAX_DEPTH - 1}"


def test_file_over_the_size_limit_is_refused_before_reading(tmp_path):
    path = tmp_path / "huge.journey"
    with open(path, "wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)  # sparse: costs no disk
    with pytest.raises(JourneyFileError) as info:
        load_journey(path)
    assert "larger than the limit of 64 MiB" in str(info.value)


def test_content_over_the_size_limit(monkeypatch):
    monkeypatch.setattr(fileformat, "MAX_FILE_BYTES", 100)
    assert "larger than the limit" in refused(json.dumps(valid_data()).encode()).reason


def test_duplicate_key_in_one_object_is_refused():
    text = json.dumps(valid_data()).replace('"kind": "idea"', '"kind": "idea", "kind": "note"')
    error = refused(text)
    assert 'the field "kind" twice' in error.reason and error.where == "cards[0]"


def test_lone_surrogate_escape_is_refused():
    text = json.dumps(valid_data()).replace('"Chat"', '"Chat \\ud800"')
    error = refused(text)
    assert "lone surrogate" in error.reason and error.where == "cards[0].title"


def test_lone_surrogate_in_the_text_itself_is_refused():
    # Text handed in as a str (not decoded from bytes) may hold a surrogate without an escape;
    # the loader skips looking for them only when the text cannot carry one.
    text = json.dumps(valid_data(), ensure_ascii=False).replace('"Chat"', '"Chat \ud800"')
    assert "\\u" not in text and "\ud800" in text
    error = refused(text)
    assert "lone surrogate" in error.reason and error.where == "cards[0].title"


@settings(deadline=None, max_examples=150)
@given(st.binary(max_size=300) | st.text(max_size=300).map(lambda t: t.encode("utf-8")))
def test_random_bytes_never_escape_as_anything_but_journey_file_error(raw):
    try:
        loads_journey(raw, SOURCE)
    except JourneyFileError as error:
        assert str(error).startswith(SOURCE)


def _paths_in(value, path=()):
    yield path
    items = value.items() if isinstance(value, dict) else enumerate(value) \
        if isinstance(value, list) else ()
    for key, item in items:
        yield from _paths_in(item, path + (key,))


@slow
@given(st.data(), json_values)
def test_any_replaced_value_gives_a_checked_error_not_a_model_one(draw, replacement):
    data = valid_data()
    target = draw.draw(st.sampled_from([p for p in _paths_in(data) if p]))
    parent = data
    for key in target[:-1]:
        parent = parent[key]
    parent[target[-1]] = copy.deepcopy(replacement)
    try:
        loads_journey(json.dumps(data), SOURCE)
    except JourneyFileError as error:
        # "cannot be opened" is the fallback for a ModelError: the checks should come first.
        assert not error.reason.startswith("cannot be opened"), str(error)


def test_validate_data_returns_migrated_data_and_checks_limits():
    assert validate_data(valid_data())["cards"][0]["stage"] == "st-onb"
    with pytest.raises(JourneyFileError) as info:
        validate_data(dict(valid_data(), x=float("nan")), "mem")
    assert str(info.value).startswith("mem: ") and info.value.where == "x"
