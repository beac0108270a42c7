"""Lanes of our own workbook: they have no sheet or ID column, so they come from the Map sheet's
first column (names, in order) matched against the original map's lanes.

With as many lane rows as the original has lanes, row i is lane i (a changed name is a rename);
otherwise lanes match by name, an unmatched row is a new lane and an original lane missing from
the Map sheet is kept (never deleted by a layout we did not recognise). A lane named only on the
Cards sheet is added at the end. New lanes' kinds are guessed from their names.
Imports the standard library, model.* and importers.*.
"""
from __future__ import annotations

from typing import Any

from .common import listed
from .vocabulary import guess_lane_kind
from .workbook_parts import Context, NameIndex
from .xlsx_reader import Table


def read_lanes(ctx: Context, shown: list[str] | None, base: dict[str, Any],
               cards: Table) -> tuple[list[dict[str, Any]], NameIndex]:
    base_lanes = base["lanes"]
    if shown is None:
        lanes = [dict(lane) for lane in base_lanes]
        if ctx.base is None or cards.rows:
            ctx.warnings.append("the Map sheet's layout was not recognised: lanes were taken "
                                "from the original map and the Cards sheet")
    else:
        shown = _trim(shown, len(base_lanes))
        lanes = (_by_position(ctx, shown, base_lanes) if len(shown) == len(base_lanes)
                 else _by_name(ctx, shown, base_lanes))
    index = _index(ctx, lanes, base_lanes, shown)
    _add_card_lanes(ctx, lanes, index, cards)
    return lanes, index


def _trim(shown: list[str], base_count: int) -> list[str]:
    """Trailing empty rows below the lanes are not lanes (unless the original had that many)."""
    shown = list(shown)
    while len(shown) > base_count and not shown[-1]:
        shown.pop()
    return shown


def _by_position(ctx: Context, shown: list[str], base_lanes: list[dict]) -> list[dict]:
    return [dict(lane, name=ctx.kept(name, lane["name"])) for name, lane in zip(
        shown, base_lanes, strict=True)]


def _by_name(ctx: Context, shown: list[str], base_lanes: list[dict]) -> list[dict]:
    unused = list(base_lanes)
    lanes = []
    for name in shown:
        match = next((lane for lane in unused if ctx.same(name, lane["name"])), None)
        if match is not None:
            unused.remove(match)
            lanes.append(dict(match))
        else:
            lanes.append(_new_lane(ctx, name))
    if unused:
        ctx.warnings.append("lanes of the original map not on the Map sheet were kept: "
                            f"{listed([lane['name'] for lane in unused])}")
        lanes += [dict(lane) for lane in unused]
    return lanes


def _new_lane(ctx: Context, name: str) -> dict[str, Any]:
    return {"id": ctx.ids.take("lane"), "name": name, "kind": str(guess_lane_kind(name))}


def _index(ctx: Context, lanes: list[dict], base_lanes: list[dict],
           shown: list[str] | None) -> NameIndex:
    base_names = {lane["id"]: lane["name"] for lane in base_lanes}
    positional = shown if shown is not None and len(shown) == len(lanes) else None
    index = NameIndex()
    for position, lane in enumerate(lanes):
        names = [lane["name"], base_names.get(lane["id"], lane["name"])]
        if positional is not None:
            names.append(positional[position])
        index.add(lane["id"], names + [form for name in names for form in ctx.shown(name)])
    return index


def _add_card_lanes(ctx: Context, lanes: list[dict], index: NameIndex, cards: Table) -> None:
    added = []
    for _, cells in cards.rows:
        name = cells.get("lane", "")
        if index.find(name) is None:
            lane = _new_lane(ctx, name)
            lanes.append(lane)
            index.add(lane["id"], [name])
            added.append(f"{name} ({lane['kind']})")
    if added:
        ctx.warnings.append(f"lanes named on the Cards sheet but not on the Map sheet were added: "
                            f"{listed(added)}")
