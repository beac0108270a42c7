"""Live co-editing benchmarks (issue 13), all on 127.0.0.1:

1. edit-to-visible latency: a guest moves a card, another guest's model shows it (2,000 cards);
2. join time at 2,000 and 10,000 cards;
3. N participants each making one edit per second for S seconds against a `serve` subprocess:
   lag (edit to visible at an observer) per 10-second window, server CPU and memory;
4. Yjs document size and process memory after 10,000 edits, with and without Yjs GC.

    .venv/bin/python benchmarks/bench_collab.py [--quick]

--quick runs the load test for 10 s with 10 participants (the full run: 60 s, 20).
"""
from __future__ import annotations

import argparse
import asyncio
import gc
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from mapgen import make_map, write_map  # noqa: E402
from pycrdt import Doc, Map  # noqa: E402

from collab.client import CollabClient  # noqa: E402
from collab.engine import SyncEngine  # noqa: E402
from collab.links import parse_link  # noqa: E402
from collab.session import GuestSession, HostSession, wait_until  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


async def latency(cards: int = 2000, edits: int = 100) -> dict:
    async with HostSession.share(make_map(cards), name=None) as host:
        a, b = GuestSession(host.link, "a"), GuestSession(host.link, "b")
        await a.join(60)
        await b.join(60)
        seen: dict[str, float] = {}
        b.journey.events.connect(lambda e: e.type == "card_moved" and seen.setdefault(
            e.card_id + str(e.new), time.perf_counter()))
        delays = []
        ids, stages, lanes = a.journey.card_ids(), a.journey.stage_ids(), a.journey.lane_ids()
        for index in range(edits):
            card = ids[index * 7 % len(ids)]
            stage, lane = stages[index % len(stages)], lanes[index % len(lanes)]
            start = time.perf_counter()
            with a.engine.local_step():
                a.journey.move_card(card, stage, lane, 0)
            key = card + str(a.journey.card_place(card))
            if await wait_until(lambda k=key: k in seen, 10, 0.0005):
                delays.append((seen[key] - start) * 1000)
        await a.stop()
        await b.stop()
    return {"median_ms": round(statistics.median(delays), 1),
            "p99_ms": round(percentile(delays, 0.99), 1), "edits": len(delays)}


async def bare_latency(cards: int = 2000, edits: int = 100) -> dict:
    """The same relay with bare pycrdt Docs (no map, no engine): what the engine adds."""
    async with HostSession.share(make_map(cards), name=None) as host:
        a, b = CollabClient(host.link, Doc(), "a"), CollabClient(host.link, Doc(), "b")
        await a.wait_synced(60)
        await b.wait_synced(60)
        arrived: list[float] = []
        b.doc.observe(lambda _event: arrived.append(time.perf_counter()))
        ids, delays = list(a.doc.get("cards", type=Map).keys()), []
        for index in range(edits):
            count, start = len(arrived), time.perf_counter()
            a.doc.get("cards", type=Map)[ids[index * 7 % len(ids)]]["title"] = f"bare {index}"
            if await wait_until(lambda c=count: len(arrived) > c, 10, 0.0005):
                delays.append((arrived[count] - start) * 1000)
        await a.stop()
        await b.stop()
    return {"median_ms": round(statistics.median(delays), 1),
            "p99_ms": round(percentile(delays, 0.99), 1)}


async def join_time(cards: int) -> tuple[float, float]:
    """Seconds to join with our GuestSession, and with a bare client (sync only)."""
    async with HostSession.share(make_map(cards), name=None) as host:
        bare = CollabClient(host.link, Doc(), "bare")
        start = time.perf_counter()
        await bare.wait_synced(120)
        bare_time = time.perf_counter() - start
        await bare.stop()
        guest = GuestSession(host.link, "joiner")
        start = time.perf_counter()
        await guest.join(120)
        elapsed = time.perf_counter() - start
        await guest.stop()
    return elapsed, bare_time


async def load(participants: int, seconds: int, cards: int = 2000) -> dict:
    """The server runs ``main.py serve``; the participants run in a process of their own (bare
    Yjs clients: a Doc and our client each, writing what the engine would write); this process
    is the observer, a full GuestSession, and reads each edit's send time from its title."""
    folder = Path(tempfile.mkdtemp())
    write_map(cards, folder / "load.journey")
    server = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "serve",
                               str(folder / "load.journey"), "--host", "127.0.0.1"],
                              stdout=subprocess.PIPE, text=True)
    writers = None
    try:
        link = next(line.split(": ", 1)[1].strip() for line in server.stdout
                    if line.startswith("Join link:"))
        observer = GuestSession(parse_link(link), "observer")
        await observer.join(120)
        lags: list[tuple[float, float]] = []  # (send time, lag ms)
        observer.journey.events.connect(lambda e: e.type == "card_changed" and _lag(
            observer, e.card_id, lags))
        writers = await asyncio.create_subprocess_exec(
            sys.executable, __file__, "--writers", link, str(participants), str(seconds),
            stdout=asyncio.subprocess.PIPE)
        assert (await writers.stdout.readline()).strip() == b"ready"
        server_cpu = _Cpu(server.pid)
        start = time.time()
        report = json.loads(await writers.stdout.readline())
        await asyncio.sleep(2)
        windows = [round(statistics.median(w), 1) if w else None for w in (
            [lag for sent, lag in lags if start + k <= sent < start + k + 10]
            for k in range(0, seconds, 10))]
        result = {"participants": participants, "seconds": seconds, "edits": report["edits"],
                  "seen": len(lags), "lag_median_ms_per_10s": windows,
                  "lag_p99_ms": round(percentile([lag for _, lag in lags], 0.99), 1),
                  "server_cpu_percent": server_cpu.percent(),
                  "server_rss_mb": round(psutil.Process(server.pid).memory_info().rss / 2**20, 1),
                  "participants_process_cpu_percent": report["cpu_percent"]}
        await observer.stop()
        return result
    finally:
        if writers is not None and writers.returncode is None:
            writers.kill()
        server.terminate()
        server.wait(30)


class _Cpu:
    def __init__(self, pid: int) -> None:
        self.process, self.start = psutil.Process(pid), time.perf_counter()
        times = self.process.cpu_times()
        self.used = times.user + times.system

    def percent(self) -> float:
        times = self.process.cpu_times()
        return round(100 * (times.user + times.system - self.used)
                     / (time.perf_counter() - self.start), 1)


def _lag(observer, card_id, lags):
    title = observer.journey.card(card_id).title
    if title.startswith("edit ") and "@" in title:
        sent = float(title.rsplit("@", 1)[1])
        lags.append((sent, (time.time() - sent) * 1000))


async def run_writers(link: str, participants: int, seconds: int) -> None:
    writers = [CollabClient(parse_link(link), Doc(), f"p{i}") for i in range(participants)]
    for writer in writers:
        await writer.wait_synced(120)
    card_ids = list(writers[0].doc.get("cards", type=Map).keys())
    print("ready", flush=True)
    cpu, count, begin = _Cpu(os.getpid()), 0, time.perf_counter()
    for second in range(seconds):
        for index, writer in enumerate(writers):
            card = card_ids[(second * 31 + index * 97) % len(card_ids)]
            writer.doc.get("cards", type=Map)[card]["title"] = f"edit {index}-{second} @{time.time()}"
            count += 1
            due = begin + second + (index + 1) / len(writers)  # one edit each per second
            await asyncio.sleep(max(0.0, due - time.perf_counter()))
    print(json.dumps({"edits": count, "cpu_percent": cpu.percent()}), flush=True)
    await asyncio.sleep(1)
    for writer in writers:
        await writer.stop()


def doc_growth(gc_on: bool, edits: int = 10_000) -> dict:
    """In a process of its own (see main), so its memory is its own."""
    process = psutil.Process()
    doc = Doc(skip_gc=not gc_on)
    engine = SyncEngine(make_map(2000), doc)
    engine.publish()
    gc.collect()
    rss_start, size_start = process.memory_info().rss, len(doc.get_update())
    ids, stages = engine.journey.card_ids(), engine.journey.stage_ids()
    for index in range(edits):
        card = ids[index % len(ids)]
        with engine.local_step():
            if index % 2:
                engine.journey.update_card(card, title=f"title {index}")
            else:
                place = engine.journey.card_place(card)
                engine.journey.move_card(card, stages[index % len(stages)], place.lane, 0)
    gc.collect()
    return {"yjs_gc": gc_on, "doc_bytes_start": size_start, "doc_bytes_after": len(doc.get_update()),
            "rss_start_mb": round(rss_start / 2**20, 1),
            "rss_after_mb": round(process.memory_info().rss / 2**20, 1)}


def doc_growth_in_subprocesses() -> list[dict]:
    results = []
    for flag in ("--growth-gc", "--growth-no-gc"):
        out = subprocess.run([sys.executable, __file__, flag], capture_output=True, text=True,
                             timeout=600, check=True).stdout
        results.append(json.loads(out))
    return results


async def main_async(quick: bool) -> None:
    ours, bare = await latency(), await bare_latency()
    print("edit-to-visible latency (2,000 cards):", ours, "bare pycrdt relay:", bare,
          f"ratio of medians {ours['median_ms'] / bare['median_ms']:.1f}")
    for cards in (2000, 10_000):
        elapsed, bare_time = await join_time(cards)
        print(f"join {cards:,} cards: {elapsed:.2f} s (bare sync {bare_time:.2f} s, "
              f"ratio {elapsed / bare_time:.1f})")
    participants, seconds = (10, 10) if quick else (20, 60)
    print("load:", await load(participants, seconds))
    print("doc growth after 10,000 edits (2,000-card map):", doc_growth_in_subprocesses())


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--growth-gc", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--growth-no-gc", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--writers", nargs=3, help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.writers:
        link, count, seconds = arguments.writers
        asyncio.run(run_writers(link, int(count), int(seconds)))
    elif arguments.growth_gc or arguments.growth_no_gc:
        print(json.dumps(doc_growth(arguments.growth_gc)))
    else:
        asyncio.run(main_async(arguments.quick))
