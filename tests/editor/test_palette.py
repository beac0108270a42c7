"""The palette: one entry per stage, lane and card kind; drags carry PALETTE_MIME; double-click adds."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from editor.canvas.view import JourneyView
from editor.document.document import Document
from editor.document.mime import PALETTE_MIME
from editor.panels.palette import PaletteDock, suited_lane
from model import CardKind, LaneKind
from model.layout.appearance import CARD_KIND_LABELS

EXPECTED = [b"stage", b"lane"] + [f"card:{kind.value}".encode() for kind in CardKind]


@pytest.fixture
def document(template_document) -> Document:
    return template_document


@pytest.fixture
def scene(template_scene):
    return template_scene


@pytest.fixture
def palette(qtbot, document, scene) -> PaletteDock:
    dock = PaletteDock("ja")
    qtbot.addWidget(dock)
    dock.set_target(scene, document.controller)
    dock.show()
    return dock


def double_click(palette: PaletteDock, payload: bytes) -> None:
    row = EXPECTED.index(payload)
    rect = palette.list.visualItemRect(palette.list.item(row))
    # QTest's double click alone sends no press, and item views want the press first.
    QTest.mouseClick(palette.list.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier, rect.center())
    QTest.mouseDClick(palette.list.viewport(), Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier, rect.center())


def test_entries_in_order_with_japanese_labels(palette):
    assert palette.payloads() == EXPECTED
    labels = [palette.list.item(row).text() for row in range(palette.list.count())]
    assert labels[2:] == [CARD_KIND_LABELS["ja"][kind] for kind in CardKind]
    assert all(not palette.list.item(row).icon().isNull() for row in range(palette.list.count()))


@pytest.mark.parametrize("row", range(len(EXPECTED)))
def test_drag_data_of_each_entry(palette, row):
    mime = palette.list.mimeData([palette.list.item(row)])
    assert mime.hasFormat(PALETTE_MIME)
    assert bytes(mime.data(PALETTE_MIME)) == EXPECTED[row]


def test_double_click_a_card_kind_adds_it_after_the_selected_card(palette, scene, document):
    card_id = document.journey.card_ids()[0]
    place = document.journey.card_place(card_id)
    scene.select_element(card_id)
    double_click(palette, b"card:idea")
    cell = document.journey.cell_card_ids(place.stage, place.lane)
    added = cell[place.index + 1]
    assert document.journey.card(added).kind == CardKind.IDEA
    assert scene.selected_ids() == [added]
    document.undo_stack.undo()
    assert added not in document.journey.card_ids()


def test_card_with_nothing_selected_goes_to_its_lane_in_the_last_stage(palette, scene, document):
    scene.clearSelection()
    new_id = palette.add_entry(b"card:pain_point")
    place = document.journey.card_place(new_id)
    assert place.stage == document.journey.stage_ids()[-1]
    assert document.journey.lane(place.lane).kind == LaneKind.PAIN_POINTS


def test_stage_and_lane_go_after_the_selected_ones(palette, scene, document):
    first_stage = document.journey.stage_ids()[0]
    scene.select_element(first_stage)
    double_click(palette, b"stage")
    assert len(document.journey.stage_ids()) == 6
    assert document.journey.stage_ids()[0] == first_stage
    lanes = document.journey.lane_ids()
    scene.clearSelection()
    double_click(palette, b"lane")
    assert document.journey.lane_ids()[:-1] == lanes


def test_suited_lane_falls_back_to_a_lane_that_is_not_the_curve(document):
    journey = Document.from_template("blank", "en").journey
    lane = suited_lane(journey, CardKind.KPI)
    assert journey.lane(lane).kind != LaneKind.EMOTION
    assert document.journey.lane(suited_lane(document.journey, CardKind.TOUCHPOINT)).kind == \
        LaneKind.TOUCHPOINTS


def test_dropping_a_palette_entry_on_the_canvas_creates_the_card(palette, scene, document, qtbot):
    view = JourneyView(scene)
    qtbot.addWidget(view)
    view.resize(900, 700)
    view.show()
    stage_id = document.journey.stage_ids()[1]
    lane_id = next(lane.id for lane in document.journey.lanes() if lane.kind == LaneKind.IDEAS)
    cell = scene.layout.cells[(stage_id, lane_id)]
    view.centerOn(cell.x + cell.w / 2, cell.y + cell.h - 4)
    point = view.mapFromScene(cell.x + cell.w / 2, cell.y + cell.h - 4)
    mime = palette.list.mimeData([palette.list.item(EXPECTED.index(b"card:idea"))])
    before = document.journey.cell_card_ids(stage_id, lane_id)
    for event_type in (QDragEnterEvent, QDragMoveEvent, QDropEvent):
        event = event_type(point, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                           Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(view.viewport(), event)
    after = document.journey.cell_card_ids(stage_id, lane_id)
    assert len(after) == len(before) + 1
    assert document.journey.card(after[-1]).kind == CardKind.IDEA
