"""The stage, segment, transition and path sheets of our own workbook, read back with edits.

Identity is the ID column: a row whose ID the original map (the ``base``) has updates that
element; a row without one is new; an element whose row is gone is deleted. A sheet that is
missing altogether keeps the base's elements of its kind. A cell whose text is what the export
wrote for the base value keeps the base value exactly (an emotion of 0.1234567 shows as
+0.123457; an unchanged cell must not round it). Names (of stages in a transition or a route)
are found through every name a stage has had: its row, the Map sheet's header, the base.
Imports the standard library, model.* and importers.* (the export's format through
importers.export_format: importers never import exporters).
"""
from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from model.journey.entities import COLOUR_RE, TransitionKind
from model.journey.journey_map import JourneyMap
from model.layout.appearance import TRANSITION_KIND_LABELS

from .builder import IdAllocator
from .common import listed
from .export_format import LABELS, ROUTE_ARROW, as_shown, as_written, format_emotion, labels_for, shows
from .vocabulary import clamp_emotion, fold, label_names, parse_number, whole
from .xlsx_reader import Table

BULLET = "・"


def sheet_headers(*keys: str) -> dict[str, str]:
    """Folded header names (both languages) -> key, for the label keys of one sheet, plus ID."""
    headers = {fold(labels[key]): key for key in keys + ("number",) for labels in LABELS.values()}
    headers["id"] = "id"  # "No." is read only so that a row showing nothing else still counts
    return headers


class RowSkipped(Exception):
    """A row that cannot be imported; the message says why."""


@dataclass
class Context:
    """What every sheet reader shares: the source, the base map, ids, warnings, skipped rows."""

    path: Any
    base: JourneyMap | None
    ids: IdAllocator
    warnings: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    id_cells: dict[str, str] = field(default_factory=dict)  # the base's ids -> their ID cells

    def __post_init__(self) -> None:
        self.positions = ({card_id: i for i, card_id in enumerate(self.base.card_ids())}
                          if self.base is not None else {})

    @staticmethod
    def shown(value: str) -> list[str]:
        """The forms a cell may show ``value`` in after a round trip through the file."""
        return [as_written(value), as_shown(value)]

    @staticmethod
    def same(cell: str, value: str) -> bool:
        return shows(cell, value)

    def id_matcher(self, base_ids: set[str]):
        """The base id a cell of the ID column shows: the export drops characters a workbook
        cannot hold (model.journey.id_forms; older exports only dropped them), and a person's editor
        may add spaces around it."""
        shown = {form: element_id for element_id in base_ids for form in self.shown(element_id)}
        shown.update((self.id_cells[i], i) for i in base_ids if i in self.id_cells)

        def match(text: str) -> str:
            for candidate in (text, text.strip()):
                if candidate in base_ids:
                    return candidate
                if candidate in shown:
                    return shown[candidate]
            return text  # a new id, kept as typed (ids may hold spaces)
        return match

    def kept(self, text: str, base_value: str | None) -> str:
        """The base's own value when the cell shows it unchanged, else the cell's text."""
        return base_value if base_value is not None and shows(text, base_value) else text

    def skip(self, table: Table, number: int, cause: str) -> None:
        self.skipped.append(f"{table.where(number)}: {cause}")


class NameIndex:
    """Every name an element has had -> its ids, in order; ``find`` prefers a given id."""

    def __init__(self) -> None:
        self._ids: dict[str, list[str]] = {}
        self._names: dict[str, set[str]] = {}

    def add(self, element_id: str, names: Iterable[str]) -> None:
        for name in names:
            self._names.setdefault(element_id, set()).add(name)
            ids = self._ids.setdefault(name, [])
            if element_id not in ids:
                ids.append(element_id)

    def has(self, element_id: str) -> bool:
        return element_id in self._names

    def find(self, name: str, prefer: str | None = None) -> str | None:
        if prefer is not None and name in self._names.get(prefer, ()):
            return prefer
        ids = self._ids.get(name)
        return ids[0] if ids else None

    def split(self, text: str, separator: str) -> tuple[list[str], list[str]]:
        """Ids of the known names in ``text`` joined by ``separator`` (a name may contain the
        separator: the longest known run of parts wins), and the parts no name matched."""
        parts = text.split(separator) if text else []
        found, unknown, i = [], [], 0
        while i < len(parts):
            for j in range(len(parts), i, -1):
                element_id = self.find(separator.join(parts[i:j]))
                if element_id is not None:
                    found.append(element_id)
                    i = j
                    break
            else:
                unknown.append(parts[i].strip())
                i += 1
        return found, [part for part in unknown if part]


def _rows_by_id(ctx: Context, table: Table, base_ids: set[str], what: str
                ) -> Iterable[tuple[int, dict[str, str], str, bool]]:
    """(row number, cells, id, is it a base element) for each row; repeated IDs become new."""
    seen: set[str] = set()
    match = ctx.id_matcher(base_ids)
    for number, cells in table.rows:
        given = match(cells.get("id", ""))
        if given and given in base_ids and given not in seen:
            seen.add(given)
            ctx.ids.used.add(given)
            yield number, cells, given, True
            continue
        if given in seen:
            ctx.warnings.append(f"{table.where(number)} repeats the ID {given}: imported as a "
                                f"new {what}")
        seen.add(given)
        yield number, cells, ctx.ids.take(what, None if given in base_ids else given), False


# ----------------------------------------------------------------------------- segments
def read_segments(ctx: Context, table: Table | None, base: dict[str, Any]) -> list[dict[str, Any]]:
    if table is None:
        return list(base["segments"])
    by_id = {s["id"]: s for s in base["segments"]}
    segments = []
    for number, cells, segment_id, known in _rows_by_id(ctx, table, set(by_id), "segment"):
        old = by_id.get(segment_id) if known else None
        colour = cells.get("colour", "").strip()
        if old is not None and colour == old["colour"]:
            colour = old["colour"]
        elif not COLOUR_RE.match(colour):
            fallback = old["colour"] if old else "#4e79a7"
            if colour:
                ctx.warnings.append(f"{table.where(number)}: colour {colour!r} is not like "
                                    f"#4e79a7; used {fallback}")
            colour = fallback
        name = ctx.kept(cells.get("name", ""), old["name"] if old else None)
        segments.append({**(old or {}), "id": segment_id, "name": name, "colour": colour})
    return segments


# ----------------------------------------------------------------------------- stages
def read_stages(ctx: Context, table: Table, base: dict[str, Any], segments: NameIndex
                ) -> list[dict[str, Any]]:
    by_id = {s["id"]: s for s in base["stages"]}
    stages = []
    for number, cells, stage_id, known in _rows_by_id(ctx, table, set(by_id), "stage"):
        old = by_id.get(stage_id) if known else None
        stage = dict(old or {"emotions": {}, "exit_criteria": []}, id=stage_id)
        stage["name"] = ctx.kept(cells.get("name", ""), old["name"] if old else None)
        stage["overview"] = ctx.kept(cells.get("overview", ""), old["overview"] if old else None)
        stage["exit_criteria"] = _criteria(ctx, cells, old)
        stage["emotions"] = _emotions(ctx, table.where(number), cells.get("emotions", ""),
                                      old, segments)
        stages.append(stage)
    return stages


def _criteria(ctx: Context, cells: dict[str, str], old: dict[str, Any] | None) -> list[dict]:
    texts, kpis = cells.get("exit_criteria", ""), cells.get("kpi_target", "")
    if old is not None:
        criteria = old["exit_criteria"]
        shown = "\n".join(f"{BULLET}{c['text']}" for c in criteria)
        shown_kpis = "\n".join(f"{BULLET}{c['kpi']}" if c["kpi"] else BULLET for c in criteria)
        if shows(texts, shown) and shows(kpis, shown_kpis):
            return criteria
    items, targets = bullets(texts), bullets(kpis)
    targets += [""] * (len(items) - len(targets))
    return [{"text": text, "kpi": kpi} for text, kpi in zip(items, targets, strict=False)
            if text or kpi]


def bullets(text: str) -> list[str]:
    """'・a\\n・b\\n  more of b' -> ['a', 'b\\n  more of b']; a line without a bullet continues."""
    items: list[str] = []
    for line in text.split("\n") if text else []:
        if line.startswith(BULLET) or not items:
            items.append(line.removeprefix(BULLET))
        else:
            items[-1] += "\n" + line
    return items


def _emotions(ctx: Context, where: str, text: str, old: dict[str, Any] | None,
              segments: NameIndex) -> dict[str, float]:
    if old is not None and ctx.base is not None:
        if shows(text, _emotions_shown(ctx.base, old["emotions"])):
            return dict(old["emotions"])
    everyone = label_names("all_customers")
    emotions: dict[str, float] = {}
    for line in filter(str.strip, text.split("\n")):
        name, _, value_text = line.rpartition(":")
        value = parse_number(value_text)
        key = "" if fold(name) in everyone else segments.find(name.strip())
        if value is None or key is None:
            ctx.warnings.append(f"{where}: emotion line {line.strip()!r} not understood "
                                "(expected \"segment or all customers: −2…+2\"); ignored")
            continue
        if clamp_emotion(value) != value:
            ctx.warnings.append(f"{where}: emotion {value:g} is outside −2…+2; used "
                                f"{clamp_emotion(value):g}")
        emotions[key] = whole(clamp_emotion(value))
    return emotions


def _emotions_shown(base: JourneyMap, emotions: dict[str, float]) -> str:
    """The emotions cell as the export writes it: all customers first, then segments in order."""
    lines = []
    if "" in emotions:
        lines.append(f"{labels_for(base.language)['all_customers']}: {format_emotion(emotions[''])}")
    lines += [f"{s.name}: {format_emotion(emotions[s.id])}" for s in base.segments()
              if s.id in emotions]
    return "\n".join(lines)


# ----------------------------------------------------------------------------- transitions
TRANSITION_KINDS = {fold(name): kind for labels in TRANSITION_KIND_LABELS.values()
                    for kind, name in labels.items()}
TRANSITION_KINDS.update({kind.value: kind for kind in TransitionKind})


def read_transitions(ctx: Context, table: Table | None, base: dict[str, Any],
                     stages: NameIndex, stage_ids: set[str]) -> list[dict[str, Any]]:
    by_id = {t["id"]: t for t in base["transitions"]}
    if table is None:
        return [t for t in base["transitions"] if {t["source"], t["target"]} <= stage_ids]
    transitions = []
    for number, cells, transition_id, known in _rows_by_id(ctx, table, set(by_id), "transition"):
        old = by_id.get(transition_id) if known else None
        try:
            transitions.append(_transition(ctx, cells, transition_id, old, stages))
        except RowSkipped as problem:
            ctx.skip(table, number, str(problem))
    return transitions


def _transition(ctx: Context, cells: dict[str, str], transition_id: str,
                old: dict[str, Any] | None, stages: NameIndex) -> dict[str, Any]:
    ends = []
    for key in ("from", "to"):
        name = cells.get(key, "")
        prefer = old["source" if key == "from" else "target"] if old else None
        found = stages.find(name, prefer)
        if found is None:
            raise RowSkipped(f"the stage \"{name}\" is not on the Stages sheet")
        ends.append(found)
    if ends[0] == ends[1]:
        raise RowSkipped("a transition must lead from one stage to another")
    kind = TRANSITION_KINDS.get(fold(cells.get("kind", "") or "forward"))
    if kind is None:
        raise RowSkipped(f"unknown transition kind \"{cells.get('kind')}\"")
    trigger = ctx.kept(cells.get("trigger", ""), old["trigger"] if old else None)
    return {**(old or {}), "id": transition_id, "source": ends[0], "target": ends[1],
            "kind": str(kind), "trigger": trigger,
            "conversion_rate": _rate(cells.get("conversion_rate", ""), old)}


def _rate(text: str, old: dict[str, Any] | None) -> float | None:
    if not text.strip():
        return None
    percent = text.strip().endswith("%")
    value = parse_number(text.strip().rstrip("%"))
    before = old.get("conversion_rate") if old is not None else None
    if before is not None and not percent and value is not None \
            and math.isclose(value, before, rel_tol=1e-9, abs_tol=1e-300):
        return before  # spreadsheets store 15-17 significant digits: unchanged is close enough
    if value is not None and (percent or 1 < value <= 100):
        value /= 100
    if value is None or not 0 <= value <= 1:
        raise RowSkipped(f"the conversion rate \"{text}\" is not a rate from 0% to 100%")
    return whole(value)


# ----------------------------------------------------------------------------- paths
_ARROWS = re.compile(r"\s*(?:→|->|⇒|>)\s*")


def read_paths(ctx: Context, table: Table | None, base: dict[str, Any], stages: NameIndex,
               stage_ids: set[str]) -> list[dict[str, Any]]:
    by_id = {p["id"]: p for p in base["paths"]}
    if table is None:
        return [dict(p, stages=[s for s in p["stages"] if s in stage_ids]) for p in base["paths"]]
    paths = []
    for number, cells, path_id, known in _rows_by_id(ctx, table, set(by_id), "path"):
        old = by_id.get(path_id) if known else None
        colour = cells.get("colour", "").strip()
        colour = colour if COLOUR_RE.match(colour) else (old["colour"] if old else "#e15759")
        name = ctx.kept(cells.get("name", ""), old["name"] if old else None)
        route = _route(ctx, table.where(number), cells.get("route", ""), old, stages, stage_ids)
        paths.append({**(old or {}), "id": path_id, "name": name, "colour": colour,
                      "stages": route})
    return paths


def _route(ctx: Context, where: str, text: str, old: dict[str, Any] | None, stages: NameIndex,
           stage_ids: set[str]) -> list[str]:
    if old is not None and ctx.base is not None:
        names = [ctx.base.stage(s).name for s in old["stages"]]
        if shows(text, ROUTE_ARROW.join(names)) and set(old["stages"]) <= stage_ids:
            return list(old["stages"])
    found, unknown = stages.split(text, ROUTE_ARROW)
    if unknown and ROUTE_ARROW not in text:  # typed by hand: -> or > between the names
        found, unknown = stages.split(_ARROWS.sub(ROUTE_ARROW, text), ROUTE_ARROW)
    if unknown:
        ctx.warnings.append(f"{where}: route stops not on the Stages sheet left out: "
                            f"{listed(unknown)}")
    return found
