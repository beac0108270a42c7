"""ImportSummaryView: what an import understood, as the person reads it before accepting it.

Stages, lanes with their kinds (and where the kinds came from), cards by kind, then the
importer's own report: what it understood, its warnings and the rows it skipped with their
reasons. Headings and kind names are in the interface's language; the importer's sentences come
from the Qt-free importers and are English. Imports: PySide6, model.layout.appearance,
editor.window.import_worker.
"""
from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QTextBrowser, QWidget

from editor.window.import_worker import BASE_NONE, ImportOutcome, card_kind_counts
from model.layout.appearance import CARD_KIND_LABELS, LANE_KIND_LABELS, label_language

SHOWN_NAMES = 40  # stages listed by name; the rest are counted
SHOWN_LANES = 60
SHOWN_PROBLEMS = 200  # warnings and skipped rows listed one by one
WARNING_COLOUR, SKIPPED_COLOUR = "#9a5b00", "#b71c1c"


class ImportSummaryView(QTextBrowser):
    def __init__(self, language: str = "en", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = label_language(language)
        self.setOpenLinks(False)
        self.setMinimumWidth(340)

    def show_outcome(self, outcome: ImportOutcome, format_name: str) -> None:
        journey = outcome.result.journey
        parts = [self._stages(journey), self._lanes(journey, outcome), self._cards(journey),
                 self._report(self.tr("What the importer understood"), outcome.result.understood),
                 self._report(self.tr("Warnings (%1)").replace("%1", str(len(outcome.result.warnings))),
                              outcome.result.warnings, WARNING_COLOUR),
                 self._report(self.tr("Skipped rows (%1)").replace("%1", str(len(outcome.result.skipped))),
                              outcome.result.skipped, SKIPPED_COLOUR)]
        heading = self.tr("Read as %1").replace("%1", escape(format_name))
        self.setHtml(f"<p><b>{heading}</b></p>" + "".join(parts))

    def show_failure(self, message: str) -> None:
        hint = self.tr("Nothing was opened. Try another \"Read as\" choice, or correct the file and "
                       "import it again.")
        self.setHtml(self._heading(self.tr("This file cannot be imported"), SKIPPED_COLOUR)
                     + f"<p style='color:{SKIPPED_COLOUR}'>{escape(message)}</p>"
                     + f"<p>{escape(hint)}</p>")

    def _stages(self, journey) -> str:
        names = [stage.name or self.tr("(no name)") for stage in journey.stages()]
        return (self._heading(self.tr("Stages (%1)").replace("%1", str(len(names))))
                + f"<p>{escape(self._listed(names, SHOWN_NAMES, ' → '))}</p>")

    def _lanes(self, journey, outcome: ImportOutcome) -> str:
        labels = LANE_KIND_LABELS[self.language]
        lanes = journey.lanes()
        rows = "".join(
            f"<tr><td>{escape(lane.name or self.tr('(no name)'))}</td>"
            f"<td style='padding-left:12px; color:#37474f'>{escape(labels[lane.kind])}</td></tr>"
            for lane in lanes[:SHOWN_LANES])
        more = len(lanes) - SHOWN_LANES
        if more > 0:
            rows += f"<tr><td>{escape(self.tr('and %1 more').replace('%1', str(more)))}</td></tr>"
        return (self._heading(self.tr("Lanes (%1)").replace("%1", str(len(lanes))))
                + f"<p><i>{escape(self._kinds_source(outcome))}</i></p><table>{rows}</table>")

    def _kinds_source(self, outcome: ImportOutcome) -> str:
        if outcome.format in ("mermaid", "yaml"):
            return self.tr("Lane kinds follow the format.")
        if outcome.format == "xlsx" and outcome.base != BASE_NONE:
            return self.tr("Lane kinds come from the base map; new lanes' kinds are guessed from "
                           "their names.")
        return self.tr("Lane kinds are guessed from the lane names; change them later in the "
                       "inspector.")

    def _cards(self, journey) -> str:
        labels = CARD_KIND_LABELS[self.language]
        counts = card_kind_counts(journey)
        listed = " · ".join(f"{labels[kind]} {count}" for kind, count in
                            sorted(counts.items(), key=lambda item: -item[1]))
        return (self._heading(self.tr("Cards (%1)").replace("%1", f"{journey.card_count():,}"))
                + f"<p>{escape(listed)}</p>")

    def _report(self, title: str, lines: list[str], colour: str = "") -> str:
        if not lines:
            return ""
        items = "".join(f"<li>{escape(line)}</li>" for line in lines[:SHOWN_PROBLEMS])
        more = len(lines) - SHOWN_PROBLEMS
        if more > 0:
            items += f"<li>{escape(self.tr('and %1 more').replace('%1', str(more)))}</li>"
        return self._heading(title, colour) + f"<ul style='margin-left:-20px'>{items}</ul>"

    @staticmethod
    def _heading(text: str, colour: str = "") -> str:
        style = f" style='color:{colour}'" if colour else ""
        return f"<h4{style}>{escape(text)}</h4>"

    def _listed(self, names: list[str], limit: int, separator: str) -> str:
        shown = separator.join(names[:limit])
        more = len(names) - limit
        return shown + (" " + self.tr("and %1 more").replace("%1", str(more)) if more > 0 else "")
