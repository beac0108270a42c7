"""PrivateRoundController (``window.workshop.private``): silent brainstorming in the window.

Workshop → Start Private Round: from then on each person's new cards are private (the
controller stamps them), shown to their author greyed with "hidden from others" and to
everyone else as a blank placeholder (editor.canvas.card_marks). End Private Round stops making
new cards private (those made stay hidden); Reveal Private Cards shows them all at once and
ends the round (one undo step). On one machine the projector is the audience: while presenting,
every private card is a placeholder until revealed (``card_marks.public``). A label in the
status bar says that a round runs and how many cards wait to be revealed.
Imports: PySide6, model, editor.i18n.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel, QMainWindow

from editor.i18n import error_text, tr
from model import ModelError


class PrivateRoundController(QObject):
    changed = Signal()

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.scene = self.controller = None
        self._update_due = False  # counted again at the end of this turn
        self.label = QLabel(window)
        self.label.setObjectName("private-round-label")
        self.label.hide()
        window.statusBar().addPermanentWidget(self.label)

    def set_scene(self, scene, controller) -> None:
        if self.controller is not None:
            self.controller.journey.events.disconnect(self._on_event)
        self.scene, self.controller = scene, controller
        if controller is not None:
            controller.journey.events.connect(self._on_event)
        self._update()

    def set_public(self, public: bool) -> None:
        """Presentation mode: the projector shows no private card, whoever wrote it."""
        marks = getattr(self.scene, "card_marks", None)
        if marks is not None:
            marks.set_public(public)

    def _on_event(self, event) -> None:
        # A remote peer's privacy change arrives as a card_changed of "private".
        if event.type in ("private_round_changed", "privacy_changed") \
                or "private" in event.payload.get("fields", ()):
            self._update()
        elif event.type in ("card_added", "card_removed"):
            self._update_once_per_burst()

    def _update_once_per_burst(self) -> None:
        """Now, then once more when the event loop's turn ends: counting the private cards reads
        every card, and deleting 500 cards sent 500 events (issue 12)."""
        if self._update_due:
            return
        self._update()
        self._update_due = True
        QTimer.singleShot(0, self, self._settle)

    def _settle(self) -> None:
        self._update_due = False
        self._update()

    def is_running(self) -> bool:
        return self.controller is not None and self.controller.journey.private_round().active

    def hidden_count(self) -> int:
        return len(self.controller.journey.private_card_ids()) if self.controller else 0

    def start(self) -> None:
        self._run(self.controller.workshop.start_private_round,
                  tr("Private round started: new cards are hidden from others until revealed."))

    def end(self) -> None:
        self._run(self.controller.workshop.end_private_round,
                  tr("Private round ended: new cards are shown again; the private ones wait "
                     "for the reveal."))

    def reveal(self) -> None:
        revealed = []
        self._run(lambda: revealed.extend(self.controller.workshop.reveal_private_cards()), "")
        self.window.statusBar().showMessage(
            tr("%1 private cards revealed.").replace("%1", str(len(revealed))), 6000)

    def _run(self, action, done: str) -> None:
        if self.controller is None:
            return
        try:
            action()
        except ModelError as error:
            self.window.statusBar().showMessage(error_text(error), 6000)
            return
        if done:
            self.window.statusBar().showMessage(done, 6000)

    def _update(self) -> None:
        running, hidden = self.is_running(), self.hidden_count()
        if running:
            text = tr("Private round · %1 cards hidden").replace("%1", str(hidden))
        elif hidden:
            text = tr("%1 private cards wait for the reveal").replace("%1", str(hidden))
        else:
            text = ""
        self.label.setText(text)
        self.label.setVisible(bool(text))
        self.changed.emit()
