"""Single interactions in the main window at every map size (issue 12: a 50,000-card map is
usable when each costs ≤ 50 ms; a drop and the undo of a delete ≤ 20 ms), each until the event
loop is idle, most beside the same gesture on the bare window:

- click: a mouse click selecting a card on screen (the inspector and actions follow);
- move: one mouse move of a card drag, with its repaint; drop: the release (the model's move,
  the canvas and panels following it), the card dropped at the top of the next stage's cell;
- delete-undo: Undo of the deletion of one card on screen;
- edit / edit-undo: a card title changed as the in-place editor commits it, and its Undo;
- find: a search typed in the find bar, the first and one after an edit (which folds that card
  again and tests only it). The first search, on a fresh index (as before the read-ahead folded
  the texts), runs a slice at a time: "find-first" is until its first matches are shown and the
  window had three turns of its event loop; "find-all" until the count is final (every card
  folded and tested), and "find-stall" the longest turn of the event loop meanwhile (printed
  only: how long the window did not answer).
Imports: PySide6, editor.*.
"""
from __future__ import annotations

import statistics
import time

from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from .drag import DRAG_MOVES, drag_timing
from .selection import SelectionBench, bench_selection_at
from .window import drain, idle, load

FIND_WORDS = "CSM"


def on_screen(bench: SelectionBench, skip: int = 0) -> str:
    """A card whose centre is on screen, near the top-left, in a cell with a stage to its right."""
    view, scene = bench.window.view, bench.scene
    shown = view.mapToScene(view.viewport().rect().adjusted(150, 200, -400, -100)).boundingRect()
    last_stage = scene.journey.stage_ids()[-1]
    cards = sorted((c for c, box in scene.layout.cards.items()
                    if shown.contains(QPointF(*box.rect.center))
                    and scene.journey.card_place(c).stage != last_stage),
                   key=lambda c: (scene.layout.cards[c].rect.y, scene.layout.cards[c].rect.x))
    return cards[skip % len(cards)]


def click(bench: SelectionBench) -> tuple[float, float]:
    view, scene = bench.window.view, bench.scene
    card = on_screen(bench)
    point = view.mapFromScene(QPointF(*scene.layout.cards[card].rect.center))
    scene.clearSelection()
    bench.bare.clearSelection()
    drain()
    left, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    ours = idle(lambda: QTest.mouseClick(view.viewport(), left, none, point))
    assert scene.selected_card_ids() == [card]
    bench.bare_view.horizontalScrollBar().setValue(view.horizontalScrollBar().value())
    bench.bare_view.verticalScrollBar().setValue(view.verticalScrollBar().value())
    drain()
    bare = idle(lambda: QTest.mouseClick(bench.bare_view.viewport(), left, none, point))
    return ours, bare


def drag_and_drop(bench: SelectionBench) -> tuple[float, float, float, float]:
    """(ours per move, ours drop, bare per move, bare drop)."""
    view, scene = bench.window.view, bench.scene
    card = on_screen(bench)
    start = QPointF(*scene.layout.cards[card].rect.center)
    before = scene.journey.card_place(card).stage
    scene.clearSelection()
    drain()
    move, drop = drag_timing(view, start, DRAG_MOVES)
    assert scene.journey.card_place(card).stage != before, "the drop did not move the card"
    bench.window.document.undo_stack.undo()
    drain()
    bench.bare.clearSelection()
    bare_move, bare_drop = drag_timing(bench.bare_view, start, DRAG_MOVES)
    for item in bench.bare.selectedItems():
        item.setPos(item.pos() - QPointF(250, 30))  # back where it was
    return move, drop, bare_move, bare_drop


def delete_undo(bench: SelectionBench) -> float:
    card = on_screen(bench, skip=3)
    bench.scene.select_element(card)
    bench.window.menu_actions.delete.trigger()
    drain()
    seconds = idle(bench.window.document.undo_stack.undo)
    assert bench.scene.journey.has(card)
    return seconds


def edit_and_undo(bench: SelectionBench) -> tuple[float, float]:
    card = on_screen(bench, skip=5)
    bench.scene.select_element(card)
    drain()
    title = bench.scene.journey.card(card).title
    edit = idle(lambda: bench.window.document.controller.update_card(card, title=title + " 追記"))
    undo = idle(bench.window.document.undo_stack.undo)
    return edit, undo


def find(bench: SelectionBench) -> tuple[float, float, float, float]:
    """(first search's first matches, a search after an edit, the first until its count is
    final, the longest turn of the event loop during the first)."""
    from editor.canvas.find import FindIndex
    bar = bench.window.find_bar
    bar.show()
    bar.field.setText(FIND_WORDS)
    bar._index = FindIndex(bench.scene.journey)  # a fresh index: the first search folds all
    drain()  # the bar is up while the words are typed: the search runs after the typing pause
    start = time.perf_counter()
    first = idle(bar.search)
    assert bar.matches, "no match shown after the first turns"
    stall = 0.0
    while bar.searching():
        turn = time.perf_counter()
        QApplication.processEvents()
        stall = max(stall, time.perf_counter() - turn)
    whole = time.perf_counter() - start
    card = on_screen(bench, skip=7)
    bench.window.document.controller.update_card(card, owner="CSM 追記")
    drain()
    again = idle(bar.search)
    bench.window.document.undo_stack.undo()
    bar.close_bar()
    drain()
    return first, again, whole, stall


def bench_interactions_at(bench: SelectionBench, runs: int) -> list[dict]:
    size, rows = bench.size, []
    measures = {"click": lambda: click(bench), "drag": lambda: drag_and_drop(bench),
                "delete-undo": lambda: (delete_undo(bench),), "edit": lambda: edit_and_undo(bench),
                "find": lambda: find(bench)}
    names = {"click": ("click", "click-bare"), "drag": ("move", "drop", "move-bare", "drop-bare"),
             "delete-undo": ("delete-undo",), "edit": ("edit", "edit-undo"),
             "find": ("find-first", "find", "find-all", "find-stall")}
    figures: dict[str, float] = {}
    for key, measure in measures.items():
        measure()  # warm-up
        results = [measure() for _ in range(runs)]
        for i, name in enumerate(names[key]):
            figures[name] = statistics.median(r[i] for r in results)
    for name in ("click", "move", "drop"):
        rows.append(dict(what=name, size=size, ours=figures[name], bare=figures[f"{name}-bare"],
                         ratio=figures[name] / figures[f"{name}-bare"]))
    for name in ("delete-undo", "edit", "edit-undo", "find-first", "find"):
        rows.append(dict(what=name, size=size, ours=figures[name], bare=None, ratio=None))
    print(f"interactions {size:>6,}: " + ", ".join(f"{k} {v * 1000:.1f} ms" for k, v in figures.items())
          + f"  ({load()})", flush=True)
    return rows


def bench_facilitator(sizes, runs: int) -> list[dict]:
    """Open the window once per size; selection, deletion and single interactions in it."""
    rows: list[dict] = []
    for size in sizes:
        bench = SelectionBench(size)
        print(f"window {size:>6,}: opened in {bench.opened:.2f} s  ({load()})", flush=True)
        rows += bench_selection_at(bench, runs)
        rows += bench_interactions_at(bench, runs)
        bench.close()
    by_size = {row["size"]: row["ours"] for row in rows if row["what"] == "select-200"}
    if len(by_size) > 1:  # the same selection costs the same in a small and a large map
        small, large = by_size[min(by_size)], by_size[max(by_size)]
        rows.append(dict(what="select-200-flat", size=max(by_size), ours=large, bare=small,
                         ratio=large / small))
    return rows
