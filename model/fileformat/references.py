"""The reference check of `.journey` data: ids unique across the file, and every reference (a
card's stage, lane and segments, an emotion's segment, a transition's or link's ends, a path's
stages) pointing at an element of the right kind. Runs after the schema, on schema-valid data.
Raises ``FileProblem`` with a translatable Message. Imports model.fileformat (filechecks, messages).
"""
from __future__ import annotations

from typing import Any

from model.fileformat.filechecks import ELEMENT_ARRAYS, FileProblem, json_path, short
from model.journey.messages import Message

KIND_NAMES = {"segments": "segment", "stages": "stage", "lanes": "lane", "cards": "card",
              "transitions": "transition", "paths": "path", "links": "link",
              "participants": "participant", "comments": "comment", "parking_lot": "parking_item"}
# The kinds as words of a sentence ("but that id is a stage").
KIND_WORDS = {"segment": Message("segment"), "stage": Message("stage"), "lane": Message("lane"),
              "card": Message("card"), "transition": Message("transition"),
              "path": Message("path"), "link": Message("link"),
              "participant": Message("participant"), "comment": Message("comment"),
              "parking_item": Message("parking item")}


def check_references(data: dict[str, Any]) -> None:
    """Ids unique across the file; every reference points at an element of the right kind.

    Expects schema-valid data, so shapes and types are already right.
    """
    kinds = _collect_ids(data)
    for i, card in enumerate(data.get("cards", [])):
        _check_card(card, i, kinds)
    for i, stage in enumerate(data.get("stages", [])):
        for key in stage.get("emotions", {}):
            if key:
                _expect(kinds, key, "segment", ("stages", i, "emotions", key),
                        Message("stage {stage} has an emotion for segment {segment}",
                                stage=short(stage["id"]), segment=short(key)))
    for i, transition in enumerate(data.get("transitions", [])):
        _check_ends(transition, ("transitions", i), "stage", kinds)
    for i, path in enumerate(data.get("paths", [])):
        for j, stage_id in enumerate(path.get("stages", [])):
            _expect(kinds, stage_id, "stage", ("paths", i, "stages", j),
                    Message("path {path} goes through stage {stage}",
                            path=short(path["id"]), stage=short(stage_id)))
    for i, link in enumerate(data.get("links", [])):
        _check_ends(link, ("links", i), "card", kinds)


def _collect_ids(data: dict[str, Any]) -> dict[str, str]:
    """id -> kind ('stage', 'card', ...); a FileProblem at the second use of an id."""
    kinds: dict[str, str] = {}
    first_use: dict[str, tuple[str, int]] = {}  # worded only for the message (it is rare)
    for array in ELEMENT_ARRAYS:
        for i, element in enumerate(data.get(array, [])):
            element_id = element["id"]
            if element_id in kinds:
                raise FileProblem(Message(
                    "the id {id} is used twice, by {first} and by {second}; ids must be unique "
                    "across the whole file", id=short(element_id),
                    first=json_path(first_use[element_id]), second=json_path((array, i))),
                    json_path((array, i, "id")))
            kinds[element_id], first_use[element_id] = KIND_NAMES[array], (array, i)
    return kinds


def _check_card(card: dict[str, Any], index: int, kinds: dict[str, str]) -> None:
    if kinds.get(card["stage"]) == "stage" and kinds.get(card["lane"]) == "lane" and all(
            kinds.get(segment_id) == "segment" for segment_id in card.get("segments", [])):
        return  # all right: no message to word (wording one per card was most of the time)
    name = short(card["id"])
    _expect(kinds, card["stage"], "stage", ("cards", index, "stage"),
            Message("card {card} is in stage {stage}", card=name, stage=short(card["stage"])))
    _expect(kinds, card["lane"], "lane", ("cards", index, "lane"),
            Message("card {card} is in lane {lane}", card=name, lane=short(card["lane"])))
    for j, segment_id in enumerate(card.get("segments", [])):
        _expect(kinds, segment_id, "segment", ("cards", index, "segments", j),
                Message("card {card} is tagged with segment {segment}", card=name,
                        segment=short(segment_id)))


def _check_ends(element: dict[str, Any], at: tuple, target_kind: str,
                kinds: dict[str, str]) -> None:
    if kinds.get(element["source"]) == kinds.get(element["target"]) == target_kind \
            and element["source"] != element["target"]:
        return  # all right: no message to word
    name, said = short(element["id"]), _ends_said(target_kind)
    for end in ("source", "target"):
        _expect(kinds, element[end], target_kind, at + (end,),
                said[end](id=name, end=short(element[end])))
    if element["source"] == element["target"]:
        raise FileProblem(said["same"](id=name, end=short(element["source"])),
                          json_path(at + ("target",)))


def _ends_said(target_kind: str) -> dict:
    # Written out, so that every template is a literal a translator's tool can find.
    if target_kind == "stage":
        return {"source": lambda **a: Message("transition {id} starts at stage {end}", **a),
                "target": lambda **a: Message("transition {id} leads to stage {end}", **a),
                "same": lambda **a: Message("transition {id} starts and ends at the same "
                                            "stage {end}", **a)}
    return {"source": lambda **a: Message("link {id} starts at card {end}", **a),
            "target": lambda **a: Message("link {id} leads to card {end}", **a),
            "same": lambda **a: Message("link {id} starts and ends at the same card {end}", **a)}


def _expect(kinds: dict[str, str], element_id: str, kind: str, at: tuple, said: Message) -> None:
    found = kinds.get(element_id)
    if found == kind:
        return
    if found is None:
        problem = Message("{said}, which does not exist", said=said)
    else:
        problem = Message("{said}, but that id is a {kind}", said=said, kind=KIND_WORDS[found])
    raise FileProblem(problem, json_path(at))
