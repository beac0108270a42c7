"""The ``export`` verb: writes a map as a PDF poster, an Excel workbook, and PNG/SVG pictures.

PDF and Excel come from the Qt-free exporters; PNG and SVG from the editor's headless renderer,
imported only when asked for, so the verb runs without Qt otherwise. A failed export is one line on
stderr and exit 2; warnings (missing glyphs, cut text) go to stderr and still exit 0.
Imports the standard library, model.*, exporters and cli; editor.canvas.render lazily.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import exporters
from cli import EXIT_USAGE, PROG, one_line, report_error
from exporters import ExportError, ExportReport
from model.fileformat import load_journey
from model.journey.journey_map import JourneyMap

FORMATS = ("pdf", "xlsx", "png", "svg", "csv", "mermaid")
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
    parser.add_argument("--paper", choices=("a4", "a3"), default="a3",
                        help="paper size of the PDF poster (landscape; default: a3)")
    parser.add_argument("--tile", action="store_true",
                        help="print the poster at 100%% across several pages, with overlap marks")
    parser.add_argument("--lang", choices=("ja", "en"), default=None,
                        help="language of the export headings (default: the map's language)")
    return parser


def run(args: argparse.Namespace) -> int:
    targets = [(name, getattr(args, name)) for name in FORMATS if getattr(args, name)]
    if not targets:
        report_error("export: nothing to write; give --pdf, --xlsx, --png, --svg, --csv or "
                     "--mermaid")
        return EXIT_USAGE
    journey = load_journey(args.file)
    for name, target in targets:
        try:
            report = _export(name, journey, target, args)
        except ExportError as exc:
            report_error(one_line(exc))
            return EXIT_USAGE
        _print_report(name, target, report)
    return 0


def _export(name: str, journey: JourneyMap, target: Path, args) -> ExportReport | None:
    if name == "pdf":
        return exporters.export_pdf(journey, target, paper=args.paper, tile=args.tile, language=args.lang)
    if name == "xlsx":
        return exporters.export_excel(journey, target, language=args.lang, paper=args.paper)
    if name == "csv":
        from exporters.csv_export import export_csv
        return export_csv(journey, target, language=args.lang)
    if name == "mermaid":
        from exporters.mermaid import export_mermaid
        return export_mermaid(journey, target)
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


def _print_report(name: str, target: Path, report: ExportReport | None) -> None:
    detail = ""
    if report is not None and report.pages:
        detail = f" ({report.pages} pages)"
    elif report is not None and report.sheets:
        detail = f" (sheets: {', '.join(report.sheets)})"
    print(f"wrote {target}{detail}")
    for warning in report.warnings if report else ():
        print(f"{PROG}: warning: {target}: {one_line(Exception(warning))}", file=sys.stderr)
