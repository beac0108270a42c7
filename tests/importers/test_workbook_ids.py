"""Ids through our workbook: an id a workbook can hold comes back intact even without the original
map, and an id that lost characters (XML forbids "\\x17") never takes another element's id.
Regression of the round-trip property test's examples (a card "<" came back as "card-1")."""
from __future__ import annotations

import openpyxl

from exporters import export_excel
from importers import import_file
from model import Comment, ParkingItem, Participant, VoteRound
from model.journey.entities import Card, Lane, Segment, Stage
from model.journey.journey_map import JourneyMap


def _map(stage_ids=("s",), card_ids=(), segment_ids=()) -> JourneyMap:
    journey = JourneyMap("ids")
    for number, segment_id in enumerate(segment_ids):
        journey.add_segment(Segment(segment_id, f"segment {number}"))
    for number, stage_id in enumerate(stage_ids):
        journey.add_stage(Stage(stage_id, f"stage {number}"))
    journey.add_lane(Lane("touch", "Touchpoints", "touchpoints"))
    for number, card_id in enumerate(card_ids):
        journey.add_card(Card(card_id, "touchpoint", f"card {number}"), stage_ids[0], "touch")
    return journey


def _round_trip(tmp_path, journey: JourneyMap):
    path = tmp_path / "map.xlsx"
    export_excel(journey, path)
    return path, import_file(path).journey, import_file(path, base=journey).journey


def _column(path, sheet: str, header: str = "ID") -> list:
    ws = openpyxl.load_workbook(path)[sheet]
    col = next(cell.column for cell in ws[1] if cell.value == header)
    return [ws.cell(r, col).value for r in range(2, ws.max_row + 1)]


def _title_to_id(journey: JourneyMap) -> dict[str, str]:
    return {journey.card(c).title: c for c in journey.card_ids()}


def test_a_stage_that_loses_a_character_does_not_take_a_cards_id(tmp_path):
    # The shrunk example: the stage "\x17<" was written "<", read first, and took the card's id.
    journey = _map(stage_ids=("\x17<",), card_ids=("<", "of_lane"))
    path, alone, with_base = _round_trip(tmp_path, journey)
    assert _column(path, "Stages") == ["<~2"]
    assert _title_to_id(alone) == {"card 0": "<", "card 1": "of_lane"}
    assert alone.stage_ids() == ("<~2",)
    assert with_base == journey


def test_ids_that_lose_characters_get_forms_no_element_has(tmp_path):
    cards = ("<", "\x17<", "\x18<", "\x17", "~2", "a\x00b")
    journey = _map(card_ids=cards)
    path, alone, with_base = _round_trip(tmp_path, journey)
    written = dict(zip(cards, _column(path, "Cards"), strict=True))
    assert written == {"<": "<", "~2": "~2", "\x17": "~3", "\x17<": "<~2", "\x18<": "<~3",
                       "a\x00b": "ab"}
    assert list(_title_to_id(alone).values()) == [written[c] for c in cards]
    assert with_base == journey


def test_a_form_cut_to_the_id_length_limit(tmp_path):
    long_id = "x" * 63 + "\x17"
    journey = _map(card_ids=("x" * 63, long_id))
    path, alone, with_base = _round_trip(tmp_path, journey)
    assert _column(path, "Cards") == ["x" * 63, "x" * 62 + "~2"]
    assert set(alone.card_ids()) == {"x" * 63, "x" * 62 + "~2"}
    assert with_base == journey


def test_an_id_made_up_on_import_never_takes_an_id_of_the_workbook(tmp_path):
    # Lanes have no ID column: without the original map they get made-up ids, read before the
    # cards, and a made-up id must not be one the Cards sheet gives.
    journey = _map(card_ids=("lane-1",))
    _, alone, _ = _round_trip(tmp_path, journey)
    assert alone.card_ids() == ("lane-1",)
    assert alone.lane_ids() == ("lane-2",)


def test_the_workshop_sheets_write_ids_by_the_same_rule(tmp_path):
    # Comments name their card and themselves by ID, the parking lot its items; each cell shows
    # the form the Cards sheet uses, and a participant's votes stay on the card they were for.
    journey = _map(card_ids=("<", "\x17<"))
    journey.add_participant(Participant("ana", "Ana"))
    journey.set_vote_round(VoteRound(True, 3))
    journey.add_dot("\x17<", "ana")
    journey.set_vote_round(VoteRound(False, 3))
    journey.add_comment(Comment("\x18m", "\x17<", "on the second card", "ana"))
    journey.add_comment(Comment("m", "<", "on the first card", "ana"))
    journey.add_parking_item(ParkingItem("\x01", "later"))
    path = tmp_path / "map.xlsx"
    export_excel(journey, path)
    assert _column(path, "Cards") == ["<", "<~2"]
    assert _column(path, "Cards", "Votes: Ana") == [0, 1]
    assert _column(path, "Comments", "Card ID") == ["<", "<~2"]
    assert _column(path, "Comments") == ["m", "m~2"]
    assert _column(path, "Parking lot") == ["~2"]
    assert import_file(path, base=journey).journey == journey
