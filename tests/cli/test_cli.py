"""The command line: templates, new, check, --version, --help, and errors as one line on stderr.

Most tests call ``main.main([...])`` in-process; a few run ``python main.py`` for real, in a
locale that cannot print Japanese, to prove the output is UTF-8 and no traceback escapes."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

import cli
import main
from model import JourneyFileError
from model.fileformat import load_journey
from model.templates import list_templates, load_template
from resources import TEMPLATES_DIR

ROOT = Path(__file__).resolve().parents[2]
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
LIFECYCLE = TEMPLATES_DIR / "saas-cs-lifecycle.en.journey"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_line_error(err: str, *fragments: str) -> None:
    assert err.count("\n") == 1 and err.endswith("\n"), err
    assert "Traceback" not in err
    for fragment in fragments:
        assert fragment in err


@pytest.fixture
def english_locale(monkeypatch):
    for variable in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "en_US.UTF-8")


# ------------------------------------------------------------------ templates
def test_templates_lists_every_id_with_both_titles(capsys):
    code, out, err = run(capsys, "templates")
    assert code == 0 and err == ""
    for info in list_templates():
        assert info.id in out and info.title in out
    assert "SaaSカスタマーライフサイクル" in out


def test_templates_json(capsys):
    code, out, _ = run(capsys, "templates", "--json")
    rows = json.loads(out)
    assert code == 0 and {(r["id"], r["language"]) for r in rows} >= {("blank", "ja"), ("blank", "en")}


# ------------------------------------------------------------------ new
def test_new_writes_a_loadable_map(tmp_path, capsys):
    out_file = tmp_path / "lifecycle.journey"
    code, out, err = run(capsys, "new", out_file, "--template", "saas-cs-lifecycle", "--lang", "ja")
    assert code == 0 and err == "" and str(out_file) in out
    assert load_journey(out_file) == load_template("saas-cs-lifecycle", "ja")


def test_new_defaults_to_the_blank_template_in_english(tmp_path, capsys, english_locale):
    assert run(capsys, "new", tmp_path / "m.journey")[0] == 0
    assert load_journey(tmp_path / "m.journey") == load_template("blank", "en")


@pytest.mark.parametrize(("environment", "language"), [
    ({"LANG": "ja_JP.UTF-8"}, "ja"), ({"LANG": "C.UTF-8"}, "en"), ({}, "en"),
    ({"LC_ALL": "C.UTF-8", "LANG": "ja_JP.UTF-8"}, "ja"),
    ({"LC_ALL": "en_GB.UTF-8", "LANG": "ja_JP.UTF-8"}, "en"),
])
def test_new_takes_the_default_language_from_the_locale(tmp_path, capsys, monkeypatch,
                                                         environment, language):
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(variable, raising=False)
    for variable, value in environment.items():
        monkeypatch.setenv(variable, value)
    assert run(capsys, "new", tmp_path / "m.journey")[0] == 0
    assert load_journey(tmp_path / "m.journey").language == language


def test_new_sets_the_title(tmp_path, capsys):
    run(capsys, "new", tmp_path / "m.journey", "--title", "顧客の旅", "--lang", "en")
    assert load_journey(tmp_path / "m.journey").title == "顧客の旅"


def test_new_refuses_to_overwrite(tmp_path, capsys):
    out_file = tmp_path / "m.journey"
    out_file.write_text("precious", encoding="utf-8")
    code, out, err = run(capsys, "new", out_file)
    assert code == 2 and out == ""
    assert_one_line_error(err, str(out_file), "--force")
    assert out_file.read_text(encoding="utf-8") == "precious"


def test_new_force_overwrites(tmp_path, capsys):
    out_file = tmp_path / "m.journey"
    out_file.write_text("old", encoding="utf-8")
    assert run(capsys, "new", out_file, "--force", "--template", "cs-design-worksheet")[0] == 0
    assert load_journey(out_file) == load_template("cs-design-worksheet", load_journey(out_file).language)


def test_new_unknown_template_exits_2_with_one_line(tmp_path, capsys):
    code, out, err = run(capsys, "new", tmp_path / "m.journey", "--template", "nope")
    assert code == 2 and out == ""
    assert_one_line_error(err, "nope", "blank", "saas-cs-lifecycle")
    assert not (tmp_path / "m.journey").exists()


def test_new_unknown_language_is_a_usage_error(tmp_path, capsys):
    code, _, err = run(capsys, "new", tmp_path / "m.journey", "--lang", "fr")
    assert code == 2 and "--lang" in err and "Traceback" not in err


def test_new_failed_write_is_one_line(tmp_path, capsys, monkeypatch):
    def refuse(journey, path):
        raise PermissionError(13, "Permission denied", str(path))
    monkeypatch.setattr("cli.new.save_journey", refuse)
    code, _, err = run(capsys, "new", tmp_path / "m.journey")
    assert code == 1
    assert_one_line_error(err, "Permission denied", "m.journey")


# ------------------------------------------------------------------ check
def test_check_valid_file_prints_counts(capsys):
    journey = load_journey(LIFECYCLE)
    code, out, err = run(capsys, "check", LIFECYCLE)
    assert code == 0 and err == ""
    assert f"Title: {journey.title}" in out
    assert f"Stages: {len(journey.stage_ids())}\n" in out and f"Lanes: {len(journey.lane_ids())}\n" in out
    assert f"Cards: {journey.card_count()} (" in out and "touchpoint " in out
    assert f"Transitions: {len(journey.transitions())} (" in out and "back 1" in out
    assert "Loop (informational): Adoption → Renewal → Adoption" in out
    assert "Findings: none" in out


def test_check_json_matches_the_map(capsys):
    journey = load_journey(LIFECYCLE)
    code, out, _ = run(capsys, "check", LIFECYCLE, "--json")
    summary = json.loads(out)
    assert code == 0 and summary["valid"] is True and summary["title"] == journey.title
    assert summary["stages"] == len(journey.stage_ids())
    assert summary["cards"]["total"] == journey.card_count() == sum(summary["cards"]["by_kind"].values())
    assert summary["transitions"]["by_kind"]["back"] == 1
    assert summary["loops"] == [["st-adoption", "st-renewal"]] and summary["findings"] == []
    assert set(summary) >= {"segments", "paths", "links", "unreachable_stages", "dead_ends"}


def test_check_reports_findings_but_still_succeeds(tmp_path, capsys):
    blank = tmp_path / "blank.journey"
    data = json.loads((TEMPLATES_DIR / "blank.en.journey").read_text(encoding="utf-8"))
    data["transitions"] = data["transitions"][:1]  # stage 2 becomes a dead end, stage 3 unreachable
    blank.write_text(json.dumps(data), encoding="utf-8")
    code, out, _ = run(capsys, "check", blank)
    assert code == 0
    assert "[dead_end]" in out and "[unreachable_stage]" in out
    summary = json.loads(run(capsys, "check", blank, "--json")[1])
    assert summary["dead_ends"] == ["st-2"] and summary["unreachable_stages"] == ["st-3"]


@pytest.mark.parametrize("template", sorted(p.name for p in TEMPLATES_DIR.glob("*.journey")))
def test_check_finds_nothing_wrong_in_any_template(capsys, template):
    code, out, _ = run(capsys, "check", TEMPLATES_DIR / template, "--json")
    assert code == 0
    summary = json.loads(out)
    assert summary["findings"] == [] and summary["unreachable_stages"] == []
    assert summary["dead_ends"] == []


def test_check_reports_every_kind_of_finding_on_a_crafted_map(tmp_path, capsys):
    data = json.loads(LIFECYCLE.read_text(encoding="utf-8"))
    first, second, last = data["stages"][0]["id"], data["stages"][1]["id"], data["stages"][-1]["id"]
    # The second stage: no way in and no way out; the first: no exit criteria, no touchpoints.
    data["transitions"] = [t for t in data["transitions"] if second not in (t["source"], t["target"])]
    data["stages"][0]["exit_criteria"] = []
    data["cards"] = [c for c in data["cards"] if not (c["stage"] == first and c["kind"] == "touchpoint")]
    next(c for c in data["cards"] if c["kind"] == "moment_of_truth")["owner"] = ""
    data["links"] = []
    broken = tmp_path / "broken.journey"
    broken.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    summary = json.loads(run(capsys, "check", broken, "--json")[1])
    kinds = {finding["kind"] for finding in summary["findings"]}
    assert kinds == {"unreachable_stage", "dead_end", "no_touchpoint", "no_exit_criteria",
                     "moment_without_owner", "pain_point_without_idea"}
    assert last not in summary["dead_ends"]


def broken_files(tmp_path: Path) -> dict[str, Path]:
    data = json.loads(LIFECYCLE.read_text(encoding="utf-8"))
    data["cards"][0]["stage"] = "st-ghost"
    files = {"not json": ("{ this is not json", "utf-8"), "ghost stage": (json.dumps(data), "utf-8"),
             "empty": ("", "utf-8"), "not utf-8": ('{"map": {"title": "\u00e9"}}', "latin-1")}
    paths = {}
    for name, (text, encoding) in files.items():
        paths[name] = tmp_path / f"{name.replace(' ', '-')}.journey"
        paths[name].write_text(text, encoding=encoding)
    paths["missing"] = tmp_path / "missing.journey"
    return paths


@pytest.mark.parametrize("case", ["not json", "ghost stage", "empty", "not utf-8", "missing"])
def test_check_broken_file_exits_2_with_one_line(tmp_path, capsys, case):
    path = broken_files(tmp_path)[case]
    for extra in ([], ["--json"]):
        code, out, err = run(capsys, "check", path, *extra)
        assert code == 2 and out == ""
        assert_one_line_error(err, str(path))
    if case == "ghost stage":
        assert "st-ghost" in err or "cards[0]" in err


def test_check_model_errors_name_the_file(tmp_path, monkeypatch):
    from model.journey.errors import ModelError
    monkeypatch.setattr("cli.check.load_journey", lambda path: (_ for _ in ()).throw(ModelError("bad")))
    with pytest.raises(JourneyFileError, match="x.journey: bad"):
        cli.check.load_checked(tmp_path / "x.journey")


def test_interrupt_exits_130(capsys, monkeypatch):
    def interrupted(path):
        raise KeyboardInterrupt
    monkeypatch.setattr("cli.check.load_checked_document", interrupted)
    assert run(capsys, "check", LIFECYCLE)[0] == 130


# ------------------------------------------------------------------ options, verbs, dispatch
def test_version(capsys):
    code, out, _ = run(capsys, "--version")
    assert code == 0 and out.strip() == f"Journey Map Editor {VERSION}" == "Journey Map Editor 0.1.0"


@pytest.mark.parametrize("option", ["--help", "-h"])
def test_help_lists_the_verbs(capsys, option):
    code, out, _ = run(capsys, option)
    assert code == 0 and all(verb in out for verb in ("templates", "new", "check"))


def test_verb_help(capsys):
    code, out, _ = run(capsys, "new", "--help")
    assert code == 0 and "--template" in out and "--force" in out


@pytest.mark.parametrize("argv", [["frobnicate"], ["check"], ["--bogus"], ["new", "a", "b"]])
def test_usage_errors_exit_2(capsys, argv):
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == "" and "Traceback" not in err and err


def test_missing_verb_modules_are_skipped(monkeypatch):
    monkeypatch.setattr(cli, "VERB_MODULES", ("templates_cmd", "no_such_verb", "check"))
    assert cli.verb_names() == {"templates", "check"}


def test_documents_and_nothing_open_the_editor(monkeypatch):
    opened = []
    monkeypatch.setattr(main, "run_editor", lambda paths: opened.append(paths) or 0)
    assert main.main([]) == 0 and main.main(["a.journey", "b.journey"]) == 0
    assert opened == [[], ["a.journey", "b.journey"]]
    assert main.wants_cli(["check"]) and main.wants_cli(["-h"]) and main.wants_cli(["chek"])
    assert not main.wants_cli(["maps/workshop"]) and not main.wants_cli([str(LIFECYCLE)])


# ------------------------------------------------------------------ real processes
def run_process(*argv: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONIOENCODING": "ascii", "LANG": "C", "LC_ALL": "C"}
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *argv], cwd=ROOT, env=env,
                          capture_output=True, timeout=120)


def test_process_prints_japanese_in_utf8_whatever_the_locale():
    result = run_process("templates")
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    assert "新しいジャーニーマップ" in result.stdout.decode("utf-8")


def test_process_broken_file_gives_one_line_and_no_traceback(tmp_path):
    path = broken_files(tmp_path)["ghost stage"]
    result = run_process("check", str(path))
    err = result.stderr.decode("utf-8")
    assert result.returncode == 2 and result.stdout == b""
    assert_one_line_error(err, str(path))
