"""Valid `.journey` files for the fuzzer to start from: the bundled templates, a version-0 file
(so the migrations get fuzzed too), any map as saved (for the maps the tests' strategy generates),
and templates cut to a few cards for the cheap CI campaigns. Imports: the standard library and
model.*.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from model.fileformat.journey_file import dumps_journey

ROOT = Path(__file__).resolve().parents[2]
ARRAYS = ("segments", "stages", "lanes", "cards", "transitions", "paths", "links")


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
