"""ColourRow: the inspector's card colour picker: sticky-note swatches, More…, Kind default.

One click on a swatch colours the card (or every selected card); "More…" opens Qt's colour
dialog for any other colour; "Kind default" goes back to the colour of the card's kind. The row
shows the current colour, or "(mixed)" when the selected cards differ. It only reports the choice
(``chosen``): the form sends it through the controller.
Imports: PySide6, editor.canvas.sticky_colours.
"""
from __future__ import annotations

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QColorDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from editor.canvas.sticky_colours import STICKY_COLOURS, sticky_colour_names, swatch_icon

SWATCH_SIZE = 20
SWATCHES_PER_ROW = 8


class ColourRow(QWidget):
    chosen = Signal(str)  # a colour "#rrggbb", or "" for the kind's colour

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._fill = "#ffffff"
        self.swatches: dict[str, QToolButton] = {}
        grid = QGridLayout()
        grid.setSpacing(3)
        names = sticky_colour_names()
        for number, colour in enumerate(STICKY_COLOURS):
            grid.addWidget(self._swatch(colour, names[colour]), number // SWATCHES_PER_ROW,
                           number % SWATCHES_PER_ROW)
        self.current = QLabel(self)
        self.current.setObjectName("current_colour")
        self.current.setMinimumWidth(70)
        self.more = QPushButton(self.tr("More…"), self)
        self.more.setToolTip(self.tr("Any other colour"))
        self.more.clicked.connect(self.choose_other)
        self.kind_default = QPushButton(self.tr("Kind default"), self)
        self.kind_default.setToolTip(self.tr("The colour of the card's kind"))
        self.kind_default.clicked.connect(lambda: self.chosen.emit(""))
        buttons = QHBoxLayout()
        buttons.addWidget(self.current, 1)
        buttons.addWidget(self.more)
        buttons.addWidget(self.kind_default)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(grid)
        column.addLayout(buttons)

    def _swatch(self, colour: str, name: str) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName(f"swatch_{colour[1:]}")
        button.setIcon(swatch_icon(colour, SWATCH_SIZE))
        button.setIconSize(QSize(SWATCH_SIZE, SWATCH_SIZE))
        button.setCheckable(True)
        button.setAutoRaise(True)
        button.setToolTip(name)
        button.clicked.connect(lambda _checked=False, c=colour: self.chosen.emit(c))
        self.swatches[colour] = button
        return button

    def show_colour(self, colour: str | None, fill: str) -> None:
        """Show the card's own ``colour`` ("" = its kind's, None = cards differ) drawn as ``fill``."""
        self._fill = fill
        for value, button in self.swatches.items():
            button.setChecked(colour is not None and colour.lower() == value)
        if colour is None:
            self.current.setText(self.tr("(mixed)"))
            self.current.setStyleSheet("")
        else:
            self.current.setText(colour or self.tr("(kind colour)"))
            self.current.setStyleSheet(f"background-color: {fill}; color: #222; padding: 2px 4px;"
                                       " border: 1px solid #8a8f98;")
        self.kind_default.setEnabled(colour != "")

    def choose_other(self) -> None:
        colour = QColorDialog.getColor(QColor(self._fill), self, self.tr("Card colour"))
        if colour.isValid():
            self.chosen.emit(colour.name())
