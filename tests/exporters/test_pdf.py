"""The PDF export, read back with pypdf (and pdffonts when installed): text, pages, fonts, outline."""
from __future__ import annotations

import shutil
import subprocess

import pytest
from export_maps import build_map
from export_readback import font_dicts, outline_titles, page_texts, pdf_text, squash
from pypdf import PdfReader
from reportlab.lib.pagesizes import A3, A4

from exporters import export_pdf
from exporters.paper import PosterOptions
from exporters.pdf import prepare_poster


@pytest.fixture(scope="module")
def template_pdf(tmp_path_factory, template_map):
    path = tmp_path_factory.mktemp("pdf") / "lifecycle.pdf"
    return path, export_pdf(template_map, path)


def test_template_text_pages_and_metadata(template_pdf, template_map):
    path, report = template_pdf
    text = pdf_text(path)
    for stage in template_map.stages():
        assert squash(stage.name) in text
    for card in template_map.cards():
        assert squash(card.title) in text, card.title
    stages = len(template_map.stages())
    # The poster (one A3 page), "Segments & paths" (the template has both), a page per stage.
    assert report.poster_pages == 1
    assert len(PdfReader(path).pages) == report.pages == 2 + stages
    meta = PdfReader(path).metadata
    assert meta.title == template_map.title
    assert meta.author and meta.subject == template_map.description
    assert report.warnings == []


def test_every_page_after_segments_and_paths_is_one_stage(template_pdf, template_map):
    texts = page_texts(template_pdf[0])
    # Each detail page's footer: the page number, then the map's title.
    assert texts[1].startswith("2ページ" + squash(template_map.title))
    assert "セグメントとジャーニーパス" in texts[1]
    for number, stage in enumerate(template_map.stages(), start=1):
        assert squash(f"{number}. {stage.name}") in texts[number + 1]
        assert texts[number + 1].startswith(f"{number + 2}ページ")


def test_outline_has_the_map_and_one_entry_per_stage(template_pdf, template_map):
    titles = outline_titles(template_pdf[0])
    assert titles[:2] == ["マップ", "セグメントとジャーニーパス"]
    assert titles[2:] == [f"{i}. {s.name}" for i, s in enumerate(template_map.stages(), start=1)]


def test_every_font_is_embedded(template_pdf):
    path = template_pdf[0]
    fonts = font_dicts(path)
    assert fonts
    for font in fonts:
        if font.get("/Subtype") in ("/Type0", "/Type3"):
            continue  # composite wrappers: their descendants carry the descriptor
        descriptor = font["/FontDescriptor"].get_object()
        assert "/FontFile2" in descriptor or "/FontFile" in descriptor, font["/BaseFont"]
    if shutil.which("pdffonts") is None:
        pytest.skip("pdffonts (poppler-utils) is not installed")
    lines = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True,
                           check=True).stdout.splitlines()[2:]
    assert lines and all(line.split()[-5] == "yes" for line in lines), lines


def test_user_text_is_never_markup(tmp_path):
    hostile = {"tp0": "<b>&<img src=x>", "mot0": '<a href="http://x">link</a> & <font size=40>',
               "pain0": "a < b && c > d </para>"}
    path = tmp_path / "hostile.pdf"
    report = export_pdf(build_map(hostile), path)
    text = pdf_text(path)
    for title in hostile.values():
        assert squash(title) in text
    assert report.warnings == []


def test_missing_glyphs_are_replaced_visibly_and_reported(tmp_path):
    path = tmp_path / "melting.pdf"  # U+1FAE0 (Unicode 14) is in none of the bundled fonts
    report = export_pdf(build_map({"tp0": "笑顔 \U0001FAE0 で対応"}), path)
    assert any("U+1FAE0" in w and "card tp0 title" in w for w in report.warnings)
    assert "笑顔\ufffdで対応" in pdf_text(path)


def test_forbidden_characters_do_not_break_the_pdf(tmp_path):
    path = tmp_path / "controls.pdf"
    report = export_pdf(build_map({"tp0": "a\x00b\x0bc\ufffed\uffffe\ud800f"}), path)
    assert "abcdef" in pdf_text(path)
    assert any("removed" in w and "card tp0 title" in w for w in report.warnings)


def test_headings_follow_the_requested_language(tmp_path):
    path = tmp_path / "en.pdf"
    export_pdf(build_map(), path, language="en")
    text = pdf_text(path)
    assert "Exitcriteria" in text and "Momentsoftruth" in text
    assert "キックオフ0" in text  # user text stays as written
    export_pdf(build_map(), path)
    assert "真実の瞬間" in pdf_text(path)


@pytest.mark.parametrize("paper, size", [("a4", A4), ("a3", A3)])
def test_paper_sizes_are_landscape(tmp_path, paper, size):
    path = tmp_path / f"{paper}.pdf"
    export_pdf(build_map(stages=2), path, paper=paper)
    box = PdfReader(path).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (round(size[1]), round(size[0]))


def test_tiled_poster_has_marks_labels_and_every_card(tmp_path):
    journey = build_map(stages=7)
    path = tmp_path / "tiled.pdf"
    report = export_pdf(journey, path, paper="a4", tile=True, language="en")
    sheets = prepare_poster(journey, PosterOptions("a4", mode="tile"), "en").plan.sheets
    assert len(sheets) > 1
    texts = page_texts(path)
    # the overview, the tiles, "Segments & paths", a page per stage
    assert len(texts) == report.pages == 1 + len(sheets) + 1 + 7
    for text, sheet in zip(texts[1:], sheets, strict=False):
        assert f"row{sheet.row}/column{sheet.col}" in text
        assert "SegmentsSMB顧客" not in text  # the legend is on the overview, not on every tile
    assert "SegmentsSMB顧客" in texts[0]
    assert f"Page{2 + len(sheets)}" in texts[1 + len(sheets)]  # the details' footer
    posters = "".join(texts[1:1 + len(sheets)])
    for card in journey.cards():
        assert squash(card.title) in posters


def test_progress_reaches_the_total(tmp_path):
    calls = []
    export_pdf(build_map(), tmp_path / "p.pdf", progress=lambda done, total: calls.append((done, total)))
    assert calls[0][0] == 0 and calls[-1][0] == calls[-1][1]
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)


def test_empty_map_exports_one_poster_page(tmp_path):
    from model import JourneyMap

    report = export_pdf(JourneyMap(""), tmp_path / "empty.pdf")
    assert report.pages == 1


def test_common_symbols_ipaexgothic_lacks_are_drawn_as_its_nearest_glyph(tmp_path):
    journey = build_map({"tp0": "NPS ≥ 40 ✔"})
    path = tmp_path / "symbols.pdf"
    report = export_pdf(journey, path)
    assert report.warnings == []
    assert "NPS≧40✓" in pdf_text(path)


def test_huge_text_everywhere_still_lays_out(tmp_path):
    from model import ExitCriterion

    journey = build_map()
    big = "長文テキスト" * 1000
    journey.update_stage("s0", name=big[:3000], overview=big,
                         exit_criteria=(ExitCriterion(big, big),))
    journey.update_card("tp0", title=big, details=big, owner=big[:2000])
    journey.update_lane("l-touch", name=big[:1000])
    path = tmp_path / "huge.pdf"
    report = export_pdf(journey, path)
    assert report.pages > 4 and len(PdfReader(path).pages) == report.pages
    assert squash(big[:200]) in pdf_text(path)
