"""Fuzzing the `.journey` loader: mutate valid files; every input must either load into a map that
saves and reloads equal, or be refused with a JourneyFileError. Any other exception is a bug.

The mutators take a ``random.Random``-like source, so tests/model/test_fuzz_loader.py drives them
with Hypothesis (``st.randoms``: reproducible and shrinkable) and ``main`` drives them with a seeded
``random.Random`` for the long run, or hands the bytes to atheris (``--atheris``: coverage-guided).

    python scripts/fuzz_loader.py --inputs 100000 [--seed N] [--atheris] [--save-failures DIR]
    python scripts/fuzz_loader.py --worst-cases     # times a few hand-made files that load slowly

Imports: the standard library and model.*; ``main`` also uses hypothesis and tests/model/strategies
(for generated maps), which only the development environment has.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import resource
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script from anywhere: the project's packages are here
    sys.path.insert(0, str(ROOT))

from model.fileformat.journey_file import (  # noqa: E402
    MAX_DEPTH,
    MAX_ELEMENTS,
    MAX_FILE_BYTES,
    MAX_INT_DIGITS,
    MAX_STRING_LENGTH,
    dumps_journey,
    loads_journey,
)
from model.journey.errors import JourneyFileError  # noqa: E402

ARRAYS = ("segments", "stages", "lanes", "cards", "transitions", "paths", "links")
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


# ----------------------------------------------------------------------------- valid starting points
@dataclass(frozen=True)
class Base:
    """A valid file to start from: its bytes, its text and the ids it holds."""

    name: str
    raw: bytes = field(repr=False)  # a failing example shows the base by name, not 20 KB of it
    ids: tuple[str, ...] = field(default=(), repr=False)

    @property
    def text(self) -> str:
        return self.raw.decode("utf-8-sig")


def base_from_bytes(name: str, raw: bytes) -> Base:
    data = json.loads(raw.decode("utf-8-sig"))
    ids = tuple(e["id"] for a in ARRAYS for e in data.get(a, []) if isinstance(e, dict) and "id" in e)
    return Base(name, raw, ids)


def base_from_map(name: str, journey: Any) -> Base:
    return base_from_bytes(name, dumps_journey(journey).encode("utf-8"))


VERSION_0 = {"format": "journey-map", "version": 0, "map": {"title": "v0"}, "stages": ["A", "B"],
             "lanes": ["Touchpoints"], "cards": [{"stage": 0, "lane": 0, "text": "hi"},
                                                 {"id": "stage-1", "stage": 1, "lane": 0}]}


def template_bases() -> list[Base]:
    """The bundled templates, plus a version-0 file so the migrations get fuzzed too."""
    folder = ROOT / "resources" / "templates"
    bases = [base_from_bytes(p.name, p.read_bytes()) for p in sorted(folder.glob("*.journey"))]
    return bases + [base_from_bytes("version-0", json.dumps(VERSION_0).encode("utf-8"))]


def trimmed(base: Base, cards: int = 6) -> Base:
    """The base with only its first ``cards`` cards (and the links between them): the same variety
    of fields at a third of the cost to load, for the CI test's structural mutations."""
    data = json.loads(base.text)
    data["cards"] = data.get("cards", [])[:cards]
    kept = {card.get("id") for card in data["cards"]}
    data["links"] = [link for link in data.get("links", []) if {link["source"], link["target"]} <= kept]
    return base_from_bytes(f"{base.name}[:{cards} cards]", json.dumps(data, ensure_ascii=False).encode())


# ----------------------------------------------------------------------------- the check itself
MESSAGE_LIMIT = 1_000  # characters: a message for a person, not a dump of the file


def check_input(content: bytes) -> str:
    """'loaded', 'refused' or 'refused, long message'. A loaded map must save and reload equal
    (AssertionError if not); any exception other than JourneyFileError goes through: that is
    what the fuzzer hunts."""
    try:
        journey = loads_journey(content, "fuzzed.journey")
    except JourneyFileError as error:
        if not str(error).startswith("fuzzed.journey: "):
            raise AssertionError(f"the message does not name the file: {str(error)[:300]!r}") from None
        return "refused" if len(str(error)) <= MESSAGE_LIMIT else "refused, long message"
    saved = dumps_journey(journey).encode("utf-8")  # what save_journey writes
    again = loads_journey(saved, "resaved.journey")
    if again != journey:
        raise AssertionError("the map changed through save and reload")
    return "loaded"


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


# ----------------------------------------------------------------------------- the long run
@dataclass
class Tally:
    """Counts of outcomes and the slowest input; ``failures`` keeps the inputs that broke."""

    counts: Counter = field(default_factory=Counter)
    slowest: float = 0.0
    slowest_names: list[str] = field(default_factory=list)
    slowest_input: bytes = field(default=b"", repr=False)
    failures: list[tuple[bytes, str]] = field(default_factory=list)
    long_messages: list[tuple[bytes, str]] = field(default_factory=list)

    def run(self, content: bytes, names: list[str], keep_going: bool = True) -> str:
        start = time.perf_counter()
        try:
            outcome = check_input(content)
        except Exception as exc:  # noqa: BLE001 - counting every other error is the point
            if not keep_going:
                raise
            outcome = "other"
            self.failures.append((content, f"{names}: {type(exc).__name__}: {exc}"[:500]))
        elapsed = time.perf_counter() - start
        if elapsed > self.slowest:
            self.slowest, self.slowest_names, self.slowest_input = elapsed, list(names), content
        if outcome == "refused, long message":
            self.long_messages.append((content, str(names)))
            outcome = "refused"
        self.counts[outcome] += 1
        self.counts["total"] += 1
        return outcome


def generated_bases(count: int, seed: int) -> list[Base]:
    """Maps from the tests' ``journey_maps()`` strategy, reproducible from ``seed`` on the same
    source tree (Hypothesis also draws on constants it finds in the project's code)."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import seed as hypothesis_seed

    from tests.model.strategies import journey_maps
    found: list[Base] = []

    @hypothesis_seed(seed)
    @settings(max_examples=count, database=None, deadline=None, suppress_health_check=list(HealthCheck))
    @given(journey_maps())
    def collect(journey):
        found.append(base_from_map(f"generated-{len(found)}", journey))

    collect()
    return found


def run_random(bases: list[Base], inputs: int, seed: int, progress: bool) -> Tally:
    rng, tally = random.Random(seed), Tally()
    for i in range(inputs):
        base = rng.choice(bases)
        content, names = mutate(rng, base)
        tally.run(content, [base.name, *names])
        if progress and (i + 1) % 10_000 == 0:
            print(f"  {i + 1:,} inputs, {tally.counts['other']} other errors", file=sys.stderr)
    return tally


def report(tally: Tally, elapsed: float, command: str) -> str:
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    c = tally.counts
    return "\n".join([
        f"command:        {command}",
        f"inputs:         {c['total']:,}",
        f"loaded:         {c['loaded']:,}  (saved and reloaded equal)",
        f"refused:        {c['refused']:,}  (JourneyFileError)",
        f"  of which with a message over {MESSAGE_LIMIT:,} characters: {len(tally.long_messages):,}",
        f"other errors:   {c['other']:,}",
        f"slowest input:  {tally.slowest * 1000:.1f} ms  ({' + '.join(tally.slowest_names)})",
        f"elapsed:        {elapsed:.1f} s",
        f"peak RSS:       {peak_mib:.0f} MiB",
    ])


def save_failures(tally: Tally, folder: Path) -> None:
    """The inputs that broke, gave a long message, or took the longest, to replay by hand."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "slowest.journey").write_bytes(tally.slowest_input)
    for kind, found in (("failure", tally.failures), ("long-message", tally.long_messages)):
        for i, (content, reason) in enumerate(found[:100]):
            (folder / f"{kind}-{i}.journey").write_bytes(content)
            (folder / f"{kind}-{i}.txt").write_text(reason + "\n", encoding="utf-8")


def run_atheris(bases: list[Base], inputs: int, seed: int) -> int:
    """libFuzzer mutates the inputs, guided by the coverage of the Python code it runs; half of
    its mutations are ours (structure-aware), half its own (bytes). Never returns."""
    import atheris

    corpus = Path(tempfile.mkdtemp(prefix="journey-corpus-"))
    for i, base in enumerate(bases):
        (corpus / f"{i}.journey").write_bytes(base.raw)
    tally, start = Tally(), time.perf_counter()
    print(f"corpus: {corpus} (libFuzzer adds what it finds there)", flush=True)

    def one_input(data: bytes) -> None:
        tally.run(data, ["atheris"], keep_going=False)  # libFuzzer saves the input that broke
        if tally.counts["total"] % 10_000 == 0 or tally.counts["total"] == inputs:
            print(report(tally, time.perf_counter() - start, "atheris"), flush=True)

    def mutator(data: bytes, max_size: int, mutation_seed: int) -> bytes:
        rng = random.Random(mutation_seed)
        try:
            base = base_from_bytes("corpus", data) if rng.random() < 0.5 else None
        except (ValueError, TypeError, AttributeError, RecursionError):
            base = None
        if base is None:
            return atheris.Mutate(data, max_size)
        return mutate(rng, base)[0][:max_size]

    atheris.instrument_all()
    atheris.Setup([sys.argv[0], f"-runs={inputs}", f"-seed={seed or 1}", "-max_len=2000000",
                   "-rss_limit_mb=4096", "-timeout=10", str(corpus)], one_input,
                  custom_mutator=mutator)
    atheris.Fuzz()
    return 0


# ----------------------------------------------------------------------------- known slow paths
def _cards_file(count: int, cells: int, empty: bool = False) -> str:
    if empty:
        return '{"format": "journey-map", "version": 1, "cards": [' + ",".join(["{}"] * count) + "]}"
    stages = ",".join(f'{{"id": "s{i}"}}' for i in range(cells))
    cards = ",".join(f'{{"id": "c{i}", "stage": "s{i % cells}", "lane": "l"}}' for i in range(count))
    return (f'{{"format": "journey-map", "version": 1, "stages": [{stages}], '
            f'"lanes": [{{"id": "l"}}], "cards": [{cards}]}}')


WORST_CASES = {
    "99,999 empty cards (refused by the schema)": lambda: _cards_file(MAX_ELEMENTS - 1, 0, True),
    "20,000 cards in one cell (valid)": lambda: _cards_file(20_000, 1),
    "98,000 cards in 1,000 cells (valid, near the element limit)": lambda: _cards_file(98_000, 1_000),
    "64 MiB of short strings, no header (refused)":
        lambda: '{"x": [' + ",".join(['"a"'] * ((MAX_FILE_BYTES - 100) // 4)) + "]}",
}


def _time_one(name: str, pipe) -> None:
    content = WORST_CASES[name]().encode("utf-8")
    start = time.perf_counter()
    try:
        loads_journey(content)
        outcome = "loaded"
    except JourneyFileError:
        outcome = "refused"
    pipe.send((len(content), outcome, time.perf_counter() - start,
               resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024))


def worst_cases() -> None:
    """Hand-made files that load or are refused slowly; each in a fresh process, for its peak RSS."""
    import multiprocessing
    context = multiprocessing.get_context("fork")
    for name in WORST_CASES:
        receiver, sender = context.Pipe(duplex=False)
        child = context.Process(target=_time_one, args=(name, sender))
        child.start()
        size, outcome, elapsed, rss = receiver.recv()
        child.join()
        print(f"{name}: {size / 2**20:.1f} MiB, {outcome} in {elapsed:.1f} s, peak RSS {rss:.0f} MiB")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--inputs", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--generated", type=int, default=200, help="maps from journey_maps()")
    parser.add_argument("--atheris", action="store_true", help="coverage-guided, with atheris")
    parser.add_argument("--save-failures", type=Path, help="folder for inputs that broke")
    parser.add_argument("--worst-cases", action="store_true", help="time the known slow files")
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args(argv)
    if args.worst_cases:
        worst_cases()
        return 0
    bases = template_bases() + generated_bases(args.generated, args.seed)
    if args.atheris:
        return run_atheris(bases, args.inputs, args.seed)
    start = time.perf_counter()
    tally = run_random(bases, args.inputs, args.seed, not args.quiet)
    print(report(tally, time.perf_counter() - start, " ".join(["python", *sys.argv])))
    for _, reason in tally.failures[:10]:
        print("  failure:", reason)
    for content, names in tally.long_messages[:5]:
        print("  long message:", names, content[:120])
    if args.save_failures:
        save_failures(tally, args.save_failures)
    return 1 if tally.failures else 0


if __name__ == "__main__":
    sys.exit(main())
