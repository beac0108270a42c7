"""The fuzzer's mutators: structural edits of the parsed file (values replaced, deleted, inserted,
duplicated, moved, references retargeted), extreme values at the loader's limits, and byte-level
damage (flips, cuts, fragments, splices, duplicate keys, other encodings). Each takes a
``random.Random``-like source, so Hypothesis (``st.randoms``) or a seeded ``random.Random``
can drive it; ``mutate`` applies one family. Imports: the standard library and model.*.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from model.fileformat.journey_file import MAX_DEPTH, MAX_ELEMENTS, MAX_INT_DIGITS, MAX_STRING_LENGTH

from .inputs import ARRAYS, Base

REFERENCES = {"cards": ("stage", "lane", "segments"), "transitions": ("source", "target"),
              "paths": ("stages",), "links": ("source", "target"), "stages": ("emotions",)}
FIELD_NAMES = ("id", "name", "kind", "title", "stage", "lane", "segments", "votes", "colour",
               "emotions", "exit_criteria", "source", "target", "conversion_rate", "stages",
               "format", "version", "map", "cards", "text", "kpi", "")
STRINGS = ("", " ", "x", "\x00", "\\", '"', "\ud800", "\udfff", "\ufeff", "\u202e", "導入", "𠮷",
           "e\u0301", "note", "idea", "pain_point", "touchpoints", "emotion", "forward", "skip",
           "addresses", "journey-map", "#4e79a7", "#4E79A7", "#4e79a", "#gggggg", "red", "NaN",
           "1", "-1", "true", "null", "{}", "st-1", "cell", "tagged", "step:0", "x" * 64, "y" * 65)
NUMBERS = (0, 1, -1, 2, -2, 3, 0.5, -0.0, 1.0, 2.0000001, -2.5, 1e308, -1e308, 5e-324, 2**31,
           2**53 + 1, 2**63, -2**63, 10**30)
RAW_NUMBERS = ("NaN", "Infinity", "-Infinity", "1e999", "-1e999", "1e-999", "-0", "0.0e0",
               "1" * MAX_INT_DIGITS, "9" * (MAX_INT_DIGITS + 1), "-" + "9" * (MAX_INT_DIGITS + 1),
               "1" + "0" * 400 + ".5", "0." + "0" * 5000 + "1", "1E+2", "01", "1.", ".5", "+1",
               "0x10", "1_000")
FRAGMENTS = (b"{", b"}", b"[", b"]", b",", b":", b'"', b"\\", b"null", b"NaN", b"-Infinity",
             b"1e999", b'"\\ud800"', b'"\\udc00x"', b"\x00", b"\xef\xbb\xbf", b"\xff\xfe", b"\xc0\xaf",
             b"\xed\xa0\x80", b"//", b"/*", b"'", b"true", b"fals", b'"format": "journey-map"',
             b'"version": 0', b'"id": "st-1"', b"[" * 100, b"{}" * 50, b"\n", b"\t", b" " * 1000)
STRUCTURAL_BYTES = b'{}[],:"\\0123456789-tfneE.'
_KEY_RE = re.compile(rb'"(?:[^"\\]|\\.)*"\s*:\s*')
_SENTINEL = "\x00raw:{}\x00"


# ----------------------------------------------------------------------------- random values
def random_text(rng, base: Base) -> str:
    roll = rng.random()
    if roll < 0.3 and base.ids:
        return rng.choice(base.ids)
    if roll < 0.9:
        return rng.choice(STRINGS)
    return rng.choice("aé導\u0301🙂") * rng.choice((1, 63, 64, 65, 1000))


def random_value(rng, base: Base, depth: int = 0) -> Any:
    roll = rng.randrange(8 if depth < 3 else 6)
    if roll == 0:
        return rng.choice((None, True, False))
    if roll == 1:
        return rng.choice(NUMBERS)
    if roll == 2:
        return rng.randint(-(2**70), 2**70) if rng.random() < 0.5 else rng.uniform(-3, 3)
    if roll in (3, 4, 5):
        return random_text(rng, base)
    if roll == 6:
        return [random_value(rng, base, depth + 1) for _ in range(rng.randrange(4))]
    return {rng.choice(FIELD_NAMES): random_value(rng, base, depth + 1) for _ in range(rng.randrange(4))}


# ----------------------------------------------------------------------------- the parsed document
@dataclass
class Doc:
    """A parsed copy of a base being mutated; ``raws`` holds text spliced in verbatim on render
    (numbers and nestings that Python's json module cannot or will not write)."""

    data: Any
    raws: list[str] = field(default_factory=list)

    def raw(self, text: str) -> str:
        self.raws.append(text)
        return _SENTINEL.format(len(self.raws) - 1)

    def pick_slot(self, rng) -> tuple[Any, Any] | None:
        """A random (container, key) found by a random walk from the top: shallow places often."""
        parent, key, node = None, None, self.data
        while isinstance(node, (dict, list)) and node and (parent is None or rng.random() < 0.7):
            key = rng.choice(list(node)) if isinstance(node, dict) else rng.randrange(len(node))
            parent, node = node, node[key]
        return None if parent is None else (parent, key)

    def element_array(self, rng) -> list | None:
        names = [a for a in ARRAYS if isinstance(self.data, dict) and isinstance(self.data.get(a), list)]
        return self.data[rng.choice(names)] if names else None

    def render(self, rng) -> bytes:
        ascii_only = rng.random() < 0.3
        text = json.dumps(self.data, ensure_ascii=ascii_only, indent=rng.choice((None, 0, 2, "\t")))
        for i, raw in enumerate(self.raws):
            text = text.replace(json.dumps(_SENTINEL.format(i)), raw)
        # surrogatepass: a lone surrogate in the data becomes the bytes a careless writer emits.
        return text.encode("utf-8", "surrogatepass")


# ----------------------------------------------------------------------------- structural mutators
def replace_value(rng, doc: Doc, base: Base) -> None:
    slot = doc.pick_slot(rng)
    if slot:
        slot[0][slot[1]] = random_value(rng, base)


def delete_entry(rng, doc: Doc, base: Base) -> None:
    slot = doc.pick_slot(rng)
    if slot:
        del slot[0][slot[1]]


def insert_entry(rng, doc: Doc, base: Base) -> None:
    slot = doc.pick_slot(rng)
    container = slot[0] if slot else doc.data
    if isinstance(container, dict):
        container[rng.choice(FIELD_NAMES + ("x-new",))] = random_value(rng, base)
    elif isinstance(container, list):
        container.insert(rng.randrange(len(container) + 1), random_value(rng, base))


def duplicate_element(rng, doc: Doc, base: Base) -> None:
    """A second copy of an element: same id (refused) or a fresh one (loads, a bigger map)."""
    array = doc.element_array(rng)
    if array:
        copy = json.loads(json.dumps(rng.choice(array)))
        if isinstance(copy, dict) and rng.random() < 0.5:
            copy["id"] = f"dup-{rng.randrange(10**6)}"
        array.insert(rng.randrange(len(array) + 1), copy)


def move_element(rng, doc: Doc, base: Base) -> None:
    """An element into the wrong array (a card among the stages)."""
    source, target = doc.element_array(rng), doc.element_array(rng)
    if source and target is not None:
        target.append(source.pop(rng.randrange(len(source))))


def retarget_reference(rng, doc: Doc, base: Base) -> None:
    """A reference pointed at another id: of the wrong kind, the element itself, or nothing."""
    name = rng.choice(tuple(REFERENCES))
    elements = doc.data.get(name) if isinstance(doc.data, dict) else None
    if not isinstance(elements, list) or not elements or not isinstance(elements[0], dict):
        return
    element, ref = rng.choice(elements), rng.choice(REFERENCES[name])
    if not isinstance(element, dict):
        return
    target = rng.choice(base.ids + (str(element.get("id")), "", "missing"))
    if ref in ("segments", "stages"):
        element[ref] = [*element.get(ref, [])[:3], target] if isinstance(element.get(ref), list) else [target]
    elif ref == "emotions":
        element[ref] = {target: rng.choice(NUMBERS)}
    else:
        element[ref] = target


def change_header(rng, doc: Doc, base: Base) -> None:
    if not isinstance(doc.data, dict):
        return
    key = rng.choice(("format", "version", "version", "map"))
    if rng.random() < 0.2:
        doc.data.pop(key, None)
    else:
        doc.data[key] = rng.choice((0, 0, -1, 2, 10**30, "1", 1.0, True, None, [], {}, "journey-map",
                                    "Journey-Map", ""))


def shuffle_array(rng, doc: Doc, base: Base) -> None:
    """Reordering keeps a file valid (cards forward-reference nothing): exercises the round trip."""
    array = doc.element_array(rng)
    if array:
        rng.shuffle(array)


# ----------------------------------------------------------------------------- extreme values
def deep_nesting(rng, doc: Doc, base: Base) -> None:
    depth = rng.choice((MAX_DEPTH - 3, MAX_DEPTH - 1, MAX_DEPTH, MAX_DEPTH + 1, 999, 5000, 200_000))
    opener, closer = rng.choice((("[", "]"), ('{"a":', "}")))
    _put(rng, doc, doc.raw(opener * depth + "0" + closer * depth))


def huge_string(rng, doc: Doc, base: Base) -> None:
    length = rng.choice((64, 65, MAX_STRING_LENGTH, MAX_STRING_LENGTH + 1))
    _put(rng, doc, rng.choice("a導") * length)


def huge_number(rng, doc: Doc, base: Base) -> None:
    _put(rng, doc, doc.raw(rng.choice(RAW_NUMBERS)))


def long_key(rng, doc: Doc, base: Base) -> None:
    slot = doc.pick_slot(rng)
    container = slot[0] if slot and isinstance(slot[0], dict) else doc.data
    if isinstance(container, dict):
        container["k" * rng.choice((65, MAX_STRING_LENGTH + 1))] = 1


def many_elements(rng, doc: Doc, base: Base) -> None:
    """Empty elements: over the limit, refused by counting. (Just under it, the schema takes
    seconds to refuse them: see ``worst_cases``, kept out of the random mix for that reason.)"""
    count = rng.choice((1_000, MAX_ELEMENTS + 1))
    if isinstance(doc.data, dict):
        doc.data[rng.choice(ARRAYS)] = doc.raw("[" + ",".join(["{}"] * count) + "]")


def _put(rng, doc: Doc, value: Any) -> None:
    slot = doc.pick_slot(rng)
    if slot:
        slot[0][slot[1]] = value


# ----------------------------------------------------------------------------- byte mutators
def flip_bytes(rng, raw: bytes, base: Base) -> bytes:
    data = bytearray(raw)
    for _ in range(rng.randint(1, 8)):
        if data:
            data[_position(rng, data)] = rng.choice((rng.randrange(256), rng.choice(STRUCTURAL_BYTES)))
    return bytes(data)


def truncate(rng, raw: bytes, base: Base) -> bytes:
    return raw[:rng.randrange(len(raw) + 1)]


def cut_slice(rng, raw: bytes, base: Base) -> bytes:
    start = rng.randrange(len(raw) + 1)
    return raw[:start] + raw[start + rng.randint(1, 64):]


def insert_fragment(rng, raw: bytes, base: Base) -> bytes:
    if rng.random() < 0.5:
        fragment = rng.choice(FRAGMENTS)
    else:
        fragment = json.dumps(random_value(rng, base)).encode("utf-8")
    at = _position(rng, raw) if raw else 0
    return raw[:at] + fragment + raw[at:]


def splice(rng, raw: bytes, base: Base) -> bytes:
    """A piece of the file copied elsewhere in it: repeated keys, elements, half structures."""
    start = rng.randrange(len(raw) + 1)
    piece = raw[start:start + rng.randint(1, 400)]
    at = rng.randrange(len(raw) + 1)
    return raw[:at] + piece + raw[at:]


def duplicate_key(rng, raw: bytes, base: Base) -> bytes:
    """A key written twice in one object, the second time with another value."""
    keys = list(_KEY_RE.finditer(raw))
    if not keys:
        return raw
    match = rng.choice(keys)
    value = json.dumps(random_value(rng, base)).encode("utf-8")
    return raw[:match.start()] + match.group() + value + b", " + raw[match.start():]


def odd_encoding(rng, raw: bytes, base: Base) -> bytes:
    text = raw.decode("utf-8", "replace")
    encoding = rng.choice(("utf-16", "utf-16-le", "utf-16-be", "utf-32", "latin-1", "shift_jis",
                           "utf-8-sig", "cp1252"))
    return text.encode(encoding, "replace")


def _position(rng, data: bytes) -> int:
    """Half the time at a structural byte: most of a file is text, where a flip changes little."""
    at = rng.randrange(len(data))
    if rng.random() < 0.5:
        for offset in range(at, min(at + 64, len(data))):
            if data[offset] in STRUCTURAL_BYTES:
                return offset
    return at


STRUCTURE = {f.__name__: f for f in (replace_value, delete_entry, insert_entry, duplicate_element,
                                     move_element, retarget_reference, change_header, shuffle_array)}
EXTREMES = {f.__name__: f for f in (deep_nesting, huge_string, huge_number, long_key, many_elements)}
BYTES = {f.__name__: f for f in (flip_bytes, truncate, cut_slice, insert_fragment, splice,
                                 duplicate_key)}
FAMILIES = ("bytes", "structure", "extremes", "mixed")


def mutate(rng, base: Base, family: str | None = None) -> tuple[bytes, list[str]]:
    """Mutated bytes of ``base`` and the names of the mutators applied, in order."""
    family = family or rng.choice(FAMILIES)
    names: list[str] = []
    raw = base.raw
    if family != "bytes":
        doc = Doc(json.loads(base.text))
        pool = {**STRUCTURE, **EXTREMES} if family == "mixed" else \
            (EXTREMES if family == "extremes" else STRUCTURE)
        for _ in range(rng.randint(1, 3)):
            names.append(rng.choice(sorted(pool)))
            pool[names[-1]](rng, doc, base)
        raw = doc.render(rng)
    if family in ("bytes", "mixed"):
        byte_pool = {**BYTES, "odd_encoding": odd_encoding}
        for _ in range(rng.randint(1, 3) if family == "bytes" else rng.randint(0, 1)):
            names.append(rng.choice(sorted(byte_pool)))
            raw = byte_pool[names[-1]](rng, raw, base)
    return raw, names
