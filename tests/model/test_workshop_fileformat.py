"""Format version 2: the workshop's data saved and loaded (equal maps, unknown fields kept), the
migration of version 1's ``votes``, and the references the loader checks. Qt-free."""
from __future__ import annotations

import copy
import json

import pytest
from fileformat_helpers import refused, valid_data

from model import Card, CardKind, Comment, ParkingItem, Participant, PrivateRound, VoteRound
from model.fileformat import dumps_journey, load_journey, loads_journey, save_journey
from model.fileformat.fastschema import compile_schema
from model.fileformat.journey_file import _schema
from model.fileformat.migrations import migrate_1_to_2

T0, T1 = "2025-03-14T09:30:00+00:00", "2025-03-14T09:35:00Z"


def workshop_data() -> dict:
    """valid_data() (version 1) brought to version 2 with every workshop field in use."""
    data = copy.deepcopy(valid_data())
    data["version"] = 2
    data["participants"] = [{"id": "ana", "name": "Ana", "colour": "#e15759", "x-seat": 3},
                            {"id": "ken", "name": "健", "colour": "#4e79a7"}]
    data["cards"][0].update(votes=5, dots={"ana": 2, "ken": 1}, created_by="ana", created_at=T0,
                            edited_by="ken", edited_at=T1)
    data["cards"][1].update(private=True, created_by="ken", created_at=T1)
    data["comments"] = [
        {"id": "m1", "card": "c2", "text": "Seen twice", "author": "ana", "created_at": T0,
         "parent": "", "resolved": False, "edited_at": "", "x-emoji": "+1"},
        {"id": "m2", "card": "c2", "text": "Fixed in 2.1", "author": "ken", "created_at": T1,
         "parent": "m1", "resolved": True, "edited_at": T1}]
    data["parking_lot"] = [{"id": "q1", "text": "Pricing page", "author": "ken",
                            "created_at": T0}]
    data["vote_round"] = {"active": True, "dots_per_participant": 3,
                          "kinds": ["pain_point", "idea"], "max_per_card": 2,
                          "anonymous": False, "revealed": False, "started_at": T0,
                          "ended_at": "", "x-timer": 300}
    data["private_round"] = {"active": False, "started_at": T0, "ended_at": T1}
    return data


def test_everything_the_workshop_stores_is_loaded():
    journey = loads_journey(json.dumps(workshop_data()))
    card = journey.card("c1")
    assert card.votes == 5 and dict(card.dots) == {"ana": 2, "ken": 1}
    assert card.unattributed_votes == 2
    assert (card.created_by, card.created_at, card.edited_by, card.edited_at) == (
        "ana", T0, "ken", T1)
    assert journey.card("c2").private
    assert [p.name for p in journey.participants()] == ["Ana", "健"]
    assert journey.participant("ana").extra == {"x-seat": 3}
    assert [c.id for c in journey.comments("c2")] == ["m1", "m2"]
    assert journey.comment("m2").resolved and journey.comment("m2").parent == "m1"
    assert journey.parking_items() == (ParkingItem("q1", "Pricing page", "ken", T0),)
    vote = journey.vote_round()
    assert vote.active and vote.kinds == (CardKind.PAIN_POINT, CardKind.IDEA)
    assert vote.max_per_card == 2 and vote.extra == {"x-timer": 300}
    assert journey.private_round() == PrivateRound(False, T0, T1)


def test_a_version_2_file_saved_and_loaded_is_equal_and_keeps_unknown_fields(tmp_path):
    journey = loads_journey(json.dumps(workshop_data()))
    path = tmp_path / "workshop.journey"
    save_journey(journey, path)
    again = load_journey(path)
    assert again == journey
    assert dumps_journey(again) == path.read_text(encoding="utf-8")
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["version"] == 3  # saved in the current version: one map, one scenario
    assert saved["comments"][0]["x-emoji"] == "+1"
    assert saved["vote_round"]["x-timer"] == 300
    assert saved["participants"][0]["x-seat"] == 3


def test_a_map_built_through_the_model_round_trips():
    journey = loads_journey(json.dumps(valid_data()))
    journey.add_participant(Participant("aiko", "Aiko"))
    journey.set_vote_round(VoteRound(active=True, dots_per_participant=1))
    journey.add_dot("c2", "aiko")
    journey.add_comment(Comment("k1", "c1", "hm", "aiko", T0))
    journey.add_parking_item(ParkingItem("i1", "later", "aiko", T0))
    journey.set_private(["c1"], True)
    assert loads_journey(dumps_journey(journey)) == journey


def test_version_1_votes_become_the_total_all_unattributed(tmp_path):
    data = valid_data()  # version 1: card c1 has "votes": 2
    assert data["version"] == 1
    old = tmp_path / "old.journey"
    old.write_text(json.dumps(data), encoding="utf-8")
    journey = load_journey(old)
    card = journey.card("c1")
    assert card.votes == 2 and card.dots == {} and card.unattributed_votes == 2
    assert journey.card("c2").votes == 0
    save_journey(journey, old)
    saved = json.loads(old.read_text(encoding="utf-8"))
    assert saved["version"] == 3
    assert saved["cards"][0]["votes"] == 2 and saved["cards"][0]["dots"] == {}
    assert load_journey(old) == journey


def test_the_migration_step_leaves_its_input_alone():
    data = valid_data()
    before = copy.deepcopy(data)
    migrated = migrate_1_to_2(data)
    assert migrated["version"] == 2 and data == before
    assert migrated["cards"] == before["cards"]


def test_the_fast_schema_passes_a_valid_version_2_file():
    check = compile_schema(_schema())
    assert check is not None and check(dict(workshop_data(), version=3))
    broken = dict(workshop_data(), version=3)
    broken["cards"][0]["dots"]["ana"] = 0
    assert not check(broken)


def test_a_newer_version_is_refused_by_number():
    error = refused(json.dumps(dict(workshop_data(), version=4)))
    assert "format version 4, which is newer than this app can read (up to version 3)" in str(error)


def broken(change) -> str:
    data = workshop_data()
    change(data)
    return json.dumps(data, ensure_ascii=False)


@pytest.mark.parametrize(("change", "where", "words"), [
    (lambda d: d["cards"][0]["dots"].update(zed=1), 'cards[0].dots.zed',
     'card "c1" has dots of participant "zed", who does not exist'),
    (lambda d: d["cards"][0].update(votes=2), "cards[0].votes",
     'card "c1" has 3 named dots but only 2 votes'),
    (lambda d: d["cards"][1].update(created_by="zed"), "cards[1].created_by",
     'card "c2": its created_by is participant "zed", who does not exist'),
    (lambda d: d["comments"][0].update(card="c9"), "comments[0].card",
     'comment "m1" is on card "c9", which does not exist'),
    (lambda d: d["comments"][1].update(parent="m9"), "comments[1].parent",
     'comment "m2" replies to comment "m9", which does not exist'),
    (lambda d: d["comments"].append({"id": "m3", "card": "c2", "parent": "m2"}),
     "comments[2].parent", "a reply must answer a top-level comment of the same card"),
    (lambda d: d["parking_lot"][0].update(author="zed"), "parking_lot[0].author",
     "who does not exist"),
    (lambda d: d["comments"][0].update(id="c1"), "comments[0].id", 'the id "c1" is used twice'),
    (lambda d: d["cards"][0].update(created_at="14/03/2025"), "cards[0].created_at",
     'card "c1": created_at must be a time like 2025-03-14T09:30:00+09:00, or empty'),
    (lambda d: d["vote_round"].update(dots_per_participant=0), "vote_round.dots_per_participant",
     "must be from 1 to 1000"),
    (lambda d: d["parking_lot"][0].update(text=7), "parking_lot[0].text",
     'parking item "q1": text must be text'),
])
def test_bad_workshop_data_is_refused_naming_the_place(change, where, words):
    error = refused(broken(change))
    assert error.where == where
    assert words in error.reason


def test_a_card_refused_by_the_model_is_never_half_loaded():
    journey = loads_journey(json.dumps(workshop_data()))
    with pytest.raises(ValueError):
        journey.add_card(Card("c9", dots={"ana": 1}), "st-onb", "ln-tp")  # votes 0 < 1 dot
    assert not journey.has("c9")
