"""Per-person undo at engine level: the editor replays the inverse of A's step through the model
inside ``local_step(undo=True)``. It never reverts what B changed since: fields B did not touch
are restored, a field or element B changed refuses the whole step (UndoConflict, a ModelError),
and an inverse the model itself cannot apply any more raises ModelError. Real Docs and engines,
updates exchanged as over the wire."""
from __future__ import annotations

import pytest
from pycrdt import Doc

from collab.engine import SyncEngine, UndoConflict
from model import Card, ModelError, Stage
from model.fileformat import dumps_journey
from model.templates import load_template


class Pair:
    def __init__(self) -> None:
        self.a = SyncEngine(load_template("saas-cs-lifecycle", "en"), Doc())
        self.a.publish()
        doc = Doc()
        doc.apply_update(self.a.doc.get_update())
        self.b = SyncEngine.join(doc)
        self.queue: list[tuple[Doc, bytes]] = []
        self.a.doc.observe(lambda e: self.queue.append((self.b.doc, e.update)))
        self.b.doc.observe(lambda e: self.queue.append((self.a.doc, e.update)))

    def sync(self) -> None:
        while self.queue:
            doc, update = self.queue.pop(0)
            doc.apply_update(update)
        assert dumps_journey(self.a.journey) == dumps_journey(self.b.journey)


@pytest.fixture
def pair() -> Pair:
    return Pair()


def first_card(engine):
    return engine.journey.card_ids()[0]


def test_undo_restores_my_field_and_keeps_theirs(pair):
    card = first_card(pair.a)
    old_title = pair.a.journey.card(card).title
    with pair.a.local_step():
        pair.a.journey.update_card(card, title="A's title")
    pair.sync()
    with pair.b.local_step():
        pair.b.journey.update_card(card, details="B's details")
    pair.sync()
    with pair.a.local_step(undo=True):
        pair.a.journey.update_card(card, title=old_title)
    pair.sync()
    assert pair.b.journey.card(card).title == old_title
    assert pair.b.journey.card(card).details == "B's details"


def test_undoing_a_move_keeps_their_retitle(pair):
    card = first_card(pair.a)
    place = pair.a.journey.card_place(card)
    target = pair.a.journey.stage_ids()[-1]
    with pair.a.local_step():
        pair.a.journey.move_card(card, target, place.lane, 0)
    pair.sync()
    with pair.b.local_step():
        pair.b.journey.update_card(card, title="B renamed it")
    pair.sync()
    with pair.a.local_step(undo=True):
        pair.a.journey.move_card(card, place.stage, place.lane, place.index)
    pair.sync()
    assert pair.b.journey.card_place(card) == place
    assert pair.b.journey.card(card).title == "B renamed it"


def test_undo_of_a_field_they_changed_since_is_refused_and_changes_nothing(pair):
    card = first_card(pair.a)
    old_title = pair.a.journey.card(card).title
    with pair.a.local_step():
        pair.a.journey.update_card(card, title="A's title")
    pair.sync()
    with pair.b.local_step():
        pair.b.journey.update_card(card, title="B's later title")
    pair.sync()
    with pytest.raises(UndoConflict), pair.a.local_step(undo=True):
        pair.a.journey.update_card(card, title=old_title)
    assert isinstance(UndoConflict("x"), ModelError)
    pair.sync()
    assert pair.a.journey.card(card).title == pair.b.journey.card(card).title == "B's later title"


def test_undoing_my_stage_that_now_holds_their_card_is_refused(pair):
    lane = pair.a.journey.lane_ids()[0]
    with pair.a.local_step():
        pair.a.journey.add_stage(Stage("st-new", "A's stage"), 0)
    pair.sync()
    with pair.b.local_step():
        pair.b.journey.add_card(Card("b-card", title="B's note"), "st-new", lane)
    pair.sync()
    with pytest.raises(UndoConflict), pair.a.local_step(undo=True):
        pair.a.journey.remove_stage("st-new")
    pair.sync()
    assert pair.a.journey.card_place("b-card").stage == "st-new"
    assert pair.b.journey.has("b-card") and pair.b.journey.has("st-new")


def test_an_inverse_that_no_longer_applies_raises_model_error(pair):
    card = first_card(pair.a)
    with pair.a.local_step():
        pair.a.journey.update_card(card, title="A's title")
    pair.sync()
    with pair.b.local_step():
        pair.b.journey.remove_card(card)
    pair.sync()
    with pytest.raises(ModelError), pair.a.local_step(undo=True):
        pair.a.journey.update_card(card, title="old")
    pair.sync()
    assert not pair.a.journey.has(card)


def test_restoring_my_deleted_stage_brings_back_their_card_added_meanwhile(pair):
    stage = pair.a.journey.stage_ids()[1]
    lane = pair.a.journey.lane_ids()[0]
    with pair.a.local_step():
        record = pair.a.journey.remove_stage(stage)
    with pair.b.local_step():  # concurrently: B adds a note to that stage
        pair.b.journey.add_card(Card("late", title="late note"), stage, lane)
    pair.sync()
    assert pair.a.journey.has("late")  # shown elsewhere, not lost
    assert [n.element_id for n in pair.a.notices] == ["late"]
    with pair.a.local_step(undo=True):
        pair.a.journey.restore(record)
    pair.sync()
    assert pair.b.journey.card_place("late").stage == stage
    assert pair.a.notices == []


def test_remote_applied_is_said_for_the_others_changes_only(pair):
    """The editor takes "remote_applied" as someone else's change (the map differs from the
    file; typing after it is a new undo step), so one's own writes must not raise it."""
    heard = {"a": 0, "b": 0}
    pair.a.events.connect(lambda e: e.type == "remote_applied" and heard.__setitem__("a", heard["a"] + 1))
    pair.b.events.connect(lambda e: e.type == "remote_applied" and heard.__setitem__("b", heard["b"] + 1))
    card = first_card(pair.a)
    with pair.a.local_step():
        pair.a.journey.update_card(card, title="Mine")
    assert heard == {"a": 0, "b": 0}
    pair.sync()
    assert heard == {"a": 0, "b": 1}
