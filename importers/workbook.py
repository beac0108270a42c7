"""Our own workbook, edited in Excel or LibreOffice, back to a map.

The Cards sheet is the cards: its ID column keeps identity, a row without an ID is a new card,
a card whose row is gone is deleted, a row copied with its ID becomes a new card. Stages,
segments, transitions and paths come from their sheets (see workbook_parts). Lanes have no sheet
of their own: their names and order come from the Map sheet's first column (a lane renamed
there is renamed; with the original map as ``base`` the lanes keep their ids and kinds), and a
lane named only on the Cards sheet is added. Inside a cell, cards follow the Order column, then
the rows' order. Every cell is read by its header's NAME, so columns the export adds later do
not matter. Without a base, what the workbook does not hold (card colours, lane kinds, unknown
fields, the description) is guessed or left empty, and the summary says so.
Imports the standard library, model.* and importers.*.
"""
from __future__ import annotations

import math
import os
from typing import Any

from model.journey.entities import CardKind
from model.journey.id_forms import element_ids, id_forms
from model.journey.journey_map import JourneyMap

from .builder import IdAllocator, finish_data
from .common import ImportFileError, ImportResult, listed, plural
from .export_format import LABELS, as_written
from .vocabulary import (
    card_kind,
    card_kind_for_lane,
    fold,
    guess_lane_kind,
    label_names,
    parse_count,
    parse_number,
)
from .workbook_lanes import read_lanes
from .workbook_parts import (
    Context,
    NameIndex,
    RowSkipped,
    read_paths,
    read_segments,
    read_stages,
    read_transitions,
    sheet_headers,
)
from .xlsx_reader import Table, cell_text, open_workbook, sheet_rows

CARD_HEADERS = sheet_headers("stage", "lane", "kind", "title", "details", "channel", "owner",
                             "segments", "votes", "order", "feeling", "stakes", "team_actions",
                             "addresses")
SHEET_HEADERS = {
    "Stages": sheet_headers("name", "overview", "exit_criteria", "kpi_target", "emotions"),
    "Segments": sheet_headers("name", "colour"),
    "Transitions": sheet_headers("from", "to", "kind", "trigger", "conversion_rate"),
    "Paths": sheet_headers("name", "colour", "route"),
}
TEXT_FIELDS = ("title", "details", "channel", "owner", "feeling", "stakes", "actions")


def import_workbook(path: str | os.PathLike[str], base: JourneyMap | None = None) -> ImportResult:
    workbook = open_workbook(path)
    try:
        return _import(workbook, path, base)
    finally:
        workbook.close()


def _import(workbook, path: Any, base: JourneyMap | None) -> ImportResult:
    tables = {name: _table(workbook, path, name, headers) for name, headers in SHEET_HEADERS.items()}
    cards = _table(workbook, path, "Cards", CARD_HEADERS)
    if cards is None or tables["Stages"] is None or not cards.has("id"):
        raise ImportFileError(path, "cannot be imported as a Journey Map Editor workbook: it has "
                                    "no Cards sheet with an ID column and no Stages sheet; import "
                                    "it as a grid (--format grid) instead")
    base_data = base.to_data() if base is not None else _empty_data(cards)
    # The ID cells the export wrote for the base's ids (an id a workbook cannot hold is
    # written in another form), so that each is read back as its element's id.
    id_cells = id_forms(element_ids(base), as_written) if base is not None else {}
    ctx = Context(path, base, IdAllocator(set(element_ids(base)) if base is not None else set()),
                  id_cells=id_cells)
    # The ids the ID columns give are kept for their rows: no id made up for an element read
    # earlier (a lane of the Map sheet, a stage without an ID) may take one of them.
    ctx.ids.reserved.update(cells["id"] for table in (*tables.values(), cards) if table
                            for _, cells in table.rows if cells.get("id"))
    data = _assemble(ctx, workbook, tables, cards, base_data)
    return finish_data(data, path, "xlsx", _understood(ctx, data, base_data, base), ctx.warnings,
                       ctx.skipped)


def _table(workbook, path: Any, name: str, headers: dict[str, str]) -> Table | None:
    return Table(workbook[name], path, name, headers) if name in workbook.sheetnames else None


def _empty_data(cards: Table) -> dict[str, Any]:
    japanese = {fold(text) for text in LABELS["ja"].values()}
    language = "ja" if any(fold(h) in japanese for h in cards.headers) else "en"
    return {"format": "journey-map", "version": 1,
            "map": {"title": "", "language": language, "description": ""},
            "segments": [], "stages": [], "lanes": [], "cards": [], "transitions": [],
            "paths": [], "links": []}


def _assemble(ctx: Context, workbook, tables: dict[str, Table | None], cards: Table,
              base: dict[str, Any]) -> dict[str, Any]:
    segments = read_segments(ctx, tables["Segments"], base)
    segment_names = _index(ctx, segments, base["segments"])
    map_sheet = _map_sheet(workbook, ctx.path)
    stages = read_stages(ctx, tables["Stages"], base, segment_names)
    stage_names = _index(ctx, stages, base["stages"], map_sheet.get("stages"))
    stage_ids = {s["id"] for s in stages}
    lanes, lane_names = read_lanes(ctx, map_sheet.get("lanes"), base, cards)
    card_list, addresses = _cards(ctx, cards, base, stage_names, lane_names, segment_names)
    placed = _in_journey_order(card_list, stages, lanes)
    head = dict(base["map"])
    if "title" in map_sheet:
        head["title"] = ctx.kept(map_sheet["title"], base["map"]["title"] if ctx.base else None)
    return {**base, "map": head, "segments": segments, "stages": stages, "lanes": lanes,
            "cards": placed,
            "transitions": read_transitions(ctx, tables["Transitions"], base, stage_names,
                                            stage_ids),
            "paths": read_paths(ctx, tables["Paths"], base, stage_names, stage_ids),
            "links": _links(ctx, placed, addresses, base)}


def _index(ctx: Context, elements: list[dict[str, Any]], base_elements: list[dict[str, Any]],
           shown: list[str] | None = None) -> NameIndex:
    """Names of each element: its own, the one the Map sheet showed at its position (when the
    count matches), the base's."""
    base_names = {e["id"]: e["name"] for e in base_elements}
    index = NameIndex()
    positional = shown if shown is not None and len(shown) == len(elements) else None
    for position, element in enumerate(elements):
        names = [element["name"], base_names.get(element["id"], element["name"])]
        if positional is not None:
            names.append(positional[position])
        index.add(element["id"], names + [form for name in names for form in ctx.shown(name)])
    return index


# ----------------------------------------------------------------------------- the Map sheet
def _map_sheet(workbook, path: Any) -> dict[str, Any]:
    """Title (A1), stage names of the header row, lane names below it; {} if not recognised."""
    if "Map" not in workbook.sheetnames:
        return {}
    found: dict[str, Any] = {}
    corner, skip = label_names("lanes_stages"), label_names("overview") | label_names(
        "exit_criteria") | label_names("kpi_target")
    for number, values in sheet_rows(workbook["Map"], path, "Map"):
        first = cell_text(values[0]) if values else ""
        if number == 1:
            found["title"] = first
        elif "lanes" in found:
            if fold(first) not in skip or found["lanes"]:
                found["lanes"].append(first)
        elif fold(first) in corner:
            found["stages"] = [cell_text(v) for v in values[1:]]
            found["lanes"] = []
    if "stages" in found:
        while found["stages"] and not found["stages"][-1]:
            found["stages"].pop()
    return found


# ----------------------------------------------------------------------------- cards
def _cards(ctx: Context, table: Table, base: dict[str, Any], stages: NameIndex,
           lanes: NameIndex, segments: NameIndex) -> tuple[list[dict], dict[str, str]]:
    by_id = {c["id"]: c for c in base["cards"]}
    cards, addresses, seen = [], {}, set()
    match = ctx.id_matcher(set(by_id))
    for number, cells in table.rows:
        given = match(cells.get("id", ""))
        old = by_id.get(given) if given not in seen else None
        if given and given in seen:
            ctx.warnings.append(f"{table.where(number)} repeats the card ID {given}: imported "
                                "as a new card")
        try:
            card = _card(ctx, cells, old, stages, lanes, segments, base)
        except RowSkipped as problem:
            ctx.skip(table, number, str(problem))
            continue
        seen.add(given)
        card["id"] = given if old is not None else ctx.ids.take("card", given or None)
        card["_row"] = number
        cards.append(card)
        addresses[card["id"]] = cells.get("addresses", "")
    return cards, addresses


def _card(ctx: Context, cells: dict[str, str], old: dict[str, Any] | None, stages: NameIndex,
          lanes: NameIndex, segments: NameIndex, base: dict[str, Any]) -> dict[str, Any]:
    stage = stages.find(cells.get("stage", ""), old["stage"] if old else None)
    if stage is None:
        raise RowSkipped(f"the stage \"{cells.get('stage', '')}\" is not on the Stages sheet")
    lane = lanes.find(cells.get("lane", ""), old["lane"] if old else None)
    card = dict(old or {"colour": "", "segments": [], "votes": 0})
    card.update(stage=stage, lane=lane, kind=str(_kind(cells, old, lane, base)),
                votes=_votes(cells.get("votes", ""), old))
    for field in TEXT_FIELDS:
        column = "team_actions" if field == "actions" else field
        card[field] = ctx.kept(cells.get(column, ""), old[field] if old else None)
    card["segments"] = _segments(ctx, cells.get("segments", ""), old, segments, base)
    card["_order"] = parse_number(cells.get("order", ""))
    return card


def _kind(cells: dict[str, str], old: dict[str, Any] | None, lane_id: str,
          base: dict[str, Any]) -> CardKind:
    text = cells.get("kind", "")
    if not text.strip():
        if old is not None:
            return CardKind(old["kind"])
        lane_name = cells.get("lane", "")
        return card_kind_for_lane(lane_name, guess_lane_kind(lane_name))
    kind = card_kind(text)
    if kind is None:
        raise RowSkipped(f"unknown kind \"{text}\"")
    return kind


def _votes(text: str, old: dict[str, Any] | None) -> int:
    if not text.strip():
        return 0
    value = parse_count(text)
    if old is not None and value is not None and math.isclose(value, old["votes"], rel_tol=1e-12):
        return old["votes"]  # a spreadsheet's numbers are floats: 10**18 + 1 shows as 10**18
    if value is None:
        raise RowSkipped(f"votes must be a whole number ≥ 0, not \"{text}\"")
    return value


def _segments(ctx: Context, text: str, old: dict[str, Any] | None, segments: NameIndex,
              base: dict[str, Any]) -> list[str]:
    if old is not None:
        names = {s["id"]: s["name"] for s in base["segments"]}
        shown = ", ".join(names.get(s, "") for s in old["segments"])
        if ctx.same(text, shown):
            return [s for s in old["segments"] if segments.has(s)]
    found, unknown = segments.split(text, ", ")
    if unknown:
        ctx.warnings.append(f"segments not on the Segments sheet left out: {listed(unknown)}")
    return list(dict.fromkeys(found))


def _in_journey_order(cards: list[dict], stages: list[dict], lanes: list[dict]) -> list[dict]:
    stage_pos = {s["id"]: i for i, s in enumerate(stages)}
    lane_pos = {lane["id"]: i for i, lane in enumerate(lanes)}
    infinity = float("inf")
    cards.sort(key=lambda c: (stage_pos[c["stage"]], lane_pos[c["lane"]],
                              c["_order"] if c["_order"] is not None else infinity, c["_row"]))
    for card in cards:
        del card["_order"], card["_row"]
    return cards


# ----------------------------------------------------------------------------- links
def _links(ctx: Context, cards: list[dict], addresses: dict[str, str],
           base: dict[str, Any]) -> list[dict]:
    """The Addresses column: the titles of the cards an idea addresses, one a line."""
    present = {c["id"] for c in cards}
    by_title: dict[str, list[str]] = {}
    for card in cards:
        for form in set(ctx.shown(card["title"])):
            by_title.setdefault(form, []).append(card["id"])
    base_links: dict[str, list[dict]] = {}
    for link in base["links"]:
        base_links.setdefault(link["source"], []).append(link)
    links, unknown = [], []
    for source, text in addresses.items():
        old = [link for link in base_links.get(source, []) if link["target"] in present]
        if source in ctx.positions:
            if ctx.same(text, _addresses_shown(ctx, base_links.get(source, []))):
                links += old
                continue
        targets = {link["target"]: link for link in old}
        for title in filter(None, text.split("\n")):
            ids = [i for i in by_title.get(title, []) if i != source]
            if not ids:
                unknown.append(title)
                continue
            target = next((i for i in ids if i in targets), ids[0])
            links.append(targets.get(target) or {"id": ctx.ids.take("link"), "source": source,
                                                 "target": target, "kind": "addresses"})
    if unknown:
        ctx.warnings.append(f"\"addresses\" names no card titled: {listed(unknown)}; those links "
                            "were left out")
    return _unique_links(links)


def _addresses_shown(ctx: Context, links: list[dict]) -> str:
    """The Addresses cell as the export writes it: each linked card's title once, in journey
    order."""
    targets = sorted({link["target"] for link in links}, key=ctx.positions.__getitem__)
    return "\n".join(ctx.base.card(target).title for target in targets)


def _unique_links(links: list[dict]) -> list[dict]:
    seen, unique = set(), []
    for link in links:
        if link["id"] not in seen:
            seen.add(link["id"])
            unique.append(link)
    return unique


# ----------------------------------------------------------------------------- summary
def _understood(ctx: Context, data: dict, base: dict, journey: JourneyMap | None) -> list[str]:
    lines = [", ".join(plural(len(data[key]), key[:-1]) for key in (
        "stages", "lanes", "cards", "transitions", "segments", "paths", "links"))]
    if journey is None:
        lines.append("no original map given: card colours, lane kinds (guessed from names), "
                     "the description and unknown fields are not in a workbook")
        return lines
    old_cards = {c["id"] for c in base["cards"]}
    new_cards = {c["id"] for c in data["cards"]}
    changes = []
    if added := len(new_cards - old_cards):
        changes.append(f"{plural(added, 'new card')}")
    if gone := len(old_cards - new_cards):
        changes.append(f"{plural(gone, 'card')} deleted (their rows are gone)")
    before = {c["id"]: c for c in base["cards"]}
    changed = sum(1 for c in data["cards"] if c["id"] in before and c != before[c["id"]])
    if changed:
        changes.append(f"{plural(changed, 'card')} changed")
    lines.append("against the original map: " + (", ".join(changes) if changes else "no changes "
                                                  "to cards"))
    return lines
