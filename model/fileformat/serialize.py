"""Plain data -> JourneyMap: builds a map from data the file layer has already validated.

Imports model.journey (the map and its plain-data form) and model.fileformat.scenario_data (the
current scenario of a whole document).
"""
from __future__ import annotations

from typing import Any

from model.fileformat.scenario_data import current_entry, is_document, scenario_body
from model.journey.journey_map import JourneyMap
from model.journey.plain_data import (
    _extra,
    card_from_data,
    comment_from_data,
    lane_from_data,
    link_from_data,
    parking_item_from_data,
    participant_from_data,
    path_from_data,
    private_round_from_data,
    segment_from_data,
    stage_from_data,
    transition_from_data,
    vote_round_from_data,
)


def map_from_data(data: dict[str, Any]) -> JourneyMap:
    """Build a map from validated data. Raises ModelError on anything the model refuses.

    ``data`` is a map's plain data, or a whole checked document (version 3, with ``scenarios``):
    then the map is its current scenario.
    """
    if is_document(data):
        data = scenario_body(current_entry(data))
    head = data.get("map", {})
    extra = {"top": _extra(data, "top"), "map": _extra(head, "map")}
    journey = JourneyMap(head.get("title", ""), head.get("language", "en"),
                         head.get("description", ""), extra=extra)
    for d in data.get("segments", []):
        journey.add_segment(segment_from_data(d))
    for d in data.get("participants", []):  # before the cards, comments and items naming them
        journey.add_participant(participant_from_data(d))
    for d in data.get("stages", []):
        journey.add_stage(stage_from_data(d))
    for d in data.get("lanes", []):
        journey.add_lane(lane_from_data(d))
    for d in data.get("cards", []):
        journey.add_card(card_from_data(d), d["stage"], d["lane"])
    for d in data.get("transitions", []):
        journey.add_transition(transition_from_data(d))
    for d in data.get("paths", []):
        journey.add_path(path_from_data(d))
    for d in data.get("links", []):
        journey.add_link(link_from_data(d))
    _add_workshop(journey, data)
    return journey


def _add_workshop(journey: JourneyMap, data: dict[str, Any]) -> None:
    comments = [comment_from_data(d) for d in data.get("comments", [])]
    for comment in sorted(comments, key=lambda c: bool(c.parent)):  # a reply after its parent
        journey.add_comment(comment)
    for d in data.get("parking_lot", []):
        journey.add_parking_item(parking_item_from_data(d))
    if "vote_round" in data:
        journey.set_vote_round(vote_round_from_data(data["vote_round"]))
    if "private_round" in data:
        journey.set_private_round(private_round_from_data(data["private_round"]))
