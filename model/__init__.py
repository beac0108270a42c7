"""The journey map model: pure Python and networkx. Never imports Qt (a test checks it)."""
from .entities import (
    ALL_CUSTOMERS,
    Card,
    CardKind,
    CardLink,
    CardPlace,
    ExitCriterion,
    JourneyPath,
    Lane,
    LaneKind,
    LinkKind,
    Segment,
    Stage,
    Transition,
    TransitionKind,
)
from .errors import JourneyFileError, ModelError
from .events import Event, EventEmitter
from .journey import JourneyMap
from .removal import Removal

__all__ = [
    "ALL_CUSTOMERS", "Card", "CardKind", "CardLink", "CardPlace", "Event", "EventEmitter",
    "ExitCriterion", "JourneyFileError", "JourneyMap", "JourneyPath", "Lane", "LaneKind",
    "LinkKind", "ModelError", "Removal", "Segment", "Stage", "Transition", "TransitionKind",
]
