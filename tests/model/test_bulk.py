"""model.bulk.built_to_keep: what a bulk build makes goes to the GC's oldest generation, not to
the young one the next collection walks; with maps kept frozen nothing moves; after an error
nothing is kept. Counted with the gc module, never timed. Qt-free.
"""
from __future__ import annotations

import gc
import weakref

import pytest

from model.bulk import built_to_keep, keep_heap, release_heap


class Node:
    def __init__(self) -> None:
        self.me = self  # a cycle: only the cyclic GC frees it


def _in_generation(objects: list, generation: int) -> int:
    ids = {id(o) for o in objects}
    return sum(1 for o in gc.get_objects(generation) if id(o) in ids)


@pytest.fixture(autouse=True)
def nothing_frozen():
    gc.unfreeze()
    yield
    gc.unfreeze()


def test_what_a_build_makes_goes_to_the_oldest_generation():
    with built_to_keep():
        made = [Node() for _ in range(5000)]
    assert gc.get_freeze_count() == 0  # nothing left out of the GC for good
    assert _in_generation(made, 2) == len(made)
    assert _in_generation(made, 0) == 0  # the next young collection does not walk them


def test_a_full_collection_still_frees_its_garbage():
    with built_to_keep():
        made = [Node() for _ in range(100)]
    node = weakref.ref(made[0])
    del made
    gc.collect()
    assert node() is None


def test_maps_kept_frozen_stay_frozen():
    kept = [Node() for _ in range(100)]
    keep_heap()
    frozen = gc.get_freeze_count()
    with built_to_keep():
        made = [Node() for _ in range(1000)]
    assert gc.get_freeze_count() == frozen  # the kept maps were not handed back to the GC
    assert _in_generation(made, 2) == 0
    release_heap()
    assert kept


def test_nothing_is_kept_after_an_error():
    with pytest.raises(ValueError), built_to_keep():
        made = [Node() for _ in range(1000)]
        raise ValueError("the file was broken")
    assert gc.isenabled()
    assert _in_generation(made, 2) == 0
