"""The timer's presets ("5 min  Silent brainstorming"), remembered in the user's settings.

Stored as one JSON list under editor.settings.KEY_TIMER_PRESETS, ``[{"label": ..., "seconds":
...}]``: an INI file keeps a list of pairs badly, and one value is written at once. Unset or
unreadable presets mean the defaults, in the interface's language; odd entries are dropped or cut
to the limits (at most MAX_PRESETS, labels of MAX_LABEL characters, 1 s to MAX_TIMER_S).
Imports: PySide6.QtCore, editor (i18n, settings), editor.workshop.state.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass

from PySide6.QtCore import QSettings

from editor.i18n import tr
from editor.settings import KEY_TIMER_PRESETS, read_text
from editor.workshop.state import MAX_LABEL, MAX_TIMER_S

MAX_PRESETS = 20


@dataclass(frozen=True)
class TimerPreset:
    label: str
    seconds: int

    def menu_text(self) -> str:
        return f"{duration_text(self.seconds)}  {self.label}".rstrip()


def duration_text(seconds: int) -> str:
    """"5 min", "1 min 30 s", "45 s": how a preset's length is shown."""
    minutes, secs = divmod(int(seconds), 60)
    if minutes and secs:
        return tr("%1 min %2 s").replace("%1", str(minutes)).replace("%2", str(secs))
    if minutes:
        return tr("%1 min").replace("%1", str(minutes))
    return tr("%1 s").replace("%1", str(secs))


def default_presets() -> list[TimerPreset]:
    return [TimerPreset(tr("Silent brainstorming"), 5 * 60), TimerPreset(tr("Discussion"), 10 * 60),
            TimerPreset(tr("Dot voting"), 3 * 60), TimerPreset(tr("Read-out, per person"), 60),
            TimerPreset(tr("Break"), 10 * 60)]


def presets_from_data(data) -> list[TimerPreset] | None:
    """Presets from their stored form; None when it is not a list (then the defaults apply)."""
    if not isinstance(data, list):
        return None
    presets = []
    for entry in data[:MAX_PRESETS]:
        if not isinstance(entry, dict):
            continue
        label, seconds = entry.get("label"), entry.get("seconds")
        if isinstance(seconds, bool) or not isinstance(seconds, (int, float)) or not math.isfinite(seconds):
            continue
        seconds = int(min(max(round(seconds), 1), MAX_TIMER_S))
        presets.append(TimerPreset(label[:MAX_LABEL] if isinstance(label, str) else "", seconds))
    return presets


class TimerPresets:
    def __init__(self, settings: QSettings) -> None:
        self.settings = settings

    def load(self) -> list[TimerPreset]:
        text = read_text(self.settings, KEY_TIMER_PRESETS)
        try:
            presets = presets_from_data(json.loads(text)) if text else None
        except ValueError:
            presets = None
        return presets if presets is not None else default_presets()

    def save(self, presets: list[TimerPreset]) -> None:
        data = [{"label": p.label[:MAX_LABEL], "seconds": int(p.seconds)} for p in presets[:MAX_PRESETS]]
        self.settings.setValue(KEY_TIMER_PRESETS, json.dumps(data, ensure_ascii=False))
