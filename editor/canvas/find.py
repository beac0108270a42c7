"""Find on the canvas (Ctrl+F, issue 10 item 18): which elements' text contains the words looked
for, and how the matches are highlighted.

The search reads the model's data, never the scene's items: stage names, overviews and exit
criteria, lane names, and each card's title, details and fields (channel, owner, feeling,
stakes, actions). Text is compared after NFKC folding and casefolding, so ＡＢＣ finds abc and
full-width digits find half-width ones. The folded texts are kept in a FindIndex, rebuilt only
after the map changed. The highlight paints only what is on screen: the scene asks it, while it
draws its foreground, for the matched items inside the exposed rectangle.
Imports: PySide6 (QtCore, QtGui), model.
"""
from __future__ import annotations

import unicodedata

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
        criteria = "\n".join(c.text for c in stage.exit_criteria)
        yield stage.id, "\n".join((stage.name, stage.overview, criteria))
    for lane in journey.lanes():
        yield lane.id, lane.name
    for card_id in journey.card_ids():
        card = journey.card(card_id)
        yield card_id, "\n".join(getattr(card, name) for name in CARD_FIELDS)


class FindIndex:
    """The folded texts of one map, made on the first search after a change."""

    def __init__(self, journey: JourneyMap) -> None:
        self.journey = journey
        self._entries: list[tuple[str, str]] | None = None
        journey.events.connect(self._on_event)

    def detach(self) -> None:
        self.journey.events.disconnect(self._on_event)

    def _on_event(self, _event) -> None:
        self._entries = None

    def changed_since_search(self) -> bool:
        """Whether the map changed after the last search (its matches may be out of date)."""
        return self._entries is None

    def search(self, text: str) -> list[str]:
        """Ids of the elements whose text contains every word of ``text``, in reading order."""
        words = fold(text).split()
        if not words:
            return []
        if self._entries is None:
            self._entries = [(element_id, fold(body)) for element_id, body in element_texts(self.journey)]
        return [element_id for element_id, body in self._entries if all(w in body for w in words)]


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
