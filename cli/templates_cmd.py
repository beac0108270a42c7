"""The ``templates`` verb: lists the bundled templates, each id with its title in every language.

Pure Python; imports argparse and model.templates only.
"""
from __future__ import annotations

import argparse
import json

from model.templates import TemplateInfo, list_templates


def add_parser(subparsers) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        "templates", help="list the bundled templates",
        description="List the templates a new map can start from, with their titles per language.")
    parser.add_argument("--json", action="store_true", help="print the list as JSON")
    return parser


def format_table(infos: list[TemplateInfo]) -> list[str]:
    """One line per template file; the id is printed once, on its first language's line."""
    width = max((len(info.id) for info in infos), default=0)
    lines, previous = [], None
    for info in infos:
        shown = info.id if info.id != previous else ""
        lines.append(f"{shown:<{width}}  {info.language:<3} {info.title}".rstrip())
        previous = info.id
    return lines


def as_data(infos: list[TemplateInfo]) -> list[dict]:
    return [{"id": info.id, "language": info.language, "title": info.title,
             "description": info.description} for info in infos]


def run(args: argparse.Namespace) -> int:
    infos = list_templates()
    if args.json:
        print(json.dumps(as_data(infos), ensure_ascii=False, indent=2))
    else:
        print("\n".join(format_table(infos)))
    return 0
