"""The ``new`` verb: writes a new `.journey` file from a template, never over an existing file
unless asked to. Pure Python; imports the standard library, model.* and cli only.
"""
from __future__ import annotations

import argparse
import os
from collections.abc import Mapping
from pathlib import Path

from cli import EXIT_USAGE, report_error
from model.fileformat import save_journey
from model.templates import BLANK_TEMPLATE, load_template, normalise_language

LANGUAGES = ("ja", "en")
# POSIX precedence. "C"/"POSIX" name no language (containers set LC_ALL=C.UTF-8 only to get
# UTF-8), so they fall through to the next variable instead of forcing English.
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")


def default_language(environ: Mapping[str, str] | None = None) -> str:
    """The language of a new map: ja when the system locale is Japanese, otherwise en."""
    environ = os.environ if environ is None else environ
    for variable in LOCALE_VARIABLES:
        language = normalise_language(environ.get(variable, ""))
        if language and language not in ("c", "posix"):
            return "ja" if language == "ja" else "en"
    return "en"


def add_parser(subparsers) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        "new", help="create a new map from a template",
        description="Write a new .journey file from a bundled template (see the templates command).")
    parser.add_argument("output", metavar="OUT.journey", type=Path, help="the file to write")
    parser.add_argument("--template", default=BLANK_TEMPLATE, metavar="ID",
                        help=f"template id (default: {BLANK_TEMPLATE})")
    parser.add_argument("--lang", choices=LANGUAGES, default=None,
                        help="template language (default: from the system locale)")
    parser.add_argument("--title", default=None, help="title of the new map")
    parser.add_argument("--force", action="store_true", help="overwrite an existing file")
    return parser


def run(args: argparse.Namespace) -> int:
    if args.output.exists() and not args.force:
        report_error(f"{args.output}: the file exists already; use --force to overwrite it")
        return EXIT_USAGE
    language = args.lang or default_language()
    journey = load_template(args.template, language)
    if args.title is not None:
        journey.set_fields(title=args.title)
    save_journey(journey, args.output)
    print(f"Created {args.output} from template {args.template} ({journey.language}): "
          f"{journey.title}")
    return 0
