"""Crash safety of saving: kill a process in the middle of saving, many times over, and check that
the file on disk is always one whole version (the old one or a new one), never a broken file.

Each run starts a fresh child interpreter that saves two distinct new versions of a map in turn,
over and over, with ``model.fileformat.save_journey``; once the child says it is saving, the parent
waits a random 0-50 ms, sends SIGKILL, then loads the file and classifies it: old, new, fails to
load, or neither (loads but is no version). It also counts the temp files a kill left behind
(``.<name>.<hex>.tmp``; the editor removes them with model.fileformat.tempfiles on open and save).

    python scripts/crash_save.py --runs 500 [--cards 2500] [--seed N] [--folder DIR]

tests/model/test_crash_safety.py runs the same with 20 kills on a small map. POSIX only (SIGKILL).
Imports: the standard library and model.* only.
"""
from __future__ import annotations

import argparse
import json
import random
import resource
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script from anywhere: the project's packages are here
    sys.path.insert(0, str(ROOT))

from model import Card, CardKind, JourneyMap, Lane, LaneKind, Stage  # noqa: E402
from model.fileformat import dumps_journey, load_journey, save_journey  # noqa: E402
from model.fileformat.serialize import map_from_data  # noqa: E402
from model.fileformat.tempfiles import remove_stale_temp_files, stale_temp_files  # noqa: E402
from model.journey.errors import JourneyFileError  # noqa: E402

PHRASES = ("オンボーディング面談で初期設定の手順を説明する", "kick-off call with the admin team",
           "ヘルプページを検索しても答えが見つからない", "usage dashboard shows a drop in logins",
           "契約更新の稟議に必要な資料をまとめる", "QBR: quarterly business review with sponsor")
OUTCOMES = ("old", "new", "fails to load", "neither")


# ----------------------------------------------------------------------------- the versions
def build_map(cards: int, version: str, seed: int = 7) -> JourneyMap:
    """A map of ``cards`` cards with long texts (2,500 cards: about 1 MB); ``version`` changes
    its title and the details of every tenth card, so each version's text is distinct."""
    rng = random.Random(seed)
    journey = JourneyMap(f"Crash test ({version})", "ja")
    for i in range(10):
        journey.add_stage(Stage(f"st-{i}", f"Stage {i}"))
    for i, kind in enumerate(list(LaneKind)[:6]):
        journey.add_lane(Lane(f"ln-{i}", kind.value, kind))
    kinds = list(CardKind)
    for i in range(cards):
        details = " ".join(rng.choice(PHRASES) for _ in range(2))
        if i % 10 == 0:
            details = f"[{version}] {details}"
        journey.add_card(Card(f"card-{i}", kinds[i % len(kinds)], rng.choice(PHRASES), details),
                         f"st-{i % 10}", f"ln-{i // 10 % 6}")
    return journey


@dataclass
class Versions:
    """The old version and the new ones, saved once as reference files for the children."""

    folder: Path
    old: JourneyMap
    new: tuple[JourneyMap, ...]
    files: tuple[Path, ...] = ()

    @classmethod
    def make(cls, folder: Path, cards: int) -> Versions:
        versions = cls(folder, build_map(cards, "old"), (build_map(cards, "A"), build_map(cards, "B")))
        folder.mkdir(parents=True, exist_ok=True)
        versions.files = tuple(folder / f"new-{i}.journey" for i in range(len(versions.new)))
        for journey, path in zip(versions.new, versions.files, strict=True):
            path.write_text(dumps_journey(journey), encoding="utf-8")
        return versions

    def classify(self, path: Path) -> str:
        try:
            journey = load_journey(path)
        except JourneyFileError:
            return "fails to load"
        if journey == self.old:
            return "old"
        return "new" if any(journey == new for new in self.new) else "neither"


# ----------------------------------------------------------------------------- one kill
def child_main(target: str, sources: list[str]) -> None:
    """In the child: load the new versions, say so, then save them in turn until killed."""
    # Our own reference files: building them without the file checks halves each run's time.
    maps = [map_from_data(json.loads(Path(source).read_text(encoding="utf-8"))) for source in sources]
    print("saving", flush=True)
    while True:
        for journey in maps:
            save_journey(journey, target)


@dataclass
class Tally:
    counts: Counter = field(default_factory=Counter)
    temp_files: int = 0
    runs_with_temp: int = 0
    delays: list[float] = field(default_factory=list)


def kill_once(versions: Versions, target: Path, rng: random.Random, tally: Tally,
              max_delay_s: float = 0.05) -> str:
    """Start a saving child, SIGKILL it 0 to max_delay_s after it starts saving, classify the file."""
    command = [sys.executable, str(Path(__file__).resolve()), "--child", str(target),
               *map(str, versions.files)]
    child = subprocess.Popen(command, stdout=subprocess.PIPE, cwd=ROOT)
    try:
        if child.stdout.readline() != b"saving\n":
            raise RuntimeError(f"the saving child did not start (exit code {child.poll()})")
        delay = rng.uniform(0, max_delay_s)
        time.sleep(delay)
        child.send_signal(signal.SIGKILL)
    finally:
        child.kill()  # no-op when already killed; never leave a saver running
        child.wait()
        child.stdout.close()
    outcome = versions.classify(target)
    tally.counts[outcome] += 1
    tally.delays.append(delay)
    _count_temp_files(target, tally)
    return outcome


def _count_temp_files(target: Path, tally: Tally) -> None:
    left = len(stale_temp_files(target))
    tally.temp_files += left
    tally.runs_with_temp += bool(left)
    remove_stale_temp_files(target, older_than_s=0)  # what the editor does on the next open


def save_time(versions: Versions, target: Path, repeats: int = 5) -> float:
    """Seconds for one save of a new version: how many saves fit in the kill window."""
    start = time.perf_counter()
    for _ in range(repeats):
        save_journey(versions.new[0], target)
    return (time.perf_counter() - start) / repeats


def run(folder: Path, runs: int, cards: int, seed: int,
        max_delay_s: float = 0.05) -> tuple[Tally, Versions, Path, float]:
    versions = Versions.make(folder / "versions", cards)
    target = folder / "workshop.journey"
    seconds = save_time(versions, target)
    rng, tally = random.Random(seed), Tally()
    for _ in range(runs):
        save_journey(versions.old, target)  # each run starts from the old version
        kill_once(versions, target, rng, tally, max_delay_s)
    return tally, versions, target, seconds


def report(tally: Tally, target: Path, cards: int, seconds: float, elapsed: float) -> str:
    runs = sum(tally.counts.values())
    broken = tally.counts["fails to load"] + tally.counts["neither"]
    lines = [f"map: {cards:,} cards, {target.stat().st_size / 2**20:.2f} MiB; one save takes "
             f"{seconds * 1000:.0f} ms",
             f"runs (SIGKILL 0-{max(tally.delays) * 1000:.0f} ms after the child starts saving): {runs}"]
    lines += [f"  {name}: {tally.counts[name]}" for name in OUTCOMES]
    lines += [f"broken files: {broken}",
              f"temp files left by kills: {tally.temp_files} (in {tally.runs_with_temp} runs)",
              f"elapsed: {elapsed:.0f} s, peak RSS of this process: "
              f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB"]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--child"]:
        child_main(argv[1], argv[2:])
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=500)
    parser.add_argument("--cards", type=int, default=2_500)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--max-delay-ms", type=float, default=50, help="kill within this time")
    parser.add_argument("--folder", type=Path, help="where to save (default: a new temp folder)")
    args = parser.parse_args(argv)
    folder = args.folder or Path(tempfile.mkdtemp(prefix="crash-save-"))
    start = time.perf_counter()
    tally, _, target, seconds = run(folder, args.runs, args.cards, args.seed, args.max_delay_ms / 1000)
    print(f"command: python scripts/crash_save.py {' '.join(argv)}\nfolder: {folder}")
    print(report(tally, target, args.cards, seconds, time.perf_counter() - start))
    return 1 if tally.counts["fails to load"] + tally.counts["neither"] else 0


if __name__ == "__main__":
    sys.exit(main())
