"""Over a real WebSocket server on 127.0.0.1: concurrent random edits by three participants with
random delays, an offline participant merging on reconnection, presence, and the server's
refusals (no token, wrong token, another room, oversized messages, floods) before any data."""
from __future__ import annotations

import asyncio
import os
import shutil
import ssl
import subprocess
from pathlib import Path

import pytest
from collab_edits import Ledger, apply_edit, edits
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pycrdt import (
    Awareness,
    Doc,
    Map,
    create_awareness_message,
    create_sync_message,
    create_update_message,
    handle_sync_message,
)
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed, InvalidStatus

from collab.links import JoinLink
from collab.presence import presence_state
from collab.server import Limits
from collab.session import GuestSession, HostSession, wait_until
from model import Card
from model.fileformat import dumps_journey, loads_journey
from model.templates import load_template

TIMEOUT = 15


def run(coroutine):
    return asyncio.run(asyncio.wait_for(coroutine, 60))


async def converged(sessions, timeout=TIMEOUT) -> bool:
    return await wait_until(lambda: len({dumps_journey(s.journey) for s in sessions}) == 1, timeout)


async def join_all(host, count, **options):
    guests = [GuestSession(host.link, name=f"person {i}", max_backoff=0.5, **options)
              for i in range(count)]
    for guest in guests:
        await guest.join(TIMEOUT)
    return guests


@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(0, 2), st.lists(edits, min_size=1, max_size=3),
                          st.floats(0, 0.02)), min_size=3, max_size=15), st.randoms())
def test_three_participants_converge_over_the_socket(steps, rng):
    async def scenario():
        host = HostSession.share(load_template("saas-cs-lifecycle", "en"), name=None)
        async with host:
            guests = await join_all(host, 3)
            ledgers = []
            for guest in guests:
                ledgers.append(Ledger())
                ledgers[-1].listen(guest.engine)
            for serial, (who, batch, delay) in enumerate(steps):
                guest = guests[who]
                with guest.engine.local_step():
                    for offset, edit in enumerate(batch):
                        apply_edit(guest.journey, f"g{who}", serial * 10 + offset, edit)
                await asyncio.sleep(delay * rng.random())  # others' edits cross in flight
            assert await converged([host, *guests])
            journey = loads_journey(dumps_journey(host.journey))
            added = set().union(*(ledger.added for ledger in ledgers))
            deleted = set().union(*(ledger.deleted for ledger in ledgers))
            assert added - deleted <= set(journey.card_ids())
            for guest in guests:
                await guest.stop()
    run(scenario())


def test_offline_edits_merge_on_reconnection():
    async def scenario():
        host = HostSession.share(load_template("saas-cs-lifecycle", "en"), name="Host")
        async with host:
            (guest,) = await join_all(host, 1)
            await guest.client.drop_connection()
            assert await wait_until(lambda: guest.state == "reconnecting", TIMEOUT)
            stage, lane = guest.journey.stage_ids()[0], guest.journey.lane_ids()[0]
            with guest.engine.local_step():  # offline
                guest.journey.add_card(Card("offline-card", title="written offline"), stage, lane)
                guest.journey.remove_stage(guest.journey.stage_ids()[1])
            with host.engine.local_step():  # meanwhile at the host
                host.journey.add_card(Card("host-card", title="host"), stage, lane, 0)
                host.journey.update_stage(stage, name="renamed by host")
            assert await converged([host, guest])
            assert {"offline-card", "host-card"} <= set(host.journey.card_ids())
            assert host.journey.stage(stage).name == "renamed by host"
            loads_journey(dumps_journey(guest.journey))
            await guest.stop()
    run(scenario())


def test_presence_names_colours_and_selections():
    async def scenario():
        host = HostSession.share(load_template("blank", "en"), name="Host")
        async with host:
            guest = GuestSession(host.link, name="Aiko", colour="#59a14f")
            await guest.join(TIMEOUT)
            guest.set_selection(["c1", "c2"])
            assert await wait_until(lambda: any(p.name == "Aiko" and p.selection == ("c1", "c2")
                                                and p.colour == "#59a14f"
                                                for p in host.participants()), TIMEOUT)
            assert await wait_until(lambda: any(p.name == "Host" for p in guest.participants()),
                                    TIMEOUT)
            await guest.stop()
            assert await wait_until(lambda: [p.connected for p in host.participants()
                                             if p.name == "Aiko"] == [False], TIMEOUT)
    run(scenario())



def test_fields_beside_presence_reach_the_others_and_a_late_joiner():
    """A host's awareness field (the facilitator's workshop state) reaches a guest, changes
    follow, a guest joining later gets the current value, and a selection (presence) raises
    no "fields" event. Presence's own fields cannot be set this way."""
    async def scenario():
        host = HostSession.share(load_template("blank", "en"), name="Host")
        async with host:
            early = GuestSession(host.link, name="Aiko")
            reported = []
            early.events.connect(lambda e: e.type == "fields" and reported.append(e.payload["fields"]))
            await early.join(TIMEOUT)
            host.set_field("workshop", {"stage": "s1"})
            assert await wait_until(lambda: [f.get("workshop") for f in early.client.peers.fields()
                                             .values()] == [{"stage": "s1"}], TIMEOUT)
            host.set_field("workshop", {"stage": "s2"})
            assert await wait_until(lambda: reported and list(reported[-1].values())
                                    == [{"workshop": {"stage": "s2"}}], TIMEOUT)
            count = len(reported)
            host.set_selection(["c1"])
            assert await wait_until(lambda: any(p.selection == ("c1",) for p in early.participants()),
                                    TIMEOUT)
            assert len(reported) == count  # a selection is presence, not a field
            late = GuestSession(host.link, name="Ken")
            await late.join(TIMEOUT)
            assert await wait_until(lambda: list(late.client.peers.fields().values())
                                    == [{"workshop": {"stage": "s2"}}], TIMEOUT)
            late.set_field("note", [1, 2])
            assert await wait_until(lambda: {"note": [1, 2]} in host.peers.fields().values(),
                                    TIMEOUT)
            for name in ("user", "selection", ""):
                with pytest.raises(ValueError):
                    host.set_field(name, 1)
            await late.stop()
            await early.stop()
    run(scenario())


# ------------------------------------------------------------------------------ security
async def _refused(url: str) -> int:
    with pytest.raises(InvalidStatus) as caught:
        async with connect(url, open_timeout=TIMEOUT):
            pass
    return caught.value.response.status_code


def test_no_token_wrong_token_or_other_room_is_refused_before_any_data():
    async def scenario():
        async with HostSession.share(load_template("saas-cs-lifecycle", "en"), name=None) as host:
            link = host.link
            base = f"ws://127.0.0.1:{link.port}"
            assert await _refused(f"{base}/{link.room}") == 401
            assert await _refused(f"{base}/{link.room}?token={'A' * 32}") == 403
            assert await _refused(f"{base}/{link.room}?token={link.token[:-1]}") == 403
            assert await _refused(f"{base}/other?token={link.token}") == 404
            assert await _refused(f"{base}/../{link.room}?token={link.token}") == 404
            guest = GuestSession(JoinLink("127.0.0.1", link.port, link.room, "B" * 32))
            with pytest.raises(ConnectionError, match="token is wrong"):
                await guest.join(TIMEOUT)
            assert host.server.connections == 0
    run(scenario())


def test_oversized_message_closes_the_connection_and_changes_nothing():
    async def scenario():
        host = HostSession.share(load_template("blank", "en"), name=None,
                                 limits=Limits(max_message_bytes=64 * 1024))
        async with host:
            before = dumps_journey(host.journey)
            intruder = Doc()
            intruder.get("cards", type=Map)["big"] = Map({"title": "x" * 200_000})
            async with connect(host.link.ws_url, open_timeout=TIMEOUT) as connection:
                await connection.send(create_update_message(intruder.get_update()))
                with pytest.raises(ConnectionClosed) as closed:
                    while True:
                        await asyncio.wait_for(connection.recv(), TIMEOUT)
            assert closed.value.rcvd.code == 1009
            assert dumps_journey(host.journey) == before
    run(scenario())


def test_a_flood_of_messages_is_cut_off():
    async def scenario():
        host = HostSession.share(load_template("blank", "en"), name=None,
                                 limits=Limits(messages_per_second=20, message_burst=40))
        async with host:
            async with connect(host.link.ws_url, open_timeout=TIMEOUT) as connection:
                with pytest.raises(ConnectionClosed) as closed:
                    for _ in range(2000):
                        await connection.send(create_sync_message(Doc()))
                        await asyncio.sleep(0)
                    while True:
                        await asyncio.wait_for(connection.recv(), TIMEOUT)
            assert closed.value.rcvd.code == 1008
    run(scenario())


def test_an_edit_is_visible_to_a_browser_style_client_without_our_engine():
    """A plain Yjs peer (a pycrdt Doc speaking the protocol by hand, as y-websocket does) reads
    the published layout."""
    async def scenario():
        async with HostSession.share(load_template("saas-cs-lifecycle", "en"), name=None) as host:
            doc = Doc()
            async with connect(host.link.ws_url, open_timeout=TIMEOUT) as connection:
                await connection.send(create_sync_message(doc))
                while "cards" not in doc.keys() or not len(doc.get("cards", type=Map)):
                    message = await asyncio.wait_for(connection.recv(), TIMEOUT)
                    if message[0] == 0 and message[1] in (1, 2):
                        handle_sync_message(message[1:], doc)
            cards = doc.get("cards", type=Map).to_py()
            assert set(cards) == set(host.journey.card_ids())
            first = host.journey.card_ids()[0]
            place = host.journey.card_place(first)
            assert cards[first]["place"]["stage"] == place.stage
            assert cards[first]["title"] == host.journey.card(first).title
    run(scenario())


YJS_MODULES = os.environ.get("JOURNEY_YJS_NODE_MODULES", "")


@pytest.mark.skipif(not (YJS_MODULES and shutil.which("node")),
                    reason="set JOURNEY_YJS_NODE_MODULES to a node_modules with yjs, y-websocket "
                           "and ws (npm install yjs@13 y-websocket@2 ws) to run a real Yjs client")
def test_a_real_y_websocket_client_joins_reads_and_adds_a_card():
    async def scenario():
        async with HostSession.share(load_template("saas-cs-lifecycle", "en"), name=None) as host:
            link = host.link
            process = await asyncio.create_subprocess_exec(
                "node", str(Path(__file__).with_name("yjs_browser_client.js")), link.server_url,
                link.room, link.token, stdout=asyncio.subprocess.PIPE,
                env={**os.environ, "NODE_PATH": YJS_MODULES})
            out, _ = await asyncio.wait_for(process.communicate(), 30)
            assert process.returncode == 0 and b"cards 35 stages 5" in out
            assert await wait_until(lambda: host.journey.has("browser-card"), TIMEOUT)
            assert host.journey.card("browser-card").title == "from a browser"
    run(scenario())


@pytest.mark.skipif(shutil.which("openssl") is None, reason="openssl makes the test certificate")
def test_tls_sessions_use_wss_and_a_plain_client_is_not_served(tmp_path):
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                    "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                    "-keyout", str(key), "-out", str(cert)], check=True, capture_output=True,
                   timeout=60)
    server_tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_tls.load_cert_chain(cert, key)
    client_tls = ssl.create_default_context(cafile=str(cert))

    async def scenario():
        host = HostSession.share(load_template("blank", "en"), name=None, tls=server_tls)
        async with host:
            assert host.link.ws_url.startswith("wss://") and "tls=1" in host.link.journey_url
            guest = GuestSession(host.link, "secure", tls=client_tls)
            journey = await guest.join(TIMEOUT)
            assert dumps_journey(journey) == dumps_journey(host.journey)
            await guest.stop()
            plain = GuestSession(JoinLink("127.0.0.1", host.link.port, host.link.room,
                                          host.link.token), max_backoff=0.2)
            with pytest.raises(TimeoutError):
                await plain.join(1.5)
    run(scenario())


def test_a_participant_whose_connection_breaks_is_shown_gone_at_once():
    async def scenario():
        async with HostSession.share(load_template("blank", "en"), name="Host") as host:
            awareness = Awareness(Doc())
            awareness.set_local_state(presence_state("Ken", "#59a14f"))
            update = awareness.encode_awareness_update([awareness.client_id])
            connection = await connect(host.link.ws_url, open_timeout=TIMEOUT)
            await connection.send(create_awareness_message(update))
            assert await wait_until(lambda: any(p.name == "Ken" and p.connected
                                                for p in host.participants()), TIMEOUT)
            connection.transport.abort()  # no goodbye, as when a laptop's Wi-Fi drops
            # well before the 30 s awareness timeout
            assert await wait_until(lambda: [p.connected for p in host.participants()
                                             if p.name == "Ken"] == [False], 5)
    run(scenario())
