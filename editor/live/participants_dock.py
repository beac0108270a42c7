"""ParticipantsDock: who is in the live session, in which colour, connected or not.

One row per participant: a swatch of their colour (the colour of their outlines on the canvas),
their name ("(you)" after one's own) and whether they are connected now; people who left stay
listed, greyed. Imports: PySide6, collab.presence (Participant) for the data it shows.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QDockWidget, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from collab.presence import Participant


def swatch(colour: str, size: int = 14) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(colour))
    painter.drawEllipse(1, 1, size - 2, size - 2)
    painter.end()
    return QIcon(pixmap)


class ParticipantsDock(QDockWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Participants"), parent)
        self.setObjectName("ParticipantsDock")
        body = QWidget(self)
        column = QVBoxLayout(body)
        column.setContentsMargins(4, 4, 4, 4)
        self.summary = QLabel(self.tr("No live session."), body)
        self.summary.setWordWrap(True)
        self.list = QListWidget(body)
        column.addWidget(self.summary)
        column.addWidget(self.list, 1)
        self.setWidget(body)

    def show_participants(self, people: list[Participant]) -> None:
        # Someone who left and came back (a host sharing again, a guest reconnecting from a new
        # window) is listed once, connected: not also as the person who left.
        here = {(p.name, p.colour) for p in people if p.connected}
        people = [p for p in people if p.connected or (p.name, p.colour) not in here]
        self.list.clear()
        for person in people:
            self.list.addItem(self._row(person))
        connected = sum(p.connected for p in people)
        self.summary.setText(self.tr("%1 connected, %2 in all").replace("%1", str(connected))
                             .replace("%2", str(len(people))))

    def _row(self, person: Participant) -> QListWidgetItem:
        name = person.name + (" " + self.tr("(you)") if person.is_me else "")
        state = self.tr("connected") if person.connected else self.tr("not connected")
        item = QListWidgetItem(swatch(person.colour), f"{name} — {state}")
        item.setData(Qt.ItemDataRole.UserRole, person.client_id)
        item.setToolTip(person.colour)
        if not person.connected:
            item.setForeground(QBrush(QColor("#8a8a8a")))
        return item

    def rows(self) -> list[str]:
        """What the list shows, one text per row (tests, and accessibility tools)."""
        return [self.list.item(i).text() for i in range(self.list.count())]

    def clear_session(self) -> None:
        self.list.clear()
        self.summary.setText(self.tr("No live session."))
