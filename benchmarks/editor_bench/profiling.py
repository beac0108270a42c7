"""cProfile of one editor measure on one map size, for ``bench_editor.py --profile``: open, undo,
render or drag on the scene alone, and select-all, delete (200 selected + undo), drop, find,
delete-all (2,000 selected + undo), window (the top-left 2,400-px window) in the main window or
its scene.
Imports: PySide6, editor.*, and the measures' own helpers.
"""
from __future__ import annotations

import cProfile
import pstats

from PySide6.QtCore import QPointF, QSize

from .drag import DRAG_MOVES, drag_timing, shown_view, visible_card
from .fixtures import map_file, open_editor, settle
from .render import paint_to_width
from .undo import undo_redo_timing

CHOICES = ("open", "drag", "render", "undo", "select-all", "delete", "delete-all", "drop", "find",
           "window")


def profile(what: str, size: int) -> None:
    profiler = cProfile.Profile()
    if what in ("select-all", "delete", "delete-all", "drop", "find"):
        _profile_in_window(profiler, what, size)
    elif what == "open":
        profiler.runcall(open_editor, map_file(size))
    elif what == "undo":
        document, scene = open_editor(map_file(size))
        middle = list(scene.cards)[len(scene.cards) // 2]
        document.controller.update_card(middle, title="x" + scene.journey.card(middle).title)
        profiler.runcall(undo_redo_timing, document, 20)
    elif what == "render":
        _document, scene = open_editor(map_file(size))
        profiler.runcall(paint_to_width, scene, scene.sceneRect())
    elif what == "window":
        from editor.canvas.render import paint_scene

        from .partial_render import HEIGHT, WIDTH, windows
        _document, scene = open_editor(map_file(size))
        profiler.runcall(paint_scene, scene, windows(scene)["top-left"], QSize(WIDTH, HEIGHT))
    elif what == "drag":
        from editor.canvas.view import JourneyView
        _document, scene = open_editor(map_file(size))
        view = shown_view(JourneyView(scene))
        first = next(iter(scene.layout.cards.values())).rect
        view.centerOn(QPointF(first.x + 400, first.y + 300))
        settle()
        card = QPointF(*scene.layout.cards[visible_card(view, scene)].rect.center)
        profiler.runcall(drag_timing, view, card, DRAG_MOVES)
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(35)


def _profile_in_window(profiler: cProfile.Profile, what: str, size: int) -> None:
    from .interactions import find, on_screen
    from .selection import SelectionBench, spread
    from .window import drain, idle
    bench = SelectionBench(size)
    if what == "select-all":
        profiler.runcall(idle, bench.window.menu_actions.select_all.trigger)
    elif what in ("delete", "delete-all"):
        bench.scene.selection.select_cards(spread(bench.scene, 200 if what == "delete" else 2000))
        drain()
        profiler.runcall(idle, bench.window.menu_actions.delete.trigger)
        profiler.runcall(idle, bench.window.document.undo_stack.undo)
    elif what == "drop":
        card = on_screen(bench)
        start = QPointF(*bench.scene.layout.cards[card].rect.center)
        profiler.runcall(drag_timing, bench.window.view, start, 3)
    elif what == "find":
        profiler.runcall(find, bench)
    bench.close()
