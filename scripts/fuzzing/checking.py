"""The check of one fuzzed input, and the tally of outcomes: every input must either load into a
map that saves and reloads equal, or be refused with a JourneyFileError whose message names the
file and stays short; any other exception is what the fuzzer hunts. Imports: the standard
library and model.*.
"""
from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field

from model.fileformat.journey_file import dumps_journey, loads_journey
from model.journey.errors import JourneyFileError

# ----------------------------------------------------------------------------- the check itself
MESSAGE_LIMIT = 1_000  # characters: a message for a person, not a dump of the file


def check_input(content: bytes) -> str:
    """'loaded', 'refused' or 'refused, long message'. A loaded map must save and reload equal
    (AssertionError if not); any exception other than JourneyFileError goes through: that is
    what the fuzzer hunts."""
    try:
        journey = loads_journey(content, "fuzzed.journey")
    except JourneyFileError as error:
        if not str(error).startswith("fuzzed.journey: "):
            raise AssertionError(f"the message does not name the file: {str(error)[:300]!r}") from None
        return "refused" if len(str(error)) <= MESSAGE_LIMIT else "refused, long message"
    saved = dumps_journey(journey).encode("utf-8")  # what save_journey writes
    again = loads_journey(saved, "resaved.journey")
    if again != journey:
        raise AssertionError("the map changed through save and reload")
    return "loaded"


# ----------------------------------------------------------------------------- the long run
@dataclass
class Tally:
    """Counts of outcomes and the slowest input; ``failures`` keeps the inputs that broke."""

    counts: Counter = field(default_factory=Counter)
    slowest: float = 0.0
    slowest_names: list[str] = field(default_factory=list)
    slowest_input: bytes = field(default=b"", repr=False)
    failures: list[tuple[bytes, str]] = field(default_factory=list)
    long_messages: list[tuple[bytes, str]] = field(default_factory=list)

    def run(self, content: bytes, names: list[str], keep_going: bool = True) -> str:
        start = time.perf_counter()
        try:
            outcome = check_input(content)
        except Exception as exc:  # noqa: BLE001 - counting every other error is the point
            if not keep_going:
                raise
            outcome = "other"
            self.failures.append((content, f"{names}: {type(exc).__name__}: {exc}"[:500]))
        elapsed = time.perf_counter() - start
        if elapsed > self.slowest:
            self.slowest, self.slowest_names, self.slowest_input = elapsed, list(names), content
        if outcome == "refused, long message":
            self.long_messages.append((content, str(names)))
            outcome = "refused"
        self.counts[outcome] += 1
        self.counts["total"] += 1
        return outcome
