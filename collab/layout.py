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
from model.journey import plain_data as form
from model.journey.entities import COLOUR_RE, EMOTION_MAX, EMOTION_MIN
from model.journey.validation import MAX_ID_LENGTH, MAX_TEXT_LENGTH, TIME_RE

LAYOUT_NAME, LAYOUT_VERSION = "journey-map-yjs", 2
META_ROOT = "map"
# New kinds go at the end: R1 lets kinds claim ids in this order.
KINDS = ("segment", "stage", "lane", "path", "card", "transition", "link", "participant",
         "comment", "parking_item")
ROOTS = {kind: kind + "s" for kind in KINDS}
# Top-level orders, kept by "pos" keys. Participants before parking items: an item's author is
# checked against the participants shown.
ORDERED = ("segment", "stage", "lane", "path", "participant", "parking_item")
TOMBSTONED = ("stage", "lane")  # removed ones stay as {"deleted": true} so orphans land nearby
POS, PLACE, DELETED, EXTRA, VOTES, EMOTIONS = "pos", "place", "deleted", "extra", "votes", "emotions"
DOTS = "dots"
MAP_FIELDS = ("title", "language", "description")
ROUNDS = ("vote_round", "private_round")  # the workshop's settings, whole JSON values in "map"
PEOPLE = ("created_by", "edited_by", "author")  # fields naming a participant ("" for nobody)
TIMES = ("created_at", "edited_at")

FIELDS: dict[str, tuple[str, ...]] = {
    "segment": ("name", "colour"),
    "stage": ("name", "overview", "exit_criteria", EMOTIONS),
    "lane": ("name", "kind"),
    "card": ("kind", "title", "details", "channel", "owner", "colour", "segments", VOTES,
             "feeling", "stakes", "actions", DOTS, "private", "created_by", "created_at",
             "edited_by", "edited_at"),
    "transition": ("source", "target", "kind", "trigger", "conversion_rate"),
    "path": ("name", "colour", "stages"),
    "link": ("source", "target", "kind"),
    "participant": ("name", "colour"),
    "comment": ("card", "text", "author", "created_at", "parent", "resolved", "edited_at"),
    "parking_item": ("text", "author", "created_at"),
}
_KIND_VALUES = {kind: frozenset(k.value for k in enum) for kind, enum in (
    ("lane", LaneKind), ("card", CardKind), ("transition", TransitionKind), ("link", LinkKind))}
_DEFAULTS: dict[str, dict[str, Any]] = {
    "segment": {"name": "", "colour": "#4e79a7"},
    "stage": {"name": "", "overview": "", "exit_criteria": [], EMOTIONS: {}},
    "lane": {"name": "", "kind": "text"},
    "card": {"kind": "note", "title": "", "details": "", "channel": "", "owner": "", "colour": "",
             "segments": [], VOTES: 0, "feeling": "", "stakes": "", "actions": "", DOTS: {},
             "private": False, "created_by": "", "created_at": "", "edited_by": "",
             "edited_at": ""},
    "transition": {"kind": "forward", "trigger": "", "conversion_rate": None},
    "path": {"name": "", "colour": "#e15759", "stages": []},
    "link": {"kind": "addresses"},
    "participant": {"name": "", "colour": "#4e79a7"},
    "comment": {"card": "", "text": "", "author": "", "created_at": "", "parent": "",
                "resolved": False, "edited_at": ""},
    "parking_item": {"text": "", "author": "", "created_at": ""},
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
    and its unknown fields; without the fields the engine keeps apart (pos, place, votes; dots
    are written key by key)."""
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
    if name in ("private", "resolved"):
        return isinstance(value, bool)
    if name in TIMES:
        return isinstance(value, str) and TIME_RE.match(value) is not None
    if name in PEOPLE or name in ("card", "parent"):
        return value == "" or valid_id(value)
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


def clean_dots(value: Any) -> dict[str, int]:
    """A card's dots, participant id -> a whole number >= 1 (rounded); anything else left out."""
    if not isinstance(value, Mapping):
        return {}
    dots = {key: round(n) for key, n in value.items() if valid_id(key) and _number(n, 0, 1e6)}
    return {key: n for key, n in sorted(dots.items()) if n >= 1}


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
        elif name == VOTES:  # the unattributed part; projection adds the dots
            value = max(0, round(vote_total(value)))
        elif name == DOTS:
            value = clean_dots(value)
        elif name in ("source", "target"):
            value = value if valid_id(value) else ""
        elif not _field_ok(kind, name, value):
            value = _DEFAULTS[kind][name]
        data[name] = canonical(value)
    if kind == "card":
        data["segments"] = list(dict.fromkeys(data["segments"]))
    return data


def clean_meta(raw: Mapping[str, Any]) -> dict[str, Any]:
    """title, language, description, the vote's and private round's settings, and the unknown
    fields of the file's head and top level."""
    defaults = {"title": "", "language": "en", "description": ""}
    meta = {name: raw.get(name) if _text(raw.get(name)) else defaults[name] for name in MAP_FIELDS}
    extra = _json_object(raw.get(EXTRA))
    meta[EXTRA] = {"top": _json_object(extra.get("top")), "map": _json_object(extra.get("map"))}
    for name in ROUNDS:
        meta[name] = clean_round(name, raw.get(name))
    return meta


def clean_round(name: str, value: Any) -> dict[str, Any]:
    """The vote's or private round's settings in their `.journey` form, each invalid field
    replaced by its default (R9)."""
    to_data, from_data = ((form.vote_round_to_data, form.vote_round_from_data)
                          if name == "vote_round" else
                          (form.private_round_to_data, form.private_round_from_data))
    defaults = to_data(from_data({}))
    data = _json_object(value)
    for key, default in defaults.items():
        if not _round_field_ok(key, data.get(key, default), default):
            data[key] = default
    return to_data(from_data(data))


def _round_field_ok(key: str, value: Any, default: Any) -> bool:
    if isinstance(default, bool):
        return isinstance(value, bool)
    if key in ("started_at", "ended_at"):
        return isinstance(value, str) and TIME_RE.match(value) is not None
    if key == "kinds":
        return (isinstance(value, list) and all(isinstance(k, str) and k in _KIND_VALUES["card"]
                                                for k in value) and len(set(value)) == len(value))
    low = 1 if key == "dots_per_participant" else 0
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= 1000


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
