"""CardFlags: which cards carry votes, someone's dots, or are private, kept as the map changes.

The workshop's marks (the top-N outline, the Votes dock's ranking, private placeholders, dot
colours) ask these questions after every vote, every first edit of a person and every undo of
one. Asked of the stored cards they cost a pass over the whole map (0.1 s at 50,000 cards on a
loaded machine); told of every card stored and removed (``stored``, ``removed``: the map's
``_insert_card``, ``update_card``, ``_store_card`` and ``_drop_cards`` call them) they answer
in the size of the answer. tests/model/test_card_flags.py compares them with a fresh reading
after every kind of edit. Pure Python; imports model.journey.entities only.
"""
from __future__ import annotations

from model.journey.entities import Card


class CardFlags:
    def __init__(self) -> None:
        self.votes: dict[str, int] = {}  # card id -> its total votes (cards with votes only)
        self.by_votes: dict[int, set[str]] = {}  # votes -> the cards with that many
        self.dotted: set[str] = set()  # cards with someone's dots
        self.private: set[str] = set()

    def stored(self, card: Card) -> None:
        card_id = self.removed(card.id)
        if card.votes:
            self.votes[card_id] = card.votes
            self.by_votes.setdefault(card.votes, set()).add(card_id)
        if card.dots:
            self.dotted.add(card_id)
        if card.private:
            self.private.add(card_id)

    def removed(self, card_id: str) -> str:
        votes = self.votes.pop(card_id, 0)
        if votes:
            bucket = self.by_votes[votes]
            bucket.discard(card_id)
            if not bucket:
                del self.by_votes[votes]
        self.dotted.discard(card_id)
        self.private.discard(card_id)
        return card_id


def fresh_flags(cards) -> CardFlags:
    """The flags of ``cards`` read afresh (what the kept ones must equal)."""
    flags = CardFlags()
    for card in cards:
        flags.stored(card)
    return flags
