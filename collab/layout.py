"""The Yjs document layout of a journey map (docs/collaboration.md publishes it) and the
conversion of one element between the model and its Yjs record. Pure Python, no Qt, no pycrdt:
records here are plain JSON values. Imports model.* only.

Every element kind has one root Y.Map keyed by element id whose values are Y.Maps ("records")
holding the element's fields as plain JSON. ``clean_record`` turns whatever a peer wrote into
the `.journey` data form of the element, replacing any invalid field by its default, so a
foreign or buggy client can never make a peer's model refuse the state.
"""
from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from model import CardKind, LaneKind, LinkKind, TransitionKind
from model.journey.entities import COLOUR_RE, EMOTION_MAX, EMOTION_MIN
from model.journey.validation import MAX_ID_LENGTH, MAX_TEXT_LENGTH

LAYOUT_NAME, LAYOUT_VERSION = "journey-map-yjs", 1
META_ROOT = "map"
KINDS = ("segment", "stage", "lane", "path", "card", "transition", "link")
ROOTS = {kind: kind + "s" for kind in KINDS}
ORDERED = ("segment", "stage", "lane", "path")  # top-level orders, kept by "pos" keys
TOMBSTONED = ("stage", "lane")  # removed ones stay as {"deleted": true} so orphans land nearby
POS, PLACE, DELETED, EXTRA, VOTES, EMOTIONS = "pos", "place", "deleted", "extra", "votes", "emotions"
MAP_FIELDS = ("title", "language", "description")

FIELDS: dict[str, tuple[str, ...]] = {
    "segment": ("name", "colour"),
    "stage": ("name", "overview", "exit_criteria", EMOTIONS),
    "lane": ("name", "kind"),
    "card": ("kind", "title", "details", "channel", "owner", "colour", "segments", VOTES,
             "feeling", "stakes", "actions"),
    "transition": ("source", "target", "kind", "trigger", "conversion_rate"),
    "path": ("name", "colour", "stages"),
    "link": ("source", "target", "kind"),
}
_KIND_VALUES = {kind: frozenset(k.value for k in enum) for kind, enum in (
    ("lane", LaneKind), ("card", CardKind), ("transition", TransitionKind), ("link", LinkKind))}
_DEFAULTS: dict[str, dict[str, Any]] = {
    "segment": {"name": "", "colour": "#4e79a7"},
    "stage": {"name": "", "overview": "", "exit_criteria": [], EMOTIONS: {}},
    "lane": {"name": "", "kind": "text"},
    "card": {"kind": "note", "title": "", "details": "", "channel": "", "owner": "", "colour": "",
             "segments": [], VOTES: 0, "feeling": "", "stakes": "", "actions": ""},
    "transition": {"kind": "forward", "trigger": "", "conversion_rate": None},
    "path": {"name": "", "colour": "#e15759", "stages": []},
    "link": {"kind": "addresses"},
}


# ----------------------------------------------------------------------------- plain values
def canonical(value: Any) -> Any:
    """JSON with every whole float as an int: Yjs numbers are doubles, so 1 comes back as 1.0,
    and every peer must write the same bytes to its `.journey` file."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 2 ** 53:
        return int(value)
    if isinstance(value, dict):
        return {key: canonical(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [canonical(item) for item in value]
    return value


def same(a: Any, b: Any) -> bool:
    """Equal and of the same JSON types (1 and 1.0 differ: they are saved differently)."""
    if type(a) is str:
        return a == b if type(b) is str else False
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(same(a[key], b[key]) for key in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    return a == b


def valid_id(element_id: Any) -> bool:
    return isinstance(element_id, str) and 0 < len(element_id) <= MAX_ID_LENGTH


def _text(value: Any) -> bool:
    return isinstance(value, str) and len(value) <= MAX_TEXT_LENGTH


def _number(value: Any, low: float, high: float) -> bool:
    return (isinstance(value, (int, float)) and not isinstance(value, bool)
            and math.isfinite(value) and low <= value <= high)


def _json_object(value: Any) -> dict[str, Any]:
    return canonical(dict(value)) if isinstance(value, Mapping) else {}


# ----------------------------------------------------------------------------- model -> record
def model_record(kind: str, data: dict[str, Any], extra: Mapping[str, Any]) -> dict[str, Any]:
    """The Yjs record of an element from its `.journey` data form (``serialize.*_to_data``)
    and its unknown fields; without the fields the engine keeps apart (pos, place, votes)."""
    record = {name: canonical(data[name]) for name in FIELDS[kind] if name != VOTES}
    record[EXTRA] = _json_object(extra)
    return record


# ----------------------------------------------------------------------------- record -> data
def _field_ok(kind: str, name: str, value: Any) -> bool:
    if name == "kind":
        return isinstance(value, str) and value in _KIND_VALUES[kind]
    if name == "colour":
        return isinstance(value, str) and (COLOUR_RE.match(value) is not None
                                           or kind == "card" and value == "")
    if name in ("segments", "stages"):
        return isinstance(value, list) and all(isinstance(item, str) for item in value)
    if name == "conversion_rate":
        return value is None or _number(value, 0, 1)
    return _text(value)


def _criteria(value: Any) -> list[dict[str, Any]]:
    if not isinstance(value, list):
        return []
    criteria = []
    for item in value:
        item = _json_object(item)
        text, kpi = item.get("text", ""), item.get("kpi", "")
        criteria.append({**item, "text": text if _text(text) else "",
                         "kpi": kpi if _text(kpi) else ""})
    return criteria


def _emotions(value: Any) -> dict[str, Any]:
    if not isinstance(value, Mapping):
        return {}
    return {key: canonical(number) for key, number in sorted(value.items())
            if _text(key) and _number(number, EMOTION_MIN, EMOTION_MAX)}


def vote_total(value: Any) -> float:
    """Votes are a Y.Map of each client's net contribution (concurrent votes add up); a plain
    number written by another Yjs client is taken as it is."""
    if isinstance(value, Mapping):
        return sum(v for v in value.values() if _number(v, -1e9, 1e9))
    return value if _number(value, -1e9, 1e9) else 0


def clean_record(kind: str, element_id: str, raw: Mapping[str, Any]) -> dict[str, Any]:
    """The `.journey` data form of a record, every invalid field replaced by its default.
    References (stages, segments, card ends) are checked later, against the whole state."""
    data: dict[str, Any] = {**_json_object(raw.get(EXTRA)), "id": element_id}
    for name in FIELDS[kind]:
        value = raw.get(name, _DEFAULTS[kind].get(name))
        if name == "exit_criteria":
            value = _criteria(value)
        elif name == EMOTIONS:
            value = _emotions(value)
        elif name == VOTES:
            value = max(0, round(vote_total(value)))
        elif name in ("source", "target"):
            value = value if valid_id(value) else ""
        elif not _field_ok(kind, name, value):
            value = _DEFAULTS[kind][name]
        data[name] = canonical(value)
    if kind == "card":
        data["segments"] = list(dict.fromkeys(data["segments"]))
    return data


def clean_meta(raw: Mapping[str, Any]) -> dict[str, Any]:
    """title, language, description and the unknown fields of the file's head and top level."""
    defaults = {"title": "", "language": "en", "description": ""}
    meta = {name: raw.get(name) if _text(raw.get(name)) else defaults[name] for name in MAP_FIELDS}
    extra = _json_object(raw.get(EXTRA))
    meta[EXTRA] = {"top": _json_object(extra.get("top")), "map": _json_object(extra.get("map"))}
    return meta


def pos_of(raw: Mapping[str, Any], key: str = POS) -> str:
    """An order key as a string; anything else sorts first (ties are broken by id)."""
    value = raw.get(key)
    return value if isinstance(value, str) else ""


def place_of(raw: Mapping[str, Any]) -> tuple[str, str, str]:
    """A card's (stage id, lane id, order key); missing parts are empty strings."""
    place = raw.get(PLACE)
    if not isinstance(place, Mapping):
        return "", "", ""
    stage, lane = place.get("stage"), place.get("lane")
    return (stage if isinstance(stage, str) else "", lane if isinstance(lane, str) else "",
            pos_of(place))
