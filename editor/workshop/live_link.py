"""WorkshopLiveLink: the workshop of one window in a live session (docs/workshop.md, "In a live
session").

The facilitator is the host, the person who shared the map: their window sends its
presentation and timer state (``{"presentation": ..., "timer": ...}``) on every change; every
other window takes it. On a participant, the facilitator's presentation lands in a ``leader``
PresentationState that a FollowMode copies to the window's own while the participant follows,
the timer state goes straight to the window's timer (which the facilitator then drives: its
verbs are off here), and a FollowBar says whose presentation is shown, with Leave / Follow
again. A participant who joins late gets the current state with the first data that arrives.

The session side is a channel object from the live room, handed over by it through the window
(this room does not import editor.live): ``is_facilitator``, ``publish(data)``,
``leader_data()`` (the facilitator's last data, None before any), ``leader_name()`` and a
``leader_changed`` signal.
Imports: PySide6, editor.workshop (state, follow_bar).
"""
from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QObject

from editor.workshop.follow_bar import FollowBar
from editor.workshop.state import FollowMode, PresentationState


class WorkshopLiveLink(QObject):
    def __init__(self, workshop, channel) -> None:
        super().__init__(workshop)
        self.workshop, self.channel = workshop, channel
        self.presentation, self.timer = workshop.presentation, workshop.timer
        self.leader: PresentationState | None = None
        self.follow: FollowMode | None = None
        self.bar: FollowBar | None = None
        self._taken: dict = {}  # the facilitator's data as last applied, per part
        if channel.is_facilitator:
            self.presentation.state.events.connect(self._publish)
            self.timer.state.events.connect(self._publish)
            self._publish()
        else:
            self.leader = PresentationState()
            self.follow = FollowMode(self.leader, self.presentation.state)
            self.follow.events.connect(self._show_bar)
            self.leader.events.connect(self._show_bar)
            self.presentation.active_changed.connect(self._show_bar)
            self.timer.changed.connect(self._place_bar)  # the countdown may have come
            channel.leader_changed.connect(self._take)
            self._take()

    @property
    def is_facilitator(self) -> bool:
        return bool(self.channel.is_facilitator)

    def close(self) -> None:
        """The session ended: this window's presentation and timer are its own again (a
        running timer keeps running here, a presentation stays where it is)."""
        if self.channel.is_facilitator:
            self.presentation.state.events.disconnect(self._publish)
            self.timer.state.events.disconnect(self._publish)
            return
        self.channel.leader_changed.disconnect(self._take)
        self.presentation.active_changed.disconnect(self._show_bar)
        self.timer.changed.disconnect(self._place_bar)
        self.follow.close()
        self.timer.set_led_by("")
        if self.bar is not None:
            self.bar.hide()
            self.bar.deleteLater()
            self.bar = None

    # ----------------------------------------------------------------- the facilitator
    def _publish(self, _event=None) -> None:
        self.channel.publish({"presentation": self.presentation.state.to_data(),
                              "timer": self.timer.state.to_data()})

    def bring_everyone(self) -> None:
        if self.channel.is_facilitator and self.presentation.is_active():
            self.presentation.state.bring_everyone()

    # ----------------------------------------------------------------- a participant
    def _take(self) -> None:
        """The facilitator's data: each part applied only when it differs from the last one
        taken (awareness is re-sent unchanged now and then, and on reconnection)."""
        data = self.channel.leader_data()
        if not isinstance(data, Mapping):
            return
        self.timer.set_led_by(self.leader_name())
        timer = data.get("timer")
        if isinstance(timer, Mapping) and timer != self._taken.get("timer"):
            self._taken["timer"] = dict(timer)
            self.timer.state.apply_data(timer)
        presentation = data.get("presentation")
        if isinstance(presentation, Mapping) and presentation != self._taken.get("presentation"):
            self._taken["presentation"] = dict(presentation)
            self.leader.apply_data(presentation)
        self._show_bar()

    def leader_name(self) -> str:
        return self.channel.leader_name() or self.tr("the facilitator")

    def button_clicked(self) -> None:
        """Leave: out of follow mode and back to one's own window; Follow again: back to the
        facilitator's stage (presentation mode comes with it)."""
        if self.follow.following:
            self.follow.leave()
            self.presentation.leave()
        else:
            self.follow.rejoin()

    def _show_bar(self, *_args) -> None:
        if self.follow is None:
            return
        if not self.leader.presenting:
            if self.bar is not None:
                self.bar.hide()
            return
        bar = self._ensure_bar()
        if bar is None:
            return
        name = self.leader_name()
        if self.follow.following:
            bar.show_message(self.tr("Following %1's presentation").replace("%1", name),
                             self.tr("Leave"))
        else:
            bar.show_message(self.tr("%1 is presenting").replace("%1", name), self.tr("Follow Again"))

    def _place_bar(self) -> None:
        if self.bar is not None:
            self.bar.place()

    def _ensure_bar(self) -> FollowBar | None:
        view = self.workshop.window.view
        if view is None:
            return None
        if self.bar is None or self.bar.view is not view:
            if self.bar is not None:
                self.bar.deleteLater()
            self.bar = FollowBar(view)
            self.bar.button_clicked.connect(self.button_clicked)
        return self.bar
