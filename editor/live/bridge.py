"""LiveSession: one live session (hosting or joined) seen from the GUI thread, as Qt signals.

The network runs in collab.threaded.ThreadedSession's worker thread (an asyncio loop of its
own); everything it reports is posted to the GUI thread through a queued signal, in order, so
the GUI thread never waits on the network (only on binding a local port when sharing starts,
and on the worker's goodbye when it stops). While a document is attached, the document's
controller runs every undo step inside the engine's ``local_step`` (one Yjs transaction per step,
conflicting undos refused), and changes that came from others mark the document modified
without entering its undo stack. With scenarios (issue 16) every scenario is in the session
(``sync``): each scenario's controller steps inside its own scenario's engine.
Imports: PySide6.QtCore, collab (threaded, engine, links), model; no other editor room but
editor.document, which it reaches only through the objects it is given.
"""
from __future__ import annotations

import ssl
from collections.abc import Callable
from contextlib import nullcontext
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal

from collab.engine import SyncEngine
from collab.links import JoinLink
from collab.scenarios import ScenarioSync
from collab.threaded import ThreadedSession
from model import JourneyMap

JOIN_TIMEOUT_S = 30.0


class _Poster(QObject):
    """``post(fn)`` from any thread runs ``fn`` in this object's (the GUI) thread, in order."""

    posted = Signal(object)

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.posted.connect(self._run, Qt.ConnectionType.QueuedConnection)

    @staticmethod
    def _run(function: Callable[[], None]) -> None:
        function()


class LiveSession(QObject):
    """Share a document's map (``share``) or join someone's (``join``), then ``attach`` the
    document that shows the map; ``stop`` leaves the map as an ordinary one."""

    state_changed = Signal(str, str)  # state (connecting, connected, reconnecting, serving,
    #                                    refused, stopped), reason
    participants_changed = Signal(list)  # [collab.presence.Participant]
    fields_changed = Signal(object)  # {client id: {field: value}}, the others' beside presence
    notice = Signal(str)  # something the person should know (a card was moved by a repair)
    remote_applied = Signal()  # others' changes reached the map
    joined = Signal(object)  # the JourneyMap that arrived (join only)
    join_failed = Signal(str)  # why joining failed (join only); the session is stopped

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._poster = _Poster(self)
        self._session = ThreadedSession(self._poster.posted.emit)
        self._session.events.connect(self._on_event)
        self.is_host = False
        self.state = "connecting"
        self.document = None
        self._running = True

    # ----------------------------------------------------------------- starting
    @property
    def link(self) -> JoinLink | None:
        return self._session.link

    @property
    def engine(self) -> SyncEngine | None:
        return self._session.engine

    @property
    def sync(self) -> ScenarioSync | None:
        """Every scenario of the session (the guest's document is ``sync.scenarios``)."""
        return self._session.sync

    def share(self, journey: JourneyMap, *, host: str, port: int, name: str,
              tls: ssl.SSLContext | None = None, link_host: str | None = None,
              engine: SyncEngine | None = None, room: str = "map",
              token: str | None = None, scenarios=None,
              sync: ScenarioSync | None = None) -> JoinLink:
        """Serve ``journey``; OSError when the port cannot be had. ``engine`` (or ``sync``),
        ``room`` and ``token``: those of an earlier session of this map, to carry it on;
        ``scenarios``: the document's ScenarioSet, every scenario shared."""
        self.is_host = True
        options: dict[str, Any] = {"host": host, "port": port, "name": name, "tls": tls,
                                   "link_host": link_host, "room": room, "token": token}
        try:
            link = self._session.share(journey, engine=engine, scenarios=scenarios, sync=sync,
                                       **options)
        except BaseException:
            self._running = False
            self._session.stop(keep_engine=engine is not None)
            raise
        self.state = "serving"
        return link

    def join(self, link: JoinLink, name: str, timeout: float = JOIN_TIMEOUT_S) -> None:
        """Start joining; ``joined(journey)`` or ``join_failed(reason)`` follows."""
        self._session.join(link, name, timeout, self.joined.emit, self._failed)

    def _failed(self, error: BaseException) -> None:
        self.stop()
        self.join_failed.emit(str(error) or type(error).__name__)

    # ----------------------------------------------------------------- the document
    def attach(self, document) -> None:
        """Bind the document showing the map: its undo steps become the session's steps."""
        self.document = document
        for scenario_id, controller in document.controllers().items():
            self._hook(scenario_id, controller)
        document.controller_made.connect(self._hook)

    def _hook(self, scenario_id: str, controller) -> None:
        controller.gate.hook = lambda undo: self._step_in(scenario_id, undo)

    def _step_in(self, scenario_id: str, undo: bool):
        """The step's transaction in its scenario's engine (looked up now: an undone deletion
        brings the scenario's parked engine back)."""
        sync = self.sync
        engine = sync.engines.get(scenario_id) if sync is not None else self.engine
        return engine.local_step(undo=undo) if engine is not None else nullcontext()

    def participants(self) -> list:
        return self._session.participants()

    def set_selection(self, card_ids: list[str]) -> None:
        if self._running:
            self._session.set_selection(card_ids)

    def peer_fields(self) -> dict:
        """What the others publish beside presence (the facilitator's ``workshop``), latest."""
        return self._session.peer_fields()

    def set_field(self, name: str, value) -> None:
        if self._running:
            self._session.set_field(name, value)

    def stop(self, keep_engine: bool = False) -> SyncEngine | None:
        """Leave or stop serving (waits for the worker's goodbye, a few seconds at most). With
        ``keep_engine`` the map stays bound to its document and the engine is returned."""
        if not self._running:
            return None
        self._running = False
        if self.document is not None:
            self.document.controller_made.disconnect(self._hook)
            for controller in self.document.controllers().values():
                controller.gate.hook = None
        engine = self.engine
        self._session.stop(keep_engine=keep_engine)
        self.state = "stopped"
        self.state_changed.emit("stopped", "")
        return engine if keep_engine else None

    @property
    def running(self) -> bool:
        return self._running

    # ----------------------------------------------------------------- events (GUI thread)
    def _on_event(self, event) -> None:
        payload = event.payload
        if event.type == "state" and self._running:
            self.state = payload["state"]
            self.state_changed.emit(payload["state"], payload.get("reason", ""))
        elif event.type == "participants":
            self.participants_changed.emit(list(payload["participants"]))
        elif event.type == "fields":
            self.fields_changed.emit(dict(payload["fields"]))
        elif event.type == "notice":
            self.notice.emit(payload["notice"].message)
        elif event.type == "remote_applied" and self.document is not None:
            self._on_remote_applied()

    def _on_remote_applied(self) -> None:
        controller = self.document.controller
        # Typing after someone else's change is a new undo step: merged into the one before,
        # its undo would put back the text from before their change.
        controller.end_merge()
        # Others' changes are not on my undo stack, but the map differs from the saved file.
        self.document.undo_stack.resetClean()
        self.remote_applied.emit()
