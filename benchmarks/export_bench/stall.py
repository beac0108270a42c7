"""How long the window's event loop stops while an export runs: a QTimer ticking every 5 ms in a
real MainWindow (offscreen) records the largest gap between two ticks, from the moment the export
is asked for (the map's snapshot is taken on the GUI thread) until it has ended.

Three figures per export: the export as the editor runs it now (ExportUi: worker thread), the same
exporter run on the GUI thread with the progress callback processing events (as the editor did
before issue 12), and the timer alone for as long (the machine's own floor: a loaded machine
delays a timer too). Imports PySide6, editor, exporters, model.
"""
from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

TICK_MS = 5
KINDS = {"pdf": ("pdf", "export_pdf", ".pdf", "PDF"), "excel": ("excel", "export_excel", ".xlsx", "Excel"),
         "pptx": ("pptx", "export_pptx", ".pptx", "PowerPoint"), "png": ("", "", ".png", "image")}


class GapClock:
    """The largest gap between the ticks of a 5 ms timer, while it runs."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.timer = QTimer(interval=TICK_MS)
        self.timer.timeout.connect(self._tick)
        self.last = self.largest = 0.0

    def _tick(self) -> None:
        now = time.perf_counter()
        self.largest = max(self.largest, now - self.last)
        self.last = now

    def start(self) -> None:
        self.last, self.largest = time.perf_counter(), 0.0
        self.timer.start()

    def stop(self) -> float:
        self.timer.stop()
        self._tick()
        return self.largest


def _app():
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from editor.fonts import register_bundled_fonts

    app = QApplication.instance() or QApplication([])
    register_bundled_fonts()
    return app


def _window(journey, folder: Path):
    from PySide6.QtCore import QSettings

    from editor.document.document import Document
    from editor.window.mainwindow import MainWindow

    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(Document(journey), settings)
    window.resize(1200, 800)
    window.show()
    return window


def _wait(app, done) -> None:
    while not done():
        app.processEvents()
        time.sleep(0.001)


def in_worker(window, kind: str, path: Path, clock: GapClock) -> tuple[float, float]:
    """(largest gap, seconds) of one export as the editor runs it."""
    from editor.window.export_worker import exporter_job, image_job
    from model.journey.snapshot import MapSnapshot

    module, function, _, what = KINDS[kind]
    ended: list[str] = []
    window.exports.finished.connect(lambda _path, how: ended.append(how))
    app = _app()
    clock.start()
    start = time.perf_counter()
    snapshot = MapSnapshot.of(window.document.journey)  # as the verbs do, on the GUI thread
    job = image_job(snapshot, str(path)) if kind == "png" else \
        exporter_job(snapshot, module, function, str(path), {})
    window.exports.start(str(path), job, what)
    _wait(app, lambda: bool(ended))
    seconds = time.perf_counter() - start
    gap = clock.stop()
    window.exports.finished.disconnect()
    assert ended == ["written"], ended
    return gap, seconds


def on_gui_thread(window, kind: str, path: Path, clock: GapClock) -> float:
    """Largest gap with the exporter on the GUI thread, events processed at each progress step."""
    from importlib import import_module

    from PySide6.QtCore import QCoreApplication

    if kind == "png":
        from editor.canvas.render import render_map_png
        clock.start()
        render_map_png(window.document.journey, path)
        return clock.stop()
    module, function, _, _ = KINDS[kind]
    exporter = getattr(import_module(f"exporters.{module}"), function)
    clock.start()
    exporter(window.document.journey, path,
             progress=lambda done, total: QCoreApplication.processEvents())
    return clock.stop()


def idle(seconds: float, clock: GapClock) -> float:
    app = _app()
    clock.start()
    end = time.perf_counter() + seconds
    _wait(app, lambda: time.perf_counter() >= end)
    return clock.stop()


def measure(journey, kinds: list[str], runs: int) -> list[dict]:
    """Per export: median over ``runs`` of the largest gap in the worker, on the GUI thread, idle."""
    import statistics

    app = _app()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        window = _window(journey, folder)
        app.processEvents()
        clock = GapClock()
        for kind in kinds:
            path = folder / f"map{KINDS[kind][2]}"
            in_worker(window, kind, path, clock)  # warm-up: libraries load on first use
            worker, gui, calm, took = [], [], [], []
            for _ in range(runs):
                gap, seconds = in_worker(window, kind, path, clock)
                worker.append(gap)
                took.append(seconds)
                gui.append(on_gui_thread(window, kind, path, clock))
                calm.append(idle(seconds, clock))
            rows.append(dict(kind=kind, worker=statistics.median(worker), worst=max(worker),
                             gui=statistics.median(gui), idle=statistics.median(calm),
                             seconds=statistics.median(took)))
            print(f"{kind}: worker {rows[-1]['worker'] * 1000:.0f} ms (worst {max(worker) * 1000:.0f}), "
                  f"GUI thread {rows[-1]['gui'] * 1000:.0f} ms, idle {rows[-1]['idle'] * 1000:.0f} ms",
                  flush=True)
        window.document.undo_stack.setClean()
        window.close()
    return rows
