"""Building many objects at once (opening a file, building the canvas) without the cyclic GC
walking the growing heap again and again meanwhile, and keeping it from walking a large open map
at all once it is built. Pure standard library.
"""
from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """Hold off the cyclic garbage collector for the duration of a bulk build.

    A load allocates hundreds of thousands of objects that all stay alive; each automatic
    collection walks them again, which was a fifth to a third of opening a 10,000-card map.
    Nothing is lost: reference counting frees garbage as usual meanwhile, and collections
    resume (if they were on) when the block ends, even after an error.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def keep_heap() -> None:
    """Tell the cyclic GC that everything alive now lives long (the open maps, their canvases):
    a full collection walked every object of a 50,000-card map (about a second) and came in the
    middle of edits. Objects made from now on are collected as usual, and reference counting
    still frees anything that stops being used."""
    gc.collect(1)  # the young garbage first: what is kept should be what is alive
    gc.freeze()


def release_heap() -> None:
    """A map was closed: let the GC walk the kept objects again, so that the closed map's
    reference cycles are freed (the next keep_heap keeps only what is still alive)."""
    gc.unfreeze()
