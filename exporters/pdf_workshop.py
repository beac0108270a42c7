"""The workshop's part of the PDF: a card's votes drawn as sticker dots on the poster, and its
comments listed under the card on the detail pages (author, time, resolved). Small functions the
poster and the detail pages call, so their own drawing stays as it is.
Imports reportlab, model and exporters only.
"""
from __future__ import annotations

from collections.abc import Mapping

from reportlab.lib.colors import HexColor
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph

from exporters.fonts import draw_text, font_markup, printable
from exporters.pdf_shapes import up
from exporters.workshop_rows import format_time, participant_name
from model import JourneyMap
from model.layout import grid as geo
from model.layout.grid import Rect

VOTE_DOT = "#d62728"  # the red of a sticker dot
DOT_RADIUS, DOT_STEP, MOST_DOTS = 3.2, 8.0, 5  # more votes than this: one dot and "×12"


def draw_vote_dots(canvas: Canvas, votes: int, rect: Rect) -> None:
    """A card's votes (its total) as dots centred in its top strip, between the kind marker on
    the left and the segment dots on the right; many votes as one dot and a count."""
    if votes <= 0:
        return
    mid = rect.y + geo.CARD_PADDING + geo.CARD_KIND_STRIP / 2 - 2
    canvas.setFillColor(HexColor(VOTE_DOT))
    if votes <= MOST_DOTS:
        x = rect.x + rect.w / 2 - (votes - 1) * DOT_STEP / 2
        for i in range(votes):
            canvas.circle(x + i * DOT_STEP, up(mid), DOT_RADIUS, stroke=0, fill=1)
        return
    x = rect.x + rect.w / 2 - 10
    canvas.circle(x, up(mid), DOT_RADIUS, stroke=0, fill=1)
    draw_text(canvas, x + DOT_RADIUS + 2, up(mid) - 2.6, f"×{votes}", 7.5)


def comment_flowables(journey: JourneyMap, card_id: str, labels: Mapping[str, str],
                      style: ParagraphStyle) -> list[Flowable]:
    """A card's comments for its detail block: "Comment — Ana, 2025-03-14 09:30 UTC (Resolved)",
    replies indented under their comment."""
    threads = journey.comment_threads(card_id)
    if not threads:
        return []
    heading = ParagraphStyle("comments", style, leftIndent=8, spaceBefore=2)
    out: list[Flowable] = [Paragraph(f"<b>{font_markup(labels['comments'])}:</b>", heading)]
    for top, replies in threads:
        out.append(_comment(journey, top, labels, ParagraphStyle("comment", style, leftIndent=14)))
        reply_style = ParagraphStyle("reply", style, leftIndent=26)
        out += [_comment(journey, reply, labels, reply_style) for reply in replies]
    return out


def _comment(journey: JourneyMap, comment, labels, style: ParagraphStyle) -> Paragraph:
    who = ", ".join(p for p in (participant_name(journey, comment.author),
                                format_time(comment.created_at)) if p)
    text = font_markup(printable(comment.text)).replace("\n", "<br/>")
    if who:
        text += f' <font color="#5f6b7a">— {font_markup(who)}</font>'
    if comment.resolved:
        text += f' <font color="#2ca02c">({font_markup(labels["resolved"])})</font>'
    return Paragraph(text, style)
