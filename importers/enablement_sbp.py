"""The service blueprint (``kind: sbp``) part of an enablement-map-studio file: team, human and
system lanes and their tasks, each task placed in the stage of the customer action it links to.

A task names its action by ``source_id``; a task without one takes the stage of the nearest task
it is connected to that has one (one breadth-first pass from every linked task at once, so the
cost is linear in tasks and connections). Imports the standard library, model.* and importers.*.
"""
from __future__ import annotations

from collections import deque
from typing import Any

from model.journey.entities import CardKind, LaneKind

from .builder import MapBuilder
from .common import ImportFileError, listed
from .enablement_values import list_of, text_of

LANE_KINDS = {"team": LaneKind.BACKSTAGE, "human": LaneKind.SERVICES,
              "system": LaneKind.BACKSTAGE}
CUSTOMER_LANE = "cjm"


def add_blueprint(builder: MapBuilder, document: dict[str, Any], number: int,
                  actions: dict[str, str], skipped: list[str], path: Any) -> str:
    """Add the blueprint's lanes and tasks; returns the summary line."""
    where = f"document {number}"
    lanes = _lanes(document, path, where)
    tasks = [t for t in list_of(document.get("tasks"), "tasks", path, where) if isinstance(t, dict)]
    stage_of_task = _stages_of_tasks(tasks, document.get("connections"), actions)
    added, mirrored, used_lanes = 0, 0, []
    for i, task in enumerate(tasks, start=1):
        at = f"{where}, tasks[{i}]"
        lane = lanes.get(text_of(task.get("lane"), "a task's lane", path, at))
        name = text_of(task.get("name"), "a task's name", path, at)
        if lane is None or lane.get("kind") == CUSTOMER_LANE:
            mirrored += lane is not None
            if lane is None:
                skipped.append(f"{at}: task \"{name}\" is in no lane of the blueprint")
            continue
        stage = stage_of_task.get(id(task))
        if stage is None:
            skipped.append(f"{at}: task \"{name}\" is linked to no customer action")
            continue
        lane_name = text_of(lane.get("name"), "a lane's name", path, at)
        lane_id = builder.lane(lane_name, LANE_KINDS.get(lane.get("kind"), LaneKind.BACKSTAGE))
        if lane_name not in used_lanes:
            used_lanes.append(lane_name)
        builder.add_card(stage, lane_id, name, CardKind.NOTE,
                         details=text_of(task.get("description"), "a task's description", path, at))
        added += 1
    return (f"service blueprint (document {number}): {added} task cards in lanes "
            f"{listed(used_lanes) or '(none)'}; {mirrored} customer-lane tasks mirror the "
            "actions and were not imported twice")


def _lanes(document: dict[str, Any], path: Any, where: str) -> dict[str, dict[str, Any]]:
    lanes = {}
    for i, lane in enumerate(list_of(document.get("lanes"), "lanes", path, where), start=1):
        if not isinstance(lane, dict):
            raise ImportFileError(path, "cannot be imported: a lane must be a mapping",
                                  f"{where}, lanes[{i}]")
        lanes[text_of(lane.get("id"), "a lane's id", path, f"{where}, lanes[{i}]")] = lane
    return lanes


def _stages_of_tasks(tasks: list[dict[str, Any]], connections: Any,
                     actions: dict[str, str]) -> dict[int, str]:
    """id(task) -> stage id: by source_id, else the nearest connected task's stage."""
    by_id = {str(t.get("id")): t for t in tasks}
    neighbours: dict[int, list[dict]] = {}
    for link in connections if isinstance(connections, list) else ():
        if not isinstance(link, dict):
            continue
        a, b = by_id.get(str(link.get("source"))), by_id.get(str(link.get("target")))
        if a is not None and b is not None:
            neighbours.setdefault(id(a), []).append(b)
            neighbours.setdefault(id(b), []).append(a)
    stage_of: dict[int, str] = {}
    queue: deque[dict] = deque()
    for task in tasks:
        stage = actions.get(str(task.get("source_id")))
        if task.get("source_id") is not None and stage is not None:
            stage_of[id(task)] = stage
            queue.append(task)
    while queue:
        task = queue.popleft()
        for other in neighbours.get(id(task), ()):
            if id(other) not in stage_of:
                stage_of[id(other)] = stage_of[id(task)]
                queue.append(other)
    return stage_of
