"""Sessions: the object an application holds while it shares a map (HostSession) or takes part
in someone else's (GuestSession). No Qt; imports pycrdt and collab.* only.

Both give the same surface to a user interface: ``journey`` (the live map), ``engine`` (for
``local_step()`` and ``applying_remote``), ``sync`` (collab.scenarios.ScenarioSync: every
scenario, on a guest and on a host made by ``share_document``), ``events`` ("state", "participants", "fields",
"notice", "remote_applied"), ``participants()``, ``set_selection(card ids)``, ``set_field(name,
value)`` (an awareness field beside presence), ``link`` and ``stop()``.
Callbacks run in the thread of the asyncio loop the session runs in: under qasync that is the
GUI thread, so handlers may touch widgets directly. See docs/collaboration.md.
"""
from __future__ import annotations

import asyncio
import ssl
from typing import Any

from pycrdt import Doc

from model import JourneyMap
from model.journey.events import EventEmitter
from model.scenarios import ScenarioSet

from .client import CollabClient
from .engine import SyncEngine
from .links import JoinLink, new_token
from .presence import Participant, PeerFields, Roster, check_field_name, colour_for, presence_state
from .scenarios import ScenarioSync
from .server import CollabServer, Limits


def _forward(source: EventEmitter, target: EventEmitter, *types: str) -> None:
    source.connect(lambda event: event.type in types and target.emit(event.type, **event.payload))


class HostSession:
    """Serves ``engine``'s document. ``async with HostSession(...)`` (enter and leave in one
    task), or ``await start()`` / ``await stop()`` from one task."""

    def __init__(self, engine: SyncEngine | Doc, *, room: str = "map", token: str | None = None,
                 host: str = "127.0.0.1", port: int = 0, tls: ssl.SSLContext | None = None,
                 limits: Limits | None = None, name: str | None = "Host",
                 colour: str | None = None,
                 store_update=None, link_host: str | None = None) -> None:
        # A bare Doc (no engine, no map) is served too: the worker side of a ThreadedSession.
        self.engine = engine if isinstance(engine, SyncEngine) else None
        self.sync: ScenarioSync | None = None  # set by share_document
        doc = engine.doc if self.engine is not None else engine
        self.journey = self.engine.journey if self.engine is not None else None
        self.events = EventEmitter()
        self.server = CollabServer(doc, room, token or new_token(), host, port, tls,
                                   limits, store_update, link_host)
        self.roster = Roster(doc.client_id)
        self.peers = PeerFields(doc.client_id)
        self.state = "stopped"
        # A headless server (name None) is no participant: it shows in nobody's list.
        self._presence = None if name is None else presence_state(name, colour or colour_for(name))
        if self.engine is not None:
            _forward(self.engine.events, self.events, "notice", "remote_applied")

    @classmethod
    def share(cls, journey: JourneyMap, **options: Any) -> HostSession:
        """A session for a map open in the editor: a new document holding it."""
        engine = SyncEngine(journey, Doc())
        engine.publish()
        return cls(engine, **options)

    @classmethod
    def share_document(cls, scenarios: ScenarioSet, **options: Any) -> HostSession:
        """A session for every scenario of a document; ``engine`` and ``journey`` are the
        current scenario's, ``sync`` (a ScenarioSync) holds them all."""
        sync = ScenarioSync.share(scenarios, Doc())
        session = cls(sync.engine(scenarios.current_id), **options)
        session.sync = sync
        return session

    @property
    def link(self) -> JoinLink:
        return self.server.link

    async def start(self) -> None:
        await self.server.__aenter__()
        awareness = self.server.room.awareness
        awareness.observe(self._on_awareness)
        if self._presence is not None:
            awareness.set_local_state(self._presence)
        self._set_state("serving")

    async def stop(self) -> None:
        if self.state != "stopped":
            await self.server.__aexit__(None, None, None)
            self._set_state("stopped")

    async def __aenter__(self) -> HostSession:
        await self.start()
        return self

    async def __aexit__(self, *exc_info: Any) -> None:
        await self.stop()

    def participants(self) -> list[Participant]:
        return self.roster.participants()

    def set_selection(self, card_ids) -> None:
        self.server.room.awareness.set_local_state_field("selection", list(card_ids))

    def set_field(self, name: str, value) -> None:
        """Publish one awareness field beside presence (the facilitator's ``workshop``)."""
        self.server.room.awareness.set_local_state_field(check_field_name(name), value)

    def _on_awareness(self, topic: str, _changes) -> None:
        states = self.server.room.awareness.states
        if topic == "change" and self.roster.update(states):
            self.events.emit("participants", participants=self.participants())
        if topic == "change" and self.peers.update(states):
            self.events.emit("fields", fields=self.peers.fields())

    def _set_state(self, state: str) -> None:
        self.state = state
        self.events.emit("state", state=state, reason="")


class GuestSession:
    """Takes part in the session behind ``link``: ``journey = await session.join(timeout)``."""

    def __init__(self, link: JoinLink, name: str | None = "", colour: str | None = None,
                 tls: ssl.SSLContext | None = None, max_backoff: float = 10.0) -> None:
        self.link = link
        self.doc = Doc()
        self.events = EventEmitter()
        self.client = CollabClient(link, self.doc, name, colour or colour_for(name or ""), tls,
                                   max_backoff)
        self.engine: SyncEngine | None = None
        self.sync: ScenarioSync | None = None
        self.journey: JourneyMap | None = None
        _forward(self.client.events, self.events, "state", "participants", "fields")

    @property
    def state(self) -> str:
        return self.client.state

    async def join(self, timeout: float = 30.0) -> JourneyMap:
        """Connect, wait for the first full sync, and build the map; SessionRefused (token,
        room) or TimeoutError, after which the session is stopped."""
        try:
            await self.client.wait_synced(timeout)
        except BaseException:
            await self.client.stop()
            raise
        # Every scenario of the session; the engine and map are the current (first) one's.
        self.sync = ScenarioSync.join(self.doc)
        self.engine = self.sync.engine(self.sync.scenarios.current_id)
        self.journey = self.engine.journey
        self.client.events.connect(self._on_client_event)
        _forward(self.engine.events, self.events, "notice", "remote_applied")
        return self.journey

    def participants(self) -> list[Participant]:
        return self.client.roster.participants()

    def _on_client_event(self, event) -> None:
        if event.type == "synced" and self.sync is not None:
            self.sync.settle()
            for engine in self.sync.engines.values():
                engine.resync()

    def set_selection(self, card_ids) -> None:
        self.client.set_selection(card_ids)

    def set_field(self, name: str, value) -> None:
        self.client.set_field(name, value)

    async def stop(self) -> None:
        """Leave; the map stays open as an ordinary (unsaved) map."""
        await self.client.stop()
        if self.sync is not None:
            self.sync.close()


async def wait_until(predicate, timeout: float, interval: float = 0.01) -> bool:
    """Poll ``predicate`` until true or ``timeout`` seconds passed (tests, pull, benchmarks)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not predicate():
        if loop.time() >= deadline:
            return False
        await asyncio.sleep(interval)
    return True
