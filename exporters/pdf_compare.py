"""The PDF comparison page (``export --compare A B``): its title, the summary, both emotion
curves on one chart with the difference shaded (exporters.pdf_chart), the cards by kind, and the
card changes, on a page template of one full-width frame that repeats while the list flows on.
Rows from exporters.compare_rows, the same as the Excel "Compare" sheet. Imports reportlab,
model and exporters only.
"""
from __future__ import annotations

from reportlab.lib.colors import HexColor
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Frame, NextPageTemplate, PageBreak, PageTemplate, Table, TableStyle

from exporters.compare_rows import CompareRows
from exporters.fonts import BOLD_FONT, FONT
from exporters.pdf_chart import EmotionChart
from exporters.pdf_paragraphs import paragraph
from model.layout.appearance import HEADER_FILL
from model.scenarios.compare_text import signed

TEMPLATE = "compare"
MARGIN = 36


def compare_template(size: tuple[float, float]) -> PageTemplate:
    width, height = size
    frame = Frame(MARGIN, MARGIN, width - 2 * MARGIN, height - 2 * MARGIN, leftPadding=0,
                  rightPadding=0, id="compare")
    return PageTemplate(TEMPLATE, [frame])


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("compare", fontName=FONT, fontSize=9.5, leading=14, wordWrap="CJK")
    ink = HexColor(HEADER_FILL)
    return {"body": base,
            "summary": ParagraphStyle("summary", base, fontSize=11, leading=16, spaceAfter=6),
            "h1": ParagraphStyle("h1", base, fontName=BOLD_FONT, fontSize=17, leading=22,
                                 textColor=ink, spaceAfter=6),
            "h2": ParagraphStyle("h2", base, fontName=BOLD_FONT, fontSize=11.5, leading=16,
                                 textColor=ink, spaceBefore=8, spaceAfter=4, keepWithNext=1),
            "item": ParagraphStyle("item", base, leftIndent=12, firstLineIndent=-12)}


def comparison_story(rows: CompareRows, names: tuple[str, str],
                     new_page: bool = True) -> list[Flowable]:
    """The comparison's flowables, starting on a page of their own."""
    styles, labels = _styles(), rows.labels
    story: list[Flowable] = [NextPageTemplate(TEMPLATE)]
    if new_page:
        story.append(PageBreak())
    story += [paragraph(rows.title, styles["h1"]), paragraph(rows.summary, styles["summary"]),
              paragraph(labels["chart"], styles["h2"]),
              EmotionChart(rows.stage_names, rows.curve_before, rows.curve_after, names),
              paragraph(labels["kinds"], styles["h2"]), _kinds_table(rows)]
    story.append(paragraph(labels["cards"], styles["h2"]))
    if not rows.cards:
        story.append(paragraph(labels["none"], styles["body"]))
    for status, kind, stage, lane, title, before_title, fields in rows.cards:
        mark = {labels["added"]: "+", labels["removed"]: "\u2212"}.get(status, "~")
        shown = f"{before_title} → {title}" if before_title and before_title != title else title
        line = f"{mark} [{kind}] {stage} / {lane}: {shown}"
        story.append(paragraph(line + (f" ({fields})" if fields else ""), styles["item"]))
    return story


def _kinds_table(rows: CompareRows) -> Table:
    labels = rows.labels
    data = [[labels["kind"], labels["before"], labels["after"], labels["change"]]]
    data += [[label, str(before), str(after), signed(change)]
             for label, before, after, change in rows.kinds]
    table = Table(data, hAlign="LEFT", colWidths=[150, 60, 60, 60])
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), FONT, 9), ("FONT", (0, 0), (-1, 0), BOLD_FONT, 9),
        ("TEXTCOLOR", (0, 0), (-1, 0), HexColor("#ffffff")),
        ("BACKGROUND", (0, 0), (-1, 0), HexColor(HEADER_FILL)),
        ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
        ("LINEBELOW", (0, 1), (-1, -1), 0.4, HexColor("#c9ced6"))]))
    return table
