"""The editor's main window on a generated map, for the measures that need the whole window (the
inspector, the docks and the actions follow the canvas), and the bare window beside it: a
QMainWindow holding a QGraphicsView of a bare scene with one rect + text item per element.

``idle(action)`` times an action until the event loop has nothing left to do at once (deferred
refreshes run a turn later). Settings go to a temporary INI file, never the user's.
Imports: PySide6, editor.*.
"""
from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QGraphicsView, QMainWindow

from .fixtures import bare_scene, layout_entries

WINDOW_SIZE = (1600, 1000)
_SETTINGS_FOLDER = Path(tempfile.mkdtemp(prefix="journey-bench-settings-"))


def drain(turns: int = 3) -> None:
    for _ in range(turns):
        QApplication.processEvents()


def idle(action: Callable[[], object]) -> float:
    """Seconds of ``action`` plus what it left for the next turns of the event loop."""
    start = time.perf_counter()
    action()
    drain()
    return time.perf_counter() - start


def load() -> str:
    """The machine's load (1-minute average), printed beside figures from a shared machine."""
    return f"load {os.getloadavg()[0]:.1f}"


def open_window(path: Path):
    """(window, seconds to open the map and show the window)."""
    from editor.document.document import Document
    from editor.window.mainwindow import MainWindow
    settings = QSettings(str(_SETTINGS_FOLDER / "bench.ini"), QSettings.Format.IniFormat)
    start = time.perf_counter()
    window = MainWindow(Document.open(path), settings)
    window.resize(*WINDOW_SIZE)
    window.show()
    QTest.qWaitForWindowExposed(window)
    drain()
    return window, time.perf_counter() - start


def close_window(window) -> None:
    window.document.undo_stack.setClean()  # no save prompt: nothing of a benchmark is kept
    window.close()
    window.deleteLater()
    drain()


def bare_window(scene_like) -> tuple[QMainWindow, QGraphicsView]:
    """A shown QMainWindow whose central widget views a bare scene with the same rectangles and
    texts as ``scene_like`` (a JourneyScene)."""
    bare = bare_scene(layout_entries(scene_like))
    window = QMainWindow()
    view = QGraphicsView(bare)
    view.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
    window.setCentralWidget(view)
    window.bare_scene = bare  # the view does not own its scene: keep it alive with the window
    window.resize(*WINDOW_SIZE)
    window.show()
    QTest.qWaitForWindowExposed(window)
    drain()
    return window, view


def close_bare(window: QMainWindow) -> None:
    scene = window.bare_scene
    window.close()
    window.deleteLater()
    scene.clear()
    scene.deleteLater()
    drain()
