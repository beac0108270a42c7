"""Hostile files: valid `.journey` files mutated by Hypothesis either load into a map that saves and
reloads equal, or are refused with a JourneyFileError; never any other exception, never slowly.
Qt-free.

The mutators live in scripts/fuzz_loader.py, which also runs the long campaigns recorded in
docs/reliability.md; here Hypothesis drives them through ``st.randoms`` so that a failure is
reproducible (derandomize) and shrinks to a short list of mutations. The campaigns below run
10,200 inputs in all (6,100 + 1,500 + 500 + 600 + 1,500); each asserts its own share, so running
one test alone still checks it.
"""
from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st

from model import JourneyFileError
from model.fileformat.journey_file import MAX_FILE_BYTES, MAX_INT_DIGITS, load_journey, loads_journey
from scripts.fuzz_loader import Base, Tally, base_from_map, check_input, mutate, template_bases, trimmed
from tests.model.strategies import journey_maps

BASES = template_bases()
# Loading (the JSON Schema) is most of the cost per input; the bulk of the campaigns starts from
# the templates cut to 6 cards, the full templates get the mixed and extreme mutations.
SMALL_BASES = [trimmed(base) for base in BASES]
FUZZ = settings(derandomize=True, database=None, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.large_base_example])
randoms = st.randoms(use_true_random=False)


def campaign(examples: int, batch: int, bases: st.SearchStrategy, *families: str) -> Tally:
    """Run ``examples`` Hypothesis examples of ``batch`` inputs each; fail on the first bad one."""
    tally = Tally()

    @settings(FUZZ, max_examples=examples)
    @given(base=bases, rng=randoms)
    def run(base, rng):
        if not isinstance(base, Base):  # a generated map
            base = base_from_map("generated", base)
        for _ in range(batch):
            content, names = mutate(rng, base, rng.choice(families))
            try:
                tally.run(content, [base.name, *names], keep_going=False)
            except Exception:
                note(f"mutations {names} gave {len(content):,} bytes: {content[:400]!r}")
                raise

    run()
    assert tally.counts["total"] >= examples * batch
    assert not tally.long_messages, f"messages over 1,000 characters: {tally.long_messages[0][1]}"
    # Time per input is measured by scripts/fuzz_loader.py (docs/reliability.md), not asserted
    # here: a shared 2-core machine makes any time limit in a test flaky.
    return tally


def test_every_starting_file_is_valid():
    # A fuzzer that starts from broken files learns nothing about the checks past the first one.
    for base in BASES + SMALL_BASES:
        assert check_input(base.raw) == "loaded", base.name


def test_byte_flips_truncations_fragments_and_duplicate_keys():
    tally = campaign(610, 10, st.sampled_from(SMALL_BASES), "bytes")
    assert tally.counts["refused"] > tally.counts["loaded"] > 0


def test_replaced_deleted_duplicated_and_retargeted_values():
    tally = campaign(250, 6, st.sampled_from(SMALL_BASES), "structure")
    # Many structural edits keep a file valid: the save-and-reload half of the check gets work.
    assert tally.counts["loaded"] > 0.15 * tally.counts["total"]
    assert tally.counts["refused"] > 0.15 * tally.counts["total"]


def test_deep_nesting_huge_strings_numbers_and_element_counts():
    campaign(100, 5, st.sampled_from(BASES), "extremes")


def test_mixed_mutations_of_the_templates():
    campaign(100, 6, st.sampled_from(BASES), "mixed")


def test_any_mutation_of_generated_maps():
    # Extremes cost the most per input and are covered on the templates above.
    campaign(60, 25, journey_maps(), "bytes", "structure")


HUGE = "1" * MAX_INT_DIGITS  # the most digits a whole number may have
LONG_VALUES = {
    "a key of 100,001 characters": '{"format": "journey-map", "version": 1, "%s": 1}' % ("k" * 100_001),
    "a version 0 card's stage as long text": '{"format": "journey-map", "version": 0, "stages": '
                                             '["A"], "cards": [{"stage": "%s", "lane": 0}]}' % ("s" * 99_999),
}


@pytest.mark.parametrize("content", LONG_VALUES.values(), ids=LONG_VALUES.keys())
def test_a_long_value_gives_a_short_message(content):
    # Found by the fuzzer: messages quoted the whole key (in the place) or the whole value.
    with pytest.raises(JourneyFileError) as info:
        loads_journey(content, "long.journey")
    assert len(str(info.value)) < 300


@pytest.mark.parametrize("version", [HUGE, "-" + HUGE])
def test_a_huge_version_gives_a_short_message(version):
    with pytest.raises(JourneyFileError) as info:
        loads_journey(f'{{"format": "journey-map", "version": {version}}}', "long.journey")
    assert len(str(info.value)) < 300


class SortCounter:
    def __init__(self) -> None:
        self.count = 0


def count_sorts(monkeypatch) -> SortCounter:
    """Counts the calls of ``sorted`` made by the map's modules while loading: the map's own
    (journey_map) and its order caches' (card_order sorts a cell whose kept order was dropped)."""
    import model.journey.card_order as card_order
    import model.journey.journey_map as journey_map

    counter = SortCounter()

    def counting_sorted(*args, **kwargs):
        counter.count += 1
        return sorted(*args, **kwargs)

    for module in (journey_map, card_order):
        monkeypatch.setattr(module, "sorted", counting_sorted, raising=False)
    return counter


def test_many_cards_in_one_cell_load_in_linear_time(monkeypatch):
    # Found while fuzzing: each card added to a cell sorted the whole cell, so 10,000 cards in one
    # cell took 5 s to load; a hostile file could hang the editor for minutes.
    cards = ",".join(f'{{"id": "c{i}", "stage": "s", "lane": "l"}}' for i in range(10_000))
    content = ('{"format": "journey-map", "version": 1, "stages": [{"id": "s"}], '
               f'"lanes": [{{"id": "l"}}], "cards": [{cards}]}}')
    sorts = count_sorts(monkeypatch)
    assert len(loads_journey(content).cell_card_ids("s", "l")) == 10_000
    # Linear: the cell is sorted a bounded number of times, not once per card (10,000 before).
    assert sorts.count <= 10, sorts.count


def test_oversized_file_is_refused_quickly_naming_the_limit(tmp_path, monkeypatch):
    path = tmp_path / "huge.journey"
    with open(path, "wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)  # sparse: no disk space, no time to write
    opened = []
    monkeypatch.setattr("builtins.open", lambda *args, **kwargs: opened.append(args) or pytest.fail("read"))
    with pytest.raises(JourneyFileError) as info:
        load_journey(path)
    assert not opened  # refused from its size alone, never opened or read
    assert str(info.value).startswith(f"{path}: ")
    assert f"limit of {MAX_FILE_BYTES // 2**20} MiB" in info.value.reason
    assert os.path.getsize(path) == MAX_FILE_BYTES + 1  # refused without being read or changed
