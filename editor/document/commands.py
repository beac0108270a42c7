"""Undo commands: each redo/undo is one to three calls on the model, nothing else.

Commands never touch the scene: the model's events update the view. Removals keep the model's
``Removal`` record so undo restores exactly (same index, same dependents). Editing the same field
of the same element repeatedly (typing in the inspector) merges into one undo step.
Imports: PySide6.QtGui (QUndoCommand) and model only.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtGui import QUndoCommand

from model import Card, CardLink, CardPlace, JourneyMap, ModelError, Transition

MERGE_ID_UPDATE = 1001
MERGE_ID_UPDATE_MANY = 1002


class ModelCommand(QUndoCommand):
    """Base of our commands: ``do`` is the redo. If the model refuses the first ``do``, the
    command marks itself obsolete, so QUndoStack.push drops it instead of keeping a step that
    cannot be undone; the controller then raises the kept ``error``."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.error: ModelError | None = None
        self._done = False

    def redo(self) -> None:
        if self._done:
            self.do()
            return
        self._done = True
        try:
            self.do()
        except ModelError as exc:
            self.error = exc
            self.setObsolete(True)

    def do(self) -> None:
        raise NotImplementedError  # pragma: no cover - every command says what it does


class AddCardCommand(ModelCommand):
    def __init__(self, journey: JourneyMap, card: Card, place: CardPlace, text: str = "") -> None:
        super().__init__(text or "Add card")
        self._journey, self._card, self._place = journey, card, place

    def do(self) -> None:
        self._journey.add_card(self._card, self._place.stage, self._place.lane, self._place.index)

    def undo(self) -> None:
        self._journey.remove_card(self._card.id)


class AddElementCommand(ModelCommand):
    """Adds a stage, lane, segment or path at an index; undo removes it again."""

    def __init__(self, journey: JourneyMap, kind: str, element: Any, index: int | None,
                 text: str = "") -> None:
        super().__init__(text or f"Add {kind}")
        self._journey, self._kind, self._element, self._index = journey, kind, element, index

    def do(self) -> None:
        getattr(self._journey, f"add_{self._kind}")(self._element, self._index)

    def undo(self) -> None:
        getattr(self._journey, f"remove_{self._kind}")(self._element.id)


class AddRelationCommand(ModelCommand):
    """Adds a transition or a card link."""

    def __init__(self, journey: JourneyMap, kind: str, element: Transition | CardLink,
                 text: str = "") -> None:
        super().__init__(text or f"Add {kind}")
        self._journey, self._kind, self._element = journey, kind, element

    def do(self) -> None:
        getattr(self._journey, f"add_{self._kind}")(self._element)

    def undo(self) -> None:
        getattr(self._journey, f"remove_{self._kind}")(self._element.id)


class RemoveRelationCommand(AddRelationCommand):
    def __init__(self, journey: JourneyMap, kind: str, element_id: str, text: str = "") -> None:
        element = getattr(journey, kind)(element_id)
        super().__init__(journey, kind, element, text or f"Delete {kind}")

    def do(self) -> None:
        super().undo()

    def undo(self) -> None:
        super().do()


class RemoveElementCommand(ModelCommand):
    """Removes a card, stage, lane, segment or path with its dependents; undo restores all."""

    def __init__(self, journey: JourneyMap, kind: str, element_id: str, text: str = "") -> None:
        super().__init__(text or f"Delete {kind}")
        self._journey, self._kind, self._id = journey, kind, element_id
        self._record = None

    def do(self) -> None:
        self._record = getattr(self._journey, f"remove_{self._kind}")(self._id)

    def undo(self) -> None:
        self._journey.restore(self._record)


class MoveCardsCommand(ModelCommand):
    """Moves cards into one cell at an index, keeping their relative order; one undo step.

    Each card goes first to the end of the target cell, then to its final index: after the first
    pass the target holds the other cards then the moved ones, so the second pass can insert each
    at its final index in order. Undo replays the exact inverse of every step in reverse.
    """

    def __init__(self, journey: JourneyMap, card_ids: list[str], stage_id: str, lane_id: str,
                 index: int, text: str = "") -> None:
        super().__init__(text or ("Move card" if len(card_ids) == 1 else f"Move {len(card_ids)} cards"))
        self._journey, self._ids = journey, list(card_ids)
        self._target, self._index = (stage_id, lane_id), index
        self._undo_steps: list[tuple[str, CardPlace]] = []

    def do(self) -> None:
        stage_id, lane_id = self._target
        self._undo_steps = []
        try:
            for pass_index in (None, "final"):
                for offset, card_id in enumerate(self._ids):
                    index = None if pass_index is None else self._index + offset
                    place = self._journey.card_place(card_id)
                    self._journey.move_card(card_id, stage_id, lane_id, index)
                    self._undo_steps.append((card_id, place))
        except ModelError:
            self.undo()  # leave the map as it was before this command
            raise

    def undo(self) -> None:
        for card_id, place in reversed(self._undo_steps):
            self._journey.move_card(card_id, place.stage, place.lane, place.index)


class MoveOrderedCommand(ModelCommand):
    """Reorders a stage or lane."""

    def __init__(self, journey: JourneyMap, kind: str, element_id: str, new_index: int,
                 text: str = "") -> None:
        super().__init__(text or f"Move {kind}")
        self._journey, self._kind, self._id, self._new = journey, kind, element_id, new_index
        self._old = getattr(journey, f"{kind}_index")(element_id)

    def do(self) -> None:
        getattr(self._journey, f"move_{self._kind}")(self._id, self._new)

    def undo(self) -> None:
        getattr(self._journey, f"move_{self._kind}")(self._id, self._old)


class UpdateCommand(ModelCommand):
    """Changes fields of one element (card, stage, lane, segment, transition, path) or the map.

    Consecutive updates of the same fields of the same element merge when ``mergeable`` (typing in
    an inspector field), so one word typed is one undo step, not one per key.
    """

    def __init__(self, journey: JourneyMap, kind: str, element_id: str | None,
                 changes: dict[str, Any], mergeable: bool = False, text: str = "",
                 merge_session: int = 0) -> None:
        super().__init__(text or f"Edit {kind}")
        self._journey, self._kind, self._id = journey, kind, element_id
        self._new = dict(changes)
        current = self._current()
        self._old = {name: getattr(current, name) for name in changes}
        self._mergeable = mergeable
        self._merge_session = merge_session  # a new session (focus moved) starts a new step

    def _current(self) -> Any:
        return self._journey if self._kind == "map" else getattr(self._journey, self._kind)(self._id)

    def _apply(self, values: dict[str, Any]) -> None:
        if self._kind == "map":
            self._journey.set_fields(**values)
        else:
            getattr(self._journey, f"update_{self._kind}")(self._id, **values)

    def do(self) -> None:
        self._apply(self._new)

    def undo(self) -> None:
        self._apply(self._old)

    def id(self) -> int:
        return MERGE_ID_UPDATE if self._mergeable else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, UpdateCommand) or not other._mergeable or other.error:
            return False
        if (other._kind, other._id, set(other._new), other._merge_session) != (
                self._kind, self._id, set(self._new), self._merge_session):
            return False
        self._new = dict(other._new)
        return True



class UpdateManyCommand(ModelCommand):
    """Changes fields of several elements of one kind as one undo step (cards edited together).

    ``changes`` maps each element id to its new values; they may differ per element (a segment
    ticked adds it to each card's own list). If the model refuses one element, the ones already
    changed are put back first. Typing into a shared field merges like UpdateCommand.
    """

    def __init__(self, journey: JourneyMap, kind: str, changes: dict[str, dict[str, Any]],
                 mergeable: bool = False, text: str = "", merge_session: int = 0) -> None:
        super().__init__(text or f"Edit {len(changes)} {kind}s")
        self._journey, self._kind = journey, kind
        self._new = {element_id: dict(values) for element_id, values in changes.items()}
        getter = getattr(journey, kind)
        self._old = {element_id: {name: getattr(getter(element_id), name) for name in values}
                     for element_id, values in self._new.items()}
        self._mergeable, self._merge_session = mergeable, merge_session

    def _apply_all(self, values: dict[str, dict[str, Any]], rollback: dict[str, dict[str, Any]]) -> None:
        update = getattr(self._journey, f"update_{self._kind}")
        done = []
        try:
            for element_id, fields in values.items():
                update(element_id, **fields)
                done.append(element_id)
        except ModelError:
            for element_id in reversed(done):
                update(element_id, **rollback[element_id])
            raise

    def do(self) -> None:
        self._apply_all(self._new, self._old)

    def undo(self) -> None:
        self._apply_all(dict(reversed(self._old.items())), self._new)

    def _merge_key(self) -> tuple:
        return (self._kind, {i: frozenset(v) for i, v in self._new.items()}, self._merge_session)

    def id(self) -> int:
        return MERGE_ID_UPDATE_MANY if self._mergeable else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, UpdateManyCommand) or not other._mergeable or other.error:
            return False
        if other._merge_key() != self._merge_key():
            return False
        self._new = {element_id: dict(values) for element_id, values in other._new.items()}
        return True
