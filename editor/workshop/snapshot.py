"""The window as it was before the presentation, and putting it back exactly: window state and
geometry, docks and toolbars (QMainWindow.saveState), menu and status bars, the canvas's zoom,
scroll, scroll bars and scene rectangle.

The scroll comes back last: the canvas only regains its old size once the window manager has
un-fullscreened the window, and scroll values set on a larger canvas would be clamped to its
smaller range. ScrollReturn sets them again on each resize until the canvas has its old size.
Imports: PySide6.
"""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QByteArray, QEvent, QObject, QRect, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QTransform
from PySide6.QtWidgets import QMainWindow

GIVE_UP_MS = 3000


@dataclass
class WindowSnapshot:
    window_state: Qt.WindowState
    rect: QRect  # where a normal window was: restoreGeometry alone shrinks one larger than its screen
    geometry: QByteArray
    dock_state: QByteArray
    menu_bar: bool
    status_bar: bool
    transform: QTransform
    scroll: tuple[int, int]
    viewport_size: QSize
    bar_policies: tuple[Qt.ScrollBarPolicy, Qt.ScrollBarPolicy]

    @classmethod
    def take(cls, window: QMainWindow, view) -> WindowSnapshot:
        return cls(window.windowState(), window.geometry(), window.saveGeometry(), window.saveState(),
                   window.menuBar().isVisible(), window.statusBar().isVisible(),
                   QTransform(view.transform()),
                   (view.horizontalScrollBar().value(), view.verticalScrollBar().value()),
                   view.viewport().size(),
                   (view.horizontalScrollBarPolicy(), view.verticalScrollBarPolicy()))

    def restore(self, window: QMainWindow, view) -> None:
        window.restoreGeometry(self.geometry)
        if self.window_state & Qt.WindowState.WindowMaximized:
            window.showMaximized()
        else:
            window.showNormal()
            window.setGeometry(self.rect)
        window.restoreState(self.dock_state)
        window.menuBar().setVisible(self.menu_bar)
        window.statusBar().setVisible(self.status_bar)
        if view is None:
            return
        view.setSceneRect(QRectF())  # a null rectangle: follow the scene's again
        view.setHorizontalScrollBarPolicy(self.bar_policies[0])
        view.setVerticalScrollBarPolicy(self.bar_policies[1])
        view.setTransform(self.transform)
        view.set_zoom(self.transform.m11())  # tells the status bar and the frozen headers
        ScrollReturn(view, self.scroll, self.viewport_size)


class ScrollReturn(QObject):
    """Sets the view's scroll values now and after each resize of its canvas, until the canvas
    has its size from before (then it is done and goes)."""

    def __init__(self, view, scroll: tuple[int, int], size: QSize) -> None:
        super().__init__(view)
        self.view, self.scroll, self.size = view, scroll, size
        self.setObjectName("ScrollReturn")
        for old in view.findChildren(ScrollReturn):
            if old is not self:
                old.finish()
        view.viewport().installEventFilter(self)
        # A window manager that never gives the old size back must not pin the scroll for ever.
        QTimer.singleShot(GIVE_UP_MS, self, self.finish)
        self.apply()

    def apply(self) -> None:
        if self.view is None:
            return
        self.view.horizontalScrollBar().setValue(self.scroll[0])
        self.view.verticalScrollBar().setValue(self.scroll[1])
        if self.view.viewport().size() == self.size:
            self.finish()

    def finish(self) -> None:
        if self.view is None:
            return
        self.view.viewport().removeEventFilter(self)
        self.view = None
        self.deleteLater()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            # After the view's own resize handling (it re-ranges the scroll bars first).
            QTimer.singleShot(0, self, self.apply)
        return False
