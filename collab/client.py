"""The session client: a y-websocket-compatible provider for one pycrdt Doc, with presence and
reconnection. No Qt; imports pycrdt, websockets and collab.* only.

It connects, runs the Yjs sync protocol (step 1 both ways, then updates) and the awareness
protocol, and when the connection drops it keeps the document (edits go on offline) and retries
with exponential backoff; at the next connection the two sync steps exchange everything either
side missed. Refusals (wrong token, unknown room) end it: retrying cannot help.
"""
from __future__ import annotations

import asyncio
import contextlib
import logging
import ssl
from collections.abc import Iterable

from pycrdt import (
    Awareness,
    Doc,
    YMessageType,
    YSyncMessageType,
    create_awareness_message,
    create_sync_message,
    create_update_message,
    handle_sync_message,
    read_message,
)
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, InvalidHandshake, InvalidStatus

from model.journey.events import EventEmitter

from .links import JoinLink
from .presence import PeerFields, Roster, check_field_name, presence_state

log = logging.getLogger(__name__)
MAX_INCOMING_BYTES = 64 * 1024 * 1024  # a whole map arrives in one message at the first sync
REFUSALS = {401: "the server wants a token", 403: "the token is wrong",
            404: "the server has no such room", 503: "the session is full"}


class SessionRefused(ConnectionError):
    """The server refused to let this client in (token, room); retrying cannot help."""


class CollabClient:
    """Keeps ``doc`` in sync with the session behind ``link``.

    ``events`` emits "state" (state=connecting|connected|reconnecting|offline|refused|stopped,
    reason=str), "synced", "participants" (participants=[Participant]) and "fields" (fields=
    {client id: {field: value}}, the other clients' awareness fields beside presence, when they
    change; collab.presence.PeerFields). All callbacks run in
    the thread of the asyncio loop that runs the client.
    """

    def __init__(self, link: JoinLink, doc: Doc, name: str | None = "", colour: str = "#4e79a7",
                 tls: ssl.SSLContext | None = None, max_backoff: float = 10.0,
                 open_timeout: float = 10.0) -> None:
        self.link, self.doc = link, doc
        self.tls = tls if tls is not None or not link.tls else ssl.create_default_context()
        self.max_backoff, self.open_timeout = max_backoff, open_timeout
        self.events = EventEmitter()
        self.state, self.reason = "offline", ""
        self.synced = asyncio.Event()
        self.awareness = Awareness(doc)
        if name is not None:  # None: a script (pull), not a person: no presence
            self.awareness.set_local_state(presence_state(name, colour))
        self.roster = Roster(doc.client_id)
        self.roster.update(self.awareness.states)
        self.peers = PeerFields(doc.client_id)
        self._outbox: asyncio.Queue[bytes] | None = None
        self._held: list[bytes] | None = None
        self._applying = False
        self._task: asyncio.Task | None = None
        self._connection: ClientConnection | None = None
        self._doc_subscription = doc.observe(self._on_doc_update)
        self._awareness_subscription = self.awareness.observe(self._on_awareness)

    # ------------------------------------------------------------------------- public
    def start(self) -> asyncio.Task:
        """Connect (and keep reconnecting) in a task of the running loop."""
        if self._task is None:
            self._task = asyncio.get_running_loop().create_task(self._run())
        return self._task

    async def wait_synced(self, timeout: float) -> None:
        """Wait for the first full sync; TimeoutError, or SessionRefused if refused."""
        waiter = asyncio.ensure_future(self.synced.wait())
        done, _ = await asyncio.wait({waiter, self.start()}, timeout=timeout,
                                     return_when=asyncio.FIRST_COMPLETED)
        waiter.cancel()
        if self.synced.is_set():
            return
        if self._task in done and self.state == "refused":
            raise SessionRefused(self.reason)
        raise TimeoutError(f"no sync with {self.link.server_url} within {timeout:g} s"
                           + (f" ({self.reason})" if self.reason else ""))

    def set_selection(self, card_ids: Iterable[str]) -> None:
        self.awareness.set_local_state_field("selection", list(card_ids))

    def set_field(self, name: str, value) -> None:
        """Publish one awareness field beside presence (JSON-like ``value``; None clears it)."""
        self.awareness.set_local_state_field(check_field_name(name), value)

    def set_user(self, name: str, colour: str) -> None:
        self.awareness.set_local_state_field("user", {"name": name, "color": colour})

    async def stop(self) -> None:
        """Say goodbye (presence), close, stop reconnecting. The document stays as it is."""
        connection = self._connection
        if connection is not None:
            with contextlib.suppress(ConnectionClosed, OSError):
                self.awareness.remove_awareness_states([self.doc.client_id], "local")
                await asyncio.wait_for(connection.close(), 2)
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._task
        self.doc.unobserve(self._doc_subscription)
        self.awareness.unobserve(self._awareness_subscription)
        self._set_state("stopped")

    async def drop_connection(self) -> None:
        """Drop the connection as a network failure would; the client reconnects by itself (tests,
        and a "go offline" action if the editor wants one)."""
        if self._connection is not None:
            self._connection.transport.abort()

    # ------------------------------------------------------------------------- connection
    async def _run(self) -> None:
        delay = 0.25
        while True:
            self._set_state("connecting" if self.state in ("offline", "stopped") else
                            "reconnecting")
            try:
                await self._session()
                delay = 0.25
            except SessionRefused as exc:
                self._set_state("refused", str(exc))
                return
            except (OSError, ConnectionClosed, InvalidHandshake, TimeoutError) as exc:
                self.reason = str(exc) or type(exc).__name__
                if self.synced.is_set():
                    delay = min(delay, 1.0)
            self._set_state("reconnecting", self.reason)
            await asyncio.sleep(delay)
            delay = min(delay * 2, self.max_backoff)

    async def _session(self) -> None:
        try:
            connection = await connect(self.link.ws_url, ssl=self.tls, compression=None,
                                       max_size=MAX_INCOMING_BYTES, open_timeout=self.open_timeout,
                                       ping_interval=20, ping_timeout=20)
        except InvalidStatus as exc:
            status = exc.response.status_code
            if status in REFUSALS:
                raise SessionRefused(f"{self.link.server_url}: {REFUSALS[status]}") from None
            raise
        self._connection, self._outbox = connection, None
        self._held: list[bytes] | None = []
        sender = asyncio.get_running_loop().create_task(self._send_loop(connection))
        awareness = asyncio.get_running_loop().create_task(self.awareness.start())
        try:
            self._set_state("connected")
            await connection.send(create_sync_message(self.doc))
            await self._send_presence(connection)
            async for message in connection:
                if isinstance(message, bytes) and message:
                    await self._receive(connection, message)
        finally:
            self._connection, self._outbox, self._held = None, None, None
            sender.cancel()
            with contextlib.suppress(RuntimeError):  # not started yet
                await self.awareness.stop()
            awareness.cancel()
            await asyncio.gather(sender, awareness, return_exceptions=True)
            self._forget_remote_presence()

    async def _receive(self, connection: ClientConnection, message: bytes) -> None:
        """Updates relayed before the server's answer to our step 1 wait for it: applied
        earlier they could leave a gap, which pycrdt integrates without reporting all of it."""
        if message[0] == YMessageType.SYNC:
            if message[1] == YSyncMessageType.SYNC_UPDATE and self._held is not None:
                self._held.append(message)
                return
            reply = self._apply(message)
            if reply is not None:
                await connection.send(reply)
                # Our own updates go out only after this answer, which carries all before it.
                self._outbox = self._outbox or asyncio.Queue()
            if message[1] == YSyncMessageType.SYNC_STEP2:
                held, self._held = self._held or [], None
                for update in held:
                    self._apply(update)
                first = not self.synced.is_set()
                self.synced.set()
                self.events.emit("synced", first=first)
        elif message[0] == YMessageType.AWARENESS:
            self.awareness.apply_awareness_update(read_message(message[1:]), "remote")

    def _apply(self, message: bytes) -> bytes | None:
        self._applying = True
        try:
            return handle_sync_message(message[1:], self.doc)
        finally:
            self._applying = False

    async def _send_loop(self, connection: ClientConnection) -> None:
        while self._outbox is None:
            await asyncio.sleep(0.01)
        outbox = self._outbox
        while True:
            await connection.send(create_update_message(await outbox.get()))

    async def _send_presence(self, connection: ClientConnection) -> None:
        update = self.awareness.encode_awareness_update([self.doc.client_id])
        await connection.send(create_awareness_message(update))

    # ------------------------------------------------------------------------- callbacks
    def _on_doc_update(self, event) -> None:
        # Updates that came from the server are not sent back; while offline nothing is
        # queued: the sync steps at the next connection carry it.
        if not self._applying and self._outbox is not None:
            self._outbox.put_nowait(event.update)

    def _on_awareness(self, topic: str, changes) -> None:
        if topic == "update" and changes[1] == "local" and self._connection is not None:
            connection = self._connection
            clients = [c for key in ("added", "updated", "removed") for c in changes[0][key]]
            message = create_awareness_message(self.awareness.encode_awareness_update(clients))
            asyncio.get_running_loop().create_task(_send_quietly(connection, message))
        if topic == "change" and self.roster.update(self.awareness.states):
            self.events.emit("participants", participants=self.roster.participants())
        if topic == "change" and self.peers.update(self.awareness.states):
            self.events.emit("fields", fields=self.peers.fields())

    def _forget_remote_presence(self) -> None:
        others = [c for c in self.awareness.states if c != self.doc.client_id]
        self.awareness.remove_awareness_states(others, "offline")

    def _set_state(self, state: str, reason: str = "") -> None:
        if (state, reason) != (self.state, self.reason):
            self.state, self.reason = state, reason
            self.events.emit("state", state=state, reason=reason)


async def _send_quietly(connection: ClientConnection | None, message: bytes) -> None:
    if connection is not None:
        with contextlib.suppress(ConnectionClosed, OSError):
            await connection.send(message)
