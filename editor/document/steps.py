"""Undo steps as the user sees them: StepCommand holds the model commands of one edit (one, or a
macro's several) and StepGate is where a live session puts its "one Yjs transaction per step".

Every step's model calls, when first done and when undone or redone, run inside
``gate.step(undo)``; without a live session that is a plain block. An undo or redo that no longer
applies (the model refuses it, or the session refuses it as an ``UndoConflict``, which is a
``ModelError``) is put back whole and skipped: the command marks itself obsolete, so QUndoStack
drops it and the stack stays usable, and the gate reports the skip (a status-bar word, never a
dialog). Imports: PySide6.QtGui (QUndoCommand) and model only (no editor room: a live session
installs its hook here, so this room never imports editor.live).
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext

from PySide6.QtGui import QUndoCommand

from model import ModelError

log = logging.getLogger(__name__)
StepHook = Callable[[bool], AbstractContextManager]


class StepGate:
    """``hook(undo)`` gives the context every step runs in (a live session's ``local_step``);
    ``on_skipped(is_redo, error)`` hears of a step that was skipped; ``focus()``, when set, runs
    before an undo or redo replays (the document shows the step's scenario first; a ModelError
    from it skips the step)."""

    def __init__(self, on_skipped: Callable[[bool, ModelError], None]) -> None:
        self.hook: StepHook | None = None
        self.on_skipped = on_skipped
        self.focus: Callable[[], None] | None = None

    def step(self, undo: bool) -> AbstractContextManager:
        return self.hook(undo) if self.hook is not None else nullcontext()


class StepCommand(QUndoCommand):
    """One undo step: ``parts`` ran as they were pushed (EditController._push), so the first
    redo, from QUndoStack.push, does nothing."""

    def __init__(self, text: str, gate: StepGate) -> None:
        super().__init__(text)
        self.parts: list[QUndoCommand] = []
        self._gate = gate
        self._pushed = False

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True
            return
        self._replay(redo=True)

    def undo(self) -> None:
        self._replay(redo=False)

    def _replay(self, redo: bool) -> None:
        parts = self.parts if redo else self.parts[::-1]
        try:
            if self._gate.focus is not None:
                self._gate.focus()
            with self._gate.step(undo=True):
                self._run_all(parts, redo)
        except ModelError as exc:
            self.setObsolete(True)  # QUndoStack deletes it; the steps around it stay usable
            self._gate.on_skipped(redo, exc)

    @staticmethod
    def _run_all(parts: list[QUndoCommand], redo: bool) -> None:
        """All parts or none: a part the model refuses puts the earlier ones back first."""
        done = []
        try:
            for part in parts:
                part.redo() if redo else part.undo()
                done.append(part)
        except ModelError:
            for part in reversed(done):
                try:
                    part.undo() if redo else part.redo()
                except ModelError:  # pragma: no cover - the inverse of what just ran
                    log.exception("could not put back part of a skipped step")
            raise

    def id(self) -> int:
        return self.parts[0].id() if len(self.parts) == 1 else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        # Only steps of one controller (one scenario's map) merge: copies keep element ids, so
        # typing in the same card of two scenarios would otherwise become one step.
        return (isinstance(other, StepCommand) and other._gate is self._gate
                and len(self.parts) == len(other.parts) == 1
                and self.parts[0].mergeWith(other.parts[0]))
