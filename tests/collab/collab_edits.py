"""Random edits of a journey map as a person makes them, for the convergence tests. Qt-free.

An edit is a tuple of small integers (hypothesis shrinks them well); ``apply_edit`` reads them
modulo what the map holds now, so every edit is meaningful on any map. Each peer records the
cards it added and the cards its own edits deleted (directly or with their stage or lane):
after a merge, every card added by anyone and deleted by no one must still be there.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from hypothesis import strategies as st

from model import (
    Card,
    CardLink,
    Comment,
    JourneyMap,
    JourneyPath,
    Lane,
    ModelError,
    ParkingItem,
    Participant,
    Segment,
    Stage,
    Transition,
    VoteRound,
)

EDIT_KINDS = ("add_card", "add_card", "move_card", "move_card", "edit_card", "vote", "delete_card",
              "add_stage", "move_stage", "rename_stage", "delete_stage", "add_lane", "move_lane",
              "delete_lane", "add_transition", "delete_transition", "emotion", "add_link",
              "delete_link", "add_segment", "tag_card", "delete_segment", "add_path",
              "retitle_map",
              # the workshop's (issue 14)
              "add_participant", "vote_round", "dot", "dot", "comment", "reply", "edit_comment",
              "delete_comment", "park", "move_parked", "parked_to_card", "private", "stamp")
edits = st.tuples(st.integers(0, len(EDIT_KINDS) - 1), st.integers(0, 50), st.integers(0, 50),
                  st.integers(0, 50))


@dataclass
class Ledger:
    """Cards each peer added and deleted (from its own local events)."""

    added: set[str] = field(default_factory=set)
    deleted: set[str] = field(default_factory=set)
    comments_added: dict[str, tuple[str, str]] = field(default_factory=dict)  # id -> card, parent
    comments_deleted: set[str] = field(default_factory=set)

    def listen(self, engine) -> None:
        def on_event(event):
            if engine.applying_remote:
                return
            if event.type == "card_added":
                self.added.add(event.card_id)
            if event.type == "comment_added":
                comment = engine.journey.comment(event.comment_id)
                self.comments_added[comment.id] = (comment.card, comment.parent)
            if event.type.endswith("_removed"):
                self.deleted.update(event.payload.get("card_ids", ()))
                self.comments_deleted.update(event.payload.get("comment_ids", ()))
            if event.type == "comment_removed":
                self.comments_deleted.add(event.comment_id)
        engine.journey.events.connect(on_event)


def _pick(items, index):
    return items[index % len(items)] if items else None


def apply_edit(journey: JourneyMap, peer: str, serial: int, edit: tuple[int, int, int, int]) -> None:
    """One edit; an edit the map refuses (ModelError) changes nothing, as in the editor."""
    kind, a, b, c = EDIT_KINDS[edit[0]], edit[1], edit[2], edit[3]
    new_id = f"{peer}-{serial}"
    stages, lanes, cards = journey.stage_ids(), journey.lane_ids(), journey.card_ids()
    try:
        _EDITS[kind](journey, new_id, stages, lanes, cards, a, b, c)
    except ModelError:
        pass


def _add_card(j, new_id, stages, lanes, cards, a, b, c):
    stage, lane = _pick(stages, a), _pick(lanes, b)
    if stage and lane:
        j.add_card(Card(new_id, title=f"note {new_id}"), stage, lane,
                   c % (len(j.cell_card_ids(stage, lane)) + 1))


def _move_card(j, new_id, stages, lanes, cards, a, b, c):
    card = _pick(cards, a)
    if card:
        stage, lane = _pick(stages, b), _pick(lanes, c)
        place = j.card_place(card)
        size = len(j.cell_card_ids(stage, lane)) - ((place.stage, place.lane) == (stage, lane))
        j.move_card(card, stage, lane, (a + c) % (size + 1))


def _edit_card(j, new_id, stages, lanes, cards, a, b, c):
    card = _pick(cards, a)
    if card:
        field_name = ("title", "details", "owner")[b % 3]
        j.update_card(card, **{field_name: f"{field_name} {new_id}"})


def _vote(j, new_id, stages, lanes, cards, a, b, c):
    card = _pick(cards, a)
    if card:
        j.update_card(card, votes=j.card(card).votes + 1)


def _delete_card(j, new_id, stages, lanes, cards, a, b, c):
    if cards:
        j.remove_card(_pick(cards, a))


def _add_stage(j, new_id, stages, lanes, cards, a, b, c):
    j.add_stage(Stage(new_id, f"stage {new_id}"), a % (len(stages) + 1))


def _move_stage(j, new_id, stages, lanes, cards, a, b, c):
    if stages:
        j.move_stage(_pick(stages, a), b % len(stages))


def _rename_stage(j, new_id, stages, lanes, cards, a, b, c):
    if stages:
        j.update_stage(_pick(stages, a), name=f"renamed {new_id}")


def _delete_stage(j, new_id, stages, lanes, cards, a, b, c):
    if len(stages) > 1 and b % 3 == 0:  # rarer: a deleted stage takes its cards along
        j.remove_stage(_pick(stages, a))


def _add_lane(j, new_id, stages, lanes, cards, a, b, c):
    j.add_lane(Lane(new_id, f"lane {new_id}"), a % (len(lanes) + 1))


def _move_lane(j, new_id, stages, lanes, cards, a, b, c):
    if lanes:
        j.move_lane(_pick(lanes, a), b % len(lanes))


def _delete_lane(j, new_id, stages, lanes, cards, a, b, c):
    if len(lanes) > 1 and b % 3 == 0:
        j.remove_lane(_pick(lanes, a))


def _add_transition(j, new_id, stages, lanes, cards, a, b, c):
    if len(stages) > 1:
        j.add_transition(Transition(new_id, _pick(stages, a), _pick(stages, b), trigger="t"))


def _delete_transition(j, new_id, stages, lanes, cards, a, b, c):
    transitions = j.transitions()
    if transitions:
        j.remove_transition(_pick(transitions, a).id)


def _emotion(j, new_id, stages, lanes, cards, a, b, c):
    if stages:
        j.update_stage(_pick(stages, a), emotions={"": (b % 9 - 4) / 2})


def _add_link(j, new_id, stages, lanes, cards, a, b, c):
    if len(cards) > 1:
        j.add_link(CardLink(new_id, _pick(cards, a), _pick(cards, b)))


def _delete_link(j, new_id, stages, lanes, cards, a, b, c):
    links = j.links()
    if links:
        j.remove_link(_pick(links, a).id)


def _add_segment(j, new_id, stages, lanes, cards, a, b, c):
    j.add_segment(Segment(new_id, f"segment {new_id}"))


def _tag_card(j, new_id, stages, lanes, cards, a, b, c):
    segments = [s.id for s in j.segments()]
    card = _pick(cards, a)
    if card and segments:
        tags = set(j.card(card).segments) ^ {_pick(segments, b)}
        j.update_card(card, segments=tuple(sorted(tags)))


def _delete_segment(j, new_id, stages, lanes, cards, a, b, c):
    segments = j.segments()
    if segments and b % 2 == 0:
        j.remove_segment(_pick(segments, a).id)


def _add_path(j, new_id, stages, lanes, cards, a, b, c):
    if stages:
        j.add_path(JourneyPath(new_id, f"path {new_id}", (_pick(stages, a), _pick(stages, b))))


def _retitle_map(j, new_id, stages, lanes, cards, a, b, c):
    j.set_fields(title=f"map {new_id}")


# ----------------------------------------------------------------------------- the workshop's
def _time(a: int) -> str:
    return f"2025-03-14T09:{a % 60:02d}:00+00:00"


def _person(j, index):
    return _pick([p.id for p in j.participants()], index) or ""


def _add_participant(j, new_id, stages, lanes, cards, a, b, c):
    j.add_participant(Participant(new_id, f"person {new_id}"))


def _vote_round(j, new_id, stages, lanes, cards, a, b, c):
    if a % 3:  # start (or change) a vote with small budgets, so concurrent dots exceed them
        j.set_vote_round(VoteRound(True, 1 + b % 3, ("note", "pain_point", "idea")[:c % 4],
                                   c % 3, started_at=_time(a)))
    else:
        j.set_vote_round(dataclasses.replace(j.vote_round(), active=False, ended_at=_time(a)))


def _dot(j, new_id, stages, lanes, cards, a, b, c):
    card, person = _pick(cards, a), _person(j, b)
    if card and person:  # as the controller does: within the rules of the running vote
        (j.remove_dot if c % 4 == 0 else j.add_dot)(card, person)


def _comment(j, new_id, stages, lanes, cards, a, b, c):
    card = _pick(cards, a)
    if card:
        j.add_comment(Comment(new_id, card, f"comment {new_id}", _person(j, b), _time(c)))


def _reply(j, new_id, stages, lanes, cards, a, b, c):
    comment = _pick(j.comments(), a)
    if comment:
        j.add_comment(Comment(new_id, comment.card, f"reply {new_id}", _person(j, b), _time(c),
                              parent=comment.parent or comment.id))


def _edit_comment(j, new_id, stages, lanes, cards, a, b, c):
    comment = _pick(j.comments(), a)
    if comment:
        j.update_comment(comment.id, **({"resolved": not comment.resolved} if b % 2 else
                                         {"text": f"edited {new_id}", "edited_at": _time(c)}))


def _delete_comment(j, new_id, stages, lanes, cards, a, b, c):
    comment = _pick(j.comments(), a)
    if comment:
        j.remove_comment(comment.id)


def _park(j, new_id, stages, lanes, cards, a, b, c):
    j.add_parking_item(ParkingItem(new_id, f"parked {new_id}", _person(j, b), _time(c)),
                       a % (len(j.parking_items()) + 1))


def _move_parked(j, new_id, stages, lanes, cards, a, b, c):
    items = j.parking_items()
    if items:
        j.move_parking_item(_pick(items, a).id, b % len(items))


def _parked_to_card(j, new_id, stages, lanes, cards, a, b, c):
    item, stage, lane = _pick(j.parking_items(), a), _pick(stages, b), _pick(lanes, c)
    if item and stage and lane:  # one step: the item out, a card in
        j.remove_parking_item(item.id)
        j.add_card(Card(new_id, title=item.text, created_by=item.author), stage, lane)


def _private(j, new_id, stages, lanes, cards, a, b, c):
    if a % 3:
        j.set_private([_pick(cards, b)] if cards else [], True)
    else:
        j.reveal_private_cards()


def _stamp(j, new_id, stages, lanes, cards, a, b, c):
    card = _pick(cards, a)
    if card:
        j.update_card(card, details=f"details {new_id}", edited_by=_person(j, b),
                      edited_at=_time(c))


_EDITS = {name[1:]: fn for name, fn in globals().items() if name[1:] in EDIT_KINDS}
