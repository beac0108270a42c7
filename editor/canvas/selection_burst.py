"""BurstSlot: follow the scene's selection without paying once per item of a burst.

Select All sets each card selected in turn, and QGraphicsScene emits selectionChanged for every
one: a panel that re-reads the selection on each signal costs the square of the map's size (52 s
for Select All on 2,000 cards). A BurstSlot runs its slot at once for the first few signals of a
turn of the event loop (a click, which clears the selection and then selects, shows at once) and,
if more came, once more when the turn is over, however many came in between. With
``immediate=False`` it always waits for the end of the turn: a form showing several cards must
not re-read them while an edit of all of them is half done.
Imports: PySide6.QtCore.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

AT_ONCE = 4  # signals per turn handled at once; a click sends one to three


class BurstSlot(QObject):
    def __init__(self, slot: Callable[[], None], parent: QObject | None = None,
                 immediate: bool = True) -> None:
        super().__init__(parent)
        self._slot = slot
        self._at_once = AT_ONCE if immediate else 0
        self._count = 0
        self._pending = False
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self._turn_over)

    def trigger(self) -> None:
        """Connect the signal here."""
        self._count += 1
        if not self._timer.isActive():
            self._timer.start()
        if self._count <= self._at_once:
            self._slot()
        else:
            self._pending = True

    def cancel(self) -> None:
        """Forget a pending call (the followed scene is going away)."""
        self._timer.stop()
        self._count, self._pending = 0, False

    def _turn_over(self) -> None:
        self._count = 0
        if self._pending:
            self._pending = False
            self._slot()
