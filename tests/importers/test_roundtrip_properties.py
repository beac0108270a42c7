"""Property tests: any map the editor can hold goes map -> xlsx -> map and map -> CSV -> map
keeping every card (modest example counts: each example writes and reads a real file)."""
from __future__ import annotations

import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings

from exporters import export_excel
from exporters.cleaning import TextCleaner
from exporters.csv_export import export_csv
from importers import import_file
from tests.model.strategies import journey_maps

SETTINGS = settings(max_examples=30, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
TEXT_FIELDS = ("title", "details", "channel", "owner", "feeling", "stakes", "actions")


def cards_by_id(journey, clean=lambda text: text):
    """id -> (kind, texts, votes, stage name, lane name, segment names) of every card."""
    found = {}
    for card_id in journey.card_ids():
        card, place = journey.card(card_id), journey.card_place(card_id)
        found[card_id] = (card.kind, tuple(clean(getattr(card, f)) for f in TEXT_FIELDS),
                          card.votes, clean(journey.stage(place.stage).name),
                          clean(journey.lane(place.lane).name),
                          sorted(clean(journey.segment(s).name) for s in card.segments))
    return found


@SETTINGS
@given(journey=journey_maps())
def test_map_to_xlsx_to_map_keeps_every_card(journey):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "map.xlsx"
        export_excel(journey, path)
        with_base = import_file(path, base=journey)
        alone = import_file(path)
    assert with_base.journey == journey
    assert with_base.skipped == []
    # What any xlsx holds: no control characters; a CR may come back as LF (XML's line ends).
    cleaner = TextCleaner(limit=32_767)
    expected = cards_by_id(journey, lambda text: re.sub("\r\n?", "\n", cleaner(text)))
    got = cards_by_id(alone.journey, lambda text: re.sub("\r\n?", "\n", text))
    # Without the original map, a card tagged with two segments of one name shows that name
    # twice in one cell: it comes back tagged once, and a segment without a name cannot be
    # seen in the cell at all; votes are spreadsheet numbers (floats).
    # An id made only of characters a workbook cannot hold comes back as a new id.
    def comparable(cards):
        return sorted((v[0], v[1], float(f"{v[2]:.12g}"), v[3], v[4], sorted({n for n in v[5] if n}))
                      for v in cards.values())
    assert comparable(got) == comparable(expected)
    assert {i for i in expected if cleaner(i) == i} <= set(got)


@SETTINGS
@given(journey=journey_maps())
def test_map_to_csv_to_map_keeps_every_card(journey):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "cards.csv"
        export_csv(journey, path)
        result = import_file(path)
    assert result.skipped == []
    # Names are matched without their outer spaces; segments are listed by name one a line, so
    # a blank segment name cannot be seen, a name holding a line break reads as two, and two
    # segments of one name are one.
    expected = {card_id: (*card[:3], card[3].strip(), card[4].strip(),
                          sorted({part.strip() for name in card[5] for part in name.split("\n")
                                  if part.strip()}))
                for card_id, card in cards_by_id(journey).items()}
    assert cards_by_id(result.journey) == expected
