"""Persistence of a served session: the Yjs updates in a pycrdt-store SQLite store beside the
map, the session's room and token, and the `.journey` file written back atomically. No Qt;
imports pycrdt, pycrdt-store, model.* and collab.* only.

For ``FILE.journey`` the store is ``.FILE.journey.collab.sqlite`` and the session facts
``.FILE.journey.collab.json`` (room, token, and the SHA-256 of the file as the session last
wrote it — and of the version it is writing, so a kill mid-write is not taken for an outside
edit — mode 0600). A restarted server reloads every stored update, so a crash (kill -9)
loses nothing it had relayed. If the file changed since the session last wrote it (someone
edited it offline), the server refuses to start rather than silently choose one of the two.
"""
from __future__ import annotations

import hashlib
import json
import os
import time
from pathlib import Path
from typing import Any

from pycrdt import Doc
from pycrdt.store import SQLiteYStore, YDocNotFound

from model import JourneyFileError, JourneyMap
from model.scenarios import ScenarioSet, dumps_document, save_document

STORE_SUFFIX, FACTS_SUFFIX = ".collab.sqlite", ".collab.json"


class StoreConflict(JourneyFileError):
    """The file and the session store disagree and neither can be picked safely."""


def store_paths(journey_path: Path) -> tuple[Path, Path]:
    hidden = journey_path.with_name("." + journey_path.name)
    return (hidden.with_name(hidden.name + STORE_SUFFIX),
            hidden.with_name(hidden.name + FACTS_SUFFIX))


def file_digest(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except FileNotFoundError:
        return ""


def read_facts(path: Path) -> dict[str, Any]:
    try:
        facts = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        raise JourneyFileError(path, f"the session facts cannot be read: {exc}") from None
    return facts if isinstance(facts, dict) else {}


def write_facts(path: Path, facts: dict[str, Any]) -> None:
    """Atomically, readable by the owner only (the token is in it)."""
    temp = path.with_name(path.name + f".{os.getpid()}.tmp")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(facts, handle)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temp, path)


class SessionStore:
    """The Yjs updates of one room, in SQLite. Use ``async with SessionStore(...) as store``."""

    def __init__(self, path: Path, room: str) -> None:
        store_class = type("JourneyYStore", (SQLiteYStore,), {"db_path": str(path)})
        self._store = store_class(path=room)
        self.path = path

    async def __aenter__(self) -> SessionStore:
        await self._store.__aenter__()
        return self

    async def __aexit__(self, *exc_info: Any) -> None:
        await self._store.__aexit__(None, None, None)

    async def load(self, doc: Doc) -> bool:
        """Apply every stored update to ``doc``; False when the store is empty."""
        try:
            await self._store.apply_updates(doc)
        except YDocNotFound:
            return False
        return True

    async def write(self, update: bytes) -> None:
        await self._store.write(update)


class FileWriteBack:
    """Writes the map (every scenario) to its `.journey` file when it changed, and records what
    it wrote."""

    def __init__(self, journey: JourneyMap | ScenarioSet, path: Path, facts_path: Path,
                 facts: dict[str, Any]) -> None:
        self.scenarios = journey if isinstance(journey, ScenarioSet) else ScenarioSet.of_map(journey)
        self.path, self.facts_path, self.facts = path, facts_path, facts
        self._written = ""
        self.last_error = ""

    def write(self) -> bool:
        """Save if the map differs from what was last written; False on a failed save (the
        message is kept in ``last_error``; the store still holds everything)."""
        text = dumps_document(self.scenarios)
        if text == self._written:
            return True
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        # Say what is about to be written before writing it: a kill between the file's rename
        # and the facts' update then leaves a file the restart still knows as the session's own.
        self.facts.update(pending_sha256=digest)
        write_facts(self.facts_path, self.facts)
        try:
            save_document(self.scenarios, self.path)
        except JourneyFileError as exc:
            self.last_error = str(exc)
            return False
        self._written = text
        self.facts.pop("pending_sha256", None)
        self.facts.update(file_sha256=digest, written_at=time.time())
        write_facts(self.facts_path, self.facts)
        self.last_error = ""
        return True


def check_file_unchanged(journey_path: Path, facts: dict[str, Any], store_path: Path) -> None:
    """Refuse a restart over a file edited since the session last wrote it."""
    recorded = facts.get("file_sha256")
    known = {recorded, facts.get("pending_sha256")} - {None, ""}
    if recorded and file_digest(journey_path) not in known:
        raise StoreConflict(journey_path, f"was changed since the live session stored in "
                                          f"{store_path.name} last wrote it; start with --fresh to "
                                          f"serve the file as it is now (the old session store is "
                                          f"kept under a new name)")


def retire_store(store_path: Path) -> Path | None:
    """Move an old store aside (``--fresh``); returns its new name."""
    if not store_path.exists():
        return None
    retired = store_path.with_name(f"{store_path.name}.{time.strftime('%Y%m%d-%H%M%S')}.old")
    store_path.rename(retired)
    return retired
