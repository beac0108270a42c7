"""The shared geometry: cells that grow with their cards, hit-testing for drag and drop, and the
emotion curve's value <-> height mapping. Plain pytest, no Qt."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings

from model import Card, CardKind, JourneyMap, Lane, LaneKind, Stage, Transition
from model.layout.grid import (
    ARC_BAND_HEIGHT,
    CARD_GAP,
    CELL_PADDING,
    COLUMN_WIDTH,
    EMOTION_ROW_HEIGHT,
    LANE_HEADER_WIDTH,
    MAX_TITLE_LINES,
    MIN_ROW_HEIGHT,
    STAGE_HEADER_HEIGHT,
    CardSizer,
    Rect,
    card_footer,
    cell_at,
    compute_layout,
    emotion_points,
    emotion_value,
    emotion_y,
    insertion_index,
    lane_insertion_index,
    stage_insertion_index,
    transition_arc,
)
from model.layout.text import CharWidths
from tests.model.strategies import journey_maps


def grid(stages: int = 3, lanes: int = 2) -> JourneyMap:
    journey = JourneyMap("grid")
    for i in range(stages):
        journey.add_stage(Stage(f"s{i}", f"Stage {i}", emotions={"": i - 1}))
    for i in range(lanes):
        journey.add_lane(Lane(f"l{i}", f"Lane {i}", LaneKind.TOUCHPOINTS))
    return journey


def layout_of(journey: JourneyMap):
    return compute_layout(journey, CardSizer(CharWidths()))


def test_columns_and_rows_tile_the_grid():
    layout = layout_of(grid())
    assert [layout.stage_headers[f"s{i}"].x for i in range(3)] == [
        LANE_HEADER_WIDTH + i * COLUMN_WIDTH for i in range(3)]
    assert layout.lane_headers["l0"].y == ARC_BAND_HEIGHT + STAGE_HEADER_HEIGHT
    assert layout.lane_headers["l1"].y == layout.lane_headers["l0"].bottom
    assert layout.width == LANE_HEADER_WIDTH + 3 * COLUMN_WIDTH
    assert layout.height == layout.lane_headers["l1"].bottom
    assert set(layout.cells) == {(f"s{s}", f"l{x}") for s in range(3) for x in range(2)}


def test_empty_rows_have_their_floor_height():
    journey = grid()
    journey.add_lane(Lane("feel", "Emotion", LaneKind.EMOTION))
    layout = layout_of(journey)
    assert layout.rows["l0"].h == MIN_ROW_HEIGHT
    assert layout.rows["feel"].h == EMOTION_ROW_HEIGHT


def test_cells_grow_with_their_cards_and_push_later_rows_down():
    journey = grid()
    heights = []
    for n in range(5):
        journey.add_card(Card(f"c{n}", CardKind.TOUCHPOINT, f"Card {n}"), "s1", "l0")
        layout = layout_of(journey)
        heights.append(layout.rows["l0"].h)
        boxes = [layout.cards[f"c{i}"].rect for i in range(n + 1)]
        needed = sum(b.h for b in boxes) + CARD_GAP * n + 2 * CELL_PADDING
        assert layout.rows["l0"].h == max(MIN_ROW_HEIGHT, needed)
        assert layout.lane_headers["l1"].y == layout.rows["l0"].bottom
    assert heights == sorted(heights) and heights[-1] > heights[0]
    assert all(layout.cells[(s, "l0")].h == heights[-1] for s in ("s0", "s1", "s2"))


def test_cards_stack_in_cell_order_inside_their_cell():
    journey = grid()
    for n in range(3):
        journey.add_card(Card(f"c{n}", title="x"), "s2", "l1", 0)  # each new card goes first
    layout = layout_of(journey)
    tops = [layout.cards[c].rect.y for c in journey.cell_card_ids("s2", "l1")]
    assert tops == sorted(tops) and journey.cell_card_ids("s2", "l1") == ("c2", "c1", "c0")
    cell = layout.cells[("s2", "l1")]
    for card_id in ("c0", "c1", "c2"):
        rect = layout.cards[card_id].rect
        assert cell.x < rect.x and rect.right < cell.right
        assert cell.y < rect.y and rect.bottom < cell.bottom


def test_long_titles_make_taller_cards_up_to_a_line_limit():
    journey = grid()
    journey.add_card(Card("short", title="Chat"), "s0", "l0")
    journey.add_card(Card("long", title="help page " * 20), "s0", "l0")
    journey.add_card(Card("huge", title="ヘルプページ" * 100), "s0", "l0")
    layout = layout_of(journey)
    assert layout.cards["long"].rect.h > layout.cards["short"].rect.h
    assert len(layout.cards["huge"].title_lines) == MAX_TITLE_LINES
    assert layout.cards["huge"].title_lines[-1].endswith("…")


def test_card_footer_joins_channel_owner_and_votes():
    assert card_footer(Card("c", channel="chat", owner="CS", votes=3)) == "chat  ·  CS"  # votes: dots
    assert card_footer(Card("c", owner="CS", votes=3), with_votes=True) == "CS  ·  ▲3"  # slides
    assert card_footer(Card("c")) == ""


def test_sizer_caches_by_title():
    sizer = CardSizer(CharWidths())
    assert sizer.size(Card("a", title="same")) is sizer.size(Card("b", title="same"))


# ------------------------------------------------------------------ hit-testing
def test_cell_at_finds_the_cell_under_a_point():
    layout = layout_of(grid())
    cell = layout.cells[("s1", "l1")]
    assert cell_at(layout, *cell.center) == ("s1", "l1")
    assert cell_at(layout, cell.x, cell.y) == ("s1", "l1")
    assert cell_at(layout, cell.right, cell.y) == ("s2", "l1")  # right edge belongs to the next
    assert cell_at(layout, 10, cell.y + 5) is None  # lane header
    assert cell_at(layout, cell.x + 5, ARC_BAND_HEIGHT + 5) is None  # stage header
    assert cell_at(layout, layout.width + 5, cell.y + 5) is None


def test_insertion_index_compares_with_card_middles():
    journey = grid()
    for n in range(3):
        journey.add_card(Card(f"c{n}", title="x"), "s0", "l0")
    layout = layout_of(journey)
    ids = journey.cell_card_ids("s0", "l0")
    boxes = [layout.cards[c].rect for c in ids]
    assert insertion_index(layout, ids, boxes[0].y - 5) == 0
    assert insertion_index(layout, ids, boxes[0].center[1] - 1) == 0
    assert insertion_index(layout, ids, boxes[0].center[1] + 1) == 1
    assert insertion_index(layout, ids, boxes[2].y + 1) == 2
    assert insertion_index(layout, ids, boxes[2].bottom + 50) == 3
    assert insertion_index(layout, (), 500) == 0
    assert insertion_index(layout, ids[1:], boxes[0].bottom) == 0  # the dragged card left out


@pytest.mark.parametrize(("offset", "expected"), [(-500, 0), (-1, 0), (1, 1), (COLUMN_WIDTH + 1, 2),
                                                  (5 * COLUMN_WIDTH, 3)])
def test_stage_insertion_index_is_the_nearest_gap(offset, expected):
    layout = layout_of(grid())
    assert stage_insertion_index(layout, layout.stage_headers["s0"].center[0] + offset) == expected


def test_lane_insertion_index_is_the_nearest_gap():
    layout = layout_of(grid(lanes=3))
    middles = [layout.lane_headers[f"l{i}"].center[1] for i in range(3)]
    assert lane_insertion_index(layout, 0) == 0
    assert [lane_insertion_index(layout, y + 1) for y in middles] == [1, 2, 3]
    assert [lane_insertion_index(layout, y - 1) for y in middles] == [0, 1, 2]


# ------------------------------------------------------------------ emotion curve
ROW = Rect(0, 300, 500, EMOTION_ROW_HEIGHT)


@pytest.mark.parametrize("value", [-2, -1.5, -1, -0.5, 0, 0.5, 1, 1.5, 2])
def test_emotion_value_and_height_round_trip(value):
    assert emotion_value(ROW, emotion_y(ROW, value)) == value
    assert ROW.y < emotion_y(ROW, value) < ROW.bottom


def test_emotion_height_puts_delight_on_top():
    assert emotion_y(ROW, 2) < emotion_y(ROW, 0) < emotion_y(ROW, -2)


def test_emotion_value_clamps_and_snaps():
    assert emotion_value(ROW, ROW.y - 1000) == 2.0
    assert emotion_value(ROW, ROW.bottom + 1000) == -2.0
    assert emotion_value(ROW, emotion_y(ROW, 0.6)) == 0.5
    assert emotion_value(ROW, emotion_y(ROW, 0.6), step=0.1) == pytest.approx(0.6)


def test_emotion_points_follow_the_stages_with_a_value():
    journey = grid()
    journey.add_lane(Lane("feel", "Emotion", LaneKind.EMOTION))
    journey.update_stage("s1", emotions={})
    layout = layout_of(journey)
    points = emotion_points(layout, journey, "feel")
    assert [p[0] for p in points] == ["s0", "s2"]
    assert points[0][2] == emotion_y(layout.rows["feel"], -1)
    assert emotion_points(layout, journey, "feel", "some-segment") == []


def test_arcs_rise_with_their_span_and_back_moves_sit_apart():
    journey = grid(4)
    journey.add_transition(Transition("t", "s0", "s1"))
    layout = layout_of(journey)
    near, far = transition_arc(layout, "s0", "s1"), transition_arc(layout, "s0", "s3")
    back = transition_arc(layout, "s1", "s0")
    assert far.control[1] < near.control[1]
    assert back.start[0] < layout.stage_headers["s1"].center[0] < near.end[0]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(journey_maps())
def test_every_card_sits_inside_its_cell_without_overlap(journey):
    layout = layout_of(journey)
    for (stage_id, lane_id), ids in journey.cells().items():
        cell = layout.cells[(stage_id, lane_id)]
        rects = [layout.cards[c].rect for c in ids]
        assert all(cell.y < r.y and r.bottom <= cell.bottom and cell.x < r.x for r in rects)
        assert all(a.bottom < b.y for a, b in zip(rects, rects[1:], strict=False))


def test_insertion_index_counts_the_cards_whose_middle_is_above_the_drop():
    from tests.model.generated_maps import generated_map

    journey = generated_map(400, seed=4)
    layout = compute_layout(journey, CardSizer(CharWidths()))
    ids = journey.cell_card_ids("s3", "l0")
    assert len(ids) > 10
    boxes = [layout.cards[c].rect for c in ids]
    for y in range(int(boxes[0].y) - 20, int(boxes[-1].bottom) + 20, 7):
        expected = sum(1 for r in boxes if y > r.y + r.h / 2)
        assert insertion_index(layout, ids, y) == expected
    assert insertion_index(layout, [], 100) == 0
    assert insertion_index(layout, ["nowhere", ids[0]], boxes[0].bottom) == 1


def test_a_long_footer_is_cut_to_the_card_width():
    from model.layout.grid import CARD_PADDING, CARD_WIDTH, SMALL_SIZE, CardSizer, size_card
    from model.layout.text import CharWidths

    widths = CharWidths()
    sizer = CardSizer(widths)
    long = Card("c", channel="チャットとメールと電話", owner="カスタマーサクセス部門のとても長い担当者名")
    _, _, footer = size_card(sizer, long)
    assert footer.endswith("…") and footer.startswith("チャットとメールと電話  ·  ")
    assert widths.text(footer, SMALL_SIZE) <= CARD_WIDTH - 2 * CARD_PADDING
    assert size_card(sizer, Card("d", channel="Web", owner="CSM"))[2] == "Web  ·  CSM"
