"""Fixtures for the canvas tests: a real scene and view over a small map, shown offscreen; scenes
and main windows over given maps (``scene_of``, ``window_of``: the cost-structure tests)."""
from __future__ import annotations

import pytest
from canvas_helpers import ini_settings, small_map
from PySide6.QtGui import QUndoStack

from editor.document.controller import EditController
from editor.document.document import Document
from editor.fonts import register_bundled_fonts
from editor.window.mainwindow import MainWindow
from model import JourneyMap


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


@pytest.fixture
def scene_of(qtbot):
    """Scenes over given maps (a bare scene, no window), detached at the end."""
    from editor.canvas.scene import JourneyScene

    register_bundled_fonts()
    scenes = []

    def build(journey: JourneyMap):
        scenes.append(JourneyScene(EditController(journey, QUndoStack())))
        return scenes[-1]

    yield build
    for scene in scenes:
        scene.detach()


@pytest.fixture
def window_of(qtbot, tmp_path):
    """Main windows over given maps, shown at 1400 × 900, closed at the end."""
    windows = []

    def build(journey: JourneyMap) -> MainWindow:
        windows.append(MainWindow(Document(journey), ini_settings(tmp_path, "en")))
        windows[-1].resize(1400, 900)
        windows[-1].show()
        qtbot.waitExposed(windows[-1])
        return windows[-1]

    yield build
    for window in windows:
        window.document.undo_stack.setClean()
        window.close()
        window.deleteLater()
