"""The ``render`` verb: draws a map to a PNG exactly as the canvas does, headless (offscreen Qt);
the file's current scenario or ``--scenario NAME``.

Imports Qt lazily inside ``run`` so the rest of the command line stays Qt-free.
"""
from __future__ import annotations

import argparse
from pathlib import Path

from cli.scenario_choice import pick
from model.scenarios import load_document


def _width(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if not 16 <= value <= 12000:
        raise argparse.ArgumentTypeError(f"must be between 16 and 12000 pixels, not {value}")
    return value


def add_parser(subparsers) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        "render", help="draw a map to a PNG image as the canvas shows it",
        description="Render the whole map to a PNG, offscreen, with the canvas's own drawing.")
    parser.add_argument("file", metavar="FILE", type=Path, help="the .journey file to draw")
    parser.add_argument("output", metavar="OUT.png", type=Path, help="where to write the PNG")
    parser.add_argument("--width", type=_width, default=None, metavar="PX",
                        help="image width in pixels (default: 1.5 pixels per point)")
    parser.add_argument("--scenario", metavar="NAME", default=None,
                        help="the scenario to draw, by id or name (default: the file's current "
                             "scenario)")
    return parser


def run(args: argparse.Namespace) -> int:
    scenarios = load_document(args.file)
    journey = pick(scenarios, args.scenario, args.file).journey if args.scenario \
        else scenarios.journey
    from editor.canvas.render import render_map_png  # Qt only now that it is needed

    render_map_png(journey, args.output, args.width)
    print(f"wrote {args.output}")
    return 0
