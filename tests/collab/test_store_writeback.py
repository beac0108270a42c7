"""collab.store: the file written back by a served session, and the restart's check that the
file is still the one the session wrote (a kill may land between any two steps of a write)."""
from __future__ import annotations

import pytest

import collab.store as store
from collab.store import FileWriteBack, StoreConflict, check_file_unchanged, read_facts
from model import Card
from model.fileformat import save_journey
from model.templates import load_template


class Killed(BaseException):
    """Stands for SIGKILL: nothing after it runs."""


def served_map(tmp_path):
    journey = load_template("saas-customer-journey", "en")
    path = tmp_path / "workshop.journey"
    save_journey(journey, path)
    store_path, facts_path = store.store_paths(path)
    writer = FileWriteBack(journey, path, facts_path, {"room": "r"})
    assert writer.write()
    return journey, path, store_path, facts_path, writer


def add_card(journey, card_id):
    journey.add_card(Card(card_id, title=card_id), journey.stage_ids()[0], journey.lane_ids()[0])


@pytest.mark.parametrize("facts_write_killed", [1, 2])
def test_a_kill_in_the_middle_of_a_write_back_is_not_taken_for_an_outside_edit(
        tmp_path, monkeypatch, facts_write_killed):
    journey, path, store_path, facts_path, writer = served_map(tmp_path)
    add_card(journey, "late")
    real_write_facts, calls = store.write_facts, []

    def dies_on_the_chosen_call(*args):
        calls.append(args)
        if len(calls) == facts_write_killed:
            raise Killed
        real_write_facts(*args)

    monkeypatch.setattr(store, "write_facts", dies_on_the_chosen_call)
    with pytest.raises(Killed):
        writer.write()
    check_file_unchanged(path, read_facts(facts_path), store_path)  # the restart accepts it


def test_a_file_edited_outside_the_session_is_refused(tmp_path):
    journey, path, store_path, facts_path, writer = served_map(tmp_path)
    add_card(journey, "served")
    assert writer.write()
    outside = load_template("saas-customer-journey", "en")
    add_card(outside, "edited offline")
    save_journey(outside, path)
    with pytest.raises(StoreConflict, match="was changed since the live session"):
        check_file_unchanged(path, read_facts(facts_path), store_path)
