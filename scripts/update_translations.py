"""Refresh the UI translations: extract every tr() string from editor/ into the Qt Linguist
sources (resources/translations/journey_<lang>.ts), keeping existing translations, then compile
them to .qm files that the app loads.

    python scripts/update_translations.py            # lupdate + lrelease
    python scripts/update_translations.py --release  # lrelease only (after editing a .ts)

Translate new entries with Qt Linguist (pyside6-linguist) or any .ts editor, then run --release.
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("ja",)


def tool(name: str) -> str:
    found = shutil.which(f"pyside6-{name}") or str(Path(sys.executable).with_name(f"pyside6-{name}"))
    if not Path(found).exists():
        sys.exit(f"update_translations: pyside6-{name} not found (install PySide6-Essentials)")
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--release", action="store_true", help="only compile .ts to .qm")
    args = parser.parse_args()
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "editor").rglob("*.py"))
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
