"""JourneyMap's index of who is named where (model.journey.people_index) always equals a fresh
scan of the map: after random edits, removals and their restores (what undo and live sync do),
and after a save and load; and a participant's removal reads no card. Plain pytest, no Qt."""
from __future__ import annotations

import random

import pytest

from model import Card, CardKind, Comment, JourneyMap, Lane, ModelError, ParkingItem, Participant, Stage
from model.fileformat.serialize import map_from_data
from model.journey.people_index import CARD, COMMENT, PARKING_ITEM
from model.journey.plain_data import map_to_data
from model.journey.workshop import people_of_card

PEOPLE = ("ana", "ken", "eve", "rui")
T0 = "2025-03-14T09:30:00+00:00"


def fresh_scan(journey: JourneyMap) -> dict[str, dict[str, str]]:
    """participant id -> {element id: kind}, read from every card, comment and parking item."""
    found: dict[str, dict[str, str]] = {}
    named = [(card.id, CARD, people_of_card(card)) for card in journey.cards()]
    named += [(c.id, COMMENT, {c.author}) for c in journey.comments()]
    named += [(i.id, PARKING_ITEM, {i.author}) for i in journey.parking_items()]
    for element_id, kind, people in named:
        for person in filter(None, people):
            found.setdefault(person, {})[element_id] = kind
    return found


def assert_exact(journey: JourneyMap) -> None:
    assert journey._people.as_dict() == fresh_scan(journey)
    for person in (p.id for p in journey.participants()):
        scanned = {c.id: c.dots[person] for c in journey.cards() if person in c.dots}
        assert journey.dots_of(person) == scanned
        assert list(journey.dots_of(person)) == list(scanned)  # journey order
        assert journey.dots_used(person) == sum(scanned.values())


def workshop_map() -> JourneyMap:
    journey = JourneyMap("Workshop")
    for stage_id in ("s1", "s2", "s3"):
        journey.add_stage(Stage(stage_id, stage_id.upper()))
    for lane_id in ("l1", "l2"):
        journey.add_lane(Lane(lane_id, lane_id.upper()))
    for person in PEOPLE:
        journey.add_participant(Participant(person, person.title()))
    return journey


class RandomEditor:
    """Random edits of everything that can name a person, keeping the removal records to restore
    some of them later (out of order, as undo after a peer's change may)."""

    def __init__(self, journey: JourneyMap, seed: int) -> None:
        self.journey, self.rng, self.records, self.made = journey, random.Random(seed), [], 0

    def person(self) -> str:
        """Mostly a participant of the map; sometimes one removed meanwhile (a refused edit)."""
        return self.rng.choice(("", *PEOPLE))

    def step(self) -> None:
        j, rng = self.journey, self.rng
        cards = j.card_ids()
        edits = [self.add_card, self.add_parking_item, self.restore]
        if cards:
            edits += [self.change_card, self.change_card, self.set_dots, self.add_comment,
                      self.remove_card, self.remove_row_or_column, self.set_private]
        if j.comments():
            edits += [self.change_comment, self.remove_comment]
        if j.parking_items():
            edits += [self.change_parking_item, self.remove_parking_item]
        edits.append(self.remove_participant)
        try:
            rng.choice(edits)()
        except ModelError as refused:  # checked before any change: the index must be intact
            assert "unknown participant" in str(refused), refused

    def new_id(self, prefix: str) -> str:
        self.made += 1
        return f"{prefix}{self.made}"

    def add_card(self) -> None:
        card = Card(self.new_id("c"), CardKind.NOTE, "note", created_by=self.person(),
                    created_at=T0)
        j = self.journey
        j.add_card(card, self.rng.choice(j.stage_ids()), self.rng.choice(j.lane_ids()))

    def change_card(self) -> None:
        card_id = self.rng.choice(self.journey.card_ids())
        field = self.rng.choice(("created_by", "edited_by", "title"))
        value = self.person() if field != "title" else "retitled"
        self.journey.update_card(card_id, **{field: value})

    def set_dots(self) -> None:
        card_id = self.rng.choice(self.journey.card_ids())
        self.journey.set_dots(card_id, self.person(), self.rng.choice((0, 0, 1, 2)))

    def set_private(self) -> None:
        self.journey.set_private(self.rng.sample(self.journey.card_ids(), 1), self.rng.random() < 0.5)

    def add_comment(self) -> None:
        j = self.journey
        tops = [c for c in j.comments() if not c.parent]
        if tops and self.rng.random() < 0.4:
            parent = self.rng.choice(tops)
            j.add_comment(Comment(self.new_id("m"), parent.card, "re", self.person(), T0, parent=parent.id))
        else:
            j.add_comment(Comment(self.new_id("m"), self.rng.choice(j.card_ids()), "hm", self.person(), T0))

    def change_comment(self) -> None:
        comment = self.rng.choice(self.journey.comments())
        self.journey.update_comment(comment.id, author=self.person())

    def add_parking_item(self) -> None:
        self.journey.add_parking_item(ParkingItem(self.new_id("q"), "later", self.person(), T0))

    def change_parking_item(self) -> None:
        item = self.rng.choice(self.journey.parking_items())
        self.journey.update_parking_item(item.id, author=self.person())

    def remove_card(self) -> None:
        self.records.append(self.journey.remove_card(self.rng.choice(self.journey.card_ids())))

    def remove_row_or_column(self) -> None:
        j = self.journey
        if self.rng.random() < 0.5 and len(j.stage_ids()) > 1:
            self.records.append(j.remove_stage(self.rng.choice(j.stage_ids())))
        elif len(j.lane_ids()) > 1:
            self.records.append(j.remove_lane(self.rng.choice(j.lane_ids())))

    def remove_comment(self) -> None:
        self.records.append(self.journey.remove_comment(self.rng.choice(self.journey.comments()).id))

    def remove_parking_item(self) -> None:
        item = self.rng.choice(self.journey.parking_items())
        self.records.append(self.journey.remove_parking_item(item.id))

    def remove_participant(self) -> None:
        j, person = self.journey, self.rng.choice(PEOPLE)
        if j.element_type(person) != "participant":
            j.add_participant(Participant(person, person.title()))
            return
        named = person in fresh_scan(j)
        try:
            self.records.append(j.remove_participant(person))
        except ModelError:
            assert named, f"{person} is named nowhere, yet the removal was refused"
            return
        assert not named, f"{person} was removed while still named"

    def restore(self) -> None:
        if not self.records:
            return
        record = self.records.pop(self.rng.randrange(len(self.records)))
        try:
            self.journey.restore(record)
        except ModelError:
            pass  # no longer fits (its stage, card or participant went meanwhile): refused whole


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_index_equals_a_fresh_scan_after_random_edits_and_restores(seed):
    journey = workshop_map()
    editor = RandomEditor(journey, seed)
    for _ in range(400):
        editor.step()
        assert_exact(journey)
    assert journey.card_count() and journey._people.as_dict()  # the run named people
    loaded = map_from_data(map_to_data(journey))  # the load path builds it too
    assert loaded._people.as_dict() == fresh_scan(journey)


def test_a_refusal_counts_what_still_names_the_person():
    journey = workshop_map()
    journey.add_card(Card("c1", CardKind.NOTE, "a", created_by="ana", edited_by="ana"), "s1", "l1")
    journey.add_card(Card("c2", CardKind.NOTE, "b"), "s1", "l1")
    journey.set_dots("c2", "ana", 2)
    journey.add_comment(Comment("m1", "c2", "x", "ana", T0))
    journey.add_parking_item(ParkingItem("q1", "y", "ana", T0))
    with pytest.raises(ModelError, match="2 cards, 1 comment, 1 parking-lot item"):
        journey.remove_participant("ana")
    journey.update_card("c1", created_by="", edited_by="")
    journey.set_dots("c2", "ana", 0)
    journey.remove_comment("m1")
    journey.remove_parking_item("q1")
    journey.remove_participant("ana")
    assert journey._people.as_dict() == {}


class CountingNodes(dict):
    """The graph's node table, counting the node records read (a card read is one of them)."""

    reads = 0

    def __getitem__(self, key):
        CountingNodes.reads += 1
        return super().__getitem__(key)

    def get(self, key, default=None):
        CountingNodes.reads += 1
        return super().get(key, default)

    def values(self):
        CountingNodes.reads += len(self)
        return super().values()

    def items(self):
        CountingNodes.reads += len(self)
        return super().items()


def reads_to_remove_a_new_author(cards: int) -> int:
    journey = workshop_map()
    for n in range(cards):
        journey.add_card(Card(f"c{n}", CardKind.NOTE, "n", created_by="ana"), "s1", "l1")
    journey.add_participant(Participant("new", "New"))
    journey.update_card("c0", edited_by="new")
    journey.update_card("c0", edited_by="")  # undo of their first edit: the card, then them
    journey._graph._node = CountingNodes(journey._graph._node)
    CountingNodes.reads = 0
    journey.remove_participant("new")
    return CountingNodes.reads


def test_removing_a_participant_reads_no_card():
    """The removal that undoes someone's first edit reads as many node records in a map of 50
    cards as in one of 5,000: none of the cards."""
    assert reads_to_remove_a_new_author(50) == reads_to_remove_a_new_author(5000) < 10
