"""Transition labels on the poster: no two overlap and no other arc runs through one (issue 11,
item 6: in saas-customer-journey the skip arc ran through the forward arcs' labels). Checked on
every template and a generated workshop map, with the arcs sampled far finer than the placement
samples them."""
from __future__ import annotations

import pytest
from export_maps import workshop_map

from exporters.fonts import char_widths
from exporters.paper import PosterOptions
from exporters.pdf import prepare_poster
from exporters.pdf_poster import PosterPainter
from model.fileformat import load_journey
from model.layout.arcs import arc_point
from model.layout.grid import ARC_BAND_HEIGHT
from resources import TEMPLATES_DIR

TEMPLATES = sorted(p.stem for p in TEMPLATES_DIR.glob("*.journey"))


def _labels(journey):
    poster = prepare_poster(journey, PosterOptions("a3"))
    painter = PosterPainter(None, poster.journey, poster.projection, poster.layout, char_widths(),
                            "")
    return painter.arc_labels()


def _check(arcs) -> int:
    placed = [(arc, p.rect) for arc, text, _, _, p in arcs if text]
    for i, (_, a) in enumerate(placed):
        assert 0 <= a.y and a.bottom <= ARC_BAND_HEIGHT
        for _, b in placed[i + 1:]:
            assert not (a.x < b.right and b.x < a.right and a.y < b.bottom and b.y < a.bottom)
    for arc, *_ in arcs:
        points = [arc_point(arc, k / 400) for k in range(401)]
        for own, rect in placed:
            if own is arc:
                continue
            inside = [p for p in points if rect.x + 0.5 < p[0] < rect.right - 0.5
                      and rect.y + 0.5 < p[1] < rect.bottom - 0.5]
            assert not inside, (rect, inside[:2])
    return len(placed)


@pytest.mark.parametrize("name", TEMPLATES)
def test_template_labels_are_free(name):
    _check(_labels(load_journey(TEMPLATES_DIR / f"{name}.journey")))


def test_the_skip_arc_no_longer_crosses_the_forward_labels():
    arcs = _labels(load_journey(TEMPLATES_DIR / "saas-customer-journey.ja.journey"))
    assert _check(arcs) == 6  # every transition with a trigger keeps a label
    assert all(not placed.crowded for _, text, _, _, placed in arcs if text)


def test_a_workshop_map_with_skip_and_back_arcs():
    assert _check(_labels(workshop_map(300))) >= 5
