"""Helpers for the canvas tests: a small map, scene/viewport coordinates, a mouse drag."""
from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest

from model import Card, CardKind, JourneyMap, Lane, LaneKind, Stage, Transition


def small_map() -> JourneyMap:
    journey = JourneyMap("Workshop", "en")
    for stage_id, name in (("s1", "Onboarding"), ("s2", "Adoption"), ("s3", "Renewal")):
        journey.add_stage(Stage(stage_id, name, overview=f"{name} overview"))
    journey.add_lane(Lane("tp", "Touchpoints", LaneKind.TOUCHPOINTS))
    journey.add_lane(Lane("pain", "Pain points", LaneKind.PAIN_POINTS))
    for card_id, stage, lane, kind in (("a", "s1", "tp", CardKind.TOUCHPOINT),
                                       ("b", "s1", "tp", CardKind.TOUCHPOINT),
                                       ("c", "s1", "tp", CardKind.MOMENT_OF_TRUTH),
                                       ("d", "s2", "tp", CardKind.TOUCHPOINT),
                                       ("e", "s2", "pain", CardKind.PAIN_POINT)):
        journey.add_card(Card(card_id, kind, f"Card {card_id.upper()}"), stage, lane)
    journey.add_transition(Transition("t1", "s1", "s2"))
    return journey


def to_view(view, scene_point) -> QPoint:
    point = scene_point if isinstance(scene_point, QPointF) else QPointF(*scene_point)
    return view.mapFromScene(point)


def drag(view, start, end, modifiers=Qt.KeyboardModifier.NoModifier, steps: int = 6) -> None:
    """Press at ``start``, move in steps, release at ``end`` (scene coordinates), like a hand."""
    viewport = view.viewport()
    a, b = to_view(view, start), to_view(view, end)
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, modifiers, a)
    for i in range(1, steps + 1):
        QTest.mouseMove(viewport, a + (b - a) * i / steps)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, modifiers, b)


def centre_of(rect) -> QPointF:
    return QPointF(*rect.center)


def drop_mime(view, mime, scene_point) -> None:
    """Deliver a drag-and-drop (enter, move, drop) of ``mime`` at a scene point, as a real drag
    from another widget would; QDrag.exec itself blocks, so tests send the events it sends."""
    from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
    from PySide6.QtWidgets import QApplication

    where = to_view(view, scene_point)
    args = (Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(view.viewport(), QDragEnterEvent(where, *args))
    QApplication.sendEvent(view.viewport(), QDragMoveEvent(where, *args))
    QApplication.sendEvent(view.viewport(), QDropEvent(QPointF(where), *args))


def ini_settings(tmp_path, language: str = "en", **values):
    """Settings in a temporary INI file, never the user's, with the UI language and any values."""
    from PySide6.QtCore import QSettings

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("ui/language", language)
    for key, value in values.items():
        settings.setValue(key, value)
    return settings
