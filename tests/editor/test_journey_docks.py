"""The moments-of-truth list, the health check and the segments & paths dock, used by hand."""
from __future__ import annotations

from PySide6.QtCore import Qt

from editor.canvas.context_menu import build_context_menu
from editor.panels.journey_docks import HealthDock, MomentsOfTruthDock
from editor.panels.segments_dock import SegmentsPathsDock
from model import CardKind


def entries(dock) -> list[str]:
    return [dock.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(dock.list.count())]


def test_moments_of_truth_list_in_journey_order_and_click_selects(canvas, qtbot):
    document, scene, view = canvas
    dock = MomentsOfTruthDock()
    qtbot.addWidget(dock)
    dock.set_scene(scene, view)  # the list is read a slice at a time
    qtbot.waitUntil(lambda: entries(dock) == ["c"])
    document.controller.add_card(CardKind.MOMENT_OF_TRUTH, "s3", "tp", title="Renewal call")
    qtbot.waitUntil(lambda: len(entries(dock)) == 2)
    new_id = entries(dock)[1]
    assert document.journey.card(new_id).title == "Renewal call"
    dock.list.itemClicked.emit(dock.list.item(1))
    assert scene.selected_card_ids() == [new_id]


def test_health_check_lists_findings_and_follows_edits(canvas, qtbot):
    document, scene, view = canvas
    dock = HealthDock()
    qtbot.addWidget(dock)
    dock.set_scene(scene, view)
    qtbot.waitUntil(lambda: "s3" in entries(dock))  # no way in: unreachable from the first stage
    ids = entries(dock)
    assert "e" in ids  # the pain point has no idea
    idea = document.controller.add_card(CardKind.IDEA, "s2", "pain", title="Fix it")
    document.controller.add_link(idea, "e")
    qtbot.waitUntil(lambda: not dock.reading() and "e" not in entries(dock))
    dock.list.itemClicked.emit(dock.list.item(ids.index("s3")))
    assert scene.selected_ids() == ["s3"]


def test_context_menu_links_an_idea_to_a_pain_point(canvas):
    document, scene, view = canvas
    idea = document.controller.add_card(CardKind.IDEA, "s2", "pain", title="Idea")
    scene.select_element(idea)
    menu = build_context_menu(scene, _qpoint(scene, "s2", "pain"))
    links_menu = [a.menu() for a in menu.actions() if a.menu() is not None][-1]
    action = [a for a in links_menu.actions() if a.text() == "Card E"][0]
    action.trigger()
    assert [(link.source, link.target) for link in document.journey.links()] == [(idea, "e")]
    document.undo_stack.undo()
    assert document.journey.links() == ()


def _qpoint(scene, stage, lane):
    from PySide6.QtCore import QPointF
    return QPointF(*scene.layout.cells[(stage, lane)].center)


def test_segments_dock_adds_renames_filters_and_undoes(canvas, qtbot):
    document, scene, view = canvas
    dock = SegmentsPathsDock()
    qtbot.addWidget(dock)
    dock.set_scene(scene)
    dock.add_segment()
    qtbot.waitUntil(lambda: dock.segments.count() == 1)
    item = dock.segments.item(0)
    item.setText("SMB")
    assert document.journey.segments()[0].name == "SMB"
    segment_id = document.journey.segments()[0].id
    document.controller.update_card("a", segments=(segment_id,))
    qtbot.waitUntil(lambda: dock.segment_filter.count() == 2)
    dock.segment_filter.setCurrentIndex(1)
    assert scene.filters.segment_filter == segment_id
    document.undo_stack.undo()  # untag
    document.undo_stack.undo()  # rename
    assert document.journey.segments()[0].name == "Segment 1"


def test_paths_dock_adds_a_path_from_selected_stages_and_highlights_it(canvas, qtbot):
    document, scene, view = canvas
    dock = SegmentsPathsDock()
    qtbot.addWidget(dock)
    dock.set_scene(scene)
    scene.stage_item("s1").setSelected(True)
    scene.stage_item("s3").setSelected(True)
    dock.add_path()
    assert document.journey.paths()[0].stages == ("s1", "s3")
    qtbot.waitUntil(lambda: dock.path_highlight.count() == 2)
    dock.path_highlight.setCurrentIndex(1)
    assert scene.filters.highlighted_path == document.journey.paths()[0].id
    assert scene.stage_item("s2").opacity() < 0.5
