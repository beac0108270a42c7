"""The canvas's context menu: the edit actions for the selection, "add card here" for the cell
under the mouse, and for an idea card the pain points it addresses (card links).

Imports: PySide6, model, editor.document.controller (through the scene).
"""
from __future__ import annotations

from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QMenu

from editor.i18n import tr
from model import CardKind
from model.layout.appearance import CARD_KIND_LABELS, label_language
from model.layout.grid import cell_at


def build_context_menu(scene, pos: QPointF) -> QMenu:
    menu = QMenu()
    _add_edit_actions(menu, scene)
    cell = cell_at(scene.layout, pos.x(), pos.y())
    if cell is not None:
        _add_card_kinds(menu.addMenu(tr("Add card here")), scene, pos)
    cards = scene.selected_card_ids()
    if len(cards) == 1 and scene.journey.card(cards[0]).kind == CardKind.IDEA:
        _add_pain_point_links(menu.addMenu(tr("Addresses pain point")), scene, cards[0])
    return menu


def _add_edit_actions(menu: QMenu, scene) -> None:
    has_cards, has_any = bool(scene.selected_card_ids()), bool(scene.selected_ids())
    for text, slot, enabled in (
            (tr("Edit text"), scene.edit_selection, has_any),
            (tr("Duplicate"), scene.duplicate_selection, has_cards),
            (tr("Cut"), scene.cut_selection, has_cards),
            (tr("Copy"), scene.copy_selection, has_cards),
            (tr("Paste"), scene.paste, True),
            (tr("Delete"), scene.delete_selection, has_any)):
        action = menu.addAction(text)
        action.setEnabled(enabled)
        action.triggered.connect(slot)


def _add_card_kinds(menu: QMenu, scene, pos: QPointF) -> None:
    labels = CARD_KIND_LABELS[label_language(scene.journey.language)]
    for kind in CardKind:
        action = menu.addAction(labels[kind])
        action.triggered.connect(
            lambda _=False, k=kind: scene.create_from_palette(f"card:{k.value}", pos))


def _add_pain_point_links(menu: QMenu, scene, idea_id: str) -> None:
    """One checkable entry per pain point; checking links the idea to it, unchecking unlinks."""
    journey = scene.journey
    links = {link.target: link.id for link in journey.links() if link.source == idea_id}
    pain_points = [c for c in journey.card_ids() if journey.card(c).kind == CardKind.PAIN_POINT]
    if not pain_points:
        menu.addAction(tr("(no pain points in this map)")).setEnabled(False)
    for pain_id in pain_points:
        action = menu.addAction(journey.card(pain_id).title)
        action.setCheckable(True)
        action.setChecked(pain_id in links)
        action.triggered.connect(lambda checked, p=pain_id: (
            scene.controller.add_link(idea_id, p) if checked
            else scene.controller.remove([links[p]])))
