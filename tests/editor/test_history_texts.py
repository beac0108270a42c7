"""The History dock names the field and the element of each edit (issue 10, item 10)."""
from __future__ import annotations

import pytest
from canvas_helpers import centre_of, drag, ini_settings, to_view
from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest
from window_helpers import close_window, focus_window, make_window

from model import ALL_CUSTOMERS


@pytest.fixture
def window(qtbot, tmp_path):
    window = make_window(qtbot, ini_settings(tmp_path, "en"), "saas-cs-lifecycle", "ja")
    yield window
    close_window(window)


def history(window) -> list[str]:
    model = window.undo_view.model()
    return [model.index(row, 0).data() for row in range(1, model.rowCount())]  # row 0: <opened>


def click_card(window, card_id: str) -> None:
    rect = window.scene.layout.cards[card_id].rect
    window.view.ensureVisible(rect.x, rect.y, rect.w, rect.h)
    QTest.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier, to_view(window.view, centre_of(rect)))


def test_typing_in_the_inspector_names_field_and_card(window, qtbot):
    focus_window(window, qtbot)
    journey = window.document.journey
    chat = next(c.id for c in journey.cards() if c.title == "チャットサポート")
    click_card(window, chat)
    form = window.inspector.current_form()
    form.title.setFocus()
    form.title.selectAll()
    QTest.keyClicks(form.title, "Chat")
    form.owner.setFocus()
    QTest.keyClicks(form.owner, "CSM")
    assert history(window) == ["Edit title of \"チャットサポート\"", "Edit owner of \"Chat\""]


def test_an_emotion_drag_names_the_stage(window, qtbot):
    journey = window.document.journey
    lane_id = next(lane.id for lane in journey.lanes() if lane.kind == "emotion")
    stage_id = journey.stage_ids()[0]
    row = window.scene.layout.rows[lane_id]
    window.view.ensureVisible(row.x, row.y, row.w, row.h)
    value = journey.stage(stage_id).emotions[ALL_CUSTOMERS]
    point = QPointF(window.scene.layout.stage_headers[stage_id].center[0],
                    row.y + row.h / 2 - value * (row.h / 2 - 8) / 2)
    hit = window.scene.emotions[lane_id].point_at(point)
    assert hit is not None and hit[1] == stage_id
    drag(window.view, point, QPointF(point.x(), row.y + row.h - 4))
    assert journey.stage(stage_id).emotions[ALL_CUSTOMERS] != value
    assert history(window) == ["Set emotion of \"導入\""]


def test_stage_lane_transition_and_map_edits_are_named(window):
    controller, journey = window.document.controller, window.document.journey
    stage_id, lane_id = journey.stage_ids()[0], journey.lane_ids()[0]
    transition_id = journey.transitions()[0].id
    controller.update_stage(stage_id, overview="…")
    controller.update_lane(lane_id, name="接点")
    controller.update_transition(transition_id, conversion_rate=0.5)
    controller.update_map(title="New title")
    assert history(window) == ["Edit overview of \"導入\"", "Edit name of \"タッチポイント\"",
                               "Edit conversion rate of \"導入 → 積極活用\"", "Edit map title"]
