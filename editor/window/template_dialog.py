"""TemplateDialog: pick a bundled template (either language) to start a new map, with a preview.

Previews are rendered with editor.canvas.render from the template itself, so they show exactly the map
the facilitator will get; each is rendered once per session and cached.
Imports: PySide6, model.templates, editor.canvas.render.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from model.journey.errors import JourneyFileError, ModelError
from model.templates import TemplateInfo, list_templates, load_template

PREVIEW_WIDTH = 520
LANGUAGE_NAMES = {"ja": "日本語", "en": "English"}  # each in its own language, as menus show them
_previews: dict[tuple[str, str], QImage] = {}


def template_preview(info: TemplateInfo) -> QImage:
    """The template rendered at PREVIEW_WIDTH pixels; a null image if it cannot be rendered."""
    key = (info.id, info.language)
    if key not in _previews:
        from editor.canvas.render import render_image  # the canvas renderer: heavy, needed only here

        try:
            _previews[key] = render_image(load_template(info.id, info.language), PREVIEW_WIDTH)
        except (JourneyFileError, ModelError):
            _previews[key] = QImage()
    return _previews[key]


class TemplateDialog(QDialog):
    def __init__(self, language: str = "en", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New from template"))
        self.templates = list_templates()
        self.list = QListWidget(self)
        self.list.setMinimumWidth(300)
        self.list.setWordWrap(True)
        self.list.setSpacing(2)
        self.list.setAlternatingRowColors(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.preview = QLabel(self)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumSize(PREVIEW_WIDTH, 340)
        self.preview.setStyleSheet("background: #f4f5f7; border: 1px solid #c9ced6;")
        self.description = QLabel(self)
        self.description.setWordWrap(True)
        self._layout()
        self._fill(language)
        self.list.currentRowChanged.connect(self._show_preview)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        self._select_default(language)
        self.resize(900, 480)

    def _layout(self) -> None:
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        right = QVBoxLayout()
        right.addWidget(self.preview, 1)
        right.addWidget(self.description)
        columns = QHBoxLayout()
        columns.addWidget(self.list)
        columns.addLayout(right, 1)
        outer = QVBoxLayout(self)
        outer.addLayout(columns, 1)
        outer.addWidget(buttons)

    def _fill(self, language: str) -> None:
        # The user's language first: a Japanese facilitator sees the Japanese templates on top.
        ordered = sorted(self.templates, key=lambda info: info.language != language)
        for info in ordered:
            language_name = LANGUAGE_NAMES.get(info.language, info.language)
            item = QListWidgetItem(f"{info.title or info.id}\n    {language_name} · {info.id}", self.list)
            item.setToolTip(info.description)
            item.setData(Qt.ItemDataRole.UserRole, (info.id, info.language))
        self._infos = {(i.id, i.language): i for i in self.templates}

    def _select_default(self, language: str) -> None:
        self.list.setCurrentRow(0)
        for row in range(self.list.count()):
            if self.list.item(row).data(Qt.ItemDataRole.UserRole)[1] == language:
                self.list.setCurrentRow(row)
                return

    def chosen_template(self) -> TemplateInfo | None:
        item = self.list.currentItem()
        return self._infos[tuple(item.data(Qt.ItemDataRole.UserRole))] if item else None

    def _show_preview(self, _row: int) -> None:
        info = self.chosen_template()
        if info is None:
            return
        self.description.setText(info.description)
        image = template_preview(info)
        if image.isNull():
            self.preview.setText(self.tr("No preview"))
            return
        pixmap = QPixmap.fromImage(image).scaled(
            self.preview.size() * self.devicePixelRatioF(), Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation)
        pixmap.setDevicePixelRatio(self.devicePixelRatioF())
        self.preview.setPixmap(pixmap)
