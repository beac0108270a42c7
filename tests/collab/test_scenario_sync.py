"""Scenarios in a live session, on real pycrdt documents: a guest joins every scenario, a scenario
added / renamed / moved / removed on one peer does the same on the other, edits inside a scenario
reach the same scenario, an undone removal comes back, and a layout-2 document (no scenario
records) reads as its as-is scenario. Qt-free."""
from __future__ import annotations

from pycrdt import Doc, Map

from collab.engine import SyncEngine
from collab.scenarios import SCENARIOS_ROOT, ScenarioSync
from model import Card, CardKind, JourneyMap, Lane, Stage
from model.scenarios import ScenarioSet


def small_map() -> JourneyMap:
    journey = JourneyMap("Renewal", "ja")
    journey.add_stage(Stage("st-renew", "契約更新", emotions={"": -1}))
    journey.add_lane(Lane("ln", "Notes"))
    journey.add_card(Card("c1", CardKind.PAIN_POINT, "連絡が遅い"), "st-renew", "ln")
    return journey


class Relay:
    """Carries every update between two documents, as a server does (never echoing one back);
    ``deliver()`` applies what is queued and lets each side settle, as its event loop would."""

    def __init__(self, a: ScenarioSync, b: ScenarioSync) -> None:
        self.queue: list[tuple[ScenarioSync, bytes]] = []
        self.delivering = False
        for source, target in ((a, b), (b, a)):
            source.doc.observe(lambda event, target=target: self._queue(target, event.update))

    def _queue(self, target: ScenarioSync, update: bytes) -> None:
        if not self.delivering:
            self.queue.append((target, update))

    def deliver(self) -> None:
        self.delivering = True
        try:
            while self.queue:
                target, update = self.queue.pop(0)
                target.doc.apply_update(update)
                target.settle()
        finally:
            self.delivering = False


def host_and_guest() -> tuple[ScenarioSync, ScenarioSync, Relay]:
    scenarios = ScenarioSet.of_map(small_map())
    scenarios.add_copy()
    host = ScenarioSync.share(scenarios, Doc())
    guest_doc = Doc()
    guest_doc.apply_update(host.doc.get_update())
    guest = ScenarioSync.join(guest_doc)
    return host, guest, Relay(host, guest)


def listing(sync: ScenarioSync) -> list[tuple[str, str]]:
    return [(s.id, s.name) for s in sync.scenarios]


def test_a_guest_joins_every_scenario_with_its_own_map():
    host, guest, relay = host_and_guest()
    assert listing(guest) == [("as-is", "現状"), ("to-be", "あるべき姿")]
    for scenario in host.scenarios:
        assert guest.scenarios.scenario(scenario.id).journey == scenario.journey


def test_an_edit_inside_a_scenario_reaches_that_scenario_only():
    host, guest, relay = host_and_guest()
    host.scenarios.scenario("to-be").journey.update_stage("st-renew", emotions={"": 1})
    relay.deliver()
    assert guest.scenarios.scenario("to-be").journey.stage("st-renew").emotions == {"": 1}
    assert guest.scenarios.scenario("as-is").journey.stage("st-renew").emotions == {"": -1}
    guest.scenarios.scenario("as-is").journey.update_card("c1", title="改善済み")
    relay.deliver()
    assert host.scenarios.scenario("as-is").journey.card("c1").title == "改善済み"
    assert host.scenarios.scenario("to-be").journey.card("c1").title == "連絡が遅い"


def test_a_scenario_added_on_one_peer_appears_on_the_other_and_syncs():
    host, guest, relay = host_and_guest()
    added = guest.scenarios.add_empty(name="理想")
    relay.deliver()
    assert listing(host)[-1] == (added.id, "理想")
    ideal = host.scenarios.scenario(added.id).journey
    assert ideal.stage_ids() == ("st-renew",) and ideal.card_count() == 0
    ideal.add_card(Card("n1", CardKind.IDEA, "120日前に連絡"), "st-renew", "ln")
    relay.deliver()
    assert guest.scenarios.scenario(added.id).journey.card("n1").title == "120日前に連絡"


def test_rename_move_and_remove_follow_and_an_undone_removal_comes_back():
    host, guest, relay = host_and_guest()
    host.scenarios.rename("to-be", "理想像")
    relay.deliver()
    host.scenarios.move("to-be", 0)
    relay.deliver()
    assert listing(guest) == [("to-be", "理想像"), ("as-is", "現状")]
    removed, index = guest.scenarios.remove("to-be")
    relay.deliver()
    assert listing(host) == [("as-is", "現状")]
    guest.scenarios.insert(removed, index)  # what the editor's undo does
    relay.deliver()
    assert listing(host) == [("to-be", "理想像"), ("as-is", "現状")]
    removed.journey.update_card("c1", title="戻った")
    relay.deliver()
    assert host.scenarios.scenario("to-be").journey.card("c1").title == "戻った"


def test_names_can_swap_between_scenarios():
    host, guest, relay = host_and_guest()
    with host.doc.transaction(origin="someone else"):
        host.doc.get(SCENARIOS_ROOT, type=Map)["as-is"]["name"] = "あるべき姿"
        host.doc.get(SCENARIOS_ROOT, type=Map)["to-be"]["name"] = "現状"
    relay.deliver()
    assert listing(guest) == [("as-is", "あるべき姿"), ("to-be", "現状")]


def test_a_layout_2_document_is_its_as_is_scenario_and_gains_scenarios():
    old_doc = Doc()
    SyncEngine(small_map(), old_doc).publish()  # what a peer of issue 13 shares
    guest_doc = Doc()
    guest_doc.apply_update(old_doc.get_update())
    guest = ScenarioSync.join(guest_doc)
    assert listing(guest) == [("as-is", "現状")]
    host = ScenarioSync.join(old_doc)
    relay = Relay(host, guest)
    guest.scenarios.add_copy()
    relay.deliver()
    assert listing(host) == [("as-is", "現状"), ("to-be", "あるべき姿")]
    assert host.scenarios.scenario("to-be").journey == guest.scenarios.journey


def exchange(*peers: ScenarioSync) -> None:
    """Peers that edited offline meet: each gets every other's state, then settles."""
    states = [peer.doc.get_update() for peer in peers]
    for peer in peers:
        for state in states:
            peer.doc.apply_update(state)
        peer.settle()


def test_concurrent_names_and_additions_converge_without_losing_anything():
    host, guest, _ = host_and_guest()
    host.scenarios.rename("as-is", "案")
    guest.scenarios.rename("to-be", "案")  # both at once: one keeps it, the other shows its id
    host.scenarios.add_copy(name="A案")
    guest.scenarios.add_copy(name="B案")
    exchange(host, guest)
    assert listing(host) == listing(guest)
    names = [name for _, name in listing(host)]
    assert "案" in names and "案 (to-be)" in names and {"A案", "B案"} <= set(names)
    assert len(names) == 4


def test_an_edit_in_a_scenario_someone_removed_meanwhile_comes_back_with_its_undo():
    host, guest, _ = host_and_guest()
    removed, index = host.scenarios.remove("to-be")
    guest.scenarios.scenario("to-be").journey.update_card("c1", title="編集中")
    exchange(host, guest)
    assert listing(host) == listing(guest) == [("as-is", "現状")]
    host.scenarios.insert(removed, index)  # the host's undo
    exchange(host, guest)
    assert listing(guest) == [("as-is", "現状"), ("to-be", "あるべき姿")]
    assert host.scenarios.scenario("to-be").journey.card("c1").title == "編集中"
    assert guest.scenarios.scenario("to-be").journey.card("c1").title == "編集中"
