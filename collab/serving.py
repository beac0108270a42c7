"""A map served from a file (the ``serve`` verb): the session facts, the store, the engine and
the write-back, put together. No Qt; imports pycrdt, model.* and collab.* only.
"""
from __future__ import annotations

import ssl
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from pycrdt import Doc

from model.scenarios import load_document

from .engine import SyncEngine
from .links import check_room, check_token, new_token, room_for
from .scenarios import ScenarioSync
from .session import HostSession
from .store import (
    FileWriteBack,
    SessionStore,
    check_file_unchanged,
    read_facts,
    retire_store,
    store_paths,
    write_facts,
)


class ServedMap:
    """``async with served.open() as engine`` loads the map from the store (or, the first time,
    from the file) and keeps the store open; ``write_back()`` saves the file when it changed."""

    def __init__(self, path: Path, fresh: bool = False, token: str | None = None,
                 room: str | None = None) -> None:
        self.path = Path(path)
        self.store_path, self.facts_path = store_paths(self.path)
        self.retired = retire_store(self.store_path) if fresh else None
        self.facts = {} if fresh else read_facts(self.facts_path)
        self.token = check_token(token or self.facts.get("token") or new_token())
        self.room = check_room(room or self.facts.get("room") or room_for(self.path.stem))
        self.store: SessionStore | None = None
        self.sync: ScenarioSync | None = None
        self._writer: FileWriteBack | None = None
        self._reported = ""

    @asynccontextmanager
    async def open(self) -> AsyncIterator[SyncEngine]:
        async with SessionStore(self.store_path, self.room) as store:
            doc = Doc()
            if await store.load(doc):
                check_file_unchanged(self.path, self.facts, self.store_path)
                sync = ScenarioSync.join(doc)
            else:  # every scenario of the file is served
                sync = ScenarioSync.share(load_document(self.path), doc)
                await store.write(doc.get_update())
            self.store, self.sync = store, sync
            self.facts.update(room=self.room, token=self.token)
            write_facts(self.facts_path, self.facts)
            self._writer = FileWriteBack(sync.scenarios, self.path, self.facts_path, self.facts)
            self.write_back()
            try:
                yield sync.engine(sync.base_id)
            finally:
                sync.close()

    def session(self, engine: SyncEngine, host: str, port: int, tls: ssl.SSLContext | None,
                link_host: str | None) -> HostSession:
        return HostSession(engine, room=self.room, token=self.token, host=host, port=port,
                           tls=tls, name=None, store_update=self.store.write, link_host=link_host)

    def write_back(self) -> None:
        """Save the file if the map changed; a failure is reported once on stderr (the store
        still holds everything, and the next interval tries again)."""
        if self.sync is not None:
            self.sync.settle()  # a scenario a guest added just now is written back too
        if self._writer is not None and not self._writer.write() \
                and self._writer.last_error != self._reported:
            self._reported = self._writer.last_error
            print(f"journey-map-editor: warning: {self._reported}", file=sys.stderr, flush=True)

    def writer_error(self) -> str:
        return self._writer.last_error if self._writer is not None else ""
