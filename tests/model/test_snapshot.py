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
