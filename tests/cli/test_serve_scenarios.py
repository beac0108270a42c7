"""Scenarios through a real ``serve`` process on 127.0.0.1: a guest joins every scenario of the
served file, adds a scenario and edits the to-be one; Ctrl+C writes all of them back, and
``pull`` writes every scenario too. Real sockets, real files; Qt-free."""
from __future__ import annotations

import asyncio
import shutil
from pathlib import Path

from test_serve_pull import TIMEOUT, Server, free_port, main_py

from collab.links import parse_link
from collab.session import GuestSession, wait_until
from model import Card
from model.scenarios import load_document

PAIR = Path(__file__).resolve().parents[1] / "model" / "scenarios" / "fixtures" / \
    "crafted-pair.ja.journey"


def test_a_guest_adds_a_scenario_and_the_server_writes_every_scenario_back(tmp_path):
    path = tmp_path / "pair.journey"
    shutil.copy(PAIR, path)
    server = Server(path, free_port())
    try:
        async def take_part():
            guest = GuestSession(parse_link(server.link), name="scenario test", max_backoff=0.5)
            await guest.join(TIMEOUT)
            scenarios = guest.sync.scenarios
            assert [s.name for s in scenarios] == ["現状", "あるべき姿"]
            scenarios.add_empty(name="理想像")
            to_be = scenarios.scenario("to-be").journey
            to_be.add_card(Card("from-guest", title="ゲストの案"), "st-renew", "ln-idea")
            pulled = tmp_path / "pulled.journey"
            assert await wait_until(lambda: _has_three(path), TIMEOUT)
            result = await asyncio.to_thread(main_py, "pull", server.link, pulled)
            assert result.returncode == 0, result.stderr
            await guest.stop()
            return pulled
        pulled = asyncio.run(take_part())
    finally:
        code, _, err = server.stop()
    assert code == 0, err
    for saved in (load_document(path), load_document(pulled)):
        assert [s.name for s in saved] == ["現状", "あるべき姿", "理想像"]
        assert saved.scenario("to-be").journey.card("from-guest").title == "ゲストの案"
        assert saved.scenarios()[2].journey.card_count() == 0


def _has_three(path: Path) -> bool:
    try:
        scenarios = load_document(path)
    except Exception:  # noqa: BLE001 - being written: try again
        return False
    return len(scenarios) == 3 and scenarios.scenario("to-be").journey.has("from-guest")
