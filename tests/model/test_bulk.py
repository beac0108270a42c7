"""model.bulk.built_to_keep: what a bulk build makes goes to the GC's oldest generation, not to
the young one the next collection walks; with maps kept frozen, in another thread or after an
error nothing moves. Counted with the gc module, never timed. Qt-free.
"""
from __future__ import annotations

import gc
import threading
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
    assert made
    release_heap()
    assert kept


def test_a_build_in_another_thread_is_left_to_the_gc(monkeypatch):
    moved: list[str] = []
    freeze = gc.freeze
    monkeypatch.setattr(gc, "freeze", lambda: moved.append(threading.current_thread().name)
                        or freeze())
    made: list = []

    def build() -> None:
        with built_to_keep():
            made.extend(Node() for _ in range(1000))

    worker = threading.Thread(target=build, name="worker")
    worker.start()
    worker.join(timeout=30)
    assert len(made) == 1000 and moved == []  # a worker never changes the GC's lists
    with built_to_keep():
        made.append(Node())
    assert moved == [threading.current_thread().name]  # the main thread does


def test_nothing_is_kept_after_an_error(monkeypatch):
    moved: list[bool] = []
    freeze = gc.freeze
    monkeypatch.setattr(gc, "freeze", lambda: moved.append(True) or freeze())
    with pytest.raises(ValueError), built_to_keep():
        [Node() for _ in range(1000)]
        raise ValueError("the file was broken")
    assert gc.isenabled() and moved == []
