"""Stage descriptions (and long card details) as tooltips wrap and stay on the screen
(issue 10, item 10)."""
from __future__ import annotations

from canvas_helpers import centre_of, to_view
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

# One line of each is narrower than the test screen (800 px) but far wider than a readable
# tooltip: Qt wraps plain text only when it is wider than the whole screen.
MEDIUM_EN = ("Onboarding: the customer gets a first small success with the product and learns "
             "where to ask.")
MEDIUM_JA = "導入の段階では、顧客が製品で最初の小さな成功を体験し、どこに質問すればよいかを知る。"
LONG_EN = MEDIUM_EN * 8
READABLE_WIDTH = 480


def tooltip_at(view, scene_point):
    viewport = view.viewport()
    at = to_view(view, scene_point)
    QApplication.sendEvent(viewport, QHelpEvent(QHelpEvent.Type.ToolTip, at,
                                                 viewport.mapToGlobal(at)))
    assert QToolTip.isVisible()
    return next(w for w in QApplication.topLevelWidgets()
                if w.isVisible() and w.metaObject().className() == "QTipLabel")


def assert_wrapped_on_screen(label, view) -> None:
    assert label.width() <= READABLE_WIDTH
    # Qt places the tip before its last resize, which can add a pixel or two of frame.
    screen = view.screen().availableGeometry().adjusted(-3, -3, 3, 3)
    assert screen.contains(label.geometry())


def test_stage_overview_tooltips_wrap_on_screen(canvas):
    document, scene, view = canvas
    for text in (MEDIUM_EN, MEDIUM_JA, LONG_EN):
        document.controller.update_stage("s3", overview=text)
        header = scene.layout.stage_headers["s3"]
        label = tooltip_at(view, centre_of(header))
        assert label.text().count("customer") == text.count("customer")  # the whole text
        assert label.height() > label.fontMetrics().height() * 1.5  # on more than one line
        assert_wrapped_on_screen(label, view)
        QToolTip.hideText()


def test_long_card_details_wrap_too(canvas):
    document, scene, view = canvas
    document.controller.update_card("d", details=LONG_EN + "<b>not bold</b>")
    label = tooltip_at(view, centre_of(scene.layout.cards["d"].rect))
    assert "<b>not bold</b>" in label.text().replace("&lt;", "<").replace("&gt;", ">")
    assert_wrapped_on_screen(label, view)
    QToolTip.hideText()
