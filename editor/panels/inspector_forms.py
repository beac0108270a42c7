"""The inspector's forms: one per kind of element, each a thin view of one entity.

A form shows the entity's fields and sends every change through the EditController (text edits
merge, so a word typed is one undo step). It never keeps its own copy of the values: on a model
event it reloads from the map, skipping widgets that already show the value so the cursor stays
where the user is typing. The stage form lives with the dock in editor/inspector.py, only to keep
each module short.
Imports: PySide6, model, editor.canvas.authorship, editor.panels.inspector_colours.
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from editor.canvas.authorship import created_text, edited_text
from editor.i18n import error_text
from editor.panels.inspector_colours import ColourRow
from model import CardKind, LaneKind, ModelError, TransitionKind
from model.layout.appearance import (
    CARD_KIND_LABELS,
    LANE_KIND_LABELS,
    TRANSITION_KIND_LABELS,
    card_colour,
    label_language,
)

MAP_LANGUAGES = (("English", "en"), ("日本語", "ja"))
NO_RATE = -1.0  # the conversion-rate box's "—": the rate is not known


def set_line(widget: QLineEdit, value: str) -> None:
    """Show ``value`` without moving the cursor when the text is unchanged or only shortened."""
    if widget.text() != value:
        position = widget.cursorPosition()
        widget.setText(value)
        widget.setCursorPosition(min(position, len(value)))


def set_plain(widget: QPlainTextEdit, value: str) -> None:
    if widget.toPlainText() != value:
        position = widget.textCursor().position()
        widget.setPlainText(value)
        cursor = widget.textCursor()
        cursor.setPosition(min(position, len(value)))
        widget.setTextCursor(cursor)


def set_combo(widget: QComboBox, value: str) -> None:
    widget.setCurrentIndex(widget.findData(str(value)))


class ElementForm(QWidget):
    """Base of the forms: binds widgets to fields of one element of kind ``kind``."""

    kind = ""
    refused = Signal(str)  # an edit the model refused, with its reason

    def __init__(self, language: str = "en", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = label_language(language)
        self.controller = None
        self.element_id: str | None = None
        self._loading = False
        self._fields: dict[str, QWidget] = {}
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        column = QVBoxLayout(self)
        column.addLayout(self.form)
        column.addStretch(1)  # rows stay together at the top of a tall dock
        QApplication.instance().focusChanged.connect(self._focus_moved)

    def _focus_moved(self, old: QWidget | None, new: QWidget | None) -> None:
        # Leaving a field closes its undo step: typing there again later is a new step.
        if self.controller is not None and old in self._fields.values():
            self.controller.end_merge()

    # ----------------------------------------------------------------- showing
    def show_element(self, controller, element_id: str | None) -> None:
        self.controller, self.element_id = controller, element_id
        self.refresh()

    def entity(self) -> Any:
        journey = self.controller.journey
        return journey if self.kind == "map" else getattr(journey, self.kind)(self.element_id)

    def exists(self) -> bool:
        return self.kind == "map" or (self.controller is not None
                                      and self.controller.journey.has(self.element_id))

    def concerns(self, event) -> bool:
        """Whether a model event may change what this form shows."""
        own = event.payload.get(f"{self.kind}_id")
        return own == self.element_id or event.type.startswith("segment_") or event.type == "reset"

    def refresh(self) -> None:
        if self.controller is None or not self.exists():
            return
        with self.loading():
            self.load(self.entity())

    @contextmanager
    def loading(self) -> Iterator[None]:
        """While set, widget signals caused by showing values do not count as edits."""
        self._loading = True
        try:
            yield
        finally:
            self._loading = False

    def load(self, entity: Any) -> None:
        for name, widget in self._fields.items():
            value = getattr(entity, name)
            if isinstance(widget, QLineEdit):
                set_line(widget, value)
            elif isinstance(widget, QPlainTextEdit):
                set_plain(widget, value)
            elif isinstance(widget, QComboBox):
                set_combo(widget, value)
            elif isinstance(widget, QSpinBox):
                widget.setValue(value)

    # ----------------------------------------------------------------- editing
    def edit(self, mergeable: bool = True, **changes: Any) -> None:
        """Send a change through the controller; a refused one is reported and undone on screen."""
        if self._loading or self.controller is None:
            return
        update = getattr(self.controller, f"update_{self.kind}")
        try:
            if self.kind == "map":
                update(mergeable=mergeable, **changes)
            else:
                update(self.element_id, mergeable=mergeable, **changes)
        except ModelError as exc:
            self.refused.emit(error_text(exc))
            self.refresh()

    # ----------------------------------------------------------------- bound widgets
    def add_line(self, label: str, name: str) -> QLineEdit:
        widget = QLineEdit(self)
        # textEdited, not textChanged: only the user's typing is an edit, never a refresh.
        widget.textEdited.connect(lambda text: self.edit(**{name: text}))
        return self._add_row(label, name, widget)

    def add_text(self, label: str, name: str, height: int = 80, form=None) -> QPlainTextEdit:
        widget = QPlainTextEdit(self)
        widget.setTabChangesFocus(True)
        widget.setFixedHeight(height)
        widget.textChanged.connect(lambda: self.edit(**{name: widget.toPlainText()}))
        return self._add_row(label, name, widget, form)

    def add_combo(self, label: str, name: str, choices: list[tuple[str, str]]) -> QComboBox:
        widget = QComboBox(self)
        for text, value in choices:
            widget.addItem(text, value)
        widget.activated.connect(lambda _: self.edit(mergeable=False, **{name: widget.currentData()}))
        return self._add_row(label, name, widget)

    def _add_row(self, label: str, name: str, widget: QWidget, form=None) -> Any:
        widget.setObjectName(name)
        self._fields[name] = widget
        (form or self.form).addRow(label, widget)
        return widget


class MapForm(ElementForm):
    kind = "map"

    def __init__(self, language: str = "en", parent: QWidget | None = None) -> None:
        super().__init__(language, parent)
        self.title = self.add_line(self.tr("Title"), "title")
        self.description = self.add_text(self.tr("Description"), "description", 120)
        self.map_language = self.add_combo(self.tr("Map language"), "language",
                                           [(text, code) for text, code in MAP_LANGUAGES])

    def concerns(self, event) -> bool:
        return event.type in ("map_changed", "reset")

    def load(self, entity: Any) -> None:
        # A map in another language (from another tool) keeps its tag selectable.
        if self.map_language.findData(entity.language) < 0:
            self.map_language.addItem(entity.language, entity.language)
        super().load(entity)


class LaneForm(ElementForm):
    kind = "lane"

    def __init__(self, language: str = "en", parent: QWidget | None = None) -> None:
        super().__init__(language, parent)
        labels = LANE_KIND_LABELS[self.language]
        self.name = self.add_line(self.tr("Name"), "name")
        self.lane_kind = self.add_combo(self.tr("Kind"), "kind",
                                        [(labels[k], k.value) for k in LaneKind])


class TransitionForm(ElementForm):
    kind = "transition"

    def __init__(self, language: str = "en", parent: QWidget | None = None) -> None:
        super().__init__(language, parent)
        labels = TRANSITION_KIND_LABELS[self.language]
        self.transition_kind = self.add_combo(self.tr("Kind"), "kind",
                                              [(labels[k], k.value) for k in TransitionKind])
        self.trigger = self.add_line(self.tr("Trigger"), "trigger")
        self.conversion_rate = self._build_rate_box()

    def _build_rate_box(self) -> QDoubleSpinBox:
        # Percent on screen, 0..1 in the file; the lowest value, "—", means "not known".
        box = QDoubleSpinBox(self)
        box.setObjectName("conversion_rate")
        box.setRange(NO_RATE, 100.0)
        box.setDecimals(1)
        box.setSuffix(" %")
        box.setSpecialValueText("—")
        box.setToolTip(self.tr("Share of customers who make this move; \"—\" means not known"))
        box.valueChanged.connect(self._send_rate)
        self.form.addRow(self.tr("Conversion rate"), box)
        return box

    def load(self, entity: Any) -> None:
        super().load(entity)
        rate = entity.conversion_rate
        shown = NO_RATE if rate is None else round(rate * 100, 1)
        if self.conversion_rate.value() != shown:
            self.conversion_rate.setValue(shown)

    def _send_rate(self, percent: float) -> None:
        self.edit(conversion_rate=None if percent < 0 else round(percent / 100, 4))


class CardForm(ElementForm):
    kind = "card"

    def __init__(self, language: str = "en", parent: QWidget | None = None) -> None:
        super().__init__(language, parent)
        labels = CARD_KIND_LABELS[self.language]
        self.card_kind = self.add_combo(self.tr("Kind"), "kind", [(labels[k], k.value) for k in CardKind])
        self.title = self.add_line(self.tr("Title"), "title")
        self.details = self.add_text(self.tr("Details"), "details")
        self.channel = self.add_line(self.tr("Channel"), "channel")
        self.owner = self.add_line(self.tr("Owner"), "owner")
        self._build_colour_row()
        self.votes = QSpinBox(self)
        self.votes.setRange(0, 999)
        self.votes.valueChanged.connect(lambda value: self.edit(votes=value))
        self._add_row(self.tr("Votes"), "votes", self.votes)
        self.segments = QListWidget(self)
        self.segments.setMaximumHeight(90)
        self.segments.itemChanged.connect(self._on_segment_toggled)
        self.form.addRow(self.tr("Segments"), self.segments)
        self._build_moment_group()
        self._build_authorship()

    def _build_authorship(self) -> None:
        # Who wrote the card and who changed it last: stamped by the controller, shown read-only.
        self.created, self.edited = QLabel(self), QLabel(self)
        for name, label, text in (("created", self.created, self.tr("Created")),
                                  ("edited", self.edited, self.tr("Last edited"))):
            label.setObjectName(name)
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.form.addRow(text, label)

    def _build_colour_row(self) -> None:
        self.colour_row = ColourRow(self)
        self.colour_row.chosen.connect(lambda colour: self.edit(mergeable=False, colour=colour))
        self.form.addRow(self.tr("Colour"), self.colour_row)

    def _build_moment_group(self) -> None:
        # Only a moment of truth has these: what the customer feels, what is at stake, what we do.
        self.moment_group = QGroupBox(self.tr("Moment of truth"), self)
        form = QFormLayout(self.moment_group)
        self.feeling = self.add_text(self.tr("Customer feels"), "feeling", 56, form)
        self.stakes = self.add_text(self.tr("At stake"), "stakes", 56, form)
        self.actions = self.add_text(self.tr("Team actions"), "actions", 56, form)
        self.form.addRow(self.moment_group)

    def load(self, entity: Any) -> None:
        super().load(entity)
        self.colour_row.show_colour(entity.colour, card_colour(entity.kind, entity.colour))
        self.moment_group.setVisible(entity.kind == CardKind.MOMENT_OF_TRUTH)
        self._load_segments(entity.segments)
        self._load_authorship(entity)

    def _load_authorship(self, card: Any) -> None:
        for label, text in ((self.created, created_text(card, self.controller.journey)),
                            (self.edited, edited_text(card, self.controller.journey))):
            label.setText(text)
            self.form.setRowVisible(label, bool(text))

    def _load_segments(self, tagged: tuple[str, ...]) -> None:
        segments = self.controller.journey.segments()
        if [self.segments.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(self.segments.count())] != [s.id for s in segments]:
            self.segments.clear()
            for segment in segments:
                item = QListWidgetItem(segment.name, self.segments)
                item.setData(Qt.ItemDataRole.UserRole, segment.id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        for i, segment in enumerate(segments):
            item = self.segments.item(i)
            item.setText(segment.name)
            item.setCheckState(Qt.CheckState.Checked if segment.id in tagged
                               else Qt.CheckState.Unchecked)
        self.form.setRowVisible(self.segments, bool(segments))

    def _on_segment_toggled(self, _item: QListWidgetItem) -> None:
        checked = tuple(self.segments.item(i).data(Qt.ItemDataRole.UserRole)
                        for i in range(self.segments.count())
                        if self.segments.item(i).checkState() == Qt.CheckState.Checked)
        self.edit(mergeable=False, segments=checked)
