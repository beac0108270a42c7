"""Fixtures for the canvas tests: a real scene and view over a small map, shown offscreen."""
from __future__ import annotations

import pytest
from canvas_helpers import small_map

from editor.document.document import Document
from editor.fonts import register_bundled_fonts


@pytest.fixture
def canvas(qtbot):
    """(document, scene, view) with the view shown at 100 % zoom."""
    from editor.canvas.scene import JourneyScene
    from editor.canvas.view import JourneyView

    register_bundled_fonts()
    document = Document(small_map())
    scene = JourneyScene(document.controller)
    view = JourneyView(scene)
    view.resize(1200, 800)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    view.centerOn(scene.sceneRect().center())
    yield document, scene, view
    scene.detach()




@pytest.fixture
def template_document(qtbot) -> Document:
    """The Japanese lifecycle template, as the docks' tests see a real map."""
    return Document.from_template("saas-cs-lifecycle", "ja")


@pytest.fixture
def template_scene(template_document):
    from editor.canvas.scene import JourneyScene

    scene = JourneyScene(template_document.controller)
    yield scene
    scene.detach()
