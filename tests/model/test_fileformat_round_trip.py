"""Tests of the `.journey` file layer (model.fileformat): save -> load gives an equal map, the
output is the documented UTF-8 JSON that passes the published schema, and unknown fields survive
a load/save. Qt-free.
"""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import jsonschema
from hypothesis import given

from model import JourneyMap
from model.fileformat.journey_file import dumps_journey, load_journey, loads_journey, save_journey
from resources import SCHEMA_PATH
from tests.model.fileformat_helpers import slow, valid_data
from tests.model.strategies import journey_maps


# ----------------------------------------------------------------------------- round trips
@slow
@given(journey_maps())
def test_save_then_load_gives_an_equal_map(journey):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "map.journey"
        save_journey(journey, path)
        assert load_journey(path) == journey
        assert os.listdir(folder) == ["map.journey"]


@slow
@given(journey_maps())
def test_dumps_is_stable_across_a_round_trip(journey):
    text = dumps_journey(journey)
    assert dumps_journey(loads_journey(text)) == text


@slow
@given(journey_maps())
def test_everything_the_model_saves_passes_the_published_schema(journey):
    # The plain Draft 2020-12 validator, as another tool would use it.
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.validate(json.loads(dumps_journey(journey)), schema,
                        cls=jsonschema.Draft202012Validator)


def test_schema_is_a_valid_draft_2020_12_schema():
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_output_is_utf8_indented_json_with_japanese_as_itself(tmp_path):
    path = tmp_path / "map.journey"
    save_journey(loads_journey(json.dumps(valid_data())), path)
    raw = path.read_bytes()
    text = raw.decode("utf-8")
    assert "オンボーディング" in text and "\\u" not in text
    assert text.startswith('{\n  "format": "journey-map",\n  "version": 3,\n  "map": {')
    assert text.endswith("}\n")
    assert list(json.loads(text)) == ["format", "version", "map", "segments", "stages", "lanes",
                                      "cards", "transitions", "paths", "links", "participants",
                                      "comments", "parking_lot", "vote_round", "private_round"]


def test_minimal_file_and_bom_are_accepted():
    assert loads_journey('{"format": "journey-map", "version": 1}') == JourneyMap()
    bom = b"\xef\xbb\xbf" + json.dumps(valid_data()).encode("utf-8")
    assert loads_journey(bom).title == "オンボーディング"


def test_loaded_map_has_every_element():
    journey = loads_journey(json.dumps(valid_data()))
    assert journey.stage_ids() == ("st-onb", "st-adopt")
    assert journey.cell_card_ids("st-onb", "ln-tp") == ("c1",)
    assert journey.card("c1").segments == ("seg-smb",)
    assert [t.id for t in journey.transitions()] == ["t1"]
    assert journey.path("p1").stages == ("st-onb", "st-adopt")
    assert journey.link("l1").target == "c2"


# ----------------------------------------------------------------------------- unknown fields
def with_unknown_fields() -> dict:
    data = valid_data()
    data["x-top"] = {"nested": [1, 2.5, None, "未来"]}
    data["map"]["x-map"] = True
    for array in ("segments", "stages", "lanes", "cards", "transitions", "paths", "links"):
        data[array][0][f"x-{array}"] = {"kept": array, "deep": [[{"a": 1}]]}
    return data


def test_unknown_fields_survive_load_save_load(tmp_path):
    original = with_unknown_fields()
    (tmp_path / "in.journey").write_text(json.dumps(original), encoding="utf-8")
    save_journey(load_journey(tmp_path / "in.journey"), tmp_path / "out.journey")
    saved = json.loads((tmp_path / "out.journey").read_text(encoding="utf-8"))
    assert saved["x-top"] == original["x-top"]
    assert saved["map"]["x-map"] is True
    for array in ("segments", "stages", "lanes", "cards", "transitions", "paths", "links"):
        assert saved[array][0][f"x-{array}"] == {"kept": array, "deep": [[{"a": 1}]]}
    assert load_journey(tmp_path / "out.journey") == load_journey(tmp_path / "in.journey")

def test_unknown_fields_inside_exit_criteria_survive_a_round_trip():
    text = ('{"format": "journey-map", "version": 1, "stages": [{"id": "s", "name": "S", '
            '"exit_criteria": [{"text": "done", "kpi": "", "weight": 3}]}]}')
    again = loads_journey(dumps_journey(loads_journey(text)))
    assert again.to_data()["stages"][0]["exit_criteria"][0]["weight"] == 3
