"""Cards on the clipboard as JSON (the file format's card objects), so paste works between maps.

Imports: PySide6.QtCore, model.
"""
from __future__ import annotations

import json

from PySide6.QtCore import QMimeData

from model import Card, CardPlace, JourneyMap, ModelError
from model.serialize import card_from_data, card_to_data

from .mime import CARDS_MIME


def cards_to_mime(journey: JourneyMap, card_ids: list[str]) -> QMimeData:
    payload = [card_to_data(journey.card(c), journey.card_place(c)) for c in card_ids]
    mime = QMimeData()
    mime.setData(CARDS_MIME, json.dumps(payload, ensure_ascii=False).encode("utf-8"))
    mime.setText("\n".join(journey.card(c).title for c in card_ids))
    return mime


def cards_from_mime(mime: QMimeData) -> list[tuple[Card, str, str]]:
    """Cards with the stage and lane ids they came from; [] when the data is not ours or broken."""
    if not mime.hasFormat(CARDS_MIME):
        return []
    try:
        payload = json.loads(bytes(mime.data(CARDS_MIME)).decode("utf-8"))
        return [(card_from_data(item), str(item.get("stage", "")), str(item.get("lane", "")))
                for item in payload if isinstance(item, dict)]
    except (ValueError, KeyError, TypeError, ModelError):
        return []


def paste_places(journey: JourneyMap, cards: list[tuple[Card, str, str]],
                 anchor: CardPlace | None) -> list[tuple[Card, CardPlace]]:
    """Where pasted cards go: after the anchor card; else their own cell if this map has it;
    else the first cell. Each keeps its order."""
    result = []
    stages, lanes = journey.stage_ids(), journey.lane_ids()
    for offset, (card, stage_id, lane_id) in enumerate(cards):
        if anchor is not None:
            place = CardPlace(anchor.stage, anchor.lane, anchor.index + 1 + offset)
        else:
            if stage_id not in stages or lane_id not in lanes:
                stage_id, lane_id = stages[0], lanes[0]
            size = len(journey.cell_card_ids(stage_id, lane_id)) + sum(
                1 for _, p in result if (p.stage, p.lane) == (stage_id, lane_id))
            place = CardPlace(stage_id, lane_id, size)
        result.append((card, place))
    return result
