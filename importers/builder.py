"""MapBuilder: the plain `.journey` data an importer builds, and the step that checks and builds it.

Importers name things (stage "導入", lane "タッチポイント"); the builder gives each name one id,
keeps the order things first appeared in, counts elements against the loader's limit as it
goes (so a huge source stops early instead of building a huge map), and in ``finish`` hands the
data to the file layer's ``validate_data`` before the model builds the map: what an importer
writes is held to the same rules as a file read from disk. Imports the standard library,
model.* and importers.common/vocabulary.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Any

import networkx as nx

from model.fileformat import validate_data
from model.fileformat.filechecks import MAX_ELEMENTS
from model.fileformat.migrations import CURRENT_VERSION
from model.fileformat.serialize import map_from_data
from model.journey.entities import CardKind, LaneKind
from model.journey.errors import ModelError
from model.journey.plain_data import FORMAT_NAME
from model.journey.validation import MAX_ID_LENGTH

from .common import ImportFileError, ImportResult, check_cancelled, listed, plural
from .vocabulary import clamp_emotion, guess_lane_kind, whole

CARD_TEXT_FIELDS = ("details", "channel", "owner", "feeling", "stakes", "actions")
_SEGMENT_COLOURS = ("#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#b07aa1", "#76b7b2",
                    "#edc948", "#ff9da7", "#9c755f", "#bab0ac")


class IdAllocator:
    """Unique ids: a preferred one when it is free and valid, else ``prefix-N``. A reserved id
    (one the source gives an element read later) is never made up for another element, but
    can still be taken as preferred."""

    def __init__(self, used: set[str] | None = None) -> None:
        self.used: set[str] = set(used or ())
        self.reserved: set[str] = set()
        self._next: dict[str, int] = defaultdict(lambda: 1)

    def take(self, prefix: str, preferred: Any = None) -> str:
        if isinstance(preferred, str) and 0 < len(preferred) <= MAX_ID_LENGTH \
                and preferred not in self.used:
            self.used.add(preferred)
            return preferred
        while (candidate := f"{prefix}-{self._next[prefix]}") in self.used \
                or candidate in self.reserved:
            self._next[prefix] += 1
        self._next[prefix] += 1
        self.used.add(candidate)
        return candidate


class MapBuilder:
    """Plain map data built by name; ``finish`` validates it and builds the map."""

    def __init__(self, source: Any, title: str = "", language: str = "en",
                 description: str = "") -> None:
        self.source = source
        self.data: dict[str, Any] = {
            "format": FORMAT_NAME, "version": CURRENT_VERSION,
            "map": {"title": title, "language": language, "description": description},
            "segments": [], "stages": [], "lanes": [], "cards": [], "transitions": [],
            "paths": [], "links": []}
        self.ids = IdAllocator()
        self._stages: dict[str, dict[str, Any]] = {}  # by name
        self._lanes: dict[str, dict[str, Any]] = {}
        self._segments: dict[str, str] = {}
        self._stage_by_id: dict[str, dict[str, Any]] = {}
        self._emotion_samples: dict[tuple[str, str], list[float]] = defaultdict(list)
        self.guessed_lanes: list[str] = []  # "タッチポイント → touchpoints", for the summary
        self.warnings: list[str] = []  # what an importer noticed while building
        self._elements = 0
        self.warn_averages = True  # off where a mean is the rule (Mermaid: many tasks a stage)

    # ----------------------------------------------------------------- elements by name
    def stage(self, name: str, preferred_id: Any = None, *, new: bool = False) -> str:
        """The id of the stage called ``name``, added at the end the first time it is named
        (every time with ``new``: two Mermaid sections of one name are two stages)."""
        found = None if new else self._stages.get(name)
        if found is None:
            self._count()
            found = {"id": self.ids.take("stage", preferred_id), "name": name, "overview": "",
                     "exit_criteria": [], "emotions": {}}
            self._stages.setdefault(name, found)
            self._stage_by_id[found["id"]] = found
            self.data["stages"].append(found)
        return found["id"]

    def lane(self, name: str, kind: LaneKind | None = None, preferred_id: Any = None) -> str:
        """The id of the lane called ``name``; a new lane's kind is ``kind`` or guessed."""
        found = self._lanes.get(name)
        if found is None:
            self._count()
            if kind is None:
                kind = guess_lane_kind(name)
                if kind != LaneKind.TEXT:
                    self.guessed_lanes.append(f"{name} → {kind.value}")
            found = {"id": self.ids.take("lane", preferred_id), "name": name, "kind": str(kind)}
            self._lanes[name] = found
            self.data["lanes"].append(found)
        return found["id"]

    def lane_kind_named(self, name: str) -> LaneKind:
        """The kind the lane called ``name`` has, or would get if it were added now."""
        found = self._lanes.get(name)
        return LaneKind(found["kind"]) if found else guess_lane_kind(name)

    def segment(self, name: str, preferred_id: Any = None) -> str:
        if name not in self._segments:
            self._count()
            colour = _SEGMENT_COLOURS[len(self._segments) % len(_SEGMENT_COLOURS)]
            segment_id = self.ids.take("segment", preferred_id)
            self._segments[name] = segment_id
            self.data["segments"].append({"id": segment_id, "name": name, "colour": colour})
        return self._segments[name]

    def set_overview(self, stage_id: str, text: str) -> None:
        stage = self._stage_by_id[stage_id]
        stage["overview"] = f"{stage['overview']}\n{text}" if stage["overview"] else text

    # ----------------------------------------------------------------- cards and emotions
    def add_card(self, stage_id: str, lane_id: str, title: str, kind: CardKind = CardKind.NOTE,
                 preferred_id: Any = None, segments: tuple[str, ...] = (), votes: int = 0,
                 extra: dict[str, Any] | None = None, **texts: str) -> str:
        self._count()
        card_id = self.ids.take("card", preferred_id)
        card = {"id": card_id, "stage": stage_id, "lane": lane_id, "kind": str(kind),
                "title": title, **{name: texts.get(name, "") for name in CARD_TEXT_FIELDS},
                "colour": "", "segments": list(dict.fromkeys(segments)), "votes": votes}
        card.update(extra or {})
        self.data["cards"].append(card)
        return card_id

    def sample_emotion(self, stage_id: str, value: float, segment_id: str = "") -> None:
        """One reading of a stage's emotion; a stage read several times gets their mean."""
        self._emotion_samples[(stage_id, segment_id)].append(value)

    def apply_emotions(self) -> list[str]:
        """Set each sampled stage's emotion (clamped to −2…+2); warnings for averaged stages."""
        averaged = []
        for (stage_id, segment_id), values in self._emotion_samples.items():
            mean = clamp_emotion(sum(values) / len(values))
            self._stage_by_id[stage_id]["emotions"][segment_id] = whole(round(mean, 3))
            if len(values) > 1:
                averaged.append(self._stage_by_id[stage_id]["name"])
        self._emotion_samples.clear()
        if not averaged or not self.warn_averages:
            return []
        names = listed(sorted(set(averaged)))
        return [f"stages with several emotion values got their mean: {names}"]

    def _count(self) -> None:
        check_cancelled()
        self._elements += 1
        if self._elements > MAX_ELEMENTS:
            raise ImportFileError(self.source, f"cannot be imported: it holds more than "
                                               f"{MAX_ELEMENTS:,} stages, lanes and cards "
                                               "(the limit of a .journey map)")

    # ----------------------------------------------------------------- the result
    def counts_line(self) -> str:
        data = self.data
        line = ", ".join(plural(len(data[key]), key[:-1]) for key in ("stages", "lanes", "cards"))
        if data["segments"]:
            line += f", {plural(len(data['segments']), 'segment')}"
        return line

    def lanes_line(self) -> str | None:
        if not self.guessed_lanes:
            return None
        return f"lane kinds guessed from their names: {listed(self.guessed_lanes, 8)}"

    def finish(self, format_name: str, understood: list[str], warnings: list[str],
               skipped: list[str]) -> ImportResult:
        warnings = warnings + self.warnings + self.apply_emotions()
        return finish_data(self.data, self.source, format_name, understood, warnings, skipped)


def merged_order(first_seen: list[str], sequences: list[list[str]]) -> list[str]:
    """One order that keeps every sequence's order (stages per lane, lanes per stage), ties and
    contradictions settled by first appearance: a CSV sorted by lane still gets its stages in
    the order the rows walk them."""
    position = {item: i for i, item in enumerate(first_seen)}
    graph = nx.DiGraph()
    graph.add_nodes_from(first_seen)
    for sequence in sequences:
        graph.add_edges_from((a, b) for a, b in zip(sequence, sequence[1:], strict=False) if a != b)
    if not nx.is_directed_acyclic_graph(graph):
        return list(first_seen)
    return list(nx.lexicographical_topological_sort(graph, key=position.__getitem__))


def finish_data(data: dict[str, Any], source: Any, format_name: str, understood: list[str],
                warnings: list[str], skipped: list[str]) -> ImportResult:
    """Validate plain data with the file layer's rules and build the map; ImportFileError if not."""
    check_cancelled()  # the checks and the build below are the model's: not stoppable halfway
    try:
        checked = validate_data(data, source)
    except ImportFileError:
        raise
    except Exception as exc:  # JourneyFileError: the importer built something the format refuses
        raise ImportFileError(source, f"cannot be imported: {getattr(exc, 'reason', exc)}",
                              getattr(exc, "where", "")) from None
    try:
        journey = map_from_data(checked)
    except (ModelError, KeyError, TypeError, ValueError) as exc:  # the checks above missed it
        raise ImportFileError(source, f"cannot be imported: {exc}") from None
    return ImportResult(str(source), format_name, journey, understood, warnings, skipped)
