"""The session server: one pycrdt-websocket room speaking the standard Yjs sync and awareness
protocol over WebSocket (``websockets``), so a y-websocket client can join too. No Qt; imports
pycrdt, pycrdt-websocket, websockets and collab.* only.

Security: the HTTP upgrade is refused (401/403/404) before any WebSocket exists, hence before any
document data, unless it asks for exactly this room with the right token (compared with
``hmac.compare_digest``); no path from a client ever names a file or another room. Each
connection has a message size limit (enforced by websockets while reading) and a rate limit
(token buckets on messages and bytes); a client over a limit is disconnected (close code
1008/1009). Updates reach the store before the room applies and relays them, so anything
another client has seen is on disk.
"""
from __future__ import annotations

import hmac
import logging
import ssl
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from pycrdt import Decoder, Doc, YMessageType, YSyncMessageType, create_awareness_message, read_message
from pycrdt.websocket import YRoom
from websockets.asyncio.server import Server, ServerConnection, serve
from websockets.exceptions import ConnectionClosed

from .links import JoinLink

log = logging.getLogger(__name__)
CLOSE_POLICY, CLOSE_TOO_BIG = 1008, 1009


@dataclass(frozen=True)
class Limits:
    max_message_bytes: int = 8 * 1024 * 1024
    messages_per_second: float = 200.0
    message_burst: int = 1000
    bytes_per_second: float = 4 * 1024 * 1024
    byte_burst: int = 16 * 1024 * 1024
    max_connections: int = 64


class TokenBucket:
    def __init__(self, rate: float, burst: float) -> None:
        self.rate, self.burst, self.level, self.stamp = rate, burst, burst, time.monotonic()

    def take(self, amount: float) -> bool:
        now = time.monotonic()
        self.level = min(self.burst, self.level + (now - self.stamp) * self.rate)
        self.stamp = now
        if self.level < amount:
            return False
        self.level -= amount
        return True


class ServerChannel:
    """A pycrdt Channel over one accepted connection, enforcing the rate limits."""

    def __init__(self, connection: ServerConnection, room: str, limits: Limits) -> None:
        self.connection, self._path = connection, room
        self.client_ids: set[int] = set()  # the awareness clients this connection speaks for
        self._messages = TokenBucket(limits.messages_per_second, limits.message_burst)
        self._bytes = TokenBucket(limits.bytes_per_second, limits.byte_burst)

    @property
    def path(self) -> str:
        return self._path

    def __aiter__(self) -> ServerChannel:
        return self

    async def __anext__(self) -> bytes:
        try:
            message = await self.connection.recv()
        except ConnectionClosed:
            raise StopAsyncIteration from None
        if isinstance(message, str):
            await self.connection.close(CLOSE_POLICY, "binary Yjs messages only")
            raise StopAsyncIteration
        if not (self._messages.take(1) and self._bytes.take(len(message))):
            await self.connection.close(CLOSE_POLICY, "rate limit exceeded")
            raise StopAsyncIteration
        if message[:1] == bytes([YMessageType.AWARENESS]):
            self.client_ids |= _awareness_clients(message)
        return message

    async def recv(self) -> bytes:
        return await self.__anext__()

    async def send(self, message: bytes) -> None:
        try:
            await self.connection.send(message)
        except ConnectionClosed:
            pass


def _awareness_clients(message: bytes) -> set[int]:
    try:
        decoder = Decoder(read_message(message[1:]))
        clients = set()
        for _ in range(min(decoder.read_var_uint(), 64)):
            clients.add(decoder.read_var_uint())
            decoder.read_var_uint()  # clock
            decoder.read_var_string()  # state
        return clients
    except (ValueError, IndexError, UnicodeDecodeError):
        return set()  # the room itself rejects a malformed message


def update_of(message: bytes) -> bytes | None:
    """The Yjs update a sync message carries (step 2 or update), else None."""
    if len(message) > 2 and message[0] == YMessageType.SYNC and message[1] in (
            YSyncMessageType.SYNC_STEP2, YSyncMessageType.SYNC_UPDATE):
        return read_message(message[2:])
    return None


class CollabServer:
    """Serves one document in one room. Use as ``async with CollabServer(...) as server:``
    (enter and leave in the same task); ``server.link`` is the join link."""

    def __init__(self, doc: Doc, room: str, token: str, host: str = "127.0.0.1", port: int = 0,
                 tls: ssl.SSLContext | None = None, limits: Limits | None = None,
                 store_update: Callable[[bytes], Awaitable[None]] | None = None,
                 link_host: str | None = None) -> None:
        self.doc, self.room_name, self._token = doc, room, token.encode()
        self.host, self.port, self.tls = host, port, tls
        self.limits = limits or Limits()
        self._store_update = store_update
        self._link_host = link_host
        self.room = YRoom(ready=True, ydoc=doc, exception_handler=_log_exception, log=log)
        self.room.on_message = self._before_apply
        self.room.on_message_error = self._bad_message
        self._server: Server | None = None

    @property
    def link(self) -> JoinLink:
        host = self._link_host or (self.host if self.host not in ("", "0.0.0.0", "::")
                                   else "127.0.0.1")
        return JoinLink(host, self.port, self.room_name, self._token.decode(), self.tls is not None)

    @property
    def connections(self) -> int:
        return len(self.room.clients)

    async def __aenter__(self) -> CollabServer:
        await self.room.__aenter__()
        try:
            self._server = await serve(
                self._handle, self.host or None, self.port, ssl=self.tls,
                process_request=self._check_request, max_size=self.limits.max_message_bytes,
                compression=None, open_timeout=10, ping_interval=20, ping_timeout=20,
                close_timeout=2)
        except BaseException:
            await self.room.__aexit__(None, None, None)
            raise
        self.port = self._server.sockets[0].getsockname()[1]
        return self

    async def __aexit__(self, *exc_info: Any) -> None:
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()
        await self.room.__aexit__(None, None, None)

    def _check_request(self, connection: ServerConnection, request) -> Any:
        """Refuse the upgrade, before anything of the document is sent, unless it asks for
        this room with the right token."""
        parts = urlsplit(request.path)
        if unquote(parts.path) != "/" + self.room_name:
            return connection.respond(404, "no such room\n")
        tokens = parse_qs(parts.query).get("token", [])
        header = request.headers.get("Authorization", "")
        given = tokens[0] if len(tokens) == 1 else header.removeprefix("Bearer ").strip()
        if not given:
            return connection.respond(401, "a token is required\n")
        if not hmac.compare_digest(given.encode(), self._token):
            return connection.respond(403, "wrong token\n")
        if len(self.room.clients) >= self.limits.max_connections:
            return connection.respond(503, "the session is full\n")
        return None

    async def _handle(self, connection: ServerConnection) -> None:
        channel = ServerChannel(connection, self.room_name, self.limits)
        awareness = self.room.awareness
        if awareness.states:  # who is here, at once (as y-websocket's server does)
            update = awareness.encode_awareness_update(list(awareness.states))
            await channel.send(create_awareness_message(update))
        try:
            await self.room.serve(channel)
        finally:
            await self._forget(channel)

    async def _forget(self, channel: ServerChannel) -> None:
        """A connection that ends takes its people with it at once, not after the 30 s
        awareness timeout (as y-websocket's server does)."""
        gone = [c for c in channel.client_ids if c in self.room.awareness.states]
        if not gone:
            return
        self.room.awareness.remove_awareness_states(gone, "closed")
        message = create_awareness_message(self.room.awareness.encode_awareness_update(gone))
        for client in list(self.room.clients):
            await client.send(message)

    async def _before_apply(self, message: bytes) -> bool:
        """Store an incoming update before the room applies and relays it; a message the store
        could not take is skipped, so it is never acknowledged to anyone."""
        update = update_of(message)
        if update is None or self._store_update is None or update == b"\x00\x00":
            return False
        try:
            await self._store_update(update)
        except Exception:  # noqa: BLE001 - the client resends it at its next sync
            log.exception("could not store an update; it was not applied")
            return True
        return False

    async def _bad_message(self, exc: Exception, message: bytes, channel: Any) -> bool:
        log.warning("closing a connection that sent a malformed message: %s", exc)
        await channel.connection.close(CLOSE_POLICY, "malformed message")
        return True


def _log_exception(exception: Exception, logger: logging.Logger) -> bool:
    logger.warning("session room: %s", exception)
    return True
