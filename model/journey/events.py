"""A tiny event system for the model (napari-style, no Qt): one emitter, past-tense events with ids.

The model emits exactly one event per successful mutation; views subscribe and update only what the
event names. Imports nothing but the standard library.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Event:
    """Something that happened to the map, e.g. ``Event("card_moved", {"card_id": "c1", ...})``."""

    type: str
    payload: dict[str, Any] = field(default_factory=dict)

    def __getattr__(self, name: str) -> Any:
        # Lets handlers write ``event.card_id`` instead of ``event.payload["card_id"]``.
        try:
            return self.payload[name]
        except KeyError:
            raise AttributeError(name) from None


Listener = Callable[[Event], None]


class EventEmitter:
    """Holds listeners and calls them in connection order."""

    def __init__(self) -> None:
        self._listeners: list[Listener] = []

    def connect(self, listener: Listener) -> None:
        if listener not in self._listeners:
            self._listeners.append(listener)

    def disconnect(self, listener: Listener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def emit(self, type_: str, **payload: Any) -> Event:
        event = Event(type_, payload)
        for listener in list(self._listeners):
            listener(event)
        return event
