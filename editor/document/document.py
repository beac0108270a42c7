"""Document: one open journey map with its file path, undo stack and edit controller.

A document holds every scenario of its file (``scenarios``, a model.scenarios.ScenarioSet); ``journey`` is the
current scenario's map, the one the window shows and edits, and ``controller`` its EditController
(one per scenario, made when first asked for, all on the document's one undo stack; a step replays
in its own scenario, switching to it first). ``scenario_edits`` adds, renames, deletes and moves
scenarios as undo steps (editor.document.scenario_edits). Saving writes all scenarios. "Saved" means
the undo stack is clean. Opening and saving go through model.fileformat, so the file contract
(validation, atomic writes) is the same as on the command line. A document also remembers the file
as it last read or wrote it (DiskState), to notice another program's change before overwriting it.
Once a window shows it (acquire_lock()), it holds its file's lock (editor.document.locking) and
moves it along on Save As; any save refuses a file another editor holds.
Imports: the standard library, PySide6 (QtCore, QtGui), model, editor (controller, locking,
scenario_edits, i18n).
"""
from __future__ import annotations

import hashlib
import os
import uuid
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoStack

from editor.document.controller import EditController
from editor.document.locking import DocumentLock, FileInUseError, LockOwner
from editor.document.scenario_edits import ScenarioEdits
from editor.i18n import error_text, tr
from model import JourneyMap, ModelError
from model.fileformat import read_journey_bytes
from model.fileformat.tempfiles import remove_stale_temp_files
from model.scenarios import ScenarioSet, dumps_document, loads_document, save_document
from model.templates import load_template

TEMP_FILE_AGE_S = 60  # younger temp files may be another editor's save in progress


@dataclass(frozen=True)
class DiskState:
    """A file's content as this editor last read or wrote it: its size and SHA-256 (and the
    modification time it had then, for the record; a change may keep size and time)."""

    size: int
    mtime_ns: int
    sha256: str

    @classmethod
    def of_content(cls, content: bytes, path: Path | str) -> DiskState:
        """The state of ``path`` holding exactly ``content``: what this editor read or wrote,
        never a second read of the file, which another program may have changed meanwhile."""
        try:
            mtime_ns = os.stat(path).st_mtime_ns
        except OSError:
            mtime_ns = 0
        return cls(len(content), mtime_ns, hashlib.sha256(content).hexdigest())

    def differs_from(self, path: Path | str) -> bool:
        """True when the file now holds other content (compared by hash, whatever its size and
        time say); a file only touched, or gone, is not."""
        try:
            return os.stat(path).st_size != self.size or _sha256(path) != self.sha256
        except OSError:
            return False  # missing or unreadable: the save itself will say what is wrong

    def to_dict(self) -> dict:
        return {"size": self.size, "mtime_ns": self.mtime_ns, "sha256": self.sha256}

    @classmethod
    def from_dict(cls, data: object) -> DiskState | None:
        try:
            return cls(int(data["size"]), int(data["mtime_ns"]), str(data["sha256"]))
        except (TypeError, KeyError, ValueError):
            return None


def _sha256(path: Path | str) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def clean_temp_files(path: Path | str) -> None:
    """Remove the temp files an interrupted save of ``path`` left beside it (older than a minute)."""
    remove_stale_temp_files(path, older_than_s=TEMP_FILE_AGE_S)


class Document(QObject):
    modified_changed = Signal(bool)
    path_changed = Signal(object)
    step_skipped = Signal(str)  # an undo or redo that no longer applies was skipped: why
    controller_made = Signal(str, object)  # (scenario id, EditController): a live session's hook

    def __init__(self, journey: JourneyMap | ScenarioSet, path: Path | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        # A map alone is a document of one scenario (as-is / 現状).
        self.scenarios = journey if isinstance(journey, ScenarioSet) else ScenarioSet.of_map(journey)
        # Absolute at once: the path outlives the working directory (an autosaved copy is
        # restored by an editor started elsewhere; a dialog may change the directory).
        self.path = _absolute(path) if path else None
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)
        self._controllers: dict[str, EditController] = {}
        self.scenario_edits = ScenarioEdits(self.scenarios, self.undo_stack,
                                            _weak(self._report_skip))
        self.disk_state: DiskState | None = None  # the file as last read or written
        self.lock: DocumentLock | None = None  # held while this editor may write self.path
        self.keeps_lock = False  # set by acquire_lock(): a window's document keeps its file locked
        self.read_only = False  # another editor holds the file: Save goes to Save As
        self.recovery_id = uuid.uuid4().hex  # names this document's autosaved copy

    @property
    def journey(self) -> JourneyMap:
        """The current scenario's map."""
        return self.scenarios.journey

    @property
    def controller(self) -> EditController:
        """The current scenario's controller."""
        return self.controller_for(self.scenarios.current_id)

    def controller_for(self, scenario_id: str) -> EditController:
        """The controller of a scenario's map (made on first use; a new one when the id now
        names another map, e.g. a peer's scenario under a reused id)."""
        journey = self.scenarios.scenario(scenario_id).journey
        controller = self._controllers.get(scenario_id)
        if controller is None or controller.journey is not journey:
            controller = EditController(journey, self.undo_stack, self)
            focus = _weak(self._focus)
            controller.gate.focus = lambda: focus(scenario_id, journey)
            controller.step_skipped.connect(self._forward_skip)
            self._controllers[scenario_id] = controller
            self.controller_made.emit(scenario_id, controller)
        return controller

    def controllers(self) -> dict[str, EditController]:
        """The controllers made so far, by scenario id."""
        return dict(self._controllers)

    def _focus(self, scenario_id: str, journey: JourneyMap) -> None:
        """Before a map step replays: show its scenario (refused when that map is gone)."""
        if not self.scenarios.has(scenario_id) or \
                self.scenarios.scenario(scenario_id).journey is not journey:
            raise ModelError(tr("its scenario was deleted"))
        self.scenarios.set_current(scenario_id)

    def _forward_skip(self, message: str) -> None:
        self.step_skipped.emit(message)

    def _report_skip(self, is_redo: bool, error: ModelError) -> None:
        word = tr("Redo skipped") if is_redo else tr("Undo skipped")
        self.step_skipped.emit(f"{word}: {error_text(error)}")

    def _on_clean_changed(self, clean: bool) -> None:
        self.modified_changed.emit(not clean)

    @classmethod
    def open(cls, path: Path | str, parent: QObject | None = None) -> Document:
        """Load a file; raises JourneyFileError (the map is not half-built) on any problem.

        The file is not locked yet: acquire_lock() says whether another editor has it.
        """
        content = read_journey_bytes(path)  # read once: the map and its disk state agree
        document = cls(loads_document(content, source=path), Path(path), parent)
        document.disk_state = DiskState.of_content(content, path)
        clean_temp_files(path)
        return document

    def copy_untitled(self, parent: QObject | None = None) -> Document:
        """An untitled document with the same scenarios, for when the file is someone else's."""
        return Document(loads_document(dumps_document(self.scenarios)), None, parent)

    @classmethod
    def from_template(cls, template_id: str, language: str,
                      parent: QObject | None = None) -> Document:
        return cls(load_template(template_id, language), None, parent)

    def is_modified(self) -> bool:
        return not self.undo_stack.isClean()

    def display_name(self) -> str:
        if self.path:
            return self.path.name
        return self.journey.title or QCoreApplication.translate("Document", "Untitled")

    def save(self, path: Path | str | None = None) -> None:
        """Write atomically; on failure raise JourneyFileError and stay modified.

        Saving to a file takes its lock first (FileInUseError when another editor has it); a
        document that keeps its lock then holds the new file's lock and no longer the old one.
        """
        target = _absolute(path) if path else self.path
        if target is None:
            raise ValueError("no path to save to")
        lock = self._lock_for(target)
        try:
            written = save_document(self.scenarios, target)
        except BaseException:
            if lock is not self.lock:
                lock.release()
            raise
        self._keep_lock(lock)
        self.disk_state = DiskState.of_content(written, target)
        clean_temp_files(target)
        self.undo_stack.setClean()
        if target != self.path:
            self.path = target
            self.path_changed.emit(target)

    # ----------------------------------------------------------------- the file on disk
    def changed_on_disk(self) -> bool:
        """True when another program changed the file since this document read or wrote it."""
        return (self.path is not None and self.disk_state is not None
                and self.disk_state.differs_from(self.path))

    def mark_recovered(self) -> None:
        """Modified with nothing to undo: a map restored after a crash is not the saved file."""
        self.undo_stack.resetClean()

    # ----------------------------------------------------------------- the lock
    def acquire_lock(self) -> bool:
        """Lock self.path against other editors, now and after each Save As; False when another
        editor holds it (see lock_owner())."""
        self.keeps_lock = True
        if self.path is None:
            return True
        if self.lock is None or not _same_file(self.lock.path, self.path):
            self.release_lock()
            self.lock = DocumentLock(self.path)
        return self.lock.acquire()

    @property
    def lock_problem(self) -> str | None:
        """Why the file could not be locked, while this document has it open unlocked."""
        if self.lock is None or self.lock.is_held() or self.path is None:
            return None
        return self.lock.problem if _same_file(self.lock.path, self.path) else None

    def lock_owner(self) -> LockOwner | None:
        return self.lock.owner() if self.lock is not None else None

    def release_lock(self) -> None:
        if self.lock is not None:
            self.lock.release()

    def _lock_for(self, target: Path) -> DocumentLock:
        """The lock that allows writing ``target``: the one held, or a newly taken one."""
        if self.lock is not None and self.lock.is_held() and _same_file(self.lock.path, target):
            return self.lock
        lock = DocumentLock(target)
        if not lock.acquire():
            raise FileInUseError(target, lock.owner())
        return lock

    def _keep_lock(self, lock: DocumentLock) -> None:
        if not self.keeps_lock:
            lock.release()
            return
        if lock is not self.lock:
            self.release_lock()
            self.lock = lock
        self.read_only = False


def _weak(method) -> Callable:
    """``method`` called through a weak reference: the controllers and scenario steps the
    document owns must not keep it alive in a cycle (the collector would then delete it, and
    its undo stack, at a random later moment, while Qt still delivers the stack's signals)."""
    ref = weakref.WeakMethod(method)

    def call(*args):
        bound = ref()
        return bound(*args) if bound is not None else None
    return call


def _absolute(path: Path | str) -> Path:
    """Absolute without resolving symlinks: a link's name is the name the person chose."""
    return Path(os.path.abspath(path))


def _same_file(a: Path, b: Path) -> bool:
    return os.path.abspath(a) == os.path.abspath(b)
