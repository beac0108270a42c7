"""One text form per id of a map, for a medium that cannot hold every character: a workbook's
ID cells drop the characters XML forbids, so the id "\\x17<" would be written "<", the id of
another element, and a workbook read back without the original map would hand that id to the
wrong element. ``id_forms`` is the one rule both sides use: the exporters when they write ID
cells, the importers when they match those cells to the original map's ids. It lives in the
model because exporters and importers may import the model only, never each other
(docs/architecture.md). Imports the standard library and model.journey only.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable

from model.journey.journey_map import JourneyMap
from model.journey.validation import MAX_ID_LENGTH

SUFFIX = "~"  # "<~2": an id that lost characters, told apart from the id "<"


def element_ids(journey: JourneyMap) -> list[str]:
    """Every id of the map, whether or not a medium shows it: a form must name no other element."""
    return [*journey.stage_ids(), *journey.lane_ids(), *journey.card_ids(),
            *(s.id for s in journey.segments()), *(p.id for p in journey.paths()),
            *(t.id for t in journey.transitions()), *(link.id for link in journey.links()),
            *(p.id for p in journey.participants()), *(c.id for c in journey.comments()),
            *(item.id for item in journey.parking_items())]


def id_forms(ids: Iterable[str], written: Callable[[str], str]) -> dict[str, str]:
    """id -> its form, for all the ids of one map; ``written`` is what the medium makes of a
    text. An id the medium holds unchanged is its own form. Any other id is written as the
    medium holds it, unless that is empty or equal to an id of the map or another form: then
    "~2", "~3"... is added (cut so that it stays a valid id). Thus a form that is an id of the
    map always belongs to that element, and forms are unique (the order of ``ids`` does not
    matter)."""
    ids = set(ids)
    forms = {element_id: element_id for element_id in ids if written(element_id) == element_id}
    taken = set(ids)
    for element_id in sorted(ids - forms.keys()):
        form = written(element_id)
        number = 1
        while not form or form in taken:
            number += 1
            tail = f"{SUFFIX}{number}"
            form = written(element_id)[:MAX_ID_LENGTH - len(tail)] + tail
        taken.add(form)
        forms[element_id] = form
    return forms
