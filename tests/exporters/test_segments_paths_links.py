"""Segments, journey paths and card links in both exports, read back: the poster's legend, the
"Segments & paths" details section, the paths through each stage, "addresses" relations by card
title, and the workbook's Segments and Paths sheets and Cards columns. Expectations are worked out
from the model's own queries, not from the exporters' projection."""
from __future__ import annotations

import re

import openpyxl
import pytest
from export_maps import LINKED_TEMPLATES, add_paths_and_links, build_map
from export_readback import outline_titles, page_texts, pdf_text, squash
from reportlab.lib.pagesizes import A4, landscape

from exporters import export_excel, export_pdf
from exporters.fonts import char_widths
from exporters.labels import LABELS, labels_for
from exporters.pdf_legend import SIZE, SWATCH, PosterLegend
from exporters.pdf_pages import MARGIN
from exporters.pdf_poster import clean
from exporters.projection import Projection
from model import CardKind, JourneyMap, Segment
from model.fileformat import load_journey
from resources import TEMPLATES_DIR


def _load(name: str) -> JourneyMap:
    return load_journey(TEMPLATES_DIR / f"{name}.journey")


def _route(journey: JourneyMap, stage_ids) -> str:
    return " → ".join(journey.stage(s).name for s in stage_ids)


def _tagged(journey: JourneyMap, segment_id: str) -> int:
    return sum(segment_id in card.segments for card in journey.cards())


def _linked(journey: JourneyMap, card_id: str, outgoing: bool) -> list[str]:
    """Titles of the cards linked to ``card_id``, in journey order."""
    ids = {link.target if outgoing else link.source for link in journey.links()
           if (link.source if outgoing else link.target) == card_id}
    return [journey.card(c).title for c in journey.card_ids() if c in ids]


def _stage_pages(texts: list[str], journey: JourneyMap) -> dict[str, str]:
    """Each stage's id -> the text of its detail page(s), from its heading to the next one."""
    starts = []
    for number, stage in enumerate(journey.stages(), start=1):
        heading = squash(f"{number}. {stage.name}")
        starts.append(next(i for i, t in enumerate(texts) if i and heading in t))
    ends = starts[1:] + [len(texts)]
    return {stage.id: "".join(texts[a:b]) for stage, a, b in zip(journey.stages(), starts, ends,
                                                                 strict=True)}


@pytest.fixture(scope="module", params=LINKED_TEMPLATES)
def exported(request, tmp_path_factory):
    journey = _load(request.param)
    folder = tmp_path_factory.mktemp(request.param)
    pdf, xlsx = folder / "map.pdf", folder / "map.xlsx"
    report = export_pdf(journey, pdf)
    export_excel(journey, xlsx)
    assert report.warnings == []
    return journey, pdf, openpyxl.load_workbook(xlsx)


# ---------------------------------------------------------------------- labels
def test_every_language_has_every_label():
    assert LABELS["ja"].keys() == LABELS["en"].keys()
    ja = LABELS["ja"]
    assert (ja["segments"], ja["paths"], ja["route"]) == ("セグメント", "ジャーニーパス", "経路")
    assert (ja["ideas"], ja["addresses"]) == ("対応するアイディア", "対応する問題点")


# ---------------------------------------------------------------------- PDF
def test_templates_have_what_the_tests_need(exported):
    journey = exported[0]
    assert journey.segments() and journey.paths() and journey.links()


def test_poster_legend_names_every_segment_and_path_with_its_route(exported):
    journey, pdf, _ = exported
    poster = page_texts(pdf)[0]
    labels = labels_for(journey.language)
    assert squash(labels["segments"]) in poster and squash(labels["paths"]) in poster
    for segment in journey.segments():
        assert squash(segment.name) in poster
    for path in journey.paths():
        assert squash(f"{path.name}: {_route(journey, path.stages)}") in poster


def test_segments_and_paths_section(exported):
    journey, pdf, _ = exported
    labels = labels_for(journey.language)
    texts = page_texts(pdf)
    # right after the poster pages (one, or an overview and tiles), before the stages
    section = next(t for t in texts if squash(labels["segments_paths"]) in t)
    assert outline_titles(pdf)[1] == labels["segments_paths"]
    for segment in journey.segments():
        count = labels["tagged_count"].format(count=_tagged(journey, segment.id))
        assert squash(f"{segment.name}{labels['field_sep']}{count}") in section
    transitions = {(t.source, t.target): t for t in journey.transitions()}
    for path in journey.paths():
        assert squash(f"{path.name}") in section
        assert squash(f"{labels['route']}: {_route(journey, path.stages)}") in section
        for a, b in zip(path.stages, path.stages[1:], strict=False):
            hop = squash(f"{journey.stage(a).name} → {journey.stage(b).name}:")
            assert hop in section
            if (a, b) in transitions and transitions[a, b].trigger:
                assert squash(transitions[a, b].trigger) in section.split(hop, 1)[1]


def test_each_stage_page_lists_the_paths_through_it(exported):
    journey, pdf, _ = exported
    labels = labels_for(journey.language)
    pages = _stage_pages(page_texts(pdf), journey)
    for stage in journey.stages():
        through = [p.name for p in journey.paths() if stage.id in p.stages]
        line = squash(labels["paths"] + ":" + labels["field_sep"].join(f"■ {n}" for n in through))
        if through:
            assert line in pages[stage.id], stage.name
        else:
            assert squash(labels["paths"] + ":■") not in pages[stage.id]


def _link_line(journey: JourneyMap, labels, key: str, card_id: str, outgoing: bool) -> str:
    """The detail line a linked card gets: titles in journey order, another stage named."""
    own = journey.card_place(card_id).stage
    ids = {link.target if outgoing else link.source for link in journey.links()
           if (link.source if outgoing else link.target) == card_id}
    parts = []
    for other in (c for c in journey.card_ids() if c in ids):
        stage = journey.card_place(other).stage
        suffix = f" ({journey.stage(stage).name})" if stage != own else ""
        parts.append(journey.card(other).title + suffix)
    return squash(f"{labels[key]}: " + labels["list_sep"].join(parts))


def test_pain_points_list_their_ideas_and_ideas_their_pain_points(exported):
    journey, pdf, _ = exported
    labels = labels_for(journey.language)
    pages = _stage_pages(page_texts(pdf), journey)
    for link in journey.links():
        idea, pain = journey.card(link.source), journey.card(link.target)
        assert (idea.kind, pain.kind) == (CardKind.IDEA, CardKind.PAIN_POINT)
        pain_page = pages[journey.card_place(pain.id).stage]
        idea_page = pages[journey.card_place(idea.id).stage]
        # The line comes after the card's own title: it belongs to that card.
        after_pain = pain_page.split(squash(pain.title), 1)[1]
        assert _link_line(journey, labels, "ideas", pain.id, False) in after_pain
        after_idea = idea_page.split(squash(idea.title), 1)[1]
        assert _link_line(journey, labels, "addresses", idea.id, True) in after_idea


def test_several_links_are_listed_in_journey_order_with_the_other_stage_named(tmp_path):
    journey = add_paths_and_links(build_map())
    path = tmp_path / "links.pdf"
    export_pdf(journey, path)
    pages = _stage_pages(page_texts(path), journey)
    # pain0 (stage 0) is addressed by idea0 (stage 0) and idea1 (stage 1): the stage is named.
    assert squash("対応するアイディア: 引継ぎシート0、引継ぎシート1 (ステージ1「導入」)") in pages["s0"]
    assert squash("対応する問題点: 同じ説明を何度も0 (ステージ0「導入」)、同じ説明を何度も1") \
        in pages["s1"]
    assert squash("ジャーニーパス: ■ 標準ルート ・ ■ 紹介ルート") in pages["s0"]
    assert squash("ジャーニーパス: ■ 標準ルート") in pages["s1"]
    section = page_texts(path)[1]
    assert squash("■ 紹介ルート 経路: ステージ0「導入」 → ステージ2「導入」") in section
    assert squash("ステージ0「導入」 → ステージ2「導入」: スキップ ・ トリガー: 紹介") in section
    assert squash("大企業 ・ タグ付きカード 1 枚") in section
    assert squash("SMB顧客 ・ タグ付きカード 4 枚") in section  # 3 touchpoints + mot0


def test_a_hop_without_a_transition_says_so(tmp_path):
    journey = add_paths_and_links(build_map())
    journey.remove_transition("t-skip")
    path = tmp_path / "hop.pdf"
    export_pdf(journey, path, language="en")
    section = page_texts(path)[1]
    assert squash("Segments & paths") in section
    assert squash("ステージ0「導入」 → ステージ2「導入」: no transition") in section


def test_a_map_without_segments_or_paths_has_no_such_section(tmp_path):
    journey = JourneyMap("plain")
    from model import Stage

    journey.add_stage(Stage("s", "Only stage"))
    path = tmp_path / "plain.pdf"
    report = export_pdf(journey, path, language="en")
    assert report.pages == 2
    assert "Segments" not in pdf_text(path) and "Journeypaths" not in pdf_text(path)


def test_hostile_names_stay_text_everywhere(tmp_path):
    names = {"seg-ent": "<b>&amp;</b>", "p-main": '<font size="40">x</font>', "p-skip": "a\x00b"}
    journey = add_paths_and_links(build_map(), names)
    path = tmp_path / "hostile.pdf"
    report = export_pdf(journey, path)
    text = pdf_text(path)
    for name in ("<b>&amp;</b>", '<fontsize="40">x</font>', "ab"):
        assert name in text
    assert any("removed" in w and "path p-skip" in w for w in report.warnings)


# ---------------------------------------------------------------------- the legend's room
def test_a_long_legend_stays_within_its_share_of_the_page(tmp_path):
    journey = add_paths_and_links(build_map())
    for i in range(60):
        journey.add_segment(Segment(f"extra{i}", f"とても長いセグメントの名前その{i}" * 2, "#4e79a7"))
    size = landscape(A4)
    room = size[1] - 2 * MARGIN - 30  # about a one-line heading
    width = size[0] - 2 * MARGIN - 16
    legend = PosterLegend(Projection(journey), labels_for("ja"), char_widths(), width, room / 4,
                          clean)
    assert 0 < legend.height <= room / 4 + 6
    assert legend.more > 0
    column = width - legend.heading_width
    widths = char_widths()
    for group in legend.groups:
        for placed in group.placed:
            for line in placed.lines:
                assert placed.x + SWATCH + widths.text(line, SIZE) <= column + 0.01
    path = tmp_path / "many.pdf"
    export_pdf(journey, path, paper="a4")
    poster = page_texts(path)[0]
    assert re.search("ほか[0-9]+件", poster)  # the export's legend also lists the card kinds
    assert "標準ルート" in poster and "紹介ルート" in poster  # segments do not crowd out paths
    assert squash("とても長いセグメントの名前その59" * 2) in pdf_text(path)  # the details list all


def test_a_route_longer_than_the_page_wraps_inside_the_legend():
    journey = add_paths_and_links(build_map(stages=3))
    legend = PosterLegend(Projection(journey), labels_for("ja"), char_widths(), 200, 400, clean)
    wrapped = [p for g in legend.groups for p in g.placed if len(p.lines) > 1]
    assert wrapped and all(p.x == 0 for p in wrapped)
    assert legend.more == 0
    assert legend.height == pytest.approx(legend.rows * 12.5 + 6)


# ---------------------------------------------------------------------- Excel
def test_segments_and_paths_sheets(exported):
    journey, _, wb = exported
    labels = labels_for(journey.language)
    segments = list(wb["Segments"].iter_rows(values_only=True))
    assert segments[0] == (labels["number"], labels["name"], labels["colour"],
                           labels["tagged_cards"], "ID")
    assert segments[1:] == [(n, s.name, s.colour, _tagged(journey, s.id), s.id)
                            for n, s in enumerate(journey.segments(), start=1)]
    paths = list(wb["Paths"].iter_rows(values_only=True))
    assert paths[0] == (labels["number"], labels["name"], labels["colour"], labels["route"],
                        labels["stops"], "ID")
    assert paths[1:] == [(n, p.name, p.colour, _route(journey, p.stages), len(p.stages), p.id)
                         for n, p in enumerate(journey.paths(), start=1)]
    for name in ("Segments", "Paths"):
        table = wb[name].tables[name]
        assert table.autoFilter.ref == table.ref
    fill = wb["Paths"]["C2"].fill.fgColor.rgb
    assert fill.endswith(journey.paths()[0].colour[1:].upper())


def test_cards_sheet_has_addresses_and_addressed_by(exported):
    journey, _, wb = exported
    labels = labels_for(journey.language)
    rows = list(wb["Cards"].iter_rows(values_only=True))
    header = rows[0]
    assert header[-3:] == (labels["addresses"], labels["addressed_by"], "ID")
    by_id = {row[-1]: row for row in rows[1:]}
    for card_id in journey.card_ids():
        addresses, addressed_by = by_id[card_id][-3], by_id[card_id][-2]
        assert (addresses or "").split("\n") == (_linked(journey, card_id, True) or [""])
        assert (addressed_by or "").split("\n") == (_linked(journey, card_id, False) or [""])
    assert any(row[-3] for row in rows[1:]) and any(row[-2] for row in rows[1:])


def test_several_links_in_one_cell_in_journey_order(tmp_path):
    journey = add_paths_and_links(build_map())
    path = tmp_path / "links.xlsx"
    export_excel(journey, path, language="en")
    rows = {row[-1]: row for row in openpyxl.load_workbook(path)["Cards"].iter_rows(
        min_row=2, values_only=True)}
    assert rows["pain0"][-2] == "引継ぎシート0\n引継ぎシート1"
    assert rows["idea1"][-3] == "同じ説明を何度も0\n同じ説明を何度も1"
    assert rows["tp0"][-3] is None and rows["tp0"][-2] is None
    header = next(openpyxl.load_workbook(path)["Cards"].iter_rows(values_only=True))
    assert header[-3:] == ("Addresses", "Addressed by", "ID")


@pytest.mark.parametrize("text", ["=1+1", "+cmd|' /C calc'!A0", "-2", "@SUM(A1)",
                                  '=HYPERLINK("http://x","y")'])
def test_new_cells_are_never_formulas(tmp_path, text):
    journey = add_paths_and_links(build_map({"idea0": text, "pain0": text}),
                                  {"seg-ent": text, "p-main": text})
    path = tmp_path / "inject.xlsx"
    export_excel(journey, path)
    wb = openpyxl.load_workbook(path)
    segments = wb["Segments"]
    assert segments["B3"].value == text and segments["B3"].data_type == "s"
    assert wb["Paths"]["B2"].value == text and wb["Paths"]["B2"].data_type == "s"
    cards = {row[-1].value: row for row in wb["Cards"].iter_rows(min_row=2)}
    for cell in (cards["pain0"][-2], cards["idea0"][-3]):
        assert cell.value.split("\n")[0] == text and cell.data_type == "s"
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            assert all(c.data_type != "f" for c in row)


def test_forbidden_characters_in_new_cells_are_removed_and_reported(tmp_path):
    journey = add_paths_and_links(build_map({"idea0": "i\x00dea"}), {"p-main": "pa\x0bth"})
    path = tmp_path / "controls.xlsx"
    report = export_excel(journey, path)
    wb = openpyxl.load_workbook(path)
    assert wb["Paths"]["B2"].value == "path"
    cards = {row[-1]: row for row in wb["Cards"].iter_rows(min_row=2, values_only=True)}
    assert cards["pain0"][-2].split("\n")[0] == "idea"
    assert any("removed" in w and "path p-main" in w for w in report.warnings)
