"""The ``export`` verb: writes a map as a PDF poster, an Excel workbook, PowerPoint slides,
PNG/SVG pictures and the workshop record (Markdown or PDF); of the file's current scenario or
``--scenario NAME``, with ``--compare A B`` adding a comparison page (PDF) or sheet (Excel).

PDF, Excel and PowerPoint come from the Qt-free exporters; PNG and SVG from the editor's headless
renderer, imported only when asked for, so the verb runs without Qt otherwise. A failed export or
a bad option is one line on stderr and exit 2; warnings (missing glyphs, text below the minimum
size, cut text) go to stderr one line each and still exit 0.
Imports the standard library, model.*, exporters and cli; editor.canvas.render lazily.
"""
from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path

import exporters
from cli import EXIT_USAGE, PROG, one_line, report_error
from cli.scenario_choice import pair, pick
from exporters import ExportError, ExportReport
from exporters.paper import (
    DEFAULT_MIN_TEXT,
    MIN_TEXT_RANGE,
    PAPER_NAMES,
    SECONDARY_RATIO,
    PaperError,
    paper_size,
)
from model.journey.journey_map import JourneyMap
from model.scenarios import load_document
from model.scenarios.compare import compare_scenarios

FORMATS = ("pdf", "xlsx", "png", "svg", "csv", "mermaid")
SLIDES = ("pptx",)  # PowerPoint: its own tuple, so formats added to FORMATS merge cleanly
RECORDS = ("record",)  # the workshop record (issue 14): Markdown or PDF by the suffix
SUFFIXES = {"mermaid": "mmd"}


def add_parser(subparsers) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        "export", help="export a map as a PDF poster, Excel workbook, PNG or SVG",
        description="Export a .journey map for sharing. Give one or more outputs. PDF and Excel "
                    "need no display; PNG and SVG are drawn by the editor's canvas (needs Qt).")
    parser.add_argument("file", metavar="FILE", type=Path, help="the .journey file to export")
    for name in FORMATS:
        parser.add_argument(f"--{name}", type=Path, metavar=f"OUT.{SUFFIXES.get(name, name)}",
                            help=f"write a {name.upper()} file here")
    _add_print_options(parser)
    parser.add_argument("--lang", choices=("ja", "en"), default=None,
                        help="language of the export headings (default: the map's language)")
    _add_record_options(parser)
    _add_scenario_options(parser)
    return parser


def _add_scenario_options(parser: argparse.ArgumentParser) -> None:
    """Scenarios (issue 16): which one to export, and a comparison of two."""
    parser.add_argument("--scenario", metavar="NAME", default=None,
                        help="the scenario to export, by id or name (default: the file's current "
                             "scenario)")
    parser.add_argument("--compare", nargs=2, metavar=("A", "B"), default=None,
                        help="add a comparison of scenario A to scenario B: a comparison page in "
                             "the PDF, a \"Compare\" sheet in the workbook")


def _add_record_options(parser: argparse.ArgumentParser) -> None:
    """The workshop record (issue 14): a summary of the session as Markdown or PDF."""
    parser.add_argument("--record", type=Path, metavar="OUT.md|OUT.pdf",
                        help="write the workshop record here: the map, date and duration, "
                             "participants, vote ranking, comments and parking lot")
    for end in ("start", "end"):
        parser.add_argument(f"--record-{end}", type=_time, metavar="TIME", default=None,
                            help=f"when the session {'began' if end == 'start' else 'ended'} "
                                 "(ISO 8601, e.g. 2025-03-14T09:30+09:00; default: from the "
                                 "vote's and private round's times)")


def _time(value: str) -> datetime:
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO 8601 time: {value!r}") from None


def _add_print_options(parser: argparse.ArgumentParser) -> None:
    """The PowerPoint output and the PDF poster's print options (issue 11)."""
    parser.add_argument("--pptx", type=Path, metavar="OUT.pptx",
                        help="write PowerPoint slides here (the map, then a slide per stage)")
    parser.add_argument("--paper", type=_paper, default="a3",
                        help=f"paper of the PDF poster and the workbook: {', '.join(PAPER_NAMES)} "
                             "(landscape) or a custom size such as 900x600mm (default: a3)")
    layout = parser.add_mutually_exclusive_group()
    layout.add_argument("--fit", action="store_true",
                        help="force the poster onto one page (warns when text gets smaller than "
                             "the minimum); by default it tiles over pages when it must")
    layout.add_argument("--tile", action="store_true",
                        help="print the poster at 100%% across pages, with overlap marks")
    parser.add_argument("--min-text", type=_min_text, default=DEFAULT_MIN_TEXT, metavar="PT",
                        help=f"smallest card-title size on the poster in points (default "
                             f"{DEFAULT_MIN_TEXT:g}; other lines at least {SECONDARY_RATIO:.2g}× it)")
    parser.add_argument("--no-details", action="store_true",
                        help="print the poster only, without the detail pages")
    parser.add_argument("--slides", choices=("16:9", "4:3"), default="16:9",
                        help="shape of the PowerPoint slides (default 16:9)")


def _paper(value: str) -> str:
    try:
        paper_size(value)
    except PaperError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    return value.strip().lower()


def _min_text(value: str) -> float:
    low, high = MIN_TEXT_RANGE
    try:
        size = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of points: {value!r}") from None
    if not low <= size <= high:
        raise argparse.ArgumentTypeError(f"{size:g} pt is outside {low:g}–{high:g} pt")
    return size


def run(args: argparse.Namespace) -> int:
    targets = [(name, getattr(args, name)) for name in FORMATS + SLIDES + RECORDS
               if getattr(args, name)]
    if not targets:
        report_error("export: nothing to write; give --pdf, --xlsx, --pptx, --png, --svg, --csv, "
                     "--mermaid or --record")
        return EXIT_USAGE
    if args.compare and not (args.pdf or args.xlsx):
        report_error("export: --compare adds a page to --pdf or a sheet to --xlsx; give one")
        return EXIT_USAGE
    scenarios = load_document(args.file)
    journey = pick(scenarios, args.scenario, args.file).journey if args.scenario \
        else scenarios.journey
    args.comparison = compare_scenarios(*pair(scenarios, *args.compare, args.file)) \
        if args.compare else None
    for name, target in targets:
        try:
            report = _export(name, journey, target, args)
        except ExportError as exc:
            report_error(one_line(exc))
            return EXIT_USAGE
        _print_report(name, target, report, _after_poster(args) if name == "pdf" else "")
    return 0


def _export(name: str, journey: JourneyMap, target: Path, args) -> ExportReport | None:
    if name == "pdf":
        return exporters.export_pdf(journey, target, paper=args.paper, language=args.lang,
                                    mode="fit" if args.fit else "tile" if args.tile else "auto",
                                    min_text=args.min_text, details=not args.no_details,
                                    comparison=args.comparison)
    if name == "pptx":
        return exporters.export_pptx(journey, target, aspect=args.slides, language=args.lang)
    if name == "xlsx":
        return exporters.export_excel(journey, target, language=args.lang, paper=args.paper,
                                      comparison=args.comparison)
    if name == "csv":
        from exporters.csv_export import export_csv
        return export_csv(journey, target, language=args.lang)
    if name == "mermaid":
        from exporters.mermaid import export_mermaid
        return export_mermaid(journey, target)
    if name == "record":
        from exporters.record import export_record
        return export_record(journey, target, language=args.lang, start=args.record_start,
                             end=args.record_end)
    _render_image(name, journey, target)
    return None


def _render_image(name: str, journey: JourneyMap, target: Path) -> None:
    try:
        from editor.canvas.render import render_map_png, render_map_svg  # Qt only when asked for
    except ImportError as exc:
        raise ExportError(target, f"{name.upper()} export needs the editor (Qt): {exc}") from exc
    try:
        if name == "png":
            render_map_png(journey, target)
        else:
            render_map_svg(journey, target)
    except OSError as exc:
        raise ExportError(target, exc.strerror or str(exc)) from exc


def _after_poster(args) -> str:
    """What the PDF holds after the poster, for the one-line report."""
    parts = ([] if args.no_details else ["the details"]) + \
        (["the comparison"] if args.comparison is not None else [])
    return " and ".join(parts)


def _print_report(name: str, target: Path, report: ExportReport | None,
                  after_poster: str = "the details") -> None:
    detail = ""
    if report is not None and report.summary:
        detail = f" ({report.summary}; {report.pages} pages with {after_poster})" \
            if report.pages > report.poster_pages > 0 else f" ({report.summary})"
    elif report is not None and report.pages:
        detail = f" ({report.pages} pages)"
    elif report is not None and report.sheets:
        detail = f" (sheets: {', '.join(report.sheets)})"
    print(f"wrote {target}{detail}")
    for warning in report.warnings if report else ():
        print(f"{PROG}: warning: {target}: {one_line(Exception(warning))}", file=sys.stderr)
