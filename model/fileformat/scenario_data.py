"""Scenarios in `.journey` data (format version 3): their checks and their plain-data shapes.

A version 3 file holds either one map at its top level (every older file does; it is one "as-is"
scenario) or ``scenarios``: a list of whole maps, each with an ``id`` and a ``name``, and
``current_scenario``. The loader checks the file as the person wrote it (so a flat file's
problems keep their places, ``cards[3]``), then ``normalize_scenarios`` gives every caller the
one shape with ``scenarios``. The checks of each scenario are the map's own (references,
workshop), their messages prefixed with the scenario's name and their places with
``scenarios[i].``. Imports model.fileformat (filechecks, references, workshop_checks) and
model.journey.messages.
"""
from __future__ import annotations

from typing import Any

from model.fileformat.filechecks import ELEMENT_ARRAYS, FileProblem, json_path, short
from model.fileformat.references import check_references
from model.fileformat.workshop_checks import check_workshop_references
from model.journey.messages import Message

AS_IS_ID = "as-is"
TO_BE_ID = "to-be"
# The default names, in the words of the seeds (現状分析, 理想像と現状の差分): the current state
# is 現状, the designed one あるべき姿.
DEFAULT_NAMES = {AS_IS_ID: {"ja": "現状", "en": "As-is"},
                 TO_BE_ID: {"ja": "あるべき姿", "en": "To-be"}}
DOCUMENT_FIELDS = ("format", "version", "scenarios", "current_scenario")
SCENARIO_FIELDS = ("id", "name")
MAP_BODY_FIELDS = ("map", *ELEMENT_ARRAYS, "vote_round", "private_round")

Data = dict[str, Any]


def is_japanese(language: str) -> bool:
    return language.lower().split("-")[0] == "ja"


def default_name(scenario_id: str, language: str) -> str:
    """現状 / あるべき姿 in a Japanese map, As-is / To-be otherwise."""
    names = DEFAULT_NAMES[scenario_id]
    return names["ja"] if is_japanese(language) else names["en"]


def map_language(body: Data) -> str:
    head = body.get("map")
    language = head.get("language") if isinstance(head, dict) else None
    return language if isinstance(language, str) else "en"


def has_scenarios(data: Data) -> bool:
    return "scenarios" in data


# ----------------------------------------------------------------------------- shapes
def normalize_scenarios(data: Data) -> Data:
    """Checked data -> the shape with ``scenarios`` and a ``current_scenario`` that exists."""
    if not has_scenarios(data):
        body = {k: v for k, v in data.items() if k not in ("format", "version")}
        entry = {"id": AS_IS_ID, "name": default_name(AS_IS_ID, map_language(body)), **body}
        return {"format": data["format"], "version": data["version"],
                "current_scenario": AS_IS_ID, "scenarios": [entry]}
    ids = [entry["id"] for entry in data["scenarios"]]
    if data.get("current_scenario") in ids:
        return data
    return {**data, "current_scenario": ids[0]}


def scenario_body(entry: Data) -> Data:
    """A scenario of the file -> the plain data of its map (what ``map_from_data`` builds)."""
    return {k: v for k, v in entry.items() if k not in SCENARIO_FIELDS}


def scenario_entry(scenario_id: str, name: str, map_data: Data) -> Data:
    """The plain data of a map (``map_to_data``) -> a scenario of the file."""
    body = {k: v for k, v in map_data.items() if k not in ("format", "version")}
    return {"id": scenario_id, "name": name, **body}


def current_entry(document: Data) -> Data:
    """The current scenario of normalized data."""
    current = document.get("current_scenario")
    entries = document["scenarios"]
    return next((e for e in entries if e["id"] == current), entries[0])


def is_document(data: Data) -> bool:
    """True for normalized version 3 data (a map's own plain data has no ``scenarios``)."""
    version = data.get("version")
    return isinstance(version, int) and version >= 3 and isinstance(data.get("scenarios"), list)


# ----------------------------------------------------------------------------- checks
def check_scenarios(data: Data) -> None:
    """After the schema: the scenarios' ids and names, then each scenario's references."""
    if not has_scenarios(data):
        _check_map(data)
        return
    _check_envelope(data)
    for index, entry in enumerate(data["scenarios"]):
        try:
            _check_map(entry)
        except FileProblem as problem:
            raise in_scenario(problem, entry, index) from None


def _check_map(body: Data) -> None:
    check_references(body)
    check_workshop_references(body)


def _check_envelope(data: Data) -> None:
    stray = [k for k in MAP_BODY_FIELDS if k in data]
    if stray:
        raise FileProblem(Message(
            'has both "scenarios" and the map field {field} at its top level; in a file with '
            'scenarios every map field belongs to a scenario', field=short(stray[0])), stray[0])
    entries = data["scenarios"]
    if not entries:
        raise FileProblem(Message('has an empty list of scenarios; a file with "scenarios" '
                                  'needs at least one'), "scenarios")
    _check_unique(entries, "id", Message("scenario id"))
    _check_unique(entries, "name", Message("scenario name"))
    current = data.get("current_scenario", "")
    if current and current not in {e["id"] for e in entries}:
        raise FileProblem(Message("names {current} as its current scenario, but no scenario has "
                                  "that id; the scenarios are {ids}", current=short(current),
                                  ids=", ".join(short(e["id"]) for e in entries)),
                          "current_scenario")


def _check_unique(entries: list[Data], field: str, what: str) -> None:
    first: dict[str, int] = {}
    for index, entry in enumerate(entries):
        value = entry.get(field, "")
        if value in first:
            raise FileProblem(Message(
                "has the {what} {value} twice, at {first} and {second}; each scenario needs "
                "its own", what=what, value=short(value),
                first=json_path(("scenarios", first[value], field)),
                second=json_path(("scenarios", index, field))),
                json_path(("scenarios", index, field)))
        first[value] = index


def scenario_label(entry: Any, index: int) -> str:
    """'"To-be"' (its name), else its id, else 'number 2'."""
    if isinstance(entry, dict):
        for field in ("name", "id"):
            value = entry.get(field)
            if isinstance(value, str) and value:
                return short(value)
    return Message("number {number}", number=index + 1)


def in_scenario(problem: FileProblem, entry: Any, index: int) -> FileProblem:
    """A problem found inside one scenario, named by the scenario and placed in the file."""
    message = Message("scenario {scenario}: {problem}", scenario=scenario_label(entry, index),
                      problem=problem.message)
    where = f"scenarios[{index}]" + (f".{problem.where}" if problem.where else "")
    if problem.where.startswith("["):
        where = f"scenarios[{index}]{problem.where}"
    return FileProblem(message, where)
