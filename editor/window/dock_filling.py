"""DockFilling: when the window's secondary docks start following its map.

The moments-of-truth, health, segments, comments and parking-lot docks read the whole map when
they are attached (the health check walks every card; at 200 cards that was a third of the work
between showing the window and its first paint). A window that is about to be shown for the first
time attaches them right after its canvas has first been painted, so the map is on screen sooner
and the docks fill a moment later; any other time (a map opened or a scenario switched in a shown
window, a window never shown, as in tests) they are attached at once. The canvas, palette,
inspector and the workshop's card marks (a private round hides cards as they are painted) are
never deferred: the window attaches them itself.
Imports: PySide6.QtCore.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer


class DockFilling(QObject):
    def __init__(self, window, after_first_paint: bool) -> None:
        super().__init__(window)
        self.window = window
        self._wait_for_paint = after_first_paint  # until the canvas has been painted once
        self._pending = False  # docks to attach once it has
        self._watched = None

    def docks(self) -> list:
        w = self.window
        return [w.moments, w.health, w.segments, w.comments, w.parking]

    def attach(self) -> None:
        """The window shows a new scene: the docks follow it, now or after the first paint."""
        if not self._wait_for_paint:
            self._attach_now()
            return
        self._pending = True
        if self._watched is None:
            self._watched = self.window.view.viewport()
            self._watched.installEventFilter(self)

    def detach(self) -> None:
        """The scene is going away: docks not attached yet never will be to it."""
        self._pending = False
        for dock in self.docks():
            dock.detach()

    def waiting(self) -> bool:
        """True while the docks wait for the first paint."""
        return self._pending

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            self._watched = None
            self._wait_for_paint = False
            QTimer.singleShot(0, self, self._attach_pending)  # once this paint is done
        return False

    def _attach_pending(self) -> None:
        if self._pending:
            self._attach_now()

    def _attach_now(self) -> None:
        self._pending = False
        w = self.window
        controller = w.document.controller
        w.moments.set_scene(w.scene, w.view)
        w.health.set_scene(w.scene, w.view)
        w.segments.set_scene(w.scene)
        w.comments.set_scene(w.scene, controller)
        w.parking.set_document(controller, w.view)
