"""LiveShare: the live session of one main window (``window.live``): Share live, Join live
session and Stop, and what shows the session: the participants dock, the status-bar label and
the others' selection outlines on the canvas.

It reaches the window only through what every MainWindow has (document, scene, settings,
recovery, files.maybe_save, set_document, statusBar, menu_actions, workshop), so this room never
imports editor.window (nor editor.workshop: the workshop is handed a FacilitatorChannel
through ``window.workshop.attach_live``). A host that stops sharing keeps its map bound to the
session's document (``_kept``): sharing the same map again on the same link lets the
participants, who keep retrying, reconnect and merge what each side did meanwhile.
Imports: PySide6, collab (announce, links), editor (document, settings, live).
"""
from __future__ import annotations

import getpass
import logging
import socket
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer

from collab.links import JoinLink, room_for
from editor.document.document import Document
from editor.live.participants_dock import ParticipantsDock
from editor.live.presence_overlay import PresenceOverlay
from editor.live.share_dialog import ALL_INTERFACES, ShareDialog, ShareError, ShareOptions, lan_addresses
from editor.live.status import LiveStatusLabel
from editor.settings import KEY_LIVE_NAME, autosave_interval_ms, read_text
from model.journey.errors import JourneyFileError

if TYPE_CHECKING:  # loaded when a session starts: pycrdt, anyio, zeroconf, ssl cost start-up time
    import ssl

    from collab.engine import SyncEngine
    from collab.scenarios import ScenarioSync
    from editor.live.bridge import LiveSession
    from editor.live.facilitator import FacilitatorChannel
    from editor.live.join_dialog import JoinDialog

log = logging.getLogger(__name__)
SELECTION_DELAY_MS = 60  # a burst of selection changes (rubber band) is sent once
SCENARIO_FIELD = "scenario"  # awareness field: the scenario my selection belongs to


@dataclass
class _Kept:
    """A stopped host session that sharing the same map again carries on."""

    document: Document
    engine: SyncEngine
    link: JoinLink
    interface: str  # the address it listened on
    sync: ScenarioSync | None = None  # every scenario of the document (issue 16)


def _close(kept: _Kept) -> None:
    """A kept session forgotten: every scenario's engine unbound from the map."""
    kept.sync.close() if kept.sync is not None else kept.engine.close()


class LiveShare(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.session: LiveSession | None = None
        self.channel: FacilitatorChannel | None = None  # the workshop's (presentation, timer)
        self.overlay: PresenceOverlay | None = None
        self.join_dialog: JoinDialog | None = None
        self.share_dialog: ShareDialog | None = None
        self._kept: _Kept | None = None
        self._interface = ""  # where the running host session listens
        self._joining: LiveSession | None = None
        self._arrived = None  # the map a join brought, until the join dialog has closed
        self._announcement: tuple[threading.Thread, dict] | None = None
        self.dock = ParticipantsDock(window)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.dock.hide()
        self.status = LiveStatusLabel(window)
        window.statusBar().addPermanentWidget(self.status)
        self._selection_timer = self._timer(SELECTION_DELAY_MS, self._send_selection)
        self._autosave_timer = self._timer(0, self._autosave)

    def _timer(self, interval: int, slot) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(interval)
        timer.timeout.connect(slot)
        return timer

    # ----------------------------------------------------------------- names
    def display_name(self) -> str:
        name = read_text(self.window.settings, KEY_LIVE_NAME)
        if not name:
            try:
                name = getpass.getuser()
            except (KeyError, OSError):
                name = ""
        return name

    def _remember_name(self, name: str) -> str:
        name = name or self.display_name() or self.tr("Guest")
        self.window.settings.setValue(KEY_LIVE_NAME, name)
        return name

    # ----------------------------------------------------------------- sharing
    def share_live(self) -> None:
        """File → Share live…: the share dialog (with the link while sharing)."""
        if self.window.document is None or (self.session is not None and not self.session.is_host):
            return
        kept = self._kept if self._kept is not None and \
            self._kept.document is self.window.document else None
        link = self.session.link if self.session is not None else None
        previous = (kept.interface, kept.link.port) if kept is not None else None
        self.share_dialog = ShareDialog(self._start_sharing, self.stop_live, self.display_name(),
                                        link, previous, self.window)
        self.share_dialog.exec()
        self.share_dialog = None

    def _start_sharing(self, options: ShareOptions) -> JoinLink:
        document = self.window.document
        name = self._remember_name(options.name)
        tls = self._server_tls(options.cert, options.key)
        kept = self._take_kept(document, options.resume)
        from editor.live.bridge import LiveSession

        session = LiveSession(self)
        room = kept.link.room if kept else room_for(document.path.stem if document.path else "map")
        host, port = (kept.interface, kept.link.port) if kept else (options.host, options.port)
        try:
            link = session.share(document.journey, host=host, port=port, name=name, tls=tls,
                                 link_host=link_host(host), room=room,
                                 engine=kept.engine if kept else None,
                                 token=kept.link.token if kept else None,
                                 scenarios=document.scenarios, sync=kept.sync if kept else None)
        except OSError as exc:
            self._kept = kept  # still there to try again
            raise ShareError(self.tr("Cannot listen on %1, port %2: %3").replace("%1", host)
                             .replace("%2", str(port))
                             .replace("%3", exc.strerror or str(exc))) from None
        self._begin(session, document, host)
        if options.announce:
            self._announce(link, document.journey.title, host)
        return link

    def _take_kept(self, document: Document, resume: bool) -> _Kept | None:
        kept, self._kept = self._kept, None
        if kept is not None and (not resume or kept.document is not document):
            _close(kept)
            kept = None
        return kept

    def _server_tls(self, cert: str, key: str) -> ssl.SSLContext | None:
        """The TLS context of a certificate and key (PEM); None without either. ShareError
        names the file that cannot be used."""
        if not cert and not key:
            return None
        if not cert or not key:
            raise ShareError(self.tr("TLS needs both a certificate and its key."))
        import ssl  # loading OpenSSL was a tenth of importing the window

        tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        try:
            tls.load_cert_chain(cert, key)
        except (OSError, ssl.SSLError) as exc:
            raise ShareError(self.tr("Cannot use the certificate \"%1\" with the key \"%2\": %3")
                             .replace("%1", cert).replace("%2", key).replace("%3", str(exc))) from None
        return tls

    # ----------------------------------------------------------------- joining
    def join_live(self) -> None:
        """File → Join live session…: the join dialog; the map opens when it has arrived."""
        if self.session is not None:
            return
        from editor.live.join_dialog import JoinDialog

        self.join_dialog = JoinDialog(self._start_join, self.display_name(), self.window)
        self.join_dialog.exec()
        self.join_dialog = None
        session, journey, self._joining, self._arrived = self._joining, self._arrived, None, None
        if session is None:
            return
        if journey is None or not self.window.files.maybe_save():
            session.stop()  # cancelled while connecting, or the current map must stay
            return
        # Every scenario of the session; the map shown is the one the host's document had current.
        document = Document(session.sync.scenarios if session.sync is not None else journey)
        self.window.set_document(document)
        self._begin(session, document)

    def _start_join(self, link: JoinLink, name: str) -> None:
        name = self._remember_name(name)
        from editor.live.bridge import LiveSession

        session = self._joining = LiveSession(self)
        dialog = self.join_dialog
        session.join_failed.connect(dialog.failed)
        session.join_failed.connect(lambda _reason: self._forget_join(session))
        session.joined.connect(lambda journey: self._arrive(session, journey))
        session.join(link, name)

    def _forget_join(self, session: LiveSession) -> None:
        if self._joining is session:
            self._joining = None

    def _arrive(self, session: LiveSession, journey) -> None:
        if self._joining is session and self.join_dialog is not None:
            self._arrived = journey
            self.join_dialog.accept()

    # ----------------------------------------------------------------- a running session
    def _begin(self, session: LiveSession, document: Document, interface: str = "") -> None:
        self.session, self._interface = session, interface
        session.attach(document)
        session.state_changed.connect(self._show_state)
        session.participants_changed.connect(self._show_participants)
        session.notice.connect(lambda text: self.window.statusBar().showMessage(text, 8000))
        session.remote_applied.connect(self._schedule_autosave)
        self.overlay = PresenceOverlay(self.window.scene, self, self._scenario_id())
        session.fields_changed.connect(self._take_peer_scenarios)
        self.window.scene.selectionChanged.connect(self._selection_timer.start)
        self.dock.show()
        self.dock.raise_()
        self._show_state(session.state, "")
        self._show_participants(session.participants())
        self._send_scenario()
        self._send_selection()
        self._share_workshop(session)
        self.update_actions()

    def _share_workshop(self, session: LiveSession) -> None:
        """The host facilitates: its presentation and timer reach everyone; others follow."""
        from editor.live.facilitator import FacilitatorChannel

        self.channel = FacilitatorChannel(session, self)
        workshop = getattr(self.window, "workshop", None)
        if workshop is not None:
            workshop.attach_live(self.channel)

    def _show_state(self, state: str, reason: str) -> None:
        if self.session is not None:
            self.status.show_state(state, reason, self.session.is_host)

    def _show_participants(self, people: list) -> None:
        self.dock.show_participants(people)
        self.status.show_count(sum(p.connected for p in people))
        if self.overlay is not None:
            self.overlay.show_participants(people)

    def _send_selection(self) -> None:
        if self.session is not None and self.window.scene is not None:
            self.session.set_selection(self.window.scene.selected_card_ids())

    def _send_scenario(self) -> None:
        """The scenario my selection belongs to: when the session begins and when I switch
        (not with every selection change: each awareness field set is sent to everyone)."""
        if self.session is not None:
            self.session.set_field(SCENARIO_FIELD, self._scenario_id())

    def _scenario_id(self) -> str:
        document = self.window.document
        return document.scenarios.current_id if document is not None else ""

    def _take_peer_scenarios(self, fields: dict) -> None:
        """The others' awareness fields changed: whose selections belong to this scenario."""
        if self.overlay is None or self.session is None:
            return
        self.overlay.peer_scenarios = {client_id: own[SCENARIO_FIELD] for client_id, own
                                       in fields.items() if isinstance(own.get(SCENARIO_FIELD), str)}
        self.overlay.show_participants(self.session.participants())

    def _schedule_autosave(self) -> None:
        """Others' changes are autosaved for recovery like one's own (they touch no undo stack,
        which is what the recovery autosaver follows)."""
        interval = autosave_interval_ms(self.window.settings)
        if self.window.recovery is not None and interval and not self._autosave_timer.isActive():
            self._autosave_timer.start(interval)

    def _autosave(self) -> None:
        document = self.session.document if self.session is not None else None
        if document is None or not document.is_modified() or self.window.recovery is None:
            return
        try:
            self.window.recovery.store_copy(document)
        except (JourneyFileError, OSError) as exc:
            self.window.statusBar().showMessage(str(exc), 10000)

    # ----------------------------------------------------------------- stopping
    def stop_live(self) -> None:
        """Stop sharing or leave: the map stays open as an ordinary map."""
        session = self._end()
        if session is None:
            return
        engine = session.stop(keep_engine=session.is_host)
        if session.is_host and engine is not None:
            self._kept = _Kept(session.document, engine, session.link, self._interface,
                               session.sync)
        self.window.statusBar().showMessage(
            self.tr("Stopped sharing; the map stays open.") if session.is_host
            else self.tr("Left the live session; the map stays open."), 6000)

    def _end(self) -> LiveSession | None:
        session, self.session = self.session, None
        if session is None:
            return None
        session.state_changed.disconnect(self._show_state)
        session.participants_changed.disconnect(self._show_participants)
        self._selection_timer.stop()
        if self.channel is not None:
            workshop = getattr(self.window, "workshop", None)
            if workshop is not None:
                workshop.detach_live()
            self.channel.close()
            self.channel.deleteLater()
            self.channel = None
        if self.window.scene is not None:
            self.window.scene.selectionChanged.disconnect(self._selection_timer.start)
        if self.overlay is not None:
            self.overlay.detach()
            self.overlay = None
        self._unannounce()
        self.status.hide()
        self.dock.clear_session()
        self.update_actions()
        return session

    def scene_replaced(self, old, new) -> None:
        """The window shows another scenario's scene: the others' selections and mine follow it."""
        if self.session is None:
            return
        old.selectionChanged.disconnect(self._selection_timer.start)
        if self.overlay is not None:
            self.overlay.detach()
        self.overlay = PresenceOverlay(new, self, self._scenario_id())
        self._take_peer_scenarios(self.session.peer_fields())
        new.selectionChanged.connect(self._selection_timer.start)
        self._send_scenario()
        self._send_selection()

    def document_dropped(self, document: Document) -> None:
        """The window lets ``document`` go: its session (or kept one) ends with it."""
        if self.session is not None and self.session.document is document:
            self._end().stop()
        if self._kept is not None and self._kept.document is document:
            _close(self._kept)
            self._kept = None

    def shutdown(self) -> None:
        """The window closes: leave or stop serving, forget any kept session."""
        if self.session is not None:
            self._end().stop()
        if self._kept is not None:
            _close(self._kept)
            self._kept = None

    def update_actions(self) -> None:
        actions = getattr(self.window, "menu_actions", None)
        if actions is None:
            return
        guest = self.session is not None and not self.session.is_host
        actions.share_live.setEnabled(self.window.document is not None and not guest)
        actions.join_live.setEnabled(self.session is None)
        actions.stop_live.setEnabled(self.session is not None)

    # ----------------------------------------------------------------- the local network
    def _announce(self, link: JoinLink, title: str, host: str) -> None:
        """Announce by mDNS in a thread of its own (registering waits for the network)."""
        addresses = lan_addresses() if host == ALL_INTERFACES else [host]
        holder: dict = {}

        def register() -> None:
            from collab.announce import Announcer
            try:
                holder["announcer"] = Announcer(link, title, addresses)
            except (OSError, ValueError) as exc:
                log.warning("cannot announce the session: %s", exc)
        thread = threading.Thread(target=register, name="journey-announce", daemon=True)
        thread.start()
        self._announcement = (thread, holder)

    def _unannounce(self) -> None:
        if self._announcement is None:
            return
        thread, holder = self._announcement
        self._announcement = None

        def unregister() -> None:
            thread.join()
            if "announcer" in holder:
                holder["announcer"].close()
        threading.Thread(target=unregister, name="journey-unannounce", daemon=True).start()


def link_host(host: str) -> str | None:
    """The host a join link names: the interface chosen, or for all interfaces this machine's
    first network address (its name if it has none)."""
    if host != ALL_INTERFACES:
        return host
    addresses = lan_addresses()
    return addresses[0] if addresses else socket.gethostname()

