"""The command line and scenarios: ``compare`` (text, --json, names or ids, errors naming the
missing scenario and listing those there are), ``check`` per scenario, ``export --scenario`` and
``--compare`` read back with pypdf and openpyxl. Real files; Qt-free."""
from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader

import main

FIXTURES = Path(__file__).resolve().parents[1] / "model" / "scenarios" / "fixtures"
PAIR_EN, PAIR_JA = FIXTURES / "crafted-pair.en.journey", FIXTURES / "crafted-pair.ja.journey"
SUMMARY_EN = ("As-is → To-be: −2 pain points, +2 ideas, emotion at Renewal −1 → +1, "
              "stage renamed: Adoption → Active use, stage added: Advocacy")


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("before, after", [("as-is", "to-be"), ("As-is", "To-be"),
                                           ("as is", "TO-BE")])
def test_compare_prints_the_summary_and_the_cards(capsys, before, after):
    code, out, err = run(capsys, "compare", PAIR_EN, "--from", before, "--to", after)
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[0] == SUMMARY_EN
    assert "  + [Idea] Renewal / Ideas: Call 120 days ahead" in lines
    assert "  ~ [Idea] Active use / Ideas: Webinar → Monthly webinar (title)" in lines


def test_compare_in_japanese_and_the_default_pair(capsys):
    code, out, _ = run(capsys, "compare", PAIR_JA)
    assert code == 0
    assert out.splitlines()[0] == ("現状 → あるべき姿: 問題点 −2、アイディア +2、契約更新の感情 −1 → +1、"
                                   "ステージ名変更: 積極活用 → 定着、ステージ追加: 推奨")
    code, out, _ = run(capsys, "compare", PAIR_JA, "--from", "あるべき姿", "--to", "現状")
    assert out.startswith("あるべき姿 → 現状: 問題点 +2、アイディア −2、契約更新の感情 +1 → −1")


def test_compare_json(capsys):
    code, out, _ = run(capsys, "compare", PAIR_EN, "--json")
    data = json.loads(out)
    assert code == 0 and data["summary"] == SUMMARY_EN and data["from"] == "As-is"
    assert [c["id"] for c in data["cards"]["added"]] == ["i2", "i3"]
    assert data["cards"]["changed"][0]["fields"] == ["title"]


def test_a_missing_scenario_is_named_with_those_that_exist(capsys):
    code, out, err = run(capsys, "compare", PAIR_EN, "--to", "future")
    assert code == 2 and out == ""
    assert f'{PAIR_EN}: there is no scenario "future"; the file has "As-is" (as-is), "To-be" ' \
           f"(to-be)" in err


def test_a_file_of_one_scenario_cannot_be_compared(capsys, tmp_path):
    one = tmp_path / "one.journey"
    main.main(["new", "--template", "saas-cs-lifecycle", "--lang", "en", str(one)])
    capsys.readouterr()
    code, _, err = run(capsys, "compare", one)
    assert code == 2 and 'has one scenario ("As-is" (as-is)); a comparison needs two' in err


def test_check_reports_each_scenario(capsys):
    code, out, _ = run(capsys, "check", PAIR_EN)
    assert code == 0
    assert "Scenarios: 2" in out and "Scenario: As-is (as-is)" in out
    assert "Scenario: To-be (to-be)" in out
    assert "  Cards: 4 (pain_point 3, idea 1)" in out and "  Cards: 4 (pain_point 1, idea 3)" in out
    code, out, _ = run(capsys, "check", PAIR_EN, "--json")
    data = json.loads(out)
    assert [s["name"] for s in data["scenarios"]] == ["As-is", "To-be"]
    assert data["scenarios"][1]["stages"] == 4


def test_check_json_has_one_shape_for_one_scenario_and_several(capsys, tmp_path):
    """A reader of the one-scenario JSON reads a two-scenario file's current scenario the same
    way, and "scenarios" is there for both."""
    one = tmp_path / "one.journey"
    main.main(["new", "--template", "saas-cs-lifecycle", "--lang", "en", str(one)])
    capsys.readouterr()
    single = json.loads(run(capsys, "check", one, "--json")[1])
    several = json.loads(run(capsys, "check", PAIR_EN, "--json")[1])
    assert set(single) == set(several)
    assert [s["name"] for s in single["scenarios"]] == ["As-is"]
    assert single["current_scenario"] == "as-is" and single["cards"] == single["scenarios"][0]["cards"]
    current = next(s for s in several["scenarios"] if s["scenario"] == several["current_scenario"])
    assert several["cards"] == current["cards"] and several["stages"] == current["stages"]


def test_render_a_chosen_scenario(capsys, tmp_path):
    from PIL import Image

    as_is, to_be = tmp_path / "as-is.png", tmp_path / "to-be.png"
    assert run(capsys, "render", PAIR_EN, as_is, "--scenario", "As-is", "--width", "400")[0] == 0
    assert run(capsys, "render", PAIR_EN, to_be, "--scenario", "to-be", "--width", "400")[0] == 0
    # The to-be journey has one stage more: the same width draws a shorter picture of it.
    assert Image.open(to_be).size[1] != Image.open(as_is).size[1]
    code, _, err = run(capsys, "render", PAIR_EN, tmp_path / "x.png", "--scenario", "Future")
    assert code == 2 and 'there is no scenario "Future"' in err and not (tmp_path / "x.png").exists()


def test_export_a_chosen_scenario_and_a_comparison(capsys, tmp_path):
    pdf, xlsx = tmp_path / "pair.pdf", tmp_path / "pair.xlsx"
    code, out, err = run(capsys, "export", PAIR_EN, "--scenario", "To-be", "--pdf", pdf, "--xlsx",
                         xlsx, "--compare", "as-is", "to-be", "--no-details")
    assert code == 0, err
    reader = PdfReader(pdf)
    poster = reader.pages[0].extract_text()
    assert "Advocacy" in poster and "Active use" in poster  # the to-be scenario's poster
    last = reader.pages[-1].extract_text()
    assert "Compare: As-is → To-be" in last and "Call 120 days ahead" in last
    assert "Webinar → Monthly webinar" in last
    sheet = openpyxl.load_workbook(xlsx)["Compare"]
    assert sheet["A1"].value == "Compare: As-is → To-be" and sheet["A2"].value == SUMMARY_EN
    assert "Compare" in out


def test_export_compare_errors(capsys, tmp_path):
    code, _, err = run(capsys, "export", PAIR_EN, "--csv", tmp_path / "x.csv", "--compare", "a",
                       "b")
    assert code == 2 and "--compare adds a page to --pdf or a sheet to --xlsx" in err
    code, _, err = run(capsys, "export", PAIR_EN, "--pdf", tmp_path / "x.pdf", "--scenario", "x")
    assert code == 2 and 'there is no scenario "x"' in err
    assert not (tmp_path / "x.pdf").exists()
