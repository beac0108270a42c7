"""InspectorDock: the form for what is selected (a card, stage, lane, transition) or else the map;
for several cards, their shared fields (editor.panels.inspector_multi).

The dock follows the scene's selection (once per burst, see editor.canvas.selection_burst) and the
model's events; it shows one form at a time from editor.panels.inspector_forms, plus the stage
form here (exit criteria table, emotion spin boxes). Every change goes through the
EditController, never to the model directly.
Imports: PySide6, model, editor.canvas.selection_burst, editor.panels (inspector_forms,
inspector_multi).
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from editor.canvas.selection_burst import BurstSlot
from editor.panels.inspector_forms import CardForm, ElementForm, LaneForm, MapForm, TransitionForm
from editor.panels.inspector_multi import CardsForm
from editor.panels.refusal import RefusalLine
from model import ALL_CUSTOMERS, ExitCriterion
from model.journey.entities import EMOTION_MAX, EMOTION_MIN

EMOTION_STEP = 0.5
NO_EMOTION = EMOTION_MIN - EMOTION_STEP  # the spin box's "—": this segment has no point here


def section_label(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setStyleSheet("font-weight: bold; margin-top: 6px;")
    return label


class StageForm(ElementForm):
    kind = "stage"

    def __init__(self, language: str = "en", parent: QWidget | None = None) -> None:
        super().__init__(language, parent)
        self.name = self.add_line(self.tr("Name"), "name")
        self.overview = self.add_text(self.tr("Overview"), "overview", 90)
        self._build_criteria()
        self.emotions = QFormLayout()
        self._emotion_spins: dict[str, QDoubleSpinBox] = {}
        self.form.addRow(section_label(self.tr("Emotions (−2 … +2)"), self))
        self.form.addRow(self.emotions)

    def _build_criteria(self) -> None:
        self.criteria = QTableWidget(0, 2, self)
        self.criteria.setObjectName("exit_criteria")
        self.criteria.setHorizontalHeaderLabels([self.tr("Milestone"), self.tr("KPI target")])
        self.criteria.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.criteria.verticalHeader().setVisible(False)
        # Rows follow the wrapped text at the table's real width, also after the dock is resized.
        self.criteria.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.criteria.setWordWrap(True)
        self.criteria.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.criteria.setMinimumHeight(120)
        self.criteria.itemChanged.connect(lambda _item: self._send_criteria())
        self.add_row_button = QPushButton(self.tr("Add milestone"), self)
        self.add_row_button.clicked.connect(self.add_criterion)
        self.remove_row_button = QPushButton(self.tr("Remove"), self)
        self.remove_row_button.clicked.connect(self.remove_criteria)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_row_button)
        buttons.addWidget(self.remove_row_button)
        buttons.addStretch(1)
        self.form.addRow(section_label(self.tr("Exit criteria (milestones to the next stage)"), self))
        self.form.addRow(self.criteria)
        self.form.addRow(buttons)

    # ----------------------------------------------------------------- loading
    def load(self, entity: Any) -> None:
        super().load(entity)
        self._load_criteria(entity.exit_criteria)
        self._load_emotions(entity.emotions)

    def _load_criteria(self, criteria: tuple[ExitCriterion, ...]) -> None:
        if self.table_criteria() == tuple(criteria):
            return  # keep the table's selection and scroll position
        self.criteria.setRowCount(len(criteria))
        for row, criterion in enumerate(criteria):
            self.criteria.setItem(row, 0, QTableWidgetItem(criterion.text))
            self.criteria.setItem(row, 1, QTableWidgetItem(criterion.kpi))

    def _load_emotions(self, emotions) -> None:
        keys = [ALL_CUSTOMERS] + [s.id for s in self.controller.journey.segments()]
        if list(self._emotion_spins) != keys:
            self._rebuild_emotion_rows(keys)
        names = {s.id: s.name for s in self.controller.journey.segments()}
        for key, spin in self._emotion_spins.items():
            self.emotions.labelForField(spin).setText(names.get(key, self.tr("All customers")))
            spin.setValue(emotions.get(key, NO_EMOTION))

    def _rebuild_emotion_rows(self, keys: list[str]) -> None:
        while self.emotions.rowCount():
            self.emotions.removeRow(0)
        self._emotion_spins = {}
        for key in keys:
            spin = QDoubleSpinBox(self)
            spin.setRange(NO_EMOTION, EMOTION_MAX)
            spin.setSingleStep(EMOTION_STEP)
            spin.setDecimals(1)
            spin.setSpecialValueText("—")
            spin.setToolTip(self.tr("How the customer feels here; \"—\" means not rated"))
            spin.valueChanged.connect(lambda value, key=key: self._send_emotion(key, value))
            self._emotion_spins[key] = spin
            self.emotions.addRow(QLabel(self), spin)

    # ----------------------------------------------------------------- editing
    def table_criteria(self) -> tuple[ExitCriterion, ...]:
        def text(row: int, column: int) -> str:
            item = self.criteria.item(row, column)
            return item.text() if item is not None else ""
        return tuple(ExitCriterion(text(row, 0), text(row, 1))
                     for row in range(self.criteria.rowCount()))

    def _send_criteria(self) -> None:
        self.edit(mergeable=False, exit_criteria=self.table_criteria())

    def add_criterion(self) -> None:
        criteria = self.entity().exit_criteria + (ExitCriterion(self.tr("New milestone")),)
        self.edit(mergeable=False, exit_criteria=criteria)
        row = len(criteria) - 1
        self.criteria.setCurrentCell(row, 0)
        self.criteria.editItem(self.criteria.item(row, 0))

    def remove_criteria(self) -> None:
        rows = {index.row() for index in self.criteria.selectedIndexes()}
        if not rows and self.criteria.currentRow() >= 0:
            rows = {self.criteria.currentRow()}
        kept = tuple(c for row, c in enumerate(self.entity().exit_criteria) if row not in rows)
        self.edit(mergeable=False, exit_criteria=kept)

    def _send_emotion(self, key: str, value: float) -> None:
        if self._loading:
            return
        emotions = dict(self.entity().emotions)
        if value < EMOTION_MIN:
            emotions.pop(key, None)
        else:
            emotions[key] = value
        self.edit(emotions=emotions)


class InspectorDock(QDockWidget):
    """Shows the form of the scene's primary selection; the map's form when nothing is selected,
    the shared fields when several cards are."""

    def __init__(self, language: str = "en", parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Inspector"), parent)
        self.setObjectName("InspectorDock")
        self.scene = None
        self.controller = None
        self._language = language
        self._field_filter: QObject | None = None
        # Each form is made when first shown: building all six was a third of the first window.
        self.forms: dict[str, ElementForm | CardsForm] = _Forms(self._make_form)
        self._follow = BurstSlot(self.show_selection, self)  # Select All: not once per card
        # After removals (a delete of many cards sends one event per card), once they are over.
        self._reshow = BurstSlot(self.show_selection, self, immediate=False)
        # ... and the card forms a moment after the window shows, one per turn of the event loop,
        # so that the first click on a card finds its form made (25 ms, on top of the click).
        self._ahead = list(FORMS_AHEAD)
        self._ahead_timer = QTimer(self, singleShot=True, interval=FORMS_AHEAD_AFTER_MS)
        self._ahead_timer.timeout.connect(self._make_one_ahead)
        self._build(language)

    def _build(self, language: str) -> None:
        self.heading = QLabel(self)
        self.heading.setStyleSheet("font-weight: bold; padding: 4px 2px;")
        self.message = RefusalLine(self)
        self.stack = QStackedWidget(self)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.stack)
        body = QWidget(self)
        column = QVBoxLayout(body)
        column.setContentsMargins(4, 4, 4, 4)
        column.addWidget(self.heading)
        column.addWidget(self.message)
        column.addWidget(scroll, 1)
        self.setWidget(body)

    def _make_form(self, kind: str) -> ElementForm | CardsForm:
        form = FORM_TYPES[kind](self._language)
        self.stack.addWidget(form)
        form.refused.connect(self.message.say)
        if self._field_filter is not None:
            _filter_fields(form, self._field_filter)
        return form

    def set_field_filter(self, field_filter: QObject) -> None:
        """Install ``field_filter`` on every text field of every form, made now or later."""
        self._field_filter = field_filter
        for form in self.forms.values():
            _filter_fields(form, field_filter)

    def set_scene(self, scene, controller) -> None:
        """Follow a new document's scene and map (the window calls this on New and Open)."""
        self.detach()
        self.scene, self.controller = scene, controller
        scene.selectionChanged.connect(self._follow.trigger)
        controller.journey.events.connect(self._on_event)
        self.show_selection()
        if self._ahead:
            self._ahead_timer.start()

    def _make_one_ahead(self) -> None:
        while self._ahead and self._ahead[0] in self.forms:
            self._ahead.pop(0)  # made meanwhile: the user was quicker
        if self._ahead:
            self.forms[self._ahead.pop(0)]
            self._ahead_timer.start(0)

    def detach(self) -> None:
        """Stop following the scene and the map (before either goes away)."""
        if self.scene is not None:
            self.scene.selectionChanged.disconnect(self._follow.trigger)
            self.controller.journey.events.disconnect(self._on_event)
        self._follow.cancel()
        self._reshow.cancel()
        self.scene = None

    def current_form(self) -> ElementForm | CardsForm:
        return self.stack.currentWidget()

    def show_selection(self) -> None:
        cards = self.scene.selected_card_ids() if self.scene is not None else []
        if len(cards) > 1:
            self._show_cards(cards)
            return
        selected = self.scene.primary_selection() if self.scene is not None else None
        kind, element_id = selected if selected else ("map", None)
        if kind not in FORM_TYPES or not (kind == "map" or self.controller.journey.has(element_id)):
            kind, element_id = "map", None
        form = self.forms[kind]
        self.message.hide()
        form.show_element(self.controller, element_id)
        self._make_current(form)
        self.heading.setText(self._heading(kind))

    def _show_cards(self, card_ids: list[str]) -> None:
        form = self.forms["cards"]
        self.message.hide()
        form.show_cards(self.controller, card_ids)
        self._make_current(form)
        self.heading.setText(self.tr("%1 cards selected").replace("%1", str(len(card_ids))))

    def _make_current(self, form: ElementForm | CardsForm) -> None:
        # The stack sizes itself to its largest page unless the others are Ignored: without this the
        # short map form would scroll as if it were as tall as the stage form.
        for page in self.forms.values():
            policy = QSizePolicy.Policy.Preferred if page is form else QSizePolicy.Policy.Ignored
            page.setSizePolicy(policy, policy)
        self.stack.setCurrentWidget(form)
        self.stack.adjustSize()

    def _heading(self, kind: str) -> str:
        return {"map": self.tr("Map"), "card": self.tr("Card"), "stage": self.tr("Stage"),
                "lane": self.tr("Lane"), "transition": self.tr("Transition")}[kind]

    def _on_event(self, event) -> None:
        form = self.current_form()
        # Only a removal can take the shown element away. Asking the form at each removal cost
        # a walk over all the selected cards per deleted card: the form is shown again once the
        # removals are over (the selection's change has usually done it already).
        if event.type.endswith("_removed") or event.type == "reset":
            self._reshow.trigger()
            return
        if form.concerns(event):
            form.refresh()



FORMS_AHEAD = ("card", "cards")  # the forms a click or a rubber band shows first
FORMS_AHEAD_AFTER_MS = 800
FORM_TYPES = {"map": MapForm, "card": CardForm, "stage": StageForm, "lane": LaneForm,
              "transition": TransitionForm, "cards": CardsForm}


class _Forms(dict):
    """The inspector's forms by kind, each made when first asked for."""

    def __init__(self, make) -> None:
        super().__init__()
        self._make = make

    def __missing__(self, kind: str):
        form = self[kind] = self._make(kind)
        return form


def _filter_fields(form: QWidget, field_filter: QObject) -> None:
    for field in form.findChildren(QLineEdit) + form.findChildren(QPlainTextEdit):
        field.installEventFilter(field_filter)
