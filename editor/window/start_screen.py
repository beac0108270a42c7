"""StartScreen: what a window shows when its map is closed (File → Close with one window open).

Closing the last map used to quit the application; a facilitator between two workshop sessions
wants the next map instead. The start screen offers the recent maps (those still on disk), Open…
and a new map from each bundled template, the user's language first. It only asks: the window's
FileOperations opens or creates the map, with the usual prompts.
Imports: PySide6, model.templates, editor.settings.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import (
    QCommandLinkButton,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from editor.settings import RecentFiles
from model.templates import list_templates

LANGUAGE_NAMES = {"ja": "日本語", "en": "English"}  # each in its own language
COLUMN_WIDTH = 420


class StartScreen(QWidget):
    open_path = Signal(str)  # a recent map chosen
    open_other = Signal()  # Open… pressed
    new_map = Signal(str, str)  # template id, language

    def __init__(self, language: str, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("StartScreen")
        self._language = language
        self._settings = settings
        self.recent_buttons: list[QCommandLinkButton] = []
        self.template_buttons: list[QCommandLinkButton] = []
        self._recent_column = QVBoxLayout()
        self.open_button = QPushButton(self.tr("Open…"), self)
        self.open_button.clicked.connect(self.open_other)
        heading = QLabel(self.tr("Journey Map Editor"), self)
        heading.setStyleSheet("font-size: 20pt; font-weight: bold;")
        hint = QLabel(self.tr("Open a recent map, or start a new one from a template."), self)
        columns = QHBoxLayout()
        columns.addWidget(self._column(self.tr("Recent maps"), self._recent_column,
                                       self.open_button), 1)
        columns.addWidget(self._column(self.tr("New from a template"), self._template_column()), 1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(40, 30, 40, 30)
        outer.addWidget(heading)
        outer.addWidget(hint)
        outer.addSpacing(12)
        outer.addLayout(columns, 1)
        self.refresh()

    def _column(self, title: str, entries: QVBoxLayout, button: QWidget | None = None) -> QWidget:
        column = QWidget(self)
        column.setMaximumWidth(COLUMN_WIDTH * 2)
        layout = QVBoxLayout(column)
        label = QLabel(title, column)
        label.setStyleSheet("font-size: 13pt; font-weight: bold;")
        title_row = QHBoxLayout()
        title_row.addWidget(label)
        title_row.addStretch(1)
        if button is not None:
            title_row.addWidget(button)  # at hand beside the list, not below a tall scroll area
        layout.addLayout(title_row)
        body = QWidget(column)
        entries.setContentsMargins(0, 0, 0, 0)
        entries.addStretch(1)
        body.setLayout(entries)
        scroll = QScrollArea(column)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        layout.addWidget(scroll, 1)
        return column

    def _template_column(self) -> QVBoxLayout:
        column = QVBoxLayout()
        # The user's language first: a Japanese facilitator sees the Japanese templates on top.
        for info in sorted(list_templates(), key=lambda i: i.language != self._language):
            language = LANGUAGE_NAMES.get(info.language, info.language)
            button = QCommandLinkButton(info.title or info.id, f"{language} · {info.description}")
            button.setToolTip(info.description)
            button.clicked.connect(lambda _=False, i=info: self.new_map.emit(i.id, i.language))
            column.addWidget(button)
            self.template_buttons.append(button)
        return column

    def refresh(self) -> None:
        """Show the recent maps as they are now (the list changes while maps are open)."""
        for button in self.recent_buttons:
            self._recent_column.removeWidget(button)
            button.deleteLater()
        self.recent_buttons = []
        paths = [p for p in RecentFiles(self._settings).paths() if Path(p).is_file()]
        for position, path in enumerate(paths):
            button = QCommandLinkButton(Path(path).name, str(Path(path).parent))
            button.setToolTip(path)
            button.clicked.connect(lambda _=False, p=path: self.open_path.emit(p))
            self._recent_column.insertWidget(position, button)
            self.recent_buttons.append(button)
        if not paths:
            empty = QCommandLinkButton(self.tr("No recent maps"), "")
            empty.setEnabled(False)
            self._recent_column.insertWidget(0, empty)
            self.recent_buttons.append(empty)
