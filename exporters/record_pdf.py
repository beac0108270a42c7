"""The workshop record as a PDF: A4 portrait pages of flowing text (reportlab's platypus), the
ranking as a table that repeats its header on every page, in the bundled Japanese font.
Imports reportlab and exporters.* only.
"""
from __future__ import annotations

from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from exporters.fonts import BOLD_FONT, FONT, font_markup, printable, register_fonts
from exporters.record_content import Record
from model.layout.appearance import HEADER_FILL

MARGIN = 16 * mm


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("body", fontName=FONT, fontSize=9.5, leading=14, wordWrap="CJK")
    return {
        "body": base,
        "title": ParagraphStyle("title", base, fontName=BOLD_FONT, fontSize=18, leading=24,
                                textColor=HEADER_FILL, spaceAfter=8),
        "h2": ParagraphStyle("h2", base, fontName=BOLD_FONT, fontSize=13, leading=18,
                             textColor=HEADER_FILL, spaceBefore=12, spaceAfter=4, keepWithNext=1),
        "h3": ParagraphStyle("h3", base, fontName=BOLD_FONT, fontSize=10.5, leading=15,
                             spaceBefore=6, keepWithNext=1),
        "note": ParagraphStyle("note", base, fontSize=8.5, textColor="#5f6b7a"),
        "cell": ParagraphStyle("cell", base, fontSize=8.5, leading=11.5),
        "item": ParagraphStyle("item", base, leftIndent=10),
        "reply": ParagraphStyle("reply", base, leftIndent=24),
    }


def text(value: str) -> str:
    return font_markup(printable(value)).replace("\n", "<br/>")


def write_record_pdf(record: Record, path: Path) -> int:
    """Write the record; returns the number of pages."""
    register_fonts()
    styles = _styles()
    pages = []
    doc = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN,
                            topMargin=MARGIN, bottomMargin=MARGIN, title=record.title,
                            author=record.labels["author"], subject=record.labels["record"])
    story = _head(record, styles) + _ranking(record, styles, doc.width)
    story += _comments(record, styles) + _parking(record, styles)
    doc.build(story, onFirstPage=lambda c, d: pages.append(1),
              onLaterPages=lambda c, d: pages.append(1))
    return len(pages)


def _head(record: Record, styles) -> list[Flowable]:
    labels = record.labels
    out: list[Flowable] = [Paragraph(f"{text(labels['record'])}: {text(record.title)}",
                                     styles["title"])]
    facts = [(labels["date"], record.span.date), (labels["duration"], record.duration),
             (labels["participants"], labels["list_sep"].join(record.participants))]
    out += [Paragraph(f"<b>{text(key)}:</b> {text(value or '—')}", styles["body"])
            for key, value in facts]
    return out


def _ranking(record: Record, styles, width: float) -> list[Flowable]:
    labels = record.labels
    out: list[Flowable] = [Paragraph(text(labels["ranking"]), styles["h2"])]
    for note in (record.vote_rules, labels["anonymous"] if record.anonymous else ""):
        if note:
            out.append(Paragraph(text(note), styles["note"]))
    if not record.ranking:
        return out + [Paragraph(text(labels["nothing"]), styles["body"])]
    head = [labels["rank"], labels["card"], labels["kind"], labels["stage"], labels["votes"],
            *record.voters]
    cell = styles["cell"]
    rows = [[Paragraph(f"<b>{text(h)}</b>", cell) for h in head]]
    for row in record.ranking:
        named = dict(row.named)
        values = [str(row.rank), row.card.card.title, record.kind(row), row.card.stage.name,
                  str(row.votes), *(str(named.get(n, 0)) for n in record.voters)]
        rows.append([Paragraph(text(v), cell) for v in values])
    fixed = [36, None, 64, 70, 40] + [46] * len(record.voters)
    free = max(80.0, width - sum(w for w in fixed if w))
    table = Table(rows, colWidths=[w or free for w in fixed], repeatRows=1)
    table.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, 0), "#e8edf3"), ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.3, "#c8d0da"), ("ALIGN", (4, 1), (-1, -1), "RIGHT")]))
    return out + [Spacer(1, 4), table]


def _comments(record: Record, styles) -> list[Flowable]:
    labels = record.labels
    out: list[Flowable] = [Paragraph(text(labels["comments"]), styles["h2"])]
    if not record.comments:
        return out + [Paragraph(text(labels["nothing"]), styles["body"])]
    card_id = None
    for row in record.comments:
        if row.card.card.id != card_id:
            card_id = row.card.card.id
            where = f"{row.card.stage.name} / {row.card.lane.name}"
            out.append(Paragraph(f"{text(row.card.card.title or '—')} "
                                 f'<font size="8.5" color="#5f6b7a">({text(where)})</font>',
                                 styles["h3"]))
        who = ", ".join(part for part in (row.author, row.time) if part)
        line = f"• {text(row.comment.text)}"
        if who:
            line += f' <font color="#5f6b7a">— {text(who)}</font>'
        if row.comment.resolved:
            line += f' <font color="#2ca02c">({text(labels["resolved"])})</font>'
        out.append(Paragraph(line, styles["reply" if row.reply_to else "item"]))
    return out


def _parking(record: Record, styles) -> list[Flowable]:
    labels = record.labels
    out: list[Flowable] = [Paragraph(text(labels["parking_lot"]), styles["h2"])]
    if not record.parking:
        return out + [Paragraph(text(labels["nothing"]), styles["body"])]
    for row in record.parking:
        who = ", ".join(part for part in (row.author, row.time) if part)
        line = f"{row.number}. {text(row.item.text)}"
        if who:
            line += f' <font color="#5f6b7a">— {text(who)}</font>'
        out.append(Paragraph(line, styles["item"]))
    return out
