"""Times the importers against the bare libraries reading the same files in the same run.

For each size, a generated map (benchmarks/mapgen.py) is exported as a workbook, a CSV and a
Mermaid diagram; then each is imported and compared with a lower bound measured next to it:

- xlsx: openpyxl's streaming reader walking every row of every sheet (values only);
- xlsx + base: the same, the original map given (every cell compared with what it showed);
- csv: the csv module reading the same text (decoded the same way);
- mermaid: splitting the text into lines and each line at its colons;
- and, for scale, ``loads_journey`` of the imported map's own .journey text.

The ratio column is import / baseline (median of interleaved runs); "per card" shows whether the
cost per card stays flat as the map grows (no quadratic step).

    .venv/bin/python benchmarks/bench_importers.py               # 200, 2,000, 10,000 cards
    .venv/bin/python benchmarks/bench_importers.py --sizes 50000
"""
from __future__ import annotations

import argparse
import csv
import io
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from mapgen import make_map  # noqa: E402

from exporters import export_excel  # noqa: E402
from exporters.csv_export import export_csv  # noqa: E402
from exporters.mermaid import export_mermaid  # noqa: E402
from importers import import_file  # noqa: E402
from model.fileformat import dumps_journey, loads_journey  # noqa: E402

RUNS = 3


def median_time(function, runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def bare_openpyxl(path: Path) -> None:
    import openpyxl

    workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    for ws in workbook.worksheets:
        for _ in ws.iter_rows(values_only=True):
            pass
    workbook.close()


def bare_csv(path: Path) -> None:
    text = path.read_bytes().decode("utf-8-sig")
    for _ in csv.reader(io.StringIO(text, newline="")):
        pass


def bare_mermaid(path: Path) -> None:
    for line in path.read_text(encoding="utf-8").splitlines():
        line.strip().split(":")


def bench_size(cards: int, folder: Path) -> list[tuple[str, int, float, float]]:
    journey = make_map(cards)
    files = {"xlsx": folder / f"m{cards}.xlsx", "csv": folder / f"m{cards}.csv",
             "mermaid": folder / f"m{cards}.mmd"}
    export_excel(journey, files["xlsx"])
    export_csv(journey, files["csv"])
    export_mermaid(journey, files["mermaid"])
    cases = [("xlsx", lambda: import_file(files["xlsx"]), lambda: bare_openpyxl(files["xlsx"])),
             ("xlsx+base", lambda: import_file(files["xlsx"], base=journey),
              lambda: bare_openpyxl(files["xlsx"])),
             ("csv", lambda: import_file(files["csv"]), lambda: bare_csv(files["csv"])),
             ("mermaid", lambda: import_file(files["mermaid"]),
              lambda: bare_mermaid(files["mermaid"]))]
    text = dumps_journey(journey)
    rows = [("load .journey", cards, median_time(lambda: loads_journey(text)), 0.0)]
    for name, work, baseline in cases:
        rows.append((name, cards, median_time(work), median_time(baseline)))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[200, 2_000, 10_000])
    args = parser.parse_args()
    print(f"{'import':<14}{'cards':>8}{'seconds':>10}{'baseline':>10}{'ratio':>8}{'ms/1k cards':>13}")
    with tempfile.TemporaryDirectory() as folder:
        for cards in args.sizes:
            for name, count, seconds, baseline in bench_size(cards, Path(folder)):
                ratio = f"{seconds / baseline:.1f}" if baseline else "-"
                print(f"{name:<14}{count:>8,}{seconds:>10.3f}{baseline:>10.3f}{ratio:>8}"
                      f"{seconds / count * 1e6:>13.1f}")


if __name__ == "__main__":
    main()
