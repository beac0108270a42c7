"""The PDF's detail pages: one section per stage, laid out by reportlab's platypus.

First, when the map has any, "Segments & paths": each segment with its colour and how many cards
carry it, each journey path with its route and the transitions' triggers along it. Then each stage
starts a page: overview, emotions, the paths through it, exit criteria with KPI targets, the
transitions that leave it, then its cards, moments of truth and pain points first; a card that an
idea addresses lists the ideas, an idea lists the pain points it addresses. User text is data, never
markup: labels and text go through ``paragraph`` (pdf_paragraphs: one plain run where the main font
has every character, platypus's quick line breaking; else XML-escaped markup with runs of fallback
fonts marked); the text was cleaned for print before (exporters.print_copy). Cards are
Paragraphs rather than table rows so a card longer than a page still splits across pages. A text
longer than CHUNK characters is a Paragraph for its start and TextLines (pdf_textblock) for the
rest: platypus re-breaks the rest of a paragraph at every page it splits over, which made one
100,000-character text cost minutes.
Imports reportlab, model and exporters only.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Paragraph, Spacer, Table, TableStyle

from exporters.fonts import BOLD_FONT, FONT, printable
from exporters.pdf_paragraphs import WrapOnceParagraph, markup, paragraph
from exporters.pdf_shapes import HexColor
from exporters.pdf_textblock import TextLines
from exporters.pdf_workshop import comment_flowables
from exporters.projection import (
    CardRow,
    PathRow,
    Projection,
    StageSection,
    format_emotion,
    format_rate,
    route_text,
)
from model.layout.appearance import (
    CARD_KIND_LABELS,
    EMPHASISED_KINDS,
    HEADER_FILL,
    TRANSITION_KIND_LABELS,
    card_colour,
    label_language,
)

CHUNK = 1_500  # characters: about a column's worth of Japanese text
LONG_CRITERION = 2_000  # exit criteria longer than this are listed as paragraphs, not a table


def split_long(text: str, size: int = CHUNK) -> tuple[str, str]:
    """``text`` as its first piece of at most ``size`` characters (cut after a line break, a "。"
    or a space near its end, where there is one) and the rest ("" for a short text)."""
    if len(text) <= size:
        return text, ""
    cut = max(text.rfind(sep, size - size // 4, size) for sep in ("\n", "。", " ", "、"))
    end = cut + 1 if cut > 0 else size
    return text[:end].rstrip("\n"), text[end:].lstrip("\n")


class StageAnchor(Flowable):
    """Zero-size marker at a stage's first page: its bookmark, outline entry and progress tick."""

    def __init__(self, key: str, title: str, on_drawn: Callable[[], None]) -> None:
        super().__init__()
        self.key, self.title, self.on_drawn = key, title, on_drawn

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv.bookmarkPage(self.key)
        self.canv.addOutlineEntry(self.title, self.key, level=0)
        self.on_drawn()


def _styles() -> dict[str, ParagraphStyle]:
    # Colours as Color objects: a colour given as text is parsed again at every paragraph drawn.
    # CJK word wrap breaks anywhere a line must break, so long Japanese runs without spaces (and
    # long URLs) stay inside the frame instead of overflowing it.
    base = ParagraphStyle("body", fontName=FONT, fontSize=9, leading=13.5, wordWrap="CJK",
                          spaceAfter=2)
    return {
        "body": base,
        "small": ParagraphStyle("small", base, fontSize=7.5, leading=11, textColor=HexColor("#5f6b7a")),
        "h1": ParagraphStyle("h1", base, fontName=BOLD_FONT, fontSize=17, leading=22,
                             textColor=HexColor(HEADER_FILL), spaceAfter=6, keepWithNext=1),
        "h2": ParagraphStyle("h2", base, fontName=BOLD_FONT, fontSize=11.5, leading=16,
                             textColor=HexColor(HEADER_FILL), spaceBefore=8, spaceAfter=4, keepWithNext=1),
        "h3": ParagraphStyle("h3", base, fontName=BOLD_FONT, fontSize=9.5, leading=13,
                             textColor=HexColor("#5f6b7a"), spaceBefore=4, keepWithNext=1),
        "field": ParagraphStyle("field", base, leftIndent=8),
        "item": ParagraphStyle("item", base, fontSize=10, leading=14, textColor=HexColor(HEADER_FILL),
                               spaceBefore=4, keepWithNext=1),
        "step": ParagraphStyle("step", base, fontSize=8.5, leading=12.5, leftIndent=20,
                               firstLineIndent=-12),
    }


class DetailPages:
    """Builds the flowables of every stage's detail section."""

    def __init__(self, projection: Projection, labels: Mapping[str, str], language: str,
                 column_width: float) -> None:
        self.projection, self.labels = projection, labels
        self.kinds = CARD_KIND_LABELS[label_language(language)]
        self.transition_kinds = TRANSITION_KIND_LABELS[label_language(language)]
        self.width = column_width
        self.styles = _styles()
        self._card_styles: dict[tuple[str, str], ParagraphStyle] = {}

    def story(self, on_stage: Callable[[], None]) -> list[Flowable]:
        flowables: list[Flowable] = []
        if self.projection.segments or self.projection.path_rows:
            flowables += [PageBreak(), *self.segments_and_paths()]
        for number, stage in enumerate(self.projection.stages, start=1):
            flowables.append(PageBreak())
            flowables += self.stage(number, self.projection.section(stage), on_stage)
        return flowables

    def _long(self, lead: str, text: str, style: str = "body") -> list[Flowable]:
        """``lead`` then ``text`` (plain): its first chunk a Paragraph, the rest pre-broken lines."""
        first, rest = split_long(text)
        out: list[Flowable] = [self._text(lead + first, style)]
        if rest:
            s = self.styles[style]
            out.append(TextLines(printable(rest), s.fontSize, s.leading, s.leftIndent))
        return out

    def _p(self, text: str, style: str = "body") -> Paragraph:
        """A paragraph of markup (the lines with coloured dots)."""
        return WrapOnceParagraph(text, self.styles[style])

    def _text(self, text: str, style: str = "body") -> Paragraph:
        """A paragraph of plain text: labels and user text."""
        return paragraph(text, self.styles[style])

    # ------------------------------------------------------------------ segments and paths
    def segments_and_paths(self) -> list[Flowable]:
        labels = self.labels
        title = labels["segments_paths"]
        out: list[Flowable] = [StageAnchor("segments-paths", title, lambda: None),
                               self._text(title, "h1")]
        if self.projection.segment_rows:
            out.append(self._text(labels["segments"], "h2"))
            for row in self.projection.segment_rows:
                segment = row.segment
                name = markup(segment.name)
                count = escape(labels["tagged_count"].format(count=row.cards))
                out.append(self._p(f'<font color="{segment.colour}">●</font> <b>{name}</b>'
                                   f'{escape(labels["field_sep"])}{count}', "field"))
        if self.projection.path_rows:
            out.append(self._text(labels["paths"], "h2"))
            out += [self._path(row) for row in self.projection.path_rows]
        return out

    def _path(self, row: PathRow) -> Flowable:
        """A path's name, its route, then each step with the triggers of its transitions."""
        path, labels = row.path, self.labels
        parts: list[Flowable] = [self._p(
            f'<font color="{path.colour}">■</font> {markup(path.name)}', "item")]
        route = route_text(row.stage_names)
        parts.append(self._text(f"{labels['route']}: {route or labels['none']}", "field"))
        for hop in row.hops:
            step = f"{hop.source_name} → {hop.target_name}"
            found = [self._hop_transition(t) for t in hop.transitions]
            detail = self.labels["list_sep"].join(found) or labels["no_transition"]
            parts.append(self._text(f"{step}: {detail}", "step"))
        parts.append(Spacer(1, 4))
        return KeepTogether(parts)

    def _hop_transition(self, transition) -> str:
        parts = [self.transition_kinds[transition.kind]]
        if transition.trigger:
            parts.append(f"{self.labels['trigger']}: {transition.trigger}")
        if transition.conversion_rate is not None:
            parts.append(format_rate(transition.conversion_rate))
        return self.labels["field_sep"].join(parts)

    # ------------------------------------------------------------------ stages
    def stage(self, number: int, section: StageSection, on_stage) -> list[Flowable]:
        stage, labels = section.stage, self.labels
        title = f"{number}. {printable(stage.name)}"
        out: list[Flowable] = [StageAnchor(f"stage-{number}", title, on_stage),
                               self._text(title, "h1")]
        if stage.overview:
            out += [self._text(labels["overview"], "h2"), *self._long("", stage.overview)]
        out += self._emotions(section)
        out += self._paths_here(section)
        if stage.exit_criteria:
            out += [self._text(labels["exit_criteria"], "h2"), *self._criteria(section)]
        out += self._transitions(section)
        out += self._card_group(labels["moments_of_truth"], section.moments)
        out += self._card_group(labels["pain_points"], section.pains)
        out += self._other_cards(section.others)
        return out

    def _emotions(self, section: StageSection) -> list[Flowable]:
        items = self.projection.emotions(section.stage, self.labels["all_customers"])
        if not items:
            return []
        text = self.labels["field_sep"].join(
            f'<font color="{i.colour}">●</font> {markup(i.name)} '
            f"{format_emotion(i.value)}" for i in items)
        return [self._p(f"<b>{escape(self.labels['emotions'])}:</b> {text}")]

    def _paths_here(self, section: StageSection) -> list[Flowable]:
        rows = self.projection.paths_through(section.stage)
        if not rows:
            return []
        text = self.labels["field_sep"].join(
            f'<font color="{r.path.colour}">■</font> {markup(r.path.name)}'
            for r in rows)
        return [self._p(f"<b>{escape(self.labels['paths'])}:</b> {text}")]

    def _criteria(self, section: StageSection) -> list[Flowable]:
        criteria = section.stage.exit_criteria
        if any(len(c.text) + len(c.kpi) > LONG_CRITERION for c in criteria):
            # A table row cannot hold pages of text in time: list them as paragraphs instead.
            kpi = f"{self.labels['kpi_target']}: "
            return [flowable for c in criteria
                    for flowable in self._long("・", c.text, "field") + self._long(kpi, c.kpi, "field")]
        return [self._criteria_table(section)]

    def _criteria_table(self, section: StageSection) -> Table:
        head = [self._text(self.labels[k]) for k in ("criterion", "kpi_target")]
        rows = [[self._text(c.text), self._text(c.kpi)]
                for c in section.stage.exit_criteria]
        table = Table([head, *rows], colWidths=[self.width * 0.55, self.width * 0.45],
                      repeatRows=1, splitInRow=1)
        table.setStyle(TableStyle([
            # Cells are Paragraphs, but the table still sets its own font per cell: Helvetica by
            # default, which would then be listed (unembedded) in the PDF.
            ("FONTNAME", (0, 0), (-1, -1), FONT),
            ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#c9ced6")),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eef1f5")),
            ("VALIGN", (0, 0), (-1, -1), "TOP")]))
        return table

    def _transitions(self, section: StageSection) -> list[Flowable]:
        rows = [r for r in self.projection.transitions() if r.transition.source == section.stage.id]
        if not rows:
            return []
        out: list[Flowable] = [self._text(self.labels["transitions"], "h2")]
        for row in rows:
            t = row.transition
            parts = [f"→ {row.target_name}", self.transition_kinds[t.kind]]
            if t.trigger:
                parts.append(f"{self.labels['trigger']}: {t.trigger}")
            if t.conversion_rate is not None:
                parts.append(format_rate(t.conversion_rate))
            out.append(self._text(self.labels["field_sep"].join(parts), "field"))
        return out

    def _card_group(self, heading: str, rows: tuple[CardRow, ...]) -> list[Flowable]:
        if not rows:
            return []
        pending: list[Flowable] = [self._text(heading, "h2")]
        out: list[Flowable] = []
        for row in rows:
            out.append(self.card(row, lead=pending))
            pending = []
        return out

    def _other_cards(self, rows: tuple[CardRow, ...]) -> list[Flowable]:
        if not rows:
            return []
        pending: list[Flowable] = [self._text(self.labels["other_cards"], "h2")]
        out: list[Flowable] = []
        lane_id = None
        for row in rows:
            if row.lane.id != lane_id:
                lane_id = row.lane.id
                pending.append(self._text(row.lane.name, "h3"))
            out.append(self.card(row, show_lane=False, lead=pending))
            pending = []
        return out

    def card(self, row: CardRow, show_lane: bool = True,
             lead: list[Flowable] | None = None) -> Flowable:
        """A card's block, kept in one column when it fits one (KeepTogether splits it if not).

        ``lead`` are the headings before the card: platypus's keepWithNext cannot bind a heading
        to a KeepTogether, so they go inside it, never left alone at the foot of a column.
        """
        return KeepTogether([*(lead or []), *self._card_parts(row, show_lane)])

    def _card_parts(self, row: CardRow, show_lane: bool) -> list[Flowable]:
        card, labels = row.card, self.labels
        first, rest = split_long(card.title)
        style = self._card_style(card)
        out: list[Flowable] = [paragraph(f"{self.kinds[card.kind]} │ {first}", style)]
        if rest:
            out.append(TextLines(printable(rest), style.fontSize, style.leading, style.leftIndent))
        out.append(self._meta(row, show_lane))
        fields = [("details", card.details), ("feeling", card.feeling), ("stakes", card.stakes),
                  ("team_actions", card.actions)]
        for key, value in fields:
            if value:
                out += self._long(f"{labels[key]}: ", value, "field")
        out += self._links(row)
        out += comment_flowables(self.projection.journey, card.id, labels, self.styles["small"])
        out.append(Spacer(1, 5))
        return out

    def _links(self, row: CardRow) -> list[Flowable]:
        """The pain points an idea addresses, and the ideas that address a pain point."""
        out = []
        for key, linked in (("addresses", self.projection.addresses(row.card.id)),
                            ("ideas", self.projection.addressed_by(row.card.id))):
            if linked:
                titles = self.labels["list_sep"].join(self._linked(row, other) for other in linked)
                out.append(self._text(f"{self.labels[key]}: {titles}", "field"))
        return out

    def _linked(self, row: CardRow, other: CardRow) -> str:
        """A linked card's title, with its stage when that is not this card's stage."""
        title = other.card.title
        if other.stage.id != row.stage.id:
            title += f" ({other.stage.name})"
        return title

    def _meta(self, row: CardRow, show_lane: bool) -> Paragraph:
        """The small line under a card's title: lane, channel, owner, segments, votes."""
        card, labels = row.card, self.labels
        segments = labels["list_sep"].join(row.segment_names)
        meta = [(labels["lane"], row.lane.name if show_lane else ""),
                (labels["channel"], card.channel),
                (labels["owner"], card.owner),
                (labels["segments"], segments),
                (labels["votes"], str(card.votes) if card.votes else "")]
        return self._text(labels["field_sep"].join(f"{k}: {v}" for k, v in meta if v), "small")

    def _card_style(self, card) -> ParagraphStyle:
        fill = card_colour(card.kind, card.colour)
        edge = EMPHASISED_KINDS.get(card.kind, "#9aa5b1")
        style = self._card_styles.get((fill, edge))
        if style is None:
            style = self._card_styles[(fill, edge)] = ParagraphStyle(
                f"card-{fill}-{edge}", self.styles["body"], backColor=HexColor(fill),
                borderColor=HexColor(edge),
                borderWidth=1.6 if card.kind in EMPHASISED_KINDS else 0.5, borderPadding=(3, 4),
                leftIndent=4, rightIndent=4, spaceBefore=4, spaceAfter=5, keepWithNext=1)
        return style
