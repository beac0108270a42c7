"""Find on the canvas (Ctrl+F, issue 10 item 18): which elements' text contains the words looked
for, and how the matches are highlighted.

The search reads the model's data, never the scene's items: stage names, overviews and exit
criteria, lane names, and each card's title, details and fields (channel, owner, feeling,
stakes, actions). Text is compared after NFKC folding and casefolding, so ＡＢＣ finds abc and
full-width digits find half-width ones. The folded texts are kept in a FindIndex, folded ahead
while the window is idle after opening, and then refolded card by card as the map's events name
them. A search while the texts are not all folded yet is a ``Search`` run a slice at a time (the
find bar shows the matches found so far, in reading order, and the count when it is done). The
same words looked for again after card edits test only the cards edited since. The highlight
paints only what is on screen: the scene asks it, while it draws its foreground, for the matched
items inside the exposed rectangle, and a change of a few matches repaints only them.
Imports: PySide6 (QtCore, QtGui), model.
"""
from __future__ import annotations

import bisect
import operator
import unicodedata
from collections.abc import Iterator

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen

from model import JourneyMap

CARD_FIELDS = ("title", "details", "channel", "owner", "feeling", "stakes", "actions")
_card_fields = operator.attrgetter(*CARD_FIELDS)
MATCH_FILL = QColor(255, 213, 79, 55)
MATCH_EDGE = QColor("#f9a825")
CURRENT_EDGE = QColor("#e65100")
# Below this many matches it is cheaper to look each one up than to ask the scene what is visible.
FEW_MATCHES = 300


def fold(text: str) -> str:
    """The form both sides are compared in: width and case differences fold away."""
    if text.isascii():  # NFKC leaves ASCII as it is, and casefold is lower there
        return text.lower()
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
    return "\n".join(_card_fields(card))


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
        self.generation = 0  # counts the changes to what a search reads (a Search stops at one)
        # The last search's words and card matches in reading order, and the cards edited since
        # (None: something else changed, search all again).
        self._last: tuple[list[str], list[str]] | None = None
        self._edited: set[str] = set()
        journey.events.connect(self._on_event)

    def detach(self) -> None:
        self.journey.events.disconnect(self._on_event)

    def _on_event(self, event) -> None:
        self._changed = True
        if event.type.startswith(("card_", "stage_", "lane_")) or event.type == "reset":
            self.generation += 1
            if event.type == "card_changed":
                self._edited.add(event.card_id)
            else:  # cards came, went or moved: the reading order of the matches changed
                self._last = None
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

    def complete(self) -> bool:
        """Whether every card's text is folded (a search then costs one test per card)."""
        return self._complete

    def search(self, text: str) -> list[str]:
        """Ids of the elements whose text contains every word of ``text``, in reading order."""
        self._changed = False
        words = fold(text).split()
        if not words:
            return []
        if not self._complete:
            for _ in self.fold_ahead():  # what was not folded ahead yet
                pass
        if self._last is not None and self._last[0] == words:
            cards = self._search_edited(words)  # the same words: only the edited cards again
        else:
            first, rest = words[0], words[1:]
            found = {i for i, body in self._cards.items() if first in body}  # one test a card
            if rest:
                found = {i for i in found if all(w in self._cards[i] for w in rest)}
            cards = self._in_reading_order(found)
        self.remember(words, cards)
        return self.header_matches(words) + cards

    def header_matches(self, words: list[str]) -> list[str]:
        if self._headers is None:
            journey = self.journey
            self._headers = ([(s.id, fold(stage_text(s))) for s in journey.stages()]
                             + [(lane.id, fold(lane.name)) for lane in journey.lanes()])
        return [i for i, body in self._headers if all(w in body for w in words)]

    def folded(self, card_id: str) -> str:
        """One card's folded text, folded now if it was not yet."""
        if self._cards is None:
            self._cards = {}
        body = self._cards.get(card_id)
        if body is None:  # a card of the map now (a Search stops at any change)
            body = self._cards[card_id] = fold(card_text(self.journey.card(card_id)))
        return body

    def remember(self, words: list[str], cards: list[str]) -> None:
        """The card matches of ``words`` now, for the next search of the same words."""
        self._last, self._edited = (words, list(cards)), set()

    def mark_complete(self) -> None:
        """Every card was folded (by a Search that saw no change of the map meanwhile)."""
        self._complete = self._cards is not None

    def _search_edited(self, words: list[str]) -> list[str]:
        cards = self._last[1]
        matched = set(cards)
        for card_id in self._edited:
            body = self._cards.get(card_id)
            hit = body is not None and all(w in body for w in words)
            if hit and card_id not in matched:
                position = self.journey.journey_position(card_id)
                cards.insert(bisect.bisect_left(cards, position, key=self.journey.journey_position),
                             card_id)
            elif not hit and card_id in matched:
                cards.remove(card_id)
        return list(cards)

    def _in_reading_order(self, cards: set[str]) -> list[str]:
        if len(cards) * 16 < len(self._cards):  # few: sort them by their places
            return self.journey.in_journey_order(cards)
        return [c for c in self.journey.card_ids() if c in cards]


class Search:
    """One search on a map whose texts are not all folded yet, run by ``steps`` (one card each,
    in reading order, folding it if needed): ``found`` holds the matches so far in reading order,
    stages and lanes first; ``done`` once every card was tested. A change of the map stops it
    (``stopped``: the find bar starts it over); the index is then complete, and remembers it."""

    def __init__(self, index: FindIndex, text: str) -> None:
        self.index, self.words = index, fold(text).split()
        self.generation = index.generation
        self.found: list[str] = index.header_matches(self.words) if self.words else []
        self.done = self.stopped = False

    def steps(self) -> Iterator[None]:
        index, words, found = self.index, self.words, self.found
        headers = len(found)
        for card_id in index.journey.card_ids():
            if index.generation != self.generation:
                self.stopped = True
                return
            body = index.folded(card_id)
            if all(w in body for w in words):
                found.append(card_id)
            yield
        index.mark_complete()
        index.remember(words, found[headers:])
        self.done = True


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
        changed = (matches ^ self.matches) | ({current, self.current} - {None})
        self.matches, self.current = matches, current
        if len(changed) <= FEW_MATCHES:  # an edit made or unmade a match or two: only them
            for element_id in changed:
                rect = _element_rect(self.scene.item_for(element_id))
                if rect is not None:
                    self.scene.update(rect)
            return
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
