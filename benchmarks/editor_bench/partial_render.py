"""Painting a fixed window of the map (issue 12): what a facilitator sees costs what it shows.

- window: ``QGraphicsScene.render`` of a fixed 2,400 × 1,600 window of scene units (the map's
  top-left corner, where a map opens, and its middle) into an image of that size, against the
  bare scene with the same rectangles and texts rendering the same window;
- view: a shown 2,400 × 1,600 JourneyView at 100 % repainting its viewport (the map's top-left),
  against a QGraphicsView of the bare scene doing the same.
The window is the same at every map size: its cost must not grow with the map. The links of a
window are kept in tiles once drawn (editor.canvas.link_tiles), so each window is also measured
with its links drawn afresh, as when it is first shown (printed beside the row).
Imports: PySide6, editor.*.
"""
from __future__ import annotations

from PySide6.QtCore import QRectF, QSize
from PySide6.QtWidgets import QGraphicsView

from .drag import shown_view
from .fixtures import bare_scene, clock, dispose, layout_entries, map_file, open_editor, paired
from .window import load

WIDTH, HEIGHT = 2400, 1600


def windows(scene) -> dict[str, QRectF]:
    rect = scene.sceneRect()
    middle = rect.center()
    return {"top-left": QRectF(rect.x(), rect.y(), WIDTH, HEIGHT),
            "middle": QRectF(middle.x() - WIDTH / 2, middle.y() - HEIGHT / 2, WIDTH, HEIGHT)}


def _links_afresh(scene, ours) -> float:
    """``ours`` with the links' tiles dropped first (editor.canvas.link_tiles): what a window
    costs the first time it is shown at its zoom, its cards' texts and frames already kept."""
    scene.annotations.link_layer.tiles.clear()
    return ours()


def bench_partial_render(sizes, runs: int) -> list[dict]:
    from editor.canvas.render import paint_scene
    from editor.canvas.view import JourneyView
    rows = []
    for size in sizes:
        _document, scene = open_editor(map_file(size))
        scene.clearSelection()
        bare = bare_scene(layout_entries(scene))
        bare.setSceneRect(scene.sceneRect())
        for name, window in windows(scene).items():
            def ours(window=window, scene=scene) -> float:
                return clock(lambda: paint_scene(scene, window, QSize(WIDTH, HEIGHT)))[0]

            def floor(window=window, bare=bare) -> float:
                return clock(lambda: paint_scene(bare, window, QSize(WIDTH, HEIGHT)))[0]
            ours(), floor()
            mine, low, ratio = paired(runs, ours, floor)
            rows.append(dict(what=f"window-{name}", size=size, ours=mine, bare=low, ratio=ratio))
            print(f"window {name} {size:>6,}: {mine * 1000:.1f} ms vs {low * 1000:.1f} ms "
                  f"({ratio:.2f}×)  ({load()})", flush=True)
            first, low, ratio = paired(runs, lambda o=ours, s=scene: _links_afresh(s, o), floor)
            print(f"  the same, its links drawn afresh (the first paint of a window): "
                  f"{first * 1000:.1f} ms vs {low * 1000:.1f} ms ({ratio:.2f}×)", flush=True)
        views = [shown_view(JourneyView(scene)), shown_view(QGraphicsView(bare))]
        for view in views:
            view.resize(WIDTH, HEIGHT)
            view.horizontalScrollBar().setValue(0)
            view.verticalScrollBar().setValue(0)
        mine, low, ratio = paired(runs, *(lambda v=v: clock(v.viewport().repaint)[0] for v in views))
        rows.append(dict(what="view-paint", size=size, ours=mine, bare=low, ratio=ratio))
        print(f"view paint {size:>6,}: {mine * 1000:.1f} ms vs {low * 1000:.1f} ms ({ratio:.2f}×)",
              flush=True)
        for view in views:
            view.close()
        dispose(scene)
        dispose(bare)
    return rows
