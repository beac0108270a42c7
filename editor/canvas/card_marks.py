"""CardMarks (``scene.card_marks``): the workshop's marks drawn on the cards of one scene.

Dots of a dot vote (only the viewer's own until the vote is revealed; anonymous votes in one
colour, never by name), the top-N highlight with the card's rank, a comment-count badge, and
the private round's two looks: the author's own private card greyed with "hidden from others",
anyone else's private card a blank placeholder (no title, not selectable, no tooltip). Who
"the viewer" is comes from outside: the window's workshop sets ``viewer`` (the participant a
facilitator records for) and ``public`` (presentation mode: the projector is nobody, so every
private card is a placeholder and only revealed dots show). Privacy is a display rule
(docs/collaboration.md): the text stays in the model.

The card item calls ``paint_instead`` first (True: it drew the placeholder, nothing else) and
``paint_over`` last; nothing else in the canvas knows of
the workshop. Kept out of items.py so that the item stays a thin painter (and merges stay easy).
Imports: PySide6, model, editor.i18n, editor.canvas.painting, editor.document.workshop_edits.
"""
from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from PySide6.QtCore import QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem

from editor.canvas.painting import cached_font
from editor.document.workshop_edits import PARTICIPANT_COLOURS
from editor.i18n import tr
from model import Card, Event
from model.layout.appearance import CARD_MARKERS
from model.layout.grid import CARD_PADDING, SMALL_SIZE

DOT_SIZE = 10.0
DOT_MIDDLE = CARD_PADDING + 4.0  # across the kind label's line, in the card's top strip
DOT_STEP = 12.0
MAX_DOTS_DRAWN = 8  # then "+N"
UNATTRIBUTED_COLOUR = "#9e9e9e"  # votes counted by hand: nobody's colour
ANONYMOUS_COLOUR = "#37474f"
TOP_COLOUR = QColor("#f4b400")
COMMENT_COLOUR = QColor("#1a73e8")
RESOLVED_COLOUR = QColor("#9aa5b1")
HIDDEN_FILL = QColor("#e3e5e8")
HIDDEN_BORDER = QColor("#9aa0a6")
PRIVATE_VEIL = QColor(120, 120, 120, 70)
INSET = 6.0
_SELECTABLE = (QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
               | QGraphicsItem.GraphicsItemFlag.ItemIsMovable
               | QGraphicsItem.GraphicsItemFlag.ItemIsFocusable)
# Events after which any card's marks may change (who sees what, the ranking).
_ALL_CARDS = {"vote_round_changed", "private_round_changed"}
# A participant added, removed or changed can change dot colours and who "I" am: only the cards
# naming someone whose colour or viewing changed can look different (a first edit adds its
# author: refreshing every card made that edit and its undo grow with the map); a participant
# moved reorders the dots of every card with dots.
_PEOPLE = {"participant_added", "participant_removed", "participant_moved", "participant_changed"}


@lru_cache(maxsize=64)
def _label_width(label: str) -> float:
    return QFontMetricsF(cached_font(SMALL_SIZE)).horizontalAdvance(label)


def _kind_label_end(item) -> float:
    """Where the kind label in the card's top strip ends (editor.canvas.items draws it)."""
    marker = CARD_MARKERS[item.card.kind] != "none"
    return CARD_PADDING + (16 if marker else 0) + _label_width(item.kind_label) + 4


def display_colours(people) -> dict[str, str]:
    """Participant id -> the colour their dots are drawn in: their own, unless someone earlier
    in the (shared) order has it, then the first palette colour nobody has. Two people who
    joined a live session at the same moment were both given the palette's first colour; every
    peer draws them apart the same way."""
    colours: dict[str, str] = {}
    for person in people:
        colour = person.colour.lower()
        if colour in colours.values():
            free = [c for c in PARTICIPANT_COLOURS if c not in colours.values()]
            colour = free[0] if free else colour
        colours[person.id] = colour
    return colours


class CardMarks:
    def __init__(self, scene, my_participant: Callable[[], str | None] = lambda: None) -> None:
        self.scene = scene
        self.journey = scene.journey
        self.my_participant = my_participant  # my participant id (None before I took part)
        self.viewer: str | None = None  # whose dots and private cards count as "mine"
        self.public = False  # presentation mode: nobody's private cards, only revealed dots
        self.top_n = 3
        self.ranks: dict[str, int] = {}  # card id -> rank (1 = most dots), the top N only
        self._colours: dict[str, str] = {}
        self._veiled: set[str] = set()  # cards whose tooltip says "private card"
        self._comments: dict[str, tuple[int, int]] = {}  # per card, kept until a comment event
        self._ranks_due = False  # ranks worked out again at the end of this turn
        self._last_viewer: str | None = None  # who "I" was when the people last changed
        self._last_colours: dict[str, str] = {}  # and the colours of their dots
        scene.card_marks = self
        self.journey.events.connect(self._on_event)
        self.refresh_all()

    def detach(self) -> None:
        self.journey.events.disconnect(self._on_event)

    # ----------------------------------------------------------------- who sees what
    def viewer_id(self) -> str | None:
        if self.public:
            return None
        return self.viewer or self.my_participant()

    def is_hidden(self, card: Card) -> bool:
        """A private card of someone else (or any private card, on the projector)."""
        return card.private and (self.public or not card.created_by
                                 or card.created_by != self.viewer_id())

    def any_hidden(self) -> bool:
        """Whether some card may be shown as a placeholder now (a card gone since may count)."""
        return bool(self._veiled)

    def votes_secret(self) -> bool:
        """A vote ran or runs and is not revealed: each sees only their own dots."""
        vote = self.journey.vote_round()
        return bool(vote.started_at or vote.active) and not vote.revealed

    def shown_dots(self, card: Card) -> list[tuple[str, int]]:
        """(colour, dots) as the viewer may see them, in participant order."""
        if self.votes_secret():
            viewer = self.viewer_id()
            mine = card.dots.get(viewer, 0) if viewer else 0
            return [(self._colour(viewer), mine)] if mine else []
        if self.journey.vote_round().anonymous:
            return [(ANONYMOUS_COLOUR, card.votes)] if card.votes else []
        shown = [(self._colour(p.id), card.dots[p.id]) for p in self.journey.participants()
                 if card.dots.get(p.id)]
        if card.unattributed_votes:
            shown.append((UNATTRIBUTED_COLOUR, card.unattributed_votes))
        return shown

    def results_shown(self) -> bool:
        return not self.votes_secret()

    def _colour(self, participant_id: str | None) -> str:
        if not self._colours:
            self._colours = display_colours(self.journey.participants())
        return self._colours.get(participant_id, UNATTRIBUTED_COLOUR)

    # ----------------------------------------------------------------- following the map
    def set_viewer(self, participant_id: str | None) -> None:
        if participant_id != self.viewer:
            self.viewer = participant_id
            self.refresh_all()

    def set_public(self, public: bool) -> None:
        if public != self.public:
            self.public = public
            self.refresh_all()

    def set_top_n(self, count: int) -> None:
        if count != self.top_n:
            self.top_n = count
            self.refresh_all()

    def _on_event(self, event: Event) -> None:
        kind = event.type
        if kind in _ALL_CARDS:
            self.refresh_all()
        elif kind in _PEOPLE:
            self._people_changed(event)
        elif kind == "card_changed" and "votes" in event.payload.get("fields", ()):
            if self._may_rank(event.card_id):  # one card's dots: the ranking may move
                self._update_ranks()
            self.refresh_card(event.card_id)
        elif kind in ("card_added", "card_removed", "card_moved", "stage_added", "lane_added",
                      "stage_removed", "lane_removed"):  # a stage or lane goes with its cards
            if kind != "card_moved":
                self._comments.clear()  # a card's comments leave and come back with it
            if kind.startswith("card_") and not self._may_rank(event.card_id):
                pass  # nothing of the top N moved, came or went: not worth reading every card
            else:
                self._update_ranks_once_per_burst()
            added = [event.card_id] if kind == "card_added" else event.payload.get("card_ids", ())
            for card_id in added:  # a private card may arrive (live, undo): not selectable
                self.refresh_card(card_id)
        elif kind == "privacy_changed":
            self._update_ranks()
            for card_id in event.card_ids:
                self.refresh_card(card_id)
        elif kind.startswith("comment_"):
            self._comments.pop(event.payload.get("card_id", ""), None)
            self.refresh_card(event.payload.get("card_id", ""))
        elif kind == "card_changed":
            self.refresh_card(event.card_id)  # after the scene's own refresh: the tooltip

    def _may_rank(self, card_id: str) -> bool:
        """Whether a change of this card (its dots, its place, its coming or going) can change
        the top N: it is in it, or has as many votes as the last of it (a tie is settled by the
        journey order), or the top N is not full. Otherwise the ranking stays as it is."""
        if not (self.results_shown() and self.top_n > 0) and not self.ranks:
            return False
        if card_id in self.ranks or not self.journey.has(card_id):
            return card_id in self.ranks  # a card gone counts only if it was ranked
        votes = self.journey.card(card_id).votes
        if len(self.ranks) < self.top_n:
            return votes > 0
        floor = min((self.journey.card(c).votes for c in self.ranks if self.journey.has(c)), default=0)
        return votes >= floor

    def _update_ranks_once_per_burst(self) -> None:
        """Ranks now, then once more when the event loop's turn ends, whatever came between:
        the ranking reads every card, and deleting 500 cards sent 500 events (issue 12)."""
        if self._ranks_due:
            return
        self._update_ranks()
        self._ranks_due = True
        QTimer.singleShot(0, self.scene, self._ranks_settle)

    def _ranks_settle(self) -> None:
        self._ranks_due = False
        self._update_ranks()

    def _people_changed(self, event: Event) -> None:
        old_viewer, old_colours = self._last_viewer, self._last_colours
        self._colours.clear()
        viewer, colours = self.viewer_id(), display_colours(self.journey.participants())
        self._last_viewer, self._last_colours = viewer, colours
        if event.type == "participant_moved":  # the order of the dots on every card with dots
            cards = set(self.journey.marked_card_ids())
        else:
            people = {p for p in colours.keys() | old_colours.keys()
                      if colours.get(p) != old_colours.get(p)}
            if event.type == "participant_changed":  # a new name in the tooltips naming them
                people.add(event.participant_id)
            if viewer != old_viewer:  # I took part, or left: my private cards, my secret dots
                people |= {old_viewer, viewer} - {None}
            cards = {c for person in people for c in self.journey.cards_naming(person)}
        if viewer != old_viewer and any(self.journey.card(c).private for c in cards):
            self._update_ranks()  # the ranking leaves out the cards hidden from the viewer
        for card_id in cards:
            self.refresh_card(card_id)

    def refresh_all(self) -> None:
        self._colours.clear()
        self._last_viewer = self.viewer_id()
        self._last_colours = display_colours(self.journey.participants())
        self._update_ranks()
        for card_id in list(self.scene.cards):
            self.refresh_card(card_id)

    def _update_ranks(self) -> None:
        ranks = {}
        if self.results_shown() and self.top_n > 0:
            ranks = {card_id: rank for rank, card_id in enumerate(self._top_cards(), start=1)}
        changed = set(ranks.items()) ^ set(self.ranks.items())
        self.ranks = ranks
        for card_id, _rank in changed:
            item = self.scene.cards.get(card_id)
            if item is not None:
                item.update()

    def _top_cards(self) -> list[str]:
        """The ids of the top N cards by votes that the viewer may see; builds only those."""
        top: list[str] = []
        hidden_at_most = len(self.journey.private_card_ids())
        for card_id, _votes in self.journey.vote_ranking_ids(self.top_n + hidden_at_most):
            if len(top) == self.top_n:
                break
            if not self.is_hidden(self.journey.card(card_id)):
                top.append(card_id)
        return top

    def refresh_card(self, card_id: str) -> None:
        """Selectable, tooltip and repaint of one card, as the viewer may see it."""
        item = self.scene.cards.get(card_id)
        if item is None or not self.journey.has(card_id):
            return
        card = self.journey.card(card_id)
        if item.card != card:  # a privacy change is no card_changed: the scene kept the old one
            item.set_content(card, item.kind_label, item.segment_colours)
            self._veiled.discard(card_id)
        hidden = self.is_hidden(card)
        if hidden and item.isSelected():
            item.setSelected(False)
        item.setFlags(item.flags() & ~_SELECTABLE if hidden else item.flags() | _SELECTABLE)
        if hidden:
            item.setToolTip(tr("A private card: hidden until the facilitator reveals it"))
            self._veiled.add(card_id)
        elif card_id in self._veiled:  # its own tooltip back
            self._veiled.discard(card_id)
            item.set_content(item.card, item.kind_label, item.segment_colours)
        item.update()

    # ----------------------------------------------------------------- painting (the item calls)
    def paint_instead(self, painter: QPainter, item, lod: float) -> bool:
        """Someone else's private card: a blank placeholder, and the item paints nothing else."""
        if not self.is_hidden(item.card):
            return False
        rect = item.rect()
        painter.setBrush(HIDDEN_FILL)
        painter.setPen(QPen(HIDDEN_BORDER, 1.2, Qt.PenStyle.DashLine))
        painter.drawRoundedRect(rect, 3, 3)
        painter.setPen(QColor("#6b7280"))
        painter.setFont(cached_font(9 if lod >= 0.6 else 12))
        painter.drawText(rect.adjusted(INSET, INSET, -INSET, -INSET),
                         Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                         tr("Private card\n(hidden until revealed)"))
        return True

    def paint_over(self, painter: QPainter, item, lod: float) -> None:
        card, rect = item.card, item.rect()
        if card.private:
            self._paint_private_mine(painter, rect)
        rank = self.ranks.get(card.id)
        if rank:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(TOP_COLOUR, 3))
            painter.drawRoundedRect(rect.adjusted(1.5, 1.5, -1.5, -1.5), 3, 3)
        segments = len(item.segment_colours)  # their dots end the strip (editor.canvas.items)
        right = rect.width() - (INSET if not segments else CARD_PADDING + 7 + 9 * (segments - 1) + 3)
        if rank:
            right = self._paint_badge(painter, right, f"#{rank}", TOP_COLOUR, QColor("#3b2f00"))
        comments = self._comment_counts(card.id)
        if comments[0]:
            colour = COMMENT_COLOUR if comments[1] else RESOLVED_COLOUR
            right = self._paint_badge(painter, right, f"✎{comments[0]}", colour, QColor("white"))
        # In the top strip, as on the printed poster (exporters.pdf_workshop): a dot never
        # changes the card's size (which would tell everyone, during a secret vote, that a card
        # got one) and never covers its title or footer. Zoomed out, dots grow (like the titles,
        # editor.canvas.detail) to stay visible.
        scale = min(3.0, max(1.0, 0.6 / max(lod, 0.01)))
        self._paint_dots(painter, _kind_label_end(item), right, self.shown_dots(card), scale)

    def _paint_private_mine(self, painter: QPainter, rect: QRectF) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(PRIVATE_VEIL)
        painter.drawRoundedRect(rect, 3, 3)
        painter.setFont(cached_font(8, bold=True))
        painter.setPen(QColor("#424242"))
        painter.drawText(rect.adjusted(INSET, 0, -INSET, -2),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom,
                         tr("hidden from others"))

    def _comment_counts(self, card_id: str) -> tuple[int, int]:
        """(all comments, unresolved ones) on a card; (0, 0) without the comments API."""
        if card_id not in self._comments:
            count = getattr(self.journey, "comment_count", None)
            self._comments[card_id] = (0, 0) if count is None else (
                count(card_id), count(card_id, unresolved_only=True))
        return self._comments[card_id]

    def _paint_badge(self, painter: QPainter, right: float, text: str, fill: QColor,
                     ink: QColor) -> float:
        """A pill ending at ``right`` near the card's top; returns where the next one ends."""
        font = cached_font(8, bold=True)
        painter.setFont(font)
        width = painter.fontMetrics().horizontalAdvance(text) + 8
        box = QRectF(right - width, 3, width, 13)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawRoundedRect(box, 6, 6)
        painter.setPen(ink)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
        return box.left() - 3

    def _paint_dots(self, painter: QPainter, left: float, right: float,
                    shown: list[tuple[str, int]], scale: float = 1.0) -> None:
        """Dots from ``right`` leftwards, in the top strip; those that do not fit before
        ``left`` (or beyond MAX_DOTS_DRAWN) counted as "+N" at the right."""
        colours = [colour for colour, count in shown for _ in range(count)]
        if not colours:
            return
        size, step = DOT_SIZE * scale, DOT_STEP * scale
        y = DOT_MIDDLE - size / 2
        fits = int((right - left - (size - step)) // step)
        if len(colours) > min(fits, MAX_DOTS_DRAWN):  # keep room for the count
            fits = max(1, min(MAX_DOTS_DRAWN, int((right - left - 24 * scale - (size - step)) // step)))
        extra = len(colours) - min(len(colours), fits)
        x = right - size
        if extra > 0:
            painter.setFont(cached_font(8 * scale, bold=True))
            painter.setPen(QColor("#263238"))
            painter.drawText(QRectF(right - 24 * scale, y - 2 * scale, 24 * scale, size + 4 * scale),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, f"+{extra}")
            x -= 26 * scale
            colours = colours[:len(colours) - extra]
        painter.setPen(QPen(QColor("white"), 1.2 * scale))
        for colour in reversed(colours):
            painter.setBrush(QColor(colour))
            path = QPainterPath()
            path.addEllipse(QRectF(x, y, size, size))
            painter.drawPath(path)
            x -= step
