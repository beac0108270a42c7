"""PDF export: the map as a vector poster (an overview and tiles when it does not fit legibly on
one page), then the detail pages ("Segments & paths" when the map has any, then one section per
stage), which can be left out; for two scenarios compared, a comparison page (pdf_compare).

Orchestrates the parts: print_copy for the text as it prints, model.layout.grid for geometry,
pdf_pages for the scale and the tiles, pdf_heading and pdf_legend for what stands above the map,
pdf_sheet and pdf_poster for painting, pdf_details for the detail pages, fonts for the embedded
TrueType fonts. Writes through a temporary file renamed into place. Imports reportlab, model,
resources and exporters only, never Qt.
"""
from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.colors import HexColor
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, NextPageTemplate, PageTemplate
from reportlab.platypus.doctemplate import LayoutError

from exporters.common import ExportError, ExportReport, Progress, atomic_target, check_target, no_progress
from exporters.compare_rows import compare_rows
from exporters.fonts import FONT, GlyphCheck, char_widths, draw_text, register_fonts, text_width
from exporters.labels import labels_for
from exporters.paper import DEFAULT_MIN_TEXT, PosterOptions, paper_label
from exporters.pdf_compare import compare_template, comparison_story
from exporters.pdf_details import DetailPages
from exporters.pdf_heading import PosterHeading, fit_line
from exporters.pdf_legend import MAX_SHARE, LegendItem, PosterLegend
from exporters.pdf_pages import MARGIN, PosterPlan, plan_poster, tile_key
from exporters.pdf_poster import MARKER_INK, PosterPainter, clean
from exporters.pdf_sheet import INDENT, PosterPage
from exporters.print_copy import PrintableMap
from exporters.projection import Projection
from model import JourneyMap
from model.layout.appearance import CARD_KIND_LABELS, CARD_MARKERS, card_colour, label_language
from model.layout.grid import CARD_KIND_ORDER, CardSizer, MapLayout, compute_layout
from model.scenarios.compare import Comparison

DETAIL_MARGIN = 36
COLUMN_GAP = 24
FOOTER_PT = 7.5
CREATOR = "Journey Map Editor"


class _Ticker:
    """Counts finished steps and reports them to the caller's progress callback."""

    def __init__(self, progress: Progress, total: int) -> None:
        self.progress, self.total, self.done = progress, total, 0
        progress(0, total)

    def __call__(self) -> None:
        self.done = min(self.done + 1, self.total)
        self.progress(self.done, self.total)


@dataclass
class Poster:
    """Everything the poster pages are drawn from: the printable copy of the map and its layout,
    the page plan, the heading and the legend."""

    printable: PrintableMap
    glyphs: GlyphCheck
    projection: Projection
    layout: MapLayout
    plan: PosterPlan
    heading: PosterHeading
    legend: PosterLegend

    @property
    def journey(self) -> JourneyMap:
        return self.printable.journey


def prepare_poster(journey: JourneyMap, options: PosterOptions,
                   language: str | None = None) -> Poster:
    """Clean the text, lay the map out and plan its pages; the heading gets a page line when the
    poster tiles. Cheap next to drawing: the export dialog can ask it for a preview."""
    register_fonts()
    glyphs = GlyphCheck()
    printable = PrintableMap(journey, glyphs)
    copy, labels = printable.journey, labels_for(language or journey.language)
    projection = Projection(copy)
    layout = compute_layout(copy, CardSizer(char_widths()))
    width, height = options.size
    inner = width - 2 * MARGIN - 2 * INDENT
    title = clean(copy.title) or labels["map"]
    heading = PosterHeading(title, clean(copy.description), char_widths(), inner, False)
    legend = _legend(projection, labels, label_language(language or journey.language), inner,
                     height - 2 * MARGIN - heading.height)
    plan = plan_poster(layout, options.size, options, heading.height + legend.height)
    if plan.overview is not None:  # tiles: a page line under the title, the legend on the overview
        heading = PosterHeading(title, clean(copy.description), char_widths(), inner, True)
        plan = plan_poster(layout, options.size, options, heading.height + legend.height,
                           heading.height)
    return Poster(printable, glyphs, projection, layout, plan, heading, legend)


def export_pdf(journey: JourneyMap, path: str | os.PathLike[str], *, paper: str = "a3",
               is_landscape: bool = True, tile: bool = False, mode: str | None = None,
               min_text: float = DEFAULT_MIN_TEXT, details: bool = True,
               language: str | None = None, author: str = "",
               progress: Progress | None = None,
               comparison: Comparison | None = None) -> ExportReport:
    """Write the poster (and, with ``details``, the detail pages) of ``journey`` to ``path``.

    ``mode`` is "auto", "fit" or "tile" (see exporters.paper.PosterOptions; ``tile=True`` is the
    older spelling of "tile"); ``min_text`` the smallest card-title size in points. ``language``
    picks the headings' language (default: the map's). With ``comparison`` (two scenarios
    compared), a comparison page (exporters.pdf_compare) follows. Raises ValueError for a bad paper, mode
    or size, ExportError when the path cannot be written; nothing is left behind then.
    """
    options = PosterOptions(paper, is_landscape, mode or ("tile" if tile else "auto"), min_text,
                            details)
    check_target(Path(path))  # before the layout work, not only when the file is opened
    poster = prepare_poster(journey, options, language)
    plan, labels = poster.plan, labels_for(language or journey.language)
    report = ExportReport(str(path))
    if plan.below_minimum:
        report.warn(below_minimum(plan, options))
        report.small_text = plan.title_pt
    with atomic_target(path) as temp:
        doc = _document(temp, options.size, poster.journey, labels, author)
        stages = len(poster.projection.stages) if details else 0
        tick = _Ticker(progress or no_progress, len(plan.sheets) + (plan.overview is not None)
                       + stages + 1)
        story = _poster_story(poster, labels, options, tick)
        if details:
            pages = DetailPages(poster.projection, labels, language or journey.language,
                                _column_width(options.size))
            story += pages.story(tick)
        if comparison is not None:
            doc.addPageTemplates([compare_template(options.size)])
            story += comparison_story(compare_rows(comparison, language),
                                      (comparison.before_name, comparison.after_name), details)
        _build(doc, story, path)
        tick()
    report.pages = doc.page
    report.poster_pages = len(plan.sheets) + (plan.overview is not None)
    report.summary = poster_summary(plan, options)
    for warning in poster.printable.warnings() + poster.glyphs.warnings():
        report.warn(warning)
    return report


def _legend(projection: Projection, labels, lang: str, width: float, room: float) -> PosterLegend:
    """The legend band for this paper: as wide as the poster, at most its share of the height."""
    used = {row.card.kind for row in projection.rows}
    kinds = [LegendItem("kind", card_colour(kind), CARD_KIND_LABELS[lang][kind], CARD_MARKERS[kind],
                        MARKER_INK.get(CARD_MARKERS[kind], ""))
             for kind in CARD_KIND_ORDER if kind in used]
    return PosterLegend(projection, labels, char_widths(), width, room * MAX_SHARE, clean, kinds)


def below_minimum(plan: PosterPlan, options: PosterOptions) -> str:
    return (f"the poster is fitted on one {paper_label(options.paper)} page at "
            f"{plan.scale * 100:.0f} %: card titles print at {plan.title_pt:.1f} pt, below the "
            f"minimum of {options.min_text:g} pt; choose a larger paper or let the poster tile")


def poster_summary(plan: PosterPlan, options: PosterOptions) -> str:
    """One line for the user: how the poster came out."""
    where = f"{paper_label(options.paper)}"
    if plan.overview is None:
        pages = f"poster on one {where} page"
    else:
        last = plan.sheets[-1]
        pages = (f"poster on {len(plan.sheets)} {where} pages ({tile_key(1, 1)}–"
                 f"{tile_key(last.rows, last.cols)}) after an overview page")
    return f"{pages} at {plan.scale * 100:.0f} %, card titles {plan.title_pt:.1f} pt"


def _build(doc: BaseDocTemplate, story: list[Flowable], path) -> None:
    try:
        doc.build(story)
    except OSError as exc:
        raise ExportError(path, exc.strerror or str(exc)) from exc
    except LayoutError as exc:  # not expected (every flowable can split); say so, in one line
        raise ExportError(path, f"the pages could not be laid out: {exc}") from exc


def _document(temp, size, journey: JourneyMap, labels, author: str) -> BaseDocTemplate:
    title = clean(journey.title) or labels["map"]
    subject = clean(journey.description)[:300] or labels["subject"]
    doc = BaseDocTemplate(str(temp), pagesize=size, title=title[:300],
                          author=author or labels["author"], subject=subject, creator=CREATOR,
                          initialFontName=FONT, initialFontSize=9)
    width, height = size
    poster = Frame(0, 0, width, height, leftPadding=0, rightPadding=0, topPadding=0,
                   bottomPadding=0, id="poster")
    column = _column_width(size)
    frames = [Frame(DETAIL_MARGIN + i * (column + COLUMN_GAP), DETAIL_MARGIN, column,
                    height - 2 * DETAIL_MARGIN, leftPadding=0, rightPadding=0, id=f"column{i}")
              for i in range(2)]
    doc.addPageTemplates([PageTemplate("poster", [poster]),
                          PageTemplate("details", frames, onPage=_footer(title, labels))])
    return doc


def _column_width(size: tuple[float, float]) -> float:
    return (size[0] - 2 * DETAIL_MARGIN - COLUMN_GAP) / 2


def _footer(title: str, labels: Mapping[str, str]):
    """The detail pages' footer: the title at the left, cut to leave room for the page number
    at the right, however long the title is."""
    def draw(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFillColor(HexColor("#5f6b7a"))
        number = labels["page"].format(page=doc.page)
        right = doc.pagesize[0] - DETAIL_MARGIN
        canvas.setFont(FONT, FOOTER_PT)
        canvas.drawRightString(right, DETAIL_MARGIN / 2, number)
        room = right - DETAIL_MARGIN - text_width(number, FOOTER_PT) - 24
        draw_text(canvas, DETAIL_MARGIN, DETAIL_MARGIN / 2, fit_line(title, room, FOOTER_PT),
                  FOOTER_PT)
        canvas.restoreState()
    return draw


def _poster_story(poster: Poster, labels, options: PosterOptions, tick) -> list:
    # The canvas exists only once the build starts; each PosterPage hands it over when drawn.
    painter = PosterPainter(None, poster.journey, poster.projection, poster.layout, char_widths(),
                            labels["all_customers"])
    plan = poster.plan
    pages: list = [] if plan.overview is None else [plan.overview]
    pages += plan.sheets
    story: list[Flowable] = []
    for i, sheet in enumerate(pages):
        story.append(PosterPage(painter, plan, sheet, poster.heading, poster.legend,
                                _page_line(plan, sheet, labels), labels["map"] if i == 0 else "", tick,
                                options))
    # Processed on the last poster page (each PosterPage fills its page), so the page after it is
    # the first to use the details template.
    story.append(NextPageTemplate("details"))
    return story


def _page_line(plan: PosterPlan, sheet, labels) -> str:
    if plan.overview is None:
        return ""
    last = plan.sheets[-1]
    if sheet is plan.overview:
        return (labels["overview_page"] + " — " + labels["overview_line"].format(
            rows=last.rows, cols=last.cols, first=tile_key(1, 1), last=tile_key(last.rows, last.cols)))
    line = labels["page_line"].format(key=sheet.key, row=sheet.row, col=sheet.col, rows=sheet.rows,
                                      cols=sheet.cols)
    if sheet.row > 1:
        line += labels["list_sep"] + labels["above"].format(key=tile_key(sheet.row - 1, sheet.col))
    return line
