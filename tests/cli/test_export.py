"""The ``export`` verb: outputs written and read back, errors as one line with exit 2, warnings on
stderr with exit 0, and Qt loaded only for PNG/SVG."""
from __future__ import annotations

import subprocess
import sys
import types
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader

from cli import main
from model.fileformat import load_journey, save_journey
from resources import TEMPLATES_DIR

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = TEMPLATES_DIR / "saas-cs-lifecycle.ja.journey"


def test_pdf_and_xlsx(tmp_path, capsys):
    pdf, xlsx = tmp_path / "map.pdf", tmp_path / "map.xlsx"
    assert main(["export", str(TEMPLATE), "--pdf", str(pdf), "--xlsx", str(xlsx)]) == 0
    out, err = capsys.readouterr()
    stages = len(load_journey(TEMPLATE).stages())
    # the poster, the "Segments & paths" page (the template has both), one page per stage
    assert len(PdfReader(pdf).pages) == 2 + stages
    assert openpyxl.load_workbook(xlsx).sheetnames == [
        "Map", "Cards", "Stages", "Transitions", "Segments", "Paths", "Comments", "Parking lot"]
    assert f"wrote {pdf}" in out and f"wrote {xlsx}" in out and err == ""


def test_paper_tile_and_language(tmp_path):
    pdf = tmp_path / "tiled.pdf"
    assert main(["export", str(TEMPLATE), "--pdf", str(pdf), "--paper", "a4", "--tile",
                 "--lang", "en"]) == 0
    reader = PdfReader(pdf)
    assert len(reader.pages) > 1 + len(load_journey(TEMPLATE).stages())
    assert round(float(reader.pages[0].mediabox.width)) == 842  # A4 landscape
    text = "".join(page.extract_text() for page in reader.pages)
    assert "Page A1: row 1 / column 1" in text and "Exit criteria" in text


def test_nothing_to_write_is_a_usage_error(capsys):
    assert main(["export", str(TEMPLATE)]) == 2
    assert "nothing to write" in capsys.readouterr().err


def test_missing_input_is_one_line_exit_2(tmp_path, capsys):
    assert main(["export", str(tmp_path / "none.journey"), "--pdf", str(tmp_path / "o.pdf")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "none.journey" in err and "Traceback" not in err


@pytest.mark.parametrize("flag", ["--pdf", "--xlsx"])
def test_unwritable_output_is_one_line_exit_2(tmp_path, capsys, flag):
    target = tmp_path / "missing" / "out"
    assert main(["export", str(TEMPLATE), flag, str(target)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(target) in err and "does not exist" in err
    assert not (tmp_path / "missing").exists()


def test_warnings_go_to_stderr_and_exit_0(tmp_path, capsys):
    journey = load_journey(TEMPLATE)
    journey.update_card(journey.card_ids()[0], title="笑顔 \U0001FAE0")  # in no bundled font
    source = tmp_path / "emoji.journey"
    save_journey(journey, source)
    assert main(["export", str(source), "--pdf", str(tmp_path / "o.pdf")]) == 0
    captured = capsys.readouterr()
    assert "warning" in captured.err and "U+1FAE0" in captured.err
    assert "wrote" in captured.out


def test_png_and_svg_use_the_editor_renderer_lazily(tmp_path, monkeypatch, capsys):
    calls = []
    fake = types.ModuleType("editor.canvas.render")
    fake.render_map_png = lambda journey, path, width=None: calls.append(("png", Path(path)))
    fake.render_map_svg = lambda journey, path: calls.append(("svg", Path(path)))
    monkeypatch.setitem(sys.modules, "editor.canvas.render", fake)
    png, svg = tmp_path / "m.png", tmp_path / "m.svg"
    assert main(["export", str(TEMPLATE), "--png", str(png), "--svg", str(svg)]) == 0
    assert calls == [("png", png), ("svg", svg)]


def test_renderer_failure_is_one_line_exit_2(tmp_path, monkeypatch, capsys):
    def fail(journey, path, width=None):
        raise OSError(f"{path}: could not write the PNG image")

    fake = types.ModuleType("editor.canvas.render")
    fake.render_map_png, fake.render_map_svg = fail, fail
    monkeypatch.setitem(sys.modules, "editor.canvas.render", fake)
    assert main(["export", str(TEMPLATE), "--png", str(tmp_path / "m.png")]) == 2
    assert "could not write the PNG image" in capsys.readouterr().err


def test_pdf_and_xlsx_export_loads_no_qt(tmp_path):
    code = ("import sys; from cli import main; "
            f"rc = main(['export', {str(TEMPLATE)!r}, '--pdf', {str(tmp_path / 'o.pdf')!r}, "
            f"'--xlsx', {str(tmp_path / 'o.xlsx')!r}]); "
            "sys.exit(rc or any(m.startswith(('PySide6', 'shiboken6')) for m in sys.modules))")
    assert subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True).returncode == 0


def test_pptx_is_written_and_reads_back(tmp_path, capsys):
    from pptx import Presentation

    target = tmp_path / "slides.pptx"
    assert main(["export", str(TEMPLATE), "--pptx", str(target), "--slides", "4:3"]) == 0
    deck = Presentation(str(target))
    assert deck.slide_width * 3 == deck.slide_height * 4
    text = " ".join(shape.text_frame.text for slide in deck.slides for shape in slide.shapes
                    if shape.has_text_frame)
    assert load_journey(TEMPLATE).title in text
    assert f"wrote {target}" in capsys.readouterr().out


def test_fit_warns_in_one_line_on_stderr(tmp_path, capsys):
    pdf = tmp_path / "fit.pdf"
    assert main(["export", str(TEMPLATE), "--pdf", str(pdf), "--paper", "a4", "--fit"]) == 0
    captured = capsys.readouterr()
    warnings = [line for line in captured.err.splitlines() if "below the minimum" in line]
    assert len(warnings) == 1 and str(pdf) in warnings[0]
    assert "poster on one A4 page" in captured.out


def test_auto_tiles_and_says_so(tmp_path, capsys):
    pdf = tmp_path / "auto.pdf"
    assert main(["export", str(TEMPLATE), "--pdf", str(pdf), "--paper", "a4", "--no-details"]) == 0
    out = capsys.readouterr().out
    assert "after an overview page" in out and "card titles" in out
    reader = PdfReader(pdf)
    assert "A1" in reader.pages[1].extract_text()


def test_custom_paper_and_minimum_size(tmp_path):
    pdf = tmp_path / "plotter.pdf"
    assert main(["export", str(TEMPLATE), "--pdf", str(pdf), "--paper", "900x600mm",
                 "--min-text", "9", "--no-details"]) == 0
    box = PdfReader(pdf).pages[0].mediabox
    assert round(float(box.width) / 72 * 25.4) == 900 and round(float(box.height) / 72 * 25.4) == 600


@pytest.mark.parametrize("args, words", [(["--paper", "letter"], "unknown paper size"),
                                         (["--min-text", "2"], "outside"),
                                         (["--min-text", "big"], "not a number"),
                                         (["--fit", "--tile"], "not allowed with")])
def test_bad_print_options_are_one_usage_error(tmp_path, capsys, args, words):
    assert main(["export", str(TEMPLATE), "--pdf", str(tmp_path / "o.pdf"), *args]) == 2
    assert words in capsys.readouterr().err
    assert not (tmp_path / "o.pdf").exists()


def test_the_workshop_record_as_markdown_and_pdf(tmp_path, capsys):
    """``--record OUT.md|OUT.pdf``, the session's times given or taken from the map."""
    from model import Comment, Participant, VoteRound

    journey = load_journey(TEMPLATE)
    card = journey.card_ids()[0]
    journey.add_participant(Participant("ana", "Ana"))
    journey.set_vote_round(VoteRound(True, 3, started_at="2025-03-14T09:30:00+09:00"))
    journey.add_dot(card, "ana")
    journey.add_comment(Comment("m1", card, "要確認", "ana", "2025-03-14T09:45:00+09:00"))
    source = tmp_path / "workshop.journey"
    save_journey(journey, source)
    markdown, pdf = tmp_path / "record.md", tmp_path / "record.pdf"
    assert main(["export", str(source), "--record", str(markdown)]) == 0
    text = markdown.read_text(encoding="utf-8")
    title = journey.card(card).title
    assert "# ワークショップ記録: " in text and "- **参加者:** Ana" in text
    assert f"| 1 | {title} |" in text and "- 要確認 — Ana, 2025-03-14 09:45 +09:00" in text
    assert "- **所要時間:** 15 分 (09:30–09:45)" in text  # the vote runs: until the last comment
    assert main(["export", str(source), "--record", str(pdf), "--lang", "en",
                 "--record-start", "2025-03-14T09:00+09:00",
                 "--record-end", "2025-03-14T10:30+09:00"]) == 0
    pages = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "Duration: 90 min (09:00–10:30)" in pages and "要確認" in pages
    assert f"wrote {pdf}" in capsys.readouterr().out


def test_a_record_with_another_suffix_is_one_line_exit_2(tmp_path, capsys):
    assert main(["export", str(TEMPLATE), "--record", str(tmp_path / "record.txt")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Markdown (.md) or PDF (.pdf)" in err
