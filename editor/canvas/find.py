"""Find on the canvas (Ctrl+F, issue 10 item 18): which elements' text contains the words looked
for, and how the matches are highlighted.

The search reads the model's data, never the scene's items: stage names, overviews and exit
criteria, lane names, and each card's title, details and fields (channel, owner, feeling,
stakes, actions). Text is compared after NFKC folding and casefolding, so ＡＢＣ finds abc and
full-width digits find half-width ones. The folded texts are kept in a FindIndex, made at the
first search and then refolded card by card as the map's events name them. The highlight paints
only what is on screen: the scene asks it, while it draws its foreground, for the matched items
inside the exposed rectangle.
Imports: PySide6 (QtCore, QtGui), model.
"""
from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen

from model import JourneyMap

CARD_FIELDS = ("title", "details", "channel", "owner", "feeling", "stakes", "actions")
MATCH_FILL = QColor(255, 213, 79, 55)
MATCH_EDGE = QColor("#f9a825")
CURRENT_EDGE = QColor("#e65100")
# Below this many matches it is cheaper to look each one up than to ask the scene what is visible.
FEW_MATCHES = 300


def fold(text: str) -> str:
    """The form both sides are compared in: width and case differences fold away."""
    return unicodedata.normalize("NFKC", text).casefold()


def element_texts(journey: JourneyMap):
    """(element id, its searchable text) in reading order: stages, lanes, then the cards stage by
    stage, lane by lane (journey order)."""
    for stage in journey.stages():
        yield stage.id, stage_text(stage)
    for lane in journey.lanes():
        yield lane.id, lane.name
    for card_id in journey.card_ids():
        yield card_id, card_text(journey.card(card_id))


def stage_text(stage) -> str:
    criteria = "\n".join(c.text for c in stage.exit_criteria)
    return "\n".join((stage.name, stage.overview, criteria))


def card_text(card) -> str:
    return "\n".join(getattr(card, name) for name in CARD_FIELDS)


class FindIndex:
    """The folded texts of one map: made ahead (``fold_ahead``, in slices while the window is
    idle) or at the first search, then kept current by the map's events, card by card (an edit
    refolds one card, not 50,000)."""

    def __init__(self, journey: JourneyMap) -> None:
        self.journey = journey
        self._cards: dict[str, str] | None = None  # card id -> folded text
        self._complete = False  # every card is in _cards
        self._headers: list[tuple[str, str]] | None = None  # stages then lanes, in order
        self._changed = True
        journey.events.connect(self._on_event)

    def detach(self) -> None:
        self.journey.events.disconnect(self._on_event)

    def _on_event(self, event) -> None:
        self._changed = True
        if event.type.startswith(("stage_", "lane_")):
            self._headers = None  # few: read again at the next search
        if self._cards is None:
            return
        if event.type in ("card_added", "card_changed"):
            self._fold_cards((event.card_id,))
        elif event.type == "card_removed":
            self._cards.pop(event.card_id, None)
        elif event.type == "reset":
            self._cards, self._complete = None, False
        elif event.type.startswith(("stage_", "lane_")):  # whole columns or rows of cards
            if event.type.endswith("_added"):
                self._fold_cards(event.payload.get("card_ids", ()))
            else:
                for card_id in event.payload.get("card_ids", ()):
                    self._cards.pop(card_id, None)

    def _fold_cards(self, card_ids) -> None:
        journey = self.journey
        for card_id in card_ids:
            if journey.element_type(card_id) == "card":
                self._cards[card_id] = fold(card_text(journey.card(card_id)))

    def fold_ahead(self) -> Iterator[None]:
        """Fold every card's text, yielding after each (editor.canvas.sliced runs it between
        events), so that the first search finds them folded."""
        if self._cards is None:
            self._cards = {}
        for card_id in self.journey.card_ids():  # the order of now; events keep the rest right
            if self._cards is None:
                return  # the map was replaced meanwhile
            if card_id not in self._cards:
                self._fold_cards((card_id,))
            yield
        self._complete = self._cards is not None

    def changed_since_search(self) -> bool:
        """Whether the map changed after the last search (its matches may be out of date)."""
        return self._changed

    def search(self, text: str) -> list[str]:
        """Ids of the elements whose text contains every word of ``text``, in reading order."""
        self._changed = False
        words = fold(text).split()
        if not words:
            return []
        if not self._complete:
            for _ in self.fold_ahead():  # what was not folded ahead yet
                pass
        if self._headers is None:
            journey = self.journey
            self._headers = ([(s.id, fold(stage_text(s))) for s in journey.stages()]
                             + [(lane.id, fold(lane.name)) for lane in journey.lanes()])
        headers = [i for i, body in self._headers if all(w in body for w in words)]
        first, rest = words[0], words[1:]
        cards = {i for i, body in self._cards.items() if first in body}  # one test a card, mostly
        if rest:
            cards = {i for i in cards if all(w in self._cards[i] for w in rest)}
        return headers + self._in_reading_order(cards)

    def _in_reading_order(self, cards: set[str]) -> list[str]:
        if len(cards) * 16 < len(self._cards):  # few: sort them by their places
            return self.journey.in_journey_order(cards)
        return [c for c in self.journey.card_ids() if c in cards]


class FindHighlight:
    """The matches the scene shows (a scene collaborator: ``scene.find_highlight``)."""

    def __init__(self, scene) -> None:
        self.scene = scene
        self.matches: frozenset[str] = frozenset()
        self.current: str | None = None

    def set(self, matches, current: str | None) -> None:
        matches = frozenset(matches)
        if matches == self.matches and current == self.current:
            return
        self.matches, self.current = matches, current
        for view in self.scene.views():  # repaints what is on screen, not every match
            view.viewport().update()

    def clear(self) -> None:
        self.set((), None)

    def draw(self, painter: QPainter, exposed: QRectF) -> None:
        if not self.matches:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for element_id, rect in self._visible(exposed):
            current = element_id == self.current
            pen = QPen(CURRENT_EDGE if current else MATCH_EDGE, 4 if current else 3)
            pen.setCosmetic(True)  # as visible at Fit zoom as at 100 %
            pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
            painter.setPen(pen)
            painter.setBrush(MATCH_FILL)
            # Inside the element's own rectangle: what is drawn there repaints with the element.
            inset = 2 / max(painter.worldTransform().m11(), 1e-6)
            painter.drawRect(rect.adjusted(inset, inset, -inset, -inset))
        painter.restore()

    def _visible(self, exposed: QRectF):
        if len(self.matches) <= FEW_MATCHES:
            for element_id in self.matches:
                item = self.scene.item_for(element_id)
                rect = _element_rect(item)
                if rect is not None and rect.intersects(exposed):
                    yield element_id, rect
            return
        for item in self.scene.items(exposed):
            element_id = getattr(item, "element_id", None)
            if element_id in self.matches:
                rect = _element_rect(item)
                if rect is not None:
                    yield element_id, rect


def _element_rect(item) -> QRectF | None:
    if item is None or not hasattr(item, "rect") or not item.isVisible():
        return None
    return item.mapRectToScene(item.rect())
