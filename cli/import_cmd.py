"""The ``import`` verb: builds a `.journey` map from a workbook, grid sheet, CSV, Mermaid journey
or enablement-map-studio YAML file, prints what it understood, and writes the map atomically.

All or nothing: bad input is one line on stderr with exit 2 and no file written; rows the
importer had to skip stop the import too unless ``--skip-bad`` accepts them (they are then listed
as warnings). An existing output is never replaced without ``--force``. Imports the standard
library, model.*, importers and cli.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import importers
from importers.common import skipped_line
from model.fileformat import load_journey, save_journey

from . import EXIT_USAGE, PROG, one_line, report_error


def add_parser(subparsers) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        "import", help="build a map from Excel, CSV, Mermaid or enablement-map YAML",
        description="Build a .journey map from another file: a workbook exported by this editor "
                    "and edited (xlsx), a plain Excel grid of stages x lanes (grid), a CSV of "
                    "cards (csv), a Mermaid journey diagram (mermaid) or an enablement-map-studio "
                    "YAML file (yaml). Prints what was understood, then writes OUT.journey.")
    parser.add_argument("source", metavar="SOURCE", type=Path, help="the file to import")
    parser.add_argument("output", metavar="OUT.journey", type=Path, help="the map to write")
    parser.add_argument("--format", choices=importers.FORMATS, default=None,
                        help="the source's format (default: guessed from its name and content)")
    parser.add_argument("--base", type=Path, metavar="ORIGINAL.journey", default=None,
                        help="xlsx: the map the workbook was exported from; what the workbook "
                             "does not hold (colours, lane ids and kinds, unknown fields) comes "
                             "from it")
    parser.add_argument("--sheet", default=None, help="grid: the sheet to read (default: the first "
                                                      "sheet with content)")
    parser.add_argument("--skip-bad", action="store_true",
                        help="write the map even when some rows had to be skipped")
    parser.add_argument("--force", action="store_true", help="overwrite an existing OUT.journey")
    return parser


def run(args: argparse.Namespace) -> int:
    if args.output.exists() and not args.force:
        report_error(f"{args.output}: the file exists already; use --force to overwrite it")
        return EXIT_USAGE
    base = load_journey(args.base) if args.base is not None else None
    result = importers.import_file(args.source, args.format, base=base, sheet=args.sheet)
    if result.skipped and not args.skip_bad:
        report_error(f"{args.source}: nothing written: {skipped_line(result.skipped)}; fix these "
                     "rows, or pass --skip-bad to import the rest")
        return EXIT_USAGE
    print(f"{args.source} ({result.format}):")
    for line in result.summary.splitlines():
        print(f"  {line}")
    for warning in result.warnings:
        print(f"{PROG}: warning: {args.source}: {one_line(Exception(warning))}", file=sys.stderr)
    save_journey(result.journey, args.output)
    print(f"wrote {args.output}")
    return 0
