"""Refresh the UI translations: extract every tr() string from editor/ into the Qt Linguist
sources (resources/translations/journey_<lang>.ts), keeping existing translations, then compile
them to .qm files that the app loads. The file layer's messages (``Message("...")`` templates in
model/, which has no Qt) are extracted too, into the context "FileMessages".

    python scripts/update_translations.py            # lupdate + lrelease
    python scripts/update_translations.py --release  # lrelease only (after editing a .ts)

Translate new entries with Qt Linguist (pyside6-linguist) or any .ts editor, then run --release.
"""
from __future__ import annotations

import argparse
import ast
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("ja",)


def tool(name: str) -> str:
    found = shutil.which(f"pyside6-{name}") or str(Path(sys.executable).with_name(f"pyside6-{name}"))
    if not Path(found).exists():
        sys.exit(f"update_translations: pyside6-{name} not found (install PySide6-Essentials)")
    return found


def message_templates(root: Path = ROOT) -> list[str]:
    """Every template given as a literal to ``Message(...)`` in the Qt-free packages that word
    messages for people (model/, exporters/), sorted, each once."""
    found: set[str] = set()
    sources = [path for package in ("model", "exporters") for path in (root / package).rglob("*.py")]
    for source in sorted(sources):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Message"
                    and node.args and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)):
                found.add(node.args[0].value)
    return sorted(found)


def write_message_source(folder: Path) -> Path:
    """A Python file of translate() calls for lupdate, one per model message template."""
    from model.journey.messages import CONTEXT

    lines = ["from PySide6.QtCore import QCoreApplication"]
    lines += [f"QCoreApplication.translate({json.dumps(CONTEXT)}, "
              f"{json.dumps(template, ensure_ascii=False)})" for template in message_templates()]
    path = folder / "file_messages.py"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--release", action="store_true", help="only compile .ts to .qm")
    args = parser.parse_args()
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "editor").rglob("*.py"))
    with tempfile.TemporaryDirectory() as folder:
        sources.append(str(write_message_source(Path(folder))))
        for language in LANGUAGES:
            ts = TRANSLATIONS / f"journey_{language}.ts"
            if not args.release:
                subprocess.run([tool("lupdate"), "-no-obsolete", "-locations", "none", *sources,
                                "-ts", str(ts)], cwd=ROOT, check=True)
            subprocess.run([tool("lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))],
                           cwd=ROOT, check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
