"""Undo is exact: random sequences of every edit of EditController, checked at every step.

A Hypothesis state machine opens a Document over a template or a generated map and applies random
edits, picking ids from the current map: cards added, pasted, duplicated, moved (several at once,
within one cell, by arrow steps), edited (merging edits too); stages, lanes, segments and paths
added, moved, edited and removed with everything that hangs on them; transitions, links, emotions;
undoing part of the way and editing from there. After every step: undoing everything gives the
initial map, redoing everything the latest one, and the map survives save and load. At the end
every intermediate state is checked on the way down and up.

CI runs 60 sequences of up to 25 steps; JOURNEY_LONG_TESTS=1 runs the long campaign recorded in
docs/reliability.md.
"""
from __future__ import annotations

import itertools
import os
from collections import Counter

from hypothesis import HealthCheck, event, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)

from editor.document.document import Document
from model import CardKind, CardPlace, LaneKind, TransitionKind
from model.fileformat import dumps_journey, loads_journey
from model.journey.entities import ExitCriterion
from model.journey.plain_data import map_to_data
from model.templates import load_template
from tests.model.strategies import colours, emotions_values, journey_maps, texts

LONG = os.environ.get("JOURNEY_LONG_TESTS") == "1"
TEMPLATES = ("blank", "saas-customer-journey", "saas-cs-lifecycle", "cs-business-phases")
initial_maps = st.one_of(
    st.tuples(st.sampled_from(TEMPLATES), st.sampled_from(("en", "ja"))).map(
        lambda pair: load_template(*pair)),
    journey_maps())
rates = st.one_of(st.none(), st.floats(0, 1), st.sampled_from([0, 1]))
SEEN: Counter = Counter()  # what the runs exercised; the long run prints it for the record


def note_event(text: str) -> None:
    event(text)
    SEEN[text] += 1


class CountedIds:
    """Stands in for the controller's uuid4 ids. Transitions and links sort by id, so random ids
    made the same draws pick other elements on a replay, and Hypothesis could not replay or
    shrink a sequence (FlakyStrategyDefinition)."""

    def __init__(self) -> None:
        self.counter = itertools.count()

    def __call__(self, prefix: str) -> str:
        return f"{prefix}-{next(self.counter):010x}"


COUNTED_IDS = CountedIds()


class UndoStateMachine(RuleBasedStateMachine):
    """``states[i]`` is the map after the first i commands of the undo stack."""

    @initialize(journey=initial_maps)
    def open_document(self, journey):
        self.document = Document(journey)
        self.journey, self.edit = journey, self.document.controller
        self.stack = self.document.undo_stack
        self.states = [journey.to_data()]
        COUNTED_IDS.counter = itertools.count()  # the same sequence gets the same ids
        SEEN["sequences"] += 1

    # ----------------------------------------------------------------- picking from the map
    def ids(self, kind: str) -> list[str]:
        j = self.journey
        return {"stage": list(j.stage_ids()), "lane": list(j.lane_ids()), "card": list(j.card_ids()),
                "segment": [s.id for s in j.segments()], "path": [p.id for p in j.paths()],
                "transition": [t.id for t in j.transitions()], "link": [x.id for x in j.links()]}[kind]

    def pick(self, data, kind: str) -> str:
        return data.draw(st.sampled_from(self.ids(kind)), label=kind)

    def some(self, data, kind: str, min_size: int = 1) -> list[str]:
        return data.draw(st.lists(st.sampled_from(self.ids(kind)), min_size=min_size, max_size=4,
                                  unique=True), label=f"{kind}s")

    def has(self, *kinds: str) -> bool:
        return all(self.ids(kind) for kind in kinds)

    def record(self) -> None:
        """Bring ``states`` in line with the stack after an edit (pushed, merged, or nothing)."""
        current, index = self.journey.to_data(), self.stack.index()
        if len(self.states) == self.stack.count() + 1 and current == self.states[index]:
            return  # nothing was pushed: an edit that changes nothing must change nothing
        assert index == self.stack.count(), "an edit must drop the redo tail"
        was_index, was_count = self.stack_before
        if was_index < was_count:
            note_event("an edit after undo replaced the redo tail")
        elif index == was_index:
            note_event("an edit merged into the undo step before it")
        self.states = self.states[:index] + [current]
        SEEN["edits that changed the map"] += 1

    # ----------------------------------------------------------------- cards
    @precondition(lambda self: self.has("stage", "lane"))
    @rule(data=st.data(), kind=st.sampled_from(list(CardKind)), title=texts)
    def add_card(self, data, kind, title):
        stage, lane = self.pick(data, "stage"), self.pick(data, "lane")
        size = len(self.journey.cell_card_ids(stage, lane))
        index = data.draw(st.one_of(st.none(), st.integers(0, size)), label="index")
        self.edit.add_card(kind, stage, lane, index, title, details=data.draw(texts))
        self.record()

    @precondition(lambda self: self.has("stage", "lane", "card"))
    @rule(data=st.data())
    def paste_cards(self, data):
        pasted = []
        for card_id in self.some(data, "card"):
            stage, lane = self.pick(data, "stage"), self.pick(data, "lane")
            # Counting what this paste already put in the cell keeps every index valid.
            size = len(self.journey.cell_card_ids(stage, lane)) + sum(
                1 for _, place in pasted if (place.stage, place.lane) == (stage, lane))
            index = data.draw(st.integers(0, size), label="index")
            pasted.append((self.journey.card(card_id), CardPlace(stage, lane, index)))
        self.edit.add_cards(pasted, "Paste")
        self.record()

    @precondition(lambda self: self.has("card"))
    @rule(data=st.data())
    def duplicate_cards(self, data):
        cards = self.some(data, "card")
        cells = {(place.stage, place.lane) for place in map(self.journey.card_place, cards)}
        note_event(f"duplicate cards from {'one cell' if len(cells) == 1 else 'several cells'}")
        self.edit.duplicate_cards(cards)
        self.record()

    @precondition(lambda self: self.has("card"))
    @rule(data=st.data(), same_cell=st.booleans())
    def move_cards(self, data, same_cell):
        cards = self.some(data, "card")
        if same_cell:  # reorder inside the cell of one of them
            place = self.journey.card_place(data.draw(st.sampled_from(cards)))
            stage, lane = place.stage, place.lane
        else:
            stage, lane = self.pick(data, "stage"), self.pick(data, "lane")
        others = [c for c in self.journey.cell_card_ids(stage, lane) if c not in cards]
        note_event(f"move {'one card' if len(cards) == 1 else 'several cards'}"
              f"{' within a cell' if same_cell else ''}")
        self.edit.move_cards(cards, stage, lane, data.draw(st.integers(0, len(others)), label="index"))
        self.record()

    @precondition(lambda self: self.has("card"))
    @rule(data=st.data(), stage_step=st.integers(-1, 1), lane_step=st.integers(-1, 1))
    def move_cards_by(self, data, stage_step, lane_step):
        self.edit.move_cards_by(self.some(data, "card"), stage_step, lane_step)
        self.record()

    @precondition(lambda self: self.has("card"))
    @rule(data=st.data(), mergeable=st.booleans())
    def update_card(self, data, mergeable):
        card_id = self.pick(data, "card")
        segments = data.draw(st.lists(st.sampled_from(self.ids("segment")), unique=True)
                             if self.ids("segment") else st.just([]), label="segments")
        fields = st.fixed_dictionaries({}, optional={
            "title": texts, "details": texts, "channel": texts, "owner": texts, "feeling": texts,
            "stakes": texts, "actions": texts, "kind": st.sampled_from(list(CardKind)),
            "colour": st.one_of(st.just(""), colours), "votes": st.integers(0, 10**6),
            "segments": st.just(tuple(segments))})
        self.edit.update_card(card_id, mergeable, **data.draw(fields, label="changes"))
        self.record()

    @precondition(lambda self: self.has("card"))
    @rule(data=st.data(), words=st.lists(texts, min_size=2, max_size=4))
    def type_a_card_title(self, data, words):
        """Keystrokes in the inspector: mergeable edits of one field fold into one undo step."""
        card_id, count = self.pick(data, "card"), self.stack.count()
        for end in range(1, len(words) + 1):
            self.edit.update_card(card_id, True, title="".join(words[:end]))
        assert self.stack.count() <= count + 1
        note_event("typing folded into one undo step")
        self.record()

    # ----------------------------------------------------------------- stages, lanes, segments, paths
    @rule(data=st.data(), name=texts)
    def add_stage(self, data, name):
        index = data.draw(st.one_of(st.none(), st.integers(0, len(self.ids("stage")))), label="index")
        self.edit.add_stage(index, name)
        self.record()

    @rule(data=st.data(), name=texts, kind=st.sampled_from(list(LaneKind)))
    def add_lane(self, data, name, kind):
        index = data.draw(st.one_of(st.none(), st.integers(0, len(self.ids("lane")))), label="index")
        self.edit.add_lane(index, name, kind)
        self.record()

    @rule(name=texts, colour=colours)
    def add_segment(self, name, colour):
        self.edit.add_segment(name, colour)
        self.record()

    @rule(data=st.data(), name=texts, colour=colours)
    def add_path(self, data, name, colour):
        route = data.draw(st.lists(st.sampled_from(self.ids("stage")), max_size=5)
                          if self.ids("stage") else st.just([]), label="route")
        self.edit.add_path(name, route, colour)
        self.record()

    @precondition(lambda self: self.has("stage"))
    @rule(data=st.data())
    def move_stage(self, data):
        stage = self.pick(data, "stage")
        self.edit.move_stage(stage, data.draw(st.integers(0, len(self.ids("stage")) - 1)))
        self.record()

    @precondition(lambda self: self.has("lane"))
    @rule(data=st.data())
    def move_lane(self, data):
        lane = self.pick(data, "lane")
        self.edit.move_lane(lane, data.draw(st.integers(0, len(self.ids("lane")) - 1)))
        self.record()

    @precondition(lambda self: self.has("stage"))
    @rule(data=st.data(), mergeable=st.booleans())
    def update_stage(self, data, mergeable):
        criteria = st.lists(st.builds(ExitCriterion, texts, texts), max_size=3).map(tuple)
        changes = data.draw(st.fixed_dictionaries({}, optional={
            "name": texts, "overview": texts, "exit_criteria": criteria}), label="changes")
        self.edit.update_stage(self.pick(data, "stage"), mergeable, **changes)
        self.record()

    @precondition(lambda self: self.has("stage"))
    @rule(data=st.data(), mergeable=st.booleans())
    def set_emotions(self, data, mergeable):
        keys = st.sampled_from(["", *self.ids("segment")])
        emotions = data.draw(st.dictionaries(keys, emotions_values, max_size=4), label="emotions")
        self.edit.update_stage(self.pick(data, "stage"), mergeable, emotions=emotions)
        self.record()

    @precondition(lambda self: self.has("lane"))
    @rule(data=st.data(), name=texts, kind=st.sampled_from(list(LaneKind)), mergeable=st.booleans())
    def update_lane(self, data, name, kind, mergeable):
        self.edit.update_lane(self.pick(data, "lane"), mergeable, name=name, kind=kind)
        self.record()

    @precondition(lambda self: self.has("segment"))
    @rule(data=st.data(), name=texts, colour=colours, mergeable=st.booleans())
    def update_segment(self, data, name, colour, mergeable):
        self.edit.update_segment(self.pick(data, "segment"), mergeable, name=name, colour=colour)
        self.record()

    @precondition(lambda self: self.has("path"))
    @rule(data=st.data(), name=texts, colour=colours, mergeable=st.booleans())
    def update_path(self, data, name, colour, mergeable):
        route = tuple(data.draw(st.lists(st.sampled_from(self.ids("stage")), max_size=5)
                                if self.ids("stage") else st.just([]), label="route"))
        self.edit.update_path(self.pick(data, "path"), mergeable, name=name, colour=colour,
                              stages=route)
        self.record()

    @rule(title=texts, language=st.sampled_from(["en", "ja", ""]), description=texts,
          mergeable=st.booleans())
    def update_map(self, title, language, description, mergeable):
        self.edit.update_map(mergeable, title=title, language=language, description=description)
        self.record()

    # ----------------------------------------------------------------- transitions and links
    @precondition(lambda self: len(self.ids("stage")) >= 2)
    @rule(data=st.data(), kind=st.one_of(st.none(), st.sampled_from(list(TransitionKind))),
          trigger=texts)
    def add_transition(self, data, kind, trigger):
        source, target = data.draw(st.lists(st.sampled_from(self.ids("stage")), min_size=2,
                                            max_size=2, unique=True), label="ends")
        self.edit.add_transition(source, target, kind, trigger)
        self.record()

    @precondition(lambda self: self.has("transition"))
    @rule(data=st.data(), mergeable=st.booleans())
    def update_transition(self, data, mergeable):
        changes = data.draw(st.fixed_dictionaries({}, optional={
            "kind": st.sampled_from(list(TransitionKind)), "trigger": texts,
            "conversion_rate": rates}), label="changes")
        self.edit.update_transition(self.pick(data, "transition"), mergeable, **changes)
        self.record()

    @precondition(lambda self: len(self.ids("card")) >= 2)
    @rule(data=st.data())
    def add_link(self, data):
        source, target = data.draw(st.lists(st.sampled_from(self.ids("card")), min_size=2,
                                            max_size=2, unique=True), label="ends")
        self.edit.add_link(source, target)
        self.record()

    # ----------------------------------------------------------------- removing
    @rule(data=st.data())
    def remove_a_mix(self, data):
        kinds = [k for k in ("stage", "lane", "card", "segment", "path", "transition", "link")
                 if self.ids(k)]
        if kinds:
            chosen = data.draw(st.lists(st.sampled_from(kinds), min_size=1, max_size=3), label="kinds")
            note_event(f"remove a mix of {len(set(chosen))} kinds")
            self.edit.remove(list(dict.fromkeys(self.pick(data, kind) for kind in chosen)))
            self.record()

    @precondition(lambda self: self.has("stage"))
    @rule(data=st.data())
    def remove_busiest_stage(self, data):
        """The stage with the most hanging on it: cards, links, transitions, path steps."""
        def load(stage):
            j = self.journey
            return (sum(len(j.cell_card_ids(stage, lane)) for lane in j.lane_ids())
                    + sum(stage in (t.source, t.target) for t in j.transitions())
                    + sum(p.stages.count(stage) for p in j.paths()))
        busiest = max(self.ids("stage"), key=load)
        hanging = load(busiest)
        note_event(f"remove a stage with {hanging if hanging <= 5 else '6 or more'} cards, "
                   "transitions and path steps")
        self.edit.remove([busiest])
        self.record()

    @precondition(lambda self: self.has("segment"))
    @rule(data=st.data())
    def remove_segment(self, data):
        segment = self.pick(data, "segment")
        tagged = sum(segment in card.segments for card in self.journey.cards())
        felt = sum(segment in stage.emotions for stage in self.journey.stages())
        note_event(f"remove a segment: tags {'yes' if tagged else 'no'}, emotions {'yes' if felt else 'no'}")
        self.edit.remove([segment])
        self.record()

    # ----------------------------------------------------------------- undo part of the way
    @precondition(lambda self: self.stack.index() > 0)
    @rule(data=st.data())
    def undo_some(self, data):
        """Step back; the next edit then replaces the redo tail, as it does for a person."""
        for _ in range(data.draw(st.integers(1, self.stack.index()), label="steps")):
            self.stack.undo()
        assert self.journey.to_data() == self.states[self.stack.index()]

    # ----------------------------------------------------------------- the checks
    @invariant()
    def undo_all_and_redo_all_are_exact(self):
        SEEN["checked steps"] += 1
        here, data = self.stack.index(), map_to_data(self.journey)
        assert data == self.states[here]
        self.stack.setIndex(0)
        assert map_to_data(self.journey) == self.states[0], "undo all did not give the initial map"
        self.stack.setIndex(self.stack.count())
        assert map_to_data(self.journey) == self.states[-1], "redo all did not give the last map"
        self.stack.setIndex(here)
        assert map_to_data(self.journey) == data
        self.stack_before = (here, self.stack.count())  # what the next edit starts from

    @invariant()
    def save_and_load_give_the_same_map(self):
        assert loads_journey(dumps_journey(self.journey)) == self.journey

    def teardown(self):
        if not hasattr(self, "stack") or len(self.states) != self.stack.count() + 1:
            return  # a step already failed: its own error is the one to report
        for index in range(self.stack.index(), -1, -1):  # every intermediate state, down and up
            self.stack.setIndex(index)
            assert map_to_data(self.journey) == self.states[index], f"undo to step {index}"
        for index in range(1, self.stack.count() + 1):
            self.stack.setIndex(index)
            assert map_to_data(self.journey) == self.states[index], f"redo to step {index}"


def test_undo_is_exact_for_random_edit_sequences(qapp, monkeypatch):
    monkeypatch.setattr("editor.document.controller.new_id", COUNTED_IDS)
    runs = settings(max_examples=2_000 if LONG else 60, stateful_step_count=50 if LONG else 25,
                    deadline=None, derandomize=not LONG, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.filter_too_much])
    run_state_machine_as_test(UndoStateMachine, settings=runs)
    if LONG:
        print("\n".join(f"{count:8,} {what}" for what, count in sorted(SEEN.items())))
