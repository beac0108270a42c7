"""The open measure: read + parse + validate + build the model + build the scene, against
``json.loads`` of the same file plus a bare QGraphicsScene with as many rect + text items (in wall
time, and in CPU time, steadier on a shared machine); also where the editor's open time goes,
stage by stage. Imports: PySide6, editor.*, model.*.
"""
from __future__ import annotations

import json
import statistics
import time
from pathlib import Path

from PySide6.QtWidgets import QGraphicsScene

from .fixtures import bare_scene, clock, dispose, grid_entries, map_file, open_editor, paired


def open_bare(path: Path) -> QGraphicsScene:
    data = json.loads(path.read_text(encoding="utf-8"))
    return bare_scene(grid_entries(data))


def open_breakdown(path: Path) -> dict[str, float]:
    """Where the editor's open time goes: each stage of load_journey, then the scene."""
    from PySide6.QtGui import QUndoStack

    from editor.canvas.scene import JourneyScene
    from editor.document.controller import EditController
    from model.fileformat import journey_file as fileformat
    from model.fileformat.filechecks import decode_bytes, parse_json
    from model.fileformat.serialize import map_from_data
    times = {}
    times["read"], raw = clock(lambda: fileformat._read_file(path))
    times["parse"], data = clock(lambda: parse_json(decode_bytes(raw)))
    times["validate"], data = clock(lambda: fileformat._validate(data))
    times["model"], journey = clock(lambda: map_from_data(data))
    times["scene"], scene = clock(lambda: JourneyScene(EditController(journey, QUndoStack())))
    dispose(scene)
    return times


def bench_open(sizes, runs: int) -> list[dict]:
    rows = []
    for size in sizes:
        path = map_file(size)

        ours_cpu, bare_cpu = [], []

        def ours(path=path, cpu=ours_cpu) -> float:
            began = time.process_time()
            seconds, (_document, scene) = clock(lambda: open_editor(path))
            cpu.append(time.process_time() - began)
            dispose(scene)
            return seconds

        def bare(path=path, cpu=bare_cpu) -> float:
            began = time.process_time()
            seconds, scene = clock(lambda: open_bare(path))
            cpu.append(time.process_time() - began)
            dispose(scene)
            return seconds

        ours(), bare()  # warm the caches (schema, fonts, imports) before timing
        del ours_cpu[:], bare_cpu[:]
        mine, floor, ratio = paired(runs, ours, bare)
        parts = open_breakdown(path)
        # CPU time wanders less than wall time on a shared machine: a second reading.
        cpu = statistics.median(ours_cpu), statistics.median(bare_cpu)
        rows.append(dict(what="open", size=size, ours=mine, bare=floor, ratio=ratio, parts=parts,
                         cpu=cpu))
        print(f"open {size:>6,}: {mine:.3f} s vs {floor:.3f} s  ({ratio:.2f}×; CPU {cpu[0]:.3f} "
              f"vs {cpu[1]:.3f} s, {cpu[0] / cpu[1]:.2f}×)  "
              + ", ".join(f"{k} {v:.3f}" for k, v in parts.items()), flush=True)
    return rows
