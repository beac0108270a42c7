"""The comparison page's chart: two emotion curves (all customers) over the aligned stages, the
one before dashed and grey, the one after in the emotion colour, and the difference between them
shaded, green where the after curve is higher and red where it is lower (split where they cross).
A stage on one side only breaks that side's curve. Imports reportlab, model and exporters only.
"""
from __future__ import annotations

from reportlab.lib.colors import HexColor
from reportlab.platypus import Flowable

from exporters.fonts import draw_text
from exporters.pdf_heading import fit_line
from model.layout.appearance import EMOTION_LINE, GRID_LINE

BEFORE_INK, AFTER_INK = HexColor("#8c96a3"), HexColor(EMOTION_LINE)
BETTER, WORSE = HexColor("#59a14f"), HexColor("#e15759")
SHADE_ALPHA = 0.35
LEFT, BOTTOM, TOP = 34, 30, 22  # room for the scale, the stage names and the legend
LABEL_PT = 8


class EmotionChart(Flowable):
    """Both curves on one chart, as wide as the frame."""

    def __init__(self, stage_names: tuple[str, ...], before: tuple[float | None, ...],
                 after: tuple[float | None, ...], names: tuple[str, str], height: float = 200):
        super().__init__()
        self.stage_names, self.before, self.after, self.names = stage_names, before, after, names
        self.height = height
        self.width = 0.0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        return self.width, self.height

    def x(self, index: int) -> float:
        step = (self.width - LEFT) / max(len(self.stage_names), 1)
        return LEFT + (index + 0.5) * step

    def y(self, value: float) -> float:
        return BOTTOM + (value + 2) / 4 * (self.height - BOTTOM - TOP)

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        self._grid(canvas)
        self._shade(canvas)
        self._curve(canvas, self.before, BEFORE_INK, dashed=True)
        self._curve(canvas, self.after, AFTER_INK, dashed=False)
        self._legend(canvas)
        canvas.restoreState()

    def _grid(self, canvas) -> None:
        canvas.setStrokeColor(HexColor(GRID_LINE))
        canvas.setLineWidth(0.5)
        canvas.setFillColor(HexColor("#5f6b7a"))
        for value in range(-2, 3):
            canvas.line(LEFT, self.y(value), self.width, self.y(value))
            draw_text(canvas, 4, self.y(value) - 3, f"{value:+d}" if value else "0", LABEL_PT)
        step = (self.width - LEFT) / max(len(self.stage_names), 1)
        for index, name in enumerate(self.stage_names):
            draw_text(canvas, self.x(index), BOTTOM - 14, fit_line(name, step - 4, LABEL_PT),
                      LABEL_PT, centred=True)

    def _shade(self, canvas) -> None:
        canvas.setFillAlpha(SHADE_ALPHA)
        for i in range(len(self.stage_names) - 1):
            ends = (self.before[i], self.before[i + 1], self.after[i], self.after[i + 1])
            if None not in ends:
                self._shade_span(canvas, i, *ends)
        canvas.setFillAlpha(1)

    def _shade_span(self, canvas, i: int, b0: float, b1: float, a0: float, a1: float) -> None:
        d0, d1 = a0 - b0, a1 - b1
        x0, x1 = self.x(i), self.x(i + 1)
        if d0 * d1 < 0:  # the curves cross: shade each side of the crossing in its colour
            t = d0 / (d0 - d1)
            xc, yc = x0 + t * (x1 - x0), b0 + t * (b1 - b0)
            self._polygon(canvas, [(x0, b0), (xc, yc), (x0, a0)], d0)
            self._polygon(canvas, [(xc, yc), (x1, b1), (x1, a1)], d1)
        elif d0 or d1:
            self._polygon(canvas, [(x0, b0), (x1, b1), (x1, a1), (x0, a0)], d0 or d1)

    def _polygon(self, canvas, points: list[tuple[float, float]], sign: float) -> None:
        canvas.setFillColor(BETTER if sign > 0 else WORSE)
        path = canvas.beginPath()
        path.moveTo(points[0][0], self.y(points[0][1]))
        for px, value in points[1:]:
            path.lineTo(px, self.y(value))
        path.close()
        canvas.drawPath(path, stroke=0, fill=1)

    def _curve(self, canvas, values: tuple[float | None, ...], ink, dashed: bool) -> None:
        canvas.setStrokeColor(ink)
        canvas.setFillColor(ink)
        canvas.setLineWidth(1.6)
        canvas.setDash(4, 3) if dashed else canvas.setDash()
        for i in range(len(values) - 1):
            if values[i] is not None and values[i + 1] is not None:
                canvas.line(self.x(i), self.y(values[i]), self.x(i + 1), self.y(values[i + 1]))
        canvas.setDash()
        for i, value in enumerate(values):
            if value is not None:
                canvas.circle(self.x(i), self.y(value), 2.6, stroke=0, fill=1)

    def _legend(self, canvas) -> None:
        top = self.height - 8
        x = LEFT
        for name, ink, dashed in ((self.names[0], BEFORE_INK, True),
                                  (self.names[1], AFTER_INK, False)):
            canvas.setStrokeColor(ink)
            canvas.setLineWidth(1.6)
            canvas.setDash(4, 3) if dashed else canvas.setDash()
            canvas.line(x, top + 3, x + 22, top + 3)
            canvas.setDash()
            canvas.setFillColor(HexColor("#2f3e4e"))
            shown = fit_line(name, 160, LABEL_PT + 1)
            draw_text(canvas, x + 27, top, shown, LABEL_PT + 1)
            x += 200
