"""The undo/redo measure: one undo or redo of a card title edit and of a card move, in a small and
a large map, alternated so that load on the machine hits them alike; the target is no cost that
grows with the map. Imports: PySide6, editor.*.
"""
from __future__ import annotations

import statistics
import time

from PySide6.QtWidgets import QApplication

from .fixtures import dispose, map_file, open_editor, settle

UNDO_PAIRS = 40


def movable_card(scene) -> tuple[str, str, str]:
    """(card, stage, lane): the last card of a cell and another cell of the same row that it can
    join at the end without making either cell the row's tallest, so no other row moves."""
    layout, journey = scene.layout, scene.journey
    for lane_id in journey.lane_ids():
        row = layout.rows[lane_id]
        cells = {s: journey.cell_card_ids(s, lane_id) for s in journey.stage_ids()}
        filled = {s: (layout.cards[ids[-1]].rect.bottom if ids else layout.cells[(s, lane_id)].y)
                  for s, ids in cells.items()}
        for source, ids in cells.items():
            if not ids:
                continue
            height = layout.cards[ids[-1]].rect.h
            for target, bottom in filled.items():
                if target != source and bottom + 8 + height + 10 < row.bottom - 1:
                    return ids[-1], target, lane_id
    raise RuntimeError("no card can move without changing a row's height")


def undo_redo_timing(document, pairs: int) -> float:
    """Median seconds of one undo or one redo of the top command (with Qt's deferred work)."""
    stack, times = document.undo_stack, []
    for _ in range(pairs):
        for step in (stack.undo, stack.redo):
            start = time.perf_counter()
            step()
            QApplication.processEvents()
            times.append(time.perf_counter() - start)
    return statistics.median(times)


def bench_undo(sizes, runs: int) -> list[dict]:
    results: dict[tuple[str, int], list[float]] = {}
    editors = {size: open_editor(map_file(size)) for size in sizes}
    for _ in range(runs):  # alternate the sizes so that load on the machine hits them alike
        for size, (document, scene) in editors.items():
            middle = list(scene.cards)[len(scene.cards) // 2]
            title = scene.journey.card(middle).title
            document.controller.update_card(middle, title=title[::-1])  # same width, same lines
            results.setdefault(("title", size), []).append(undo_redo_timing(document, UNDO_PAIRS))
            card_id, stage_id, lane_id = movable_card(scene)
            document.controller.move_cards([card_id], stage_id, lane_id,
                                           len(scene.journey.cell_card_ids(stage_id, lane_id)))
            results.setdefault(("move", size), []).append(undo_redo_timing(document, UNDO_PAIRS))
            document.undo_stack.undo()
            document.undo_stack.undo()
            settle()
    rows = []
    small, large = min(sizes), max(sizes)
    for edit in ("title", "move"):
        a = statistics.median(results[(edit, small)])
        b = statistics.median(results[(edit, large)])
        rows.append(dict(what=f"undo-{edit}", size=large, ours=b, bare=a, ratio=b / a))
        print(f"undo/redo {edit}: {a * 1e6:.1f} µs at {small:,} cards, {b * 1e6:.1f} µs at "
              f"{large:,} ({b / a:.2f}×)", flush=True)
    for _document, scene in editors.values():
        dispose(scene)
    return rows
