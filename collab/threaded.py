"""A session whose network side runs in a worker thread's asyncio loop, for an application that
does not run asyncio in its GUI thread (the alternative to qasync). No Qt; imports pycrdt and
collab.* only.

The map and its engine stay in the GUI thread, with their own Doc; the server or client works
on a second Doc in the worker thread. Each Doc is created and used in one thread only; Yjs
updates (bytes) cross between them in order: to the worker with ``call_soon_threadsafe``, to the
GUI through the ``post`` function the application gives (Qt: emit a signal connected with a
queued connection, or ``QTimer.singleShot(0, fn)`` from the GUI side). Events ("state",
"participants", "fields", "notice", "remote_applied") are emitted in the GUI thread.
Scenarios (issue 16): ``share(..., scenarios=set)`` shares every scenario of a document and a
guest joins every scenario; ``sync`` (collab.scenarios.ScenarioSync) holds them, ``engine`` and
``journey`` are the current scenario's. The GUI thread has no asyncio loop, so the sync is
settled after each update from the wire, and every scenario's engine reports its events.
"""
from __future__ import annotations

import asyncio
import copy
import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

from pycrdt import Doc

from model import JourneyMap
from model.journey.events import EventEmitter

from .client import CollabClient
from .engine import SyncEngine
from .links import JoinLink
from .presence import Participant, check_field_name, colour_for
from .scenarios import ScenarioSync
from .session import HostSession

Post = Callable[[Callable[[], None]], None]


class WorkerLoop:
    """An asyncio loop running in a daemon thread of its own."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, name="journey-collab",
                                       daemon=True)
        self.thread.start()

    def submit(self, coroutine) -> Future:
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop)

    def call(self, function, *args: Any) -> None:
        self.loop.call_soon_threadsafe(function, *args)

    def close(self, timeout: float = 5.0) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(timeout)


class ThreadedSession:
    """Share (``share``) or join (``join``) with the network in a worker thread. Call every
    method from the GUI thread; ``post`` must run functions there, in the order given."""

    def __init__(self, post: Post) -> None:
        self.post = post
        self.events = EventEmitter()
        self.engine: SyncEngine | None = None
        self.sync: ScenarioSync | None = None  # every scenario (GUI thread)
        self.journey: JourneyMap | None = None
        self.link: JoinLink | None = None
        self._relayed: list[SyncEngine] = []  # engines whose events reach ``events``
        self._worker = WorkerLoop()
        self._wire: Doc | None = None  # worker thread only
        self._remote: HostSession | CollabClient | None = None  # worker thread only
        self._from_gui = False  # worker thread: applying an update that came from the GUI
        self._from_wire = False  # GUI thread: applying an update that came from the worker
        self._early: list[bytes] = []
        self._participants: list[Participant] = []
        self._fields: dict[int, dict[str, Any]] = {}  # the others' awareness fields, latest
        self._serving: Future | None = None  # the host's task, start to stop
        self._stopping: asyncio.Event | None = None  # worker thread only
        self._doc_subscription = None

    # ------------------------------------------------------------------------- host
    def share(self, journey: JourneyMap, timeout: float = 10.0, engine: SyncEngine | None = None,
              scenarios=None, sync: ScenarioSync | None = None, **options: Any) -> JoinLink:
        """Serve ``journey``; returns the join link once the port listens (a short wait).
        ``engine``: the one an earlier session of this map kept (``stop(keep_engine=True)``):
        its document carries on, so that session's guests reconnect (same room, token and
        port in ``options``) and merge instead of meeting a new document. ``scenarios`` (a
        ScenarioSet holding ``journey``): share every scenario; ``sync``: the one kept."""
        if sync is None and scenarios is not None and engine is None:
            sync = ScenarioSync.share(scenarios, Doc())
        if sync is not None:
            self.sync = sync
            engine = sync.engine(sync.scenarios.current_id)
        if engine is None:
            engine = SyncEngine(journey, Doc())
            engine.publish()
        self.engine = engine
        self.journey = journey
        self._connect_engine()
        snapshot = self.engine.doc.get_update()
        started: Future = Future()
        self._serving = self._worker.submit(self._serve(snapshot, options, started))
        self.link = started.result(timeout)
        return self.link

    async def _serve(self, snapshot: bytes, options: dict[str, Any], started: Future) -> None:
        """One task from start to stop: the room's task group must be left where entered."""
        self._stopping = asyncio.Event()
        try:
            self._wire = Doc()
            self._wire.apply_update(snapshot)
            session = HostSession(self._wire, **options)
            session.events.connect(self._forward)
            async with session:
                self._remote = session
                self._wire.observe(self._wire_update)
                started.set_result(session.link)
                await self._stopping.wait()
        except BaseException as exc:
            if not started.done():
                started.set_exception(exc)
            raise

    # ------------------------------------------------------------------------- guest
    def join(self, link: JoinLink, name: str, timeout: float,
             on_joined: Callable[[JourneyMap], None],
             on_failed: Callable[[BaseException], None]) -> None:
        """Start joining; ``on_joined(journey)`` or ``on_failed(error)`` runs in the GUI thread."""
        self.link = link
        future = self._worker.submit(self._start_guest(link, name, timeout))
        future.add_done_callback(lambda done: self.post(lambda: self._joined(
            done, on_joined, on_failed)))

    async def _start_guest(self, link: JoinLink, name: str, timeout: float) -> bytes:
        self._wire = Doc()
        client = CollabClient(link, self._wire, name, colour_for(name))
        client.events.connect(self._forward)
        self._remote = client
        await client.wait_synced(timeout)
        self._wire.observe(self._wire_update)  # no await in between: nothing slips past
        return self._wire.get_update()

    def _joined(self, future: Future, on_joined, on_failed) -> None:
        error = future.exception()
        if error is not None:
            on_failed(error)
            return
        doc = Doc()
        for update in (future.result(), *self._early):
            doc.apply_update(update)
        self._early.clear()
        self.sync = ScenarioSync.join(doc)
        self.engine = self.sync.engine(self.sync.scenarios.current_id)
        self.journey = self.engine.journey
        self._connect_engine()
        on_joined(self.journey)

    # ------------------------------------------------------------------------- both
    def participants(self) -> list[Participant]:
        return list(self._participants)

    def set_selection(self, card_ids) -> None:
        ids = list(card_ids)
        self._worker.call(lambda: self._remote is not None and self._remote.set_selection(ids))

    def peer_fields(self) -> dict[int, dict[str, Any]]:
        """The others' awareness fields beside presence, as last reported ("fields" event)."""
        return dict(self._fields)

    def set_field(self, name: str, value: Any) -> None:
        """Publish an awareness field beside presence; ``value`` is copied here, in the GUI
        thread, so later changes to it cannot race the worker."""
        check_field_name(name)
        value = copy.deepcopy(value)
        self._worker.call(lambda: self._remote is not None and self._remote.set_field(name, value))

    def stop(self, timeout: float = 5.0, keep_engine: bool = False) -> None:
        """Leave or stop serving; the map stays as it is. Blocks at most ``timeout``. With
        ``keep_engine`` the map stays bound to its document, for a later ``share(engine=...)``."""
        if self._serving is not None:
            self._worker.call(self._stopping.set)
            self._serving.result(timeout)
        elif self._remote is not None:
            self._worker.submit(self._remote.stop()).result(timeout)
        self._worker.close(timeout)
        if self.engine is not None:
            self.engine.doc.unobserve(self._doc_subscription)
            for engine in self._relayed:
                engine.events.disconnect(self._relay)
            self._relayed = []
            if not keep_engine:
                self.sync.close() if self.sync is not None else self.engine.close()

    def _connect_engine(self) -> None:
        self._doc_subscription = self.engine.doc.observe(self._gui_update)
        self._relay_all()

    def _relay_all(self) -> None:
        """Every scenario's engine reports (a remote edit in a scenario not shown counts too)."""
        engines = list(self.sync.engines.values()) if self.sync is not None else [self.engine]
        for engine in engines:
            if not any(engine is known for known in self._relayed):
                engine.events.connect(self._relay)
                self._relayed.append(engine)

    def _relay(self, event) -> None:
        self.events.emit(event.type, **event.payload)

    def _gui_update(self, event) -> None:  # GUI thread
        if not self._from_wire:
            self._worker.call(self._apply_on_wire, event.update)

    def _apply_on_wire(self, update: bytes) -> None:  # worker thread
        self._from_gui = True
        try:
            self._wire.apply_update(update)
        finally:
            self._from_gui = False

    def _wire_update(self, event) -> None:  # worker thread
        if not self._from_gui:
            update = event.update
            self.post(lambda: self._apply_from_wire(update))

    def _apply_from_wire(self, update: bytes) -> None:  # GUI thread
        if self.engine is None:
            self._early.append(update)
            return
        self._from_wire = True
        try:
            self.engine.doc.apply_update(update)
        finally:
            self._from_wire = False
        if self.sync is not None:  # scenarios added, renamed... by others (no asyncio loop here)
            self.sync.settle()
            self._relay_all()

    def _forward(self, event) -> None:  # worker thread -> GUI thread
        payload = dict(event.payload)
        self.post(lambda: self._emit(event.type, payload))

    def _emit(self, type_: str, payload: dict[str, Any]) -> None:
        if type_ == "participants":
            self._participants = list(payload["participants"])
        if type_ == "fields":
            self._fields = dict(payload["fields"])
        if type_ == "synced" and not payload.get("first") and self.engine is not None:
            for engine in self.sync.engines.values() if self.sync is not None else [self.engine]:
                engine.resync()  # after a reconnection (see docs/collaboration.md)
        self.events.emit(type_, **payload)
