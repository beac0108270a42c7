"""Join links and tokens. Pure standard library.

A join link names the host, the port, the room and the token:
``journey://HOST:PORT/ROOM?token=TOKEN`` (``&tls=1`` when the server uses TLS), or the same as a
plain WebSocket URL ``ws://HOST:PORT/ROOM?token=TOKEN`` (``wss://`` with TLS), which is what a
y-websocket client opens. ``parse_link`` accepts all three and says exactly what is wrong.
"""
from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from urllib.parse import parse_qs, quote, unquote, urlsplit

TOKEN_BYTES = 24  # 192 random bits; at least 128 are required of a token given by hand
MIN_TOKEN_LENGTH = 22  # 22 URL-safe base-64 characters carry 132 bits
_TOKEN_RE = re.compile(r"^[A-Za-z0-9_-]+$")
_ROOM_RE = re.compile(r"^[A-Za-z0-9._~-]{1,64}$")
SCHEMES = ("journey", "ws", "wss")


class LinkError(ValueError):
    """A join link, room or token that cannot be used; the message says why."""


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def check_token(token: str) -> str:
    if not _TOKEN_RE.match(token or ""):
        raise LinkError("the token may hold only the letters A-Z and a-z, digits, '-' and '_'")
    if len(token) < MIN_TOKEN_LENGTH:
        raise LinkError(f"the token is too short to be safe: it needs at least {MIN_TOKEN_LENGTH} "
                        f"characters (128 random bits); leave --token out to get a random one")
    return token


def check_room(room: str) -> str:
    if not _ROOM_RE.match(room or ""):
        raise LinkError("a room name is 1-64 characters of A-Z, a-z, 0-9, '.', '_', '~' or '-'")
    return room


def room_for(name: str) -> str:
    """A room name from a file name: its safe characters, or "map"."""
    cleaned = re.sub(r"[^A-Za-z0-9._~-]+", "-", name).strip("-.")[:64]
    return cleaned or "map"


@dataclass(frozen=True)
class JoinLink:
    host: str
    port: int
    room: str
    token: str
    tls: bool = False

    def _netloc(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{host}:{self.port}"

    @property
    def journey_url(self) -> str:
        tls = "&tls=1" if self.tls else ""
        return f"journey://{self._netloc()}/{quote(self.room)}?token={self.token}{tls}"

    @property
    def ws_url(self) -> str:
        return f"{'wss' if self.tls else 'ws'}://{self._netloc()}/{quote(self.room)}?token={self.token}"

    @property
    def server_url(self) -> str:
        """The URL without room and token: y-websocket's ``serverUrl`` argument."""
        return f"{'wss' if self.tls else 'ws'}://{self._netloc()}"


def parse_link(text: str) -> JoinLink:
    """A JoinLink from a journey://, ws:// or wss:// link; LinkError naming the problem."""
    text = (text or "").strip()
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError as exc:
        raise LinkError(f"the link {text[:80]!r} is malformed: {exc}") from None
    if parts.scheme not in SCHEMES:
        raise LinkError(f"the link must start with journey://, ws:// or wss://, not "
                        f"{(parts.scheme + '://') if parts.scheme else text[:20]!r}")
    if not parts.hostname:
        raise LinkError("the link names no host")
    if port is None:
        raise LinkError("the link names no port (journey://HOST:PORT/ROOM?token=...)")
    room = unquote(parts.path.lstrip("/"))
    if not room:
        raise LinkError("the link names no room (journey://HOST:PORT/ROOM?token=...)")
    query = parse_qs(parts.query)
    tokens = query.get("token", [])
    if len(tokens) != 1:
        raise LinkError("the link has no token (…?token=...)" if not tokens
                        else "the link has more than one token")
    tls = parts.scheme == "wss" or query.get("tls", ["0"])[0] in ("1", "true")
    return JoinLink(parts.hostname, port, check_room(room), check_token(tokens[0]), tls)
