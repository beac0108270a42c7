"""The bundled Japanese font, registered with Qt, and fonts in scene units.

Scene units are PDF points at 100 % zoom, the unit of model.layout.grid. Qt resolves point sizes against
a 96-dpi logical resolution, so a scene font of ``size`` units has point size ``size * 72 / 96``.
Hinting is off so advances equal the font's design metrics, the same numbers reportlab uses for the
PDF: canvas and poster break lines at the same characters.
Imports: PySide6.QtGui, model.layout.text, resources.
"""
from __future__ import annotations

from functools import lru_cache

from PySide6.QtGui import QFont, QFontDatabase, QFontMetricsF

from model.layout.text import CharWidths
from resources import JAPANESE_FONT_FAMILY, JAPANESE_FONT_PATH

POINTS_PER_SCENE_UNIT = 72 / 96
_registered: list[str] = []


def register_bundled_fonts() -> str:
    """Register IPAexGothic once; return its family name. Raises RuntimeError if Qt refuses it."""
    if not _registered:
        font_id = QFontDatabase.addApplicationFont(str(JAPANESE_FONT_PATH))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        if not families:
            raise RuntimeError(f"Qt could not load the bundled font {JAPANESE_FONT_PATH}")
        _registered.append(families[0])
    return _registered[0]


def family() -> str:
    return register_bundled_fonts() if not _registered else _registered[0]


def scene_font(size: float, bold: bool = False) -> QFont:
    font = QFont(family())
    font.setPointSizeF(size * POINTS_PER_SCENE_UNIT)
    font.setBold(bold)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    font.setKerning(False)  # the layout sums per-character advances
    return font


@lru_cache(maxsize=1)
def qt_char_widths() -> CharWidths:
    """Per-character advances (at size 1) of the bundled font, measured by Qt."""
    metrics = QFontMetricsF(scene_font(100))
    return CharWidths(lambda char: metrics.horizontalAdvance(char) / 100)


__all__ = ["JAPANESE_FONT_FAMILY", "family", "qt_char_widths", "register_bundled_fonts",
           "scene_font"]
