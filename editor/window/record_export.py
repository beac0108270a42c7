"""File → Export → Workshop Record…: the session's times, then the record's job for ExportUi.

The record (exporters.record: the map, participants, the vote ranking, comments, the parking lot,
the date and duration) is written as Markdown or PDF, chosen by the save dialog's filter. Its
date and duration come from the workshop's own times (the vote's and the private round's, else
when cards, comments and items were written); the dialog shows what that gives and lets the
facilitator set the start and end instead (the exporter's ``start``/``end``), for a session
that ran longer than its rounds. The export runs in an ExportTask on a snapshot, like the others.
Imports: PySide6, exporters (workshop_rows, record: lazily in the worker), model (snapshot),
editor (i18n, window.export_worker).
"""
from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from editor.i18n import tr
from editor.window.export_worker import Job
from exporters.common import Progress
from exporters.workshop_rows import SessionSpan, session_span
from model import JourneyMap
from model.journey.snapshot import MapSnapshot

RECORD_SUFFIXES = (".md", ".markdown", ".pdf")
TIME_FORMAT = "yyyy-MM-dd HH:mm"


def span_text(span: SessionSpan) -> str:
    """"2026-11-30 14:00 – 15:30 (90 minutes)", or that the map recorded no times."""
    if span.start is None:
        return tr("No times recorded (no vote, round or stamped edit yet)")
    start, end = span.start.astimezone(), (span.end or span.start).astimezone()
    same_day = start.date() == end.date()
    text = f"{start:%Y-%m-%d %H:%M} – {end:%H:%M}" if same_day else \
        f"{start:%Y-%m-%d %H:%M} – {end:%Y-%m-%d %H:%M}"
    if span.minutes is not None:
        text += " " + tr("(%1 minutes)").replace("%1", str(span.minutes))
    return text


class RecordOptionsDialog(QDialog):
    """When the session ran: as the workshop recorded it, or as the facilitator says."""

    def __init__(self, journey: JourneyMap, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export Workshop Record"))
        self.setObjectName("recordOptions")
        self.span = session_span(journey)  # the times only: quick, on the map itself
        column = QVBoxLayout(self)
        intro = QLabel(self.tr("The record lists the participants, the vote ranking, the comments "
                               "and the parking lot, with the session's date and duration."), self)
        intro.setWordWrap(True)
        column.addWidget(intro)
        self.recorded = QRadioButton(self.tr("Times as recorded: %1").replace(
            "%1", span_text(self.span)), self)
        self.recorded.setObjectName("recordedTimes")
        self.custom = QRadioButton(self.tr("Set the session's times:"), self)
        self.custom.setObjectName("customTimes")
        column.addWidget(self.recorded)
        column.addWidget(self.custom)
        column.addLayout(self._build_times())
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        column.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Export…"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        column.addWidget(self.buttons)
        self.recorded.setChecked(True)
        for widget in (self.recorded, self.custom):
            widget.toggled.connect(self._check)
        self._check()

    def _build_times(self) -> QFormLayout:
        form = QFormLayout()
        now = QDateTime.currentDateTime()
        start = _qt_time(self.span.start) or now.addSecs(-3600)
        end = _qt_time(self.span.end) or now
        self.start_edit, self.end_edit = self._time_edit(start, "recordStart"), \
            self._time_edit(end, "recordEnd")
        form.addRow(self.tr("From"), self.start_edit)
        form.addRow(self.tr("To"), self.end_edit)
        return form

    def _time_edit(self, value: QDateTime, name: str) -> QDateTimeEdit:
        edit = QDateTimeEdit(value, self)
        edit.setObjectName(name)
        edit.setDisplayFormat(TIME_FORMAT)
        edit.setCalendarPopup(True)
        edit.dateTimeChanged.connect(self._check)
        return edit

    def _check(self) -> None:
        custom = self.custom.isChecked()
        self.start_edit.setEnabled(custom)
        self.end_edit.setEnabled(custom)
        wrong = custom and self.end_edit.dateTime() < self.start_edit.dateTime()
        self.error.setText(self.tr("The session cannot end before it starts.") if wrong else "")
        self.error.setVisible(wrong)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not wrong)

    def times(self) -> tuple[datetime | None, datetime | None]:
        """(start, end) to give the exporter; (None, None) for the recorded times."""
        if not self.custom.isChecked():
            return None, None
        return _aware(self.start_edit.dateTime()), _aware(self.end_edit.dateTime())


def _qt_time(moment: datetime | None) -> QDateTime | None:
    if moment is None:
        return None
    local = moment.astimezone() if moment.tzinfo is not None else moment
    return QDateTime.fromString(local.strftime("%Y-%m-%dT%H:%M:%S"), "yyyy-MM-ddTHH:mm:ss")


def _aware(value: QDateTime) -> datetime:
    """A time the person set on this computer's clock, with its UTC offset."""
    return datetime.fromisoformat(value.toString("yyyy-MM-ddTHH:mm:ss")).astimezone()


def record_job(snapshot: MapSnapshot, path: str, start: datetime | None,
               end: datetime | None) -> Job:
    """The record as a worker's job: rebuild the map, write the file (Markdown or PDF)."""
    def job(progress: Progress):
        from exporters.record import export_record

        progress(0, 2)
        journey = snapshot.to_map()
        progress(1, 2)
        return export_record(journey, path, start=start, end=end)  # no cancel once writing
    return job


def record_path(path: str, chosen_filter: str) -> str:
    """The path the save dialog gave, with the filter's suffix when it has none."""
    if path and not Path(path).suffix:
        path += ".pdf" if "pdf" in chosen_filter.lower() else ".md"
    return path
