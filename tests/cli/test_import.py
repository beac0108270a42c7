"""The ``import`` verb: the summary on stdout, the map written atomically, bad input as one
stderr line with exit 2 and nothing written, skipped rows only with --skip-bad, no overwrite
without --force; and ``export --csv/--mermaid``."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from cli import main
from model.fileformat import load_journey
from resources import TEMPLATES_DIR

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = TEMPLATES_DIR / "saas-cs-lifecycle.ja.journey"


def test_export_then_import_each_format(tmp_path, capsys):
    xlsx, csv_file, mmd = tmp_path / "m.xlsx", tmp_path / "m.csv", tmp_path / "m.mmd"
    assert main(["export", str(TEMPLATE), "--xlsx", str(xlsx), "--csv", str(csv_file),
                 "--mermaid", str(mmd)]) == 0
    out, err = capsys.readouterr()
    assert f"wrote {csv_file}" in out and f"wrote {mmd}" in out
    assert "Mermaid journey cannot hold" in err and "cards only" in err
    for source, fmt in ((xlsx, "xlsx"), (csv_file, "csv"), (mmd, "mermaid")):
        target = tmp_path / f"{fmt}.journey"
        assert main(["import", str(source), str(target)]) == 0
        out = capsys.readouterr().out
        assert f"{source} ({fmt}):" in out and f"wrote {target}" in out
        assert load_journey(target).card_count() == load_journey(TEMPLATE).card_count()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_base_keeps_the_original_exactly(tmp_path, capsys):
    xlsx, target = tmp_path / "m.xlsx", tmp_path / "back.journey"
    assert main(["export", str(TEMPLATE), "--xlsx", str(xlsx)]) == 0
    assert main(["import", str(xlsx), str(target), "--base", str(TEMPLATE)]) == 0
    assert "no changes to cards" in capsys.readouterr().out
    assert load_journey(target) == load_journey(TEMPLATE)


def test_bad_input_is_one_line_and_writes_nothing(tmp_path, capsys):
    source, target = tmp_path / "flow.mmd", tmp_path / "out.journey"
    source.write_text("flowchart LR\n  A --> B\n", encoding="utf-8")
    assert main(["import", str(source), str(target)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(source) in err and "not a Mermaid journey" in err
    assert not target.exists()


def test_skipped_rows_need_skip_bad(tmp_path, capsys):
    source, target = tmp_path / "c.csv", tmp_path / "out.journey"
    source.write_text("stage,lane,kind,title\nA,B,,ok\nA,B,what,bad\n", encoding="utf-8")
    assert main(["import", str(source), str(target)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "row 3: unknown kind" in err and "--skip-bad" in err
    assert not target.exists()
    assert main(["import", str(source), str(target), "--skip-bad"]) == 0
    out = capsys.readouterr().out
    assert "skipped 1: row 3" in out and load_journey(target).card_count() == 1


def test_existing_output_needs_force(tmp_path, capsys):
    source, target = tmp_path / "c.csv", tmp_path / "out.journey"
    source.write_text("stage,lane,title\nA,B,ok\n", encoding="utf-8")
    target.write_text("keep me", encoding="utf-8")
    assert main(["import", str(source), str(target)]) == 2
    assert "--force" in capsys.readouterr().err and target.read_text() == "keep me"
    assert main(["import", str(source), str(target), "--force"]) == 0
    assert load_journey(target).card_count() == 1


def test_main_py_runs_the_verb(tmp_path):
    source, target = tmp_path / "j.mmd", tmp_path / "j.journey"
    source.write_text("journey\n  title 初日\n  section 導入\n    ログインする: 4: 担当者\n",
                      encoding="utf-8")
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "import", str(source),
                             str(target), "--format", "mermaid"], capture_output=True,
                            text=True, timeout=120, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert "1 stage, 2 lanes, 1 card, 1 segment" in result.stdout
    assert load_journey(target).title == "初日"
