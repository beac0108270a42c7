"""Building many objects at once (opening a file, building the canvas) without the cyclic GC
walking the growing heap again and again meanwhile, and keeping it from walking a large open map
at all once it is built. Pure standard library.
"""
from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_collections_running = [0]  # collections under way (their finalizers may let this thread run)


def _follow_collections(phase: str, _info: dict) -> None:
    _collections_running[0] += 1 if phase == "start" else -1


gc.callbacks.append(_follow_collections)


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


@contextmanager
def built_to_keep() -> Iterator[None]:
    """gc_paused for a build whose objects stay alive (a map opening, its canvas).

    Once the build is done, its objects go straight to the GC's oldest generation (a freeze then
    an unfreeze: two list splices) instead of the first young collection after the build walking
    them all, which cost 0.34 s for a 50,000-card map and 0.21 s for its canvas. Garbage among
    them is still collected, by the next full collection. While maps are kept frozen
    (keep_heap), nothing is moved: unfreezing would hand them back to full collections. Only
    the main thread moves them, and never while a collection is under way (another thread's,
    whose finalizers let this one run): the GC's lists must not change under it. A build in a
    worker (an export, a live session's server) is left to the GC as before.
    """
    with gc_paused():
        yield
        # Not after an error (then the half-built objects are garbage): only here, past yield.
        if (not gc.get_freeze_count() and not _collections_running[0]
                and threading.current_thread() is threading.main_thread()):
            gc.freeze()
            gc.unfreeze()


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
