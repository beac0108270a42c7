"""Scenarios: as-is (現状), to-be (あるべき姿) and more, each a whole map, in one document; their
files and their comparison. Pure Python, no Qt. See docs/scenarios.md.
"""
from model.scenarios.files import (
    document_from_data,
    document_to_data,
    dumps_document,
    load_document,
    loads_document,
    save_document,
)
from model.scenarios.naming import AS_IS_ID, TO_BE_ID, default_name
from model.scenarios.scenario_set import Scenario, ScenarioSet

__all__ = ["AS_IS_ID", "TO_BE_ID", "Scenario", "ScenarioSet", "default_name", "document_from_data",
           "document_to_data", "dumps_document", "load_document", "loads_document",
           "save_document"]
