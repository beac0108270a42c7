"""Long export work off the GUI thread: a QThread that runs one job on a frozen copy of the map,
reports progress, can be cancelled, and hands back its result or a message a person can act on.

The GUI thread only takes a MapSnapshot (model.journey.snapshot: references to frozen entities,
milliseconds); the job rebuilds its own JourneyMap in the worker, so edits made while it runs never
reach it. A job receives a progress(done, total) callback; once cancel() is asked, the callback
raises ExportCancelled at the job's next step, and the exporters' atomic_target removes its
temporary file, so a cancelled export leaves no file. Exporter modules are imported inside the
job, so importing reportlab or openpyxl never stalls the window either. Python threads share the
GIL: pure-Python work hands it over every few milliseconds (sys.getswitchinterval), so the
window's event loop keeps running; long C++ calls are cut into short ones by the jobs themselves
(see image_job), and the cyclic garbage collector waits while a job runs (see ExportTask.run).
Imports PySide6, model, exporters.common and the canvas (lazily, for images).
"""
from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QThread, Signal

from editor.i18n import error_text
from exporters.common import ExportCancelled, ExportError, Progress
from model.bulk import gc_paused

Job = Callable[[Progress], Any]
LOG = logging.getLogger(__name__)
# Tasks still running after their owner went away stay referenced here until they finish, so
# Python never destroys a QThread whose thread still runs.
_RUNNING: set[ExportTask] = set()


class ExportTask(QThread):
    """Runs ``job(progress)`` in its own thread; one of succeeded, failed or cancelled follows."""

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(str, str)  # kind ("missing" when a library is not installed, else "error"), text
    cancelled = Signal()

    def __init__(self, job: Job, parent=None) -> None:
        super().__init__(parent)
        self.job = job
        self._cancel = threading.Event()
        self.finished.connect(self._forget)

    def start(self, *args) -> None:
        _RUNNING.add(self)
        _stop_all_at_quit()
        super().start(*args)

    def _forget(self) -> None:
        _RUNNING.discard(self)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancel_requested(self) -> bool:
        return self._cancel.is_set()

    def progress(self, done: int, total: int) -> None:
        """The job's progress callback (worker thread): raises ExportCancelled once cancelled,
        before and after telling the window, so a cancel pressed meanwhile counts at once."""
        if self._cancel.is_set():
            raise ExportCancelled
        self.progressed.emit(done, total)
        if self._cancel.is_set():
            raise ExportCancelled

    def run(self) -> None:
        try:
            # No cyclic GC while the job allocates: a collection walks the whole heap (the open
            # map and its canvas included) holding the GIL, 100-200 ms for a 2,000-card map, and
            # the window stops for as long. The exporters break their own big cycles when done
            # (exporters.excel._release), so what is left to collect afterwards is small.
            with gc_paused():
                result = self.job(self.progress)
        except ExportCancelled:
            self.cancelled.emit()
        except ImportError as exc:
            self.failed.emit("missing", str(exc))
        except (ExportError, OSError, ValueError) as exc:
            self.failed.emit("error", error_text(exc))  # translate() is thread-safe
        except Exception as exc:  # a defect: say it rather than lose it in a thread
            LOG.exception("export failed unexpectedly")
            self.failed.emit("error", f"{type(exc).__name__}: {exc}")
        else:
            self.succeeded.emit(result)


def exporter_job(snapshot, module: str, function: str, path: str,
                 options: dict[str, Any]) -> Job:
    """The job of one exporter (``exporters.<module>.<function>``) on ``snapshot``."""
    def job(progress: Progress):
        from importlib import import_module

        exporter = getattr(import_module(f"exporters.{module}"), function)
        return exporter(snapshot.to_map(), path, progress=progress, **options)
    return job


BAND_PIXELS = 2_000_000  # a PNG is painted in bands of about this many pixels (see image_job)


def image_job(snapshot, path: str) -> Job:
    """PNG or SVG of the canvas, painted by the canvas's own scene, built in the worker thread
    (QGraphicsScene and QPainter on a QImage work off the GUI thread; no widget is involved).

    PySide holds the GIL during a C++ call, so one scene.render of a whole 2,000-card map would
    stop the window for as long as Qt paints without calling back into Python: the PNG is painted
    band by band instead, which also gives progress and a cancel point per band."""
    def job(progress: Progress) -> None:
        from exporters.common import atomic_target

        suffix = Path(path).suffix.lower()
        journey = snapshot.to_map()
        with atomic_target(path) as temp:
            if suffix == ".svg":
                _write_svg(journey, temp, progress)
            else:
                _write_png(journey, temp, progress)
    return job


def _scene(journey):
    from PySide6.QtGui import QUndoStack

    from editor.canvas.scene import JourneyScene
    from editor.document.controller import EditController

    scene = JourneyScene(EditController(journey, QUndoStack()))
    scene.clearSelection()
    return scene


def _write_png(journey, temp: Path, progress: Progress) -> None:
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QColor, QImage, QPainter

    from editor.canvas.render import DEFAULT_SCALE, MAX_PIXELS

    progress(0, 1)
    scene = _scene(journey)
    source = scene.sceneRect()
    scale = min(DEFAULT_SCALE, MAX_PIXELS / max(source.width(), source.height(), 1))
    width, height = max(1, round(source.width() * scale)), max(1, round(source.height() * scale))
    scale = height / max(source.height(), 1)  # the rounded height's own scale, for the bands
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    band = max(16, BAND_PIXELS // width)
    bands = range(0, height, band)
    painter = QPainter(image)
    try:
        painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        for number, top in enumerate(bands):
            progress(number, len(bands) + 1)
            rows = min(band, height - top)
            target = QRectF(0, top, width, rows)
            painter.save()
            painter.setClipRect(target)
            painter.fillRect(target, QColor("#ffffff"))
            scene.render(painter, target, QRectF(source.x(), source.y() + top / scale,
                                                 source.width(), rows / scale),
                         Qt.AspectRatioMode.IgnoreAspectRatio)
            painter.restore()
    finally:
        painter.end()
        _dismantle(scene)
    progress(len(bands), len(bands) + 1)
    if not image.save(str(temp), "PNG"):
        raise OSError(f"{temp}: could not write the PNG image")
    progress(len(bands) + 1, len(bands) + 1)


def _dismantle(scene) -> None:
    """Take the scene apart item by item: deleting a scene deletes all its items in one C++
    call, which holds the GIL for as long (100 ms for 2,000 cards) while the window waits."""
    scene.detach()
    for item in scene.items():
        if item.parentItem() is None:
            scene.removeItem(item)


def _write_svg(journey, temp: Path, progress: Progress) -> None:
    from PySide6.QtCore import QRectF, QSize
    from PySide6.QtGui import QPainter
    from PySide6.QtSvg import QSvgGenerator

    progress(0, 2)
    scene = _scene(journey)
    source = scene.sceneRect()
    generator = QSvgGenerator()
    generator.setFileName(str(temp))
    generator.setSize(QSize(round(source.width()), round(source.height())))
    generator.setViewBox(QRectF(0, 0, source.width(), source.height()))
    generator.setTitle(journey.title)
    progress(1, 2)
    painter = QPainter(generator)
    scene.render(painter, QRectF(0, 0, source.width(), source.height()), source)
    ok = painter.end()
    _dismantle(scene)
    if not ok:
        raise OSError(f"{temp}: could not write the SVG image")
    progress(2, 2)


def wait_for_all(timeout_ms: int = 30_000) -> None:
    """Cancel every running task and wait for it (the application is quitting: a QThread still
    running when Python tears down aborts the process)."""
    for task in list(_RUNNING):
        task.cancel()
        task.wait(timeout_ms)


def _stop_all_at_quit() -> None:
    from PySide6.QtCore import QCoreApplication

    app = QCoreApplication.instance()
    if app is not None and not app.property("exportTasksWaited"):
        app.setProperty("exportTasksWaited", True)
        app.aboutToQuit.connect(wait_for_all)
