"""CardsForm: the inspector when several cards are selected: their shared fields, edited on all.

Kind, channel, owner, colour, votes and segments are shown once for all the selected cards; a
field whose value differs between them shows "(mixed)" (an empty combo or line with that
placeholder, a votes box at its "(mixed)" value, a half-ticked segment). Any change goes to every
selected card through EditController.update_cards, as one undo step; typing merges like the
single-card form. Ticking a segment adds it to each card's own list, unticking removes it.
Imports: PySide6, model, editor.panels.inspector_colours.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFormLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from editor.canvas.selection_burst import BurstSlot
from editor.i18n import error_text
from editor.panels.inspector_colours import ColourRow
from model import CardKind, ModelError
from model.layout.appearance import CARD_KIND_LABELS, card_colour, label_language

MIXED_VOTES = -1  # the votes box's "(mixed)" value
Checked, Unchecked, Partial = (Qt.CheckState.Checked, Qt.CheckState.Unchecked,
                               Qt.CheckState.PartiallyChecked)


def shared(values: list[Any]) -> Any | None:
    """The one value all cards have, or None when they differ."""
    first = values[0]
    return first if all(value == first for value in values) else None


class CardsForm(QWidget):
    kind = "cards"
    refused = Signal(str)

    def __init__(self, language: str = "en", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = None
        self.card_ids: list[str] = []
        self._card_set: frozenset[str] = frozenset()
        self._loading = False
        # An edit of N cards sends N events: re-read the cards once, after the last of them.
        self._refresh_later = BurstSlot(self.reload, self, immediate=False)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        column = QVBoxLayout(self)
        column.addLayout(self.form)
        column.addStretch(1)
        self._build_fields(language)
        QApplication.instance().focusChanged.connect(self._focus_moved)

    def _build_fields(self, language: str) -> None:
        labels = CARD_KIND_LABELS[label_language(language)]
        self.card_kind = QComboBox(self)
        for kind in CardKind:
            self.card_kind.addItem(labels[kind], kind.value)
        self.card_kind.setPlaceholderText(self.tr("(mixed)"))
        self.card_kind.activated.connect(lambda _: self.edit(kind=self.card_kind.currentData()))
        self.form.addRow(self.tr("Kind"), self.card_kind)
        self.channel = self._line("channel")
        self.form.addRow(self.tr("Channel"), self.channel)
        self.owner = self._line("owner")
        self.form.addRow(self.tr("Owner"), self.owner)
        self.colour_row = ColourRow(self)
        self.colour_row.chosen.connect(lambda colour: self.edit(colour=colour))
        self.form.addRow(self.tr("Colour"), self.colour_row)
        self.votes = QSpinBox(self)
        self.votes.setRange(MIXED_VOTES, 999)
        self.votes.setSpecialValueText(self.tr("(mixed)"))
        self.votes.valueChanged.connect(self._send_votes)
        self.form.addRow(self.tr("Votes"), self.votes)
        self.segments = QListWidget(self)
        self.segments.setMaximumHeight(90)
        self.segments.itemChanged.connect(self._on_segment_toggled)
        self.form.addRow(self.tr("Segments"), self.segments)

    def _line(self, name: str) -> QLineEdit:
        widget = QLineEdit(self)
        widget.setObjectName(name)
        widget.textEdited.connect(lambda text: self.edit(mergeable=True, **{name: text}))
        return widget

    def _focus_moved(self, old: QWidget | None, _new: QWidget | None) -> None:
        if self.controller is not None and old in (self.channel, self.owner):
            self.controller.end_merge()  # typing there again later is a new undo step

    # ----------------------------------------------------------------- showing
    def show_cards(self, controller, card_ids: list[str]) -> None:
        self.controller, self.card_ids = controller, list(card_ids)
        self._card_set = frozenset(card_ids)
        self._refresh_later.cancel()
        self.reload()

    def exists(self) -> bool:
        journey = self.controller.journey if self.controller is not None else None
        return journey is not None and all(journey.has(card_id) for card_id in self.card_ids)

    def concerns(self, event) -> bool:
        return (event.payload.get("card_id") in self._card_set
                or event.type.startswith("segment_") or event.type == "reset")

    def refresh(self) -> None:
        """Show the cards' values again once the current burst of events is over."""
        self._refresh_later.trigger()

    def reload(self) -> None:
        if self.controller is None or not self.exists() or not self.card_ids:
            return
        cards = [self.controller.journey.card(card_id) for card_id in self.card_ids]
        self._loading = True
        try:
            self._load(cards)
        finally:
            self._loading = False

    def _load(self, cards) -> None:
        kind = shared([card.kind for card in cards])
        self.card_kind.setCurrentIndex(-1 if kind is None else self.card_kind.findData(kind.value))
        for widget, values in ((self.channel, [c.channel for c in cards]),
                               (self.owner, [c.owner for c in cards])):
            value = shared(values)
            widget.setPlaceholderText(self.tr("(mixed)") if value is None else "")
            if widget.text() != (value or ""):
                widget.setText(value or "")
        colour = shared([card.colour for card in cards])
        fill = card_colour(kind, colour) if kind is not None or colour else "#ffffff"
        self.colour_row.show_colour(colour, fill)
        votes = shared([card.votes for card in cards])
        self.votes.setValue(MIXED_VOTES if votes is None else votes)
        self._load_segments(cards)

    def _load_segments(self, cards) -> None:
        segments = self.controller.journey.segments()
        if [self.segments.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(self.segments.count())] != [s.id for s in segments]:
            self.segments.clear()  # only when segments come or go: never under the user's click
            for segment in segments:
                item = QListWidgetItem(segment.name, self.segments)
                item.setData(Qt.ItemDataRole.UserRole, segment.id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        for row, segment in enumerate(segments):
            tagged = [segment.id in card.segments for card in cards]
            item = self.segments.item(row)
            item.setText(segment.name)
            item.setCheckState(Checked if all(tagged) else Partial if any(tagged) else Unchecked)
        self.form.setRowVisible(self.segments, bool(segments))

    # ----------------------------------------------------------------- editing
    def edit(self, mergeable: bool = False, **changes: Any) -> None:
        """The same new values on every selected card, as one undo step."""
        self._send({card_id: dict(changes) for card_id in self.card_ids}, mergeable)

    def _send(self, changes: dict[str, dict[str, Any]], mergeable: bool) -> None:
        if self._loading or self.controller is None:
            return
        try:
            self.controller.update_cards(changes, mergeable=mergeable)
        except ModelError as exc:
            self.refused.emit(error_text(exc))
            self.reload()

    def _send_votes(self, value: int) -> None:
        if value != MIXED_VOTES:
            self.edit(mergeable=True, votes=value)

    def _on_segment_toggled(self, item: QListWidgetItem) -> None:
        if self._loading or item.checkState() == Partial:
            return
        segment_id, tick = item.data(Qt.ItemDataRole.UserRole), item.checkState() == Checked
        changes = {}
        for card_id in self.card_ids:
            own = self.controller.journey.card(card_id).segments
            if tick:
                changes[card_id] = {"segments": own if segment_id in own else own + (segment_id,)}
            else:
                changes[card_id] = {"segments": tuple(s for s in own if s != segment_id)}
        self._send(changes, mergeable=False)
