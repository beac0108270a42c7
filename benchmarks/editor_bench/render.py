"""The render measure: the whole scene painted into an image with the editor's own painting, against
the bare scene with the same rectangles and texts painted into an image of the same size.
Imports: PySide6, editor.*.
"""
from __future__ import annotations

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QGraphicsScene

from .fixtures import bare_scene, clock, dispose, layout_entries, map_file, open_editor, paired

RENDER_WIDTH = 2400  # pixels; both images get the same size


def paint_to_width(scene: QGraphicsScene, source: QRectF) -> QImage:
    """The editor's own painting (editor.canvas.render.paint_scene) for ours and the bare scene alike."""
    from editor.canvas.render import paint_scene

    size = QSize(RENDER_WIDTH, max(1, round(source.height() * RENDER_WIDTH / source.width())))
    return paint_scene(scene, source, size)


def bench_render(sizes, runs: int) -> list[dict]:
    rows = []
    for size in sizes:
        _document, scene = open_editor(map_file(size))
        scene.clearSelection()
        source = scene.sceneRect()
        bare = bare_scene(layout_entries(scene))
        bare.setSceneRect(source)

        def ours(scene=scene, source=source) -> float:
            return clock(lambda: paint_to_width(scene, source))[0]

        def floor(bare=bare, source=source) -> float:
            return clock(lambda: paint_to_width(bare, source))[0]

        ours(), floor()
        mine, low, ratio = paired(runs, ours, floor)
        rows.append(dict(what="render", size=size, ours=mine, bare=low, ratio=ratio))
        print(f"render {size:>6,}: {mine:.3f} s vs {low:.3f} s ({ratio:.2f}×)", flush=True)
        dispose(scene)
        dispose(bare)
    return rows
