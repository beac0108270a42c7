"""View filters of the canvas: show one segment, highlight one journey path. What they leave out
is dimmed. View state, not document data: neither saved nor undone.
Imports nothing but the scene it is given (editor.canvas.scene owns one ViewFilters).
"""
from __future__ import annotations


class ViewFilters:
    def __init__(self, scene) -> None:
        self.scene = scene
        self.segment_filter: str | None = None
        self.highlighted_path: str | None = None

    def active(self) -> bool:
        return bool(self.segment_filter or self.highlighted_path)

    def set_segment_filter(self, segment_id: str | None) -> None:
        """Dim the cards tagged only with other segments (untagged cards concern everyone)."""
        self.segment_filter = segment_id
        self.apply_dimming()

    def set_highlighted_path(self, path_id: str | None) -> None:
        """Dim the stages, their cards and the transitions that the path does not take."""
        self.highlighted_path = path_id
        self.apply_dimming()
        self.scene.annotations.refresh_paths()  # a highlighted path always has its line

    def apply_dimming(self, card_ids=None) -> None:
        """Dim what the filters leave out; with ``card_ids``, only those cards (after a card edit,
        nothing else can have changed)."""
        on_path, steps = self._path_members()
        if card_ids is None:
            for stage_id, item in self.scene.stages.items():
                item.setOpacity(1.0 if stage_id in on_path else 0.3)
            for item in self.scene.transitions.values():
                transition = item.transition
                item.setOpacity(1.0 if (transition.source, transition.target) in steps else 0.2)
        cards = self.scene.cards.items() if card_ids is None else (
            (c, self.scene.cards[c]) for c in card_ids if c in self.scene.cards)
        for card_id, item in cards:
            place_ok = (self.scene.layout.cards.get(card_id) is None
                        or self._card_stage(card_id) in on_path)
            segment_ok = (self.segment_filter is None or not item.card.segments
                          or self.segment_filter in item.card.segments)
            item.setOpacity(1.0 if place_ok and segment_ok else 0.25)

    def _path_members(self) -> tuple[set[str], set[tuple[str, str]]]:
        if self.highlighted_path is None or not self.scene.journey.has(self.highlighted_path):
            stages = set(self.scene.journey.stage_ids())
            return stages, {(t.source, t.target) for t in self.scene.journey.transitions()}
        route = self.scene.journey.path(self.highlighted_path).stages
        return set(route), set(zip(route, route[1:], strict=False))

    def _card_stage(self, card_id: str) -> str:
        return self.scene.journey.card_place(card_id).stage
