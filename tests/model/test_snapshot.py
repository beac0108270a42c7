"""MapSnapshot: a map frozen for an export in another thread equals the map it was taken of, and
stays as it was while the map edits on."""
from __future__ import annotations

import pytest

from model import Card, CardKind
from model.journey.snapshot import MapSnapshot
from model.templates import load_template, template_ids


@pytest.mark.parametrize("template_id", template_ids())
def test_a_snapshot_builds_an_equal_map(template_id):
    journey = load_template(template_id, "ja")
    copy = MapSnapshot.of(journey).to_map()
    assert copy == journey
    assert copy is not journey
    assert [c.segments for c in copy.cards()] == [c.segments for c in journey.cards()]


def test_edits_after_the_snapshot_do_not_reach_it():
    journey = load_template("saas-customer-journey", "en")
    journey.set_fields(title="Before")
    snapshot = MapSnapshot.of(journey)
    before = snapshot.to_map()
    stage = journey.stages()[0]
    card = journey.cards()[0]
    journey.set_fields(title="After")
    journey.update_stage(stage.id, name="Renamed")
    journey.update_card(card.id, title="Changed title")
    journey.move_card(card.id, journey.stages()[-1].id, journey.lanes()[-1].id)
    journey.add_card(Card("new-card", CardKind.IDEA, "Added later"), stage.id,
                     journey.lanes()[0].id)
    journey.remove_link(journey.links()[0].id)
    after = snapshot.to_map()
    assert after == before
    assert after.title == "Before"
    assert after.stage(stage.id).name == stage.name
    assert after.card(card.id).title == card.title
    assert not after.has("new-card")
    assert len(after.links()) == len(journey.links()) + 1


def test_unknown_fields_ride_along_and_are_not_shared():
    data = load_template("blank", "en").to_data()
    data["plugin"] = {"nested": [1, 2]}
    from model.fileformat.serialize import map_from_data

    journey = map_from_data(data)
    snapshot = MapSnapshot.of(journey)
    copy = snapshot.to_map()
    assert copy.extra["top"]["plugin"] == {"nested": [1, 2]}
    copy.extra["top"]["plugin"]["nested"].append(3)  # extra hands out copies: nothing leaks back
    assert snapshot.to_map().extra == journey.extra


def test_the_workshop_data_rides_along():
    """A card stamped by a participant, with dots; a thread whose reply was written on a clock
    ahead of its parent's; the parking lot; the vote and the private round: all in the copy
    (before, the copy refused the card: "unknown participant", and every export from the
    window failed on a map edited in a workshop)."""
    from model import Comment, ParkingItem, Participant, PrivateRound, VoteRound

    journey = load_template("saas-customer-journey", "en")
    journey.add_participant(Participant("p1", "Aiko", "#e15759"))
    journey.add_participant(Participant("p2", "Ken"))
    card = journey.cards()[0]
    journey.update_card(card.id, created_by="p1", created_at="2026-11-30T10:00:00+09:00",
                        edited_by="p2", edited_at="2026-11-30T10:05:00+09:00")
    journey.set_dots(card.id, "p2", 2)
    journey.add_comment(Comment("c1", card.id, "Why here?", "p1", "2026-11-30T10:10:00+09:00"))
    journey.add_comment(Comment("c2", card.id, "Because", "p2", "2026-11-30T10:09:00+09:00", "c1"))
    journey.add_parking_item(ParkingItem("k1", "Pricing", "p2", "2026-11-30T10:20:00+09:00"))
    journey.set_vote_round(VoteRound(True, 3, (CardKind.IDEA,), 2, False, False,
                                     "2026-11-30T10:30:00+09:00", ""))
    journey.set_private_round(PrivateRound(False, "2026-11-30T09:00:00+09:00",
                                           "2026-11-30T09:10:00+09:00"))
    copy = MapSnapshot.of(journey).to_map()
    assert copy == journey
    assert copy.card(card.id).created_by == "p1" and copy.card(card.id).dots == {"p2": 2}
    assert [(c.id, c.parent) for c in copy.comments(card.id)] == [("c2", "c1"), ("c1", "")]
    assert copy.parking_items() == journey.parking_items()
    assert copy.vote_round() == journey.vote_round()
    assert copy.private_round() == journey.private_round()
