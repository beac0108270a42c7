"""The worker-thread mode: the network runs in a thread's asyncio loop while the maps live in the
"GUI" thread (here the test's own thread, pumping a queue as a Qt event loop would); a card added
in one map appears in the other, presence crosses too, and the maps are only ever touched from
the thread that owns them."""
from __future__ import annotations

import queue
import threading
import time

from collab.threaded import ThreadedSession
from model import Card
from model.fileformat import dumps_journey
from model.templates import load_template

TIMEOUT = 15


class GuiThread:
    """A stand-in for Qt's event loop: functions posted from any thread run here, in order."""

    def __init__(self) -> None:
        self.inbox: queue.Queue = queue.Queue()
        self.owner = threading.get_ident()

    def post(self, function) -> None:
        self.inbox.put(function)

    def pump_until(self, condition, timeout: float = TIMEOUT) -> bool:
        deadline = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > deadline:
                return False
            try:
                self.inbox.get(timeout=0.02)()
            except queue.Empty:
                pass
        return True


def test_two_threaded_sessions_edit_one_map():
    gui = GuiThread()
    host, guest = ThreadedSession(gui.post), ThreadedSession(gui.post)
    touched_from = set()
    try:
        journey = load_template("saas-cs-lifecycle", "en")
        journey.events.connect(lambda _event: touched_from.add(threading.get_ident()))
        link = host.share(journey, name="Host")
        joined, failed = [], []
        guest.join(link, "Guest", TIMEOUT, joined.append, failed.append)
        assert gui.pump_until(lambda: joined or failed) and not failed
        copy = joined[0]
        assert dumps_journey(copy) == dumps_journey(journey)
        with guest.engine.local_step():
            copy.add_card(Card("threaded", title="from the guest"), copy.stage_ids()[0],
                          copy.lane_ids()[0])
        assert gui.pump_until(lambda: journey.has("threaded"))
        with host.engine.local_step():
            journey.update_card("threaded", title="host retitled it")
        assert gui.pump_until(lambda: copy.card("threaded").title == "host retitled it")
        guest.set_selection(["threaded"])
        assert gui.pump_until(lambda: any(p.selection == ("threaded",)
                                          for p in host.participants()))
        assert touched_from == {gui.owner}
    finally:
        guest.stop()
        host.stop()



def test_awareness_fields_cross_the_worker_threads():
    """The host's field arrives in the guest's GUI thread ("fields" event and peer_fields),
    including for a guest whose join is still under way when it is published."""
    gui = GuiThread()
    host, guest = ThreadedSession(gui.post), ThreadedSession(gui.post)
    seen_in = set()
    guest.events.connect(lambda e: e.type == "fields" and seen_in.add(threading.get_ident()))
    try:
        link = host.share(load_template("blank", "en"), name="Host")
        host.set_field("workshop", {"timer": {"status": "running"}})
        joined, failed = [], []
        guest.join(link, "Guest", TIMEOUT, joined.append, failed.append)
        assert gui.pump_until(lambda: joined or failed) and not failed
        assert gui.pump_until(lambda: [f.get("workshop") for f in guest.peer_fields().values()]
                              == [{"timer": {"status": "running"}}])
        value = {"timer": {"status": "paused"}}
        host.set_field("workshop", value)
        value["timer"]["status"] = "changed after sending"  # copied when set: not sent
        assert gui.pump_until(lambda: [f.get("workshop") for f in guest.peer_fields().values()]
                              == [{"timer": {"status": "paused"}}])
        assert seen_in == {gui.owner}
    finally:
        guest.stop()
        host.stop()


def test_a_host_that_stops_and_shares_again_with_its_engine_is_rejoined_and_merged():
    """Stop sharing keeps the map bound to its document; sharing it again on the same link
    lets the guests, who kept retrying, reconnect and merge what each side did meanwhile."""
    gui = GuiThread()
    host, guest = ThreadedSession(gui.post), ThreadedSession(gui.post)
    again = None
    try:
        journey = load_template("saas-cs-lifecycle", "en")
        link = host.share(journey, name="Host")
        joined, failed, states = [], [], []
        guest.events.connect(lambda event: event.type == "state" and states.append(
            event.payload["state"]))
        guest.join(link, "Guest", TIMEOUT, joined.append, failed.append)
        assert gui.pump_until(lambda: joined or failed) and not failed
        copy = joined[0]
        engine = host.engine
        host.stop(keep_engine=True)
        assert gui.pump_until(lambda: states and states[-1] == "reconnecting")
        stage, lane = journey.stage_ids()[0], journey.lane_ids()[0]
        with engine.local_step():
            journey.add_card(Card("host-offline", title="host, alone"), stage, lane)
        with guest.engine.local_step():
            copy.add_card(Card("guest-offline", title="guest, alone"), stage, lane)
        again = ThreadedSession(gui.post)
        assert again.share(journey, engine=engine, name="Host", room=link.room, token=link.token,
                           port=link.port) == link
        assert gui.pump_until(lambda: copy.has("host-offline") and journey.has("guest-offline"))
        assert states[-1] == "connected"
        assert dumps_journey(copy) == dumps_journey(journey)
    finally:
        guest.stop()
        (again or host).stop()
