"""The journey map model: pure Python and networkx. Never imports Qt (a test checks it)."""
from model.journey.entities import (
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
from model.journey.errors import JourneyFileError, ModelError
from model.journey.events import Event, EventEmitter
from model.journey.journey_map import JourneyMap
from model.journey.removal import Removal
from model.journey.workshop_entities import Comment, ParkingItem, Participant, PrivateRound, VoteRound

__all__ = [
    "ALL_CUSTOMERS", "Card", "CardKind", "CardLink", "CardPlace", "Comment", "Event",
    "EventEmitter", "ExitCriterion", "JourneyFileError", "JourneyMap", "JourneyPath", "Lane",
    "LaneKind", "LinkKind", "ModelError", "ParkingItem", "Participant", "PrivateRound", "Removal",
    "Segment", "Stage", "Transition", "TransitionKind", "VoteRound",
]
