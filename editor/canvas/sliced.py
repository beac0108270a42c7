"""SlicedWork: long work on the GUI thread, done a slice at a time between events.

Some work walks a whole map (folding every card's text for find): at 50,000 cards it takes a
second, which the window must not freeze for. Written as a generator that yields often, it runs
here in slices of at most ``seconds`` per turn of the event loop, so input and painting go on;
``after_slice`` (if given) is called after each slice, the last one included, to show progress.
Imports: PySide6.QtCore.
"""
from __future__ import annotations

import time
from collections.abc import Callable, Iterator

from PySide6.QtCore import QObject, QTimer

SLICE_SECONDS = 0.008


class SlicedWork(QObject):
    def __init__(self, parent: QObject | None = None, seconds: float = SLICE_SECONDS) -> None:
        super().__init__(parent)
        self.seconds = seconds
        self._work: Iterator | None = None
        self._after_slice: Callable[[], None] | None = None
        self._timer = QTimer(self, interval=0)
        self._timer.timeout.connect(self._slice)

    def start(self, work: Iterator, delay_ms: int = 0,
              after_slice: Callable[[], None] | None = None) -> None:
        """Run ``work`` (after ``delay_ms``), replacing any unfinished one."""
        self._work, self._after_slice = work, after_slice
        self._timer.setInterval(delay_ms)
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        self._work = self._after_slice = None

    def running(self) -> bool:
        return self._work is not None

    def _slice(self) -> None:
        self._timer.setInterval(0)
        deadline = time.perf_counter() + self.seconds
        after = self._after_slice
        for _ in self._work:
            if time.perf_counter() > deadline:
                break
        else:
            self.stop()
        if after is not None:
            after()
