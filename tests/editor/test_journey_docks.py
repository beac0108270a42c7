"""The moments-of-truth list, the health check and the segments & paths dock, used by hand."""
from __future__ import annotations

import random

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

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


# ------------------------------------------------------------------ following one card (issue 12)
def shown_rows(dock) -> list[tuple[str, str, str]]:
    items = (dock.list.item(i) for i in range(dock.list.count()))
    return [(item.text(), item.data(Qt.ItemDataRole.UserRole), item.toolTip()) for item in items]


@pytest.fixture
def generated_docks(qtbot):
    """(document, scene, moments dock, health dock, read) on a 600-card generated map; ``read()``
    is what freshly made docks list for the map as it is now."""
    from editor.canvas.scene import JourneyScene
    from editor.document.document import Document
    from editor.fonts import register_bundled_fonts
    from tests.model.generated_maps import generated_map

    register_bundled_fonts()
    document = Document(generated_map(600, seed=3))
    scene = JourneyScene(document.controller)
    docks = [MomentsOfTruthDock(), HealthDock()]
    for dock in docks:
        qtbot.addWidget(dock)
        dock.set_scene(scene, None)
        dock.refresh()

    def read():
        fresh = [type(dock)() for dock in docks]
        for dock in fresh:
            dock.scene = scene
            dock.refresh()
        return [shown_rows(dock) for dock in fresh]
    yield document, scene, *docks, read
    for dock in docks:
        dock.detach()
    scene.detach()


def test_docks_follow_random_card_edits_exactly_without_reading_the_map(generated_docks):
    """Random card edits, moves, additions, deletions and their undos: after each, both lists
    are what a fresh read of the map lists, and neither was read again."""
    document, scene, moments, health, read = generated_docks
    rng, controller, journey = random.Random(5), document.controller, document.journey
    kinds = [CardKind.MOMENT_OF_TRUTH, CardKind.PAIN_POINT, CardKind.TOUCHPOINT, CardKind.IDEA]
    for step in range(60):
        card = rng.choice(journey.card_ids())
        roll = rng.randrange(6)
        if roll == 0:
            controller.update_card(card, title=f"retitled {step}")
        elif roll == 1:
            controller.update_card(card, kind=rng.choice(kinds), owner=rng.choice(("", "Aki")))
        elif roll == 2:
            controller.move_cards([card], rng.choice(journey.stage_ids()), "l0", 0)
        elif roll == 3:
            controller.add_card(rng.choice(kinds), rng.choice(journey.stage_ids()), "l2", 0,
                                title=f"new {step}")
        elif roll == 4:
            controller.remove([card])
        else:
            document.undo_stack.undo()
        QApplication.processEvents()
        assert not (moments.reading() or health.reading() or moments._refresh_timer.isActive()
                    or health._refresh_timer.isActive()), f"step {step} read the map again"
        assert [shown_rows(moments), shown_rows(health)] == read(), f"step {step}"
    assert moments.followed > 60 and health.followed > 60


def test_a_link_and_a_stage_rename_are_followed_too(generated_docks, qtbot):
    document, scene, moments, health, read = generated_docks
    journey = document.journey
    pain = next(c for c in journey.card_ids() if journey.card(c).kind == CardKind.PAIN_POINT)
    idea = next(c for c in journey.card_ids() if journey.card(c).kind == CardKind.IDEA)
    document.controller.add_link(idea, pain)  # followed: the pain point's finding goes
    assert pain not in [row[1] for row in shown_rows(health)] and not health.reading()
    assert shown_rows(health) == read()[1]
    document.undo_stack.undo()  # a link gone (from which card?): read again
    document.controller.update_stage(journey.stage_ids()[0], name="新しい名前")
    qtbot.waitUntil(lambda: not (health.reading() or health._refresh_timer.isActive()
                                 or moments.reading() or moments._refresh_timer.isActive()))
    assert [shown_rows(moments), shown_rows(health)] == read()


def test_one_edit_makes_the_docks_look_at_one_card(generated_docks, monkeypatch):
    """A title edit, a move, a deletion and its undo: each dock makes the entries of the card
    edited (and looks at its stages' touchpoints), never reads the map's list again."""
    import editor.panels.journey_docks as docks
    from tests.editor.test_incremental_updates import Counter

    document, scene, moments, health, _read = generated_docks
    journey = document.journey
    read = Counter(monkeypatch)
    for watched in ("_card_entries", "_entries", "refresh_later"):
        read.watch(docks.MomentsOfTruthDock, watched)
        read.watch(docks.HealthDock, watched)
    card = next(c for c in journey.card_ids() if journey.card(c).kind == CardKind.MOMENT_OF_TRUTH)
    document.controller.update_card(card, title="renamed")
    document.controller.move_cards([card], "s5", "l0", 0)
    document.controller.remove([card])
    document.undo_stack.undo()
    QApplication.processEvents()
    assert read["_entries"] == read["refresh_later"] == 0
    # One card, two docks, four edits (a move also stamps its editor: a second event); a read
    # again would make the entries of all 600 cards.
    assert read["_card_entries"] <= 2 * 4 * 2
