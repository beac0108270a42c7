"""EditController: the one door through which every user edit reaches the model.

Each public method validates what the user asked for, builds one undo command (a macro for
several elements) and pushes it on the document's QUndoStack; the command calls the model, whose
events update the scene. Items, the scene and the main window never call model mutators.
Each command's model calls run inside ``gate.step()`` (editor.document.steps), where a live
session (editor.live) installs its one-transaction-per-step hook; an undo or redo that no longer
applies is skipped and reported by ``step_skipped``, never raised.
Card edits are stamped with who made them and when (``workshop.stamp_edit``); the workshop's
own actions (votes, comments, parking lot, ...) live in ``self.workshop`` (workshop_edits.py).
Imports: PySide6 (QtCore, QtGui), model, editor.document (commands, steps, undo_texts,
workshop_edits).
"""
from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from editor.document.commands import (
    AddCardCommand,
    AddElementCommand,
    AddRelationCommand,
    MoveCardsCommand,
    MoveOrderedCommand,
    RemoveElementCommand,
    RemoveRelationCommand,
    UpdateCommand,
    UpdateManyCommand,
)
from editor.document.steps import StepCommand, StepGate
from editor.document.undo_texts import cards_update_text, update_text
from editor.document.workshop_edits import WorkshopEdits
from editor.i18n import tr
from model import (
    Card,
    CardKind,
    CardLink,
    CardPlace,
    JourneyMap,
    Lane,
    LaneKind,
    ModelError,
    Stage,
    Transition,
    TransitionKind,
)
from model.journey.entities import JourneyPath, Segment


def new_id(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


class EditController(QObject):
    step_skipped = Signal(str)  # an undo or redo that no longer applies was skipped: why

    def __init__(self, journey: JourneyMap, undo_stack: QUndoStack, parent: QObject | None = None):
        super().__init__(parent)
        self.journey = journey
        self.undo_stack = undo_stack
        self.gate = StepGate(self._report_skip)
        self._merge_session = 0
        self._macro: StepCommand | None = None
        self.workshop = WorkshopEdits(self)  # votes, private rounds, comments, parking lot

    def _push(self, command) -> None:
        """Do one command and keep it as an undo step (or a part of the open macro's); a change
        the model refuses leaves the map and the stack untouched and raises its ModelError
        here, where the caller can tell the user."""
        with self.gate.step(undo=False):
            command.redo()
        if command.error is not None:
            raise command.error
        step = self._macro or StepCommand(command.text(), self.gate)
        step.parts.append(command)
        if step is not self._macro:
            self.undo_stack.push(step)

    def _report_skip(self, is_redo: bool, error: ModelError) -> None:
        word = tr("Redo skipped") if is_redo else tr("Undo skipped")
        self.step_skipped.emit(f"{word}: {error}")

    @property
    def merge_session(self) -> int:
        return self._merge_session

    def end_merge(self) -> None:
        """Typing that follows starts a new undo step (the user left the field, or came back)."""
        self._merge_session += 1

    @contextmanager
    def macro(self, text: str, step_type: type[StepCommand] = StepCommand) -> Iterator[None]:
        """Group the commands pushed inside into one undo step (a nested macro joins the outer)."""
        if self._macro is not None:
            yield
            return
        self._macro = step_type(text, self.gate)
        try:
            with self.gate.step(undo=False):
                yield
        finally:
            step, self._macro = self._macro, None
            if step.parts:
                self.undo_stack.push(step)

    @contextmanager
    def atomic(self, text: str) -> Iterator[None]:
        """A macro that is all or nothing: if a part is refused, the parts pushed inside are
        undone and the ModelError goes on (an edit that adds me as a participant first)."""
        with self.macro(text, _LastPartMerges):
            step = self._macro
            start = len(step.parts)
            try:
                yield
            except ModelError:
                done = step.parts[start:]
                del step.parts[start:]
                for part in reversed(done):
                    part.undo()
                raise

    # ----------------------------------------------------------------- cards
    def add_card(self, kind: CardKind | str, stage_id: str, lane_id: str, index: int | None = None,
                 title: str = "", **fields: Any) -> str:
        place = CardPlace(stage_id, lane_id,
                          len(self.journey.cell_card_ids(stage_id, lane_id)) if index is None else index)
        with self.atomic(tr("Add card")):
            card = self.workshop.stamp_new(Card(new_id("card"), CardKind(kind), title, **fields))
            self._push(AddCardCommand(self.journey, card, place, tr("Add card")))
        return card.id

    def add_cards(self, cards: Iterable[tuple[Card, CardPlace]], text: str) -> list[str]:
        """Add several cards (paste, duplicate) as one undo step; each gets a fresh id."""
        added = []
        with self.macro(text):
            for card, place in cards:
                fresh = self.workshop.stamp_new(_fresh_card(card, self.journey))
                self._push(AddCardCommand(self.journey, fresh, place))
                added.append(fresh.id)
        return added

    def duplicate_cards(self, card_ids: list[str]) -> list[str]:
        copies, earlier = [], Counter()
        for card_id in self._in_journey_order(card_ids):
            place = self.journey.card_place(card_id)
            # Each copy goes right after its card, shifted by the copies made earlier in the same
            # cell only: counting every copy put the index past the end of a smaller cell.
            cell = (place.stage, place.lane)
            copies.append((self.journey.card(card_id), CardPlace(place.stage, place.lane,
                                                                 place.index + 1 + earlier[cell])))
            earlier[cell] += 1
        return self.add_cards(copies, tr("Duplicate cards")) if copies else []

    def move_cards(self, card_ids: list[str], stage_id: str, lane_id: str, index: int) -> None:
        """Move cards (in journey order) into a cell at ``index`` among the cell's other cards."""
        ordered = self._in_journey_order(card_ids)
        if not ordered or self._already_there(ordered, stage_id, lane_id, index):
            return
        self._push(MoveCardsCommand(self.journey, ordered, stage_id, lane_id, index,
                                              tr("Move cards") if len(ordered) > 1 else tr("Move card")))

    def move_cards_by(self, card_ids: list[str], stage_step: int, lane_step: int,
                      clamp: bool = False) -> bool:
        """Move each card by the same number of stages and lanes, to the end of its new cell, as
        one undo step (Ctrl+arrows, a drag of cards from several cells). A card that would leave
        the grid stops at its edge with ``clamp``; without, nothing moves and this is False."""
        stages, lanes = self.journey.stage_ids(), self.journey.lane_ids()
        targets = []
        for card_id in self._in_journey_order(card_ids):
            place = self.journey.card_place(card_id)
            s, ln = stages.index(place.stage) + stage_step, lanes.index(place.lane) + lane_step
            if clamp:
                s, ln = min(max(s, 0), len(stages) - 1), min(max(ln, 0), len(lanes) - 1)
            elif not (0 <= s < len(stages) and 0 <= ln < len(lanes)):
                return False
            if (stages[s], lanes[ln]) != (place.stage, place.lane):
                targets.append((card_id, stages[s], lanes[ln]))
        if not targets:
            return False
        with self.macro(tr("Move cards") if len(targets) > 1 else tr("Move card")):
            for card_id, stage_id, lane_id in targets:
                end = len([c for c in self.journey.cell_card_ids(stage_id, lane_id) if c != card_id])
                self._push(MoveCardsCommand(self.journey, [card_id], stage_id, lane_id, end))
        return True

    def update_card(self, card_id: str, mergeable: bool = False, **changes: Any) -> None:
        self._update("card", card_id, changes, mergeable)

    def update_cards(self, changes: dict[str, dict[str, Any]], mergeable: bool = False) -> None:
        """Edit several cards as one undo step; ``changes`` gives each card its own new values
        (the same for all when a shared field is set, per card when a segment is ticked)."""
        changed = {}
        for card_id, values in changes.items():
            card = self.journey.card(card_id)
            values = {k: v for k, v in values.items() if getattr(card, k) != v}
            if values:
                changed[card_id] = values
        if len(changed) == 1:
            (card_id, values), = changed.items()
            self._update("card", card_id, values, mergeable)
        elif changed:
            fields = {name for values in changed.values() for name in values}
            text = cards_update_text(fields, len(changed))
            with self.atomic(text):
                stamp = self.workshop.stamp_edit()  # who edited, and when: on every card
                changed = {card_id: {**values, **stamp} for card_id, values in changed.items()}
                self._push(UpdateManyCommand(self.journey, "card", changed, mergeable, text,
                                             self._merge_session))

    def _in_journey_order(self, card_ids: Iterable[str]) -> list[str]:
        # Sorts the given cards by their places, not the whole map (issue 12).
        journey = self.journey
        return journey.in_journey_order(c for c in card_ids if journey.element_type(c) == "card")

    def _already_there(self, ordered: list[str], stage_id: str, lane_id: str, index: int) -> bool:
        cell = self.journey.cell_card_ids(stage_id, lane_id)
        others = [c for c in cell if c not in ordered]
        return list(cell) == others[:index] + ordered + others[index:]

    # ----------------------------------------------------------------- stages, lanes, segments
    def add_stage(self, index: int | None = None, name: str = "") -> str:
        stage = Stage(new_id("stage"), name or tr("New stage"))
        self._push(AddElementCommand(self.journey, "stage", stage, index, tr("Add stage")))
        return stage.id

    def add_lane(self, index: int | None = None, name: str = "",
                 kind: LaneKind | str = LaneKind.TEXT) -> str:
        lane = Lane(new_id("lane"), name or tr("New lane"), LaneKind(kind))
        self._push(AddElementCommand(self.journey, "lane", lane, index, tr("Add lane")))
        return lane.id

    def add_segment(self, name: str, colour: str) -> str:
        segment = Segment(new_id("segment"), name, colour)
        self._push(AddElementCommand(self.journey, "segment", segment, None,
                                               tr("Add segment")))
        return segment.id

    def add_path(self, name: str, stage_ids: list[str], colour: str = "#e15759") -> str:
        path = JourneyPath(new_id("path"), name, tuple(stage_ids), colour)
        self._push(AddElementCommand(self.journey, "path", path, None, tr("Add path")))
        return path.id

    def move_stage(self, stage_id: str, new_index: int) -> None:
        if self.journey.stage_index(stage_id) != new_index:
            self._push(MoveOrderedCommand(self.journey, "stage", stage_id, new_index,
                                                    tr("Move stage")))

    def move_lane(self, lane_id: str, new_index: int) -> None:
        if self.journey.lane_index(lane_id) != new_index:
            self._push(MoveOrderedCommand(self.journey, "lane", lane_id, new_index,
                                                    tr("Move lane")))

    def update_stage(self, stage_id: str, mergeable: bool = False, **changes: Any) -> None:
        self._update("stage", stage_id, changes, mergeable)

    def update_lane(self, lane_id: str, mergeable: bool = False, **changes: Any) -> None:
        self._update("lane", lane_id, changes, mergeable)

    def update_segment(self, segment_id: str, mergeable: bool = False, **changes: Any) -> None:
        self._update("segment", segment_id, changes, mergeable)

    def update_path(self, path_id: str, mergeable: bool = False, **changes: Any) -> None:
        self._update("path", path_id, changes, mergeable)

    def update_map(self, mergeable: bool = False, **changes: Any) -> None:
        self._update("map", None, changes, mergeable)

    def _update(self, kind: str, element_id: str | None, changes: dict[str, Any],
                mergeable: bool) -> None:
        current = self.journey if kind == "map" else getattr(self.journey, kind)(element_id)
        changed = {k: v for k, v in changes.items() if getattr(current, k) != v}
        if not changed:
            return
        text = update_text(self.journey, kind, element_id, changed)
        with self.atomic(text):
            if kind == "card":  # who edited a card last, and when
                changed.update(self.workshop.stamp_edit())
            self._push(UpdateCommand(self.journey, kind, element_id, changed, mergeable,
                                     text, self._merge_session))

    # ----------------------------------------------------------------- transitions and links
    def add_transition(self, source: str, target: str, kind: TransitionKind | str | None = None,
                       trigger: str = "") -> str:
        kind = TransitionKind(kind) if kind else self.natural_kind(source, target)
        transition = Transition(new_id("transition"), source, target, kind, trigger)
        self._push(AddRelationCommand(self.journey, "transition", transition,
                                                tr("Add transition")))
        return transition.id

    def natural_kind(self, source: str, target: str) -> TransitionKind:
        step = self.journey.stage_index(target) - self.journey.stage_index(source)
        if step == 1:
            return TransitionKind.FORWARD
        return TransitionKind.SKIP if step > 1 else TransitionKind.BACK

    def update_transition(self, transition_id: str, mergeable: bool = False, **changes: Any) -> None:
        self._update("transition", transition_id, changes, mergeable)

    def add_link(self, source_card: str, target_card: str) -> str:
        link = CardLink(new_id("link"), source_card, target_card)
        self._push(AddRelationCommand(self.journey, "link", link, tr("Link cards")))
        return link.id

    # ----------------------------------------------------------------- deleting
    def remove(self, element_ids: Iterable[str]) -> None:
        """Delete any mix of cards, stages, lanes, segments, paths, transitions: one undo step."""
        ids = [i for i in element_ids if self.journey.has(i)]
        if not ids:
            return
        with self.macro(tr("Delete")):
            for element_id in self._removal_order(ids):
                if not self.journey.has(element_id):
                    continue  # went with an earlier removal (a card in a deleted stage)
                self._push(self._removal_command(element_id))

    def _removal_order(self, ids: list[str]) -> list[str]:
        # Relations first, then cards, then containers, so nothing is removed twice.
        rank = {"transition": 0, "link": 0, "comment": 0, "card": 1, "path": 2, "segment": 2,
                "parking_item": 2, "lane": 3, "stage": 3, "participant": 4}
        return sorted(ids, key=lambda i: rank.get(self.journey.element_type(i) or "", 9))

    def _removal_command(self, element_id: str):
        kind = self.journey.element_type(element_id)
        if kind in ("transition", "link"):
            return RemoveRelationCommand(self.journey, kind, element_id)
        if kind is None:
            raise ModelError(f"nothing to delete with id {element_id!r}")
        return RemoveElementCommand(self.journey, kind, element_id)


class _LastPartMerges(StepCommand):
    """An atomic step: typing that follows merges into its last part, so the first word typed
    by someone who joined the participants with it (two parts) is still one step with the rest."""

    def id(self) -> int:
        return self.parts[-1].id() if self.parts else -1

    def mergeWith(self, other) -> bool:
        return (isinstance(other, StepCommand) and len(other.parts) == 1 and bool(self.parts)
                and self.parts[-1].mergeWith(other.parts[0]))


def _fresh_card(card: Card, journey: JourneyMap) -> Card:
    """A copy of ``card`` with a new id, keeping only segments this map knows."""
    known = {s.id for s in journey.segments()}
    return Card(new_id("card"), card.kind, card.title, card.details, card.channel, card.owner,
                card.colour, tuple(s for s in card.segments if s in known), card.votes,
                card.feeling, card.stakes, card.actions, dict(card.extra))
