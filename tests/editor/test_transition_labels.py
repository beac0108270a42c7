"""Transition labels on the canvas are placed like the PDF poster's (model.layout.arcs): no label
over another label, no other arc through a label, and a label follows its arc after an edit."""
from __future__ import annotations

import itertools

import pytest
from PySide6.QtGui import QPainterPath, QPainterPathStroker

from editor.canvas.scene import JourneyScene
from editor.document.document import Document
from model.templates import load_template, template_ids


def labelled(scene: JourneyScene):
    return [item for item in scene.transitions.values() if item.label_text()]


def drawn_label(item):
    """The box the label's white background is painted in (as TransitionItem.paint draws it)."""
    return item.mapRectToScene(item._label_rect())


def stroke(item) -> QPainterPath:
    """The line the arc is painted as (a path's own intersects() tests the area it encloses)."""
    stroker = QPainterPathStroker()
    stroker.setWidth(1.8)  # TransitionItem's pen
    return item.mapToScene(stroker.createStroke(item._path))


@pytest.fixture(params=[(t, lang) for t in template_ids() for lang in ("en", "ja")])
def scene(qtbot, request):
    template, lang = request.param
    document = Document.from_template(template, lang)
    scene = JourneyScene(document.controller)
    yield scene
    scene.detach()


def test_no_label_sits_on_another_or_under_another_arc(scene):
    items = labelled(scene)
    for a, b in itertools.combinations(items, 2):
        assert not drawn_label(a).intersects(drawn_label(b)), (a.label_text(), b.label_text())
    for item, other in itertools.permutations(items, 2):
        assert not stroke(other).intersects(drawn_label(item)), (item.label_text(),
                                                                 other.label_text())


def test_labels_are_placed_again_after_an_edit(qtbot):
    document = Document.from_template("saas-customer-journey", "en")
    scene = JourneyScene(document.controller)
    try:
        transition = next(iter(document.journey.transitions()))
        document.controller.update_transition(transition.id, trigger="A much longer trigger "
                                              "that a facilitator typed during the workshop")
        test_no_label_sits_on_another_or_under_another_arc(scene)
        assert "A much longer" in scene.transitions[transition.id].label_text()
    finally:
        scene.detach()


def test_the_templates_have_transitions_to_label():
    assert any(load_template(t, "en").transitions() for t in template_ids())
