"""The export measures: export_pdf / export_excel of the generated maps, against the bare reportlab
and openpyxl baselines of benchmarks/bench_exports.py (imported, not copied) writing the same card
strings. Imports: exporters, model.*, bench_exports from benchmarks/.
"""
from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from .fixtures import clock, map_file, paired


def export_pairs(journey, strings, folder: Path) -> dict[str, tuple[Callable, Callable]]:
    """(ours, bare) actions per export, the bare ones from bench_exports.py."""
    import bench_exports as be

    from exporters import export_excel, export_pdf
    return {"pdf": (lambda: export_pdf(journey, folder / "m.pdf"),
                    lambda: be.bare_reportlab(strings, folder / "b.pdf")),
            "pdf-platypus": (lambda: export_pdf(journey, folder / "m.pdf"),
                             lambda: be.bare_platypus(strings, folder / "p.pdf")),
            "excel": (lambda: export_excel(journey, folder / "m.xlsx"),
                      lambda: be.bare_openpyxl(strings, folder / "b.xlsx"))}


def bench_exports(sizes, runs: int) -> list[dict]:
    """bench_exports.py's baselines on the mapgen maps (its own table uses its own maps)."""
    import bench_exports as be

    from model.fileformat import load_journey
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for size in sizes:
            journey = load_journey(map_file(size))
            pairs = export_pairs(journey, be.card_strings(journey), folder)
            for name, (ours, bare) in pairs.items():
                ours(), bare()  # warm-up: the libraries load lazily on first use
                mine, floor, ratio = paired(runs, lambda ours=ours: clock(ours)[0],
                                            lambda bare=bare: clock(bare)[0])
                rows.append(dict(what=name, size=size, ours=mine, bare=floor, ratio=ratio))
                print(f"{name} {size:>6,}: {mine:.2f} s vs {floor:.2f} s ({ratio:.1f}×)", flush=True)
    return rows
