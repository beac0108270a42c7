"""JoinDialog (File → Join live session…): the join link, a display name, and optionally the
sessions announced on the local network.

Join checks the link at once (collab.links.parse_link says what is wrong with it) and hands it to
a ``join`` function (the window's LiveShare); while it connects the dialog says so, and when
joining fails it says why (wrong token, no such room, no answer) and stays open. The list of
announced sessions is off until the person ticks its box (browsing sends multicast); choosing one
fills the link up to its token, which only the host can give.
Imports: PySide6, collab.links, editor.live.lan.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from collab.links import JoinLink, LinkError, parse_link
from editor.live.lan import LanBrowser, LanSession


class JoinDialog(QDialog):
    def __init__(self, join: Callable[[JoinLink, str], None], name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Join live session"))
        self._join = join
        self.browser: LanBrowser | None = None
        self.link = QLineEdit(self)
        self.link.setPlaceholderText("journey://HOST:PORT/ROOM?token=…")
        self.link.setMinimumWidth(460)
        self.name = QLineEdit(name, self)
        self.name.setPlaceholderText(self.tr("How the others see you"))
        self.lan_box = QCheckBox(self.tr("Show sessions announced on the local network"), self)
        self.lan_box.toggled.connect(self._browse)
        self.lan_list = QListWidget(self)
        self.lan_list.hide()
        self.lan_list.itemActivated.connect(self._choose)
        self.lan_list.itemClicked.connect(self._choose)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.join_button = self.buttons.addButton(self.tr("&Join"),
                                                  QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.start_join)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Link:"), self.link)
        form.addRow(self.tr("Your name:"), self.name)
        column = QVBoxLayout(self)
        column.addLayout(form)
        column.addWidget(self.lan_box)
        column.addWidget(self.lan_list)
        column.addWidget(self.message)
        column.addWidget(self.buttons)

    # ----------------------------------------------------------------- joining
    def start_join(self) -> None:
        try:
            link = parse_link(self.link.text())
        except LinkError as exc:
            self.say(self.tr("This link cannot be used: %1").replace("%1", str(exc)), error=True)
            return
        self.join_button.setEnabled(False)
        self.say(self.tr("Connecting to %1…").replace("%1", f"{link.host}:{link.port}"))
        self._join(link, self.name.text().strip())

    def failed(self, reason: str) -> None:
        """Joining did not work: say why and let the person try again."""
        self.join_button.setEnabled(True)
        self.say(self.tr("Could not join: %1").replace("%1", reason), error=True)

    def say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet("color: #c62828" if error else "")
        self.message.setText(text)
        self.message.show()

    # ----------------------------------------------------------------- the local network
    def _browse(self, on: bool) -> None:
        self.lan_list.setVisible(on)
        if on:
            if self.browser is None:
                self.browser = LanBrowser(self)
                self.browser.changed.connect(self.show_announcements)
            self.show_announcements([])
            self.browser.start()
        elif self.browser is not None:
            self.browser.stop()

    def show_announcements(self, sessions: list[LanSession]) -> None:
        self.lan_list.clear()
        for session in sessions:
            tls = " 🔒" if session.tls else ""
            item = QListWidgetItem(f"{session.title or session.name} — {session.host}:{session.port}"
                                   f"{tls}")
            item.setData(Qt.ItemDataRole.UserRole, session)
            self.lan_list.addItem(item)
        if not sessions:
            placeholder = QListWidgetItem(self.tr("Looking for sessions…"))
            placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
            self.lan_list.addItem(placeholder)

    def _choose(self, item: QListWidgetItem) -> None:
        session = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(session, LanSession):
            self.link.setText(session.link_without_token())
            self.link.setFocus()
            self.say(self.tr("Paste the token the host gave you after \"token=\": announcements "
                             "never carry it."))

    def done(self, result: int) -> None:
        if self.browser is not None:
            self.browser.stop()
        super().done(result)
