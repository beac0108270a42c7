"""FacilitatorChannel: the workshop's line to a live session (docs/collaboration.md, "Awareness
fields"; docs/workshop.md, "In a live session").

The facilitator is the host, the person who shared the map. Their workshop state (presentation
and timer) travels in the ``workshop`` field of their Yjs awareness state, beside presence: it is
session state, not document data, so it is never in the shared document, the server's store or
the .journey file, it goes when the facilitator's connection goes, and the server hands the
current awareness states to whoever connects, so a late joiner has it at once. On a participant
the facilitator is the client whose awareness carries a ``workshop`` field (the lowest client
id, should a non-editor client publish one too).

The live room hands this channel to the window's workshop (``window.workshop.attach_live``);
it never imports editor.workshop (tests/test_architecture.py).
Imports: PySide6.QtCore, editor.live.bridge.
"""
from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QObject, Signal

from editor.live.bridge import LiveSession

WORKSHOP_FIELD = "workshop"


class FacilitatorChannel(QObject):
    leader_changed = Signal()  # the facilitator's data or name changed (participants only)

    def __init__(self, session: LiveSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.is_facilitator = session.is_host
        self._leader_id: int | None = None
        self._data: Mapping | None = None
        self._name = ""
        if not self.is_facilitator:
            session.fields_changed.connect(self._on_fields)
            session.participants_changed.connect(self._on_participants)
            self._on_fields(session.peer_fields())  # what arrived while joining

    def publish(self, data: Mapping) -> None:
        """The facilitator's state, to everyone (the host only; a participant's stays local)."""
        if self.is_facilitator:
            self.session.set_field(WORKSHOP_FIELD, dict(data))

    def leader_data(self) -> Mapping | None:
        """The facilitator's last state; kept when they drop off, so the screen stays put."""
        return self._data

    def leader_name(self) -> str:
        return self._name

    def close(self) -> None:
        if not self.is_facilitator:
            self.session.fields_changed.disconnect(self._on_fields)
            self.session.participants_changed.disconnect(self._on_participants)

    def _on_fields(self, fields: dict) -> None:
        leaders = sorted(client_id for client_id, own in fields.items()
                         if isinstance(own, Mapping) and isinstance(own.get(WORKSHOP_FIELD), Mapping))
        if not leaders:
            return
        self._leader_id = leaders[0]
        data = fields[self._leader_id][WORKSHOP_FIELD]
        name = self._name_of(self._leader_id)
        if data != self._data or name != self._name:
            self._data, self._name = data, name
            self.leader_changed.emit()

    def _on_participants(self, _people: list) -> None:
        name = self._name_of(self._leader_id)
        if self._leader_id is not None and name != self._name:
            self._name = name
            self.leader_changed.emit()

    def _name_of(self, client_id: int | None) -> str:
        for person in self.session.participants():
            if person.client_id == client_id:
                return person.name
        return self._name
