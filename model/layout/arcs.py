"""Where transition labels go so that no two overlap and no arc runs through a label. Pure Python.

model.layout.grid.transition_arc gives each transition its arc (skip and back arcs at heights of
their own, by span and direction); this module places the labels on top of them. Each label is
tried at points along its own arc (the middle first), on the arc and just above or below it; the
first place whose box meets no other arc and no label placed before it wins. Labels of short arcs
go first: they have the least room. A label that fits nowhere keeps the middle of its arc and is
reported as crowded, so a caller can shorten it. Used by the PDF poster and the slides; the canvas
can call it the same way.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from model.layout.grid import ARC_BAND_HEIGHT, ArcGeometry, Rect

Point = tuple[float, float]
SAMPLES = 24  # segments per arc when testing what it crosses
ALONG = (0.5, 0.42, 0.58, 0.34, 0.66, 0.26, 0.74, 0.18, 0.82)
GAP = 1.5  # between a label and an arc it must not touch
LABEL_SHARES = (1.0, 0.7, 0.5, 0.33)  # of its arc's width, tried in turn for a crowded label


@dataclass(frozen=True)
class ArcLabel:
    key: str
    arc: ArcGeometry
    width: float
    height: float


@dataclass(frozen=True)
class PlacedLabel:
    key: str
    rect: Rect  # layout units
    crowded: bool = False  # no free place was found: it sits on its arc's middle

    @property
    def center(self) -> Point:
        return self.rect.center


def arc_point(arc: ArcGeometry, t: float) -> Point:
    """The point at ``t`` (0..1) along the quadratic arc."""
    u = 1 - t
    return (u * u * arc.start[0] + 2 * u * t * arc.control[0] + t * t * arc.end[0],
            u * u * arc.start[1] + 2 * u * t * arc.control[1] + t * t * arc.end[1])


def arc_polyline(arc: ArcGeometry, steps: int = SAMPLES) -> list[Point]:
    return [arc_point(arc, i / steps) for i in range(steps + 1)]


def place_arc_labels(labels: Sequence[ArcLabel]) -> dict[str, PlacedLabel]:
    """A place for each label (by key), none overlapping another or crossed by another arc."""
    lines = {label.key: arc_polyline(label.arc) for label in labels}
    placed: dict[str, PlacedLabel] = {}
    order = sorted(labels, key=lambda label: abs(label.arc.end[0] - label.arc.start[0]))
    for label in order:
        others = [line for key, line in lines.items() if key != label.key]
        placed[label.key] = _place(label, others, [p.rect for p in placed.values()])
    return placed


def place_shrinking_labels(arcs: Mapping[str, ArcGeometry], fit: Callable[[str, float], float],
                           height: float) -> dict[str, PlacedLabel]:
    """Place every arc's label; a label that finds no free place is given less room (a smaller
    share of its arc's width, LABEL_SHARES) and all are placed again. ``fit(key, room)`` is the
    width of that arc's label cut to ``room`` (0: it has no label). The canvas and the PDF
    poster place their labels with it."""
    share = dict.fromkeys(arcs, 1.0)
    placed: dict[str, PlacedLabel] = {}
    for _ in LABEL_SHARES:
        widths = {key: fit(key, max(arc_span(arc) * share[key] - 16, 40)) for key, arc in arcs.items()}
        placed = place_arc_labels([ArcLabel(key, arcs[key], width, height)
                                   for key, width in widths.items() if width > 0])
        crowded = [key for key, label in placed.items() if label.crowded]
        if not crowded or all(share[key] == LABEL_SHARES[-1] for key in crowded):
            break
        for key in crowded:
            share[key] = next((s for s in LABEL_SHARES if s < share[key]), LABEL_SHARES[-1])
    return placed


def arc_span(arc: ArcGeometry) -> float:
    return abs(arc.end[0] - arc.start[0])


def _place(label: ArcLabel, other_arcs: list[list[Point]], taken: list[Rect]) -> PlacedLabel:
    w, h = label.width, label.height
    for t in ALONG:
        x, y = arc_point(label.arc, t)
        for dy in (0.0, -(h / 2 + GAP), h / 2 + GAP):
            rect = Rect(x - w / 2, y + dy - h / 2, w, h)
            if rect.y >= 0 and rect.bottom <= ARC_BAND_HEIGHT and _free(rect, other_arcs, taken):
                return PlacedLabel(label.key, rect)
    x, y = arc_point(label.arc, 0.5)
    return PlacedLabel(label.key, Rect(x - w / 2, y - h / 2, w, h), crowded=True)


def _free(rect: Rect, other_arcs: Iterable[list[Point]], taken: Iterable[Rect]) -> bool:
    grown = Rect(rect.x - GAP, rect.y - GAP, rect.w + 2 * GAP, rect.h + 2 * GAP)
    if any(_overlap(grown, other) for other in taken):
        return False
    return not any(_crosses(line, grown) for line in other_arcs)


def _overlap(a: Rect, b: Rect) -> bool:
    return a.x < b.right and b.x < a.right and a.y < b.bottom and b.y < a.bottom


def _crosses(line: list[Point], rect: Rect) -> bool:
    """Whether the polyline enters the rectangle (any segment meets it)."""
    return any(_segment_meets(a, b, rect) for a, b in zip(line, line[1:], strict=False))


def _segment_meets(a: Point, b: Point, rect: Rect) -> bool:
    """Liang-Barsky clipping: the segment a-b meets the rectangle."""
    t0, t1 = 0.0, 1.0
    dx, dy = b[0] - a[0], b[1] - a[1]
    for p, q in ((-dx, a[0] - rect.x), (dx, rect.right - a[0]), (-dy, a[1] - rect.y),
                 (dy, rect.bottom - a[1])):
        if p == 0:
            if q < 0:
                return False
            continue
        r = q / p
        if p < 0:
            t0 = max(t0, r)
        else:
            t1 = min(t1, r)
        if t0 > t1:
            return False
    return True
