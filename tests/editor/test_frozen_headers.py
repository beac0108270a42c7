"""Issue 10, item 16: the stage header row and the lane header column stay on screen while the
canvas scrolls (frozen panes), and stay usable: a click on a frozen header selects it.
Item 21: the map's title sits in the top-left corner, which stays too."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from model.layout.appearance import HEADER_FILL, LANE_FILL


@pytest.fixture
def big_canvas(qtbot, template_document):
    """The lifecycle template in a view smaller than the map, shown at 100 %."""
    from editor.canvas.scene import JourneyScene
    from editor.canvas.view import JourneyView

    scene = JourneyScene(template_document.controller)
    view = JourneyView(scene)
    view.resize(800, 500)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    view.horizontalScrollBar().setValue(view.horizontalScrollBar().minimum())
    view.verticalScrollBar().setValue(view.verticalScrollBar().minimum())
    yield template_document, scene, view
    scene.detach()


def wheel(view, qtbot, dx: int = 0, dy: int = 0, modifiers=Qt.KeyboardModifier.NoModifier,
          at: QPoint | None = None) -> None:
    """Turn the wheel over the canvas (negative dy scrolls down, like a hand pulling it)."""
    target = view.childAt(at) if at is not None else view.viewport()
    local = target.mapFrom(view, at) if at is not None else QPoint(400, 300)
    event = QWheelEvent(QPointF(local), QPointF(target.mapToGlobal(local)), QPoint(), QPoint(dx, dy),
                        Qt.MouseButton.NoButton, modifiers, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(target, event)
    qtbot.wait(10)


def screen_colour(view, point: QPoint) -> QColor:
    """The colour the user sees at ``point`` (view coordinates), from the window's pixels."""
    image = view.grab().toImage()
    return image.pixelColor(point)


def click(view, qtbot, point: QPoint) -> None:
    """A click where the window system would deliver it: to the widget under the point."""
    target = view.childAt(point)
    QTest.mouseClick(target, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     target.mapFrom(view, point))
    qtbot.wait(10)


def viewport_top_left(view) -> QPoint:
    return view.viewport().mapTo(view, QPoint(0, 0))


def test_stage_headers_stay_at_the_top_after_scrolling_down(big_canvas, qtbot):
    document, scene, view = big_canvas
    for _ in range(6):
        wheel(view, qtbot, dy=-120)
    assert view.verticalScrollBar().value() > 300  # the headers' natural place is far above
    origin = viewport_top_left(view)
    stage_x = view.mapFromScene(QPointF(scene.layout.stage_headers[document.journey.stage_ids()[1]]
                                        .x + 4, 0)).x()  # inside the header, left of its text
    point = QPoint(origin.x() + stage_x, origin.y() + 60)
    assert screen_colour(view, point).name() == QColor(HEADER_FILL).name()
    click(view, qtbot, point)  # the frozen header is the real one: clicking selects the stage
    assert scene.selected_ids() == [document.journey.stage_ids()[1]]


def test_lane_headers_stay_at_the_left_after_scrolling_right(big_canvas, qtbot):
    document, scene, view = big_canvas
    for _ in range(8):
        wheel(view, qtbot, dx=-120)
    assert view.horizontalScrollBar().value() > 300
    lane_id = document.journey.lane_ids()[0]
    lane_y = view.mapFromScene(QPointF(0, scene.layout.lane_headers[lane_id].center[1])).y()
    point = QPoint(viewport_top_left(view).x() + 60, viewport_top_left(view).y() + lane_y)
    assert screen_colour(view, point).name() == QColor(LANE_FILL).name()
    click(view, qtbot, point)
    assert scene.selected_ids() == [lane_id]


def test_frozen_headers_follow_the_zoom_and_keep_in_line_with_the_columns(big_canvas, qtbot):
    document, scene, view = big_canvas
    wheel(view, qtbot, dy=120, modifiers=Qt.KeyboardModifier.ControlModifier)  # zoom in
    assert view.zoom() > 1.0
    for _ in range(6):
        wheel(view, qtbot, dy=-120)
    for _ in range(3):
        wheel(view, qtbot, dx=-120)
    assert view.frozen.row.isVisible()
    origin = viewport_top_left(view)
    left, _top = view.frozen.covered()
    edges = [view.mapFromScene(QPointF(scene.layout.stage_headers[s].x, 0)).x()
             for s in document.journey.stage_ids()]
    edge = next(x for x in edges if left + 10 < x < view.viewport().width() - 10)
    # On screen, a stage header's left edge is where its column starts below the frozen row:
    # header fill on both sides of the edge, the white column line on it.
    image = view.grab().toImage()
    fill = QColor(HEADER_FILL).name()
    y = origin.y() + 70
    assert image.pixelColor(QPoint(origin.x() + edge + 3, y)).name() == fill
    assert image.pixelColor(QPoint(origin.x() + edge - 3, y)).name() == fill
    assert image.pixelColor(QPoint(origin.x() + edge, y)).name() != fill


def test_a_card_shown_from_elsewhere_is_not_hidden_under_the_headers(big_canvas, qtbot):
    document, scene, view = big_canvas
    last_card = document.journey.card_ids()[-1]
    view.show_element(last_card)
    first_card = document.journey.card_ids()[0]
    view.show_element(first_card)  # back up and left: it must clear the frozen strips
    qtbot.wait(10)
    rect = view.mapFromScene(scene.element_rect(first_card)).boundingRect()
    left, top = view.frozen.covered()
    row_shown = view.frozen.row.isVisible()
    column_shown = view.frozen.column.isVisible()
    assert not column_shown or rect.left() >= left
    assert not row_shown or rect.top() >= top
    assert view.viewport().rect().contains(rect)


def test_the_title_is_in_the_top_left_corner_and_stays_there(big_canvas, qtbot):
    document, scene, view = big_canvas
    title_rect = scene.annotations.title.sceneBoundingRect()
    assert scene.annotations.title.lines and document.journey.title.startswith(
        scene.annotations.title.lines[0].rstrip("…"))
    assert view.mapFromScene(title_rect.topLeft()).x() >= 0  # on screen at the start
    for _ in range(6):
        wheel(view, qtbot, dy=-120)
        wheel(view, qtbot, dx=-120)
    corner = view.childAt(viewport_top_left(view) + QPoint(20, 20))
    assert corner is not view.viewport()
    shown = corner.parentWidget().mapToScene(QPoint(20, 20))
    assert title_rect.contains(shown)  # the corner pane shows the title's place
    document.controller.update_map(title="Renewal workshop")
    assert scene.annotations.title.lines == ["Renewal workshop"]


def test_unscrolled_canvas_has_no_frozen_panes(big_canvas):
    document, scene, view = big_canvas
    assert not any(pane.isVisible() for pane in view.frozen.panes())
    assert scene.views() == [view]  # hidden panes cost the scene nothing
