"""Headless rendering: the canvas drawn to PNG/SVG, with the bundled Japanese font."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QFontMetricsF, QImage

from editor.canvas.render import render_image, render_map_svg
from editor.fonts import register_bundled_fonts, scene_font
from model.templates import load_template

ROOT = Path(__file__).resolve().parents[2]


def test_bundled_font_has_the_japanese_glyphs(qapp):
    assert register_bundled_fonts() == "IPAexGothic"
    metrics = QFontMetricsF(scene_font(12))
    for char in "導入積極活用契約更新真実の瞬間":
        assert metrics.inFontUcs4(ord(char)), char


def test_render_japanese_template_draws_the_whole_map(qapp):
    journey = load_template("saas-cs-lifecycle", "ja")
    image = render_image(journey, width=1600)
    assert image.width() == 1600 and image.height() > 800
    colours = {image.pixel(x, y) for x in range(0, 1600, 23) for y in range(0, image.height(), 23)}
    assert len(colours) > 50  # cards, headers, text: far from a blank page


def test_render_verb_writes_a_png(tmp_path):
    out = tmp_path / "map.png"
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "render",
         str(ROOT / "resources/templates/saas-cs-lifecycle.ja.journey"), str(out), "--width", "900"],
        capture_output=True, text=True, timeout=120, env={"QT_QPA_PLATFORM": "offscreen",
                                                          "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert image.width() == 900


def test_render_verb_refuses_a_bad_width(tmp_path):
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "render",
         str(ROOT / "resources/templates/blank.en.journey"), str(tmp_path / "x.png"), "--width", "5"],
        capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert "--width" in result.stderr and "Traceback" not in result.stderr


def test_svg_export_contains_the_text(qapp, tmp_path):
    out = tmp_path / "map.svg"
    render_map_svg(load_template("saas-cs-lifecycle", "en"), out)
    text = out.read_text(encoding="utf-8")
    assert "<svg" in text and "Onboarding" in text
