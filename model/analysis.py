"""Graph questions about a journey map, answered with networkx. Pure Python; no Qt.

Structure: stages unreachable from the first stage, dead ends (a stage other than the last with no
way out), loops, the routes between two stages. Health: the structural findings plus the content
checks a facilitator wants before sharing a map (stages without touchpoints or exit criteria,
moments of truth without an owner, pain points no idea addresses).
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import networkx as nx

from model.journey.entities import CardKind
from model.journey.journey_map import JourneyMap


@dataclass(frozen=True)
class Finding:
    kind: str  # unreachable_stage, dead_end, no_touchpoint, no_exit_criteria, mot_no_owner, ...
    element_id: str
    message: str


FINDING_KINDS = ("unreachable_stage", "dead_end", "no_touchpoint", "no_exit_criteria",
                 "moment_without_owner", "pain_point_without_idea")


def unreachable_stages(journey: JourneyMap) -> list[str]:
    order = journey.stage_ids()
    if not order:
        return []
    reachable = nx.descendants(journey.stage_graph(), order[0]) | {order[0]}
    return [s for s in order if s not in reachable]


def dead_ends(journey: JourneyMap) -> list[str]:
    """Stages, other than the last, that no transition leaves."""
    graph, order = journey.stage_graph(), journey.stage_ids()
    return [s for s in order[:-1] if graph.out_degree(s) == 0]


def loops(journey: JourneyMap) -> list[list[str]]:
    """Each cycle of stages (e.g. Renewal → Adoption → Renewal), starting at its earliest stage."""
    position = {s: i for i, s in enumerate(journey.stage_ids())}
    cycles = []
    for cycle in nx.simple_cycles(nx.DiGraph(journey.stage_graph())):
        first = min(range(len(cycle)), key=lambda i: position[cycle[i]])
        cycles.append(cycle[first:] + cycle[:first])
    return sorted(cycles, key=lambda c: [position[s] for s in c])


def routes_between(journey: JourneyMap, source: str, target: str) -> list[list[str]]:
    """Every simple route of stages from ``source`` to ``target`` along transitions."""
    journey.stage(source), journey.stage(target)  # raise ModelError for unknown ids
    return [list(p) for p in nx.all_simple_paths(nx.DiGraph(journey.stage_graph()), source, target)]


def structure_findings(journey: JourneyMap) -> list[Finding]:
    findings = [Finding("unreachable_stage", s,
                        f"Stage \"{journey.stage(s).name}\" cannot be reached from the first stage")
                for s in unreachable_stages(journey)]
    findings += [Finding("dead_end", s, f"Stage \"{journey.stage(s).name}\" has no way out")
                 for s in dead_ends(journey)]
    return findings


def content_findings(journey: JourneyMap) -> list[Finding]:
    return list(iter_content_findings(journey))


def iter_content_findings(journey: JourneyMap) -> Iterator[Finding]:
    """The content findings one by one, so that a window can list them a slice at a time; the
    map must not change while they are read."""
    kinds_in_stage: dict[str, set[CardKind]] = {s: set() for s in journey.stage_ids()}
    addressed = {link.target for link in journey.links()}
    # Journey order (not the graph's cell order, which depends on edit history): equal maps
    # must list their findings alike.
    for card_id in journey.card_ids():
        card = journey.card(card_id)
        kinds_in_stage[journey.card_place(card_id).stage].add(card.kind)
        if card.kind == CardKind.MOMENT_OF_TRUTH and not card.owner.strip():
            yield Finding("moment_without_owner", card_id,
                          f"Moment of truth \"{card.title}\" has no owner")
        if card.kind == CardKind.PAIN_POINT and card_id not in addressed:
            yield Finding("pain_point_without_idea", card_id,
                          f"Pain point \"{card.title}\" has no linked idea")
    for stage in journey.stages():
        if CardKind.TOUCHPOINT not in kinds_in_stage[stage.id]:
            yield Finding("no_touchpoint", stage.id, f"Stage \"{stage.name}\" has no touchpoint")
        if not stage.exit_criteria:
            yield Finding("no_exit_criteria", stage.id, f"Stage \"{stage.name}\" has no exit criteria")


def health_findings(journey: JourneyMap) -> list[Finding]:
    """Every finding, structural first, in a stable order."""
    return list(iter_health_findings(journey))


def iter_health_findings(journey: JourneyMap) -> Iterator[Finding]:
    yield from structure_findings(journey)
    yield from iter_content_findings(journey)
