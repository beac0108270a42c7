"""Locks that keep two Journey Map Editors from writing the same `.journey` file.

A document's lock is a QLockFile next to it (``.<name>.lock``, the name cut to 200 UTF-8 bytes
plus a hash when longer) or, when that folder cannot be written, one in the data folder named by
a hash of the file's path. Locks never go stale by age, because a workshop keeps a map open for
hours; Qt reclaims a lock whose process is gone on this host (a crashed editor). A lock that
cannot be made at all does not stop the work, but its ``problem`` says why, for the window to
tell the person. Also the question asked when a file is locked.
Imports: PySide6 (QtCore, QtWidgets), model.journey.errors.
"""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLockFile, QStandardPaths
from PySide6.QtWidgets import QMessageBox, QWidget

from editor.i18n import tr
from model.journey.errors import JourneyFileError

OPEN_READ_ONLY, OPEN_COPY, CANCEL = "read-only", "copy", "cancel"
_NAME_LIMIT_BYTES = 200

@dataclass(frozen=True)
class LockOwner:
    """Who holds a lock, as the lock file says."""

    pid: int
    host: str
    app: str

    def is_this_process(self) -> bool:
        return self.pid == os.getpid()


def data_folder() -> Path:
    """The user's data folder of this application (tests point it elsewhere)."""
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))


def folder_is_writable(folder: Path) -> bool:
    return os.access(folder, os.W_OK)


def lock_file_for(path: Path | str) -> Path:
    """Where the lock of ``path`` lives: beside it, or, when its folder exists but cannot be
    written, in the data folder by a hash of its path."""
    path = Path(os.path.abspath(path))
    if not path.parent.is_dir() or folder_is_writable(path.parent):
        return path.parent / f".{_short_name(path.name)}.lock"
    digest = hashlib.sha256(os.fsencode(path)).hexdigest()[:32]
    return data_folder() / "locks" / f"{digest}.lock"


def _short_name(name: str) -> str:
    """The name as is up to 200 UTF-8 bytes; longer, its first 180 bytes (whole characters) and
    a hash of the whole, so that the lock's name stays within the usual 255-byte limit (a legal
    name of 82 Japanese characters is 254 bytes) and two long names never share a lock."""
    encoded = name.encode("utf-8", errors="surrogateescape")
    if len(encoded) <= _NAME_LIMIT_BYTES:
        return name
    head = encoded[:_NAME_LIMIT_BYTES - 20].decode("utf-8", errors="ignore")
    return f"{head}~{hashlib.sha256(encoded).hexdigest()[:12]}"


def new_lock_file(path: Path | str) -> QLockFile:
    """A QLockFile that only a dead process on this host loses (no stale time)."""
    lock = QLockFile(str(path))
    lock.setStaleLockTime(0)
    return lock


class DocumentLock:
    """The lock of one document file, held by this editor while the document is open."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self.file = lock_file_for(self.path)
        self._lock = new_lock_file(self.file)
        self.problem: str | None = None  # why no lock could be made, when none could

    def acquire(self) -> bool:
        """False only when another editor holds the lock. When no lock can be made at all (no
        folder for it, a name the file system refuses), the work goes on unlocked and
        ``problem`` says why: the window tells the person, who may then take care."""
        self.problem = None
        if self._lock.isLocked():
            return True
        if self.file.parent != Path(os.path.abspath(self.path)).parent:
            try:  # the data folder's "locks"; never the document's own folder
                self.file.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                self.problem = tr("the folder for its lock cannot be made (%1)").replace(
                    "%1", exc.strerror or str(exc))
                return True
        if self._lock.tryLock(0):
            return True
        return self._lock_refused()

    def _lock_refused(self) -> bool:
        error = self._lock.error()
        if error == QLockFile.LockError.LockFailedError and (self.file.is_file()
                                                             or not self.file.exists()):
            return False  # another editor's lock (or one being written right now)
        if error == QLockFile.LockError.LockFailedError:
            self.problem = tr("something that is not a lock file has the lock's name %1").replace(
                "%1", self.file.name)
        elif error == QLockFile.LockError.PermissionError:
            self.problem = tr("its lock file %1 cannot be written").replace("%1", str(self.file))
        else:
            self.problem = tr("its lock file %1 cannot be made").replace("%1", str(self.file))
        return True

    def is_held(self) -> bool:
        return self._lock.isLocked()

    def owner(self) -> LockOwner | None:
        """The holder named in the lock file, or None when it cannot be read."""
        info = self._lock.getLockInfo()  # (0, "", "") when there is no readable lock file
        if not info or len(info) != 3 or not info[0]:
            return None
        pid, host, app = info
        return LockOwner(int(pid), str(host), str(app))

    def release(self) -> None:
        if self._lock.isLocked():
            self._lock.unlock()


class FileInUseError(JourneyFileError):
    """A save refused because another editor holds the file's lock."""

    def __init__(self, path: Path | str, owner: LockOwner | None) -> None:
        super().__init__(path, in_use_reason(owner))
        self.owner = owner


def in_use_reason(owner: LockOwner | None) -> str:
    if owner is None:
        return tr("is open in another Journey Map Editor")
    if owner.is_this_process():
        return tr("is already open in another window of this Journey Map Editor")
    return (tr("is open in another Journey Map Editor (pid %1 on host %2)")
            .replace("%1", str(owner.pid)).replace("%2", owner.host or "?"))


def in_use_sentence(path: Path | str, owner: LockOwner | None) -> str:
    """The whole sentence, so that a translation can order its words freely."""
    if owner is None:
        text = tr("\"%1\" is open in another Journey Map Editor.")
    elif owner.is_this_process():
        text = tr("\"%1\" is already open in another window of this Journey Map Editor.")
    else:
        text = (tr("\"%1\" is open in another Journey Map Editor (pid %2 on host %3).")
                .replace("%2", str(owner.pid)).replace("%3", owner.host or "?"))
    return text.replace("%1", Path(path).name)


def not_locked_sentence(path: Path | str, problem: str) -> str:
    """What the window says when a file opens or is saved without its lock."""
    return (tr('"%1" could not be locked: %2. Another Journey Map Editor could open it too, and '
               "the two would overwrite each other's changes: keep it open in one editor only.")
            .replace("%1", Path(path).name).replace("%2", problem))


def ask_locked_choice(parent: QWidget | None, path: Path, owner: LockOwner | None) -> str:
    """Ask what to do with a file another editor holds: OPEN_READ_ONLY, OPEN_COPY or CANCEL."""
    box = QMessageBox(QMessageBox.Icon.Warning, tr("File in use"), in_use_sentence(path, owner),
                      QMessageBox.StandardButton.NoButton, parent)
    box.setInformativeText(tr("Two editors saving the same file would overwrite each other's "
                              "changes. Open it read-only, or open a copy to save elsewhere."))
    read_only = box.addButton(tr("Open &Read-Only"), QMessageBox.ButtonRole.AcceptRole)
    copy = box.addButton(tr("Open a &Copy"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(read_only)
    box.exec()
    clicked = box.clickedButton()
    return OPEN_READ_ONLY if clicked is read_only else OPEN_COPY if clicked is copy else CANCEL
