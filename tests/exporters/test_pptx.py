"""The PowerPoint export, reopened with python-pptx: the slides, the map's native shapes, every
card at a readable size on its stage's slides, and the Japanese font on every text run."""
from __future__ import annotations

import shutil
import subprocess

import pytest
from export_maps import build_map, workshop_map
from export_readback import squash
from pptx import Presentation
from pptx.oxml.ns import qn
from pptx.util import Pt

from exporters import export_pptx
from exporters.pptx_shapes import EAST_ASIAN_FONT
from exporters.projection import KIND_MARKS


@pytest.fixture(scope="module")
def deck(tmp_path_factory, template_map):
    path = tmp_path_factory.mktemp("pptx") / "lifecycle.pptx"
    report = export_pptx(template_map, path)
    return Presentation(str(path)), report


def _texts(slide) -> list[str]:
    return [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]


def _runs(deck):
    for slide in deck.slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                for paragraph in shape.text_frame.paragraphs:
                    yield from paragraph.runs


def test_title_slide_then_the_map_then_the_stages(deck, template_map):
    deck, report = deck
    assert report.pages == len(deck.slides) >= 2 + len(template_map.stages())
    assert report.warnings == []
    assert deck.slide_width * 9 == deck.slide_height * 16
    title = " ".join(_texts(deck.slides[0]))
    assert template_map.title in title and template_map.description[:20] in title
    for number, stage in enumerate(template_map.stages(), start=1):
        heads = [t for slide in list(deck.slides)[2:] for t in _texts(slide)
                 if t.startswith(f"{number}. ")]
        assert heads and heads[0].startswith(f"{number}. {stage.name}")


def test_the_map_slide_is_native_shapes(deck, template_map):
    deck, _ = deck
    shapes = {shape.name: shape for shape in deck.slides[1].shapes}
    for card in template_map.cards():
        shape = shapes[f"Card {card.id}"]
        assert shape.auto_shape_type is not None and "ROUNDED_RECTANGLE" in str(shape.auto_shape_type)
        assert squash(shape.text_frame.text).startswith(squash(KIND_MARKS[card.kind]))
    for stage in template_map.stages():
        assert squash(shapes[f"Stage {stage.id}"].text_frame.text) == squash(stage.name)
    for transition in template_map.transitions():
        assert f"Transition {transition.id}" in shapes  # a freeform arc with an arrowhead


def test_every_card_is_on_its_stage_slides_at_a_readable_size(deck, template_map):
    deck, _ = deck
    cards = {shape.name: shape for slide in list(deck.slides)[2:] for shape in slide.shapes
             if shape.name.startswith("Card ")}
    assert len(cards) == len(template_map.cards())
    for card in template_map.cards():
        shape = cards[f"Card {card.id}"]
        first = shape.text_frame.paragraphs[0]
        assert squash(first.runs[0].text).rstrip("…")[:12] in squash(f"{KIND_MARKS[card.kind]}{card.title}")
        assert first.runs[0].font.size >= Pt(11)


def test_every_run_has_the_east_asian_font(deck):
    deck, _ = deck
    runs = list(_runs(deck))
    assert runs
    for run in runs:
        rpr = run._r.find(qn("a:rPr"))
        ea = rpr.find(qn("a:ea"))
        assert ea is not None and ea.get("typeface") == EAST_ASIAN_FONT, run.text
        assert rpr.find(qn("a:latin")).get("typeface")


def test_a_crowded_stage_continues_on_more_slides(tmp_path):
    journey = build_map(stages=2, cards_per_cell=8)
    path = tmp_path / "crowded.pptx"
    export_pptx(journey, path, aspect="4:3")
    deck = Presentation(str(path))
    heads = [t for slide in list(deck.slides)[2:] for t in _texts(slide) if t.startswith("1. ")]
    assert len(heads) >= 2 and heads[1].endswith("(…)")
    names = [shape.name for slide in deck.slides for shape in slide.shapes]
    assert sum(name.startswith("Card ") for name in names) == 2 * len(journey.cards())


def test_hostile_text_is_cleaned_and_reported(tmp_path):
    path = tmp_path / "hostile.pptx"
    report = export_pptx(build_map({"tp0": "a\x00b\u200bc\x1bd"}), path)
    texts = " ".join(t for slide in Presentation(str(path)).slides for t in _texts(slide))
    assert "abcd" in texts
    assert any("card tp0 title" in w for w in report.warnings)


def test_a_300_card_map_exports_every_card_twice(tmp_path):
    # (2,000 cards take python-pptx about 15 s: benchmarks/bench_exports.py times them)
    path = tmp_path / "big.pptx"
    report = export_pptx(workshop_map(300), path)
    deck = Presentation(str(path))
    names = [shape.name for slide in deck.slides for shape in slide.shapes]
    assert report.pages == len(deck.slides) > 10
    assert sum(name.startswith("Card ") for name in names) == 2 * 300


def test_bad_aspect_and_progress(tmp_path):
    with pytest.raises(ValueError, match="slide shape"):
        export_pptx(build_map(), tmp_path / "x.pptx", aspect="1:1")
    calls = []
    export_pptx(build_map(), tmp_path / "p.pptx", progress=lambda d, t: calls.append((d, t)))
    assert calls[0][0] == 0 and calls[-1][0] == calls[-1][1]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_opens_the_slides(tmp_path, template_map):
    from pypdf import PdfReader

    path = tmp_path / "deck.pptx"
    report = export_pptx(template_map, path)
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/lo", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
                   check=True, capture_output=True, timeout=180)
    reader = PdfReader(tmp_path / "deck.pdf")
    assert len(reader.pages) == report.pages
    assert squash(template_map.stages()[0].name) in squash(reader.pages[2].extract_text())


def test_the_map_slide_places_arc_labels_apart_as_the_poster_does(tmp_path):
    """Transition labels on the map slide: one per transition with a trigger, none overlapping
    another (the slides used a single pass before: crowded labels could sit on each other)."""
    journey = workshop_map(300)
    path = tmp_path / "arcs.pptx"
    export_pptx(journey, path)
    slide = Presentation(str(path)).slides[1]
    arcs = [s for s in slide.shapes if s.name.startswith("Transition ") and "label" not in s.name]
    assert len(arcs) == len(journey.transitions())
    labels = {s.name.removeprefix("Transition label "): s for s in slide.shapes
              if s.name.startswith("Transition label ")}
    worded = {t.id for t in journey.transitions() if t.trigger or t.conversion_rate is not None}
    assert set(labels) == worded and len(worded) >= 8
    assert labels["t-s1-s2"].text_frame.text == "契約締結 80%"
    labels = list(labels.values())
    boxes = [(s.left, s.top, s.left + s.width, s.top + s.height) for s in labels]
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]), (a, b)
