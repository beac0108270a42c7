"""CardNavigation: the keyboard's walk over the cards: arrows to the neighbour, Tab in journey order.

Up/Down go first to the card above or below in the same cell; past the cell, and for Left/Right,
to the nearest stage column (or lane row) that has cards, so an arrow never jumps over a stage
with cards in it, and there to the card nearest across the move (the same lane for Left/Right).
Ties go to the card first in grid order, whatever order the kept layout lists cards in.
Imports: nothing but the scene it is given (its journey, layout and selection).
"""
from __future__ import annotations


class CardNavigation:
    def __init__(self, scene) -> None:
        self.scene = scene

    @property
    def journey(self):
        return self.scene.journey

    @property
    def layout(self):
        return self.scene.layout

    def select_neighbour(self, stage_step: int, lane_step: int) -> None:
        """Select the card next to the current one: above/below in its cell, or the next cell over."""
        current = self.scene.selected_card_ids()
        order = list(self.journey.card_ids())
        if not order:
            return
        if not current:
            self.scene.select_element(order[0])
            return
        place = self.journey.card_place(current[0])
        in_cell = self.journey.cell_card_ids(place.stage, place.lane)
        if lane_step and 0 <= place.index + lane_step < len(in_cell):
            self.scene.select_element(in_cell[place.index + lane_step])
            return
        target = self.neighbour_in_direction(current[0], stage_step, lane_step)
        if target:
            self.scene.select_element(target)

    def neighbour_in_direction(self, card_id: str, dx: int, dy: int) -> str | None:
        """The card one stage (dx) or lane (dy) over: the nearest column or row that has cards,
        so an arrow never jumps over a stage with cards in it, and in it the card nearest across
        the direction (the same lane for Left/Right, the same stage for Up/Down)."""
        place = self.journey.card_place(card_id)
        here = self.layout.cards[card_id].rect.center
        if dx:
            order, at = self.journey.stage_ids(), self.journey.stage_index(place.stage)
            cards_of = self._cards_in_stage
        else:
            order, at = self.journey.lane_ids(), self.journey.lane_index(place.lane)
            cards_of = self._cards_in_lane
        step = dx or dy
        for index in range(at + step, len(order) if step > 0 else -1, step):
            candidates = cards_of(order[index])
            if candidates:
                axis = 1 if dx else 0  # compare heights for Left/Right, x for Up/Down
                return min(candidates, key=lambda c: (
                    abs(self.layout.cards[c].rect.center[axis] - here[axis]),
                    self._grid_position(c)))
        return None

    def _cards_in_stage(self, stage_id: str) -> list[str]:
        return [c for lane_id in self.journey.lane_ids()
                for c in self.journey.cell_card_ids(stage_id, lane_id)]

    def _cards_in_lane(self, lane_id: str) -> list[str]:
        return [c for stage_id in self.journey.stage_ids()
                for c in self.journey.cell_card_ids(stage_id, lane_id)]

    def _grid_position(self, card_id: str) -> tuple[int, int, int]:
        place = self.journey.card_place(card_id)
        return (self.journey.lane_index(place.lane), self.journey.stage_index(place.stage),
                place.index)

    def select_next_card(self, backwards: bool = False) -> None:
        """Tab / Shift+Tab: the next card in journey order, wrapping around."""
        order = list(self.journey.card_ids())
        if not order:
            return
        current = self.scene.selected_card_ids()
        if not current:
            self.scene.select_element(order[-1 if backwards else 0])
            return
        step = -1 if backwards else 1
        self.scene.select_element(order[(order.index(current[0]) + step) % len(order)])
