"""Tests of the `.journey` file layer (model.fileformat: journey_file, filechecks). Qt-free."""
from __future__ import annotations

import copy
import errno
import json
import os
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from model import JourneyFileError, JourneyMap
from model.fileformat import journey_file as fileformat
from model.fileformat.journey_file import (
    MAX_DEPTH,
    MAX_ELEMENTS,
    MAX_FILE_BYTES,
    MAX_INT_DIGITS,
    MAX_STRING_LENGTH,
    dumps_journey,
    load_journey,
    loads_journey,
    save_journey,
    validate_data,
)
from resources import SCHEMA_PATH
from tests.model.strategies import journey_maps, json_values

SOURCE = "workshop.journey"


def _permissions_enforced() -> bool:
    """False for root (or anyone else who may read a mode-000 file): those tests cannot fail."""
    with tempfile.TemporaryDirectory() as folder:
        probe = Path(folder) / "probe"
        probe.write_text("x", encoding="utf-8")
        probe.chmod(0)
        try:
            probe.read_text(encoding="utf-8")
            return False
        except PermissionError:
            return True
        finally:
            probe.chmod(0o600)


PERMISSIONS = os.name != "nt" and _permissions_enforced()
needs_permissions = pytest.mark.skipif(not PERMISSIONS, reason="file permissions not enforced")
slow = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow], max_examples=60)


def valid_data() -> dict:
    """A small map using every element kind; tests break one thing in a copy of it."""
    return {
        "format": "journey-map", "version": 1,
        "map": {"title": "オンボーディング", "language": "ja", "description": ""},
        "segments": [{"id": "seg-smb", "name": "SMB", "colour": "#4e79a7"}],
        "stages": [
            {"id": "st-onb", "name": "導入", "overview": "", "emotions": {"": 1, "seg-smb": -1},
             "exit_criteria": [{"text": "Setup done", "kpi": "100% of setup tasks"}]},
            {"id": "st-adopt", "name": "積極活用", "overview": "", "exit_criteria": [],
             "emotions": {}},
        ],
        "lanes": [{"id": "ln-tp", "name": "Touchpoints", "kind": "touchpoints"},
                  {"id": "ln-pain", "name": "Pain points", "kind": "pain_points"}],
        "cards": [
            {"id": "c1", "stage": "st-onb", "lane": "ln-tp", "kind": "idea", "title": "Chat",
             "segments": ["seg-smb"], "votes": 2},
            {"id": "c2", "stage": "st-onb", "lane": "ln-pain", "kind": "pain_point",
             "title": "Manual is hard to find"},
        ],
        "transitions": [{"id": "t1", "source": "st-onb", "target": "st-adopt",
                         "kind": "forward", "trigger": "Kick-off", "conversion_rate": 0.9}],
        "paths": [{"id": "p1", "name": "Model path", "colour": "#e15759",
                   "stages": ["st-onb", "st-adopt"]}],
        "links": [{"id": "l1", "source": "c1", "target": "c2", "kind": "addresses"}],
    }


def refused(content, source=SOURCE) -> JourneyFileError:
    with pytest.raises(JourneyFileError) as info:
        loads_journey(content, source)
    error = info.value
    assert str(error).startswith(f"{source}: ")
    return error


def refused_data(change) -> JourneyFileError:
    data = valid_data()
    change(data)
    return refused(json.dumps(data, ensure_ascii=False))


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
    assert text.startswith('{\n  "format": "journey-map",\n  "version": 1,\n  "map": {')
    assert text.endswith("}\n")
    assert list(json.loads(text)) == ["format", "version", "map", "segments", "stages", "lanes",
                                      "cards", "transitions", "paths", "links"]


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


@pytest.mark.parametrize("version", [2, 17])
def test_newer_version_is_refused_naming_the_version(version):
    data = dict(valid_data(), version=version)
    error = refused(json.dumps(data))
    assert f"format version {version}" in error.reason
    assert "newer" in error.reason and "update Journey Map Editor" in error.reason


# ----------------------------------------------------------------------------- limits
@pytest.mark.parametrize("literal", ["NaN", "Infinity", "-Infinity"])
def test_nan_and_infinity_are_refused_with_position(literal):
    text = '{"format": "journey-map",\n "version": 1,\n "x": [1, ' + literal + "]}"
    error = refused(text)
    assert literal in error.reason
    assert error.where == "line 3, column 11"


def test_overflowing_float_is_refused():
    text = '{"format": "journey-map", "version": 1, "x": 1e999}'
    error = refused(text)
    assert "1e999" in error.reason and "too large" in error.reason
    assert error.where == f"line 1, column {text.index('1e999') + 1}"


def test_huge_integer_is_refused_with_position():
    text = '{"format": "journey-map", "version": 1,\n"x": ' + "9" * (MAX_INT_DIGITS + 1) + "}"
    error = refused(text)
    assert f"more than {MAX_INT_DIGITS} digits" in error.reason
    assert error.where == "line 2, column 6"


def test_string_over_the_limit():
    error = refused_data(lambda d: d["cards"][1].update(details="あ" * (MAX_STRING_LENGTH + 1)))
    assert "longer than the limit of 100,000 characters" in error.reason
    assert error.where == "cards[1].details"


def test_too_many_elements():
    def flood(data):
        data["segments"] = [{"id": f"s{i}"} for i in range(MAX_ELEMENTS + 1)]
    error = refused_data(flood)
    assert "100,010 elements" in error.reason and "more than the limit of 100,000" in error.reason
    assert error.where == ""


def test_nesting_a_little_too_deep_names_the_path():
    deep: dict = {}
    data = dict(valid_data(), x=deep)
    for _ in range(MAX_DEPTH):
        deep["a"] = {}
        deep = deep["a"]
    error = refused(json.dumps(data))
    assert f"deeper than the limit of {MAX_DEPTH} levels" in error.reason
    assert error.where == "x" + ".a" * (MAX_DEPTH - 1)


def test_nesting_far_too_deep_names_line_and_column():
    text = '{"format": "journey-map", "version": 1,\n"x": ' + "[" * 100_000 + "]" * 100_000 + "}"
    error = refused(text)
    assert f"deeper than the limit of {MAX_DEPTH} levels" in error.reason
    assert error.where == f"line 2, column {6 + MAX_DEPTH - 1}"


def test_file_over_the_size_limit_is_refused_before_reading(tmp_path):
    path = tmp_path / "huge.journey"
    with open(path, "wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)  # sparse: costs no disk
    with pytest.raises(JourneyFileError) as info:
        load_journey(path)
    assert "larger than the limit of 64 MiB" in str(info.value)


def test_content_over_the_size_limit(monkeypatch):
    monkeypatch.setattr(fileformat, "MAX_FILE_BYTES", 100)
    assert "larger than the limit" in refused(json.dumps(valid_data()).encode()).reason


def test_duplicate_key_in_one_object_is_refused():
    text = json.dumps(valid_data()).replace('"kind": "idea"', '"kind": "idea", "kind": "note"')
    error = refused(text)
    assert 'the field "kind" twice' in error.reason and error.where == "cards[0]"


def test_lone_surrogate_escape_is_refused():
    text = json.dumps(valid_data()).replace('"Chat"', '"Chat \\ud800"')
    error = refused(text)
    assert "lone surrogate" in error.reason and error.where == "cards[0].title"


@settings(deadline=None, max_examples=150)
@given(st.binary(max_size=300) | st.text(max_size=300).map(lambda t: t.encode("utf-8")))
def test_random_bytes_never_escape_as_anything_but_journey_file_error(raw):
    try:
        loads_journey(raw, SOURCE)
    except JourneyFileError as error:
        assert str(error).startswith(SOURCE)


def _paths_in(value, path=()):
    yield path
    items = value.items() if isinstance(value, dict) else enumerate(value) \
        if isinstance(value, list) else ()
    for key, item in items:
        yield from _paths_in(item, path + (key,))


@slow
@given(st.data(), json_values)
def test_any_replaced_value_gives_a_checked_error_not_a_model_one(draw, replacement):
    data = valid_data()
    target = draw.draw(st.sampled_from([p for p in _paths_in(data) if p]))
    parent = data
    for key in target[:-1]:
        parent = parent[key]
    parent[target[-1]] = copy.deepcopy(replacement)
    try:
        loads_journey(json.dumps(data), SOURCE)
    except JourneyFileError as error:
        # "cannot be opened" is the fallback for a ModelError: the checks should come first.
        assert not error.reason.startswith("cannot be opened"), str(error)


def test_validate_data_returns_migrated_data_and_checks_limits():
    assert validate_data(valid_data())["cards"][0]["stage"] == "st-onb"
    with pytest.raises(JourneyFileError) as info:
        validate_data(dict(valid_data(), x=float("nan")), "mem")
    assert str(info.value).startswith("mem: ") and info.value.where == "x"


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


# ----------------------------------------------------------------------------- saving
@pytest.fixture
def old_file(tmp_path):
    path = tmp_path / "map.journey"
    path.write_text("OLD CONTENT", encoding="utf-8")
    return path


@pytest.fixture
def journey():
    return loads_journey(json.dumps(valid_data()))


def assert_untouched(path: Path):
    assert path.read_text(encoding="utf-8") == "OLD CONTENT"
    assert os.listdir(path.parent) == [path.name], "a temporary file was left behind"


def test_failing_rename_keeps_old_file_and_removes_temp(old_file, journey, monkeypatch):
    def broken_replace(*_args):
        raise OSError(errno.EIO, "Input/output error")
    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(JourneyFileError) as info:
        save_journey(journey, old_file)
    assert info.value.path == str(old_file)
    assert "could not be saved: Input/output error" in info.value.reason
    assert_untouched(old_file)


def test_disk_full_during_write_keeps_old_file(old_file, journey, monkeypatch):
    real_write = os.write

    def half_then_full(fd, data):
        if len(data) > 10:
            return real_write(fd, bytes(data[:10]))
        raise OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr(os, "write", half_then_full)
    with pytest.raises(JourneyFileError, match="the disk is full"):
        save_journey(journey, old_file)
    assert_untouched(old_file)


def test_interrupt_during_fsync_keeps_old_file(old_file, journey, monkeypatch):
    def interrupted(_fd):
        raise KeyboardInterrupt
    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        save_journey(journey, old_file)
    assert_untouched(old_file)


def test_crash_during_save_leaves_old_file(old_file):
    # A real process dies in the middle of the save; only the rename could have touched the file.
    script = (
        "import os, json, sys\n"
        "from model.fileformat.journey_file import loads_journey, save_journey\n"
        "journey = loads_journey(sys.argv[2])\n"
        "os.fsync = lambda fd: os._exit(3)\n"
        "save_journey(journey, sys.argv[1])\n")
    done = subprocess.run([sys.executable, "-c", script, str(old_file), json.dumps(valid_data())],
                          cwd=Path(fileformat.__file__).parents[2], timeout=60)
    assert done.returncode == 3
    assert old_file.read_text(encoding="utf-8") == "OLD CONTENT"


def test_save_into_missing_folder(tmp_path, journey):
    path = tmp_path / "nowhere" / "map.journey"
    with pytest.raises(JourneyFileError) as info:
        save_journey(journey, path)
    assert info.value.path == str(path)
    assert f"the folder {path.parent} does not exist" in info.value.reason


def test_save_into_read_only_folder_simulated(tmp_path, journey, monkeypatch):
    def denied(*_args, **_kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")
    monkeypatch.setattr(os, "open", denied)
    with pytest.raises(JourneyFileError, match="could not be saved: permission denied"):
        save_journey(journey, tmp_path / "map.journey")
    assert os.listdir(tmp_path) == []


@needs_permissions
def test_save_into_read_only_folder(tmp_path, journey):
    tmp_path.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        with pytest.raises(JourneyFileError, match="permission denied"):
            save_journey(journey, tmp_path / "map.journey")
    finally:
        tmp_path.chmod(stat.S_IRWXU)


def test_save_onto_a_folder(tmp_path, journey):
    with pytest.raises(JourneyFileError, match="is a folder"):
        save_journey(journey, tmp_path)


@needs_permissions
def test_save_onto_read_only_file(old_file, journey):
    old_file.chmod(stat.S_IRUSR)
    with pytest.raises(JourneyFileError, match="read-only"):
        save_journey(journey, old_file)


@pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")
def test_save_keeps_permissions_of_the_replaced_file(old_file, journey):
    old_file.chmod(0o640)
    save_journey(journey, old_file)
    assert stat.S_IMODE(old_file.stat().st_mode) == 0o640
    assert load_journey(old_file) == journey


@pytest.mark.skipif(os.name == "nt", reason="symlinks")
def test_save_through_a_symlink_replaces_the_target(old_file, journey):
    link = old_file.parent / "link.journey"
    link.symlink_to(old_file)
    save_journey(journey, link)
    assert link.is_symlink()
    assert load_journey(old_file) == journey


def test_save_refuses_text_that_utf8_cannot_hold(tmp_path, journey):
    journey.set_fields(title="bad \ud800")
    with pytest.raises(JourneyFileError, match="could not be saved"):
        save_journey(journey, tmp_path / "map.journey")
    assert os.listdir(tmp_path) == []


def test_unknown_fields_inside_exit_criteria_survive_a_round_trip():
    text = ('{"format": "journey-map", "version": 1, "stages": [{"id": "s", "name": "S", '
            '"exit_criteria": [{"text": "done", "kpi": "", "weight": 3}]}]}')
    again = loads_journey(dumps_journey(loads_journey(text)))
    assert again.to_data()["stages"][0]["exit_criteria"][0]["weight"] == 3
