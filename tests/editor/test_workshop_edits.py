"""The workshop's user actions through the controller (controller.workshop): each one undo step
with its history text, checked after push, undo and redo; refusals leave map and stack alone;
card edits stamped with who and when (an injected identity and clock)."""
from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from canvas_helpers import small_map

from editor.document.document import Document
from model import CardKind, ModelError

START = datetime(2025, 3, 14, 9, 30, tzinfo=UTC)


class FakeClock:
    def __init__(self) -> None:
        self.moment = START

    def __call__(self) -> datetime:
        return self.moment

    def tick(self, minutes: float = 1) -> None:
        self.moment += timedelta(minutes=minutes)


@pytest.fixture
def document(qapp) -> Document:
    document = Document(small_map())
    document.controller.workshop.clock = FakeClock()
    document.controller.workshop.live_name = lambda: "Aiko"
    return document


@pytest.fixture
def workshop(document):
    return document.controller.workshop


def one_step(document, action, text: str):
    """Run ``action``; check it is one undo step called ``text`` that undo and redo replay
    exactly. Returns what the action returned."""
    stack, journey = document.undo_stack, document.journey
    before, count = journey.to_data(), stack.count()
    result = action()
    after = journey.to_data()
    assert after != before
    assert stack.count() == count + 1 and stack.text(count) == text
    stack.undo()
    assert journey.to_data() == before
    stack.redo()
    assert journey.to_data() == after
    return result


def refused(document, action, words: str) -> None:
    before, count = document.journey.to_data(), document.undo_stack.count()
    with pytest.raises(ModelError, match=words):
        action()
    assert document.journey.to_data() == before and document.undo_stack.count() == count


# ------------------------------------------------------------------ authorship
def test_a_new_card_names_me_and_the_time_and_my_first_edit_adds_me(document, workshop):
    card_id = one_step(document, lambda: document.controller.add_card(
        CardKind.IDEA, "s1", "pain", title="Wizard"), "Add card")
    me = document.journey.participant_named("Aiko")
    card = document.journey.card(card_id)
    assert (card.created_by, card.created_at) == (me.id, "2025-03-14T09:30:00+00:00")
    document.undo_stack.undo()  # the step that added me takes me out again
    assert document.journey.participants() == ()


def test_an_edit_stamps_who_and_when_and_typing_stays_one_step(document, workshop):
    workshop.clock.tick(5)
    controller = document.controller
    controller.update_card("a", mergeable=True, title="C")
    controller.update_card("a", mergeable=True, title="Ch")
    controller.update_card("a", mergeable=True, title="Chat")
    assert document.undo_stack.count() == 1
    assert document.undo_stack.text(0) == "Edit title of \"Card A\""
    card = document.journey.card("a")
    assert card.edited_by == workshop.me() and card.edited_at == "2025-03-14T09:35:00+00:00"
    controller.update_cards({"b": {"owner": "CS"}, "c": {"owner": "CS"}})
    assert {document.journey.card(c).edited_by for c in "bc"} == {workshop.me()}
    document.undo_stack.undo()
    document.undo_stack.undo()
    assert document.journey.card("a").edited_by == "" and document.journey.participants() == ()


def test_my_name_comes_from_the_live_session_else_the_setting_else_the_system(document, workshop):
    from editor.settings import KEY_LIVE_NAME, app_settings
    assert workshop.my_name() == "Aiko"
    workshop.live_name = None
    settings = app_settings()
    settings.setValue(KEY_LIVE_NAME, "Ken")
    try:
        assert workshop.my_name() == "Ken"
        settings.remove(KEY_LIVE_NAME)
        assert workshop.my_name()  # the OS user name
    finally:
        settings.remove(KEY_LIVE_NAME)


def test_a_refused_edit_does_not_add_me_either(document):
    refused(document, lambda: document.controller.update_card("a", colour="red"), "colour")
    assert document.journey.participants() == ()


# ------------------------------------------------------------------ votes
def test_a_vote_start_dots_within_the_budget_stop_and_reveal(document, workshop):
    journey = document.journey
    ken = workshop.add_participant("Ken")
    one_step(document, lambda: workshop.start_vote(2, kinds=("pain_point", "touchpoint"),
                                                   max_per_card=1), "Start vote")
    assert journey.vote_round().active and journey.vote_round().dots_per_participant == 2
    one_step(document, lambda: workshop.add_dot("e", ken), "Add dot to \"Card E\"")
    refused(document, lambda: workshop.add_dot("e", ken), "at most 1 dots one person")
    refused(document, lambda: workshop.add_dot("c"), "moment_of_truth card")
    workshop.add_dot("a", ken)
    refused(document, lambda: workshop.add_dot("b", ken), "Ken has used all 2 dots")
    assert journey.remaining_dots(ken) == 0 and journey.card("e").votes == 1
    workshop.add_dot("e")  # mine: I join the participants in the same step
    aiko = journey.participant_named("Aiko").id
    assert dict(journey.card("e").dots) == {aiko: 1, ken: 1}
    one_step(document, lambda: workshop.remove_dot("a", ken), "Remove dot from \"Card A\"")
    one_step(document, workshop.reveal_votes, "Reveal votes")
    one_step(document, workshop.stop_vote, "Stop vote")
    vote = journey.vote_round()
    assert not vote.active and vote.revealed and vote.ended_at == "2025-03-14T09:30:00+00:00"
    refused(document, lambda: workshop.add_dot("e", ken), "no vote is running")
    refused(document, workshop.stop_vote, "no vote is running")


def test_a_new_vote_may_clear_the_dots_of_the_last_one(document, workshop):
    ken = workshop.add_participant("Ken")
    document.controller.update_card("e", votes=3)  # counted by hand: kept, unattributed
    workshop.start_vote(3)
    workshop.add_dot("e", ken)
    workshop.stop_vote()
    one_step(document, lambda: workshop.start_vote(3, clear=True), "Start vote")
    card = document.journey.card("e")
    assert card.votes == 3 and card.dots == {}


def test_a_redone_dot_is_checked_again_and_skipped_when_the_budget_is_gone(document, workshop):
    ken = workshop.add_participant("Ken")
    workshop.start_vote(1)
    workshop.add_dot("a", ken)
    document.undo_stack.undo()
    document.journey.set_dots("b", ken, 1)  # as if Ken voted elsewhere meanwhile (a merge)
    skipped = []
    document.controller.step_skipped.connect(skipped.append)
    document.undo_stack.redo()
    assert skipped and "Ken has used all 1 dots" in skipped[0]
    assert document.journey.card("a").votes == 0


# ------------------------------------------------------------------ private round
def test_a_private_round_hides_new_cards_until_the_reveal(document, workshop):
    journey, controller = document.journey, document.controller
    one_step(document, workshop.start_private_round, "Start private round")
    first = controller.add_card(CardKind.IDEA, "s1", "pain", title="Mine")
    second = controller.add_card(CardKind.IDEA, "s2", "pain", title="Also mine")
    assert journey.private_card_ids() == (first, second)
    revealed = one_step(document, workshop.reveal_private_cards, "Reveal private cards")
    assert revealed == (first, second)
    assert journey.private_card_ids() == () and not journey.private_round().active
    document.undo_stack.undo()
    assert journey.private_card_ids() == (first, second) and journey.private_round().active
    document.undo_stack.redo()
    assert workshop.reveal_private_cards() == ()  # nothing left: no step
    assert document.undo_stack.text(document.undo_stack.count() - 1) == "Reveal private cards"


def test_ending_the_round_keeps_its_cards_hidden(document, workshop):
    workshop.start_private_round()
    card = document.controller.add_card(CardKind.NOTE, "s1", "tp", title="Quiet")
    one_step(document, workshop.end_private_round, "End private round")
    later = document.controller.add_card(CardKind.NOTE, "s1", "tp", title="Loud")
    assert document.journey.private_card_ids() == (card,)
    assert not document.journey.card(later).private


# ------------------------------------------------------------------ comments
def test_comments_replies_edits_resolving_and_deleting(document, workshop):
    journey = document.journey
    first = one_step(document, lambda: workshop.add_comment("e", "Seen twice"),
                     "Comment on \"Card E\"")
    workshop.clock.tick()
    reply = one_step(document, lambda: workshop.reply(first, "Fixed in 2.1"), "Reply to comment")
    workshop.clock.tick()
    again = workshop.reply(reply, "Thanks")  # a reply to a reply joins the thread
    assert journey.comment(again).parent == first
    comment = journey.comment(first)
    assert comment.author == workshop.me() and comment.created_at == "2025-03-14T09:30:00+00:00"
    one_step(document, lambda: workshop.edit_comment(first, "Seen three times"), "Edit comment")
    assert journey.comment(first).edited_at == "2025-03-14T09:32:00+00:00"
    one_step(document, lambda: workshop.resolve_comment(reply), "Resolve comment")
    one_step(document, lambda: workshop.resolve_comment(reply, False), "Reopen comment")
    one_step(document, lambda: workshop.delete_comment(first), "Delete comment")
    assert journey.comments() == ()
    document.undo_stack.undo()
    assert [c.id for c in journey.comments("e")] == [first, reply, again]


def test_deleting_a_card_deletes_its_comments_and_undo_brings_them_back(document, workshop):
    workshop.add_comment("e", "Seen twice")
    one_step(document, lambda: document.controller.remove(["e"]), "Delete")


# ------------------------------------------------------------------ parking lot
def test_the_parking_lot_and_turning_an_item_into_a_card(document, workshop):
    journey = document.journey
    first = one_step(document, lambda: workshop.park("Pricing page"), "Park \"Pricing page\"")
    second = workshop.park("Invoices")
    one_step(document, lambda: workshop.edit_parking_item(first, "Pricing"),
             "Edit parking-lot item")
    one_step(document, lambda: workshop.move_parking_item(second, 0), "Move parking-lot item")
    assert [i.id for i in journey.parking_items()] == [second, first]
    card_id = one_step(document, lambda: workshop.parking_item_to_card(first, "s2", "pain", "idea"),
                       "Turn \"Pricing\" into a card")
    card = journey.card(card_id)
    assert card.title == "Pricing" and card.kind == CardKind.IDEA
    assert card.created_by == workshop.me() and journey.card_place(card_id).stage == "s2"
    assert [i.id for i in journey.parking_items()] == [second]
    one_step(document, lambda: workshop.remove_parking_item(second), "Remove parking-lot item")


def test_participants_are_added_renamed_and_removed_when_unused(document, workshop):
    ken = one_step(document, lambda: workshop.add_participant("Ken"), "Add participant Ken")
    one_step(document, lambda: workshop.update_participant(ken, name="Kenji"),
             "Edit participant Ken")
    workshop.start_vote(3)
    workshop.add_dot("e", ken)
    refused(document, lambda: workshop.remove_participant(ken), "Kenji.*cannot be removed: 1 card")
    workshop.remove_dot("e", ken)
    one_step(document, lambda: workshop.remove_participant(ken), "Remove participant Kenji")
