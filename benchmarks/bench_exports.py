"""Times the PDF, Excel and PowerPoint exports on generated maps and on long texts, each next
to a bare-library baseline, and checks the smallest printed text of 2,000-card posters.

The baseline writes the same strings with reportlab (canvas + the same TTF), openpyxl or
python-pptx alone, so the ratio shows what the exporters add on top of the libraries; absolute
times depend on the machine.

    python benchmarks/bench_exports.py                  # 200, 2,000 and 10,000 cards
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


def bare_pptx(strings, path: Path) -> None:
    """python-pptx alone: a rounded rectangle with the title per card, twice (map and stage
    slides), 60 to a slide."""
    from pptx import Presentation
    from pptx.enum.shapes import MSO_SHAPE
    from pptx.util import Pt

    deck = Presentation()
    for _copy in range(2):
        for start in range(0, len(strings), 60):
            slide = deck.slides.add_slide(deck.slide_layouts[6])
            slide.shapes.turbo_add_enabled = True
            for i, row in enumerate(strings[start:start + 60]):
                shape = slide.shapes.add_shape(MSO_SHAPE.ROUNDED_RECTANGLE, Pt(10 + i % 6 * 150),
                                               Pt(10 + i // 6 * 50), Pt(140), Pt(45))
                shape.text_frame.text = row[0][:120]
    deck.save(str(path))


def bare_text(strings, path: Path) -> None:
    """reportlab's canvas alone drawing every character of the texts, 60 to a line."""
    from reportlab.lib.pagesizes import A3, landscape
    from reportlab.pdfgen.canvas import Canvas

    register_fonts()
    canvas = Canvas(str(path), pagesize=landscape(A3), initialFontName=FONT)
    y = 800
    for row in strings:
        for text in row:
            for start in range(0, len(text), 60):
                canvas.setFont(FONT, 9)
                canvas.drawString(40, y, text[start:start + 60])
                y -= 12
                if y < 40:
                    canvas.showPage()
                    y = 800
    canvas.save()


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


def long_texts(repeat: int) -> list[str]:
    rows = ["| case | characters | PDF export | bare canvas (ratio) | PDF pages | Excel export "
            "| bare openpyxl (ratio) |", "|---|---:|---:|---:|---:|---:|---:|"]
    print("\n".join(rows), flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for label, journey in long_text_maps():
            strings = card_strings(journey) + [(c.feeling, c.stakes, c.actions) for c in journey.cards()]
            chars = sum(len(t) for row in strings for t in row)
            pdf = timed(repeat, export_pdf, journey, folder / "m.pdf")
            pages = export_pdf(journey, folder / "m.pdf").pages
            bare = timed(repeat, bare_text, strings, folder / "b.pdf")
            xlsx = timed(repeat, export_excel, journey, folder / "m.xlsx")
            bare_xlsx = timed(repeat, bare_openpyxl, [tuple(t[:32_767] for t in row)
                                                      for row in strings], folder / "b.xlsx")
            rows.append(f"| {label} | {chars:,} | {pdf:.2f} s | {bare:.2f} s ({pdf / bare:.1f}×) "
                        f"| {pages} | {xlsx:.2f} s | {bare_xlsx:.2f} s ({xlsx / bare_xlsx:.1f}×) |")
            print(rows[-1], flush=True)
    return rows


def slides(sizes: list[int], repeat: int) -> list[str]:
    from exporters import export_pptx

    rows = ["| cards | PowerPoint export | bare python-pptx (ratio) | slides |", "|---:|---:|---:|---:|"]
    print("\n".join(rows), flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for size in sizes:
            journey = make_map(size)
            ours = timed(repeat, export_pptx, journey, folder / "m.pptx")
            bare = timed(repeat, bare_pptx, card_strings(journey), folder / "b.pptx")
            count = export_pptx(journey, folder / "m.pptx").pages
            rows.append(f"| {size:,} | {ours:.2f} s | {bare:.2f} s ({ours / bare:.1f}×) | {count} |")
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
    parser.add_argument("--long", action="store_true", help="the long-text cases instead")
    parser.add_argument("--slides", action="store_true", help="the PowerPoint export instead")
    parser.add_argument("--legibility", action="store_true",
                        help="read every poster page of 2,000 cards on A4 and A3 instead")
    args = parser.parse_args()
    if args.profile:
        profile(args.profile, args.sizes[0])
    elif args.long:
        long_texts(args.repeat)
    elif args.slides:
        slides(args.sizes, args.repeat)
    elif args.legibility:
        legibility()
    else:
        run(args.sizes, args.repeat)


if __name__ == "__main__":
    main()
