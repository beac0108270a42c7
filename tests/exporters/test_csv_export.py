"""CSV export: UTF-8 with BOM, the map's language in headers and kinds, formula-looking text
guarded (and un-guarded by the importer), segments one a line, read back with the csv module."""
from __future__ import annotations

import csv
import io

import pytest

from exporters import ExportError
from exporters.csv_export import export_csv, guard_formula
from importers.export_format import unguard_formula
from model.fileformat import load_journey
from resources import TEMPLATES_DIR


def read_rows(path):
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def test_japanese_map_writes_japanese_headers_and_rows_in_journey_order(tmp_path):
    journey = load_journey(TEMPLATES_DIR / "saas-cs-lifecycle.ja.journey")
    path = tmp_path / "cards.csv"
    export_csv(journey, path)
    rows = read_rows(path)
    assert rows[0][:4] == ["ステージ", "レーン", "種類", "タイトル"] and rows[0][-1] == "ID"
    assert [row[-1] for row in rows[1:]] == list(journey.card_ids())
    first = journey.card(journey.card_ids()[0])
    assert rows[1][2] == "タッチポイント" and rows[1][3] == first.title
    assert rows[1][7].split("\n") == [journey.segment(s).name for s in first.segments]


def test_english_labels_on_request(tmp_path):
    journey = load_journey(TEMPLATES_DIR / "saas-cs-lifecycle.ja.journey")
    export_csv(journey, tmp_path / "en.csv", language="en")
    assert read_rows(tmp_path / "en.csv")[0][:3] == ["Stage", "Lane", "Kind"]


@pytest.mark.parametrize("text", ["=SUM(A1)", "+1", "-2 days", "@home", "'quoted", "''x", "plain"])
def test_formula_guard_round_trips(text):
    guarded = guard_formula(text)
    assert not guarded.startswith(("=", "+", "-", "@")) or guarded == text
    assert unguard_formula(guarded) == text


def test_unwritable_target_is_an_export_error(tmp_path):
    journey = load_journey(TEMPLATES_DIR / "blank.en.journey")
    with pytest.raises(ExportError, match="does not exist"):
        export_csv(journey, tmp_path / "missing" / "x.csv")
