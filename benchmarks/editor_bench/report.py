"""The report of an editor benchmark run: the target of each measure, its verdict, the Markdown
table of docs/performance.md, and a line describing the machine. Imports: the standard library
and PySide6 (for its version).
"""
from __future__ import annotations

import os
import platform

TARGETS = {  # what: (target text, limit on the ratio or None, absolute limit in seconds or None)
    "open": ("≤ 3× (2,000 cards < 1 s)", 3.0, None),
    "drag": ("< 4 ms per move", None, 0.004),
    "render": ("≤ 1.5×", 1.5, None),
    "undo-title": ("10,000 vs 200 cards: ± 20 %", 1.2, None),
    "undo-move": ("10,000 vs 200 cards: ± 20 %", 1.2, None),
    "pdf": ("≤ 2×", 2.0, None),
    "pdf-platypus": ("≤ 2×", 2.0, None),
    "excel": ("≤ 2×", 2.0, None),
    "startup": ("≤ 2×", 2.0, None),
    "memory": ("(figure only)", None, None),
}


def verdict(row: dict) -> str:
    _, ratio_limit, seconds = TARGETS[row["what"]]
    ok = True
    if ratio_limit is not None:
        ok = row["ratio"] <= ratio_limit and (row["ratio"] >= 1 / ratio_limit
                                              if row["what"].startswith("undo") else True)
    if seconds is not None:
        ok = ok and row["ours"] < seconds
    if row["what"] == "open" and row["size"] == 2000:
        ok = ok and row["ours"] < 1.0
    if row["what"] == "memory":
        return "—"
    return "pass" if ok else "**miss**"


def table(rows: list[dict]) -> str:
    lines = ["| measure | cards | target | measured | lower bound | ratio | verdict |",
             "|---|---:|---|---:|---:|---:|---|"]
    for row in rows:
        what, unit = row["what"], "s"
        ours, bare = row["ours"], row["bare"]
        if what == "drag":
            ours, bare, unit = ours * 1000, bare * 1000, "ms"
        if what.startswith("undo"):
            ours, bare, unit = ours * 1e6, bare * 1e6, "µs"
        if what == "memory":
            unit = "MiB"
        label = {"undo-title": "undo/redo title", "undo-move": "undo/redo move",
                 "pdf": "PDF export (bare canvas)", "pdf-platypus": "PDF export (bare platypus)",
                 "excel": "Excel export", "startup": "start-up", "memory": "peak RSS"}.get(what, what)
        floor = (f"{bare:.3g} {unit} at 200 cards" if what.startswith("undo")
                 else f"{bare:.3g} {unit}")
        lines.append(f"| {label} | {row['size']:,} | {TARGETS[what][0]} | {ours:.3g} {unit} | "
                     f"{floor} | {row['ratio']:.2f}× | {verdict(row)} |")
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
            f"QT_QPA_PLATFORM={os.environ.get('QT_QPA_PLATFORM')}")
