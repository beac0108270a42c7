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
from model.journey.workshop_entities import Comment, ParkingItem, Participant, PrivateRound, VoteRound

if TYPE_CHECKING:
    from model.journey.journey_map import JourneyMap

FORMAT_NAME = "journey-map"
FORMAT_VERSION = 3  # a map alone is a valid version 3 file: one "as-is" scenario

_KNOWN = {
    "top": {"format", "version", "map", "segments", "stages", "lanes", "cards", "transitions",
            "paths", "links", "participants", "comments", "parking_lot", "vote_round",
            "private_round"},
    "map": {"title", "language", "description"},
    "segment": {"id", "name", "colour"},
    "stage": {"id", "name", "overview", "exit_criteria", "emotions"},
    "criterion": {"text", "kpi"},
    "lane": {"id", "name", "kind"},
    "card": {"id", "stage", "lane", "kind", "title", "details", "channel", "owner", "colour",
             "segments", "votes", "feeling", "stakes", "actions", "dots", "private", "created_by",
             "created_at", "edited_by", "edited_at"},
    "transition": {"id", "source", "target", "kind", "trigger", "conversion_rate"},
    "path": {"id", "name", "colour", "stages"},
    "link": {"id", "source", "target", "kind"},
    "participant": {"id", "name", "colour"},
    "comment": {"id", "card", "text", "author", "created_at", "parent", "resolved", "edited_at"},
    "parking_item": {"id", "text", "author", "created_at"},
    "vote_round": {"active", "dots_per_participant", "kinds", "max_per_card", "anonymous",
                   "revealed", "started_at", "ended_at"},
    "private_round": {"active", "started_at", "ended_at"},
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
        "feeling": c.feeling, "stakes": c.stakes, "actions": c.actions, "dots": dict(c.dots),
        "private": c.private, "created_by": c.created_by, "created_at": c.created_at,
        "edited_by": c.edited_by, "edited_at": c.edited_at})
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
        "participants": [participant_to_data(p) for p in journey.participants()],
        "comments": [comment_to_data(c) for c in journey.comments()],
        "parking_lot": [parking_item_to_data(i) for i in journey.parking_items()],
        "vote_round": vote_round_to_data(journey.vote_round()),
        "private_round": private_round_to_data(journey.private_round()),
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
        d.get("stakes", ""), d.get("actions", ""), _extra(d, "card"), dots=d.get("dots", {}),
        private=d.get("private", False), created_by=d.get("created_by", ""),
        created_at=d.get("created_at", ""), edited_by=d.get("edited_by", ""),
        edited_at=d.get("edited_at", ""))


def transition_from_data(d: dict[str, Any]) -> Transition:
    return Transition(d["id"], d["source"], d["target"], d.get("kind", "forward"),
                      d.get("trigger", ""), d.get("conversion_rate"), _extra(d, "transition"))


def path_from_data(d: dict[str, Any]) -> JourneyPath:
    return JourneyPath(d["id"], d.get("name", ""), tuple(d.get("stages", ())),
                       d.get("colour", "#e15759"), _extra(d, "path"))


def link_from_data(d: dict[str, Any]) -> CardLink:
    return CardLink(d["id"], d["source"], d["target"], d.get("kind", "addresses"),
                    _extra(d, "link"))


# ----------------------------------------------------------------------------- the workshop's
def participant_to_data(p: Participant) -> dict[str, Any]:
    return _with_extra({"id": p.id, "name": p.name, "colour": p.colour}, p.extra)


def comment_to_data(c: Comment) -> dict[str, Any]:
    return _with_extra({"id": c.id, "card": c.card, "text": c.text, "author": c.author,
                        "created_at": c.created_at, "parent": c.parent, "resolved": c.resolved,
                        "edited_at": c.edited_at}, c.extra)


def parking_item_to_data(i: ParkingItem) -> dict[str, Any]:
    return _with_extra({"id": i.id, "text": i.text, "author": i.author,
                        "created_at": i.created_at}, i.extra)


def vote_round_to_data(v: VoteRound) -> dict[str, Any]:
    return _with_extra({"active": v.active, "dots_per_participant": v.dots_per_participant,
                        "kinds": [str(k) for k in v.kinds], "max_per_card": v.max_per_card,
                        "anonymous": v.anonymous, "revealed": v.revealed,
                        "started_at": v.started_at, "ended_at": v.ended_at}, v.extra)


def private_round_to_data(r: PrivateRound) -> dict[str, Any]:
    return _with_extra({"active": r.active, "started_at": r.started_at, "ended_at": r.ended_at},
                       r.extra)


def participant_from_data(d: dict[str, Any]) -> Participant:
    return Participant(d["id"], d.get("name", ""), d.get("colour", "#4e79a7"),
                       _extra(d, "participant"))


def comment_from_data(d: dict[str, Any]) -> Comment:
    return Comment(d["id"], d["card"], d.get("text", ""), d.get("author", ""),
                   d.get("created_at", ""), d.get("parent", ""), d.get("resolved", False),
                   d.get("edited_at", ""), _extra(d, "comment"))


def parking_item_from_data(d: dict[str, Any]) -> ParkingItem:
    return ParkingItem(d["id"], d.get("text", ""), d.get("author", ""), d.get("created_at", ""),
                       _extra(d, "parking_item"))


def vote_round_from_data(d: dict[str, Any]) -> VoteRound:
    defaults = VoteRound()
    return VoteRound(
        d.get("active", False), d.get("dots_per_participant", defaults.dots_per_participant),
        tuple(d.get("kinds", ())), d.get("max_per_card", 0), d.get("anonymous", False),
        d.get("revealed", False), d.get("started_at", ""), d.get("ended_at", ""),
        _extra(d, "vote_round"))


def private_round_from_data(d: dict[str, Any]) -> PrivateRound:
    return PrivateRound(d.get("active", False), d.get("started_at", ""), d.get("ended_at", ""),
                        _extra(d, "private_round"))
