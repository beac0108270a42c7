"""Hostile files within the size limit: refused with the right place, in memory that follows the
file's size. Qt-free.

The files (benchmarks/hostile_files.py) are made here at 5.7 MiB, never committed. Peak memory is
what the loader allocates, measured with tracemalloc (the regex engine's backtracking stack is
counted too); no test times anything: benchmarks/bench_hostile_files.py measures time and peak RSS
at 5.7 and 57 MiB, each file in a fresh process (docs/reliability.md has the figures).
"""
from __future__ import annotations

import tracemalloc

import pytest

from benchmarks.hostile_files import MIB, REFUSALS, make_file
from model import JourneyFileError
from model.fileformat import loads_journey
from model.fileformat.filechecks import MAX_ELEMENTS, MAX_VALUES, FileProblem, check_limits, parse_json

SIZE = int(5.7 * MIB)
MEMORY_PER_BYTE = 10  # the loader may use at most ten times the file's size


def peak_memory_of_load(content: bytes) -> tuple[int, JourneyFileError | None]:
    """(bytes allocated at the peak, the refusal or None) of loading ``content``."""
    tracemalloc.start()
    try:
        loads_journey(content, source="hostile.journey")
        refusal = None
    except JourneyFileError as exc:
        refusal = exc
    finally:
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    return peak, refusal


@pytest.mark.parametrize("shape", sorted(REFUSALS))
def test_a_hostile_file_is_refused_in_memory_that_follows_its_size(shape):
    content = make_file(shape, SIZE)
    peak, refusal = peak_memory_of_load(content)
    assert refusal is not None and REFUSALS[shape] in refusal.reason
    assert refusal.where.startswith("line 1, column ")
    assert peak <= MEMORY_PER_BYTE * len(content), f"{peak / MIB:.0f} MiB for {len(content) / MIB:.1f} MiB"


# --------------------------------------------------------------------- the place is still right
@pytest.mark.parametrize("literal, message", [
    ("NaN", "contains NaN"), ("Infinity", "contains Infinity"), ("-Infinity", "contains -Infinity"),
    ("1e999", "too large"), ("-1E+999", "too large"), ("9" * 4_301, "more than 4300 digits"),
    ("-" + "9" * 200_000, "more than 4300 digits")])
def test_a_bad_literal_is_placed_after_strings_that_contain_it(literal, message):
    before = f'{{"a": "{literal} \\" {literal}", "b": [1, 2],\n  "{literal}": 3, "c": '
    with pytest.raises(Exception) as caught:
        parse_json(before + literal + "}")
    assert message in caught.value.message
    assert caught.value.where == f"line 2, column {len(before.split(chr(10))[1]) + 1}"


def test_a_literal_that_only_starts_like_the_bad_one_is_skipped():
    text = '{"a": 1e99, "b": 1e999}'
    with pytest.raises(Exception) as caught:
        parse_json(text)
    assert caught.value.where == f"line 1, column {text.index('1e999') + 1}"


def test_nesting_is_placed_at_the_level_past_the_limit_after_strings_with_brackets():
    text = '{"a": "[[[[{{{{\\"]]", "b": ' + "[" * 5_000 + "]" * 5_000 + "}"
    with pytest.raises(Exception) as caught:
        parse_json(text)
    assert "nested deeper" in caught.value.message
    column = text.index("[[[[[") + 63 + 1  # the object is level 1, so the 64th bracket is level 65
    assert caught.value.where == f"line 1, column {column}"


# --------------------------------------------------------------------- floods of tiny values
def test_a_flood_of_tiny_values_is_refused_before_parsing():
    content = make_file("flood of empty lists", SIZE)
    peak, refusal = peak_memory_of_load(content)
    assert refusal is not None and f"more than {MAX_VALUES:,} values" in refusal.reason
    assert peak <= 3 * len(content)  # the text only: no list was made


def test_the_largest_realistic_map_is_far_below_the_value_limit():
    """Every field of every card filled, at the element limit: the count must leave room."""
    card = ('{"id": "c00000", "stage": "s1", "lane": "l1", "kind": "idea", "title": "a, b", '
            '"details": "c, d, e", "channel": "", "owner": "", "colour": "", "votes": 1, '
            '"segments": ["g1", "g2", "g3"], "feeling": "", "stakes": "", "actions": ""}')
    per_card = card.count(",") + card.count("[") + card.count("{")
    assert per_card * MAX_ELEMENTS <= 0.8 * MAX_VALUES


# --------------------------------------------------------------------- the digit limit, exactly
@pytest.mark.parametrize("digits", ["9" * 4_300, "-" + "9" * 4_300, "1" + "0" * 4_299])
def test_a_whole_number_of_exactly_the_digit_limit_is_accepted(digits):
    data = parse_json('{"x": ' + digits + "}")
    assert data["x"] == int(digits)
    check_limits({"x": int(digits)})  # as plain data too (validate_data)


def test_a_whole_number_one_digit_over_the_limit_is_refused_as_data():
    with pytest.raises(FileProblem) as caught:
        check_limits({"x": 10 ** 4_300})
    assert "more than 4300 digits" in caught.value.message and caught.value.where == "x"
