"""Announcing a session on the local network (mDNS / DNS-SD, the zeroconf package). Opt-in
only (``serve --announce``, or a checkbox in the editor); tests check the announcement's
content and never send multicast. No Qt; imports zeroconf and collab.links only.

The announcement carries the room, the map's title and whether TLS is on: never the token.
Anyone on the network can read an announcement, so a person still needs the link (or its
token) from the host to join.
"""
from __future__ import annotations

import socket

from zeroconf import ServiceInfo, Zeroconf

from .links import JoinLink

SERVICE_TYPE = "_journeymap._tcp.local."
MAX_TITLE = 100  # a TXT record string holds at most 255 bytes


def service_info(link: JoinLink, title: str, addresses: list[str],
                 instance: str | None = None) -> ServiceInfo:
    """The DNS-SD record of a session: ``<instance>._journeymap._tcp.local.`` on ``port``."""
    name = (instance or f"{title[:40] or 'Journey map'} ({link.room})").replace(".", " ")
    properties = {"room": link.room, "title": title[:MAX_TITLE], "tls": "1" if link.tls else "0",
                  "path": "/" + link.room, "format": "journey-map-yjs/1"}
    return ServiceInfo(SERVICE_TYPE, f"{name}.{SERVICE_TYPE}", port=link.port,
                       properties=properties,
                       addresses=[socket.inet_pton(_family(a), a) for a in addresses],
                       server=f"{socket.gethostname().split('.')[0]}.local.")


def _family(address: str) -> int:
    return socket.AF_INET6 if ":" in address else socket.AF_INET


class Announcer:
    """Registers the session while it runs (this sends multicast: opt-in only)."""

    def __init__(self, link: JoinLink, title: str, addresses: list[str] | None = None) -> None:
        self._zeroconf = Zeroconf()
        self.info = service_info(link, title, addresses or [link.host])
        self._zeroconf.register_service(self.info)

    def close(self) -> None:
        self._zeroconf.unregister_service(self.info)
        self._zeroconf.close()
