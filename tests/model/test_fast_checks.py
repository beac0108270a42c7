"""The loader's fast paths never pass what the full checks refuse: model.fileformat.fastschema's
compiled schema check (which skips jsonschema for valid files) against jsonschema itself, and
filechecks' limits walk against the walk that names a problem. No timings here:
benchmarks/bench_editor.py measures the speed. Qt-free.
"""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from model import Card
from model.fileformat import journey_file as fileformat
from model.journey.plain_data import map_to_data
from tests.model.generated_maps import generated_map
from tests.model.strategies import journey_maps, json_values


def _paths_of(value, path=()):
    yield path
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths_of(item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _paths_of(item, path + (index,))


def _mutated(data, path, replacement, delete: bool):
    if not path:
        return replacement
    parent = data
    for part in path[:-1]:
        parent = parent[part]
    if delete and isinstance(parent, dict):
        del parent[path[-1]]
    else:
        parent[path[-1]] = replacement
    return data


SCHEMA_EDGES = [  # values around the schema's limits and types
    "", "x" * 64, "x" * 65, "#4e79a7", "#4e79a", "4e79a7", -2, 2, -2.5, 2.5, 0, -1, 1, 1.0, True,
    None, [], {}, ["a", "a"], ["a", "b"], "note", "touchpoints", "journey-map", 1.5, 0.5]


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(journey_maps(), st.data())
def test_the_fast_schema_check_passes_only_what_jsonschema_passes(journey, draw):
    fast, full = fileformat._fast_schema_check(), fileformat._schema_validator()
    assert fast is not None  # the bundled schema uses only keywords the fast check knows
    data = map_to_data(journey)
    assert fast(data)  # a valid file takes the fast path
    paths = list(_paths_of(data))
    for _ in range(3):
        path = draw.draw(st.sampled_from(paths))
        replacement = draw.draw(st.one_of(st.sampled_from(SCHEMA_EDGES), json_values))
        data = _mutated(data, path, replacement, draw.draw(st.booleans()))
        paths = list(_paths_of(data))
        if fast(data):
            assert not list(full.iter_errors(data)), path


def test_the_fast_schema_check_agrees_at_every_place_with_every_edge_value():
    from model import CardLink, ExitCriterion, JourneyPath

    journey = generated_map(2, seed=2)
    for stage_id in journey.stage_ids()[2:]:  # two of each element: every place, few repeats
        journey.remove_stage(stage_id)
    for lane_id in journey.lane_ids()[2:]:
        journey.remove_lane(lane_id)
    journey.add_card(Card("x0", title="a"), "s0", "l0")
    journey.add_card(Card("x1", title="b"), "s1", "l1")
    journey.update_stage("s0", exit_criteria=(ExitCriterion("done", "NPS 40"),))
    journey.update_card("x0", colour="#ffeeaa", segments=("smb", "ent"))
    journey.add_path(JourneyPath("p", "Route", ("s0", "s1")))
    ideas = journey.card_ids()
    journey.add_link(CardLink("k", ideas[0], ideas[1]))
    fast, full = fileformat._fast_schema_check(), fileformat._schema_validator()
    valid = map_to_data(journey)
    for path in list(_paths_of(valid)):
        for value in SCHEMA_EDGES:
            for delete in (False, True):
                data = _mutated(fileformat.json.loads(fileformat.json.dumps(valid)), path, value,
                                delete)
                if fast(data):
                    assert not list(full.iter_errors(data)), (path, value, delete)


def test_the_limits_fast_walk_passes_only_what_the_full_walk_passes():
    """filechecks._within_limits skips the walk that names a problem; it must never say "fine"
    where that walk would raise."""
    from model.fileformat.filechecks import (
        MAX_DEPTH,
        MAX_STRING_LENGTH,
        FileProblem,
        _walk_limits,
        _within_limits,
    )

    class Text(str):
        pass

    def nested(depth, leaf):
        value = leaf
        for level in range(depth):
            value = [value] if level % 2 else {"k": value}
        return value

    leaves = ["ok", "x" * MAX_STRING_LENGTH, "x" * (MAX_STRING_LENGTH + 1), "\ud800", "日本",
              10 ** 1000, 10 ** 5000, -(10 ** 5000), float("nan"), float("inf"), 1.5, True, None,
              (1, 2), {1, 2}, b"bytes", Text("sub"), {"\ud800": 1}, {"x" * (MAX_STRING_LENGTH + 1): 1},
              {1: "non-text key"}, [], {}]
    shapes = [lambda v: v, lambda v: {"cards": [{"id": "c", "title": v}]},
              lambda v: nested(MAX_DEPTH - 2, v), lambda v: nested(MAX_DEPTH - 1, v),
              lambda v: nested(MAX_DEPTH, v), lambda v: nested(MAX_DEPTH + 1, v)]
    for leaf in leaves:
        for shape in shapes:
            data = shape(leaf)
            if _within_limits(data, None):
                try:
                    _walk_limits(data, None)
                except FileProblem as problem:
                    raise AssertionError(f"fast walk passed {problem.message}") from None
    duplicated = {"a": 1}
    assert not _within_limits({"x": duplicated}, {id(duplicated): "a"})
