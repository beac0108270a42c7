"""The export options dialog: what the command line offers for the PDF poster (paper, including
the larger, JIS B and custom sizes; automatic, one-page or tiled layout; minimum text size; detail
pages on or off) and for PowerPoint (slide shape), remembered between sessions.

For the PDF it shows, before anything is written, how the poster will come out ("6 A4 pages after
an overview, card titles 7.4 pt") and, in one-page mode, when text would print below the minimum.
That plan lays the whole map out, so it is worked out in a worker thread (export_worker) on the
map's snapshot, one plan at a time, the latest choices winning; the dialog stays responsive.
The choices are kept in the window's QSettings under "export/…". With a document of several
scenarios it also asks which scenario, and for the PDF a comparison (editor.window.
export_scenarios). Imports PySide6, model (the snapshot), exporters (paper names and the poster
plan, lazily, in the worker), editor.settings and editor.window (export_worker, export_scenarios).
"""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QSettings, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from editor.settings import read_text
from editor.window.export_scenarios import ScenarioExportRows
from editor.window.export_worker import ExportTask
from model.journey.snapshot import MapSnapshot

# The dialog's own settings keys (editor.settings holds the application-wide ones).
KEY_PAPER = "export/pdf_paper"
KEY_CUSTOM = "export/pdf_custom_mm"
KEY_MODE = "export/pdf_mode"
KEY_MIN_TEXT = "export/pdf_min_text"
KEY_DETAILS = "export/pdf_details"
KEY_ASPECT = "export/pptx_aspect"
PAPERS = ("a4", "a3", "a2", "a1", "a0", "b5", "b4", "b3", "b2", "b1", "b0")
CUSTOM = "custom"
MODES = ("auto", "fit", "tile")
PREVIEW_DELAY_MS = 250  # the preview lays the map out: wait until the choices settle


@dataclass(frozen=True)
class PdfChoices:
    paper: str
    mode: str
    min_text: float
    details: bool


def small_text_warning(title_pt: float, minimum: float) -> str:
    """The one-page mode's warning, in the user's language."""
    return (QCoreApplication.translate(
        "ExportOptionsDialog", "Card titles print at %1 pt, below the minimum of %2 pt: choose a "
        "larger paper or the automatic layout.")
            .replace("%1", f"{title_pt:.1f}").replace("%2", f"{minimum:g}"))


def _bool(value, default: bool) -> bool:
    if value is None:
        return default
    return str(value).lower() in ("true", "1", "yes")


@dataclass(frozen=True)
class PosterPreview:
    """What the preview says about one set of choices (worked out in the worker)."""

    choice: PdfChoices
    paper: str
    sheets: int
    last_key: str
    tiled: bool
    scale: float
    title_pt: float
    below_minimum: bool


def _preview_job(snapshot: MapSnapshot, copies: dict, choice: PdfChoices):
    """The poster plan of ``choice`` (worker thread); the map is rebuilt once per dialog."""
    def job(progress) -> PosterPreview:
        from exporters.paper import PosterOptions, paper_label
        from exporters.pdf import prepare_poster
        from exporters.pdf_pages import tile_key

        if "map" not in copies:
            copies["map"] = snapshot.to_map()
        options = PosterOptions(choice.paper, mode=choice.mode, min_text=choice.min_text)
        plan = prepare_poster(copies["map"], options).plan
        last = plan.sheets[-1]
        return PosterPreview(choice, paper_label(choice.paper), len(plan.sheets),
                             tile_key(last.rows, last.cols), plan.overview is not None, plan.scale,
                             plan.title_pt, plan.below_minimum)
    return job


class ExportOptionsDialog(QDialog):
    """Options of one export ("pdf" or "pptx") for ``journey`` (a JourneyMap or a MapSnapshot),
    read from and saved to ``settings``; with ``scenarios`` (a ScenarioSet of several), the
    scenario to export (``scenario_rows``) and, for the PDF, a comparison."""

    previewed = Signal(str)  # the preview's text, each time a plan has been worked out

    def __init__(self, kind: str, journey, settings: QSettings, parent: QWidget | None = None,
                 scenarios=None) -> None:
        super().__init__(parent)
        self.kind, self.settings = kind, settings
        self.snapshot = journey if isinstance(journey, MapSnapshot) else MapSnapshot.of(journey)
        self._copies: dict = {}  # the worker's own map, built once, used by one plan at a time
        self._preview_task: ExportTask | None = None
        self._preview_again = False
        self.setWindowTitle(self.tr("PDF Poster Options") if kind == "pdf"
                            else self.tr("PowerPoint Options"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)
        self.scenario_rows = None if scenarios is None else \
            ScenarioExportRows(scenarios, form, kind == "pdf", self, self._scenario_chosen)
        if kind == "pdf":
            self._pdf_fields(form)
            self.preview = QLabel()
            self.preview.setObjectName("posterPreview")
            self.preview.setWordWrap(True)
            layout.addWidget(self.preview)
            self._timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
            self._timer.timeout.connect(self.update_preview)
            self._load_pdf()
            self._timer.start()
        else:
            self.aspect = QComboBox()
            self.aspect.addItem(self.tr("Widescreen (16:9)"), "16:9")
            self.aspect.addItem(self.tr("Standard (4:3)"), "4:3")
            self.aspect.setCurrentIndex(max(0, self.aspect.findData(read_text(settings, KEY_ASPECT, "16:9"))))
            form.addRow(self.tr("Slide shape:"), self.aspect)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.buttons = buttons

    # ------------------------------------------------------------------ PDF fields
    def _pdf_fields(self, form: QFormLayout) -> None:
        self.paper = QComboBox()
        for name in PAPERS:
            self.paper.addItem(name.upper(), name)
        self.paper.addItem(self.tr("Custom size (plotter)…"), CUSTOM)
        self.custom_w, self.custom_h = self._millimetres(900), self._millimetres(600)
        custom = QHBoxLayout()
        for widget in (self.custom_w, QLabel("×"), self.custom_h):
            custom.addWidget(widget)
        form.addRow(self.tr("Paper:"), self.paper)
        form.addRow(self.tr("Custom size:"), custom)
        self.modes = QButtonGroup(self)
        texts = (self.tr("Automatic: one page if the text stays legible, else tiled pages"),
                 self.tr("Always one page (text may get small)"),
                 self.tr("Tiled pages at actual size"))
        column = QVBoxLayout()
        for i, text in enumerate(texts):
            button = QRadioButton(text)
            self.modes.addButton(button, i)
            column.addWidget(button)
        form.addRow(self.tr("Layout:"), column)
        self.min_text = QDoubleSpinBox(decimals=1, minimum=4.0, maximum=24.0, singleStep=0.5)
        self.min_text.setSuffix(" pt")
        form.addRow(self.tr("Smallest card title:"), self.min_text)
        self.details = QCheckBox(self.tr("Detail pages (one section per stage)"))
        form.addRow("", self.details)
        for signal in (self.paper.currentIndexChanged, self.custom_w.valueChanged,
                       self.custom_h.valueChanged, self.modes.idToggled, self.min_text.valueChanged):
            signal.connect(self._changed)

    @staticmethod
    def _millimetres(value: float) -> QDoubleSpinBox:
        box = QDoubleSpinBox(decimals=0, minimum=100, maximum=5000, singleStep=10)
        box.setSuffix(" mm")
        box.setValue(value)
        return box

    def _load_pdf(self) -> None:
        s = self.settings
        self.paper.setCurrentIndex(max(0, self.paper.findData(read_text(s, KEY_PAPER, "a3"))))
        width, _, height = read_text(s, KEY_CUSTOM, "900x600").partition("x")
        try:
            self.custom_w.setValue(float(width))
            self.custom_h.setValue(float(height))
        except ValueError:
            pass
        mode = read_text(s, KEY_MODE, "auto")
        self.modes.button(MODES.index(mode) if mode in MODES else 0).setChecked(True)
        try:
            self.min_text.setValue(float(s.value(KEY_MIN_TEXT, 7.0)))
        except (TypeError, ValueError):
            self.min_text.setValue(7.0)
        self.details.setChecked(_bool(s.value(KEY_DETAILS), True))
        self._changed()

    def _changed(self, *_args) -> None:
        custom = self.paper.currentData() == CUSTOM
        self.custom_w.setEnabled(custom)
        self.custom_h.setEnabled(custom)
        if hasattr(self, "_timer"):
            self._timer.start()

    # ------------------------------------------------------------------ results
    def pdf_choices(self) -> PdfChoices:
        paper = self.paper.currentData()
        if paper == CUSTOM:
            paper = f"{self.custom_w.value():g}x{self.custom_h.value():g}mm"
        return PdfChoices(paper, MODES[max(self.modes.checkedId(), 0)], self.min_text.value(),
                          self.details.isChecked())

    def _scenario_chosen(self, snapshot: MapSnapshot) -> None:
        """Another scenario to export: the preview works out its poster."""
        self.snapshot, self._copies = snapshot, {}
        if hasattr(self, "_timer"):
            self._timer.start()

    def aspect_choice(self) -> str:
        return self.aspect.currentData()

    def update_preview(self) -> None:
        """Work out how the poster will come out with the current choices (the exporter's own
        plan) in the worker; while one plan is being worked out, the latest choices wait."""
        if self._preview_task is not None:
            self._preview_again = True
            return
        self._preview_again = False
        self.preview.setText(self.tr("Working out the pages…"))
        task = ExportTask(_preview_job(self.snapshot, self._copies, self.pdf_choices()))
        task.succeeded.connect(self._show_preview)
        task.failed.connect(self._preview_failed)
        self._preview_task = task
        task.start()

    def _stale(self) -> bool:
        """The plan just worked out is for older choices: work out the latest instead."""
        self._preview_task = None
        if self._preview_again:
            self.update_preview()
            return True
        return False

    def _preview_failed(self, _kind: str, text: str) -> None:
        if self._stale():
            return
        self.preview.setStyleSheet("color: #b00020;")
        self.preview.setText(text)
        self.previewed.emit(text)

    def _show_preview(self, found: PosterPreview) -> None:
        if self._stale():
            return
        scale, size = f"{found.scale * 100:.0f}", f"{found.title_pt:.1f}"
        if not found.tiled:
            text = self.tr("The poster prints on one %1 page at %2 %, card titles at %3 pt.")
            text = text.replace("%1", found.paper).replace("%2", scale).replace("%3", size)
        else:
            text = (self.tr("The poster prints on %1 %2 pages (A1 to %3) after an overview page, "
                            "at %4 %, card titles at %5 pt.")
                    .replace("%1", str(found.sheets)).replace("%2", found.paper)
                    .replace("%3", found.last_key).replace("%4", scale).replace("%5", size))
        if found.below_minimum:
            text += "\n⚠ " + small_text_warning(found.title_pt, found.choice.min_text)
        self.preview.setStyleSheet("color: #b00020;" if found.below_minimum else "")
        self.preview.setText(text)
        self.previewed.emit(text)

    def accept(self) -> None:
        s = self.settings
        if self.kind == "pdf":
            choice = self.pdf_choices()
            s.setValue(KEY_PAPER, self.paper.currentData())
            s.setValue(KEY_CUSTOM, f"{self.custom_w.value():g}x{self.custom_h.value():g}")
            s.setValue(KEY_MODE, choice.mode)
            s.setValue(KEY_MIN_TEXT, choice.min_text)
            s.setValue(KEY_DETAILS, choice.details)
        else:
            s.setValue(KEY_ASPECT, self.aspect_choice())
        super().accept()
