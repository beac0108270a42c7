"""The live dialogs on their own: the Join dialog's optional list of sessions announced on the
local network (fed with announcement records directly: tests never send multicast), and the
Share dialog's refusals (a port in use, half a TLS pair) and TLS wording."""
from __future__ import annotations

import shutil
import socket
import subprocess

import pytest
from canvas_helpers import ini_settings, small_map
from live_helpers import close_all, open_window, share_from_menu
from PySide6.QtCore import Qt
from window_helpers import when_modal

from collab.announce import service_info
from collab.links import JoinLink, parse_link
from editor.live.join_dialog import JoinDialog
from editor.live.lan import lan_session
from editor.live.share_dialog import ShareDialog

LINK = JoinLink("127.0.0.1", 45678, "workshop", "t" * 32)


def test_the_network_list_is_off_until_asked_and_an_announcement_fills_the_link(qtbot):
    asked = []
    dialog = JoinDialog(lambda link, name: asked.append((link, name)), "Ken")
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.lan_box.isChecked() and dialog.lan_list.isHidden()
    assert dialog.browser is None  # nothing browses (multicast) before the box is ticked
    announced = lan_session(service_info(LINK, "Onboarding workshop", ["127.0.0.1"]))
    assert announced is not None and announced.title == "Onboarding workshop"
    dialog.lan_list.show()
    dialog.show_announcements([announced])
    item = dialog.lan_list.item(0)
    assert "Onboarding workshop" in item.text() and "127.0.0.1:45678" in item.text()
    rect = dialog.lan_list.visualItemRect(item)
    qtbot.mouseClick(dialog.lan_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert dialog.link.text() == "journey://127.0.0.1:45678/workshop?token="
    assert "token" in dialog.message.text()
    dialog.link.setText(dialog.link.text() + "t" * 32)
    qtbot.mouseClick(dialog.join_button, Qt.MouseButton.LeftButton)
    assert asked == [(LINK, "Ken")]


def test_announcements_that_are_not_journey_sessions_are_ignored():
    info = service_info(LINK, "Map", ["127.0.0.1"])
    info.properties[b"format"] = b"something-else"
    assert lan_session(info) is None
    assert lan_session(None) is None


def test_a_tls_announcement_gives_a_tls_link():
    tls_link = JoinLink("127.0.0.1", 45678, "workshop", "t" * 32, tls=True)
    announced = lan_session(service_info(tls_link, "Map", ["127.0.0.1"]))
    assert parse_link(announced.link_without_token() + "t" * 32) == tls_link


@pytest.fixture
def window(qtbot, tmp_path):
    window = open_window(qtbot, ini_settings(tmp_path), small_map())
    yield window
    close_all(window)


def test_a_port_in_use_is_named_and_nothing_starts(qtbot, window):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        seen = share_from_menu(qtbot, window, port=taken.getsockname()[1])
    assert "Cannot listen on 127.0.0.1, port" in seen["error"], seen
    assert seen["link"] is None and window.live.session is None


def test_half_a_tls_pair_is_refused(qtbot, window, tmp_path):
    cert = tmp_path / "cert.pem"
    cert.write_text("not a certificate")
    seen = {}

    def answer(widget) -> bool:
        if not isinstance(widget, ShareDialog):
            return False
        widget.interface.setCurrentIndex(widget.interface.findData("127.0.0.1"))
        widget.cert.setText(str(cert))
        qtbot.mouseClick(widget.start_button, Qt.MouseButton.LeftButton)
        seen["error"] = widget.error.text()
        widget.key.setText(str(cert))
        qtbot.mouseClick(widget.start_button, Qt.MouseButton.LeftButton)
        seen["bad file"] = widget.error.text()
        widget.reject()
        return True
    when_modal(answer)
    window.menu_actions.share_live.trigger()
    assert "both a certificate and its key" in seen["error"]
    assert str(cert) in seen["bad file"]
    assert window.live.session is None


@pytest.mark.skipif(shutil.which("openssl") is None, reason="openssl makes the test certificate")
def test_sharing_with_a_certificate_gives_a_wss_link_and_says_it_is_encrypted(qtbot, window,
                                                                              tmp_path):
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                    "-subj", "/CN=127.0.0.1", "-keyout", str(key), "-out", str(cert)],
                   check=True, capture_output=True, timeout=60)
    seen = {}

    def answer(widget) -> bool:
        if not isinstance(widget, ShareDialog):
            return False
        widget.interface.setCurrentIndex(widget.interface.findData("127.0.0.1"))
        widget.cert.setText(str(cert))
        widget.key.setText(str(key))
        qtbot.mouseClick(widget.start_button, Qt.MouseButton.LeftButton)
        seen.update(ws=widget.ws_link.text(), who=widget.who.text())
        widget.reject()
        return True
    when_modal(answer)
    window.menu_actions.share_live.trigger()
    assert seen["ws"].startswith("wss://127.0.0.1:")
    assert "encrypted (TLS" in seen["who"]
    assert window.live.session is not None and window.live.status.word == "connected"
