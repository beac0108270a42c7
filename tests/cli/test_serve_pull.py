"""``serve`` and ``pull`` from the command line, as real processes on 127.0.0.1: the join link is
printed, pull writes the same map, refusals are one line on stderr, Ctrl+C writes the file back,
and a server killed with SIGKILL restarts from its store with everything it had relayed."""
from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

from collab.links import parse_link
from collab.session import GuestSession, wait_until
from model import Card
from model.fileformat import dumps_journey, load_journey

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "T0kenForTheTestsOnly_0123456789"
TIMEOUT = 20


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def main_py(*args, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *map(str, args)],
                          capture_output=True, text=True, timeout=60, **kwargs)


class Server:
    def __init__(self, path: Path, port: int) -> None:
        self.process = subprocess.Popen(
            [sys.executable, str(ROOT / "main.py"), "serve", str(path), "--host", "127.0.0.1",
             "--port", str(port), "--token", TOKEN, "--interval", "0.2"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.lines = []
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            line = self.process.stdout.readline()
            self.lines.append(line)
            if line.startswith("Join link:"):
                self.link = line.split(": ", 1)[1].strip()
                return
            assert line, self.process.stderr.read()
        raise AssertionError("serve printed no join link")

    def stop(self, signum=signal.SIGINT) -> tuple[int, str, str]:
        self.process.send_signal(signum)
        out, err = self.process.communicate(timeout=TIMEOUT)
        return self.process.returncode, out, err


def new_map(tmp_path: Path) -> Path:
    path = tmp_path / "workshop.journey"
    assert main_py("new", path, "--template", "saas-cs-lifecycle", "--lang", "ja").returncode == 0
    return path


def test_serve_prints_the_link_pull_writes_the_map_and_ctrl_c_saves(tmp_path):
    path = new_map(tmp_path)
    server = Server(path, free_port())
    try:
        link = parse_link(server.link)
        assert link.token == TOKEN and link.host == "127.0.0.1"
        pulled = tmp_path / "pulled.journey"
        result = main_py("pull", server.link, pulled)
        assert result.returncode == 0, result.stderr
        assert pulled.read_bytes() == path.read_bytes()

        async def edit():
            guest = GuestSession(link, name="cli test")
            journey = await guest.join(TIMEOUT)
            with guest.engine.local_step():
                journey.add_card(Card("from-guest", title="ゲストのメモ"), journey.stage_ids()[0],
                                 journey.lane_ids()[0])
            await asyncio.sleep(0.5)
            await guest.stop()
        asyncio.run(edit())
    finally:
        code, out, err = server.stop()
    assert code == 0, err
    assert "up to date" in out
    assert load_journey(path).card("from-guest").title == "ゲストのメモ"


def test_pull_refusals_are_one_line(tmp_path):
    path = new_map(tmp_path)
    server = Server(path, free_port())
    try:
        wrong = server.link.replace(TOKEN, "W" * 30)
        result = main_py("pull", wrong, tmp_path / "x.journey")
        assert result.returncode == 1 and result.stderr.count("\n") == 1
        assert "token is wrong" in result.stderr and not (tmp_path / "x.journey").exists()
        result = main_py("pull", "http://example.invalid/x", tmp_path / "x.journey")
        assert result.returncode == 2 and "journey://" in result.stderr
        port = free_port()  # nobody listens there: a bounded wait, then one line
        result = main_py("pull", f"ws://127.0.0.1:{port}/r?token={TOKEN}", tmp_path / "x.journey",
                         "--timeout", "1")
        assert result.returncode == 1 and "within 1 s" in result.stderr
    finally:
        server.stop()


def test_serve_refuses_a_short_token(tmp_path):
    result = main_py("serve", new_map(tmp_path), "--host", "127.0.0.1", "--token", "short")
    assert result.returncode == 2 and "too short" in result.stderr


def test_a_killed_server_restarts_from_its_store_and_clients_reconnect(tmp_path):
    path, port = new_map(tmp_path), free_port()
    server = Server(path, port)

    async def scenario():
        nonlocal server
        link = parse_link(server.link)
        writer, watcher = GuestSession(link, "writer", max_backoff=0.5), GuestSession(
            link, "watcher", max_backoff=0.5)
        await writer.join(TIMEOUT)
        await watcher.join(TIMEOUT)
        stage, lane = writer.journey.stage_ids()[0], writer.journey.lane_ids()[0]
        for index in range(5):
            with writer.engine.local_step():
                writer.journey.add_card(Card(f"acked-{index}", title=f"n{index}"), stage, lane)
        # relayed to another client = acknowledged: it was stored before it was relayed
        assert await wait_until(lambda: watcher.journey.has("acked-4"), TIMEOUT)
        server.process.send_signal(signal.SIGKILL)
        server.process.wait(TIMEOUT)
        assert await wait_until(lambda: writer.state == "reconnecting", TIMEOUT)
        with writer.engine.local_step():  # offline while the server is down
            writer.journey.add_card(Card("while-down", title="offline"), stage, lane)
        server = Server(path, port)
        assert await wait_until(lambda: watcher.journey.has("while-down"), TIMEOUT)
        fresh = GuestSession(link, "late")
        journey = await fresh.join(TIMEOUT)
        assert {f"acked-{i}" for i in range(5)} | {"while-down"} <= set(journey.card_ids())
        assert await wait_until(lambda: dumps_journey(journey) == dumps_journey(writer.journey),
                                TIMEOUT)
        for session in (writer, watcher, fresh):
            await session.stop()
    try:
        asyncio.run(asyncio.wait_for(scenario(), 90))
    finally:
        code, _, err = server.stop()
    assert code == 0, err
    assert load_journey(path).has("while-down")
    assert os.stat(tmp_path / ".workshop.journey.collab.json").st_mode & 0o077 == 0
