"""FirstPaint: what a window's first frame does not show waits until that frame is painted.

The moments-of-truth, health, segments, comments and parking-lot docks read the whole map when
they are attached (the health check walks every card; at 200 cards that was a third of the work
between showing the window and its first paint), and the start screen page reads every template.
A window about to be shown for the first time does both right after its canvas has first been
painted, so the map is on screen sooner and the docks fill a moment later; any other time (a map
opened or a scenario switched in a shown window, a window never shown, as in tests) at once. The
start screen is built either way, hidden: its page sets the window's minimum width, as always.
The canvas, palette, inspector and the workshop's card marks (a private round hides cards as
they are painted) are never deferred: the window attaches them itself.
Imports: PySide6.QtCore.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer


class FirstPaint(QObject):
    def __init__(self, window, defer: bool) -> None:
        super().__init__(window)
        self.window = window
        self._defer = defer  # until the canvas has been painted once
        self._later: list[Callable[[], None]] = []
        self._docks_pending = False  # the docks wait for the paint
        self._watched = None

    def docks(self) -> list:
        w = self.window
        return [w.moments, w.health, w.segments, w.comments, w.parking]

    def later(self, action: Callable[[], None]) -> None:
        """Run ``action`` after the first paint, or now when not waiting for one."""
        if not self._defer:
            action()
            return
        self._later.append(action)
        self._watch()

    def attach_docks(self) -> None:
        """The window shows a new scene: the docks follow it, now or after the first paint."""
        if not self._defer:
            self._attach_docks_now()
            return
        self._docks_pending = True
        self._watch()

    def detach_docks(self) -> None:
        """The scene is going away: docks not attached yet never will be to it."""
        self._docks_pending = False
        for dock in self.docks():
            dock.detach()

    def waiting(self) -> bool:
        """True while something waits for the first paint."""
        return self._docks_pending or bool(self._later)

    def _watch(self) -> None:
        if self._watched is None and self.window.view is not None:
            self._watched = self.window.view.viewport()
            self._watched.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            self._watched = None
            self._defer = False
            QTimer.singleShot(0, self, self._run)  # once this paint is done
        return False

    def _run(self) -> None:
        actions, self._later = self._later, []
        for action in actions:
            action()
        if self._docks_pending:
            self._attach_docks_now()

    def _attach_docks_now(self) -> None:
        self._docks_pending = False
        w = self.window
        controller = w.document.controller
        w.moments.set_scene(w.scene, w.view)
        w.health.set_scene(w.scene, w.view)
        w.segments.set_scene(w.scene)
        w.comments.set_scene(w.scene, controller)
        w.parking.set_document(controller, w.view)
