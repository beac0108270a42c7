"""Tests of the `.journey` file layer (model.fileformat): content and files that cannot be loaded
are refused with a JourneyFileError naming the file, the place (line and column, or the path
of the field) and the cause: not JSON, wrong shapes and values, broken references, a wrong
header, a missing, unreadable or folder path. Qt-free.
"""
from __future__ import annotations

import errno
import json

import pytest

from model import JourneyFileError
from model.fileformat import journey_file as fileformat
from model.fileformat.journey_file import load_journey, save_journey
from tests.model.fileformat_helpers import needs_permissions, refused, refused_data, valid_data


# ----------------------------------------------------------------------------- bad content
def test_not_json_names_line_and_column():
    error = refused('{\n  "format": "journey-map",\n  "version": 1\n  "map": {}\n}')
    assert "is not valid JSON" in error.reason and "delimiter" in error.reason
    assert error.where == "line 4, column 3"


def test_not_utf8_names_the_byte():
    error = refused(b'{"format": "journey-map",\n "version": 1, "map": {"title": "caf\xe9"}}')
    assert "not UTF-8" in error.reason and "0xe9" in error.reason
    assert error.where.startswith("line 2, byte ")


def test_utf16_is_named():
    error = refused(json.dumps(valid_data()).encode("utf-16"))
    assert "is UTF-16 text, not UTF-8" in error.reason


@pytest.mark.parametrize("text", ["", "   \n\t "])
def test_empty_content(text):
    assert "is empty" in refused(text).reason


@pytest.mark.parametrize("change, fragments, where", [
    (lambda d: d["cards"][0].update(title=5), ['card "c1"', "title must be text", "5"],
     "cards[0].title"),
    (lambda d: d.update(stages={}), ["stages must be a list"], "stages"),
    (lambda d: d["cards"].__setitem__(1, "c2"), ["entry 2 of cards must be an object"],
     "cards[1]"),
    (lambda d: d["cards"][0].pop("stage"), ['card "c1"', 'required field "stage" is missing'],
     "cards[0].stage"),
    (lambda d: d["links"][0].pop("id"), ['required field "id" is missing'], "links[0].id"),
    (lambda d: d["cards"][0].update(votes=-1), ["votes must be at least 0", "-1"],
     "cards[0].votes"),
    (lambda d: d["cards"][0].update(votes=1.0), ["votes must be a whole number"],
     "cards[0].votes"),
    (lambda d: d["cards"][0].update(votes=True), ["votes must be a whole number"],
     "cards[0].votes"),
    (lambda d: d["stages"][0]["emotions"].update({"": 2.5}),
     ['stage "st-onb"', "emotion of all customers must be from -2 to 2", "2.5"],
     'stages[0].emotions[""]'),
    (lambda d: d["transitions"][0].update(conversion_rate=1.5),
     ['transition "t1"', "conversion_rate must be from 0 to 1", "1.5"],
     "transitions[0].conversion_rate"),
    (lambda d: d["transitions"][0].update(conversion_rate="90%"),
     ["conversion_rate must be a number or null"], "transitions[0].conversion_rate"),
    (lambda d: d["lanes"][0].update(kind="swimlane"),
     ['lane "ln-tp"', "kind must be one of", '"touchpoints"', '"swimlane"'], "lanes[0].kind"),
    (lambda d: d["segments"][0].update(colour="blue"),
     ['segment "seg-smb"', 'colour like "#4e79a7"', '"blue"'], "segments[0].colour"),
    (lambda d: d["cards"][0].update(colour="#12345"), ["or empty"], "cards[0].colour"),
    (lambda d: d["cards"][0].update(id="x" * 65), ["id is longer than the limit of 64"],
     "cards[0].id"),
    (lambda d: d["stages"][1].update(id=""), ["id must not be empty"], "stages[1].id"),
    (lambda d: d["cards"][0].update(segments=["seg-smb", "seg-smb"]),
     ["segments lists the same id twice"], "cards[0].segments"),
    (lambda d: d["map"].update(title=["a"]), ["title must be text, not a list"], "map.title"),
    (lambda d: d["stages"][0]["exit_criteria"][0].update(kpi=3),
     ['stage "st-onb": the kpi of exit criterion 1 must be text, not 3'],
     "stages[0].exit_criteria[0].kpi"),
    (lambda d: d["cards"][1].update(id=7), ["card number 2: id must be text, not 7"],
     "cards[1].id"),
])
def test_wrong_shapes_and_values(change, fragments, where):
    error = refused_data(change)
    for fragment in fragments:
        assert fragment in error.reason
    assert error.where == where


def test_reference_message_reads_as_documented():
    error = refused_data(lambda d: d["cards"][0].update(stage="st-x"))
    assert str(error) == ('workshop.journey: card "c1" is in stage "st-x", which does not exist '
                          "(at cards[0].stage)")


@pytest.mark.parametrize("change, fragments, where", [
    (lambda d: d["cards"][1].update(lane="ln-x"), ['card "c2" is in lane "ln-x"', "not exist"],
     "cards[1].lane"),
    (lambda d: d["cards"][1].update(lane="st-onb"), ['lane "st-onb"', "that id is a stage"],
     "cards[1].lane"),
    (lambda d: d["cards"][0].update(segments=["seg-x"]),
     ['card "c1" is tagged with segment "seg-x"', "does not exist"], "cards[0].segments[0]"),
    (lambda d: d["stages"][0]["emotions"].update({"seg-x": 1}),
     ['stage "st-onb" has an emotion for segment "seg-x"'], 'stages[0].emotions["seg-x"]'),
    (lambda d: d["stages"][0]["emotions"].update({"c1": 1}), ["that id is a card"],
     "stages[0].emotions.c1"),
    (lambda d: d["transitions"][0].update(source="st-x"),
     ['transition "t1" starts at stage "st-x"'], "transitions[0].source"),
    (lambda d: d["transitions"][0].update(target="c1"),
     ['transition "t1" leads to stage "c1"', "that id is a card"], "transitions[0].target"),
    (lambda d: d["transitions"][0].update(target="st-onb"),
     ["starts and ends at the same stage"], "transitions[0].target"),
    (lambda d: d["paths"][0]["stages"].append("st-gone"),
     ['path "p1" goes through stage "st-gone"'], "paths[0].stages[2]"),
    (lambda d: d["links"][0].update(target="c9"), ['link "l1" leads to card "c9"'],
     "links[0].target"),
    (lambda d: d["links"][0].update(source="c2"), ["starts and ends at the same card"],
     "links[0].target"),
    (lambda d: d["lanes"][1].update(id="st-adopt"),
     ['the id "st-adopt" is used twice', "stages[1]", "lanes[1]", "unique"], "lanes[1].id"),
    (lambda d: d["links"][0].update(id="seg-smb"),
     ['"seg-smb" is used twice', "segments[0]", "links[0]"], "links[0].id"),
    (lambda d: d["cards"][1].update(id="c1"), ['"c1" is used twice'], "cards[1].id"),
])
def test_broken_references(change, fragments, where):
    error = refused_data(change)
    for fragment in fragments:
        assert fragment in error.reason
    assert error.where == where


@pytest.mark.parametrize("content, fragments, where", [
    ("[]", ["not a journey map", "a list, not a JSON object"], ""),
    ('"journey"', ["not a JSON object"], ""),
    ('{"version": 1}', ['"format" is missing'], "format"),
    ('{"format": "trello", "version": 1}', ['format is "trello"', '"journey-map"'], "format"),
    ('{"format": "journey-map"}', ['"version" is missing'], "version"),
    ('{"format": "journey-map", "version": "1"}', ["not a whole number"], "version"),
    ('{"format": "journey-map", "version": 1.5}', ["not a whole number"], "version"),
    ('{"format": "journey-map", "version": -1}', ["unknown format version -1"], "version"),
])
def test_wrong_header(content, fragments, where):
    error = refused(content)
    for fragment in fragments:
        assert fragment in error.reason
    assert error.where == where


@pytest.mark.parametrize("version", [4, 17])
def test_newer_version_is_refused_naming_the_version(version):
    data = dict(valid_data(), version=version)
    error = refused(json.dumps(data))
    assert f"format version {version}" in error.reason
    assert "newer" in error.reason and "update Journey Map Editor" in error.reason


# ----------------------------------------------------------------------------- reading files
def test_missing_file(tmp_path):
    with pytest.raises(JourneyFileError) as info:
        load_journey(tmp_path / "gone.journey")
    assert info.value.path == str(tmp_path / "gone.journey")
    assert "does not exist" in info.value.reason


def test_directory(tmp_path):
    with pytest.raises(JourneyFileError) as info:
        load_journey(tmp_path)
    assert "is a folder, not a file" in info.value.reason


def test_empty_file(tmp_path):
    (tmp_path / "empty.journey").write_bytes(b"")
    with pytest.raises(JourneyFileError, match="is empty"):
        load_journey(tmp_path / "empty.journey")


def test_permission_denied_is_told_in_words(tmp_path, monkeypatch):
    path = tmp_path / "secret.journey"
    path.write_text(json.dumps(valid_data()), encoding="utf-8")

    def denied(*_args, **_kwargs):
        raise PermissionError(errno.EACCES, "Permission denied", str(path))
    monkeypatch.setattr(fileformat, "open", denied, raising=False)
    with pytest.raises(JourneyFileError) as info:
        load_journey(path)
    assert "cannot be opened: permission denied" in info.value.reason


@needs_permissions
def test_unreadable_file(tmp_path):
    path = tmp_path / "secret.journey"
    path.write_text(json.dumps(valid_data()), encoding="utf-8")
    path.chmod(0)
    with pytest.raises(JourneyFileError, match="permission denied"):
        load_journey(path)


def test_load_and_save_real_file(tmp_path):
    path = tmp_path / "マップ.journey"
    path.write_text(json.dumps(valid_data(), ensure_ascii=False), encoding="utf-8")
    journey = load_journey(path)
    save_journey(journey, path)
    assert load_journey(str(path)) == journey
