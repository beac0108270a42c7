"""Tests of the migration chain (model.fileformat.migrations) and of loading old files. Qt-free."""
from __future__ import annotations

import copy
import json

import pytest

from model import JourneyFileError
from model.fileformat import load_journey, loads_journey, save_journey, validate_data
from model.fileformat.migrations import CURRENT_VERSION, MIGRATIONS, migrate, migrate_0_to_1


def v0_data() -> dict:
    """A file as the prototype wrote it: names for stages and lanes; cards with ``text`` and
    stage/lane indexes."""
    return {
        "format": "journey-map", "version": 0,
        "map": {"title": "Prototype", "language": "en", "description": ""},
        "stages": ["Onboarding", "導入", "Renewal"],
        "lanes": ["Touchpoints", "Pain points"],
        "cards": [
            {"text": "Chat support", "stage": 0, "lane": 0, "kind": "touchpoint"},
            {"id": "c-manual", "text": "Manual is hard to find", "stage": 1, "lane": 1,
             "x-prototype": {"colour": "yellow"}},
            {"text": "Renewal call", "stage": 2, "lane": 0},
        ],
        "x-saved-by": "prototype 0.1",
    }


def test_chain_covers_every_old_version():
    assert sorted(MIGRATIONS) == list(range(CURRENT_VERSION))


def v1_data() -> dict:
    """A version 1 file: one ``votes`` number per card, no workshop fields."""
    return {"format": "journey-map", "version": 1,
            "stages": [{"id": "s1", "name": "Onboarding"}], "lanes": [{"id": "l1", "name": "Pains"}],
            "cards": [{"id": "c1", "stage": "s1", "lane": "l1", "title": "Slow", "votes": 4}]}


def v2_data() -> dict:
    """A version 2 file: one map at the top level (a version 3 reader's one "as-is" scenario)."""
    return {**v1_data(), "version": 2, "participants": [{"id": "ana", "name": "Ana"}]}


# One sample file per old version; a new migration adds its own.
SAMPLES = {0: v0_data, 1: v1_data, 2: v2_data}


@pytest.mark.parametrize("version", sorted(MIGRATIONS))
def test_each_step_goes_one_version_up_and_leaves_its_input_alone(version):
    data = SAMPLES[version]()
    before = copy.deepcopy(data)
    result = MIGRATIONS[version](data)
    assert result["version"] == version + 1
    assert data == before


def test_v0_becomes_v1_with_generated_ids():
    data = migrate_0_to_1(v0_data())
    assert data["stages"] == [{"id": "stage-1", "name": "Onboarding"},
                              {"id": "stage-2", "name": "導入"},
                              {"id": "stage-3", "name": "Renewal"}]
    assert data["lanes"] == [{"id": "lane-1", "name": "Touchpoints"},
                             {"id": "lane-2", "name": "Pain points"}]
    first, second, third = data["cards"]
    assert first == {"id": "card-1", "stage": "stage-1", "lane": "lane-1", "title": "Chat support",
                     "kind": "touchpoint"}
    assert second["id"] == "c-manual" and second["stage"] == "stage-2"
    assert second["x-prototype"] == {"colour": "yellow"} and "text" not in second
    assert third["id"] == "card-3" and third["lane"] == "lane-1"


def test_generated_ids_skip_ids_the_file_already_uses():
    data = v0_data()
    data["cards"][0]["id"] = "stage-1"
    data["cards"][2]["id"] = "card-2"
    migrated = migrate_0_to_1(data)
    assert [s["id"] for s in migrated["stages"]] == ["stage-2", "stage-3", "stage-4"]
    assert migrated["cards"][0]["stage"] == "stage-2"
    ids = [e["id"] for kind in ("stages", "lanes", "cards") for e in migrated[kind]]
    assert len(ids) == len(set(ids))


def test_current_data_passes_unchanged():
    data = {"format": "journey-map", "version": CURRENT_VERSION, "stages": []}
    assert migrate(data) is data


def test_v0_file_loads_and_saves_as_current_version(tmp_path):
    old = tmp_path / "prototype.journey"
    old.write_text(json.dumps(v0_data(), ensure_ascii=False), encoding="utf-8")
    journey = load_journey(old)
    assert [s.name for s in journey.stages()] == ["Onboarding", "導入", "Renewal"]
    assert journey.cell_card_ids("stage-2", "lane-2") == ("c-manual",)
    assert journey.card("card-1").title == "Chat support"
    new = tmp_path / "saved.journey"
    save_journey(journey, new)
    saved = json.loads(new.read_text(encoding="utf-8"))
    assert saved["version"] == CURRENT_VERSION
    assert saved["x-saved-by"] == "prototype 0.1"
    assert saved["cards"][1]["x-prototype"] == {"colour": "yellow"}
    assert load_journey(new) == journey


def test_validate_data_migrates():
    assert validate_data(v0_data())["version"] == CURRENT_VERSION


def refused(data) -> JourneyFileError:
    with pytest.raises(JourneyFileError) as info:
        loads_journey(json.dumps(data), "old.journey")
    assert str(info.value).startswith("old.journey: ")
    return info.value


@pytest.mark.parametrize("index", [3, -1, "0", None, True])
def test_v0_card_with_a_bad_stage_number(index):
    data = v0_data()
    data["cards"][1]["stage"] = index
    error = refused(data)
    assert "stage number from 0 to 2" in error.reason
    assert error.where == "cards[1].stage"


def test_v0_card_without_lane():
    data = v0_data()
    del data["cards"][2]["lane"]
    error = refused(data)
    assert "lane number" in error.reason and error.where == "cards[2].lane"


def test_v0_stage_that_is_not_a_name():
    data = v0_data()
    data["stages"][1] = {"name": "導入"}
    error = refused(data)
    assert "list of names" in error.reason and error.where == "stages[1]"


def test_v0_lanes_not_a_list():
    data = dict(v0_data(), lanes="Touchpoints")
    assert refused(data).where == "lanes"


def test_v0_card_that_is_not_an_object():
    data = v0_data()
    data["cards"][0] = "Chat support"
    assert refused(data).where == "cards[0]"


def test_v0_result_is_still_schema_checked():
    data = v0_data()
    data["cards"][0]["votes"] = "many"
    error = refused(data)
    assert "votes must be a whole number" in error.reason and error.where == "cards[0].votes"
