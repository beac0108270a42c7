"""Migrations of `.journey` data from older format versions to the current one.

Each migration is a small function taking the plain data of version N and returning new data of
version N + 1 (it never changes its argument); ``MIGRATIONS`` maps N to it, and ``migrate`` runs
the chain. Migrations run before schema validation, so they must cope with malformed input: what
they cannot convert they report as a ``MigrationError`` with the place, anything else they leave
for the schema to judge. Pure standard library and model.journey.messages (translatable
messages).
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from model.journey.messages import Message

CURRENT_VERSION = 3

Data = dict[str, Any]


class MigrationError(ValueError):
    """Data of an old version that cannot be carried forward; ``where`` is a JSON path."""

    def __init__(self, message: str, where: str = ""):
        super().__init__(message)
        self.message = message
        self.where = where


def _fresh_ids(prefix: str, count: int, used: set[str]) -> list[str]:
    """``prefix-1``, ``prefix-2``, ... skipping ids the file already uses."""
    ids: list[str] = []
    number = 0
    while len(ids) < count:
        number += 1
        candidate = f"{prefix}-{number}"
        if candidate not in used:
            ids.append(candidate)
            used.add(candidate)
    return ids


def _named_elements(data: Data, array: str, prefix: str, used: set[str]) -> list[Data]:
    """A v0 array of names -> v1 elements ``{"id": "stage-1", "name": ...}``."""
    names = data.get(array, [])
    if not isinstance(names, list):
        raise MigrationError(Message("{array} must be a list of names in a version 0 file",
                                     array=array), array)
    for i, name in enumerate(names):
        if not isinstance(name, str):
            raise MigrationError(Message("{array} must be a list of names in a version 0 file, "
                                         "but entry {number} is not text", array=array,
                                         number=i + 1), f"{array}[{i}]")
    return [{"id": element_id, "name": name}
            for element_id, name in zip(_fresh_ids(prefix, len(names), used), names, strict=True)]


def _index_to_id(card: Data, field: str, ids: list[str], where: str) -> str:
    index = card.get(field)
    if isinstance(index, bool) or not isinstance(index, int) or not 0 <= index < len(ids):
        # Cut the value: it may be a 100,000-character text or a 4,300-digit number.
        raise MigrationError(Message("in a version 0 file a card's {field} must be a {field} "
                                     "number from 0 to {last}, found {value}", field=field,
                                     last=len(ids) - 1, value=f"{index!r:.60}"),
                             f"{where}.{field}")
    return ids[index]


def _card_0_to_1(card: Any, where: str, stage_ids: list[str], lane_ids: list[str],
                 new_id: str) -> Data:
    if not isinstance(card, dict):
        raise MigrationError(Message("a card must be an object"), where)
    result = {"id": card.get("id", new_id)}
    result["stage"] = _index_to_id(card, "stage", stage_ids, where)
    result["lane"] = _index_to_id(card, "lane", lane_ids, where)
    if "text" in card and "title" not in card:
        result["title"] = card["text"]
    result.update((k, v) for k, v in card.items() if k not in ("id", "stage", "lane", "text"))
    return result


def migrate_0_to_1(data: Data) -> Data:
    """v0: stages and lanes were arrays of names; cards had ``text`` and stage/lane indexes."""
    cards = data.get("cards", [])
    if not isinstance(cards, list):
        raise MigrationError(Message("cards must be a list"), "cards")
    used = {c["id"] for c in cards if isinstance(c, dict) and isinstance(c.get("id"), str)}
    stages = _named_elements(data, "stages", "stage", used)
    lanes = _named_elements(data, "lanes", "lane", used)
    stage_ids = [s["id"] for s in stages]
    lane_ids = [lane["id"] for lane in lanes]
    card_ids = _fresh_ids("card", len(cards), used)
    new_cards = [_card_0_to_1(card, f"cards[{i}]", stage_ids, lane_ids, card_ids[i])
                 for i, card in enumerate(cards)]
    return {**data, "version": 1, "stages": stages, "lanes": lanes, "cards": new_cards}


def migrate_1_to_2(data: Data) -> Data:
    """v2 adds the workshop (participants, per-participant dots, vote and private-round
    settings, authorship, comments, the parking lot), all optional. A v1 card's ``votes`` number
    stays its total: with no dots named, all of it is the unattributed part, so no total
    changes. Fields a v1 file kept under these new names are read as v2 (the schema judges)."""
    return {**data, "version": 2}


def migrate_2_to_3(data: Data) -> Data:
    """v3 adds scenarios (as-is, to-be, ...: each a whole map, in ``scenarios``). A file whose
    top level is one map, as every v2 file is, stays valid v3: it is one "as-is" scenario
    (``model.fileformat.scenario_data.normalize_scenarios`` makes it one after the checks, so
    that a problem is still reported at the place the file has it: ``cards[3]``)."""
    return {**data, "version": 3}


MIGRATIONS: dict[int, Callable[[Data], Data]] = {
    0: migrate_0_to_1,
    1: migrate_1_to_2,
    2: migrate_2_to_3,
}


def migrate(data: Data) -> Data:
    """Run the chain from ``data["version"]`` up to CURRENT_VERSION. Current data comes back as is.

    The caller has checked that the version is a whole number no newer than CURRENT_VERSION.
    """
    for version in range(data["version"], CURRENT_VERSION):
        step = MIGRATIONS.get(version)
        if step is None:
            raise MigrationError(Message("format version {version} is not known to this app",
                                         version=version), "version")
        data = step(data)
    return data
