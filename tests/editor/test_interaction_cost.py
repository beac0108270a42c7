"""Issue 12, single interactions on a big map: what one edit, its undo and a click cost follows
what they change, never the map's size. Untimed (benchmarks/editor_bench/interactions.py times
them): these tests count the cards read and the cards whose marks, entries or form are remade.
"""
from __future__ import annotations

import pytest
from canvas_helpers import ini_settings
from PySide6.QtWidgets import QApplication

from editor.canvas.card_marks import CardMarks
from editor.document.document import Document
from editor.window.mainwindow import MainWindow
from model import JourneyMap
from tests.editor.test_incremental_updates import Counter
from tests.model.generated_maps import generated_map


@pytest.fixture
def window_of(qtbot, tmp_path):
    windows = []

    def build(journey: JourneyMap) -> MainWindow:
        windows.append(MainWindow(Document(journey), ini_settings(tmp_path, "en")))
        windows[-1].resize(1400, 900)
        windows[-1].show()
        qtbot.waitExposed(windows[-1])
        return windows[-1]

    yield build
    for window in windows:
        window.document.undo_stack.setClean()
        window.close()


def settle(turns: int = 5) -> None:
    for _ in range(turns):
        QApplication.processEvents()


def reads_of_a_first_edit_and_its_undo(window, monkeypatch) -> dict[str, int]:
    journey = window.document.journey
    settle()
    card = "c150"
    read = Counter(monkeypatch)
    read.watch(JourneyMap, "card")
    read.watch(JourneyMap, "card_ids")
    read.watch(CardMarks, "refresh_card")
    participants = len(journey.participants())
    window.document.controller.update_card(card, title="first edit")
    settle()
    assert len(journey.participants()) == participants + 1  # I joined the map's participants
    window.document.undo_stack.undo()  # takes me out again
    settle()
    assert len(journey.participants()) == participants
    return dict(read.calls)


def test_the_undo_of_a_first_edit_reads_the_edited_card_not_the_map(window_of, monkeypatch):
    """Editing a card adds its editor as a participant the first time, and undoing it removes
    them: the marks, the votes dock, the docks and the model's check that nobody is named
    any more used to read all 2,000 cards; now a few reads, the same for 300 and 2,000 cards."""
    small = reads_of_a_first_edit_and_its_undo(window_of(generated_map(300)), monkeypatch)
    large = reads_of_a_first_edit_and_its_undo(window_of(generated_map(2000)), monkeypatch)
    assert large.get("card_ids", 0) == 0, large
    assert large.get("refresh_card", 0) <= 4, large
    assert large.get("card", 0) <= 40 and large == small, (small, large)
