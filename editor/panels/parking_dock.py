"""ParkingLotDock: the workshop's parking lot, off-topic points kept for later (issue 14).

A list of the map's parking-lot items (text, who parked it, when), in the map's order. Type a
point and press Enter (or Park) to add it; double-click (or F2, or Edit) to change its text in
place; Delete (the key or the button) removes it; "Turn into Card…" asks for a stage and lane
(editor.panels.parking_to_card), or drag the item onto a cell of the canvas. Every action is one
undo step through ``controller.workshop``; the list follows the model's events, so items parked
by others in a live session appear as they arrive.
Imports: PySide6, model, editor.canvas.authorship, editor.panels.parking_to_card.
"""
from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from editor.canvas.authorship import moment_text, person_name
from editor.panels.parking_to_card import PARKING_MIME, CanvasDrop, TurnIntoCardDialog
from editor.panels.refusal import RefusalLine

ID_ROLE = Qt.ItemDataRole.UserRole
TEXT, AUTHOR, TIME = range(3)
MAX_ITEM_LENGTH = 2000  # characters: a parked point is a line or two


class ParkingList(QTreeWidget):
    """The items; dragging one carries its id (PARKING_MIME) to the canvas."""

    def mimeTypes(self) -> list[str]:
        return [PARKING_MIME]

    def startDrag(self, supported_actions) -> None:
        # A copy, never a move: the item leaves the list through the model's event once the
        # card is made; a move would have the view remove a row itself as well.
        super().startDrag(Qt.DropAction.CopyAction)

    def mimeData(self, items) -> QMimeData:
        data = QMimeData()
        if items:
            data.setData(PARKING_MIME, items[0].data(TEXT, ID_ROLE).encode("ascii"))
        return data


class ParkingLotDock(QDockWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Parking Lot"), parent)
        self.setObjectName("ParkingLotDock")
        self.controller = None
        self._loading = False
        self._stale = False  # a change arrived while an item's text was being edited
        self.drop = CanvasDrop(self)
        self._build()
        self.drop.refused.connect(self.message.say)

    # ----------------------------------------------------------------- building
    def _build(self) -> None:
        body = QWidget(self)
        column = QVBoxLayout(body)
        column.setContentsMargins(4, 4, 4, 4)
        column.addLayout(self._build_entry(body))
        self.list = ParkingList(body)
        self.list.setObjectName("parkingList")
        self.list.setColumnCount(3)
        self.list.setHeaderLabels([self.tr("Item"), self.tr("By"), self.tr("When")])
        self.list.setRootIsDecorated(False)
        self.list.setWordWrap(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)  # text only, below
        self.list.setDragEnabled(True)
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        header = self.list.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(TEXT, QHeaderView.ResizeMode.Stretch)
        for column_index in (AUTHOR, TIME):
            header.setSectionResizeMode(column_index, QHeaderView.ResizeMode.ResizeToContents)
        self.list.itemChanged.connect(self._item_edited)
        self.list.itemDelegate().closeEditor.connect(self._editor_closed)
        self.list.itemDoubleClicked.connect(lambda item, _col: self.edit_item(item))
        self.list.itemSelectionChanged.connect(self._update_buttons)
        for keys, slot in ((QKeySequence.StandardKey.Delete, self.remove_selected),
                           (Qt.Key.Key_F2, lambda: self.edit_item())):
            shortcut = QShortcut(QKeySequence(keys), self.list, slot)
            # The list's own keys: the window's Delete and F2 (the canvas's) must stay unambiguous.
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        column.addWidget(self.list, 1)
        self.message = RefusalLine(body)
        column.addWidget(self.message)
        column.addLayout(self._build_buttons(body))
        self.setWidget(body)
        self._update_buttons()

    def _build_entry(self, body: QWidget) -> QHBoxLayout:
        row = QHBoxLayout()
        self.entry = QLineEdit(body)
        self.entry.setObjectName("parkEntry")
        self.entry.setPlaceholderText(self.tr("Park an off-topic point… (Enter adds it)"))
        self.entry.setMaxLength(MAX_ITEM_LENGTH)
        self.entry.returnPressed.connect(self.park)
        self.park_button = QPushButton(self.tr("Park"), body)
        self.park_button.setObjectName("parkButton")
        self.park_button.clicked.connect(self.park)
        row.addWidget(self.entry, 1)
        row.addWidget(self.park_button)
        return row

    def _build_buttons(self, body: QWidget) -> QHBoxLayout:
        row = QHBoxLayout()
        self.edit_button = QPushButton(self.tr("Edit"), body)
        self.edit_button.clicked.connect(lambda: self.edit_item())
        self.delete_button = QPushButton(self.tr("Delete"), body)
        self.delete_button.clicked.connect(self.remove_selected)
        self.card_button = QPushButton(self.tr("Turn into Card…"), body)
        self.card_button.setObjectName("turnIntoCard")
        self.card_button.setToolTip(self.tr("Make a card of this point (or drag it onto the map)"))
        self.card_button.clicked.connect(self.turn_into_card)
        for button in (self.edit_button, self.delete_button, self.card_button):
            row.addWidget(button)
        row.addStretch(1)
        return row

    # ----------------------------------------------------------------- following the document
    def set_document(self, controller, view) -> None:
        self.detach()
        self.controller = controller
        controller.journey.events.connect(self._on_event)
        self.drop.attach(view, controller)
        self.refresh()

    def detach(self) -> None:
        if self.controller is not None:
            self.controller.journey.events.disconnect(self._on_event)
        self.drop.detach()
        self.controller = None

    def _on_event(self, event) -> None:
        if event.type.startswith(("parking_item_", "participant_")) or event.type == "reset":
            if self.list.state() == QAbstractItemView.State.EditingState:
                self._stale = True  # rebuilding now would throw away what is being typed
            else:
                self.refresh()

    def _editor_closed(self) -> None:
        if self._stale:
            self._stale = False
            QTimer.singleShot(0, self, self.refresh)  # after the edit is committed

    def refresh(self) -> None:
        selected = self.selected_id()
        self._loading = True
        try:
            self.list.clear()
            journey = self.controller.journey if self.controller is not None else None
            for item in journey.parking_items() if journey is not None else ():
                row = QTreeWidgetItem([item.text, person_name(journey, item.author),
                                       moment_text(item.created_at)])
                row.setData(TEXT, ID_ROLE, item.id)
                row.setToolTip(TEXT, item.text)
                row.setFlags(row.flags() | Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsDragEnabled)
                self.list.addTopLevelItem(row)
                row.setSelected(item.id == selected)
        finally:
            self._loading = False
        self._update_buttons()

    # ----------------------------------------------------------------- reading
    def selected_id(self) -> str:
        items = self.list.selectedItems()
        return items[0].data(TEXT, ID_ROLE) if items else ""

    def row_of(self, item_id: str) -> QTreeWidgetItem | None:
        for index in range(self.list.topLevelItemCount()):
            row = self.list.topLevelItem(index)
            if row.data(TEXT, ID_ROLE) == item_id:
                return row
        return None

    def _update_buttons(self) -> None:
        chosen = bool(self.selected_id())
        for button in (self.edit_button, self.delete_button, self.card_button):
            button.setEnabled(chosen)
        for widget in (self.entry, self.park_button):
            widget.setEnabled(self.controller is not None)

    # ----------------------------------------------------------------- acting
    def park(self) -> None:
        text = self.entry.text().strip()
        if self.controller is None or not text:
            return
        if self.message.attempt(lambda: self.controller.workshop.park(text)):
            self.entry.clear()

    def edit_item(self, row: QTreeWidgetItem | None = None) -> None:
        row = row or (self.list.selectedItems() or [None])[0]
        if row is not None:
            self.list.editItem(row, TEXT)

    def _item_edited(self, row: QTreeWidgetItem, column: int) -> None:
        if self._loading or column != TEXT or self.controller is None:
            return
        item_id, text = row.data(TEXT, ID_ROLE), row.text(TEXT).strip()
        if not text:  # emptied: keep the point (Delete removes it), show its text again
            self.refresh()
            return
        if not self.message.attempt(lambda: self.controller.workshop.edit_parking_item(item_id,
                                                                            text[:MAX_ITEM_LENGTH])):
            self.refresh()

    def remove_selected(self) -> None:
        item_id = self.selected_id()
        if item_id and self.controller is not None:
            self.message.attempt(lambda: self.controller.workshop.remove_parking_item(item_id))

    def turn_into_card(self) -> None:
        item_id = self.selected_id()
        if not item_id or self.controller is None:
            return
        journey = self.controller.journey
        dialog = TurnIntoCardDialog(journey, journey.parking_item(item_id).text, self)
        if dialog.exec() != QDialog.DialogCode.Accepted or not journey.has(item_id):
            return
        stage_id, lane_id, kind = dialog.choice()
        made: list[str] = []
        if self.message.attempt(lambda: made.append(self.controller.workshop.parking_item_to_card(
                item_id, stage_id, lane_id, kind))) and self.drop.view is not None:
            self.drop.view.scene().select_element(made[0])  # the new card, in the inspector


