"""Workshop → Start Vote…: the dot vote's settings, and the presets they can be saved as.

Dots per participant, which card kinds can be voted on (all ticked means every kind), at most N
dots per card from one person (0: no limit), anonymous or named, and whether to take away the
dots of earlier votes. The settings last used open the next time; named presets ("3 dots on
pain points and ideas") are one JSON list under editor.settings.KEY_VOTE_PRESETS (like the
timer's presets: an INI file keeps nested lists badly). Unreadable stored values mean the
defaults; odd entries are dropped or cut to the limits.
Imports: PySide6, editor (i18n, settings), model.
"""
from __future__ import annotations

import json
from dataclasses import dataclass

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from editor.i18n import tr
from editor.settings import KEY_VOTE_LAST, KEY_VOTE_PRESETS, read_text
from model import CardKind
from model.layout.appearance import CARD_KIND_LABELS

MAX_DOTS = 99
MAX_PRESETS = 20
MAX_NAME = 80


@dataclass(frozen=True)
class VoteSettings:
    name: str = ""
    dots: int = 3
    kinds: tuple[CardKind, ...] = ()  # empty: every kind
    max_per_card: int = 0
    anonymous: bool = False

    def to_data(self) -> dict:
        return {"name": self.name, "dots": self.dots, "kinds": [k.value for k in self.kinds],
                "max_per_card": self.max_per_card, "anonymous": self.anonymous}


def settings_from_data(entry) -> VoteSettings | None:
    """A preset from its stored form, cut to the limits; None when it is no preset at all."""
    if not isinstance(entry, dict):
        return None
    def count(key: str, low: int, default: int) -> int:
        value = entry.get(key)
        if isinstance(value, bool) or not isinstance(value, int):
            return default
        return min(max(value, low), MAX_DOTS)
    kinds = entry.get("kinds")
    kinds = tuple(dict.fromkeys(CardKind(k) for k in kinds if k in set(CardKind))) \
        if isinstance(kinds, list) else ()
    name = entry.get("name")
    return VoteSettings(name[:MAX_NAME] if isinstance(name, str) else "", count("dots", 1, 3),
                        kinds, count("max_per_card", 0, 0), entry.get("anonymous") is True)


def default_presets() -> list[VoteSettings]:
    return [VoteSettings(tr("3 dots on pain points and ideas"), 3,
                         (CardKind.PAIN_POINT, CardKind.IDEA), 1),
            VoteSettings(tr("5 dots on any card"), 5, (), 0)]


class VotePresets:
    def __init__(self, settings: QSettings) -> None:
        self.settings = settings

    def _read(self, key: str):
        text = read_text(self.settings, key)
        try:
            return json.loads(text) if text else None
        except ValueError:
            return None

    def load(self) -> list[VoteSettings]:
        data = self._read(KEY_VOTE_PRESETS)
        if not isinstance(data, list):
            return default_presets()
        return [p for p in map(settings_from_data, data[:MAX_PRESETS]) if p is not None]

    def save(self, presets: list[VoteSettings]) -> None:
        data = [p.to_data() for p in presets[:MAX_PRESETS]]
        self.settings.setValue(KEY_VOTE_PRESETS, json.dumps(data, ensure_ascii=False))

    def last(self) -> VoteSettings:
        return settings_from_data(self._read(KEY_VOTE_LAST)) or default_presets()[0]

    def remember_last(self, chosen: VoteSettings) -> None:
        self.settings.setValue(KEY_VOTE_LAST, json.dumps(chosen.to_data(), ensure_ascii=False))


class StartVoteDialog(QDialog):
    def __init__(self, parent: QWidget, presets: VotePresets, language: str,
                 earlier_dots: bool) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Start Vote"))
        self.presets = presets
        self.preset = QComboBox(self)
        self.save_preset = QPushButton(self.tr("Save as Preset…"), self)
        self.dots = QSpinBox(self)
        self.dots.setRange(1, MAX_DOTS)
        self.max_per_card = QSpinBox(self)
        self.max_per_card.setRange(0, MAX_DOTS)
        self.max_per_card.setSpecialValueText(self.tr("No limit"))
        self.anonymous = QCheckBox(self.tr("Anonymous: the results show totals, not names"), self)
        self.clear = QCheckBox(self.tr("Take away the dots of earlier votes"), self)
        self.clear.setEnabled(earlier_dots)
        self.kind_boxes = {kind: QCheckBox(CARD_KIND_LABELS[_label_language(language)][kind], self)
                           for kind in CardKind}
        self.message = QLabel(self)
        self.message.setStyleSheet("color: #b3261e")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Start Vote"))
        self._lay_out()
        self._fill_presets()
        self.show_settings(presets.last())
        self.preset.activated.connect(self._preset_chosen)
        self.save_preset.clicked.connect(self._save_as_preset)
        for box in self.kind_boxes.values():
            box.toggled.connect(self._check)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)

    def _lay_out(self) -> None:
        form = QFormLayout()
        presets_row = QHBoxLayout()
        presets_row.addWidget(self.preset, 1)
        presets_row.addWidget(self.save_preset)
        form.addRow(self.tr("Preset:"), presets_row)
        form.addRow(self.tr("Dots per participant:"), self.dots)
        kinds = QGridLayout()
        for index, box in enumerate(self.kind_boxes.values()):
            kinds.addWidget(box, index // 2, index % 2)
        form.addRow(self.tr("Cards to vote on:"), kinds)
        form.addRow(self.tr("At most, per card and person:"), self.max_per_card)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.anonymous)
        layout.addWidget(self.clear)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def _fill_presets(self) -> None:
        self.preset.clear()
        self.preset.addItem(self.tr("(as last time)"), None)
        for preset in self.presets.load():
            self.preset.addItem(preset.name or self.tr("(unnamed)"), preset)

    def _preset_chosen(self, index: int) -> None:
        chosen = self.preset.itemData(index)
        self.show_settings(chosen if chosen is not None else self.presets.last())

    def show_settings(self, chosen: VoteSettings) -> None:
        self.dots.setValue(chosen.dots)
        self.max_per_card.setValue(chosen.max_per_card)
        self.anonymous.setChecked(chosen.anonymous)
        for kind, box in self.kind_boxes.items():
            box.setChecked(not chosen.kinds or kind in chosen.kinds)
        self._check()

    def settings(self, name: str = "") -> VoteSettings:
        ticked = tuple(k for k, box in self.kind_boxes.items() if box.isChecked())
        kinds = () if len(ticked) == len(self.kind_boxes) else ticked
        return VoteSettings(name, self.dots.value(), kinds, self.max_per_card.value(),
                            self.anonymous.isChecked())

    def _check(self) -> bool:
        some = any(box.isChecked() for box in self.kind_boxes.values())
        self.message.setText("" if some else self.tr("Tick at least one kind of card to vote on."))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(some)
        return some

    def _save_as_preset(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Save as Preset"), self.tr("Preset name:"))
        name = " ".join(name.split())[:MAX_NAME]
        if not ok or not name or not self._check():
            return
        kept = [p for p in self.presets.load() if p.name != name]
        self.presets.save([*kept, self.settings(name)])
        self._fill_presets()
        self.preset.setCurrentIndex(self.preset.findText(name))

    def _accept(self) -> None:
        if self._check():
            self.presets.remember_last(self.settings())
            self.accept()


def _label_language(language: str) -> str:
    return language if language in CARD_KIND_LABELS else "en"
