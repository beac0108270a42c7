"""Order keys: where an element sits among its siblings, as a fractional-index string.

An order is not a Y.Array: moving an element in a Y.Array is a delete plus an insert, so two
people moving the same card at once leave it in the list twice. A key per element is one
last-writer-wins value instead: concurrent moves give one winner, never a duplicate or a gap.
Keys are the ``fractional-indexing`` package's base-62 strings (the same algorithm as the
npm package of that name, so a JavaScript client can make keys too), compared as plain strings,
ties broken by element id. Pure Python; imports fractional_indexing only.
"""
from __future__ import annotations

from bisect import bisect_left
from collections.abc import Mapping, Sequence

from fractional_indexing import FIError, generate_n_keys_between, validate_order_key


def usable(key: str | None) -> bool:
    if not key:
        return False
    try:
        validate_order_key(key)
    except (FIError, IndexError, ValueError):
        return False
    return True


def fresh_keys(count: int) -> list[str]:
    """Keys for a whole new list (publishing a map): short, evenly spread."""
    return generate_n_keys_between(None, None, count) if count else []


def assign_keys(order: Sequence[str], current: Mapping[str, str | None]) -> dict[str, str]:
    """New keys for the ids in ``order`` whose current key does not fit where they now are.

    The longest run of ids whose keys already increase strictly keeps its keys, so moving one
    card rewrites one key. Returns only the ids that need a (new) key.
    """
    anchors = _longest_increasing(order, current)
    changes: dict[str, str] = {}
    run: list[str] = []
    low: str | None = None
    for element_id in [*order, None]:
        if element_id is not None and element_id not in anchors:
            run.append(element_id)
            continue
        high = current[element_id] if element_id is not None else None
        if run:
            try:
                changes.update(zip(run, generate_n_keys_between(low, high, len(run)), strict=True))
            except FIError:  # keys another client wrote that the algorithm cannot split
                return dict(zip(order, fresh_keys(len(order)), strict=True))
        run, low = [], high
    return changes


def _longest_increasing(order: Sequence[str], current: Mapping[str, str | None]) -> set[str]:
    """Ids forming a longest subsequence of ``order`` with strictly increasing usable keys."""
    tails: list[str] = []  # tails[k]: the smallest last key of an increasing run of length k+1
    tail_ids: list[str] = []
    previous: dict[str, str | None] = {}
    for element_id in order:
        key = current.get(element_id)
        if not usable(key):
            continue
        at = bisect_left(tails, key)
        previous[element_id] = tail_ids[at - 1] if at else None
        if at == len(tails):
            tails.append(key)
            tail_ids.append(element_id)
        else:
            tails[at], tail_ids[at] = key, element_id
    kept: set[str] = set()
    element_id = tail_ids[-1] if tail_ids else None
    while element_id is not None:
        kept.add(element_id)
        element_id = previous[element_id]
    return kept
