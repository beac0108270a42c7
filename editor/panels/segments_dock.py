"""The "Segments & paths" dock: define the map's customer segments (name, colour) and journey
paths, filter the canvas by a segment and highlight one path.

Definitions are document data and every change is an undoable controller call; the filter and the
highlight are view settings of the scene. Imports: PySide6, model, editor (scene, controller).
"""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QColorDialog,
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from editor.i18n import tr

SEGMENT_COLOURS = ("#4e79a7", "#f28e2b", "#59a14f", "#b07aa1", "#76b7b2", "#edc948")
RECOMMENDED_SEGMENTS = 4  # the CS literature: keep to 3-4 segments



def swatch(colour: str) -> QIcon:
    pixmap = QPixmap(14, 14)
    pixmap.fill(QColor(colour))
    return QIcon(pixmap)


class SegmentsPathsDock(QDockWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(tr("Segments && paths"), parent)
        self.setObjectName("segments_paths_dock")
        self.scene = None
        self._refresh_timer = QTimer(self, singleShot=True, interval=0)
        self._refresh_timer.timeout.connect(self.refresh)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.addWidget(QLabel(tr("Segments")))
        self.segments = self._list(self._rename_segment)
        layout.addWidget(self.segments)
        layout.addLayout(self._buttons((tr("Add"), self.add_segment), (tr("Colour…"), self.pick_colour),
                                       (tr("Remove"), self.remove_segment)))
        self.hint = QLabel(tr("Keep to 3–4 segments: more makes the map hard to read."))
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        self.segment_filter = QComboBox()
        self.segment_filter.currentIndexChanged.connect(self._filter_changed)
        layout.addLayout(self._labelled(tr("Show segment:"), self.segment_filter))
        layout.addWidget(QLabel(tr("Journey paths")))
        self.paths = self._list(self._rename_path)
        layout.addWidget(self.paths)
        layout.addLayout(self._buttons((tr("Add from selected stages"), self.add_path),
                                       (tr("Remove"), self.remove_path)))
        self.path_highlight = QComboBox()
        self.path_highlight.currentIndexChanged.connect(self._highlight_changed)
        layout.addLayout(self._labelled(tr("Highlight path:"), self.path_highlight))
        layout.addStretch(1)
        self.setWidget(body)

    # ----------------------------------------------------------------- building
    def _list(self, on_rename) -> QListWidget:
        widget = QListWidget()
        widget.setMaximumHeight(120)
        widget.itemChanged.connect(on_rename)
        return widget

    def _buttons(self, *entries) -> QHBoxLayout:
        row = QHBoxLayout()
        for text, slot in entries:
            button = QPushButton(text)
            button.clicked.connect(slot)
            row.addWidget(button)
        return row

    def _labelled(self, text: str, widget: QWidget) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(QLabel(text))
        row.addWidget(widget, 1)
        return row

    # ----------------------------------------------------------------- following the document
    def set_scene(self, scene) -> None:
        if self.scene is not None:
            self.scene.journey.events.disconnect(self._on_event)
        self.scene = scene
        scene.journey.events.connect(self._on_event)
        self.refresh()

    def detach(self) -> None:
        """Stop following the map (the window closed it)."""
        if self.scene is not None:
            self.scene.journey.events.disconnect(self._on_event)
        self._refresh_timer.stop()
        self.scene = None

    def _on_event(self, event) -> None:
        if event.type.startswith(("segment_", "path_")):
            self._refresh_timer.start()  # after the command: never rebuild lists mid-edit

    def refresh(self) -> None:
        journey = self.scene.journey
        self._fill(self.segments, [(s.id, s.name, s.colour) for s in journey.segments()])
        self._fill(self.paths, [(p.id, p.name, p.colour) for p in journey.paths()])
        self.hint.setVisible(len(journey.segments()) > RECOMMENDED_SEGMENTS)
        self._fill_combo(self.segment_filter, tr("All segments"), journey.segments(),
                         self.scene.filters.segment_filter)
        self._fill_combo(self.path_highlight, tr("No highlight"), journey.paths(),
                         self.scene.filters.highlighted_path)

    def _fill(self, widget: QListWidget, rows) -> None:
        widget.blockSignals(True)
        widget.clear()
        for element_id, name, colour in rows:
            item = QListWidgetItem(swatch(colour), name)
            item.setData(Qt.ItemDataRole.UserRole, element_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
            widget.addItem(item)
        widget.blockSignals(False)

    def _fill_combo(self, combo: QComboBox, none_text: str, elements, current: str | None) -> None:
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(none_text, None)
        for element in elements:
            combo.addItem(swatch(element.colour), element.name, element.id)
        combo.setCurrentIndex(max(0, combo.findData(current)) if current else 0)
        combo.blockSignals(False)

    def _selected_id(self, widget: QListWidget) -> str | None:
        item = widget.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    # ----------------------------------------------------------------- segments
    def add_segment(self) -> None:
        count = len(self.scene.journey.segments())
        self.scene.controller.add_segment(tr("Segment %1").replace("%1", str(count + 1)),
                                          SEGMENT_COLOURS[count % len(SEGMENT_COLOURS)])

    def _rename_segment(self, item: QListWidgetItem) -> None:
        name = item.text().strip()
        if name:
            self.scene.controller.update_segment(item.data(Qt.ItemDataRole.UserRole), name=name)

    def pick_colour(self) -> None:
        segment_id = self._selected_id(self.segments)
        if segment_id is None:
            return
        colour = QColorDialog.getColor(QColor(self.scene.journey.segment(segment_id).colour), self)
        if colour.isValid():
            self.scene.controller.update_segment(segment_id, colour=colour.name())

    def remove_segment(self) -> None:
        segment_id = self._selected_id(self.segments)
        if segment_id is not None:
            self.scene.controller.remove([segment_id])

    def _filter_changed(self, index: int) -> None:
        self.scene.filters.set_segment_filter(self.segment_filter.itemData(index))

    # ----------------------------------------------------------------- paths
    def add_path(self) -> None:
        journey = self.scene.journey
        chosen = [i for i in self.scene.selected_ids() if journey.element_type(i) == "stage"]
        route = chosen or list(journey.stage_ids())
        count = len(journey.paths())
        self.scene.controller.add_path(tr("Path %1").replace("%1", str(count + 1)), route,
                                       SEGMENT_COLOURS[(count + 3) % len(SEGMENT_COLOURS)])

    def _rename_path(self, item: QListWidgetItem) -> None:
        name = item.text().strip()
        if name:
            self.scene.controller.update_path(item.data(Qt.ItemDataRole.UserRole), name=name)

    def remove_path(self) -> None:
        path_id = self._selected_id(self.paths)
        if path_id is not None:
            self.scene.controller.remove([path_id])

    def _highlight_changed(self, index: int) -> None:
        self.scene.filters.set_highlighted_path(self.path_highlight.itemData(index))
