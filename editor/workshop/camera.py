"""Where the presentation points the canvas: a stage zoomed and centred, a spotlighted card zoomed.

A stage is fitted whole when that leaves its cards readable on the screen; a tall stage (many
lanes, a workshop's worth of cards) is shown at a readable size from its header down instead, and
the wheel or ↑ / ↓ scroll it. Readable is relative to the screen: a card title at least
1/READABLE_LINES of its height, so a projector at 1024×768 and a 4K screen both show large type.
Imports: PySide6.QtCore, model.layout.grid.
"""
from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSizeF

from model.layout.grid import TITLE_SIZE

READABLE_LINES = 60  # a card title is at least 1/60 of the screen's height tall
MARGIN = 0.05  # of the screen's smaller side, around a fitted stage
SPOTLIGHT_SHARE = 0.6  # a spotlighted card fills at most this share of the screen each way
MAX_ZOOM = 4.0  # the canvas's own limit (editor.canvas.view)


def stage_shot(screen: QSizeF, rect: QRectF) -> tuple[float, QPointF]:
    """(zoom, scene point to centre) that shows the stage ``rect`` on a viewport of ``screen``."""
    margin = MARGIN * min(screen.width(), screen.height())
    room_w, room_h = screen.width() - 2 * margin, screen.height() - 2 * margin
    width_fit, height_fit = room_w / rect.width(), room_h / rect.height()
    readable = screen.height() / READABLE_LINES / TITLE_SIZE
    zoom = min(max(min(width_fit, height_fit), min(readable, width_fit)), MAX_ZOOM)
    if rect.height() * zoom <= room_h:
        return zoom, rect.center()
    # Too tall to fit: the header at the top, the rest a scroll away.
    return zoom, QPointF(rect.center().x(), rect.top() + (screen.height() / 2 - margin) / zoom)


def card_shot(screen: QSizeF, rect: QRectF) -> tuple[float, QPointF]:
    zoom = min(SPOTLIGHT_SHARE * screen.width() / rect.width(),
               SPOTLIGHT_SHARE * screen.height() / rect.height(), MAX_ZOOM)
    return zoom, rect.center()


def aim(view, zoom: float, centre: QPointF) -> None:
    """Zoom and centre through the view's public API (its zoom signal keeps the status bar and
    the frozen headers in step)."""
    view.set_zoom(zoom)
    view.centerOn(centre)


def room_around(scene_rect: QRectF, screen: QSizeF, zoom: float) -> QRectF:
    """The scene rectangle the view may scroll over while presenting: the map plus a screen on
    each side, so the first and last stages can be centred too."""
    dx, dy = screen.width() / zoom, screen.height() / zoom
    return scene_rect.adjusted(-dx, -dy, dx, dy)
