"""What the PDF prints of the user's text: decomposed kana joined, invisible characters removed and
reported, every script of the fallback chain embedded, long titles wrapped inside the page, long
texts carried whole to the detail pages (in bounded time: no timing here, see the benchmark), and
the paper sizes."""
from __future__ import annotations

import pytest
from export_maps import build_map
from export_readback import font_names, page_texts, pdf_text, squash, text_runs
from pypdf import PdfReader

from exporters import export_pdf
from exporters.paper import MM, PaperError, paper_size
from exporters.pdf_pages import MARGIN
from model import Card, CardKind

LONG_TITLE = "導入後六十日以内にオンボーディングを完了させるための初期設定支援と定例会議の設計" * 3
UNIT = "契約後すぐに担当者が変わった場合でも引継ぎ資料で説明を繰り返さないようにする。"


# ---------------------------------------------------------------------- item 4: invisible text
def test_decomposed_kana_prints_composed(tmp_path):
    path = tmp_path / "nfc.pdf"
    export_pdf(build_map({"tp0": "か\u3099いき\u3099"}), path)  # macOS's decomposed "がいぎ"
    text = pdf_text(path)
    assert "がいぎ" in text and "\u3099" not in text


def test_invisible_characters_are_removed_and_reported_with_their_place(tmp_path):
    journey = build_map({"tp0": "a\u200bb\ufeffc\u202ed\x7fe\x85f\u2066g\u200fh"})
    journey.update_stage("s1", name="名前\u200e付き")
    path = tmp_path / "invisible.pdf"
    report = export_pdf(journey, path)
    text = pdf_text(path)
    assert "abcdefgh" in text and "名前付き" in text
    for char in "\u200b\ufeff\u202e\x7f\x85\u2066\u200f\u200e":
        assert char not in text
    removed = [w for w in report.warnings if w.startswith("removed")]
    assert len(removed) == 1 and "card tp0 title" in removed[0] and "stage s1 name" in removed[0]


def test_tabs_and_line_breaks_in_one_line_places_become_spaces(tmp_path):
    journey = build_map()
    journey.update_stage("s0", name="導入\tフェーズ\n第一")
    journey.update_card("tp0", channel="メール\r\nチャット")
    path = tmp_path / "one-line.pdf"
    export_pdf(journey, path, details=False)
    runs = [text for page in text_runs(path) for text, _, _, _ in page]
    assert "導入 フェーズ 第一" in runs
    assert any(text.startswith("メール チャット") for text in runs)  # the card's footer line


# ---------------------------------------------------------------------- item 8: glyphs
def test_every_script_prints_from_an_embedded_fallback_font(tmp_path):
    titles = {"tp0": "한국어 고객", "idea0": "שלום עולם", "mot0": "مرحبا", "pain0": "สวัสดี",
              "note0": "笑顔 😀 💡 🚀"}
    path = tmp_path / "scripts.pdf"
    report = export_pdf(build_map(titles), path)
    assert report.warnings == []
    assert {"NanumGothic", "NotoSansHebrew-Regular", "NotoSansArabic-Regular",
            "NotoSansThai-Regular", "Symbola", "IPAexGothic"} <= font_names(path)
    text = pdf_text(path)
    assert "한국어고객" in text and "😀💡🚀" in text  # emoji copy and search: see fonts.py
    poster = [(t, x) for t, _, x, _ in text_runs(path)[0]]
    # Drawn in visual order: the second Hebrew word at the left (pypdf reads each word's letters
    # back in logical order), and Arabic in its joined letter forms.
    hebrew = {t: x for t, x in poster if t in ("שלום", "עולם")}
    assert hebrew["עולם"] < hebrew["שלום"]
    assert "\ufee3\ufeae\ufea3\ufe92\ufe8e" in {t for t, _ in poster}  # مرحبا, joined


def test_exported_glyphs_come_from_fonts_that_have_them():
    from exporters.fonts import font_for

    assert font_for("あ") == "IPAexGothic" and font_for("한") == "NanumGothic"
    assert font_for("ש") == "NotoSansHebrew" and font_for("ب") == "NotoSansArabic"
    assert font_for("ส") == "NotoSansThai" and font_for("😀") == "Symbola"
    assert font_for("\U0001FAE0") is None


# ---------------------------------------------------------------------- item 3: long titles
@pytest.mark.parametrize("paper", ["a4", "a3"])
def test_a_long_map_title_wraps_inside_the_page_and_keeps_the_page_numbers(tmp_path, paper):
    from exporters.fonts import text_width

    journey = build_map()
    journey.set_fields(title=LONG_TITLE[:99])
    assert len(journey.title) == 99
    path = tmp_path / f"title-{paper}.pdf"
    report = export_pdf(journey, path, paper=paper)
    width = paper_size(paper)[0]
    pages = text_runs(path)
    heading = [(t, size, x) for t, size, x, _ in pages[0] if size == 13.0]
    assert len(heading) >= 2  # two lines
    assert squash("".join(t for t, _, _ in heading)).rstrip("…") in squash(journey.title)
    for text, size, x in heading:
        assert x + text_width(text, size) <= width - MARGIN + 0.5
    for number, runs in enumerate(pages[report.poster_pages:], start=report.poster_pages + 1):
        footer = [(t, size, x) for t, size, x, y in runs if y < 36]
        assert any(t == f"{number} ページ" for t, _, _ in footer), number
        for text, size, x in footer:
            assert x + text_width(text, size) <= width + 0.5


# ---------------------------------------------------------------------- item 5: long texts
def test_fifteen_cards_with_40000_character_fields_print_whole(tmp_path):
    journey = build_map(stages=3)
    big = (UNIT * (40_000 // len(UNIT) + 1))[:40_000]
    for i in range(15):
        journey.add_card(Card(f"long{i}", CardKind.NOTE, f"長文{i}", details=big[:-5] + f"終わり{i:02d}"),
                         f"s{i % 3}", "l-touch")
    path = tmp_path / "long.pdf"
    report = export_pdf(journey, path)
    reader = PdfReader(path)
    assert len(reader.pages) == report.pages > 15 * 40_000 // 10_000  # pages of text, not a cut
    tail = squash("".join(page.extract_text() for page in reader.pages[-30:]))
    assert all(f"終わり{i:02d}" in tail for i in (2, 5, 8, 11, 14))  # the last stage's cards


def test_a_100000_character_title_shows_its_start_on_the_poster_and_whole_in_the_details(tmp_path):
    journey = build_map()
    title = (UNIT * 3000)[:99_990] + "おしまい"
    journey.update_card("tp0", title=title)
    path = tmp_path / "title.pdf"
    report = export_pdf(journey, path)
    poster = page_texts(path)[0]
    assert squash(title[:20]) in poster and "…" in poster and "おしまい" not in poster
    details = pdf_text(path)
    # Every sentence, but those a page break cuts (the footer lands inside them).
    assert details.count(squash(UNIT)) >= 99_990 // len(UNIT) - 1 - report.pages
    assert "おしまい" in details
    assert report.warnings == []


# ---------------------------------------------------------------------- item 1: paper
@pytest.mark.parametrize("paper, mm", [("a2", (594, 420)), ("a0", (1189, 841)), ("b4", (364, 257)),
                                       ("900x600mm", (900, 600)), ("36x24in", (914.4, 609.6))])
def test_larger_and_custom_papers(tmp_path, paper, mm):
    path = tmp_path / "paper.pdf"
    export_pdf(build_map(), path, paper=paper, details=False)
    box = PdfReader(path).pages[0].mediabox
    assert float(box.width) == pytest.approx(mm[0] * MM, abs=0.5)
    assert float(box.height) == pytest.approx(mm[1] * MM, abs=0.5)


@pytest.mark.parametrize("paper, words", [("letter", "unknown paper size"),
                                          ("20x30mm", "between 100 mm"), ("9000x600", "5,000 mm")])
def test_bad_papers_are_refused_before_any_file_is_written(tmp_path, paper, words):
    with pytest.raises(PaperError, match=words):
        export_pdf(build_map(), tmp_path / "bad.pdf", paper=paper)
    assert list(tmp_path.iterdir()) == []


def test_bad_minimum_and_mode_are_refused(tmp_path):
    with pytest.raises(ValueError, match="minimum text size"):
        export_pdf(build_map(), tmp_path / "bad.pdf", min_text=1)
    with pytest.raises(ValueError, match="poster mode"):
        export_pdf(build_map(), tmp_path / "bad.pdf", mode="shrink")
