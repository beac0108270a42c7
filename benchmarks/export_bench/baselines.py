"""The export benchmark's maps and its floors: what reportlab, openpyxl and python-pptx alone take
to write the same strings, paragraphs, cells and shapes; timing as medians of alternating runs.

Imports model, exporters (fonts, and the exporters' own output to copy its cells) and the three
libraries; no Qt.
"""
from __future__ import annotations

import gc
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import model as jm
from exporters.fonts import FONT, register_fonts

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


def paired(runs: int, ours: Callable[[], object], bare: Callable[[], object]) -> tuple[float, float, float]:
    """Median seconds of ``ours`` and of ``bare`` and the median per-run ratio; the two alternate,
    so a busy moment of the machine weighs on both, and each starts after a full collection."""
    mine, floor, ratios = [], [], []
    for _ in range(runs):
        mine.append(_clock(ours))
        floor.append(_clock(bare))
        ratios.append(mine[-1] / floor[-1])
    return statistics.median(mine), statistics.median(floor), statistics.median(ratios)


def _clock(action: Callable[[], object]) -> float:
    gc.collect()  # each run starts from a clean heap: another run's garbage is not its cost
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


# ---------------------------------------------------------------------- PDF
def bare_reportlab(strings, path: Path) -> None:
    """reportlab's canvas alone: each string drawn once with the same TTF."""
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


# ---------------------------------------------------------------------- Excel
def bare_openpyxl(strings, path: Path) -> None:
    """openpyxl alone appending the card strings as rows (the floor used before issue 12)."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    for row in strings:
        ws.append(row)
    wb.save(path)


def workbook_cells(path: Path) -> list[tuple[str, list[list]]]:
    """Every sheet of a written workbook as its title and rows of cell values."""
    from openpyxl import load_workbook

    workbook = load_workbook(path)
    return [(ws.title, [[cell.value for cell in row] for row in ws.iter_rows()])
            for ws in workbook.worksheets]


def bare_same_cells(sheets: list[tuple[str, list[list]]], path: Path) -> None:
    """openpyxl alone writing exactly the cells our workbook holds, sheet by sheet, no styles."""
    from openpyxl import Workbook

    wb = Workbook()
    for number, (title, rows) in enumerate(sheets):
        ws = wb.active if number == 0 else wb.create_sheet()
        ws.title = title
        for row in rows:
            ws.append(row)
    wb.save(path)


# ---------------------------------------------------------------------- PowerPoint
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
