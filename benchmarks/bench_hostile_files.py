"""Times the loader on hostile files within the size limit, next to the bare json module.

Each file (benchmarks/hostile_files.py) is written to a temporary folder and loaded with
``load_journey`` in a fresh process, for its own peak RSS; the process notes its RSS after importing
the loader (the baseline), so "added" is all that reading and loading the file cost. The
bare-library column is reading the file and ``json.loads`` of it, in the same process after the
loader (it fails or succeeds on its own terms), so the ratio shows what the loader adds; absolute
times depend on the machine.

    python benchmarks/bench_hostile_files.py                  # 5.7 and 57 MiB, every shape
    python benchmarks/bench_hostile_files.py --sizes 57 --shapes "long text + NaN"
"""
from __future__ import annotations

import argparse
import json
import multiprocessing
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.hostile_files import MIB, SHAPES, make_file  # noqa: E402


def _peak_rss_mib() -> float:
    """This process's peak RSS. Linux's VmHWM belongs to the process image, while ru_maxrss
    keeps the parent's peak across fork and exec (the parent held the file it had just made)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _measure(path: str, pipe) -> None:
    from model.fileformat import load_journey
    from model.journey.errors import JourneyFileError

    baseline = _peak_rss_mib()  # the interpreter and the loader, not the file yet
    start = time.perf_counter()
    try:
        load_journey(path)
        outcome = "loaded"
    except JourneyFileError:
        outcome = "refused"
    elapsed, peak = time.perf_counter() - start, _peak_rss_mib()
    start = time.perf_counter()  # after the loader, so that its peak is the loader's own
    try:
        json.loads(Path(path).read_bytes())
    except (ValueError, RecursionError):
        pass
    pipe.send((outcome, elapsed, time.perf_counter() - start, baseline, peak))


def measure(path: Path) -> tuple:
    context = multiprocessing.get_context("spawn")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_measure, args=(str(path), sender))
    child.start()
    result = receiver.recv()
    child.join()
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[5.7, 57], help="MiB")
    parser.add_argument("--shapes", nargs="+", default=list(SHAPES), choices=list(SHAPES))
    args = parser.parse_args(argv)
    print("| file | size | result | loader | json.loads | ratio | peak RSS | added | added / size |")
    print("|---|---:|---|---:|---:|---:|---:|---:|---:|")
    for size_mib in args.sizes:
        for shape in args.shapes:
            with tempfile.TemporaryDirectory() as folder:
                path = Path(folder) / "hostile.journey"
                path.write_bytes(make_file(shape, int(size_mib * MIB)))
                size = path.stat().st_size
                outcome, elapsed, bare, baseline, peak = measure(path)
            added = max(0.0, peak - baseline)
            print(f"| {shape} | {size / MIB:.1f} MiB | {outcome} | {elapsed:.2f} s | {bare:.2f} s "
                  f"| {elapsed / max(bare, 1e-3):.1f} | {peak:.0f} MiB | {added:.0f} MiB "
                  f"| {added * MIB / size:.1f} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
