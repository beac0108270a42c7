"""The canvas's context menu: the edit actions for the selection, "add card here" for the cell
under the mouse, the sticky-note colours for the selected cards, and for an idea card the pain
points it addresses (card links).

Imports: PySide6, model, editor.canvas.sticky_colours, editor.document.controller (through the scene).
"""
from __future__ import annotations

from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QColorDialog, QMenu

from editor.canvas.sticky_colours import STICKY_COLOURS, sticky_colour_names, swatch_icon
from editor.i18n import tr
from model import CardKind
from model.layout.appearance import CARD_KIND_LABELS, label_language
from model.layout.grid import cell_at


def build_context_menu(scene, pos: QPointF) -> QMenu:
    menu = QMenu()
    _add_edit_actions(menu, scene, pos)
    cell = cell_at(scene.layout, pos.x(), pos.y())
    if cell is not None:
        _add_card_kinds(menu.addMenu(tr("Add card here")), scene, pos)
    cards = scene.selected_card_ids()
    if cards:
        _add_colours(menu.addMenu(tr("Colour")), scene, cards)
    if len(cards) == 1 and scene.journey.card(cards[0]).kind == CardKind.IDEA:
        _add_pain_point_links(menu.addMenu(tr("Addresses pain point")), scene, cards[0])
    return menu


def _add_edit_actions(menu: QMenu, scene, pos: QPointF) -> None:
    has_cards, has_any = bool(scene.selected_card_ids()), bool(scene.selected_ids())
    for text, slot, enabled in (
            (tr("Edit text"), scene.interaction.edit_selection, has_any),
            (tr("Duplicate"), scene.interaction.duplicate_selection, has_cards),
            (tr("Cut"), scene.interaction.cut_selection, has_cards),
            (tr("Copy"), scene.interaction.copy_selection, has_cards),
            (tr("Paste"), lambda: scene.interaction.paste(pos), True),  # into the clicked cell
            (tr("Delete"), scene.interaction.delete_selection, has_any)):
        action = menu.addAction(text)
        action.setEnabled(enabled)
        action.triggered.connect(slot)


def _add_card_kinds(menu: QMenu, scene, pos: QPointF) -> None:
    labels = CARD_KIND_LABELS[label_language(scene.journey.language)]
    for kind in CardKind:
        action = menu.addAction(labels[kind])
        action.triggered.connect(
            lambda _=False, k=kind: scene.interaction.create_from_palette(f"card:{k.value}", pos))


def _add_colours(menu: QMenu, scene, card_ids: list[str]) -> None:
    """The sticky-note colours, the kind's colour and "More…", for every selected card."""
    def colour_all(colour: str) -> None:
        scene.controller.update_cards({card_id: {"colour": colour} for card_id in card_ids})

    names = sticky_colour_names()
    shared = {scene.journey.card(card_id).colour for card_id in card_ids}
    for colour in STICKY_COLOURS:
        action = menu.addAction(swatch_icon(colour), names[colour])
        action.setCheckable(True)
        action.setChecked(shared == {colour})
        action.triggered.connect(lambda _=False, c=colour: colour_all(c))
    menu.addSeparator()
    menu.addAction(tr("Kind default")).triggered.connect(lambda _=False: colour_all(""))
    menu.addAction(tr("More…")).triggered.connect(lambda _=False: _choose_other(scene, colour_all))


def _choose_other(scene, colour_all) -> None:
    views = scene.views()
    colour = QColorDialog.getColor(QColor("#ffffff"), views[0] if views else None, tr("Card colour"))
    if colour.isValid():
        colour_all(colour.name())


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
