"""The ``pull`` verb: joins a live session, syncs, writes the map to a `.journey` file, leaves.

For backups and scripts: a bounded wait (--timeout), one line on stderr and a non-zero exit on
any failure, the output written atomically and never over an existing file unless --force.
Imports the standard library, model.* and cli at once, collab only when it runs.
"""
from __future__ import annotations

import argparse
import asyncio
from pathlib import Path

from . import EXIT_FAILURE, EXIT_USAGE, report_error

DEFAULT_TIMEOUT = 30.0


def add_parser(subparsers) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        "pull", help="save the map of a live session to a file",
        description="Join a live session (journey://, ws:// or wss:// link), wait for the map, "
                    "write it to OUT.journey and leave.")
    parser.add_argument("url", metavar="URL", help="the join link")
    parser.add_argument("output", metavar="OUT.journey", type=Path, help="the file to write")
    parser.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT, metavar="SECONDS",
                        help=f"give up after this long (default {DEFAULT_TIMEOUT:g})")
    parser.add_argument("--force", action="store_true", help="overwrite an existing file")
    return parser


def run(args: argparse.Namespace) -> int:
    from collab.links import LinkError, parse_link

    try:
        link = parse_link(args.url)
    except LinkError as exc:
        report_error(f"{args.url[:80]}: {exc}")
        return EXIT_USAGE
    if args.output.exists() and not args.force:
        report_error(f"{args.output}: the file exists already; use --force to overwrite it")
        return EXIT_USAGE
    if not 0 < args.timeout <= 3600:
        report_error("--timeout must be above 0 and at most 3600 seconds")
        return EXIT_USAGE
    return asyncio.run(_pull(link, args.output, args.timeout))


async def _pull(link, output: Path, timeout: float) -> int:
    from collab.client import SessionRefused
    from collab.session import GuestSession
    from model.scenarios import save_document

    session = GuestSession(link, name=None, max_backoff=1.0)
    try:
        journey = await session.join(timeout)
    except (SessionRefused, TimeoutError) as exc:
        report_error(str(exc))
        return EXIT_FAILURE
    try:
        save_document(session.sync.scenarios, output)  # every scenario of the session
    finally:
        await session.stop()
    print(f"Wrote {output}: {journey.title!r}, {len(journey.stage_ids())} stages, "
          f"{journey.card_count()} cards")
    return 0
