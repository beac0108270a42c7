"""Hand-made files that are known to load, or be refused, slowly: each is timed in a fresh
process for its own peak RSS (``fuzz_loader.py --worst-cases``; figures in docs/reliability.md).
They stay out of the random mix because each takes seconds. Imports: the standard library and
model.*.
"""
from __future__ import annotations

import resource
import time

from model.fileformat.journey_file import MAX_ELEMENTS, MAX_FILE_BYTES, loads_journey
from model.journey.errors import JourneyFileError


# ----------------------------------------------------------------------------- known slow paths
def _cards_file(count: int, cells: int, empty: bool = False) -> str:
    if empty:
        return '{"format": "journey-map", "version": 1, "cards": [' + ",".join(["{}"] * count) + "]}"
    stages = ",".join(f'{{"id": "s{i}"}}' for i in range(cells))
    cards = ",".join(f'{{"id": "c{i}", "stage": "s{i % cells}", "lane": "l"}}' for i in range(count))
    return (f'{{"format": "journey-map", "version": 1, "stages": [{stages}], '
            f'"lanes": [{{"id": "l"}}], "cards": [{cards}]}}')


WORST_CASES = {
    "99,999 empty cards (refused by the schema)": lambda: _cards_file(MAX_ELEMENTS - 1, 0, True),
    "20,000 cards in one cell (valid)": lambda: _cards_file(20_000, 1),
    "98,000 cards in 1,000 cells (valid, near the element limit)": lambda: _cards_file(98_000, 1_000),
    "64 MiB of short strings, no header (refused)":
        lambda: '{"x": [' + ",".join(['"a"'] * ((MAX_FILE_BYTES - 100) // 4)) + "]}",
}


def _time_one(name: str, pipe) -> None:
    content = WORST_CASES[name]().encode("utf-8")
    start = time.perf_counter()
    try:
        loads_journey(content)
        outcome = "loaded"
    except JourneyFileError:
        outcome = "refused"
    pipe.send((len(content), outcome, time.perf_counter() - start,
               resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024))


def worst_cases() -> None:
    """Hand-made files that load or are refused slowly; each in a fresh process, for its peak RSS."""
    import multiprocessing
    context = multiprocessing.get_context("fork")
    for name in WORST_CASES:
        receiver, sender = context.Pipe(duplex=False)
        child = context.Process(target=_time_one, args=(name, sender))
        child.start()
        size, outcome, elapsed, rss = receiver.recv()
        child.join()
        print(f"{name}: {size / 2**20:.1f} MiB, {outcome} in {elapsed:.1f} s, peak RSS {rss:.0f} MiB")
