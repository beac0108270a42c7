"""LiveStatusLabel: the live session's state in the status bar (connected / reconnecting /
offline) and how many people are connected. Hidden when no session runs.
Imports: PySide6.
"""
from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

COLOURS = {"connected": "#2e7d32", "reconnecting": "#e65100", "offline": "#c62828",
           "connecting": "#555555"}


def connection_word(state: str) -> str:
    """A session's state as one of the words the status bar shows."""
    if state in ("connected", "serving"):
        return "connected"
    if state in ("connecting", "reconnecting"):
        return state
    return "offline"


class LiveStatusLabel(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.word = "offline"
        self.hosting = False
        self.count = 0
        self.reason = ""
        self.hide()

    def show_state(self, state: str, reason: str = "", hosting: bool = False) -> None:
        self.word, self.reason, self.hosting = connection_word(state), reason, hosting
        self._render()
        self.show()

    def show_count(self, connected: int) -> None:
        self.count = connected
        self._render()

    def _render(self) -> None:
        words = {"connected": self.tr("connected"), "reconnecting": self.tr("reconnecting…"),
                 "connecting": self.tr("connecting…"), "offline": self.tr("offline")}
        role = self.tr("Sharing live") if self.hosting else self.tr("Live")
        people = self.tr("participants: %1").replace("%1", str(self.count))
        self.setText(f"<span style='color:{COLOURS[self.word]}'>●</span> {role}: "
                     f"{words[self.word]} · {people}")
        self.setToolTip(self.reason)
