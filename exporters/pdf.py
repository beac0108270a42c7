"""PDF export: the map as a vector poster (page 1+), then the detail pages ("Segments & paths"
when the map has any, then one section per stage).

Orchestrates the parts: model.layout.grid for geometry, pdf_pages for paper and tiles, pdf_legend for
the segments and paths legend under the title, pdf_poster for painting, pdf_details for the
detail pages, fonts for the embedded Japanese TTF. Writes through a
temporary file renamed into place. Imports reportlab, model, resources and exporters only, never Qt.
"""
from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A3, A4, landscape, portrait
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, NextPageTemplate, PageTemplate
from reportlab.platypus.doctemplate import LayoutError

from exporters.cleaning import TextCleaner
from exporters.common import ExportError, ExportReport, Progress, atomic_target, check_target, no_progress
from exporters.fonts import FONT, char_widths, describe_missing, missing_glyphs, register_fonts
from exporters.labels import labels_for
from exporters.pdf_details import DetailPages
from exporters.pdf_legend import MAX_SHARE, PosterLegend
from exporters.pdf_pages import MARGIN, TITLE_BAND, PosterSheet, draw_tile_marks, poster_sheets
from exporters.pdf_poster import PosterPainter, clean
from exporters.projection import Projection
from model import JourneyMap
from model.layout.grid import CardSizer, compute_layout

PAPERS = {"a4": A4, "a3": A3}
DETAIL_MARGIN = 36
COLUMN_GAP = 24
CREATOR = "Journey Map Editor"


class PosterPage(Flowable):
    """One poster page as a page-filling flowable, so platypus paginates posters and details alike."""

    def __init__(self, painter: PosterPainter, sheet: PosterSheet, heading: str, bookmark: str,
                 legend: PosterLegend, on_drawn) -> None:
        super().__init__()
        self.painter, self.sheet, self.heading, self.legend = painter, sheet, heading, legend
        self.bookmark, self.on_drawn = bookmark, on_drawn

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return available_width, available_height

    def draw(self) -> None:
        canvas, sheet = self.canv, self.sheet
        self.painter.canvas = canvas
        if self.bookmark:
            canvas.bookmarkPage("map")
            canvas.addOutlineEntry(self.bookmark, "map", level=0)
            canvas.showOutline()
        canvas.setFont(FONT, 13)
        canvas.setFillColor(HexColor("#1f2933"))
        # Indented past the crop mark that rises from the poster's top-left corner.
        canvas.drawString(sheet.area.x + 8, sheet.title_baseline, self.heading)
        self.legend.draw(canvas, sheet.area.x + 8, sheet.area.bottom + sheet.legend_height)
        canvas.saveState()
        clip = canvas.beginPath()
        clip.rect(sheet.area.x, sheet.area.y, sheet.area.w, sheet.area.h)
        canvas.clipPath(clip, stroke=0, fill=0)
        canvas.translate(*sheet.origin)
        canvas.scale(sheet.scale, sheet.scale)
        canvas.translate(-sheet.view.x, sheet.view.y)  # layout y grows down: see pdf_shapes.up
        self.painter.draw(sheet.view)
        canvas.restoreState()
        if sheet.rows * sheet.cols > 1:
            draw_tile_marks(canvas, sheet)
        self.on_drawn()


class _Ticker:
    """Counts finished steps and reports them to the caller's progress callback."""

    def __init__(self, progress: Progress, total: int) -> None:
        self.progress, self.total, self.done = progress, total, 0
        progress(0, total)

    def __call__(self) -> None:
        self.done = min(self.done + 1, self.total)
        self.progress(self.done, self.total)


def page_size(paper: str, is_landscape: bool) -> tuple[float, float]:
    try:
        size = PAPERS[paper.lower()]
    except KeyError:
        raise ValueError(f"unknown paper size {paper!r}; use one of {', '.join(PAPERS)}") from None
    return landscape(size) if is_landscape else portrait(size)


def export_pdf(journey: JourneyMap, path: str | os.PathLike[str], *, paper: str = "a3",
               is_landscape: bool = True, tile: bool = False, language: str | None = None,
               author: str = "", progress: Progress | None = None) -> ExportReport:
    """Write the poster and detail pages of ``journey`` to ``path``.

    ``language`` picks the headings' language (default: the map's). Raises ExportError when the
    path cannot be written; nothing is left behind then.
    """
    size = page_size(paper, is_landscape)
    check_target(Path(path))  # before the layout work, not only when the file is opened
    register_fonts()
    report = ExportReport(str(path))
    labels = labels_for(language or journey.language)
    projection = Projection(journey)
    missing = missing_glyphs(_texts(journey, projection))
    if missing:
        report.warn(describe_missing(missing))
    cleaner = TextCleaner()
    with atomic_target(path) as temp:
        doc = _document(temp, size, journey, labels, author)
        legend = _legend(projection, labels, size)
        sheets = poster_sheets(compute_layout(journey, CardSizer(char_widths())), size, tile,
                               legend.height)
        tick = _Ticker(progress or no_progress, len(sheets) + len(projection.stages) + 1)
        story = _poster_story(journey, projection, sheets, labels, legend, tick)
        details = DetailPages(projection, labels, language or journey.language, cleaner,
                              _column_width(size))
        _build(doc, story + details.story(tick), path)
        tick()
    report.pages = doc.page
    report.warnings += cleaner.warnings()
    return report


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
    doc = BaseDocTemplate(str(temp), pagesize=size, title=title, author=author or labels["author"],
                          subject=subject, creator=CREATOR, initialFontName=FONT, initialFontSize=9)
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


def _footer(title: str, labels):
    def draw(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont(FONT, 7.5)
        canvas.setFillColor(HexColor("#5f6b7a"))
        text = f"{title}  ·  {labels['page'].format(page=doc.page)}"
        canvas.drawCentredString(doc.pagesize[0] / 2, DETAIL_MARGIN / 2, text)
        canvas.restoreState()
    return draw


def _legend(projection: Projection, labels, size: tuple[float, float]) -> PosterLegend:
    """The legend band for this paper: as wide as the poster, at most its share of the height."""
    width, height = size
    room = height - 2 * MARGIN - TITLE_BAND
    return PosterLegend(projection, labels, char_widths(), width - 2 * MARGIN - 16,
                        room * MAX_SHARE, clean)


def _poster_story(journey, projection, sheets: list[PosterSheet], labels, legend, tick) -> list:
    # The canvas exists only once the build starts; each PosterPage hands it over when drawn.
    painter = PosterPainter(None, journey, projection, sheets[0].layout, char_widths(),
                            labels["all_customers"])
    title = clean(journey.title) or labels["map"]
    story: list[Flowable] = []
    for i, sheet in enumerate(sheets):
        heading = title
        if len(sheets) > 1:
            heading += "  —  " + labels["tile"].format(row=sheet.row, col=sheet.col) + "  (" + \
                labels["tile_of"].format(rows=sheet.rows, cols=sheet.cols) + ")"
        story.append(PosterPage(painter, sheet, heading, labels["map"] if i == 0 else "", legend,
                                tick))
    # Processed on the last poster page (each PosterPage fills its page), so the page after it is
    # the first to use the details template.
    story.append(NextPageTemplate("details"))
    return story


def _texts(journey: JourneyMap, projection: Projection) -> Iterator[tuple[str, str]]:
    """Every user text the PDF shows, with a place name for warnings."""
    yield "map title", journey.title
    for stage in projection.stages:
        yield f"stage “{stage.name}”", " ".join(
            [stage.name, stage.overview] + [f"{c.text} {c.kpi}" for c in stage.exit_criteria])
    for lane in projection.lanes:
        yield f"lane “{lane.name}”", lane.name
    for segment in projection.segments:
        yield f"segment “{segment.name}”", segment.name
    for path in projection.path_rows:
        yield f"path “{path.path.name}”", path.path.name
    for row in projection.rows:
        c = row.card
        yield f"card “{c.title[:30]}”", " ".join(
            (c.title, c.details, c.channel, c.owner, c.feeling, c.stakes, c.actions))
    for t in journey.transitions():
        yield f"transition {t.id}", t.trigger
