"""Fuzzing the `.journey` loader: mutate valid files; every input must either load into a map that
saves and reloads equal, or be refused with a JourneyFileError. Any other exception is a bug.

The mutators take a ``random.Random``-like source, so tests/model/test_fuzz_loader.py drives them
with Hypothesis (``st.randoms``: reproducible and shrinkable) and ``main`` drives them with a seeded
``random.Random`` for the long run, or hands the bytes to atheris (``--atheris``: coverage-guided).

    python scripts/fuzz_loader.py --inputs 100000 [--seed N] [--atheris] [--save-failures DIR]
    python scripts/fuzz_loader.py --worst-cases     # times a few hand-made files that load slowly

Imports: its parts in scripts/fuzzing/ (inputs, mutators, checking, running, reporting, worst_cases),
the standard library and model.*; ``main`` also uses hypothesis and tests/model/strategies (for
generated maps), which only the development environment has.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script from anywhere: the project's packages are here
    sys.path.insert(0, str(ROOT))

from scripts.fuzzing.checking import Tally, check_input  # noqa: E402
from scripts.fuzzing.inputs import Base, base_from_map, template_bases, trimmed  # noqa: E402
from scripts.fuzzing.mutators import mutate  # noqa: E402
from scripts.fuzzing.reporting import report, save_failures  # noqa: E402
from scripts.fuzzing.running import generated_bases, run_atheris, run_random  # noqa: E402
from scripts.fuzzing.worst_cases import worst_cases  # noqa: E402

# tests/model/test_fuzz_loader.py imports the fuzzer's parts from here, as before the split.
__all__ = ["Base", "Tally", "base_from_map", "check_input", "main", "mutate", "template_bases", "trimmed"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--inputs", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--generated", type=int, default=200, help="maps from journey_maps()")
    parser.add_argument("--atheris", action="store_true", help="coverage-guided, with atheris")
    parser.add_argument("--save-failures", type=Path, help="folder for inputs that broke")
    parser.add_argument("--worst-cases", action="store_true", help="time the known slow files")
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args(argv)
    if args.worst_cases:
        worst_cases()
        return 0
    bases = template_bases() + generated_bases(args.generated, args.seed)
    if args.atheris:
        return run_atheris(bases, args.inputs, args.seed)
    start = time.perf_counter()
    tally = run_random(bases, args.inputs, args.seed, not args.quiet)
    print(report(tally, time.perf_counter() - start, " ".join(["python", *sys.argv])))
    for _, reason in tally.failures[:10]:
        print("  failure:", reason)
    for content, names in tally.long_messages[:5]:
        print("  long message:", names, content[:120])
    if args.save_failures:
        save_failures(tally, args.save_failures)
    return 1 if tally.failures else 0


if __name__ == "__main__":
    sys.exit(main())
