"""The workshop's data in a live session (layout version 2): participants, dots, the vote's and
private round's settings, private marks, authorship, comments and the parking lot travel
between peers, and the repair rules R10-R12 decide what concurrent edits leave. Real pycrdt
Docs and engines; updates held back to make edits concurrent, then exchanged as over the wire."""
from __future__ import annotations

import pytest
from pycrdt import Doc, Map

from collab.engine import SyncEngine
from model import Card, Comment, JourneyMap, Lane, ParkingItem, Participant, Stage, VoteRound
from model.fileformat import dumps_journey, loads_journey

T0, T1 = "2025-03-14T09:30:00+00:00", "2025-03-14T09:31:00+00:00"


def workshop_map() -> JourneyMap:
    journey = JourneyMap("Live workshop")
    journey.add_stage(Stage("s1", "Onboarding"))
    journey.add_lane(Lane("l1", "Pains"))
    for card_id in ("c1", "c2", "c3"):
        journey.add_card(Card(card_id, title=card_id.upper()), "s1", "l1")
    journey.add_participant(Participant("ana", "Ana"))
    journey.add_participant(Participant("ken", "Ken"))
    return journey


class Pair:
    """Two peers; ``held`` keeps each side's updates until ``sync``: edits made meanwhile on both
    sides are concurrent."""

    def __init__(self, journey: JourneyMap) -> None:
        self.a = SyncEngine(journey, Doc())
        self.a.publish()
        doc = Doc()
        doc.apply_update(self.a.doc.get_update())
        self.b = SyncEngine.join(doc)
        self.held: list[tuple[Doc, bytes]] = []
        self.a.doc.observe(lambda e: self.held.append((self.b.doc, e.update)))
        self.b.doc.observe(lambda e: self.held.append((self.a.doc, e.update)))

    def sync(self) -> None:
        while self.held:
            doc, update = self.held.pop(0)
            doc.apply_update(update)
        assert dumps_journey(self.a.journey) == dumps_journey(self.b.journey)
        fresh = Doc()
        fresh.apply_update(self.a.doc.get_update())
        assert dumps_journey(SyncEngine.join(fresh).journey) == dumps_journey(self.a.journey)

    def step(self, engine, edit) -> None:
        with engine.local_step():
            edit(engine.journey)


@pytest.fixture
def pair() -> Pair:
    return Pair(workshop_map())


def test_everything_the_workshop_stores_reaches_the_other_peer(pair):
    def edits(j):
        j.set_vote_round(VoteRound(True, 3, ("note",), 2, anonymous=True, started_at=T0))
        j.add_dot("c1", "ana")
        j.set_dots("c2", "", 4)
        j.set_private(["c3"], True)
        j.update_card("c2", edited_by="ken", edited_at=T1)
        j.add_comment(Comment("m1", "c1", "Seen twice", "ana", T0))
        j.add_comment(Comment("m2", "c1", "Me too", "ken", T1, parent="m1"))
        j.add_parking_item(ParkingItem("q1", "Pricing", "ken", T0))
        j.update_participant("ken", name="Kenji")
    pair.step(pair.a, edits)
    pair.sync()
    b = pair.b.journey
    assert b.vote_round().anonymous and b.vote_round().max_per_card == 2
    assert dict(b.card("c1").dots) == {"ana": 1} and b.card("c2").votes == 4
    assert b.private_card_ids() == ("c3",) and b.card("c2").edited_by == "ken"
    assert [c.id for c, _ in b.comment_threads("c1")] == ["m1"]
    assert b.parking_items()[0].text == "Pricing" and b.participant("ken").name == "Kenji"
    pair.step(pair.b, lambda j: (j.remove_comment("m1"), j.move_parking_item("q1", 0),
                                 j.reveal_private_cards()))
    pair.sync()
    assert pair.a.journey.comments() == () and pair.a.journey.private_card_ids() == ()


def test_a_published_map_with_workshop_data_is_joined_equal():
    journey = workshop_map()
    journey.set_vote_round(VoteRound(True, 2, started_at=T0))
    journey.add_dot("c2", "ken")
    journey.add_comment(Comment("m1", "c2", "hm", "ken", T0))
    journey.add_parking_item(ParkingItem("q1", "later"))
    pair = Pair(journey)
    assert dumps_journey(pair.b.journey) == dumps_journey(journey)


def test_dots_of_different_participants_on_one_card_both_count(pair):
    pair.step(pair.a, lambda j: j.set_vote_round(VoteRound(True, 3)))
    pair.sync()
    pair.step(pair.a, lambda j: j.add_dot("c1", "ana"))
    pair.step(pair.b, lambda j: j.add_dot("c1", "ken"))
    pair.step(pair.b, lambda j: j.set_dots("c1", "", 2))  # counted by hand meanwhile
    pair.sync()
    card = pair.a.journey.card("c1")
    assert dict(card.dots) == {"ana": 1, "ken": 1} and card.votes == 4


def test_a_participant_over_budget_after_concurrent_clicks_keeps_the_budget(pair):
    """R11: Ana has 2 dots; she places her last one on c3 on her laptop while the facilitator
    records one on c2 for her: 4 placed, 3 allowed; the card whose id sorts last loses it."""
    pair.step(pair.a, lambda j: (j.set_vote_round(VoteRound(True, 3)), j.add_dot("c1", "ana"),
                                 j.add_dot("c1", "ana")))
    pair.sync()
    pair.step(pair.a, lambda j: j.add_dot("c3", "ana"))
    pair.step(pair.b, lambda j: j.add_dot("c2", "ana"))
    pair.sync()
    journey = pair.b.journey
    assert journey.dots_of("ana") == {"c1": 2, "c2": 1} and journey.remaining_dots("ana") == 0
    assert journey.card("c3").votes == 0
    # The cut is written back with the next step, so stopping the vote does not revive it.
    pair.step(pair.a, lambda j: j.set_vote_round(VoteRound(False, 3)))
    pair.sync()
    assert pair.b.journey.dots_of("ana") == {"c1": 2, "c2": 1}


def test_the_most_dots_per_card_hold_when_the_vote_changes_concurrently(pair):
    pair.step(pair.a, lambda j: j.set_vote_round(VoteRound(True, 5)))
    pair.sync()
    pair.step(pair.a, lambda j: [j.add_dot("c1", "ken") for _ in range(3)])
    pair.step(pair.b, lambda j: j.set_vote_round(VoteRound(True, 5, max_per_card=2)))
    pair.sync()
    assert pair.a.journey.card("c1").dots == {"ken": 2}


def test_a_comment_on_a_card_removed_meanwhile_is_hidden_and_returns_with_the_card(pair):
    """R12: the comment stays in the document; undoing the removal shows it again."""
    removal = []
    pair.step(pair.a, lambda j: removal.append(j.remove_card("c2")))
    pair.step(pair.b, lambda j: j.add_comment(Comment("m1", "c2", "Important!", "ken", T0)))
    pair.sync()
    assert not pair.b.journey.has("c2") and pair.b.journey.comments() == ()
    pair.step(pair.a, lambda j: j.restore(removal[0]))
    pair.sync()
    assert [c.id for c in pair.b.journey.comments("c2")] == ["m1"]


def test_a_reply_to_a_comment_removed_meanwhile_is_hidden(pair):
    pair.step(pair.a, lambda j: j.add_comment(Comment("m1", "c1", "Q", "ana", T0)))
    pair.sync()
    pair.step(pair.a, lambda j: j.remove_comment("m1"))
    pair.step(pair.b, lambda j: j.add_comment(Comment("m2", "c1", "A", "ken", T1, parent="m1")))
    pair.sync()
    assert pair.a.journey.comments() == ()


def test_a_participant_removed_while_named_concurrently_leaves_the_votes_counted(pair):
    """R10: the removal wins (a participant is removed only when nothing named them, as the
    remover saw it); the dots placed meanwhile become unattributed votes, the total stays."""
    pair.step(pair.a, lambda j: j.set_vote_round(VoteRound(True, 3)))
    pair.sync()
    pair.step(pair.a, lambda j: j.remove_participant("ken"))
    pair.step(pair.b, lambda j: (j.add_dot("c1", "ken"), j.add_comment(
        Comment("m1", "c1", "mine", "ken", T0))))
    pair.sync()
    card = pair.a.journey.card("c1")
    assert card.votes == 1 and card.dots == {} and pair.a.journey.comment("m1").author == ""


def test_a_foreign_clients_odd_values_are_read_as_the_rules_say():
    doc = Doc()
    with doc.transaction():
        doc.get("stages", type=Map)["s1"] = Map({"name": "S", "pos": "a0"})
        doc.get("lanes", type=Map)["l1"] = Map({"name": "L", "pos": "a0"})
        doc.get("participants", type=Map)["ana"] = Map({"name": "Ana", "pos": "a0"})
        doc.get("cards", type=Map)["c1"] = Map({
            "title": "T", "place": {"stage": "s1", "lane": "l1", "pos": "a0"},
            "votes": Map({"7": 1.0}), "dots": Map({"ana": 2.0, "ghost": 3, "bad": "x", "z": 0}),
            "private": "yes", "created_by": "ghost", "created_at": "noon"})
        doc.get("comments", type=Map).update({
            "m1": Map({"card": "c1", "text": "top", "created_at": T0}),
            "m2": Map({"card": "c1", "text": "reply", "parent": "m1", "created_at": T1}),
            "m3": Map({"card": "c1", "text": "reply to a reply", "parent": "m2"}),
            "m4": Map({"card": "gone", "text": "lost card"})})
        doc.get("map", type=Map)["vote_round"] = {"active": True, "dots_per_participant": -4}
    journey = SyncEngine.join(doc).journey
    card = journey.card("c1")
    assert dict(card.dots) == {"ana": 2} and card.votes == 6  # 1 counted + 2 named + 3 of a ghost
    assert not card.private and card.created_by == "" and card.created_at == ""
    assert [(c.id, c.parent) for c in journey.comments()] == [("m3", "m1"), ("m1", ""),
                                                              ("m2", "m1")]
    assert journey.vote_round().active and journey.vote_round().dots_per_participant == 3
    loads_journey(dumps_journey(journey))  # a valid file, whatever the document held
