"""The workshop's data in the model: participants, dot votes and their rules, private cards,
comments and the parking lot; one event per mutation, removal and exact restore. Qt-free."""
from __future__ import annotations

import pytest

from model import (
    Card,
    CardKind,
    Comment,
    Event,
    JourneyMap,
    Lane,
    ModelError,
    ParkingItem,
    Participant,
    PrivateRound,
    Stage,
    VoteRound,
)

T0, T1, T2 = "2025-03-14T09:30:00+00:00", "2025-03-14T09:31:00+00:00", "2025-03-14T09:32:00+00:00"


@pytest.fixture
def journey() -> JourneyMap:
    j = JourneyMap("Workshop")
    for stage_id in ("s1", "s2"):
        j.add_stage(Stage(stage_id, stage_id.upper()))
    j.add_lane(Lane("l1", "Pains"))
    j.add_participant(Participant("ana", "Ana", "#e15759"))
    j.add_participant(Participant("ken", "Ken"))
    j.add_card(Card("c1", CardKind.PAIN_POINT, "Slow setup", votes=1, created_by="ana",
                    created_at=T0), "s1", "l1")
    j.add_card(Card("c2", CardKind.IDEA, "Wizard"), "s1", "l1")
    j.add_card(Card("c3", CardKind.TOUCHPOINT, "Chat"), "s2", "l1")
    j.add_comment(Comment("m1", "c1", "Seen twice", "ana", T0))
    j.add_comment(Comment("m2", "c1", "Yes", "ken", T1, parent="m1"))
    j.add_parking_item(ParkingItem("q1", "Pricing page", "ken", T0))
    return j


@pytest.fixture
def events(journey) -> list[Event]:
    seen: list[Event] = []
    journey.events.connect(seen.append)
    return seen


def voting(journey, **settings) -> None:
    journey.set_vote_round(VoteRound(active=True, started_at=T0, **settings))


# ------------------------------------------------------------------ one event per mutation
MUTATIONS = [
    (lambda j: j.add_participant(Participant("eve", "Eve"), 0),
     Event("participant_added", {"participant_id": "eve", "index": 0})),
    (lambda j: j.update_participant("ken", name="Kenji"),
     Event("participant_changed", {"participant_id": "ken", "fields": ("name",)})),
    (lambda j: j.move_participant("ken", 0),
     Event("participant_moved", {"participant_id": "ken", "old_index": 1, "new_index": 0})),
    (lambda j: j.set_vote_round(VoteRound(active=True, dots_per_participant=5)),
     Event("vote_round_changed", {"fields": ("active", "dots_per_participant")})),
    (lambda j: j.set_dots("c2", "ken", 2),  # a dot: the card changed (every view follows it)
     Event("card_changed", {"card_id": "c2", "participant_id": "ken", "old": 0, "new": 2,
                            "fields": ("votes", "dots")})),
    (lambda j: j.set_private_round(PrivateRound(True, T0)),
     Event("private_round_changed", {"fields": ("active", "started_at")})),
    (lambda j: j.set_private(["c2", "c3"], True),
     Event("privacy_changed", {"card_ids": ("c2", "c3"), "private": True})),
    (lambda j: j.add_comment(Comment("m3", "c2", "Why?", "ana", T2)),
     Event("comment_added", {"comment_id": "m3", "card_id": "c2"})),
    (lambda j: j.update_comment("m1", resolved=True),
     Event("comment_changed", {"comment_id": "m1", "card_id": "c1", "fields": ("resolved",)})),
    (lambda j: j.add_parking_item(ParkingItem("q2", "Later"), 0),
     Event("parking_item_added", {"parking_item_id": "q2", "index": 0})),
    (lambda j: j.update_parking_item("q1", text="Pricing"),
     Event("parking_item_changed", {"parking_item_id": "q1", "fields": ("text",)})),
]


@pytest.mark.parametrize(("mutate", "expected"), MUTATIONS, ids=[e.type for _, e in MUTATIONS])
def test_each_mutator_emits_exactly_its_event(journey, events, mutate, expected):
    mutate(journey)
    assert events == [expected]


def test_removals_emit_one_event_with_their_dependents(journey, events):
    journey.remove_comment("m1")
    journey.remove_parking_item("q1")
    assert [e.type for e in events] == ["comment_removed", "parking_item_removed"]
    assert events[0].card_id == "c1" and events[0].comment_ids == ("m2",)
    assert events[1].index == 0


# ------------------------------------------------------------------ participants
def test_a_participant_still_named_cannot_be_removed(journey):
    with pytest.raises(ModelError, match="Ana.*1 card, 1 comment"):
        journey.remove_participant("ana")
    journey.add_participant(Participant("eve", "Eve"))
    record = journey.remove_participant("eve")
    assert [p.id for p in journey.participants()] == ["ana", "ken"]
    journey.restore(record)
    assert [p.id for p in journey.participants()] == ["ana", "ken", "eve"]
    assert journey.participant_named("Eve").id == "eve"


@pytest.mark.parametrize("change", [
    dict(created_by="nobody"), dict(edited_by="nobody"), dict(dots={"nobody": 1}, votes=1)])
def test_a_card_names_only_known_participants(journey, change):
    with pytest.raises(ModelError, match="unknown participant 'nobody'"):
        journey.update_card("c2", **change)
    assert journey.card("c2") == Card("c2", CardKind.IDEA, "Wizard")


@pytest.mark.parametrize("value", ["yesterday", "2025-13-01T10:00:00Z", "2025-03-14", 5])
def test_times_are_iso_8601_or_nothing(journey, value):
    with pytest.raises(ModelError, match="ISO 8601"):
        journey.update_card("c2", edited_at=value)
    journey.update_card("c2", edited_at="2025-03-14T09:30:00Z", edited_by="ken")
    assert journey.card("c2").edited_by == "ken"


# ------------------------------------------------------------------ votes
def test_dots_add_to_the_total_and_the_rest_is_unattributed(journey):
    journey.set_dots("c1", "ana", 2)
    journey.set_dots("c1", "ken", 1)
    card = journey.card("c1")
    assert card.votes == 4 and dict(card.dots) == {"ana": 2, "ken": 1}
    assert card.unattributed_votes == 1
    journey.set_dots("c1", "", 0)  # the unattributed part
    journey.set_dots("c1", "ana", 0)
    assert journey.card("c1").votes == 1 and dict(journey.card("c1").dots) == {"ken": 1}


def test_votes_cannot_fall_below_the_named_dots(journey):
    journey.set_dots("c1", "ana", 2)
    with pytest.raises(ModelError, match=r"named dots \(2\) are more than its votes \(1\)"):
        journey.update_card("c1", votes=1)
    journey.update_card("c1", votes=5)  # an inspector's count: the unattributed part grows
    assert journey.card("c1").unattributed_votes == 3


def test_add_dot_keeps_the_rules_of_the_running_vote(journey):
    with pytest.raises(ModelError, match="no vote is running"):
        journey.add_dot("c1", "ana")
    voting(journey, dots_per_participant=3, kinds=(CardKind.PAIN_POINT, CardKind.IDEA),
           max_per_card=2)
    with pytest.raises(ModelError, match="\"Chat\" is a touchpoint card; this vote is on "
                                         "pain_point, idea only"):
        journey.add_dot("c3", "ana")
    journey.add_dot("c1", "ana")
    journey.add_dot("c1", "ana")
    with pytest.raises(ModelError, match="Ana already has 2 of the at most 2 dots"):
        journey.add_dot("c1", "ana")
    journey.add_dot("c2", "ana")
    with pytest.raises(ModelError, match="Ana has used all 3 dots"):
        journey.add_dot("c2", "ana")
    assert journey.remaining_dots("ana") == 0 and journey.remaining_dots("ken") == 3
    assert journey.dots_of("ana") == {"c1": 2, "c2": 1}
    journey.remove_dot("c1", "ana")
    assert journey.remaining_dots("ana") == 1 and journey.card("c1").votes == 2
    with pytest.raises(ModelError, match="Ken has no dot on \"Wizard\""):
        journey.remove_dot("c2", "ken")
    with pytest.raises(ModelError, match="no participant with id 'zed'"):
        journey.add_dot("c1", "zed")


def test_the_ranking_orders_by_votes_then_journey_order(journey):
    journey.set_dots("c3", "ken", 1)
    journey.set_dots("c2", "ana", 1)
    assert [(card.id, votes) for card, votes in journey.vote_ranking()] == [
        ("c1", 1), ("c2", 1), ("c3", 1)]
    journey.set_dots("c3", "ana", 2)
    assert [card.id for card, _ in journey.vote_ranking()] == ["c3", "c1", "c2"]


def test_vote_settings_are_checked(journey):
    for bad in (dict(dots_per_participant=0), dict(max_per_card=-1),
                dict(kinds=("idea", "idea")), dict(started_at="soon")):
        with pytest.raises(ModelError):
            journey.set_vote_round(VoteRound(**bad))
    with pytest.raises(ValueError):
        VoteRound(kinds=("sticker",))
    assert journey.vote_round() == VoteRound()


# ------------------------------------------------------------------ private cards
def test_reveal_clears_every_private_mark_in_one_event(journey, events):
    journey.set_private(["c1", "c3"], True)
    assert journey.private_card_ids() == ("c1", "c3")
    events.clear()
    assert journey.reveal_private_cards() == ("c1", "c3")
    assert journey.private_card_ids() == () and len(events) == 1
    with pytest.raises(ModelError, match="no card with id 'nope'"):
        journey.set_private(["c1", "nope"], True)
    assert not journey.card("c1").private  # refused before any change


# ------------------------------------------------------------------ comments
def test_threads_are_one_level_deep_on_one_card(journey):
    with pytest.raises(ModelError, match="a reply must answer a top-level comment"):
        journey.add_comment(Comment("m3", "c1", "re re", "ana", T2, parent="m2"))
    with pytest.raises(ModelError, match="a reply must answer a top-level comment"):
        journey.add_comment(Comment("m3", "c2", "elsewhere", "ana", T2, parent="m1"))
    with pytest.raises(ModelError, match="no card with id 'c9'"):
        journey.add_comment(Comment("m3", "c9", "lost"))
    with pytest.raises(ModelError, match="already used"):
        journey.add_comment(Comment("c2", "c1", "id of a card"))
    [(top, replies)] = journey.comment_threads("c1")
    assert top.id == "m1" and [r.id for r in replies] == ["m2"]
    assert journey.comment_count("c1") == 2 and journey.comment_count("c2") == 0


def test_comments_keep_one_canonical_order(journey):
    journey.add_comment(Comment("m0", "c2", "earliest", created_at="2025-03-14T08:00:00+00:00"))
    journey.add_comment(Comment("a9", "c2", "same time", created_at=T1))
    assert [c.id for c in journey.comments()] == ["m0", "m1", "a9", "m2"]
    journey.update_comment("m0", created_at=T2)
    assert [c.id for c in journey.comments()] == ["m1", "a9", "m2", "m0"]
    with pytest.raises(ModelError, match="card and parent cannot change"):
        journey.update_comment("m2", parent="")


def test_removing_a_comment_takes_its_replies_and_restore_brings_them_back(journey):
    before = journey.to_data()
    record = journey.remove_comment("m1")
    assert journey.comments() == ()
    journey.restore(record)
    assert journey.to_data() == before


@pytest.mark.parametrize("remove", [lambda j: j.remove_card("c1"), lambda j: j.remove_stage("s1"),
                                    lambda j: j.remove_lane("l1")])
def test_removing_a_card_takes_its_comments_and_restore_is_exact(journey, events, remove):
    journey.update_comment("m2", resolved=True, text="Fixed")
    before = journey.to_data()
    events.clear()
    record = remove(journey)
    assert journey.comments() == () and set(events[0].comment_ids) == {"m1", "m2"}
    journey.restore(record)
    assert journey.to_data() == before
    assert set(events[-1].comment_ids) == {"m1", "m2"}


def test_a_comment_cannot_come_back_without_its_card(journey):
    comment_record = journey.remove_comment("m1")
    journey.remove_card("c1")
    with pytest.raises(ModelError, match="card 'c1' is gone"):
        journey.restore(comment_record)


# ------------------------------------------------------------------ parking lot
def test_parking_items_are_ordered_moved_and_restored(journey):
    journey.add_parking_item(ParkingItem("q2", "Support hours", "ana", T1))
    journey.add_parking_item(ParkingItem("q3", "Invoices", "", T2), 0)
    assert [i.id for i in journey.parking_items()] == ["q3", "q1", "q2"]
    journey.move_parking_item("q3", 2)
    assert [i.id for i in journey.parking_items()] == ["q1", "q2", "q3"]
    record = journey.remove_parking_item("q2")
    journey.restore(record)
    assert [i.id for i in journey.parking_items()] == ["q1", "q2", "q3"]
    with pytest.raises(ModelError, match="unknown participant"):
        journey.add_parking_item(ParkingItem("q4", "x", "nobody"))
    with pytest.raises(ModelError):
        journey.move_parking_item("q1", 3)
