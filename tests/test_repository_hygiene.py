"""Issue 10, item 23: the README's commands are safe to follow and the repository stays clean.

CI runs the README's test command in a venv of its own (a developer's .venv survives it); the
start command cannot make Save overwrite the tracked example; lock and temporary files of a map
opened inside the repository are ignored by git.
"""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def fenced_commands(text: str) -> list[str]:
    return [line.strip() for block in re.findall(r"```sh\n(.*?)```", text, re.S)
            for line in block.splitlines() if line.strip() and not line.startswith("#")]


def test_ci_keeps_the_developers_venv_and_runs_the_readme_test_command():
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert not re.search(r"rm\s+-rf\s+\.venv\b", script)
    readme_test = next(c for c in fenced_commands(README) if "pytest" in c)
    assert readme_test.replace(".venv", ".ci/venv") in script


def test_the_start_command_opens_a_copy_not_the_tracked_example():
    start = next(c for c in fenced_commands(README) if "main.py" in c and "pytest" not in c)
    opened = start.split("main.py", 1)[1].split()[0]
    assert not opened.startswith("resources/"), start
    tracked = subprocess.run(["git", "ls-files", "resources/examples"], cwd=ROOT, text=True,
                             capture_output=True).stdout.split()
    assert opened not in tracked


@pytest.mark.skipif(shutil.which("git") is None or not (ROOT / ".git").exists(),
                    reason="needs the git checkout")
@pytest.mark.parametrize("name", [
    "resources/examples/.workshop.ja.journey.lock",          # the lock beside an open map
    "resources/examples/.workshop.ja.journey.0a1b2c3d.tmp",  # a save's temporary file
    ".workshop.journey.lock.rmlock",                         # QLockFile's removal marker
    ".ci/venv/bin/python",                                   # CI's own venv
])
def test_lock_temporary_and_ci_files_are_ignored(name):
    assert subprocess.run(["git", "check-ignore", "-q", name], cwd=ROOT).returncode == 0
