"""The report of an editor benchmark run: the target of each measure, its verdict, the Markdown
table of docs/performance.md, and a line describing the machine. Imports: the standard library
and PySide6 (for its version).
"""
from __future__ import annotations

import os
import platform
from dataclasses import dataclass


@dataclass(frozen=True)
class Target:
    text: str
    ratio: float | None = None  # the most the ratio to the lower bound may be
    seconds: float | None = None  # the most the measured time may be
    band: bool = False  # the ratio must also be at least 1 / ratio (the same cost at two sizes)
    sizes: tuple[int, ...] = ()  # the sizes the target is set for (empty: all)
    unit: str = "s"


INTERACTION = Target("≤ 50 ms", seconds=0.050, unit="ms")
TARGETS = {
    "open": Target("≤ 3× (2,000 cards < 1 s)", ratio=3.0),
    "open-50000": Target("≤ 2.5×", ratio=2.5),
    "drag": Target("< 4 ms per move", seconds=0.004, unit="ms"),
    "render": Target("≤ 1.5×", ratio=1.5),
    "undo-title": Target("10,000 vs 200 cards: ± 20 %", ratio=1.2, band=True, unit="µs"),
    "undo-move": Target("10,000 vs 200 cards: ± 20 %", ratio=1.2, band=True, unit="µs"),
    "pdf": Target("≤ 2×", ratio=2.0),
    "pdf-platypus": Target("≤ 2×", ratio=2.0),
    "excel": Target("≤ 2×", ratio=2.0),
    "startup": Target("≤ 2.5×", ratio=2.5),
    "memory": Target("≤ 1.6× at 50,000", ratio=1.6, sizes=(50_000,), unit="MiB"),
    "select-all": Target("2,000 ≤ 0.2 s, 10,000 ≤ 1 s", sizes=(2000, 10_000), unit="ms"),
    "select-200": Target("(figure)", unit="ms"),
    "select-200-flat": Target("50,000 vs 200 cards: ± 30 %", ratio=1.3, band=True, unit="ms"),
    "delete-2000": Target("delete 2,000 + undo ≤ 1 s", seconds=1.0),
    "delete-200": Target("(linear in the selection)"),
    "window-top-left": Target("≤ 3×", ratio=3.0, unit="ms"),
    "window-middle": Target("≤ 3×", ratio=3.0, unit="ms"),
    "view-paint": Target("≤ 3×", ratio=3.0, unit="ms"),
    "click": INTERACTION, "move": INTERACTION, "edit": INTERACTION, "edit-undo": INTERACTION,
    "find": INTERACTION, "find-first": INTERACTION,
    "drop": Target("≤ 20 ms", seconds=0.020, unit="ms"),
    "delete-undo": Target("≤ 20 ms", seconds=0.020, unit="ms"),
}
SELECT_ALL_LIMITS = {2000: 0.2, 10_000: 1.0}
LABELS = {"undo-title": "undo/redo title", "undo-move": "undo/redo move",
          "pdf": "PDF export (bare canvas)", "pdf-platypus": "PDF export (bare platypus)",
          "excel": "Excel export", "startup": "start-up", "memory": "peak RSS",
          "select-200-flat": "select 200 (50,000 vs 200)", "delete-2000": "delete 2,000 + undo",
          "delete-200": "delete 200 + undo", "window-top-left": "render window (top-left)",
          "window-middle": "render window (middle)", "view-paint": "view repaint 2,400 px",
          "move": "drag move", "delete-undo": "undo a delete", "find-first": "find (first)",
          "find": "find (after an edit)", "edit-undo": "undo an edit"}


def target_of(row: dict) -> Target:
    if row["what"] == "open" and row["size"] == 50_000:
        return TARGETS["open-50000"]
    return TARGETS[row["what"]]


def verdict(row: dict) -> str:
    target, what = target_of(row), row["what"]
    if target.sizes and row["size"] not in target.sizes:
        return "—"
    ok, measured = True, False
    if target.ratio is not None and row.get("ratio") is not None:
        ok = row["ratio"] <= target.ratio and (row["ratio"] >= 1 / target.ratio if target.band else True)
        measured = True
    seconds = SELECT_ALL_LIMITS.get(row["size"]) if what == "select-all" else target.seconds
    if seconds is not None:
        ok, measured = ok and row["ours"] <= seconds, True
    if what == "open" and row["size"] == 2000:
        ok = ok and row["ours"] < 1.0
    if not measured:
        return "—"
    return "pass" if ok else "**miss**"


def _figure(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    scale = {"ms": 1000, "µs": 1e6}.get(unit, 1)
    return f"{value * scale:.3g} {unit}"


def table(rows: list[dict]) -> str:
    lines = ["| measure | cards | target | measured | lower bound | ratio | verdict |",
             "|---|---:|---|---:|---:|---:|---|"]
    for row in rows:
        target = target_of(row)
        floor = _figure(row.get("bare"), target.unit)
        if target.band and row.get("bare") is not None:
            floor = f"{floor} at 200 cards"  # the same measure on the smallest map
        ratio = "—" if row.get("ratio") is None else f"{row['ratio']:.2f}×"
        lines.append(f"| {LABELS.get(row['what'], row['what'])} | {row['size']:,} | {target.text} | "
                     f"{_figure(row['ours'], target.unit)} | {floor} | {ratio} | {verdict(row)} |")
    return "\n".join(lines)


def machine() -> str:
    import PySide6
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            cpu = next(line.split(":", 1)[1].strip() for line in info if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    return (f"{os.cpu_count()} cores ({cpu}), Python {platform.python_version()}, "
            f"PySide6 {PySide6.__version__}, {platform.system()} {platform.release()}, "
            f"QT_QPA_PLATFORM={os.environ.get('QT_QPA_PLATFORM')}, "
            f"load {os.getloadavg()[0]:.1f} at the start")
