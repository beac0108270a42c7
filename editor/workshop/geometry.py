"""Where stages and cards are on the canvas, for the presentation: a stage's column, a card's box,
the card or stage under a point. Read from the scene's layout (model.layout.grid, the same maths
the canvas and the poster draw with) and the map's queries, never from the scene's items, which
are being restructured for speed: one place to adjust if the scene's public API changes.
Imports: PySide6.QtCore, model.layout.grid.
"""
from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF

from model.layout.grid import cell_at


def _qrect(rect) -> QRectF:
    return QRectF(rect.x, rect.y, rect.w, rect.h)


def stage_rect(scene, stage_id: str | None) -> QRectF:
    """The stage's header and column down to the map's bottom; empty for an unknown stage."""
    column = scene.layout.columns.get(stage_id) if stage_id else None
    return _qrect(column) if column is not None else QRectF()


def card_rect(scene, card_id: str | None) -> QRectF:
    box = scene.layout.cards.get(card_id) if card_id else None
    return _qrect(box.rect) if box is not None else QRectF()


def card_at(scene, point: QPointF) -> str | None:
    """The card under a scene point: the cell's cards only, so a click costs the same on any map."""
    cell = cell_at(scene.layout, point.x(), point.y())
    if cell is None:
        return None
    for card_id in scene.journey.cell_card_ids(*cell):
        if card_rect(scene, card_id).contains(point):
            return card_id
    return None


def stage_at(scene, point: QPointF) -> str | None:
    """The stage whose column (header included) holds the point's x, at any height on the map."""
    for stage_id, column in scene.layout.columns.items():
        if column.x <= point.x() < column.x + column.w and point.y() >= column.y:
            return stage_id
    return None


def stage_of(scene, card_id: str) -> str | None:
    journey = scene.journey
    return journey.card_place(card_id).stage if journey.has(card_id) else None


def lane_rows(scene) -> list[tuple[str, QRectF, QRectF]]:
    """(lane name, row, header) rectangles from top to bottom: the presentation names the rows
    beside a stage when the lane headers are off screen."""
    journey, layout = scene.journey, scene.layout
    return [(journey.lane(lane_id).name, _qrect(layout.rows[lane_id]), _qrect(layout.lane_headers[lane_id]))
            for lane_id in journey.lane_ids() if lane_id in layout.rows]
