"""The poster is legible at any size: the smallest printed text, measured in the PDF itself
(font size × the text and page transforms, as pdfplumber reports it), for workshop maps of 10 to
2,000 cards on A4 and A3; tiles that assemble into the whole map; fit, tile and scale-up."""
from __future__ import annotations

import functools

import pytest
from export_maps import build_map, workshop_map
from export_readback import page_texts, squash, text_runs
from pypdf import PdfReader

from exporters import export_pdf
from exporters.fonts import char_widths
from exporters.paper import PosterOptions
from exporters.pdf import prepare_poster
from exporters.pdf_pages import OVERLAP, tile_key
from exporters.pdf_poster import ascent
from model import Card, CardKind, JourneyMap, Lane, Stage
from model.layout import grid as geo

MIN_TITLE, MIN_SECONDARY = 7.0, 5.5


@functools.cache
def _map(cards: int):
    return workshop_map(cards)


def _title_anchors(poster) -> dict[str, tuple[str, float, float]]:
    """Each card's first title line and where its baseline starts, in layout units."""
    anchors = {}
    leading, size = geo.TITLE_LEADING, geo.TITLE_SIZE
    for card_id, box in poster.layout.cards.items():
        top = box.rect.y + geo.CARD_PADDING + geo.CARD_KIND_STRIP + (leading - size) / 2
        anchors[card_id] = (box.title_lines[0], box.rect.x + geo.CARD_PADDING, top + ascent(size))
    return anchors


def _titles_found(poster, pages) -> dict[tuple[str, float, float], list[tuple[int, float]]]:
    """The card titles the poster pages draw where the layout puts them (by position, mapped back
    through each page's view and scale, and text) -> (page, size) of each. reportlab may cut a
    line into several text runs (a font subset holds 256 glyphs), so a title's first run need only
    start the line."""
    near: dict[tuple[int, int], list[tuple[str, float, float]]] = {}
    for line, x, y in _title_anchors(poster).values():
        near.setdefault((round(x), round(y)), []).append((line, x, y))
    found: dict[tuple[str, float, float], list[tuple[int, float]]] = {}
    sheets = ([poster.plan.overview] if poster.plan.overview else []) + poster.plan.sheets
    for number, (sheet, runs) in enumerate(zip(sheets, pages, strict=True)):
        area, s = sheet.area, sheet.scale
        for text, size, px, py in runs:
            if not (area.x <= px <= area.right and area.y <= py <= area.bottom):
                continue
            x = sheet.view.x + (px - sheet.origin[0]) / s
            y = sheet.view.y + (sheet.origin[1] - py) / s
            for anchor in near.get((round(x), round(y)), ()):
                if anchor[0].startswith(text) and abs(anchor[1] - x) < 0.5 and abs(anchor[2] - y) < 0.5:
                    found.setdefault(anchor, []).append((number, size))
    return found


def _inside(sheet, x: float, y: float, hair: float = 0.5) -> bool:
    """Whether the layout point prints inside the sheet's poster area (away from its edge)."""
    px = sheet.origin[0] + (x - sheet.view.x) * sheet.scale
    py = sheet.origin[1] - (y - sheet.view.y) * sheet.scale
    area = sheet.area
    return area.x + hair < px < area.right - hair and area.y + hair < py < area.bottom - hair


@pytest.mark.parametrize("paper", ["a4", "a3"])
@pytest.mark.parametrize("cards", [10, 100, 300, 2000])
def test_smallest_text_on_every_poster_page(tmp_path, cards, paper):
    journey = _map(cards)
    path = tmp_path / f"{cards}-{paper}.pdf"
    # The detail pages' styles are fixed sizes: read them whole for the smaller maps only.
    report = export_pdf(journey, path, paper=paper, details=cards <= 100)
    assert report.warnings == []
    poster = prepare_poster(journey, PosterOptions(paper))
    assert report.poster_pages == len(poster.plan.sheets) + (poster.plan.overview is not None)
    # Reading 40-odd dense pages takes pypdf half a minute: for 2,000 cards the suite reads the
    # overview and tiles across the poster (benchmarks/bench_exports.py --legibility reads all).
    wanted = _sample(report.poster_pages) if cards >= 2000 else range(report.poster_pages)
    pages = text_runs(path, wanted if cards > 100 else None)
    sizes = [size for runs in pages for _, size, _, _ in runs]
    assert min(sizes) >= MIN_SECONDARY - 0.01, (cards, paper, min(sizes))
    if cards >= 2000:
        assert poster.plan.title_pt >= MIN_TITLE
        return
    titles = _titles_found(poster, pages[:report.poster_pages])
    assert len(titles) == len(set(_title_anchors(poster).values()))  # every card, legible
    assert min(size for places in titles.values() for _, size in places) >= MIN_TITLE - 0.01


def _sample(pages: int) -> list[int]:
    return sorted({0, 1, pages // 3, pages // 2, 2 * pages // 3, pages - 1})


def test_fit_mode_prints_one_page_and_warns_when_text_is_too_small(tmp_path):
    path = tmp_path / "fit.pdf"
    report = export_pdf(_map(300), path, paper="a4", mode="fit", details=False)
    assert report.pages == report.poster_pages == 1
    warning = [w for w in report.warnings if "below the minimum" in w]
    assert len(warning) == 1 and "A4" in warning[0] and "7 pt" in warning[0]
    sizes = [size for _, size, _, _ in text_runs(path)[0]]
    assert min(sizes) < MIN_SECONDARY  # the measurement sees what the warning says


def test_a_small_map_grows_to_use_the_page_up_to_a_largest_size(tmp_path):
    journey = JourneyMap("小さなマップ", "ja")
    journey.add_stage(Stage("s0", "導入"))
    journey.add_stage(Stage("s1", "活用"))
    journey.add_lane(Lane("l0", "タッチポイント"))
    journey.add_card(Card("c0", CardKind.TOUCHPOINT, "チャットサポート0"), "s0", "l0")
    path = tmp_path / "small.pdf"
    report = export_pdf(journey, path, paper="a3", details=False)
    poster = prepare_poster(journey, PosterOptions("a3"))
    assert report.poster_pages == 1 and poster.plan.scale > 1.0
    title = squash("チャットサポート0")
    sizes = [size for text, size, _, _ in text_runs(path)[0] if squash(text) == title]
    assert sizes and geo.TITLE_SIZE < sizes[0] <= 18.0 + 0.01


def test_tiles_assemble_into_the_whole_map(tmp_path):
    """Every card's title lies, on some tile, exactly where the whole map puts it; no tile shows
    a title anywhere else; neighbouring tiles repeat OVERLAP points of each other."""
    journey = _map(100)
    path = tmp_path / "tiles.pdf"
    report = export_pdf(journey, path, paper="a4", details=False)
    poster = prepare_poster(journey, PosterOptions("a4"))
    plan = poster.plan
    assert plan.overview is not None and len(plan.sheets) > 1
    pages = text_runs(path, range(report.poster_pages))
    found = _titles_found(poster, pages)
    assert set(found) == set(_title_anchors(poster).values())
    for anchor, places in found.items():  # on exactly the tiles whose poster area holds it
        expected = {n for n, sheet in enumerate(plan.sheets, start=1)
                    if _inside(sheet, anchor[1], anchor[2])}
        assert {n for n, _ in places} == expected, anchor
    assert len(pages[0]) < len(pages[1])  # the overview leaves out the text tiles print
    first = plan.sheets[0]
    right, below = plan.sheets[1], plan.sheets[first.cols]
    assert right.view.x == pytest.approx(first.view.right - OVERLAP / first.scale)
    assert below.view.y == pytest.approx(first.view.bottom - OVERLAP / first.scale)
    last = plan.sheets[-1]
    assert last.view.right >= poster.layout.width and last.view.bottom >= poster.layout.height


def test_overview_and_tiles_carry_their_keys(tmp_path):
    path = tmp_path / "keys.pdf"
    report = export_pdf(_map(100), path, paper="a4", details=False, language="en")
    texts = page_texts(path)
    poster = prepare_poster(_map(100), PosterOptions("a4"))
    last = poster.plan.sheets[-1]
    assert "Overview" in texts[0]
    assert squash(f"{last.rows} × {last.cols} pages, A1 to {tile_key(last.rows, last.cols)}") in texts[0]
    for sheet, text in zip(poster.plan.sheets, texts[1:report.poster_pages], strict=True):
        assert squash(f"Page {sheet.key}: row {sheet.row} / column {sheet.col}") in text
        if sheet.col < sheet.cols:
            assert f"→{tile_key(sheet.row, sheet.col + 1)}" in text
        if sheet.row > 1:
            assert squash(f"the page above is {tile_key(sheet.row - 1, sheet.col)}") in text
    keys = [tile_key(r, c) for r in range(1, last.rows + 1) for c in range(1, last.cols + 1)]
    assert all(key in texts[0] for key in keys)


def test_tile_mode_prints_at_actual_size(tmp_path):
    journey = build_map(stages=7)
    poster = prepare_poster(journey, PosterOptions("a4", mode="tile"))
    assert poster.plan.scale == 1.0 and len(poster.plan.sheets) > 1
    report = export_pdf(journey, tmp_path / "t.pdf", paper="a4", mode="tile", details=False)
    assert report.pages == len(poster.plan.sheets) + 1


def test_detail_pages_can_be_left_out(tmp_path):
    path = tmp_path / "poster-only.pdf"
    report = export_pdf(build_map(), path, details=False)
    assert report.pages == report.poster_pages == len(PdfReader(path).pages) == 1


def test_a_larger_minimum_makes_larger_text(tmp_path):
    path = tmp_path / "big.pdf"
    report = export_pdf(_map(100), path, paper="a3", min_text=10, details=False)
    sizes = [size for runs in text_runs(path) for _, size, _, _ in runs]
    assert min(sizes) >= 10 * MIN_SECONDARY / MIN_TITLE - 0.01
    assert "card titles" in report.summary


def test_titles_measure_with_the_fonts_the_pdf_embeds():
    widths = char_widths()
    assert widths.text("한", 10) > 0 and widths.text("漢", 10) == pytest.approx(10.0)
