"""The bundled templates: which exist, in which languages, and loading one as a new map.

A template is a `.journey` file in ``resources/templates`` named ``<id>.<language>.journey``.
Pure Python, no Qt; imports the standard library, ``resources`` (for the folder) and model.* only.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import resources
from model.journey.errors import JourneyFileError, ModelError
from model.journey.journey_map import JourneyMap

DEFAULT_LANGUAGE = "en"
TEMPLATE_SUFFIX = ".journey"
# Listed first: the natural starting point when a facilitator has no better fit.
BLANK_TEMPLATE = "blank"


@dataclass(frozen=True)
class TemplateInfo:
    id: str
    language: str
    title: str
    description: str
    path: Path


def normalise_language(language: str) -> str:
    """The primary language subtag: "ja_JP.UTF-8" and "ja-JP" both give "ja"."""
    head = language.strip().lower().replace("_", "-").split(".")[0]
    return head.split("-")[0]


def _split_name(path: Path) -> tuple[str, str] | None:
    stem = path.name[: -len(TEMPLATE_SUFFIX)]
    template_id, dot, language = stem.rpartition(".")
    if not dot or not template_id or not language:
        return None  # not <id>.<language>.journey: not a template
    return template_id, language


def _read_header(path: Path) -> dict:
    """The ``map`` object of a template, read without building the whole map (listing is cheap)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise JourneyFileError(path, f"cannot read the template: {exc}") from None
    head = data.get("map") if isinstance(data, dict) else None
    return head if isinstance(head, dict) else {}


def list_templates(directory: Path | None = None) -> list[TemplateInfo]:
    """Every template file, ordered by id (blank first), then language."""
    folder = Path(directory) if directory is not None else resources.TEMPLATES_DIR
    infos = []
    for path in sorted(folder.glob(f"*{TEMPLATE_SUFFIX}")):
        parts = _split_name(path)
        if parts is None:
            continue
        head = _read_header(path)
        infos.append(TemplateInfo(parts[0], parts[1], str(head.get("title", "")),
                                  str(head.get("description", "")), path))
    infos.sort(key=lambda info: (info.id != BLANK_TEMPLATE, info.id, info.language))
    return infos


def template_ids(directory: Path | None = None) -> list[str]:
    """The distinct template ids, in listing order."""
    return list(dict.fromkeys(info.id for info in list_templates(directory)))


def find_template(template_id: str, language: str = DEFAULT_LANGUAGE,
                  directory: Path | None = None) -> TemplateInfo:
    """The template file for ``language``, else English, else any language it exists in."""
    candidates = [info for info in list_templates(directory) if info.id == template_id]
    if not candidates:
        known = ", ".join(template_ids(directory)) or "none"
        raise ModelError(f"unknown template {template_id!r}; known templates: {known}")
    by_language = {info.language: info for info in candidates}
    for wanted in (normalise_language(language), DEFAULT_LANGUAGE):
        if wanted in by_language:
            return by_language[wanted]
    return candidates[0]


def load_template(template_id: str, language: str = DEFAULT_LANGUAGE,
                  directory: Path | None = None) -> JourneyMap:
    """A new map from a template; each call returns a fresh map the caller may change freely."""
    # Imported here, not at the top: the file layer is heavier (JSON Schema) than a listing needs.
    from model.fileformat import load_journey

    return load_journey(find_template(template_id, language, directory).path)
