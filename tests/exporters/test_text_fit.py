"""Long text without spaces stays inside its box: on the poster (layout lines) and on the detail
pages (platypus lines), measured with the embedded font's own metrics."""
from __future__ import annotations

from export_maps import build_map

from exporters.fonts import char_widths, missing_glyphs, register_fonts
from exporters.labels import labels_for
from exporters.pdf_details import DetailPages
from exporters.projection import Projection
from model.layout import grid as geo

LONG_TITLE = "導入後六十日以内にオンボーディングを完了させるための初期設定支援" * 4
LONG_DETAILS = "契約後すぐに担当者が変わった場合でも引継ぎ資料で説明を繰り返さないようにする" * 60


def _long_map():
    journey = build_map()
    journey.update_card("tp0", title=LONG_TITLE, details=LONG_DETAILS,
                        owner="https://example.com/" + "x" * 300)
    return journey


def test_poster_card_lines_fit_the_card():
    journey = _long_map()
    widths = char_widths()
    layout = geo.compute_layout(journey, geo.CardSizer(widths))
    box = layout.cards["tp0"]
    assert len(box.title_lines) > 3
    for line in box.title_lines:
        assert widths.text(line, geo.TITLE_SIZE) <= geo.CARD_WIDTH - 2 * geo.CARD_PADDING + 0.01


def test_detail_paragraph_lines_fit_the_column():
    register_fonts()
    projection = Projection(_long_map())
    width = 300
    pages = DetailPages(projection, labels_for("ja"), "ja", width)
    row = next(r for r in projection.rows if r.card.id == "tp0")
    paragraphs = [f for f in pages.card(row)._content if hasattr(f, "getPlainText")]
    assert len(paragraphs) >= 3
    for paragraph in paragraphs:
        paragraph.wrap(width, 10_000)
        lines = paragraph.blPara.lines
        assert all(line.extraSpace >= -0.01 for line in lines), paragraph.getPlainText()[:40]


def test_export_markup_characters_exist_in_the_font():
    # The exporter's own separators and bullets must never print as empty boxes.
    assert missing_glyphs([("markup", "│・●■→、·▲…—×「」")]) == {}


def test_every_label_exists_in_the_font():
    from exporters.labels import LABELS

    assert missing_glyphs([(f"{lang} {key}", text) for lang, table in LABELS.items()
                           for key, text in table.items()]) == {}


def test_template_characters_exist_in_the_font(template_map):
    texts = [("card", c.title + c.details) for c in template_map.cards()]
    assert missing_glyphs(texts) == {}
