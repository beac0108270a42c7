"""The numbers of a grid's emotion lane -> the stages' emotion curve.

Facilitators write the curve as −2…+2 or as 1…5 (a score out of five). The scale is decided
once for the whole lane: a negative value means −2…+2, a value above 2 means 1…5; when every
value is 1 or 2 (both scales fit) −2…+2 is used and the summary says so. "name: number" is a
segment's curve ("全顧客"/"All customers" being everyone). Out-of-range values are clamped with a
warning. Imports importers.* only.
"""
from __future__ import annotations

from .builder import MapBuilder
from .vocabulary import clamp_emotion, fold, label_names, parse_number

FIVE_POINT_SHIFT = 3  # 1…5 -> −2…+2


class EmotionReader:
    """Collects emotion numbers while the grid is read; ``apply`` sets them on the stages."""

    def __init__(self, builder: MapBuilder, warnings: list[str]) -> None:
        self.builder, self.warnings = builder, warnings
        self.values: list[tuple[str, str, float]] = []  # stage id, segment name ("" = all)
        self.scale = ""

    def take(self, stage_id: str, line: str) -> bool:
        """Keep ``line`` if it is an emotion value ("+1", "4", "SMB: -1"); False if it is a note."""
        value = parse_number(line)
        name = ""
        if value is None and ":" in line.replace("：", ":"):
            name, _, number = line.replace("：", ":").rpartition(":")
            value = parse_number(number)
            name = name.strip()
        if value is None:
            return False
        self.values.append((stage_id, name, value))
        return True

    def apply(self) -> None:
        if not self.values:
            return
        numbers = [value for _, _, value in self.values]
        five_point = min(numbers) >= 0 and max(numbers) > 2
        self.scale = "1…5" if five_point else "−2…+2"
        if not five_point and min(numbers) >= 1:
            self.scale += " (the values 1 and 2 fit both scales; −2…+2 was used)"
        everyone = label_names("all_customers")
        clamped = []
        for stage_id, name, value in self.values:
            emotion = value - FIVE_POINT_SHIFT if five_point else value
            if clamp_emotion(emotion) != emotion:
                clamped.append(f"{value:g}")
            segment = "" if not name or fold(name) in everyone else self.builder.segment(name)
            self.builder.sample_emotion(stage_id, clamp_emotion(emotion), segment)
        if clamped:
            self.warnings.append(f"emotion values outside the {self.scale.split()[0]} scale were "
                                 f"clamped: {', '.join(clamped[:5])}")

    def scale_line(self) -> str | None:
        if not self.values:
            return None
        return f"{len(self.values)} emotion values read on the {self.scale} scale"
