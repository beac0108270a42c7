"""The cancellation hook (for the editor's import worker): ``import_file(..., cancelled=check)``
asks ``check`` between rows, lines and elements of every importer and stops with ImportCancelled
once it says so; the check belongs to the calling thread only and ends with the call."""
from __future__ import annotations

import threading
from pathlib import Path

import pytest

from exporters import export_excel
from importers import ImportCancelled, import_file
from model.fileformat import load_journey
from resources import TEMPLATES_DIR
from tests.importers.test_grid import build_grid
from tests.importers.test_mermaid_import import DOCS_EXAMPLE

YAML = Path(__file__).parent / "data" / "onboarding.yaml"
ROWS = 1_000


class CountingCheck:
    """Says "stop" on its ``stop_at``-th question (never when None); counts the questions."""

    def __init__(self, stop_at: int | None = None) -> None:
        self.asked, self.stop_at = 0, stop_at

    def __call__(self) -> bool:
        self.asked += 1
        return self.stop_at is not None and self.asked >= self.stop_at


def big_csv(path: Path, rows: int = ROWS) -> Path:
    lines = ["stage,lane,title"] + [f"S{i % 7},touchpoints,card {i}" for i in range(rows)]
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def sources(tmp_path: Path) -> dict[str, Path]:
    workbook = tmp_path / "map.xlsx"
    export_excel(load_journey(TEMPLATES_DIR / "saas-cs-lifecycle.ja.journey"), workbook)
    mermaid = tmp_path / "day.mmd"
    mermaid.write_text(DOCS_EXAMPLE, encoding="utf-8")
    return {"csv": big_csv(tmp_path / "cards.csv"), "xlsx": workbook,
            "grid": build_grid(tmp_path / "grid.xlsx"), "mermaid": mermaid, "yaml": YAML}


@pytest.mark.parametrize("format_name", ["csv", "xlsx", "grid", "mermaid", "yaml"])
def test_every_importer_stops_when_asked_and_imports_when_not(tmp_path, format_name):
    path = sources(tmp_path)[format_name]
    never = CountingCheck()
    whole = import_file(path, cancelled=never)
    assert whole.journey.card_count() > 0 and never.asked > 3
    stopper = CountingCheck(stop_at=3)
    with pytest.raises(ImportCancelled):
        import_file(path, cancelled=stopper)
    assert stopper.asked == 3  # it stopped at once, not at the end
    # The check ended with the call: the same file imports again, whole.
    assert import_file(path).journey == whole.journey


def test_a_csv_is_asked_between_rows(tmp_path):
    check = CountingCheck()
    import_file(big_csv(tmp_path / "cards.csv"), cancelled=check)
    assert check.asked >= ROWS  # at least once a row: a big file stops within a row


def test_the_check_belongs_to_the_thread_that_gave_it(tmp_path):
    """A worker's cancelled import does not cancel another thread's import of the same file."""
    path = big_csv(tmp_path / "cards.csv")
    started, results = threading.Event(), {}

    def stop_once_started() -> bool:
        started.set()
        return True

    def worker() -> None:
        try:
            import_file(path, cancelled=stop_once_started)
        except ImportCancelled:
            results["worker"] = "cancelled"

    thread = threading.Thread(target=worker)
    thread.start()
    started.wait(10)
    results["main"] = import_file(path).journey.card_count()
    thread.join(10)
    assert results == {"worker": "cancelled", "main": ROWS}
