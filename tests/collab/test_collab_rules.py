"""The pure parts of co-editing: the repair rules on hand-made document states (as any Yjs
client could write them), order keys, join links and tokens, presence, and the content of the
mDNS announcement (built, never sent)."""
from __future__ import annotations

import socket

import pytest
from pycrdt import Doc, Map

from collab.announce import SERVICE_TYPE, service_info
from collab.engine import SyncEngine
from collab.links import JoinLink, LinkError, check_token, new_token, parse_link, room_for
from collab.ordering import assign_keys, fresh_keys
from collab.presence import Roster, presence_state
from collab.projection import RECOVERED, project
from model.fileformat import dumps_journey, loads_journey


def state(**roots):
    """A document written by hand, as a foreign Yjs client would."""
    doc = Doc()
    with doc.transaction():
        for root, records in roots.items():
            target = doc.get(root, type=Map)
            for element_id, record in records.items():
                target[element_id] = Map(record) if isinstance(record, dict) else record
    return doc


STAGES = {"s1": {"name": "One", "pos": "a0"}, "s2": {"name": "Two", "pos": "a1"},
          "s3": {"name": "Three", "pos": "a2"}}
LANES = {"l1": {"name": "Lane", "kind": "text", "pos": "a0"}}


def card(stage, lane="l1", pos="a0", **fields):
    return {"title": "t", "place": {"stage": stage, "lane": lane, "pos": pos}, **fields}


def test_a_card_whose_stage_was_removed_lands_in_the_next_stage_and_says_so():
    gone = dict(STAGES, s2={"name": "Two", "pos": "a1", "deleted": True})
    engine = SyncEngine.join(state(stages=gone, lanes=LANES, cards={"c": card("s2")}))
    assert engine.journey.stage_ids() == ("s1", "s3")
    assert engine.journey.card_place("c").stage == "s3"
    assert [n.kind for n in engine.notices] == ["card_relocated"]


def test_with_no_stage_left_a_recovered_stage_holds_the_cards():
    engine = SyncEngine.join(state(lanes=LANES, cards={"c": card("gone"), "d": card("gone2")}))
    assert engine.journey.stage_ids() == (RECOVERED["stage"],)
    assert set(engine.journey.card_ids()) == {"c", "d"}
    loads_journey(dumps_journey(engine.journey))


def test_orders_sort_by_key_then_id_and_a_card_is_in_one_cell_once():
    cards = {"b": card("s1", pos="a0"), "a": card("s1", pos="a0"), "c": card("s2", pos="Zz")}
    engine = SyncEngine.join(state(stages=STAGES, lanes=LANES, cards=cards))
    assert engine.journey.cell_card_ids("s1", "l1") == ("a", "b")
    assert sorted(engine.journey.card_ids()) == ["a", "b", "c"]


def test_dangling_references_are_left_out_and_bad_values_read_as_defaults():
    stages = dict(STAGES, s1={"name": 5, "pos": "a0", "emotions": {"": 9, "gone": 1, "seg": -1}})
    cards = {"c": card("s1", segments=["seg", "gone", "seg"], colour="red", kind="nonsense",
                       votes={"1": 2, "2": 1, "3": "x"}),
             "d": card("s1", pos="a1")}
    engine = SyncEngine.join(state(
        segments={"seg": {"name": "SMB", "colour": "#112233", "pos": "a0"}},
        stages=stages, lanes=LANES, cards=cards,
        transitions={"t1": {"source": "s1", "target": "gone"}, "t2": {"source": "s1",
                                                                      "target": "s2"}},
        links={"k1": {"source": "c", "target": "zz"}, "k2": {"source": "c", "target": "d"}},
        paths={"p": {"name": "P", "stages": ["s1", "gone", "s2"], "pos": "a0"}}))
    journey = engine.journey
    assert journey.stage("s1").name == "" and dict(journey.stage("s1").emotions) == {"seg": -1}
    assert journey.card("c").segments == ("seg",) and journey.card("c").colour == ""
    assert journey.card("c").kind == "note" and journey.card("c").votes == 3
    assert [t.id for t in journey.transitions()] == ["t2"]
    assert [link.id for link in journey.links()] == ["k2"]
    assert journey.path("p").stages == ("s1", "s2")


def test_an_id_used_by_two_kinds_names_the_first_kind_only():
    engine = SyncEngine.join(state(stages=STAGES, lanes=LANES,
                                   cards={"s1": card("s1"), "ok": card("s1")}))
    assert engine.journey.element_type("s1") == "stage"
    assert [n.element_id for n in engine.notices] == ["s1"]


def test_projection_is_the_same_whatever_the_record_order():
    a = project({}, {"stage": STAGES, "lane": LANES, "card": {"x": card("s1"), "y": card("s1")}})
    b = project({}, {"stage": dict(reversed(STAGES.items())), "lane": LANES,
                     "card": {"y": card("s1"), "x": card("s1")}})
    assert a.to_data() == b.to_data()


# ------------------------------------------------------------------------------ order keys
def test_a_move_rewrites_one_key():
    keys = dict(zip("abcde", fresh_keys(5), strict=True))
    changes = assign_keys(["a", "c", "d", "b", "e"], keys)
    assert list(changes) == ["b"] and keys["d"] < changes["b"] < keys["e"]


def test_keys_that_cannot_be_split_are_all_rewritten_in_order():
    changes = assign_keys(["x", "y", "z"], {"x": "not a key", "y": "!!", "z": None})
    assert sorted(changes) == ["x", "y", "z"]
    assert changes["x"] < changes["y"] < changes["z"]


# ------------------------------------------------------------------------------ links
def test_links_round_trip_and_tokens_are_long_and_random():
    token = new_token()
    assert len(token) >= 32 and token != new_token()
    link = JoinLink("::1", 5000, room_for("ワークショップ map.journey"), token, tls=True)
    assert link.ws_url.startswith("wss://[::1]:5000/")
    assert parse_link(link.journey_url) == link == parse_link(link.ws_url)


@pytest.mark.parametrize("text, words", [
    ("http://h:1/r?token=" + "a" * 30, "journey://"),
    ("journey://:1/r?token=" + "a" * 30, "no host"),
    ("journey://h/r?token=" + "a" * 30, "no port"),
    ("journey://h:99999/r?token=" + "a" * 30, "malformed"),
    ("journey://h:1/?token=" + "a" * 30, "no room"),
    ("journey://h:1/r", "no token"),
    ("journey://h:1/r?token=short", "too short"),
    ("journey://h:1/r?token=" + "a" * 29 + "!", "may hold only"),
])
def test_bad_links_say_what_is_wrong(text, words):
    with pytest.raises(LinkError, match=words):
        parse_link(text)


def test_a_hand_made_token_needs_128_bits():
    with pytest.raises(LinkError, match="too short"):
        check_token("a" * 21)
    assert check_token("a" * 22) == "a" * 22


# ------------------------------------------------------------------------------ presence
def test_roster_keeps_people_who_left_as_not_connected_and_cleans_odd_states():
    roster = Roster(me=1)
    assert roster.update({1: presence_state("Me", "#112233"), 2: presence_state("Ken", "#445566",
                                                                                ["c1"]),
                          3: {}, 4: {"user": {"name": 7, "color": "javascript:"},
                                     "selection": "x"}})
    people = {p.client_id: p for p in roster.participants()}
    assert set(people) == {1, 2, 4} and people[1].is_me and people[2].selection == ("c1",)
    assert people[4].name.startswith("guest") and people[4].colour.startswith("#")
    assert roster.update({1: presence_state("Me", "#112233")})
    assert [p.connected for p in roster.participants()] == [True, False, False]


# ------------------------------------------------------------------------------ mDNS
def test_announcement_names_the_room_and_never_the_token():
    link = JoinLink("127.0.0.1", 4711, "workshop", "S3cret" * 6)
    info = service_info(link, "CS ワークショップ", ["127.0.0.1"])
    assert info.type == SERVICE_TYPE and info.port == 4711
    assert info.name.endswith("." + SERVICE_TYPE)
    properties = {k.decode(): v.decode() for k, v in info.properties.items()}
    assert properties["room"] == "workshop" and properties["tls"] == "0"
    assert properties["title"] == "CS ワークショップ"
    assert all(link.token not in value for value in properties.values())
    assert info.addresses == [socket.inet_aton("127.0.0.1")]
