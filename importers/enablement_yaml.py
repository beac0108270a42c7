"""enablement-map-studio YAML (several documents in one file) -> a map.

From the ``kind: cjm`` document: ``persona`` (name, description) becomes a segment and the map's
description; ``phases`` the stages; each of ``actions`` (name, phase, touchpoints,
thoughts_feelings, emotion_score −2…+2) an action card, its touchpoints touchpoint cards, its
thoughts and feelings cards of a thoughts lane, and its score the stage's emotion (the mean of
the stage's actions, on the persona's curve when there is a persona). From a ``kind: sbp``
(service blueprint) document: lanes of kind ``team`` become backstage lanes (``human`` lanes
services, ``system`` lanes backstage too) and their ``tasks`` cards in the stage of the customer
action they link to -- by ``source_id``, else through the blueprint's ``connections`` -- when
there is one; a task linked to no action is skipped and reported. The ``cjm`` lane's tasks
mirror the actions and are not imported twice. Other documents (``outcome``, ``em``) are
reported as skipped. Only ``yaml.safe_load_all``; the file size is checked before parsing and
elements are counted as they are built. Imports the standard library, PyYAML, model.* and
importers.*.
"""
from __future__ import annotations

import os
from typing import Any

from model.journey.entities import CardKind, LaneKind

from .builder import MapBuilder
from .common import (
    MAX_YAML_BYTES,
    ImportFileError,
    ImportResult,
    check_cancelled,
    decode_text,
    listed,
    read_source,
)
from .enablement_sbp import add_blueprint
from .enablement_values import list_of, text_of

LANE_NAMES = {
    "ja": {"actions": "アクション", "touchpoints": "タッチポイント", "thoughts": "思考・感情",
           "emotion": "感情曲線"},
    "en": {"actions": "Actions", "touchpoints": "Touchpoints", "thoughts": "Thoughts & feelings",
           "emotion": "Emotion"},
}


def import_enablement_yaml(path: str | os.PathLike[str]) -> ImportResult:
    text, _ = decode_text(read_source(path, MAX_YAML_BYTES), path)
    documents = _documents(text, path)
    cjm = [(i, d) for i, d in documents if d.get("kind") == "cjm"]
    if not cjm:
        kinds = listed([str(d.get("kind")) for _, d in documents]) or "none"
        raise ImportFileError(path, "cannot be imported: it has no \"kind: cjm\" document (kinds "
                                    f"found: {kinds})")
    warnings = [f"document {i} (kind: {d.get('kind')}) skipped: only cjm and sbp documents "
                "become a journey map" for i, d in documents if d.get("kind") not in ("cjm", "sbp")]
    if len(cjm) > 1:
        warnings.append(f"{len(cjm)} cjm documents: only the first (document {cjm[0][0]}) was read")
    number, document = cjm[0]
    builder, actions = _journey(document, number, path)
    skipped: list[str] = []
    understood = [f"customer journey (document {number}): {builder.counts_line()}"]
    for index, blueprint in ((i, d) for i, d in documents if d.get("kind") == "sbp"):
        understood.append(add_blueprint(builder, blueprint, index, actions, skipped, path))
    if lanes := builder.lanes_line():
        understood.append(lanes)
    return builder.finish("yaml", understood, warnings, skipped)


def _documents(text: str, path: Any) -> list[tuple[int, dict[str, Any]]]:
    import yaml

    try:
        loaded = []
        for document in yaml.safe_load_all(text):
            check_cancelled()
            loaded.append(document)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ImportFileError(path, f"cannot be imported: it is not valid YAML ({problem})",
                              where) from None
    except RecursionError:
        raise ImportFileError(path, "cannot be imported: the YAML is nested too deeply") from None
    return [(i, d) for i, d in enumerate(loaded, start=1) if isinstance(d, dict)]


def _journey(document: dict[str, Any], number: int, path: Any
             ) -> tuple[MapBuilder, dict[str, str]]:
    """The map of the cjm document; returns the builder and action id -> stage id."""
    where = f"document {number}"
    persona = document.get("persona") if isinstance(document.get("persona"), dict) else {}
    phases = list_of(document.get("phases"), "phases", path, where)
    actions = list_of(document.get("actions"), "actions", path, where)
    language = "ja" if any(ord(c) >= 0x3000 for c in repr(document)[:20000]) else "en"
    title = text_of(document.get("title") or document.get("id"), "id", path, where)
    builder = MapBuilder(path, title, language,
                         text_of(persona.get("description"), "persona description", path, where))
    segment = builder.segment(text_of(persona.get("name"), "persona name", path, where)) \
        if persona.get("name") else ""
    stage_of_phase = {}
    for i, phase in enumerate(phases, start=1):
        if not isinstance(phase, dict):
            raise ImportFileError(path, "cannot be imported: a phase must have id and name",
                                  f"{where}, phases[{i}]")
        name = text_of(phase.get("name"), "a phase's name", path, f"{where}, phases[{i}]")
        phase_id = text_of(phase.get("id"), "a phase's id", path, f"{where}, phases[{i}]")
        stage_of_phase[phase_id] = builder.stage(name, phase_id or None, new=True)
    names = LANE_NAMES[language]
    lanes = {key: builder.lane(names[key], kind) for key, kind in (
        ("actions", LaneKind.ACTIONS), ("touchpoints", LaneKind.TOUCHPOINTS),
        ("thoughts", LaneKind.EXPERIENCES), ("emotion", LaneKind.EMOTION))}
    stage_of_action = {}
    for i, action in enumerate(actions, start=1):
        at = f"{where}, actions[{i}]"
        action_id, stage_id = _action(builder, action, stage_of_phase, lanes, segment, path, at)
        stage_of_action[action_id] = stage_id
    return builder, stage_of_action


def _action(builder: MapBuilder, action: Any, stages: dict[str, str], lanes: dict[str, str],
            segment: str, path: Any, at: str) -> tuple[str, str]:
    if not isinstance(action, dict):
        raise ImportFileError(path, "cannot be imported: an action must be a mapping", at)
    phase = text_of(action.get("phase"), "an action's phase", path, at)
    if phase not in stages:
        raise ImportFileError(path, f"cannot be imported: the action's phase {phase!r} is not "
                                    "one of the phases", at)
    stage = stages[phase]
    tags = (segment,) if segment else ()
    action_id = text_of(action.get("id"), "an action's id", path, at)
    builder.add_card(stage, lanes["actions"], text_of(action.get("name"), "an action's name",
                     path, at), CardKind.NOTE, action_id or None, tags)
    for key, kind, lane in (("touchpoints", CardKind.TOUCHPOINT, "touchpoints"),
                            ("thoughts_feelings", CardKind.NOTE, "thoughts")):
        for item in list_of(action.get(key), key, path, at):
            builder.add_card(stage, lanes[lane], text_of(item, f"an item of {key}", path, at),
                             kind, segments=tags)
    score = action.get("emotion_score")
    if score is not None:
        if isinstance(score, bool) or not isinstance(score, (int, float)):
            raise ImportFileError(path, f"cannot be imported: emotion_score must be a number "
                                        f"from −2 to 2, not {score!r}", at)
        if not -2 <= score <= 2:
            builder.warnings.append(f"{at}: emotion_score {score} is outside −2…2; clamped")
        builder.sample_emotion(stage, score, segment)
    return action_id, stage
