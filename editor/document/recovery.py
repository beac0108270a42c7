"""Autosave and crash recovery: unsaved maps are copied to the data folder and offered after a crash.

While a document has unsaved changes, ``<data>/recovery`` holds ``<id>.json`` (original path,
title, time, the file's disk state), ``<id>.journey`` (every scenario, written by save_document, so
atomically; written after the side-car) and ``<id>.lock``, a lock held by the editor that owns
the copy. At start, a copy whose lock can be
taken belongs to no running editor (its owner crashed), so it is offered: Restore, Discard or Keep
for later. A save, or a close that discards the changes, removes the copy.
The copy is written by a single-shot timer started by the first change after a save or autosave,
so an idle editor does nothing. Tests give the manager a folder of their own.
Imports: the standard library, PySide6, model.fileformat, model.scenarios, editor (document,
locking, settings).
"""
from __future__ import annotations

import json
import os
import socket
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QDateTime, QIODevice, QObject, QSaveFile, QSettings, QStandardPaths, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from editor.document.document import DiskState, Document, clean_temp_files
from editor.document.locking import new_lock_file
from editor.i18n import error_text, tr
from editor.settings import autosave_interval_ms
from model.fileformat import load_journey
from model.journey.errors import JourneyFileError
from model.scenarios import load_document, save_document

RESTORE, DISCARD, KEEP = "restore", "discard", "keep"
META_FORMAT = "journey-map-editor-recovery"



@dataclass(frozen=True)
class RecoveryEntry:
    """One autosaved copy in the recovery folder, as its side-car describes it."""

    recovery_id: str
    map_file: Path
    original_path: Path | None
    title: str
    saved_at: datetime
    disk_state: DiskState | None


class RecoveryStore:
    """The recovery folder: writes, reads and removes copies; knows nothing of timers or locks."""

    def __init__(self, folder: Path | str) -> None:
        self.folder = Path(folder)

    @classmethod
    def default(cls) -> RecoveryStore:
        location = QStandardPaths.StandardLocation.AppDataLocation
        return cls(Path(QStandardPaths.writableLocation(location)) / "recovery")

    def map_file(self, recovery_id: str) -> Path:
        return self.folder / f"{recovery_id}.journey"

    def meta_file(self, recovery_id: str) -> Path:
        return self.folder / f"{recovery_id}.json"

    def lock_file(self, recovery_id: str) -> Path:
        return self.folder / f"{recovery_id}.lock"

    def write(self, document: Document) -> None:
        """Write the side-car, then the map's copy; raises JourneyFileError or OSError.

        In that order, a kill between the two writes of a first copy leaves a side-car with no
        map, which the next start recognises and removes (there is nothing to restore); a map
        with no side-car would name no original file.
        """
        self.folder.mkdir(parents=True, exist_ok=True)
        meta = {"format": META_FORMAT, "version": 1, "id": document.recovery_id,
                "original_path": str(document.path) if document.path else None,
                "title": document.journey.title,
                "saved_at": datetime.now(UTC).isoformat(timespec="seconds"),
                "pid": os.getpid(), "host": socket.gethostname(),
                "disk_state": document.disk_state.to_dict() if document.disk_state else None}
        _write_atomically(self.meta_file(document.recovery_id),
                          json.dumps(meta, ensure_ascii=False, indent=2).encode("utf-8"))
        save_document(document.scenarios, self.map_file(document.recovery_id))

    def remove(self, recovery_id: str) -> None:
        for path in (self.meta_file(recovery_id), self.map_file(recovery_id)):
            try:
                path.unlink()
            except FileNotFoundError:
                pass

    def recovery_ids(self) -> list[str]:
        """The ids of every copy or side-car in the folder, whole or half-written."""
        try:
            names = [p for p in self.folder.iterdir() if p.suffix in (".json", ".journey")]
        except OSError:
            return []
        return sorted({p.stem for p in names if not p.name.startswith(".")})

    def entries(self) -> list[RecoveryEntry]:
        """Every copy that can be offered, oldest first (not the half-written ones)."""
        found = [entry for entry in map(self.entry, self.recovery_ids()) if entry is not None]
        return sorted(found, key=lambda entry: entry.saved_at)

    def entry(self, recovery_id: str) -> RecoveryEntry | None:
        """The copy as its side-car describes it; None when there is no map to restore. A map
        whose side-car is missing or unreadable (an older editor wrote the map first) is still
        offered, with its original file unknown."""
        map_file = self.map_file(recovery_id)
        if not map_file.is_file():
            return None
        meta = self._read_meta(recovery_id)
        if meta is None:
            return _entry_without_side_car(recovery_id, map_file)
        original = meta.get("original_path")
        return RecoveryEntry(recovery_id, map_file, Path(original) if original else None,
                             str(meta.get("title") or ""), meta["saved_at"],
                             DiskState.from_dict(meta.get("disk_state")))

    def _read_meta(self, recovery_id: str) -> dict | None:
        try:
            meta = json.loads(self.meta_file(recovery_id).read_text(encoding="utf-8"))
            meta["saved_at"] = datetime.fromisoformat(str(meta["saved_at"]))
            if str(meta["id"]) != recovery_id:
                return None
        except (OSError, ValueError, TypeError, KeyError):
            return None
        return meta


def _entry_without_side_car(recovery_id: str, map_file: Path) -> RecoveryEntry | None:
    try:
        title = load_journey(map_file).title
        saved_at = datetime.fromtimestamp(map_file.stat().st_mtime, UTC)
    except (JourneyFileError, OSError):
        title, saved_at = "", datetime.now(UTC)
    return RecoveryEntry(recovery_id, map_file, None, title, saved_at, None)


def _write_atomically(path: Path, payload: bytes) -> None:
    file = QSaveFile(str(path))
    if not file.open(QIODevice.OpenModeFlag.WriteOnly):
        raise OSError(file.errorString())
    if file.write(payload) != len(payload) or not file.commit():
        error = file.errorString()
        file.cancelWriting()
        raise OSError(error)


class DocumentAutosaver(QObject):
    """Writes one document's copy a while after its first change since the last save or copy."""

    def __init__(self, document: Document, manager: RecoveryManager,
                 on_error: Callable[[str], None] | None) -> None:
        super().__init__(document)
        self.document, self.manager, self.on_error = document, manager, on_error
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.autosave)
        document.undo_stack.indexChanged.connect(self._on_change)
        document.undo_stack.cleanChanged.connect(self._on_clean_changed)

    def _on_change(self, _index: int) -> None:
        interval = autosave_interval_ms(self.manager.settings)
        if interval and not self.timer.isActive():
            self.timer.start(interval)

    def _on_clean_changed(self, clean: bool) -> None:
        if clean:  # saved, or undone back to the saved state: the file holds it all
            self.timer.stop()
            self.manager.drop_copy(self.document)

    def autosave(self) -> None:
        if not self.document.is_modified():
            self.manager.drop_copy(self.document)
            return
        try:
            self.manager.store_copy(self.document)
        except (JourneyFileError, OSError) as exc:
            if self.on_error is not None:
                self.on_error(error_text(exc))

    def stop(self) -> None:
        self.timer.stop()
        self.document.undo_stack.indexChanged.disconnect(self._on_change)
        self.document.undo_stack.cleanChanged.disconnect(self._on_clean_changed)


class RecoveryManager(QObject):
    """Autosaves the open documents and claims the copies left by editors that crashed."""

    def __init__(self, store: RecoveryStore, settings: QSettings,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store, self.settings = store, settings
        self._savers: dict[str, DocumentAutosaver] = {}
        self._locks = {}  # recovery id -> QLockFile held by this editor

    # ----------------------------------------------------------------- documents of this editor
    def watch(self, document: Document, on_error: Callable[[str], None] | None = None) -> None:
        if document.recovery_id not in self._savers:
            self._savers[document.recovery_id] = DocumentAutosaver(document, self, on_error)

    def forget(self, document: Document) -> None:
        """The document is closed (saved or its changes discarded): stop and remove its copy."""
        saver = self._savers.pop(document.recovery_id, None)
        if saver is not None:
            try:
                saver.stop()
                saver.deleteLater()
            except RuntimeError:
                pass  # the document, and with it the saver, is already gone
        self.drop_copy(document)

    def store_copy(self, document: Document) -> None:
        self._hold_lock(document.recovery_id)
        self.store.write(document)

    def drop_copy(self, document: Document) -> None:
        self.store.remove(document.recovery_id)
        self._release_lock(document.recovery_id)

    # ----------------------------------------------------------------- copies of crashed editors
    def claim_orphans(self) -> list[RecoveryEntry]:
        """The copies no running editor owns; this editor holds their locks until it decides.
        Half-written ones (a side-car whose editor died before the map was copied) are removed."""
        orphans = []
        for recovery_id in self.store.recovery_ids():
            if recovery_id in self._locks:
                continue
            lock = new_lock_file(self.store.lock_file(recovery_id))
            if not lock.tryLock(0):
                continue  # a running editor's copy
            self._locks[recovery_id] = lock
            entry = self.store.entry(recovery_id)
            if entry is None:
                self.store.remove(recovery_id)
                self._release_lock(recovery_id)
                continue
            clean_temp_files(entry.map_file)
            orphans.append(entry)
        return sorted(orphans, key=lambda entry: entry.saved_at)

    def restore(self, entry: RecoveryEntry, parent: QObject | None = None) -> Document:
        """The copy as a modified document with its original path; JourneyFileError if unreadable."""
        document = Document(load_document(entry.map_file), entry.original_path, parent)
        document.recovery_id = entry.recovery_id
        document.disk_state = entry.disk_state
        document.mark_recovered()
        if document.path is not None and not document.acquire_lock():
            document.read_only = True
        return document

    def discard(self, entry: RecoveryEntry) -> None:
        self.store.remove(entry.recovery_id)
        self._release_lock(entry.recovery_id)

    def keep_for_later(self, entry: RecoveryEntry) -> None:
        self._release_lock(entry.recovery_id)

    def release_locks(self) -> None:
        """Let go of every copy this editor holds, leaving the files: for a quit that keeps the
        copies (a signal), so that the next start offers them."""
        for recovery_id in list(self._locks):
            self._release_lock(recovery_id)

    def _hold_lock(self, recovery_id: str) -> None:
        if recovery_id not in self._locks:
            self.store.folder.mkdir(parents=True, exist_ok=True)
            lock = new_lock_file(self.store.lock_file(recovery_id))
            lock.tryLock(0)
            self._locks[recovery_id] = lock

    def _release_lock(self, recovery_id: str) -> None:
        lock = self._locks.pop(recovery_id, None)
        if lock is not None and lock.isLocked():
            lock.unlock()


# --------------------------------------------------------------------- the manager of this editor
_installed: RecoveryManager | None = None


def install_recovery(manager: RecoveryManager | None) -> None:
    """Make ``manager`` the one every new window uses (None: windows autosave nothing)."""
    global _installed
    _installed = manager


def installed_recovery() -> RecoveryManager | None:
    return _installed


# --------------------------------------------------------------------- the offer at start
class RecoveryDialog(QDialog):
    """Lists the recovered maps, each with its choice: Restore, Discard or Keep for later."""

    def __init__(self, entries: list[RecoveryEntry], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Recover unsaved maps"))
        self.entries = entries
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels([tr("Map"), tr("Original file"), tr("Autosaved"), tr("Action")])
        self.tree.setRootIsDecorated(False)
        self.combos = [self._add_row(entry) for entry in entries]
        for column in range(4):
            self.tree.resizeColumnToContents(column)
        self._build_layout()
        self.resize(min(1000, self.tree.header().length() + 60), 220 + 28 * len(entries))

    def _build_layout(self) -> None:
        intro = QLabel(tr("Journey Map Editor did not close properly. These maps had changes "
                          "that were not saved. Maps kept for later are offered again at the "
                          "next start."), self)
        intro.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        for button, text in ((QDialogButtonBox.StandardButton.Ok, tr("Continue")),
                             (QDialogButtonBox.StandardButton.Cancel, tr("Keep All for Later"))):
            buttons.button(button).setText(text)
            buttons.button(button).setIcon(QIcon())  # a cross would suggest deleting
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (intro, self.tree, buttons):
            layout.addWidget(widget)

    def _add_row(self, entry: RecoveryEntry) -> QComboBox:
        original = str(entry.original_path) if entry.original_path else tr("(never saved)")
        item = QTreeWidgetItem([entry.title or tr("Untitled"), original, _local_time(entry)])
        item.setToolTip(1, original)
        self.tree.addTopLevelItem(item)
        combo = QComboBox(self.tree)
        for text, choice in ((tr("Restore"), RESTORE), (tr("Discard"), DISCARD),
                             (tr("Keep for later"), KEEP)):
            combo.addItem(text, choice)
        self.tree.setItemWidget(item, 3, combo)
        return combo

    def choices(self) -> dict[str, str]:
        return {entry.recovery_id: combo.currentData()
                for entry, combo in zip(self.entries, self.combos, strict=True)}


def _local_time(entry: RecoveryEntry) -> str:
    """Local time, written the same way in every language (some short formats are ambiguous)."""
    return QDateTime.fromSecsSinceEpoch(int(entry.saved_at.timestamp())).toString("yyyy-MM-dd HH:mm")


def ask_recovery_choices(entries: list[RecoveryEntry],
                         parent: QWidget | None = None) -> dict[str, str]:
    """The person's choice for each entry; closing the dialog keeps them all for later."""
    dialog = RecoveryDialog(entries, parent)
    return dialog.choices() if dialog.exec() == QDialog.DialogCode.Accepted else {}


def offer_recovery(manager: RecoveryManager,
                   ask: Callable[[list[RecoveryEntry]], dict[str, str]] = ask_recovery_choices,
                   ) -> tuple[list[Document], list[str]]:
    """Offer the crashed editors' copies; the restored documents, and why any could not be."""
    entries = manager.claim_orphans()
    choices = ask(entries) if entries else {}
    documents, failures = [], []
    for entry in entries:
        choice = choices.get(entry.recovery_id, KEEP)
        if choice == DISCARD:
            manager.discard(entry)
        elif choice == RESTORE:
            try:
                documents.append(manager.restore(entry))
            except JourneyFileError as exc:
                manager.keep_for_later(entry)
                failures.append(error_text(exc))
        else:
            manager.keep_for_later(entry)
    return documents, failures
