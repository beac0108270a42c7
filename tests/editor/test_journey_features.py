"""Transitions, emotion curve, segments and paths on the canvas, driven with the mouse."""
from __future__ import annotations

from canvas_helpers import centre_of, drag
from PySide6.QtCore import QPointF

from model import ALL_CUSTOMERS, JourneyPath, Lane, LaneKind, Segment, TransitionKind
from model.fileformat import dumps_journey, loads_journey


def knob(scene, stage_id) -> QPointF:
    header = scene.stage_item(stage_id)
    return header.mapToScene(header.link_handle_rect().center())


def test_drag_from_stage_knob_creates_skip_and_back_transitions(canvas):
    document, scene, view = canvas
    journey = document.journey
    drag(view, knob(scene, "s1"), centre_of(scene.layout.stage_headers["s3"]))
    drag(view, knob(scene, "s3"), centre_of(scene.layout.stage_headers["s2"]))
    kinds = {(t.source, t.target): t.kind for t in journey.transitions()}
    assert kinds[("s1", "s3")] == TransitionKind.SKIP
    assert kinds[("s3", "s2")] == TransitionKind.BACK
    assert len(scene.transitions) == 3
    again = loads_journey(dumps_journey(journey))
    assert {(t.source, t.target) for t in again.transitions()} == set(kinds)
    document.undo_stack.undo()
    document.undo_stack.undo()
    assert [(t.source, t.target) for t in journey.transitions()] == [("s1", "s2")]
    assert len(scene.transitions) == 1


def test_drag_emotion_point_sets_the_value(canvas):
    document, scene, view = canvas
    journey = document.journey
    document.controller.add_lane(None, "Emotion", LaneKind.EMOTION)
    lane_id = journey.lane_ids()[-1]
    document.controller.update_stage("s2", emotions={ALL_CUSTOMERS: 0.0})
    document.undo_stack.clear()
    row = scene.layout.rows[lane_id]
    view.ensureVisible(row.x, row.y, row.w, row.h)
    point = QPointF(scene.layout.stage_headers["s2"].center[0], row.y + row.h / 2)
    top = QPointF(point.x(), row.y + 5)
    drag(view, point, top)
    assert journey.stage("s2").emotions[ALL_CUSTOMERS] == 2.0
    assert document.undo_stack.count() == 1
    document.undo_stack.undo()
    assert journey.stage("s2").emotions[ALL_CUSTOMERS] == 0.0


def test_segment_filter_dims_other_segments_cards(canvas):
    document, scene, view = canvas
    journey = document.journey
    journey.add_segment(Segment("smb", "SMB", "#59a14f"))
    journey.add_segment(Segment("ent", "Enterprise", "#4e79a7"))
    document.controller.update_card("a", segments=("smb",))
    document.controller.update_card("b", segments=("ent",))
    scene.filters.set_segment_filter("smb")
    assert scene.card_item("a").opacity() == 1.0
    assert scene.card_item("b").opacity() < 0.5
    assert scene.card_item("c").opacity() == 1.0  # untagged cards concern every segment
    scene.filters.set_segment_filter(None)
    assert scene.card_item("b").opacity() == 1.0


def test_highlighted_path_dims_stages_and_transitions_off_it(canvas):
    document, scene, view = canvas
    journey = document.journey
    document.controller.add_transition("s1", "s3")
    journey.add_path(JourneyPath("trial", "Free trial", ("s1", "s3")))
    scene.filters.set_highlighted_path("trial")
    assert scene.stage_item("s2").opacity() < 0.5
    assert scene.stage_item("s3").opacity() == 1.0
    skip = [t.id for t in journey.transitions() if t.target == "s3"][0]
    assert scene.transitions[skip].opacity() == 1.0
    assert scene.transitions["t1"].opacity() < 0.5
    assert scene.card_item("d").opacity() < 0.5  # a card in s2
    scene.filters.set_highlighted_path(None)
    assert scene.stage_item("s2").opacity() == 1.0


def test_emotion_legend_toggles_a_segment_curve(canvas):
    document, scene, view = canvas
    journey = document.journey
    journey.add_segment(Segment("smb", "SMB", "#59a14f"))
    journey.add_lane(Lane("emo", "Emotion", LaneKind.EMOTION))
    item = scene.emotions["emo"]
    assert [c.segment_id for c in item.curves] == ["", "smb"]
    scene.set_curve_visible("smb", False)
    assert [c.visible for c in scene.emotions["emo"].curves] == [True, False]
