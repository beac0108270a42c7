"""The workshop's data in the exports, reopened and read back: the Cards sheet's votes per
participant (totals only for an anonymous vote), the sheets "Comments" and "Parking lot", the
workbook round trip through the importer, dots on the poster's cards, comments on the detail
pages, and the workshop record as Markdown and PDF."""
from __future__ import annotations

from datetime import UTC, datetime

import openpyxl
import pdfplumber
import pytest
from export_readback import pdf_text, squash
from pypdf import PdfReader

from exporters import export_excel, export_pdf
from exporters.common import ExportError
from exporters.pdf_workshop import VOTE_DOT
from exporters.record import export_record
from importers import import_file
from model import (
    Card,
    CardKind,
    Comment,
    JourneyMap,
    Lane,
    LaneKind,
    ParkingItem,
    Participant,
    Stage,
    VoteRound,
)

T0, T1, T2 = "2025-03-14T09:30:00+00:00", "2025-03-14T09:40:00+00:00", "2025-03-14T10:15:00+00:00"


def workshop(anonymous: bool = False) -> JourneyMap:
    journey = JourneyMap("Onboarding workshop", "en")
    journey.add_stage(Stage("s1", "Onboarding"))
    journey.add_stage(Stage("s2", "Adoption"))
    journey.add_lane(Lane("l1", "Pain points", LaneKind.PAIN_POINTS))
    journey.add_participant(Participant("ana", "Ana"))
    journey.add_participant(Participant("ken", "Ken"))
    journey.add_participant(Participant("eve", "Eve"))  # took part, never voted
    journey.add_card(Card("c1", CardKind.PAIN_POINT, "Setup is slow", votes=1), "s1", "l1")
    journey.add_card(Card("c2", CardKind.PAIN_POINT, "Manual is hard to find"), "s1", "l1")
    journey.add_card(Card("c3", CardKind.IDEA, "Setup wizard"), "s2", "l1")
    journey.set_vote_round(VoteRound(True, 3, anonymous=anonymous, started_at=T0))
    for card_id, person in (("c2", "ana"), ("c2", "ana"), ("c2", "ken"), ("c3", "ken"),
                            ("c1", "ana")):
        journey.add_dot(card_id, person)
    journey.set_vote_round(VoteRound(False, 3, anonymous=anonymous, started_at=T0, ended_at=T2))
    journey.add_comment(Comment("m1", "c2", "Seen in 3 accounts", "ana", T1))
    journey.add_comment(Comment("m2", "c2", "Fixed in 2.1", "ken", T2, parent="m1",
                                resolved=True))
    journey.add_comment(Comment("m3", "c3", "Who builds it?", "", T1))
    journey.add_parking_item(ParkingItem("q1", "Pricing page", "eve", T1))
    journey.add_parking_item(ParkingItem("q2", "Invoice |*format*|", "", ""))
    return journey


def sheet_rows(ws) -> list[list]:
    return [[cell.value for cell in row] for row in ws.iter_rows()]


# ------------------------------------------------------------------ Excel
def test_the_cards_sheet_has_the_total_and_a_column_per_voter(tmp_path):
    path = tmp_path / "w.xlsx"
    export_excel(workshop(), path)
    cards = openpyxl.load_workbook(path)["Cards"]
    header = [c.value for c in cards[1]]
    assert header[-3:] == ["ID", "Votes: Ana", "Votes: Ken"]  # Eve never voted
    rows = {row[header.index("ID")]: row for row in sheet_rows(cards)[1:]}
    votes, ana, ken = header.index("Votes"), header.index("Votes: Ana"), header.index("Votes: Ken")
    assert [(rows[c][votes], rows[c][ana], rows[c][ken]) for c in ("c1", "c2", "c3")] == [
        (2, 1, 0), (3, 2, 1), (1, 0, 1)]  # c1: one vote counted by hand, one of Ana's
    assert cards.tables["Cards"].ref == "A1:S4"


def test_an_anonymous_vote_shows_totals_only(tmp_path):
    path = tmp_path / "w.xlsx"
    export_excel(workshop(anonymous=True), path)
    header = [c.value for c in openpyxl.load_workbook(path)["Cards"][1]]
    assert header[-1] == "ID" and not any(str(h).startswith("Votes:") for h in header)


def test_comments_and_parking_lot_sheets(tmp_path):
    path = tmp_path / "w.xlsx"
    export_excel(workshop(), path, language="ja")
    wb = openpyxl.load_workbook(path)
    comments = sheet_rows(wb["Comments"])
    assert comments[0] == ["番号", "ステージ", "レーン", "カード", "コメント", "投稿者", "日時",
                           "返信先", "解決済み", "カード ID", "ID"]
    assert comments[1:] == [
        [1, "Onboarding", "Pain points", "Manual is hard to find", "Seen in 3 accounts", "Ana",
         "2025-03-14 09:40 UTC", None, "いいえ", "c2", "m1"],
        [2, "Onboarding", "Pain points", "Manual is hard to find", "Fixed in 2.1", "Ken",
         "2025-03-14 10:15 UTC", 1, "はい", "c2", "m2"],
        [3, "Adoption", "Pain points", "Setup wizard", "Who builds it?", None,
         "2025-03-14 09:40 UTC", None, "いいえ", "c3", "m3"]]
    assert sheet_rows(wb["Parking lot"])[1:] == [
        [1, "Pricing page", "Eve", "2025-03-14 09:40 UTC", "q1"],
        [2, "Invoice |*format*|", None, None, "q2"]]
    assert wb["Comments"].tables["Comments"].ref == "A1:K4"


def test_the_workbook_still_imports_as_the_same_map(tmp_path):
    original = workshop()
    path = tmp_path / "w.xlsx"
    export_excel(original, path)
    assert import_file(path, base=original).journey == original
    alone = import_file(path).journey  # without the map: the totals come back, unattributed
    assert [alone.card(c).votes for c in ("c1", "c2", "c3")] == [2, 3, 1]


# ------------------------------------------------------------------ PDF
def red_dots(path, page: int = 0) -> list:
    with pdfplumber.open(path) as pdf:
        red = tuple(int(VOTE_DOT[i:i + 2], 16) / 255 for i in (1, 3, 5))
        return [c for c in pdf.pages[page].curves
                if c.get("non_stroking_color") and
                all(abs(a - b) < 0.01 for a, b in zip(c["non_stroking_color"], red, strict=True))]


def test_the_poster_draws_each_cards_votes_as_dots(tmp_path):
    journey = workshop()
    path = tmp_path / "w.pdf"
    export_pdf(journey, path, details=False)
    assert len(red_dots(path)) == 2 + 3 + 1
    journey.set_dots("c1", "", 11)  # many votes: one dot and the count
    export_pdf(journey, path, details=False)
    assert len(red_dots(path)) == 1 + 3 + 1
    assert "×12" in squash(PdfReader(path).pages[0].extract_text())


def test_the_detail_pages_list_a_cards_comments(tmp_path):
    path = tmp_path / "w.pdf"
    export_pdf(workshop(), path)
    text = pdf_text(path)
    assert squash("Comments: Seen in 3 accounts — Ana, 2025-03-14 09:40 UTC "
                  "Fixed in 2.1 — Ken, 2025-03-14 10:15 UTC (Resolved)") in text
    assert squash("Who builds it? — 2025-03-14 09:40 UTC") in text


# ------------------------------------------------------------------ the workshop record
def test_the_markdown_record(tmp_path):
    path = tmp_path / "record.md"
    report = export_record(workshop(), path)
    assert report.summary == "3 participants, 3 cards with votes, 3 comments, 2 parked items"
    assert path.read_text(encoding="utf-8") == """\
# Workshop record: Onboarding workshop

- **Date:** 2025-03-14
- **Duration:** 45 min (09:30–10:15)
- **Participants:** Ana, Ken, Eve

## Vote ranking

_3 dots per participant_

| Rank | Card | Kind | Stage | Lane | Votes | Ana | Ken |
|---|---|---|---|---|---:|---:|---:|
| 1 | Manual is hard to find | Pain point | Onboarding | Pain points | 3 | 2 | 1 |
| 2 | Setup is slow | Pain point | Onboarding | Pain points | 2 | 1 | 0 |
| 3 | Setup wizard | Idea | Adoption | Pain points | 1 | 0 | 1 |

## Comments

### Manual is hard to find (Onboarding / Pain points)

- Seen in 3 accounts — Ana, 2025-03-14 09:40 UTC
  - Fixed in 2.1 — Ken, 2025-03-14 10:15 UTC (Resolved)

### Setup wizard (Adoption / Pain points)

- Who builds it? — 2025-03-14 09:40 UTC

## Parking lot

1. Pricing page — Eve, 2025-03-14 09:40 UTC
2. Invoice \\|\\*format\\*\\|
"""


def test_ties_share_a_rank_and_an_anonymous_record_names_nobody(tmp_path):
    journey = workshop(anonymous=True)
    journey.set_dots("c3", "", 1)  # 2 votes, as many as c1
    path = tmp_path / "record.md"
    export_record(journey, path)
    text = path.read_text(encoding="utf-8")
    assert "_Anonymous vote: totals only._" in text
    assert "| Rank | Card | Kind | Stage | Lane | Votes |\n" in text
    assert "| 2 | Setup is slow |" in text and "| 2 | Setup wizard |" in text


def test_the_pdf_record_in_japanese_with_the_times_given(tmp_path):
    path = tmp_path / "record.pdf"
    start = datetime(2025, 3, 14, 9, 0, tzinfo=UTC)
    report = export_record(workshop(), path, language="ja", start=start,
                           end=datetime(2025, 3, 14, 11, 0, tzinfo=UTC))
    text = pdf_text(path)
    assert report.pages == len(PdfReader(path).pages) == 1
    for expected in ("ワークショップ記録:Onboardingworkshop", "日付:2025-03-14",
                     "所要時間:120分(09:00–11:00)", "参加者:Ana、Ken、Eve", "投票結果1人3票",
                     "順位カード種類ステージ投票AnaKen", "1Manualishardtofind問題点Onboarding321",
                     "2Setupisslow問題点Onboarding210", "3Setupwizardアイディア Adoption101"):
        assert squash(expected) in text, expected
    assert squash("Fixed in 2.1 — Ken, 2025-03-14 10:15 UTC (解決済み)") in text
    assert squash("1. Pricing page — Eve") in text


def test_a_record_needs_a_markdown_or_pdf_name(tmp_path):
    with pytest.raises(ExportError, match=r"Markdown \(.md\) or PDF \(.pdf\), not .docx"):
        export_record(workshop(), tmp_path / "record.docx")
    assert list(tmp_path.iterdir()) == []
