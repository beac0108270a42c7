"""The import behind File → Import…, off the GUI thread: ImportJob runs one ImportRequest in a
worker thread and hands its outcome back to the GUI thread (a queued signal of one application-
wide poster); Cancel stops it between rows.

``run_request`` is the work itself, plain Python over the Qt-free importers: guess the format,
list a workbook's sheets, choose the base map of a workbook round-trip, import, and make the
small map the preview draws. The worker reads only the source file and immutable inputs (the
open map arrives as plain data taken on the GUI thread), so the window's map is never read
while it may change. A cancelled job's thread runs to its next check and is then dropped; what
it built is never shown. Imports: PySide6.QtCore, importers, model.
"""
from __future__ import annotations

import gc
import threading
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal

from importers import ImportCancelled, ImportFileError, ImportResult, guess_format, import_file
from importers.detect import sheet_names
from model.fileformat import load_journey
from model.fileformat.serialize import map_from_data
from model.journey.errors import JourneyFileError, ModelError
from model.journey.journey_map import JourneyMap

BASE_AUTO, BASE_NONE, BASE_OPEN, BASE_FILE = "auto", "none", "open", "file"
PREVIEW_CARDS = 300  # the preview draws at most this many cards: it is drawn on the GUI thread
PREVIEW_PER_CELL = 4
PREVIEW_STAGES = PREVIEW_LANES = 24


@dataclass(frozen=True)
class ImportRequest:
    """What to import and how; ``open_map`` is the open map as plain data (to_data), or None."""

    path: str
    format: str | None = None  # None: guessed from the name and content
    sheet: str | None = None  # grid: None reads the first sheet with content
    base: str = BASE_AUTO
    base_path: str | None = None  # BASE_FILE: the .journey the workbook was exported from
    open_map: dict[str, Any] | None = field(default=None, compare=False, repr=False)


@dataclass
class ImportOutcome:
    """One finished import: the result, the format read, what the base choice became, and the
    map the preview draws (the result itself, or a cut-down copy of a big one)."""

    result: ImportResult
    format: str
    sheets: list[str]
    base: str  # BASE_NONE, BASE_OPEN or BASE_FILE: the base actually used
    matched: tuple[int, int] = (0, 0)  # BASE_AUTO: workbook cards that are the open map's, of all
    preview: JourneyMap | None = None
    preview_trimmed: bool = False


def run_request(request: ImportRequest, cancelled=None) -> ImportOutcome:
    """Do the import; raises ImportFileError (bad source), JourneyFileError (bad base map) or
    ImportCancelled."""
    chosen = request.format or guess_format(request.path)
    sheets = sheet_names(request.path) if chosen in ("xlsx", "grid") else []
    base_kind, matched = BASE_NONE, (0, 0)
    if chosen == "xlsx" and request.base in (BASE_OPEN, BASE_FILE):
        base_kind = request.base
        result = import_file(request.path, chosen, base=_base_map(request), cancelled=cancelled)
    else:
        result = import_file(request.path, chosen, sheet=request.sheet if chosen == "grid" else None,
                             cancelled=cancelled)
        if chosen == "xlsx" and request.base == BASE_AUTO and request.open_map is not None:
            matched = matching_cards(result.journey, request.open_map)
            if exported_from(*matched):
                base_kind = BASE_OPEN
                result = import_file(request.path, chosen, base=_base_map(request),
                                     cancelled=cancelled)
    preview, trimmed = preview_map(result.journey)
    return ImportOutcome(result, chosen, sheets, base_kind, matched, preview, trimmed)


def _base_map(request: ImportRequest) -> JourneyMap:
    if request.base == BASE_FILE:
        return load_journey(request.base_path)
    try:
        return map_from_data(request.open_map)
    except (ModelError, KeyError, TypeError, ValueError) as exc:  # to_data() output: not expected
        raise JourneyFileError("the open map", f"cannot be used as the base map: {exc}") from None


def matching_cards(imported: JourneyMap, open_map: dict[str, Any]) -> tuple[int, int]:
    """(cards of the workbook that are cards of the open map, cards of the workbook): a card
    matches when the open map has a card of that ID with the same title. The title is asked too
    because rows without an ID get made-up ids that another map may also use."""
    titles = {card["id"]: card.get("title", "") for card in open_map.get("cards", [])}
    cards = imported.cards()
    return sum(1 for card in cards if titles.get(card.id) == card.title), len(cards)


def exported_from(matched: int, total: int) -> bool:
    """The rule for the default base: at least half the workbook's cards are the open map's (so
    a team may edit, add and delete many rows and the workbook is still known)."""
    return total > 0 and 2 * matched >= total


def preview_map(journey: JourneyMap) -> tuple[JourneyMap, bool]:
    """The map the preview draws: the imported map, or for a big one a copy with its first
    stages and lanes and a few cards a cell (drawing 10,000 cards would stall the window)."""
    if journey.card_count() <= PREVIEW_CARDS and len(journey.stages()) <= PREVIEW_STAGES \
            and len(journey.lanes()) <= PREVIEW_LANES:
        return journey, False
    small = JourneyMap(journey.title, journey.language, journey.description)
    for segment in journey.segments():
        small.add_segment(segment)
    stages, lanes = journey.stages()[:PREVIEW_STAGES], journey.lanes()[:PREVIEW_LANES]
    for lane in lanes:
        small.add_lane(lane)
    shown = 0
    for stage in stages:
        if shown >= PREVIEW_CARDS:
            break
        small.add_stage(stage)
        for lane in lanes:
            for card_id in journey.cell_card_ids(stage.id, lane.id)[:PREVIEW_PER_CELL]:
                small.add_card(journey.card(card_id), stage.id, lane.id)
                shown += 1
    return small, True


def card_kind_counts(journey: JourneyMap) -> Counter:
    return Counter(card.kind for card in journey.cards())


class _Poster(QObject):
    """Runs ``function(value)`` in the GUI thread for a worker thread; one for the application,
    so no worker ever emits on an object a closed dialog has deleted."""

    posted = Signal(object, object)

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.posted.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    @staticmethod
    def _deliver(function, value) -> None:
        function(value)


_poster: _Poster | None = None


def _gui_poster() -> _Poster:
    global _poster
    if _poster is None:
        _poster = _Poster(QCoreApplication.instance())
    return _poster


class _CollectorHold:
    """Python's cyclic garbage collector stays off while an import thread runs (GUI thread only).

    A collection runs in whichever thread happens to allocate, and the import thread allocates a
    lot; collected there, cyclic garbage the GUI thread left behind (a rendered preview's scene,
    a closed dialog's widgets) would have its Qt objects destroyed in the wrong thread, which
    crashed the editor. Reference counting still frees garbage meanwhile."""

    running = 0
    was_enabled = False

    @classmethod
    def acquire(cls) -> None:
        if cls.running == 0:
            cls.was_enabled = gc.isenabled()
            gc.disable()
        cls.running += 1

    @classmethod
    def release(cls, _value=None) -> None:
        cls.running -= 1
        if cls.running == 0 and cls.was_enabled:
            gc.enable()


class ImportJob:
    """One import in a thread of its own. ``on_success(outcome)`` or ``on_failure(error)`` (the
    JourneyFileError, or a message for anything else) is called once, in the GUI thread, unless
    the job was cancelled first (then neither is).

    The thread never holds the callbacks (they reach the dialog): it posts what it got, and the
    GUI thread looks them up, so nothing of Qt is ever released from the worker thread."""

    def __init__(self, request: ImportRequest, on_success: Callable[[ImportOutcome], None],
                 on_failure: Callable[[Exception | str], None]) -> None:
        self.request = request
        self._callbacks: dict[str, Callable[[Any], None]] | None = {
            "success": on_success, "failure": on_failure}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="import", daemon=True)

    def start(self) -> None:
        """Call in the GUI thread."""
        self._poster = _gui_poster()
        _CollectorHold.acquire()
        self._thread.start()

    def cancel(self) -> None:
        """GUI thread: the thread stops at its next check, and reports nothing."""
        self._stop.set()
        self._callbacks = None

    @property
    def is_cancelled(self) -> bool:
        return self._stop.is_set()

    def wait(self, timeout: float) -> bool:
        """True when the thread has ended (tests, and leaving the application tidily)."""
        self._thread.join(timeout)
        return not self._thread.is_alive()

    def _run(self) -> None:
        try:
            outcome = run_request(self.request, self._stop.is_set)
        except ImportCancelled:
            pass
        except (ImportFileError, JourneyFileError) as exc:  # worded in the GUI (error_text)
            self._post(lambda error: self._deliver("failure", error), exc)
        except Exception as exc:  # noqa: BLE001 -- a bug must reach the person, not kill the thread
            self._post(lambda message: self._deliver("failure", message),
                       f"{self.request.path}: cannot be imported: {type(exc).__name__}: {exc}")
        else:
            self._post(lambda value: self._deliver("success", value), outcome)
        finally:
            self._post(_CollectorHold.release, None)  # after the result, in the GUI thread

    def _post(self, function, value) -> None:
        try:
            self._poster.posted.emit(function, value)
        except RuntimeError:  # the application has gone: nobody is left to tell
            pass

    def _deliver(self, kind: str, value) -> None:
        """In the GUI thread: a job cancelled meanwhile (its dialog closed) says nothing."""
        callbacks, self._callbacks = self._callbacks, None
        if callbacks is not None and not self._stop.is_set():
            callbacks[kind](value)
