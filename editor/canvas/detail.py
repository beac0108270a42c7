"""Level of detail (issue 10, item 19): how cards and headers paint when the canvas is zoomed out.

Below LOD_DETAIL (on-screen pixels per scene unit) a card draws its title only, in a font that
grows as the zoom shrinks so that it stays about MIN_TITLE_PX pixels tall, wrapped to the card and
cut with an ellipsis where the card ends; below LOD_BLOCKS a card is a coloured block. Header
names grow the same way (MIN_HEADER_PX) and their secondary lines are left out. Zooming in brings
every line back. Font sizes go in steps, so that wrapped lines are worked out once per card and
step (cached on the item) and not on every paint.
Imports: PySide6, model.layout, editor (fonts, canvas.painting).
"""
from __future__ import annotations

from functools import lru_cache

from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QStyleOptionGraphicsItem

from editor.canvas.painting import TITLE_COLOUR, draw_lines
from editor.fonts import qt_char_widths
from model.layout.grid import CELL_PADDING, TITLE_SIZE
from model.layout.text import wrap_text

LOD_DETAIL = 0.6
LOD_BLOCKS = 0.12
MIN_TITLE_PX = 9.0
MIN_HEADER_PX = 12.0
MAX_GROWTH = 2.6  # a font never grows beyond this many times its size at 100 %
STEP = 0.2  # growth factors are rounded to multiples of this
LEADING = 1.15
CARD_INSET = 5  # a zoomed-out card's text margin: less than at 100 %, more room for the title


def level_of_detail(painter: QPainter) -> float:
    return QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())


def grown_size(base: float, lod: float, min_px: float) -> float:
    """A font size (scene units) that shows at least ``min_px`` pixels high at ``lod``."""
    growth = min(MAX_GROWTH, max(1.0, min_px / (base * max(lod, 1e-3))))
    return base * max(1.0, round(growth / STEP) * STEP)


@lru_cache(maxsize=1)
def _widths():
    return qt_char_widths()


@lru_cache(maxsize=4096)
def fitting_size(text: str, width: float, size: float, base: float) -> float:
    """``size``, made smaller (not below ``base``) until the longest word fits on one line:
    a grown name is never broken inside a word that fits at a smaller size."""
    longest = max(text.split() or [" "], key=lambda w: _widths().text(w, 1.0))
    while size > base and _widths().text(longest, size) > width:
        size = max(base, size - base * STEP)
    return size


@lru_cache(maxsize=4096)
def fitted_lines(text: str, width: float, height: float, size: float) -> tuple[str, ...]:
    """``text`` wrapped to ``width`` at ``size``, as many lines as ``height`` holds (at least
    one), the last cut with an ellipsis when the text goes on."""
    rows = max(1, int(height // (size * LEADING)))
    return tuple(wrap_text(text or " ", width, _widths(), size, rows))


def paint_card_title(painter: QPainter, title: str, width: float, height: float, lod: float) -> None:
    """The zoomed-out card's text: its title only, grown to stay readable."""
    if lod < LOD_BLOCKS:
        return
    size = fitting_size(title, width - 2 * CARD_INSET, grown_size(TITLE_SIZE, lod, MIN_TITLE_PX),
                        TITLE_SIZE)
    lines = fitted_lines(title, width - 2 * CARD_INSET, height - 2 * CARD_INSET, size)
    painter.setPen(TITLE_COLOUR)
    draw_lines(painter, lines, CARD_INSET, CARD_INSET, size, size * LEADING)


def paint_header_name(painter: QPainter, name: str, width: float, height: float, base: float,
                      lod: float, top: float = 0.0) -> None:
    """A zoomed-out header's name (bold), grown to stay readable, without its secondary lines;
    ``top`` is the header's top in the painter's coordinates."""
    size = fitting_size(name, width - 2 * CELL_PADDING, grown_size(base, lod, MIN_HEADER_PX), base)
    lines = fitted_lines(name, width - 2 * CELL_PADDING, height - 2 * CELL_PADDING, size)
    draw_lines(painter, lines, CELL_PADDING, top + CELL_PADDING - 2, size, size * LEADING, bold=True)
