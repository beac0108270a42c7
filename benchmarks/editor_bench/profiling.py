"""cProfile of one editor measure (open, undo, render or drag) on one map size, for
``bench_editor.py --profile``. Imports: PySide6, editor.*, and the measures' own helpers.
"""
from __future__ import annotations

import cProfile
import pstats

from PySide6.QtCore import QPointF

from .drag import DRAG_MOVES, drag_timing, shown_view, visible_card
from .fixtures import map_file, open_editor, settle
from .render import paint_to_width
from .undo import undo_redo_timing


def profile(what: str, size: int) -> None:
    profiler = cProfile.Profile()
    if what == "open":
        profiler.runcall(open_editor, map_file(size))
    elif what == "undo":
        document, scene = open_editor(map_file(size))
        middle = list(scene.cards)[len(scene.cards) // 2]
        document.controller.update_card(middle, title="x" + scene.journey.card(middle).title)
        profiler.runcall(undo_redo_timing, document, 20)
    elif what == "render":
        _document, scene = open_editor(map_file(size))
        profiler.runcall(paint_to_width, scene, scene.sceneRect())
    elif what == "drag":
        from editor.canvas.view import JourneyView
        _document, scene = open_editor(map_file(size))
        view = shown_view(JourneyView(scene))
        first = next(iter(scene.layout.cards.values())).rect
        view.centerOn(QPointF(first.x + 400, first.y + 300))
        settle()
        card = QPointF(*scene.layout.cards[visible_card(view, scene)].rect.center)
        profiler.runcall(drag_timing, view, card, DRAG_MOVES)
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)
