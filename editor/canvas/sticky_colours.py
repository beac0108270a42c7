"""The sticky-note colours offered in the inspector and the card's context menu.

A short row of pastel colours, like a pad of sticky notes on the workshop table: one click gives a
card a colour that reads well with the dark text on it. The Qt colour dialog stays for any other.
Imports: PySide6.QtGui, editor.i18n.
"""
from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap

from editor.i18n import tr

STICKY_COLOURS = ("#fff59d", "#ffd8a8", "#ffc9de", "#e0ccf5", "#c5ddff", "#cdeeb8", "#bfeee4",
                  "#e4e6ea")


def sticky_colour_names() -> dict[str, str]:
    """Each colour's name, for tooltips and menus (translated when called)."""
    names = (tr("Yellow"), tr("Orange"), tr("Pink"), tr("Lilac"), tr("Blue"), tr("Green"),
             tr("Mint"), tr("Grey"))
    return dict(zip(STICKY_COLOURS, names, strict=True))


def swatch_icon(colour: str, size: int = 16) -> QIcon:
    """A square of ``colour`` with a thin border, so the palest one still shows on white."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setPen(QPen(QColor("#8a8f98"), 1))
    painter.setBrush(QColor(colour))
    painter.drawRect(QRectF(0.5, 0.5, size - 1, size - 1))
    painter.end()
    return QIcon(pixmap)
