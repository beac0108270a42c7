"""The ``compare`` verb: the difference between two scenarios of a file (as-is → to-be).

Prints the summary ("現状 → あるべき姿: アイディア +7、問題点 −3、契約更新の感情 −1 → +1"),
then the cards added, removed and changed; ``--json`` prints the comparison as data. A scenario
that does not exist is one line naming it and listing those that do (exit 2).
Imports the standard library, model.* and cli.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from cli.check import json_safe, terminal_safe
from cli.scenario_choice import pair
from model.scenarios import load_document
from model.scenarios.compare import compare_scenarios
from model.scenarios.compare_text import comparison_data, detail_lines


def add_parser(subparsers) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        "compare", help="compare two scenarios of a map (as-is and to-be)",
        description="Compare two scenarios of a .journey file: cards added, removed and changed "
                    "per kind, emotion per stage before and after, stages added or removed.")
    parser.add_argument("file", metavar="FILE", type=Path, help="the .journey file")
    parser.add_argument("--from", dest="before", metavar="SCENARIO", default=None,
                        help="the scenario to compare from, by id or name (default: the first)")
    parser.add_argument("--to", dest="after", metavar="SCENARIO", default=None,
                        help="the scenario to compare to, by id or name (default: the next)")
    parser.add_argument("--json", action="store_true", help="print the comparison as JSON")
    return parser


def run(args: argparse.Namespace) -> int:
    scenarios = load_document(args.file)
    before, after = pair(scenarios, args.before, args.after, args.file)
    comparison = compare_scenarios(before, after)
    if args.json:
        data = {"file": str(args.file), **comparison_data(comparison)}
        print(json_safe(json.dumps(data, ensure_ascii=False, indent=2)))
    else:
        print("\n".join(terminal_safe(line) for line in detail_lines(comparison)))
    return 0
