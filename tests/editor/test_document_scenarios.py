"""The editor on a file of scenarios (issue 16, the plumbing under the GUI): the window shows the
current scenario, and Save, Save As and the recovery copy keep every scenario. Real files, a real
window driven through its controller and its File actions."""
from __future__ import annotations

from pathlib import Path

import pytest
from canvas_helpers import ini_settings
from PySide6.QtCore import QStandardPaths

from editor.document import locking
from editor.document.document import Document
from editor.document.recovery import RecoveryStore
from editor.window.mainwindow import MainWindow
from model import CardKind
from model.scenarios import load_document, save_document

PAIR = Path(__file__).resolve().parents[1] / "model" / "scenarios" / "fixtures" / \
    "crafted-pair.ja.journey"


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(locking, "data_folder", lambda: tmp_path / "data")
    QStandardPaths.setTestModeEnabled(True)
    path = tmp_path / "pair.journey"
    scenarios = load_document(PAIR)
    scenarios.set_current("to-be")  # the file opens on the scenario it was saved on
    save_document(scenarios, path)
    window = MainWindow(Document.open(path), ini_settings(tmp_path, "ja"))
    window.show()
    yield window
    window.document.undo_stack.setClean()
    window.close()
    window.deleteLater()
    QStandardPaths.setTestModeEnabled(False)


def test_the_window_shows_the_current_scenario(window):
    assert [s.name for s in window.document.scenarios] == ["現状", "あるべき姿"]
    assert window.document.journey is window.document.scenarios.scenario("to-be").journey
    assert set(window.scene.cards) == set(window.document.journey.card_ids())
    assert "i2" in window.scene.cards and "p1" not in window.scene.cards


def test_save_and_save_as_keep_every_scenario(window, tmp_path):
    journey = window.document.journey
    stage, lane = journey.stage_ids()[0], journey.lane_ids()[0]
    added = window.document.controller.add_card(CardKind.IDEA, stage, lane)
    assert window.files.save()
    saved = load_document(window.document.path)
    assert [s.name for s in saved] == ["現状", "あるべき姿"]
    assert saved.current_id == "to-be" and saved.scenario("to-be").journey.has(added)
    assert saved.scenario("as-is").journey.card("i1").title == "Webinar"
    copy = tmp_path / "copy.journey"
    assert window.files.save_as(copy)
    assert [s.id for s in load_document(copy)] == ["as-is", "to-be"]


def test_the_recovery_copy_keeps_every_scenario(window, tmp_path):
    window.document.controller.update_map(title="変更")
    store = RecoveryStore(tmp_path / "recovery")
    store.write(window.document)
    copied = load_document(store.map_file(window.document.recovery_id))
    assert [s.name for s in copied] == ["現状", "あるべき姿"]
    assert copied.scenario("to-be").journey.title == "変更"
    assert copied.scenario("as-is").journey.title == "Journey"
