"""What a fuzzing run reports: the summary of outcomes (loaded, refused, other errors, the slowest
input, time and peak memory) and the inputs worth replaying by hand, saved to a folder. Imports:
the standard library only (and the tally of fuzzing.checking).
"""
from __future__ import annotations

import resource
from pathlib import Path

from .checking import MESSAGE_LIMIT, Tally


def report(tally: Tally, elapsed: float, command: str) -> str:
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    c = tally.counts
    return "\n".join([
        f"command:        {command}",
        f"inputs:         {c['total']:,}",
        f"loaded:         {c['loaded']:,}  (saved and reloaded equal)",
        f"refused:        {c['refused']:,}  (JourneyFileError)",
        f"  of which with a message over {MESSAGE_LIMIT:,} characters: {len(tally.long_messages):,}",
        f"other errors:   {c['other']:,}",
        f"slowest input:  {tally.slowest * 1000:.1f} ms  ({' + '.join(tally.slowest_names)})",
        f"elapsed:        {elapsed:.1f} s",
        f"peak RSS:       {peak_mib:.0f} MiB",
    ])


def save_failures(tally: Tally, folder: Path) -> None:
    """The inputs that broke, gave a long message, or took the longest, to replay by hand."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "slowest.journey").write_bytes(tally.slowest_input)
    for kind, found in (("failure", tally.failures), ("long-message", tally.long_messages)):
        for i, (content, reason) in enumerate(found[:100]):
            (folder / f"{kind}-{i}.journey").write_bytes(content)
            (folder / f"{kind}-{i}.txt").write_text(reason + "\n", encoding="utf-8")
