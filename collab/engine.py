"""The sync engine: keeps one JourneyMap and one pycrdt Doc saying the same thing. No Qt; imports
pycrdt, model.* and collab.* only.

Local edits: the model's events mark elements dirty; at the end of ``local_step()`` (one undo
step) their state is written to the document in one transaction tagged with this engine's
origin. Remote edits: every transaction on the document (remote or local) updates a plain copy
of the touched records; the map is then derived from the document with the deterministic
repair rules (projection.py) and brought to it through the model's mutators while
``applying_remote`` is true, so the editor can keep those events off its undo stack.
"""
from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from pycrdt import Doc, Map

from model import JourneyMap, ModelError
from model.bulk import gc_paused
from model.fileformat.serialize import map_from_data
from model.journey.events import Event, EventEmitter

from .layout import (
    DELETED,
    KINDS,
    LAYOUT_NAME,
    LAYOUT_VERSION,
    META_ROOT,
    ORDERED,
    POS,
    ROOTS,
    clean_meta,
    same,
    valid_id,
)
from .projection import Projection, links_touching, project, update_cards, update_record, update_relation
from .reconcile import Reconciler, Scope
from .workshop_rules import project_comments
from .writer import Dirty, Write, apply_writes, plan_writes
from .writer import publish_writes as _publish_writes

log = logging.getLogger(__name__)
_ID_LISTS = {"card_ids": "card", "transition_ids": "transition", "link_ids": "link",
             "path_ids": "path", "stage_ids": "stage", "retagged_ids": "card",
             "comment_ids": "comment"}
_HEAVY_FIELDS = {POS, DELETED}
_META_EVENTS = {"map_changed", "vote_round_changed", "private_round_changed"}
# Fields an undo may write although another person changed them since: votes and dots add up
# or belong to one participant each; authorship is a stamp, not content.
_NEVER_CONFLICTING = {"votes", "dots", "edited_by", "edited_at"}


class UndoConflict(ModelError):
    """An undo that would overwrite or delete what another person changed since; nothing of it
    was applied. The editor skips the step (and may say so), as for any refused edit."""


class SyncEngine:
    """Binds ``journey`` to ``doc``. Use ``publish()`` to put a map into an empty document (the
    host) or ``SyncEngine.join(doc)`` to build the map a synced document holds (a guest)."""

    def __init__(self, journey: JourneyMap, doc: Doc, _state: tuple | None = None,
                 prefix: str = "") -> None:
        # ``prefix`` names this map's roots: "" for today's roots (the first scenario, and every
        # layout-2 document), "scenario/<id>/" for the other scenarios (collab/scenarios.py).
        self.journey, self.doc, self.prefix = journey, doc, prefix
        self.origin = f"journey-engine:{doc.client_id}"
        self.me = str(doc.client_id)
        self.events = EventEmitter()  # "notice" (notice=Notice), "remote_applied" (scope=Scope)
        self.applying_remote = False
        self._previous: Projection | None = None
        self._meta = doc.get(prefix + META_ROOT, type=Map)
        self._roots = {kind: doc.get(prefix + ROOTS[kind], type=Map) for kind in KINDS}
        self._raw: dict[str, dict[str, Any]] = {k: {} for k in KINDS}
        self._raw["meta"] = {}
        self._pending = _Pending()
        self._dirty = Dirty()
        self._depth, self._undo = 0, False
        self._remote_touched: dict[tuple[str, str], set[str]] = {}
        if _state is None:
            self._read_everything()
            self.projection: Projection = project(self._raw["meta"], self._raw)
        else:  # join() has just read and derived it
            self._raw, self.projection = _state
        self._subscriptions = [root.observe_deep(self._observer(kind))
                               for kind, root in (*self._roots.items(), ("meta", self._meta))]
        self._doc_subscription = doc.observe(self._after_transaction)
        journey.events.connect(self._on_model_event)

    @classmethod
    def join(cls, doc: Doc, prefix: str = "") -> SyncEngine:
        """A new map built from what ``doc`` holds (after the first sync with a peer)."""
        with gc_paused():
            raw = {k: _read_root(doc.get(prefix + ROOTS[k], type=Map)) for k in KINDS}
            raw["meta"] = _read_meta(doc.get(prefix + META_ROOT, type=Map))
            state = project(raw["meta"], raw)
            journey = map_from_data(state.to_data())
        return cls(journey, doc, (raw, state), prefix)

    def publish(self) -> None:
        """Write the whole map into the (empty) document, as the first state of a session."""
        if any(len(root) for root in self._roots.values()):
            raise ModelError("the shared document already holds a map; join it instead")
        with self.doc.transaction(origin=self.origin):
            self._meta.update({"format": LAYOUT_NAME, "version": LAYOUT_VERSION,
                               "extra": self.journey.extra})
            apply_writes(_publish_writes(self.journey, self.me), self._roots, self._meta, self.me)

    def close(self) -> None:
        """Stop syncing (the map and the document stay as they are)."""
        self.journey.events.disconnect(self._on_model_event)
        for root, sub in zip((*self._roots.values(), self._meta), self._subscriptions, strict=True):
            root.unobserve(sub)
        self.doc.unobserve(self._doc_subscription)

    def resync(self) -> None:
        """Re-read the whole document and bring the map to it (after a reconnection: cheap
        insurance against changes the document's observers did not report)."""
        self._read_everything()
        self.projection = project(self._raw["meta"], self._raw)
        self._reconcile(Scope(full=True))

    @property
    def notices(self) -> list:
        """What the person should currently know: cards shown elsewhere, records ignored."""
        return [*self.projection.relocated.values(), *self.projection.ignored.values()]

    # ------------------------------------------------------------------------- local edits
    @contextmanager
    def local_step(self, undo: bool = False) -> Iterator[None]:
        """Group model edits into one Yjs transaction (one undo step). With ``undo=True`` (an
        undo or redo replayed by the editor) the step is refused with UndoConflict, and the map
        put back, if it would overwrite a field or delete an element another person has
        changed since this peer last wrote it."""
        self._depth += 1
        self._undo |= undo
        try:
            yield
        finally:
            self._depth -= 1
            if self._depth == 0:
                undo, self._undo = self._undo, False
                self._flush(undo)

    def _on_model_event(self, event: Event) -> None:
        if self.applying_remote:
            return
        if event.type in _META_EVENTS:
            self._dirty.meta = True
        for key, value in event.payload.items():
            if key in _ID_LISTS:
                for element_id in value:
                    self._dirty.add(_ID_LISTS[key], element_id)
            elif key.endswith("_id") and key[:-3] in ROOTS and isinstance(value, str):
                self._dirty.add(key[:-3], value)
        if self._depth == 0:
            self._flush(False)

    def _flush(self, undo: bool) -> None:
        dirty, self._dirty = self._dirty, Dirty()
        if not dirty:
            return
        for card_id in self.projection.limits.cut:  # R11's cuts written back with this step
            if self.journey.element_type(card_id) == "card":
                dirty.add("card", card_id)
        writes = plan_writes(self.journey, dirty, self.projection, self._raw, self.me)
        conflicts = self._conflicts(writes) if undo else []
        if conflicts:
            self._put_back(dirty)
            raise UndoConflict("undo skipped: " + "; ".join(conflicts[:3]))
        if writes:
            with self.doc.transaction(origin=self.origin):
                apply_writes(writes, self._roots, self._meta, self.me)
        # What the document already said is not written, but the model may still differ in
        # form (an emotion of -2.0 where every peer shows -2): bring those elements to it.
        self._reconcile(self._scope_of(dirty, full=False), notify=False)
        for write in writes:
            touched = self._remote_touched.get((write.kind, write.element_id))
            if touched and write.field is not None:
                touched.discard(write.field)

    def _conflicts(self, writes: list[Write]) -> list[str]:
        found = []
        for write in writes:
            touched = self._remote_touched.get((write.kind, write.element_id), set())
            removal = write.field is None and write.value is None or write.field == DELETED
            if removal and touched:
                found.append(f"{write.kind} {write.element_id} was changed by another person")
            elif write.field in touched - _NEVER_CONFLICTING:
                found.append(f"the {write.field} of {write.kind} {write.element_id} was changed "
                             f"by another person")
        return found

    def _put_back(self, dirty: Dirty) -> None:
        """Undo the refused step's model changes: the map is derived from the document again."""
        self._reconcile(self._scope_of(dirty, full=True))

    def _scope_of(self, dirty: Dirty, full: bool) -> Scope:
        cards = dirty.ids.get("card", set())
        cells = {self._cell(c) for c in cards if self.journey.element_type(c) == "card"}
        cells |= {self.projection.card_cell[c] for c in cards if c in self.projection.card_cell}
        elements = {(kind, i) for kind in ORDERED for i in dirty.ids.get(kind, ())}
        # Model and document disagreeing on whether an element exists (a refused undo) needs
        # everything compared; agreeing (the usual add or remove) needs only the element.
        structural = any((self.journey.element_type(i) == kind) != (i in self.projection.records[kind])
                         for kind, i in elements)
        relations = {(kind, i) for kind in ("transition", "link") for i in dirty.ids.get(kind, ())}
        relations |= {("link", i) for i in links_touching(self._raw, cards)}
        return Scope(full=full and (structural or dirty.meta or bool(elements)) or structural,
                     cards=set(cards), cells=cells, elements=elements, relations=relations,
                     comments=bool(dirty.ids.get("comment")) or bool(cards))

    def _cell(self, card_id: str) -> tuple[str, str]:
        place = self.journey.card_place(card_id)
        return place.stage, place.lane

    # ------------------------------------------------------------------------- document events
    def _observer(self, kind: str):
        def observe(events, transaction) -> None:
            remote = transaction.origin != self.origin
            self._pending.remote |= remote
            if kind == "meta":
                self._raw["meta"] = _read_meta(self._meta)
                self._pending.meta = True
                return
            for event in events:
                self._note_event(kind, event, remote)
        return observe

    def _note_event(self, kind: str, event, remote: bool) -> None:
        path = list(event.path)
        if path:
            ids, fields = [path[0]], set(event.keys) if len(path) == 1 else {path[1]}
        else:
            ids, fields = list(event.keys), {"*"}
        root = self._roots[kind]
        for element_id in ids:
            self._raw[kind].pop(element_id, None)
            value = _read_value(root.get(element_id))
            if value is not None:
                self._raw[kind][element_id] = value
            heavy = "*" in fields or bool(fields & _HEAVY_FIELDS)
            self._pending.add(kind, element_id, heavy)
            if remote:
                self._remote_touched.setdefault((kind, element_id), set()).update(fields)

    def _after_transaction(self, _event) -> None:
        pending, self._pending = self._pending, _Pending()
        if not pending.ids and not pending.meta:
            return
        # Only others' transactions are "remote_applied": the editor takes that event as
        # "someone else changed the map" (modified, a new typing step), never one's own write.
        try:
            self._reconcile(self._reproject(pending), notify=pending.remote)
        except ModelError as exc:  # a bug, not a state: derive and compare everything again
            log.warning("incremental merge failed (%s); re-deriving the whole map", exc)
            self._full()
            self._reconcile(Scope(full=True), notify=pending.remote)

    def _reproject(self, pending: _Pending) -> Scope:
        target = self.projection
        if pending.heavy:
            return self._full(trusted=True)
        if pending.meta:
            meta = clean_meta(self._raw["meta"])
            if not same(meta["vote_round"], target.meta["vote_round"]):
                return self._full()  # the vote's rules decide which dots show (R11)
            target.meta = meta
        scope = Scope()
        for kind in ORDERED:
            for element_id in pending.ids.get(kind, ()):
                if update_record(target, self._raw, kind, element_id):
                    scope.elements.add((kind, element_id))
        stages, lanes = list(target.orders["stage"]), list(target.orders["lane"])
        cards = pending.ids.get("card", set())
        came_or_went: set[str] = set()
        if cards:
            result = update_cards(target, self._raw, cards)
            if result is None:
                return self._full()
            scope.cells, came_or_went, limited = result
            scope.cards = set(cards) | limited
        scope.relations = {(kind, i) for kind in ("transition", "link")
                           for i in pending.ids.get(kind, ())}
        scope.relations |= {("link", i) for i in links_touching(self._raw, came_or_went)}
        for kind, element_id in scope.relations:
            if not update_relation(target, self._raw, kind, element_id):
                return self._full()
        if pending.ids.get("comment") or came_or_went:
            if any(target.claims.get(i) not in (None, "comment") or not valid_id(i)
                   for i in pending.ids.get("comment", ())):
                return self._full()  # an id clash: R1 decides
            for comment_id in pending.ids.get("comment", ()):
                _claim(target, self._raw, comment_id)
            project_comments(target, self._raw)
            scope.comments = True
        if (stages, lanes) != (target.orders["stage"], target.orders["lane"]):
            return self._full()  # the "Recovered cards" stage or lane came or went
        return scope

    def _full(self, trusted: bool = False) -> Scope:
        """Derive everything again. ``trusted``: the current projection still equals the map
        (nothing was re-derived yet), so the reconcile may skip what did not change."""
        previous = self.projection
        self.projection = project(self._raw["meta"], self._raw, previous)
        self._previous = previous if trusted else None
        return Scope(full=True)

    def _reconcile(self, scope: Scope, notify: bool = True) -> None:
        before = set(self.projection.relocated)
        self.applying_remote = True
        try:
            Reconciler(self.journey).apply(self.projection, scope,
                                           self._previous if scope.full else None)
        finally:
            self.applying_remote = False
            self._previous = None
        for card_id in set(self.projection.relocated) - before:
            self.events.emit("notice", notice=self.projection.relocated[card_id])
        if notify:
            self.events.emit("remote_applied", scope=scope)

    def _read_everything(self) -> None:
        self._raw["meta"] = _read_meta(self._meta)
        for kind, root in self._roots.items():
            self._raw[kind] = _read_root(root)


class _Pending:
    def __init__(self) -> None:
        self.ids: dict[str, set[str]] = {}
        self.heavy = False
        self.meta = False
        self.remote = False  # a transaction of another peer is among them

    def add(self, kind: str, element_id: str, heavy: bool) -> None:
        self.ids.setdefault(kind, set()).add(element_id)
        self.heavy |= heavy and kind in ORDERED


def _read_value(value: Any) -> dict[str, Any] | None:
    if isinstance(value, Map):
        return value.to_py()
    return dict(value) if isinstance(value, dict) else None


def _read_root(root: Map) -> dict[str, Any]:
    records = {}
    for element_id, value in root.items():
        record = _read_value(value)
        if record is not None:
            records[element_id] = record
    return records


def _read_meta(root: Map) -> dict[str, Any]:
    return root.to_py() or {}


def _claim(target: Projection, raw: dict[str, Any], comment_id: str) -> None:
    """R1 for one comment that came or went (its id clashes with nothing: checked before)."""
    if comment_id in raw.get("comment", {}):
        target.claims[comment_id] = "comment"
    elif target.claims.get(comment_id) == "comment":
        del target.claims[comment_id]
