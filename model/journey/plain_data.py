"""Elements and maps as plain data: the dict form of the `.journey` format. Pure Python.

``map_to_data`` is what gets saved and what equality compares; the ``*_from_data`` functions turn
validated element dicts back into entities (``model.fileformat.serialize.map_from_data`` builds a
whole map from them). Unknown fields ride along in each entity's ``extra`` and are written back in
place. Imports model.journey.entities only: the map itself imports this module, so it must not
import the map (JourneyMap appears in annotations only).
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from model.journey.entities import (
    Card,
    CardLink,
    CardPlace,
    ExitCriterion,
    JourneyPath,
    Lane,
    Segment,
    Stage,
    Transition,
)

if TYPE_CHECKING:
    from model.journey.journey_map import JourneyMap

FORMAT_NAME = "journey-map"
FORMAT_VERSION = 1

_KNOWN = {
    "top": {"format", "version", "map", "segments", "stages", "lanes", "cards", "transitions",
            "paths", "links"},
    "map": {"title", "language", "description"},
    "segment": {"id", "name", "colour"},
    "stage": {"id", "name", "overview", "exit_criteria", "emotions"},
    "criterion": {"text", "kpi"},
    "lane": {"id", "name", "kind"},
    "card": {"id", "stage", "lane", "kind", "title", "details", "channel", "owner", "colour",
             "segments", "votes", "feeling", "stakes", "actions"},
    "transition": {"id", "source", "target", "kind", "trigger", "conversion_rate"},
    "path": {"id", "name", "colour", "stages"},
    "link": {"id", "source", "target", "kind"},
}


def _extra(data: dict[str, Any], kind: str) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k not in _KNOWN[kind]}


def _with_extra(known: dict[str, Any], extra) -> dict[str, Any]:
    return {**known, **{k: v for k, v in extra.items() if k not in known}}


def segment_to_data(s: Segment) -> dict[str, Any]:
    return _with_extra({"id": s.id, "name": s.name, "colour": s.colour}, s.extra)


def stage_to_data(s: Stage) -> dict[str, Any]:
    return _with_extra({
        "id": s.id, "name": s.name, "overview": s.overview,
        "exit_criteria": [_with_extra({"text": c.text, "kpi": c.kpi}, c.extra)
                          for c in s.exit_criteria],
        "emotions": dict(s.emotions)}, s.extra)


def lane_to_data(lane: Lane) -> dict[str, Any]:
    return _with_extra({"id": lane.id, "name": lane.name, "kind": str(lane.kind)}, lane.extra)


def card_to_data(c: Card, place: CardPlace | None = None) -> dict[str, Any]:
    known: dict[str, Any] = {"id": c.id}
    if place is not None:
        known.update(stage=place.stage, lane=place.lane)
    known.update({
        "kind": str(c.kind), "title": c.title, "details": c.details, "channel": c.channel,
        "owner": c.owner, "colour": c.colour, "segments": list(c.segments), "votes": c.votes,
        "feeling": c.feeling, "stakes": c.stakes, "actions": c.actions})
    return _with_extra(known, c.extra)


def transition_to_data(t: Transition) -> dict[str, Any]:
    return _with_extra({"id": t.id, "source": t.source, "target": t.target, "kind": str(t.kind),
                        "trigger": t.trigger, "conversion_rate": t.conversion_rate}, t.extra)


def path_to_data(p: JourneyPath) -> dict[str, Any]:
    return _with_extra({"id": p.id, "name": p.name, "colour": p.colour,
                        "stages": list(p.stages)}, p.extra)


def link_to_data(link: CardLink) -> dict[str, Any]:
    return _with_extra({"id": link.id, "source": link.source, "target": link.target,
                        "kind": str(link.kind)}, link.extra)


def map_to_data(journey: JourneyMap) -> dict[str, Any]:
    known = {
        "format": FORMAT_NAME, "version": FORMAT_VERSION,
        "map": {"title": journey.title, "language": journey.language,
                "description": journey.description, **journey.extra.get("map", {})},
        "segments": [segment_to_data(s) for s in journey.segments()],
        "stages": [stage_to_data(s) for s in journey.stages()],
        "lanes": [lane_to_data(lane) for lane in journey.lanes()],
        "cards": [card_to_data(journey.card(c), journey.card_place(c)) for c in journey.card_ids()],
        "transitions": [transition_to_data(t) for t in journey.transitions()],
        "paths": [path_to_data(p) for p in journey.paths()],
        "links": [link_to_data(link) for link in journey.links()],
    }
    return _with_extra(known, journey.extra.get("top", {}))


def segment_from_data(d: dict[str, Any]) -> Segment:
    return Segment(d["id"], d.get("name", ""), d.get("colour", "#4e79a7"), _extra(d, "segment"))


def stage_from_data(d: dict[str, Any]) -> Stage:
    criteria = tuple(ExitCriterion(c.get("text", ""), c.get("kpi", ""), _extra(c, "criterion"))
                     for c in d.get("exit_criteria", []))
    return Stage(d["id"], d.get("name", ""), d.get("overview", ""), criteria,
                 d.get("emotions", {}), _extra(d, "stage"))


def lane_from_data(d: dict[str, Any]) -> Lane:
    return Lane(d["id"], d.get("name", ""), d.get("kind", "text"), _extra(d, "lane"))


def card_from_data(d: dict[str, Any]) -> Card:
    return Card(
        d["id"], d.get("kind", "note"), d.get("title", ""), d.get("details", ""),
        d.get("channel", ""), d.get("owner", ""), d.get("colour", ""),
        tuple(d.get("segments", ())), d.get("votes", 0), d.get("feeling", ""),
        d.get("stakes", ""), d.get("actions", ""), _extra(d, "card"))


def transition_from_data(d: dict[str, Any]) -> Transition:
    return Transition(d["id"], d["source"], d["target"], d.get("kind", "forward"),
                      d.get("trigger", ""), d.get("conversion_rate"), _extra(d, "transition"))


def path_from_data(d: dict[str, Any]) -> JourneyPath:
    return JourneyPath(d["id"], d.get("name", ""), tuple(d.get("stages", ())),
                       d.get("colour", "#e15759"), _extra(d, "path"))


def link_from_data(d: dict[str, Any]) -> CardLink:
    return CardLink(d["id"], d["source"], d["target"], d.get("kind", "addresses"),
                    _extra(d, "link"))
