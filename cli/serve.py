"""The ``serve`` verb: serves one map for live co-editing, headless, until Ctrl+C.

Prints the join link; keeps every update in a SQLite store beside the file (a restart, even
after kill -9, resumes with all of it); writes the `.journey` back atomically every --interval
seconds when it changed, and on exit. Imports the standard library, model.* and cli at once,
collab (pycrdt, websockets) only when it runs.
"""
from __future__ import annotations

import argparse
import asyncio
import contextlib
import signal
import socket
import ssl
from pathlib import Path

from . import EXIT_USAGE, report_error

DEFAULT_INTERVAL = 10.0


def add_parser(subparsers) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        "serve", help="serve a map for live co-editing",
        description="Serve FILE.journey for live co-editing and print the join link. Anyone who "
                    "can reach the port and has the link (its token) can read and change the map.")
    parser.add_argument("file", metavar="FILE.journey", type=Path, help="the map to serve")
    parser.add_argument("--host", default="0.0.0.0",
                        help="interface to listen on (default: all; 127.0.0.1 for this machine)")
    parser.add_argument("--port", type=int, default=0, help="port (default: a free one)")
    parser.add_argument("--token", default=None,
                        help="the session token (default: the stored one, or a new random one)")
    parser.add_argument("--room", default=None, help="room name (default: from the file name)")
    parser.add_argument("--cert", type=Path, help="TLS certificate (PEM): serve wss://")
    parser.add_argument("--key", type=Path, help="TLS private key (PEM), with --cert")
    parser.add_argument("--interval", type=float, default=DEFAULT_INTERVAL, metavar="SECONDS",
                        help=f"write the file back at most this often (default {DEFAULT_INTERVAL:g})")
    parser.add_argument("--link-host", default=None, metavar="NAME",
                        help="host name or address to put in the join link")
    parser.add_argument("--fresh", action="store_true",
                        help="serve the file as it is now, setting an older session store aside")
    parser.add_argument("--announce", action="store_true",
                        help="announce the session on the local network (mDNS/zeroconf)")
    return parser


def run(args: argparse.Namespace) -> int:
    from collab.links import LinkError, check_room, check_token

    try:
        if args.token is not None:
            check_token(args.token)
        if args.room is not None:
            check_room(args.room)
        tls = _tls_context(args.cert, args.key)
    except (LinkError, ValueError) as exc:
        report_error(str(exc))
        return EXIT_USAGE
    if not 0 <= args.port <= 65535 or args.interval <= 0:
        report_error("--port must be 0-65535 and --interval above 0")
        return EXIT_USAGE
    try:
        return asyncio.run(_serve(args, tls))
    except LinkError as exc:  # a stored token or room that is no longer acceptable
        report_error(f"{args.file}: {exc}")
        return EXIT_USAGE


def _tls_context(cert: Path | None, key: Path | None) -> ssl.SSLContext | None:
    if cert is None and key is None:
        return None
    if cert is None or key is None:
        raise ValueError("--cert and --key go together")
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    try:
        context.load_cert_chain(cert, key)
    except (OSError, ssl.SSLError) as exc:
        raise ValueError(f"{cert}, {key}: cannot load the TLS certificate and key: {exc}") from None
    return context


async def _serve(args: argparse.Namespace, tls: ssl.SSLContext | None) -> int:
    from collab.serving import ServedMap

    served = ServedMap(args.file, fresh=args.fresh, token=args.token, room=args.room)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError):  # Windows: Ctrl+C raises instead
            loop.add_signal_handler(signum, stop.set)
    async with served.open() as engine:
        session = served.session(engine, args.host, args.port, tls,
                                 args.link_host or _link_host(args.host))
        async with session:
            _print_links(session, args.host)
            announcer = _announce(session) if args.announce else None
            try:
                while not stop.is_set():
                    with contextlib.suppress(TimeoutError):
                        await asyncio.wait_for(stop.wait(), args.interval)
                    served.write_back()
            finally:
                if announcer is not None:
                    announcer.close()
        served.write_back()
    print(f"Stopped; {args.file} is up to date.", flush=True)
    return 0 if not served.writer_error() else 1


def _link_host(host: str) -> str | None:
    return socket.gethostname() if host in ("0.0.0.0", "::", "") else None


def _print_links(session, host: str) -> None:
    link = session.link
    print(f"Serving {session.journey.title!r} on {host}:{link.port}", flush=True)
    print(f"Join link: {link.journey_url}", flush=True)
    print(f"WebSocket: {link.ws_url}", flush=True)
    print("Anyone who can reach this port and has the link can read and change the map. "
          "Ctrl+C stops.", flush=True)


def _announce(session):
    from collab.announce import Announcer

    return Announcer(session.link, session.journey.title)
