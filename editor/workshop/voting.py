"""VoteController (``window.workshop.votes``): a dot vote as the window runs it.

Workshop → Start Vote… (the dialog, editor.workshop.vote_dialog), End Vote, Reveal Votes; the
dots placed by clicking cards (editor.workshop.vote_clicks); whose dots a click places ("the
participant picked": me by default, or someone the facilitator records for on one machine);
the remaining dots, in the votes dock and in a small label over the canvas; what a refusal
means, in the user's words. The map's ``scene.card_marks`` (editor.canvas.card_marks) draws
the dots and follows the participant picked. Every change goes through
``controller.workshop`` (one undo step each).
Imports: PySide6, model, editor (i18n, canvas.card_marks, workshop vote modules).
"""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QMainWindow

from editor.i18n import error_text, tr
from editor.workshop.vote_dialog import StartVoteDialog, VotePresets
from editor.workshop.vote_overlay import DotsOverlay
from model import Card, ModelError
from model.layout.appearance import CARD_KIND_LABELS, label_language


class VoteController(QObject):
    changed = Signal()  # the vote, the participant picked, or someone's dots changed
    started = Signal()  # a vote started (here, or by the facilitator of a live session)
    # Someone joined, left or moved: they name no card (the model refuses to remove anyone
    # still named), so the lists of dots stay as they are; only the list of people changes.
    people_changed = Signal()

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.scene = self.controller = None
        self.picked: str | None = None  # the participant whose dots a click places; None: me
        self.presets = VotePresets(window.settings)
        self.overlay: DotsOverlay | None = None
        self.presenting = False

    # ----------------------------------------------------------------- the map shown
    def set_scene(self, scene, controller) -> None:
        if self.controller is not None:
            self.controller.journey.events.disconnect(self._on_event)
        self.scene, self.controller, self.picked = scene, controller, None
        if controller is not None:
            controller.journey.events.connect(self._on_event)
            if self.overlay is None:
                self.overlay = DotsOverlay(self.window.view)
        self.changed.emit()
        self._show_remaining()

    @property
    def journey(self):
        return self.controller.journey if self.controller is not None else None

    def _on_event(self, event) -> None:
        kind = event.type
        if kind == "participant_removed" and event.participant_id == self.picked:
            self.pick(None)
        if kind == "vote_round_changed" and "active" in event.fields and self.journey.vote_round().active:
            self.started.emit()  # here or on the facilitator's machine: the dock comes forward
        if kind in ("vote_round_changed", "participant_changed") or (
                kind == "card_changed" and "dots" in event.payload.get("fields", ())):
            self.changed.emit()
            self._show_remaining()
        elif kind in ("participant_added", "participant_removed", "participant_moved"):
            self.people_changed.emit()
            self._show_remaining()

    # ----------------------------------------------------------------- who
    def my_id(self) -> str | None:
        """My participant id, or None before I took part (no participant is made to look)."""
        if self.controller is None:
            return None
        found = self.journey.participant_named(self.controller.workshop.my_name())
        return found.id if found is not None else None

    def viewer_id(self) -> str | None:
        return self.picked or self.my_id()

    def pick(self, participant_id: str | None) -> None:
        """Whose dots the clicks place and the canvas shows (None: mine)."""
        self.picked = participant_id if participant_id != self.my_id() else None
        marks = getattr(self.scene, "card_marks", None)
        if marks is not None:
            marks.set_viewer(self.picked)
        self.changed.emit()
        self._show_remaining()

    def add_participant(self, name: str) -> str | None:
        name = " ".join(name.split())[:80]
        if not name or self.controller is None:
            return None
        existing = self.journey.participant_named(name)
        participant_id = existing.id if existing else self.controller.workshop.add_participant(name)
        self.pick(participant_id)
        return participant_id

    def name_of(self, participant_id: str | None) -> str:
        if participant_id is None:
            return self.controller.workshop.my_name() if self.controller else ""
        return self.journey.participant(participant_id).name

    # ----------------------------------------------------------------- the vote's verbs
    def start_vote_dialog(self) -> None:
        if self.controller is None:
            return
        earlier = any(card.dots for card in self.journey.cards())
        dialog = StartVoteDialog(self.window, self.presets, self.window.language, earlier)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            chosen = dialog.settings()
            if self._run(lambda: self.controller.workshop.start_vote(
                    chosen.dots, chosen.kinds, chosen.max_per_card, chosen.anonymous,
                    clear=dialog.clear.isChecked())):
                self._say(tr("Vote started: %1 dots each. Click a card to place a dot; "
                             "right-click to take one back.").replace("%1", str(chosen.dots)))
        dialog.deleteLater()

    def end_vote(self) -> None:
        if self.controller is not None and self.journey.vote_round().active:
            self._run(self.controller.workshop.stop_vote)

    def reveal_votes(self) -> None:
        if self.controller is not None and self.journey.vote_round().started_at:
            self._run(self.controller.workshop.reveal_votes)

    def _run(self, action) -> bool:
        try:
            action()
        except ModelError as error:
            self._say(error_text(error))  # the model's refusal, in the user's language
            return False
        return True

    # ----------------------------------------------------------------- dots
    def click_card(self, card_id: str) -> None:
        """A click on a card during the vote: one more dot, or (the card is at the limit, or
        no dot is left) one taken back from it."""
        card = self.journey.card(card_id)
        who = self.viewer_id()
        mine = card.dots.get(who, 0) if who else 0
        reason = self.refusal(card, who)
        if reason is None:
            if self._run(lambda: self.controller.workshop.add_dot(card_id, self.picked)):
                self._say(self._placed_text(tr("Dot placed on \"%1\"."), card))
        elif mine:
            self.take_back(card_id)
        else:
            self._say(reason)

    def explain(self, card_id: str) -> None:
        reason = self.refusal(self.journey.card(card_id), self.viewer_id())
        if reason:
            self._say(reason)

    def take_back(self, card_id: str) -> bool:
        """Right-click (or a click at the limit): one of the picked participant's dots back."""
        who = self.viewer_id()
        card = self.journey.card(card_id)
        if not who or not card.dots.get(who):
            return False
        if self._run(lambda: self.controller.workshop.remove_dot(card_id, self.picked)):
            self._say(self._placed_text(tr("Dot taken back from \"%1\"."), card))
        return True

    def refusal(self, card: Card, participant_id: str | None) -> str | None:
        """Why a dot on ``card`` would be refused, in the user's words; None if it would not."""
        vote = self.journey.vote_round()
        if not vote.active:
            return tr("No vote is running.")
        if not vote.votable(card.kind):
            labels = CARD_KIND_LABELS[label_language(self.window.language)]
            kinds = ", ".join(labels[k] for k in vote.kinds)
            return tr("This vote is on %1 cards only.").replace("%1", kinds)
        mine = card.dots.get(participant_id, 0) if participant_id else 0
        if vote.max_per_card and mine >= vote.max_per_card:
            return tr("%1 already has %2 dots on this card, the most one person may place.") \
                .replace("%1", self.name_of(participant_id)).replace("%2", str(mine))
        if participant_id and self.journey.remaining_dots(participant_id) <= 0:
            return tr("%1 has used all %2 dots.").replace("%1", self.name_of(participant_id)) \
                .replace("%2", str(vote.dots_per_participant))
        return None

    def remaining(self) -> tuple[int, int]:
        """(dots left, dots per participant) of the participant picked."""
        vote = self.journey.vote_round()
        who = self.viewer_id()
        left = self.journey.remaining_dots(who) if who else vote.dots_per_participant
        return (left if vote.active else 0, vote.dots_per_participant)

    def remaining_text(self) -> str:
        if self.controller is None or not self.journey.vote_round().active:
            return ""
        left, total = self.remaining()
        return tr("%1: %2 of %3 dots left").replace("%1", self.name_of(self.picked)) \
            .replace("%2", str(left)).replace("%3", str(total))

    def set_presenting(self, presenting: bool) -> None:
        """No clicks place dots while presenting: the label leaves the projector meanwhile."""
        self.presenting = presenting
        self._show_remaining()

    def _show_remaining(self) -> None:
        if self.overlay is not None:
            self.overlay.show_text("" if self.presenting else self.remaining_text())

    def _placed_text(self, template: str, card: Card) -> str:
        title = " ".join(card.title.split())[:40] or tr("(untitled)")
        return template.replace("%1", title) + " " + self.remaining_text()

    def _say(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 6000)
