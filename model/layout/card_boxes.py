"""CardBoxes: the card boxes of a kept layout, held relative to the top of each card's row.

When a row grows or shrinks (a card added to its tallest cell), every row below it moves, and with
absolute boxes every card below had to be placed again: at 50,000 cards, 40,000 boxes for one
drop. Held relative to their row, the boxes below stay as they are and only the rows move.
``CardBoxes`` still reads as the plain ``{card id: CardBox}`` of ``MapLayout.cards`` (absolute
boxes, made when asked for), so everything that reads a layout reads this one alike, and it
compares equal to the dict of a fresh ``compute_layout``. The LayoutKeeper writes it through
``put`` and ``drop``; the canvas reads ``relative`` and ``lane_of`` to place its items inside
their rows. Pure Python; imports model.layout.grid only.
"""
from __future__ import annotations

from collections.abc import Iterator, Mapping

from model.layout.grid import CardBox, Rect


class CardBoxes(Mapping):
    def __init__(self, rows: dict[str, Rect]) -> None:
        self._rows = rows  # the layout's rows, which the keeper updates in place
        self.relative: dict[str, CardBox] = {}  # y counted from the top of the card's row
        self.lane_of: dict[str, str] = {}

    def put(self, card_id: str, lane_id: str, box: CardBox) -> None:
        self.relative[card_id] = box
        self.lane_of[card_id] = lane_id

    def drop(self, card_id: str) -> None:
        self.relative.pop(card_id, None)
        self.lane_of.pop(card_id, None)

    def __getitem__(self, card_id: str) -> CardBox:
        box = self.relative[card_id]
        r = box.rect
        return CardBox(Rect(r.x, r.y + self._rows[self.lane_of[card_id]].y, r.w, r.h),
                       box.title_lines, box.footer)

    def __iter__(self) -> Iterator[str]:
        return iter(self.relative)

    def __len__(self) -> int:
        return len(self.relative)

    def __contains__(self, card_id: object) -> bool:
        return card_id in self.relative

    def __repr__(self) -> str:
        return f"<CardBoxes of {len(self)} cards>"

    @classmethod
    def from_absolute(cls, boxes: Mapping[str, CardBox], cells: dict[tuple[str, str], tuple],
                      rows: dict[str, Rect]) -> CardBoxes:
        """The boxes of a full layout (``boxes``, absolute), each cell's cards in ``cells``."""
        kept = cls(rows)
        for (_, lane_id), card_ids in cells.items():
            top = rows[lane_id].y
            for card_id in card_ids:
                box = boxes[card_id]
                r = box.rect
                kept.put(card_id, lane_id, CardBox(Rect(r.x, r.y - top, r.w, r.h), box.title_lines,
                                                   box.footer))
        return kept
