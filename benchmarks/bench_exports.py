"""Times the PDF and Excel exports on generated maps, each next to a bare-library baseline.

The baseline writes the same strings with reportlab (canvas + the same TTF) or openpyxl alone, so
the ratio shows what the exporters add on top of the libraries; absolute times depend on the machine.

    /tmp/devvenv/bin/python benchmarks/bench_exports.py              # 200, 2,000 and 10,000 cards
    /tmp/devvenv/bin/python benchmarks/bench_exports.py --sizes 2000 --profile pdf
"""
from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import model as jm  # noqa: E402
from exporters import export_excel, export_pdf  # noqa: E402
from exporters.fonts import FONT, register_fonts  # noqa: E402

KINDS = tuple(jm.CardKind)
WORDS = ("オンボーディング", "定例ミーティング", "success story", "ヘルプページ", "NPS", "更新",
         "チャットサポート", "kick-off", "利用状況", "エキスパート向けコンテンツ")


def make_map(cards: int) -> jm.JourneyMap:
    """A Japanese-English map with ``cards`` cards spread over stages × 8 lanes."""
    journey = jm.JourneyMap(f"ベンチマーク {cards} cards", "ja", "generated")
    stages = max(5, min(20, cards // 100))
    for s in range(stages):
        criteria = (jm.ExitCriterion(f"基準{s}", "NPS 40以上"),)
        journey.add_stage(jm.Stage(f"s{s}", f"ステージ{s}", f"概要 {WORDS[s % 10]} " * 3, criteria,
                                   {"": (s % 5) - 2}))
    for lane in range(8):
        kind = jm.LaneKind.EMOTION if lane == 7 else jm.LaneKind.TEXT
        journey.add_lane(jm.Lane(f"l{lane}", f"レーン{lane}", kind))
    for i in range(cards):
        words = " ".join(WORDS[(i + k) % 10] for k in range(1 + i % 4))
        card = jm.Card(f"c{i}", KINDS[i % len(KINDS)], f"{i}: {words}",
                       details=f"詳細 {words} " * (1 + i % 3), channel="Web", owner="CSM",
                       votes=i % 4)
        journey.add_card(card, f"s{i % stages}", f"l{(i // stages) % 7}")
    for s in range(stages - 1):
        journey.add_transition(jm.Transition(f"t{s}", f"s{s}", f"s{s + 1}",
                                             jm.TransitionKind.FORWARD, "トリガー"))
    return journey


def card_strings(journey: jm.JourneyMap) -> list[tuple[str, ...]]:
    return [(c.title, c.details, c.channel, c.owner) for c in journey.cards()]


def bare_reportlab(strings, path: Path) -> None:
    from reportlab.lib.pagesizes import A3, landscape
    from reportlab.pdfgen.canvas import Canvas

    register_fonts()
    canvas = Canvas(str(path), pagesize=landscape(A3), initialFontName=FONT)
    y = 800
    for row in strings:
        for text in row:
            canvas.setFont(FONT, 9)
            canvas.drawString(40, y, text[:150])
            y -= 12
            if y < 40:
                canvas.showPage()
                y = 800
    canvas.save()


def bare_platypus(strings, path: Path) -> None:
    """The library's own paragraph layout of the same strings: the floor for the detail pages."""
    from reportlab.lib.pagesizes import A3, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    register_fonts()
    style = ParagraphStyle("p", fontName=FONT, fontSize=9, leading=13, wordWrap="CJK")
    story = [Paragraph(text, style) for row in strings for text in row if text]
    SimpleDocTemplate(str(path), pagesize=landscape(A3), initialFontName=FONT).build(story)


def bare_openpyxl(strings, path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    for row in strings:
        ws.append(row)
    wb.save(path)


def timed(repeat: int, action, *args) -> float:
    """Best wall-clock time of ``repeat`` calls of ``action(*args)``."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        action(*args)
        best = min(best, time.perf_counter() - start)
    return best


def run(sizes: list[int], repeat: int) -> list[str]:
    rows = ["| cards | PDF export | bare canvas (ratio) | bare platypus (ratio) | PDF pages "
            "| Excel export | bare openpyxl (ratio) |", "|---:|---:|---:|---:|---:|---:|---:|"]
    print("\n".join(rows), flush=True)
    register_fonts()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for size in sizes:
            journey = make_map(size)
            strings = card_strings(journey)
            pdf = timed(repeat, export_pdf, journey, folder / "m.pdf")
            pages = export_pdf(journey, folder / "m.pdf").pages
            bare_pdf = timed(repeat, bare_reportlab, strings, folder / "b.pdf")
            platypus = timed(repeat, bare_platypus, strings, folder / "p.pdf")
            xlsx = timed(repeat, export_excel, journey, folder / "m.xlsx")
            bare_xlsx = timed(repeat, bare_openpyxl, strings, folder / "b.xlsx")
            rows.append(f"| {size:,} | {pdf:.2f} s | {bare_pdf:.2f} s ({pdf / bare_pdf:.0f}×) "
                        f"| {platypus:.2f} s ({pdf / platypus:.1f}×) | {pages} | {xlsx:.2f} s "
                        f"| {bare_xlsx:.2f} s ({xlsx / bare_xlsx:.1f}×) |")
            print(rows[-1], flush=True)
    return rows


def profile(which: str, size: int) -> None:
    journey = make_map(size)
    with tempfile.TemporaryDirectory() as tmp:
        export = export_pdf if which == "pdf" else export_excel
        profiler = cProfile.Profile()
        profiler.runcall(export, journey, Path(tmp) / f"m.{which}")
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[200, 2000, 10000])
    parser.add_argument("--repeat", type=int, default=3, help="best of N runs (default 3)")
    parser.add_argument("--profile", choices=("pdf", "xlsx"), help="profile one export instead")
    args = parser.parse_args()
    if args.profile:
        profile(args.profile, args.sizes[0])
        return
    run(args.sizes, args.repeat)


if __name__ == "__main__":
    main()
