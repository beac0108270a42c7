"""Headless pictures of a map, drawn by the same scene as the canvas (PNG, SVG, QImage).

Used by `python main.py render`, the image export and the template previews. Needs a
QApplication; ``ensure_app()`` makes an offscreen one when none exists.
Imports: PySide6 (QtCore, QtGui, QtSvg, QtWidgets), model, editor (scene, controller, fonts).
"""
from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QUndoStack
from PySide6.QtWidgets import QApplication

from editor.document.controller import EditController
from editor.fonts import register_bundled_fonts
from model import JourneyMap

DEFAULT_SCALE = 1.5  # scene units to pixels for PNGs when no width is asked for
MAX_PIXELS = 12000


def ensure_app() -> QApplication:
    app = QApplication.instance()
    if app is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QApplication([])
    register_bundled_fonts()
    return app


def _scene_for(journey: JourneyMap):
    from editor.canvas.scene import JourneyScene  # after the QApplication exists
    scene = JourneyScene(EditController(journey, QUndoStack()))
    scene.clearSelection()
    return scene


def render_image(journey: JourneyMap, width: int | None = None) -> QImage:
    ensure_app()
    scene = _scene_for(journey)
    source = scene.sceneRect()
    scale = (width / source.width()) if width else DEFAULT_SCALE
    scale = min(scale, MAX_PIXELS / max(source.width(), source.height()))
    size = QSize(max(1, round(source.width() * scale)), max(1, round(source.height() * scale)))
    image = paint_scene(scene, source, size)
    scene.detach()
    return image


def paint_scene(scene, source: QRectF, size: QSize) -> QImage:
    """Draw the ``source`` part of any QGraphicsScene into a white image of ``size`` pixels."""
    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    scene.render(painter, QRectF(0, 0, size.width(), size.height()), source,
                 Qt.AspectRatioMode.KeepAspectRatio)
    painter.end()
    return image


def render_map_png(journey: JourneyMap, path: str | Path, width: int | None = None) -> None:
    image = render_image(journey, width)
    if not image.save(str(path), "PNG"):
        raise OSError(f"{path}: could not write the PNG image")


def render_map_svg(journey: JourneyMap, path: str | Path) -> None:
    ensure_app()
    from PySide6.QtSvg import QSvgGenerator
    scene = _scene_for(journey)
    source = scene.sceneRect()
    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(QSize(round(source.width()), round(source.height())))
    generator.setViewBox(QRectF(0, 0, source.width(), source.height()))
    generator.setTitle(journey.title)
    painter = QPainter(generator)
    scene.render(painter, QRectF(0, 0, source.width(), source.height()), source)
    ok = painter.end()
    scene.detach()
    if not ok or not Path(path).exists():
        raise OSError(f"{path}: could not write the SVG image")
