"""Times the PDF, Excel and PowerPoint exports on generated maps and on long texts, each next
to a bare-library floor in the same run, and how long an export stops the window's event loop.

Each figure is the median of alternating runs of ours and of the floor (5 unless --runs or
--quick), so the ratios hold on a busy machine; the seconds only describe it. The floors
(export_bench/baselines.py): reportlab's platypus laying out the card strings as paragraphs (and
its bare canvas drawing them), openpyxl writing exactly the cells of our workbook with no styles
(and appending the card strings, the floor used before), python-pptx adding a rounded rectangle
with the title per card, twice.

    python benchmarks/bench_exports.py                  # 200 and 2,000 cards, median of 5
    python benchmarks/bench_exports.py --quick          # median of 3
    python benchmarks/bench_exports.py --stall          # event-loop stall during 2,000-card exports
    python benchmarks/bench_exports.py --no-accel       # reportlab without its C helpers
    python benchmarks/bench_exports.py --sizes 2000 --profile pdf
    python benchmarks/bench_exports.py --long           # the long-text cases of issue 11
    python benchmarks/bench_exports.py --legibility     # every poster page of 2,000 cards, A4 and A3
"""
from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE)]
if "--no-accel" in sys.argv:  # before reportlab is imported: its pure-Python fallbacks
    sys.modules["_rl_accel"] = None

from export_bench.baselines import (  # noqa: E402, F401 - bench_editor imports these from here
    bare_openpyxl,
    bare_platypus,
    bare_pptx,
    bare_reportlab,
    bare_same_cells,
    bare_text,
    card_strings,
    make_map,
    paired,
    workbook_cells,
)

import model as jm  # noqa: E402
from exporters import export_excel, export_pdf, export_pptx  # noqa: E402
from exporters.fonts import register_fonts  # noqa: E402


def accel() -> str:
    from reportlab.lib import rl_accel

    return "with rl_accel" if "_py_" not in rl_accel.fp_str.__name__ else "pure-Python reportlab"


def run(sizes: list[int], runs: int) -> list[str]:
    rows = ["| cards | PDF export | bare platypus (ratio) | bare canvas (ratio) | PDF pages "
            "| Excel export | bare openpyxl, same cells (ratio) | card strings only (ratio) "
            "| PowerPoint | bare python-pptx (ratio) |",
            "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    print(f"{accel()}, median of {runs}\n" + "\n".join(rows), flush=True)
    register_fonts()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for size in sizes:
            rows.append(_row(make_map(size), size, folder, runs))
            print(rows[-1], flush=True)
    return rows


def _row(journey: jm.JourneyMap, size: int, folder: Path, runs: int) -> str:
    strings = card_strings(journey)
    pages = export_pdf(journey, folder / "m.pdf").pages  # and a warm-up of every library
    export_pptx(journey, folder / "m.pptx")
    export_excel(journey, folder / "m.xlsx")
    cells = workbook_cells(folder / "m.xlsx")
    bare_platypus(strings, folder / "p.pdf")
    bare_same_cells(cells, folder / "c.xlsx")
    bare_pptx(strings, folder / "b.pptx")
    pdf, platypus, pdf_ratio = paired(runs, lambda: export_pdf(journey, folder / "m.pdf"),
                                      lambda: bare_platypus(strings, folder / "p.pdf"))
    _, canvas, canvas_ratio = paired(runs, lambda: export_pdf(journey, folder / "m.pdf"),
                                     lambda: bare_reportlab(strings, folder / "b.pdf"))
    xlsx, same, xlsx_ratio = paired(runs, lambda: export_excel(journey, folder / "m.xlsx"),
                                    lambda: bare_same_cells(cells, folder / "c.xlsx"))
    _, old, old_ratio = paired(runs, lambda: export_excel(journey, folder / "m.xlsx"),
                               lambda: bare_openpyxl(strings, folder / "b.xlsx"))
    pptx, bare, pptx_ratio = paired(runs, lambda: export_pptx(journey, folder / "m.pptx"),
                                    lambda: bare_pptx(strings, folder / "b.pptx"))
    return (f"| {size:,} | {pdf:.2f} s | {platypus:.2f} s ({pdf_ratio:.1f}×) "
            f"| {canvas:.2f} s ({canvas_ratio:.0f}×) | {pages} | {xlsx:.2f} s "
            f"| {same:.2f} s ({xlsx_ratio:.1f}×) | {old:.2f} s ({old_ratio:.1f}×) "
            f"| {pptx:.2f} s | {bare:.2f} s ({pptx_ratio:.1f}×) |")


def stall(size: int, runs: int) -> None:
    from export_bench.stall import measure

    print(f"{accel()}; {size:,} cards; largest gap of a 5 ms timer, median of {runs}", flush=True)
    rows = measure(make_map(size), ["pdf", "excel", "pptx", "png"], runs)
    print("\n| export | export time | largest stall, worker (worst run) | on the GUI thread, as "
          "before | timer alone, as long |\n|---|---:|---:|---:|---:|")
    for row in rows:
        print(f"| {row['kind']} | {row['seconds']:.2f} s | {row['worker'] * 1000:.0f} ms "
              f"({row['worst'] * 1000:.0f} ms) | {row['gui'] * 1000:.0f} ms "
              f"| {row['idle'] * 1000:.0f} ms |")


SENTENCE = "契約後すぐに担当者が変わった場合でも引継ぎ資料で説明を繰り返さないようにする。"


def _long(text_chars: int) -> str:
    return (SENTENCE * (text_chars // len(SENTENCE) + 1))[:text_chars]


def long_text_maps() -> list[tuple[str, jm.JourneyMap]]:
    """Issue 11's cases: fifteen cards with 40,000-character fields, one 100,000-character title,
    and the most text a file may hold per card (every field at the loader's 100,000 limit)."""
    cases = []
    for label, fields, count, size in (
            ("15 cards × 40,000-char details", ("details",), 15, 40_000),
            ("15 cards × 5 fields × 40,000 chars", ("title", "details", "feeling", "stakes",
                                                   "actions"), 15, 40_000),
            ("1 card, 100,000-char title", ("title",), 1, 100_000),
            ("40 cards × 5 fields × 100,000 chars (≈ 60 MiB file)",
             ("title", "details", "feeling", "stakes", "actions"), 40, 100_000)):
        journey = make_map(30)
        text = _long(size)
        for i in range(count):
            values = {f: text for f in fields}
            journey.add_card(jm.Card(f"long{i}", jm.CardKind.NOTE, values.pop("title", f"長文{i}"),
                                     **values), f"s{i % 5}", "l0")
        cases.append((label, journey))
    return cases


def long_texts(runs: int) -> list[str]:
    rows = ["| case | characters | PDF export | bare canvas (ratio) | PDF pages | Excel export "
            "| bare openpyxl (ratio) |", "|---|---:|---:|---:|---:|---:|---:|"]
    print("\n".join(rows), flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for label, journey in long_text_maps():
            strings = card_strings(journey) + [(c.feeling, c.stakes, c.actions) for c in journey.cards()]
            chars = sum(len(t) for row in strings for t in row)
            pages = export_pdf(journey, folder / "m.pdf").pages
            pdf, bare, ratio = paired(runs, lambda j=journey: export_pdf(j, folder / "m.pdf"),
                                      lambda s=strings: bare_text(s, folder / "b.pdf"))
            cut = [tuple(t[:32_767] for t in row) for row in strings]
            xlsx, bare_x, ratio_x = paired(runs, lambda j=journey: export_excel(j, folder / "m.xlsx"),
                                           lambda c=cut: bare_openpyxl(c, folder / "b.xlsx"))
            rows.append(f"| {label} | {chars:,} | {pdf:.2f} s | {bare:.2f} s ({ratio:.1f}×) "
                        f"| {pages} | {xlsx:.2f} s | {bare_x:.2f} s ({ratio_x:.1f}×) |")
            print(rows[-1], flush=True)
    return rows


def legibility(cards: int = 2000) -> None:
    """Every poster page of a mapgen map on A4 and A3, read back: the smallest text size."""
    from pypdf import PdfReader

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from mapgen import make_map as workshop_map

    journey = workshop_map(cards)
    with tempfile.TemporaryDirectory() as tmp:
        for paper in ("a4", "a3"):
            path = Path(tmp) / f"{paper}.pdf"
            report = export_pdf(journey, path, paper=paper, details=False)
            sizes = []

            def visit(text, cm, tm, font, size, sizes=sizes):
                if text.strip():
                    a, b = tm[0] * cm[0] + tm[1] * cm[2], tm[0] * cm[1] + tm[1] * cm[3]
                    c, d = tm[2] * cm[0] + tm[3] * cm[2], tm[2] * cm[1] + tm[3] * cm[3]
                    sizes.append(size * abs(a * d - b * c) ** 0.5)

            for page in PdfReader(path).pages:
                page.extract_text(visitor_text=visit)
            print(f"{cards:,} cards on {paper.upper()}: {report.summary}; {report.pages} pages, "
                  f"{len(sizes):,} text runs, smallest {min(sizes):.2f} pt", flush=True)


def profile(which: str, size: int) -> None:
    journey = make_map(size)
    export = {"pdf": export_pdf, "xlsx": export_excel, "pptx": export_pptx}[which]
    with tempfile.TemporaryDirectory() as tmp:
        export(journey, Path(tmp) / f"w.{which}")  # libraries loaded before profiling
        profiler = cProfile.Profile()
        profiler.runcall(export, journey, Path(tmp) / f"m.{which}")
    pstats.Stats(profiler).sort_stats("tottime").print_stats(30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[200, 2000])
    parser.add_argument("--runs", type=int, default=5, help="median of N runs (default 5)")
    parser.add_argument("--quick", action="store_true", help="median of 3 runs")
    parser.add_argument("--no-accel", action="store_true",
                        help="reportlab's pure-Python fallbacks instead of rl_accel")
    parser.add_argument("--profile", choices=("pdf", "xlsx", "pptx"), help="profile one export")
    parser.add_argument("--stall", action="store_true",
                        help="event-loop stall of a window during each export (first size)")
    parser.add_argument("--long", action="store_true", help="the long-text cases instead")
    parser.add_argument("--legibility", action="store_true",
                        help="read every poster page of 2,000 cards on A4 and A3 instead")
    args = parser.parse_args()
    runs = 3 if args.quick else args.runs
    if args.profile:
        profile(args.profile, args.sizes[-1])
    elif args.stall:
        stall(args.sizes[-1], runs)
    elif args.long:
        long_texts(runs)
    elif args.legibility:
        legibility()
    else:
        run(args.sizes, runs)


if __name__ == "__main__":
    main()
