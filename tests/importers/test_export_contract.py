"""importers.export_format is the exports' format written down on the reading side (importers
may not import exporters); these checks fail as soon as an exporter writes something else."""
from __future__ import annotations

import pytest

from exporters import cleaning, csv_export, excel_workshop, labels, projection
from importers import export_format
from model.journey.id_forms import id_forms


@pytest.mark.parametrize("language", ["en", "ja"])
def test_header_labels_match_the_exports(language):
    theirs = labels.LABELS[language]
    assert {key: theirs[key] for key in export_format.LABELS[language]} == \
        export_format.LABELS[language]


def test_marks_arrow_and_emotion_format_match():
    assert export_format.KIND_MARKS == projection.KIND_MARKS
    assert export_format.ROUTE_ARROW == projection.ROUTE_ARROW
    for value in (0, 1, -2, 0.5, -0.25, 0.1234567, 2.0):
        assert export_format.format_emotion(value) == projection.format_emotion(value)


@pytest.mark.parametrize("text", ["plain", "a\x00b\x1f\ufffe", "x" * 40_000, "a\r\nb\rc", ""])
def test_what_a_cell_shows_matches_the_cleaner(text):
    cleaned = cleaning.TextCleaner(limit=export_format.CELL_LIMIT)(text)
    assert export_format.as_shown(text) == cleaned.replace("\r\n", "\n").replace("\r", "\n")
    assert export_format.FORBIDDEN_RE.pattern == cleaning.FORBIDDEN_RE.pattern


@pytest.mark.parametrize("text", ["=SUM(A1)", "+1", "-x", "@a", "\tt", "'q", "''", "ok", ""])
def test_formula_guard_is_undone_exactly(text):
    assert export_format.FORMULA_STARTS == csv_export.FORMULA_STARTS
    assert export_format.SEGMENT_SEPARATORS == csv_export.SEGMENT_SEPARATORS
    assert export_format.unguard_formula(csv_export.guard_formula(text)) == text


def test_id_cells_are_read_back_with_the_forms_they_were_written_in():
    ids = ["<", "\x17<", "\x18<", "\x17", "~2", "a\x00b", "x" * 63 + "\ufffe", "x" * 62 + "~2",
           "plain", "\r", "a\r\nb"]
    written = id_forms(ids, cleaning.TextCleaner(limit=export_format.CELL_LIMIT))
    assert written == id_forms(ids, export_format.as_written)
    assert len(set(written.values())) == len(ids)


@pytest.mark.parametrize("language", ["en", "ja"])
def test_the_workshop_sheets_and_votes_columns_match(language):
    assert export_format.WORKSHOP_SHEETS == excel_workshop.WORKSHOP_SHEETS
    header, twice = excel_workshop.participant_headers(["Ana", "Ana"], labels.LABELS[language])
    assert export_format.is_participant_votes(header, language)
    assert export_format.is_participant_votes(twice, language)
    assert not export_format.is_participant_votes(export_format.LABELS[language]["votes"], language)
