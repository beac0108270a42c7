"""Sessions announced on the local network (mDNS / DNS-SD, collab.announce's records), for the
Join dialog's optional list. Browsing sends multicast, so it starts only when the person turns
the list on; tests feed LanSession values to the dialog and never browse.

An announcement names host, port, room, title and TLS, never the token: a person still needs
the token from the host. Imports: PySide6.QtCore, zeroconf, collab (announce, links).
"""
from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt, Signal

from collab.announce import SERVICE_TYPE
from collab.links import check_room

log = logging.getLogger(__name__)
INFO_TIMEOUT_MS = 2000


@dataclass(frozen=True)
class LanSession:
    name: str  # the DNS-SD instance name, unique on the network
    host: str
    port: int
    room: str
    title: str
    tls: bool

    def link_without_token(self) -> str:
        """The join link up to ``token=``: the person pastes the token the host gave them."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        tls = "tls=1&" if self.tls else ""
        return f"journey://{host}:{self.port}/{self.room}?{tls}token="

def lan_session(info) -> LanSession | None:
    """A LanSession from a zeroconf ServiceInfo of our service type; None if it is not one of
    ours or is malformed (anyone on the network can announce anything)."""
    if info is None or not info.name.endswith("." + SERVICE_TYPE):
        return None
    props = {_text(k): _text(v) for k, v in (info.properties or {}).items()}
    addresses = info.parsed_addresses() if hasattr(info, "parsed_addresses") else []
    if not addresses or not info.port or not props.get("format", "").startswith("journey-map-yjs"):
        return None
    try:
        room = check_room(props.get("room", ""))
    except ValueError:
        return None
    return LanSession(info.name[: -len(SERVICE_TYPE) - 1], addresses[0], int(info.port), room,
                      props.get("title", "")[:100], props.get("tls") == "1")


def _text(value) -> str:
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return "" if value is None else str(value)


class LanBrowser(QObject):
    """Browses ``_journeymap._tcp.local.`` while started; ``changed`` carries the current list
    (in the GUI thread: zeroconf calls back in a thread of its own)."""

    changed = Signal(list)
    _found = Signal(str, object)  # instance name, LanSession or None (gone)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.sessions: dict[str, LanSession] = {}
        self._zeroconf = None
        self._browser = None
        self._found.connect(self._update, Qt.ConnectionType.QueuedConnection)

    def start(self) -> None:
        if self._zeroconf is not None:
            return
        from zeroconf import ServiceBrowser, Zeroconf

        try:
            self._zeroconf = Zeroconf()
            self._browser = ServiceBrowser(self._zeroconf, SERVICE_TYPE, handlers=[self._on_service])
        except OSError as exc:  # no multicast route: say nothing found, keep the dialog usable
            log.warning("cannot browse the local network: %s", exc)
            self._zeroconf = None

    def stop(self) -> None:
        if self._zeroconf is not None:
            self._browser.cancel()
            self._zeroconf.close()
            self._zeroconf = self._browser = None
        self.sessions.clear()

    def _on_service(self, zeroconf, service_type, name, state_change) -> None:  # zeroconf thread
        if state_change.name == "Removed":
            self._found.emit(name, None)
            return
        info = zeroconf.get_service_info(service_type, name, timeout=INFO_TIMEOUT_MS)
        self._found.emit(name, lan_session(info))

    def _update(self, name: str, session: LanSession | None) -> None:
        if session is None:
            self.sessions.pop(name, None)
        else:
            self.sessions[name] = session
        self.changed.emit(sorted(self.sessions.values(), key=lambda s: (s.title, s.name)))

