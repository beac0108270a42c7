"""SceneSelection: what is selected on the canvas, in journey order, at the cost of the selection.

A collaborator of JourneyScene (``scene.selection``). Every panel asks for the selection after
each change of it (the inspector, the window's actions, the context menu), so the ordered ids are
kept until the selection or the map changes. Ordering sorts the selected cards by their place
(JourneyMap.in_journey_order), never the whole map: selecting 200 cards costs the same in a map of
200 or 50,000 cards. ``select_cards`` selects many cards with one ``selectionChanged`` (Qt sends
one per item), so Select All refreshes each follower once. Likewise Qt sends one for each selected
item taken out of the scene: the scene takes them out quietly (``removing``) and the selection
announces the change once, at the end of the user's step (the undo stack's ``indexChanged``) or
of the event loop's turn, whichever comes first. Deleting 2,000 selected cards refreshed the
inspector and the actions a few times over the whole selection, now once.
Imports: PySide6.QtCore.
"""
from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QSignalBlocker, QTimer


class SceneSelection:
    def __init__(self, scene) -> None:
        self.scene = scene
        self._ordered: tuple[str, ...] | None = None
        self._dropped = False  # selected items left the scene quietly: not announced yet
        self._timer = QTimer(scene, singleShot=True, interval=0)
        self._timer.timeout.connect(self.announce)
        scene.selectionChanged.connect(self.forget)  # the scene's first follower: before others

    def removing(self, item) -> QSignalBlocker | None:
        """Around taking ``item`` out of the scene: a blocker if it is selected (the change is
        announced later), else None."""
        if not item.isSelected():
            return None
        self._dropped = True
        self.forget()
        if not self._timer.isActive():
            self._timer.start()
        return QSignalBlocker(self.scene)

    def announce(self) -> None:
        """Send the one ``selectionChanged`` for the selected items that left (if any did)."""
        if self._dropped:
            self._dropped = False
            self._timer.stop()
            self.scene.selectionChanged.emit()

    def forget(self) -> None:
        """The selection or the map changed: order it again when next asked."""
        self._ordered = None

    def ids(self) -> tuple[str, ...]:
        """Selected element ids: stages, lanes, cards in journey order, then transitions."""
        if self._ordered is None:
            self._ordered = self._in_order({getattr(item, "element_id", None)
                                            for item in self.scene.selectedItems()})
        return self._ordered

    def _in_order(self, selected: set) -> tuple[str, ...]:
        scene, journey = self.scene, self.scene.journey
        stages = [s for s in journey.stage_ids() if s in selected]
        lanes = [x for x in journey.lane_ids() if x in selected]
        cards = journey.in_journey_order(c for c in selected if c in scene.cards)
        transitions = [t for t in selected if t in scene.transitions]
        if len(transitions) > 1:
            position = {t.id: i for i, t in enumerate(journey.transitions())}
            transitions.sort(key=position.__getitem__)
        return (*stages, *lanes, *cards, *transitions)

    def card_ids(self) -> list[str]:
        cards = self.scene.cards
        return [i for i in self.ids() if i in cards]

    def primary(self) -> tuple[str, str] | None:
        focus = self.scene.focusItem()
        if focus is not None and focus.isSelected() and hasattr(focus, "element_id"):
            return (focus.kind, focus.element_id)
        for element_id in self.ids():
            return (self.scene.item_for(element_id).kind, element_id)
        return None

    def select_cards(self, card_ids: Iterable[str], replace: bool = True) -> None:
        """Select these cards (instead of the selection, or besides it) with one signal."""
        scene = self.scene
        with QSignalBlocker(scene):
            if replace:
                scene.clearSelection()
            for card_id in card_ids:
                item = scene.cards.get(card_id)
                if item is not None:
                    item.setSelected(True)
        self.forget()
        scene.selectionChanged.emit()
