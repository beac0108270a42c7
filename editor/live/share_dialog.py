"""ShareDialog (File → Share live…): where the session listens, who the host is, then the join
link with Copy buttons and who can join; Stop sharing from here too.

The dialog gathers ShareOptions and hands them to a ``start`` function (the window's LiveShare),
which returns the join link or raises ShareError with a message to show; it knows nothing of
sessions. Defaults: all network interfaces, any free port. A certificate and key (PEM) make the
session TLS (wss://).
Imports: PySide6 (QtCore, QtGui, QtNetwork, QtWidgets), collab.links (JoinLink).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtNetwork import QAbstractSocket, QNetworkInterface
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from collab.links import JoinLink

ALL_INTERFACES, THIS_COMPUTER = "0.0.0.0", "127.0.0.1"


class ShareError(Exception):
    """Sharing could not start; the message says why (port taken, certificate unreadable)."""


@dataclass(frozen=True)
class ShareOptions:
    host: str
    port: int  # 0: any free port
    name: str
    cert: str = ""
    key: str = ""
    announce: bool = False
    resume: bool = True  # carry on the previous session of this map (same link), if any


def lan_addresses() -> list[str]:
    """This machine's IPv4 addresses other than loopback, as a person could reach them."""
    found = []
    for address in QNetworkInterface.allAddresses():
        if address.protocol() == QAbstractSocket.NetworkLayerProtocol.IPv4Protocol \
                and not address.isLoopback():
            found.append(address.toString())
    return found


class ShareDialog(QDialog):
    def __init__(self, start: Callable[[ShareOptions], JoinLink], stop: Callable[[], None],
                 name: str, link: JoinLink | None = None,
                 previous: tuple[str, int] | None = None, parent: QWidget | None = None) -> None:
        """``previous``: the interface and port of the session that sharing again carries on."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Share live"))
        self._start, self._stop = start, stop
        self.link: JoinLink | None = None
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._setup_page(name, previous))
        self.pages.addWidget(self._running_page())
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addWidget(self.pages)
        column.addWidget(self.buttons)
        self.resize(620, 0)
        self._show_page(0)
        if link is not None:
            self._show_link(link)

    # ----------------------------------------------------------------- before sharing
    def _setup_page(self, name: str, previous: tuple[str, int] | None) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        self.interface = QComboBox(page)
        self.interface.addItem(self.tr("All network interfaces"), ALL_INTERFACES)
        self.interface.addItem(self.tr("This computer only (127.0.0.1)"), THIS_COMPUTER)
        for address in lan_addresses():
            self.interface.addItem(address, address)
        self.port = QSpinBox(page)
        self.port.setRange(0, 65535)
        self.port.setSpecialValueText(self.tr("Any free port"))
        self.name = QLineEdit(name, page)
        self.name.setPlaceholderText(self.tr("How the others see you"))
        self.cert, self.key = self._file_row(page), self._file_row(page)
        self.announce = QCheckBox(self.tr("Announce on the local network (others see it in their "
                                          "Join dialog; the link stays secret)"), page)
        self.resume = QCheckBox(self.tr("Keep the previous link (participants reconnect by "
                                        "themselves)"), page)
        self.resume.toggled.connect(lambda on: (self.interface.setDisabled(on),
                                                self.port.setDisabled(on)))
        if previous is not None:
            self.interface.setCurrentIndex(max(0, self.interface.findData(previous[0])))
            self.port.setValue(previous[1])
        self.resume.setChecked(previous is not None)
        self.resume.setVisible(previous is not None)
        self.error = QLabel(page)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828")
        self.error.hide()
        self.start_button = QPushButton(self.tr("&Start sharing"), page)
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self.start_sharing)
        form.addRow(self.tr("Network interface:"), self.interface)
        form.addRow(self.tr("Port:"), self.port)
        form.addRow(self.tr("Your name:"), self.name)
        form.addRow(self.tr("TLS certificate (PEM, optional):"), self.cert.parentWidget())
        form.addRow(self.tr("TLS key (PEM, optional):"), self.key.parentWidget())
        form.addRow(self.announce)
        form.addRow(self.resume)
        form.addRow(self.error)
        form.addRow(self.start_button)
        return page

    def _file_row(self, page: QWidget) -> QLineEdit:
        row = QWidget(page)
        line = QLineEdit(row)
        browse = QPushButton(self.tr("Browse…"), row)
        browse.clicked.connect(lambda: self._browse(line))
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(line, 1)
        layout.addWidget(browse)
        return line

    def _browse(self, line: QLineEdit) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a PEM file"), line.text(),
                                              self.tr("PEM files (*.pem *.crt *.key);;All files (*)"))
        if path:
            line.setText(path)

    def options(self) -> ShareOptions:
        return ShareOptions(self.interface.currentData(), self.port.value(),
                            self.name.text().strip(), self.cert.text().strip(),
                            self.key.text().strip(), self.announce.isChecked(),
                            self.resume.isChecked())

    def start_sharing(self) -> None:
        try:
            link = self._start(self.options())
        except ShareError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        self._show_link(link)

    # ----------------------------------------------------------------- while sharing
    def _running_page(self) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        self.journey_link, self.ws_link = QLineEdit(page), QLineEdit(page)
        for line in (self.journey_link, self.ws_link):
            line.setReadOnly(True)
            line.setMinimumWidth(420)
        self.copy_journey = self._copy_row(form, self.tr("Join link:"), self.journey_link)
        self.copy_ws = self._copy_row(form, self.tr("WebSocket URL:"), self.ws_link)
        self.who = QLabel(page)
        self.who.setWordWrap(True)
        self.who.setTextFormat(Qt.TextFormat.PlainText)
        form.addRow(self.who)
        self.stop_button = QPushButton(self.tr("S&top sharing"), page)
        self.stop_button.clicked.connect(self.stop_sharing)
        form.addRow(self.stop_button)
        return page

    def _copy_row(self, form: QFormLayout, label: str, line: QLineEdit) -> QPushButton:
        row = QWidget(self)
        button = QPushButton(self.tr("&Copy"), row)
        button.clicked.connect(lambda: QGuiApplication.clipboard().setText(line.text()))
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(line, 1)
        layout.addWidget(button)
        form.addRow(label, row)
        return button

    def _show_link(self, link: JoinLink) -> None:
        self.link = link
        for line, text in ((self.journey_link, link.journey_url), (self.ws_link, link.ws_url)):
            line.setText(text)
            line.setCursorPosition(0)  # the scheme and host first, not the token's end
        self.who.setText(self.who_can_join(link))
        self._show_page(1)

    def _show_page(self, index: int) -> None:
        # A stack is as tall as its tallest page unless the others are Ignored.
        for i in range(self.pages.count()):
            policy = QSizePolicy.Policy.Preferred if i == index else QSizePolicy.Policy.Ignored
            self.pages.widget(i).setSizePolicy(policy, policy)
        self.pages.setCurrentIndex(index)
        self.adjustSize()

    def who_can_join(self, link: JoinLink) -> str:
        lines = [self.tr("Anyone who can reach this computer on port %1 and has the link can see "
                         "and change this map. Share the link as you would a password.")
                 .replace("%1", str(link.port))]
        if link.tls:
            lines.append(self.tr("The connection is encrypted (TLS, wss://)."))
        else:
            lines.append(self.tr("The connection is not encrypted: use it on a network you "
                                 "trust, or give a TLS certificate and key."))
        lines.append(self.tr("Stop sharing keeps the map open here as an ordinary file."))
        return "\n".join(lines)

    def stop_sharing(self) -> None:
        self._stop()
        self.accept()

