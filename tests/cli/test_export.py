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
        "Map", "Cards", "Stages", "Transitions", "Segments", "Paths"]
    assert f"wrote {pdf}" in out and f"wrote {xlsx}" in out and err == ""


def test_paper_tile_and_language(tmp_path):
    pdf = tmp_path / "tiled.pdf"
    assert main(["export", str(TEMPLATE), "--pdf", str(pdf), "--paper", "a4", "--tile",
                 "--lang", "en"]) == 0
    reader = PdfReader(pdf)
    assert len(reader.pages) > 1 + len(load_journey(TEMPLATE).stages())
    assert round(float(reader.pages[0].mediabox.width)) == 842  # A4 landscape
    text = "".join(page.extract_text() for page in reader.pages)
    assert "row 1 / col 1" in text and "Exit criteria" in text


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
    journey.update_card(journey.card_ids()[0], title="笑顔 \U0001F600")
    source = tmp_path / "emoji.journey"
    save_journey(journey, source)
    assert main(["export", str(source), "--pdf", str(tmp_path / "o.pdf")]) == 0
    captured = capsys.readouterr()
    assert "warning" in captured.err and "U+1F600" in captured.err
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
