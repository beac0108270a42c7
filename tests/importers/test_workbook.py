"""Our own workbook back to a map: unedited exports give the same map, edits made in openpyxl and
re-saved by LibreOffice Calc come back as edits, bad rows are reported by sheet and row."""
from __future__ import annotations

import openpyxl
import pytest

from exporters import export_excel
from importers import ImportFileError, guess_format, import_file
from model.fileformat import load_journey
from resources import TEMPLATES_DIR
from tests.importers.helpers import check_summary, needs_soffice, resave_with_libreoffice

TEMPLATES = sorted(TEMPLATES_DIR.glob("*.journey"))
LIFECYCLE = TEMPLATES_DIR / "saas-cs-lifecycle.ja.journey"


def card_view(journey, ids: bool = True):
    """What a card is, apart from what a workbook cannot hold (colour, unknown fields)."""
    rows = []
    for card_id in journey.card_ids():
        card, place = journey.card(card_id), journey.card_place(card_id)
        rows.append((card.id if ids else None, journey.stage(place.stage).name,
                     journey.lane(place.lane).name, place.index, card.kind, card.title,
                     card.details, card.channel, card.owner, card.feeling, card.stakes,
                     card.actions, card.votes,
                     tuple(journey.segment(s).name for s in card.segments)))
    return rows


def header_column(ws, name: str) -> int:
    return next(cell.column for cell in ws[1] if cell.value == name)


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: p.stem)
def test_unedited_export_imports_as_the_same_map(tmp_path, template):
    original = load_journey(template)
    workbook = tmp_path / "map.xlsx"
    export_excel(original, workbook)
    assert guess_format(workbook) == "xlsx"
    alone = import_file(workbook)
    assert check_summary(alone.journey) == check_summary(original)
    assert card_view(alone.journey) == card_view(original)
    assert [s.name for s in alone.journey.stages()] == [s.name for s in original.stages()]
    assert [lane.name for lane in alone.journey.lanes()] == [lane.name for lane in original.lanes()]
    assert alone.skipped == []
    with_base = import_file(workbook, base=original)
    assert with_base.journey == original  # every field, every id, nothing lost
    assert "no changes to cards" in with_base.summary


@needs_soffice
def test_edits_made_in_calc_come_back(tmp_path):
    original = load_journey(LIFECYCLE)
    exported = tmp_path / "exported.xlsx"
    export_excel(original, exported)
    wb = openpyxl.load_workbook(exported)
    cards, stages, map_sheet = wb["Cards"], wb["Stages"], wb["Map"]
    id_col, title_col = header_column(cards, "ID"), header_column(cards, "タイトル")
    rows = {cards.cell(r, id_col).value: r for r in range(2, cards.max_row + 1)}
    cards.cell(rows["c-onb-chat"], title_col).value = "チャットサポート(平日9-18時)"
    cards.delete_rows(rows["c-onb-help"])  # a deleted row deletes the card
    new_row = cards.max_row + 1  # a row without an ID is a new card
    for header, value in (("ステージ", "積極活用"), ("レーン", "アイディア"), ("種類", "アイディア"),
                          ("タイトル", "活用度に応じたメール配信"), ("投票", 3)):
        cards.cell(new_row, header_column(cards, header)).value = value
    copied = cards.max_row + 1  # a row copied with its ID is a new card too
    source = next(r for r in range(2, copied) if cards.cell(r, id_col).value == "c-onb-setup")
    for column in range(1, cards.max_column + 1):
        cards.cell(copied, column).value = cards.cell(source, column).value
    name_col = header_column(stages, "名前")
    stages.cell(2, name_col).value = "導入(オンボーディング)"  # renamed on the Stages sheet only
    lane_row = next(r for r in range(1, map_sheet.max_row + 1)
                    if map_sheet.cell(r, 1).value == "アイディア")
    map_sheet.cell(lane_row, 1).value = "改善アイディア"  # renamed on the Map sheet only
    map_sheet["A1"] = "ライフサイクル(改訂版)"
    edited = tmp_path / "edited.xlsx"
    wb.save(edited)
    [resaved] = resave_with_libreoffice([edited], tmp_path / "calc")

    result = import_file(resaved, base=original)
    journey = result.journey
    assert result.skipped == []
    assert journey.title == "ライフサイクル(改訂版)"
    assert journey.stage("st-onboarding").name == "導入(オンボーディング)"
    ideas = next(lane for lane in journey.lanes() if lane.id == "ln-ideas")
    assert ideas.name == "改善アイディア" and ideas.kind == "ideas"  # same lane, same kind
    assert journey.card("c-onb-chat").title == "チャットサポート(平日9-18時)"
    assert not journey.has("c-onb-help")
    assert journey.card_count() == original.card_count() + 1  # -1 deleted, +1 new, +1 copy
    new = [c for c in journey.cards() if c.title == "活用度に応じたメール配信"]
    assert len(new) == 1 and new[0].kind == "idea" and new[0].votes == 3
    place = journey.card_place(new[0].id)
    assert (place.stage, place.lane) == ("st-adoption", "ln-ideas")
    copies = [c for c in journey.cards() if c.title == original.card("c-onb-setup").title]
    assert len(copies) == 2 and len({c.id for c in copies}) == 2
    assert "repeats the card ID" in " ".join(result.warnings)
    # Untouched cards keep everything, in place.
    for card_id in original.card_ids():
        if card_id not in ("c-onb-chat", "c-onb-help"):
            assert journey.card(card_id) == original.card(card_id)
    assert "2 new cards, 1 card deleted (their rows are gone), 1 card changed" in result.summary


@needs_soffice
def test_calc_resave_of_an_unedited_export_is_the_same_map(tmp_path):
    originals = [load_journey(TEMPLATES_DIR / f"{name}.journey")
                 for name in ("saas-customer-journey.en", "cs-design-worksheet.ja")]
    files = []
    for i, journey in enumerate(originals):
        files.append(tmp_path / f"m{i}.xlsx")
        export_excel(journey, files[-1])
    for journey, resaved in zip(originals, resave_with_libreoffice(files, tmp_path / "calc"),
                                strict=True):
        assert import_file(resaved, base=journey).journey == journey
        alone = import_file(resaved).journey
        assert check_summary(alone) == check_summary(journey)
        assert card_view(alone) == card_view(journey)


def test_bad_rows_are_reported_by_sheet_and_row(tmp_path):
    original = load_journey(LIFECYCLE)
    path = tmp_path / "bad.xlsx"
    export_excel(original, path)
    wb = openpyxl.load_workbook(path)
    cards = wb["Cards"]
    cards.cell(2, header_column(cards, "ステージ")).value = "存在しないステージ"
    cards.cell(3, header_column(cards, "種類")).value = "ふせん?"
    cards.cell(4, header_column(cards, "投票")).value = -1
    wb.save(path)
    result = import_file(path, base=original)
    assert result.skipped == [
        "sheet Cards, row 2: the stage \"存在しないステージ\" is not on the Stages sheet",
        "sheet Cards, row 3: unknown kind \"ふせん?\"",
        "sheet Cards, row 4: votes must be a whole number ≥ 0, not \"-1\""]
    assert result.journey.card_count() == original.card_count() - 3
    assert "skipped 3" in result.summary


def test_a_workbook_without_our_sheets_is_refused_as_xlsx(tmp_path):
    path = tmp_path / "plain.xlsx"
    wb = openpyxl.Workbook()
    wb.active["A1"] = "hello"
    wb.save(path)
    assert guess_format(path) == "grid"
    with pytest.raises(ImportFileError, match="no Cards sheet with an ID column"):
        import_file(path, "xlsx")


def test_not_a_workbook_names_the_file(tmp_path):
    path = tmp_path / "fake.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(ImportFileError) as error:
        import_file(path)
    assert str(path) in str(error.value) and "not an Excel workbook" in str(error.value)
