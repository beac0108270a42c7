"""The words of the undo history: which field of which element an edit changed.

"Edit title of “Chat support”" tells a facilitator scrolling the History dock what each step was;
"Edit card" seven times does not. The controller asks here for the text of each update it pushes.
Imports: model, editor.i18n.
"""
from __future__ import annotations

from collections.abc import Iterable

from editor.i18n import tr
from model import JourneyMap

NAME_LENGTH = 30  # longer names are cut with "…": the History dock is narrow


def field_label(kind: str, field: str) -> str:
    """The field's name as it reads inside a sentence ("title", "conversion rate")."""
    labels = {
        "title": tr("title"), "details": tr("details"), "channel": tr("channel"),
        "owner": tr("owner"), "colour": tr("colour"), "segments": tr("segments"),
        "votes": tr("votes"), "feeling": tr("customer feeling"), "stakes": tr("what is at stake"),
        "actions": tr("team actions"), "name": tr("name"), "overview": tr("overview"),
        "exit_criteria": tr("exit criteria"), "emotions": tr("emotions"),
        "trigger": tr("trigger"), "conversion_rate": tr("conversion rate"),
        "description": tr("description"), "language": tr("language"), "stage_ids": tr("stages"),
        "kind": tr("kind"),
    }
    return labels.get(field, field.replace("_", " "))


def element_name(journey: JourneyMap, kind: str, element_id: str | None) -> str:
    """What the user calls the element: a card's title, a stage's name, "A → B" for a move."""
    if kind == "map":
        name = journey.title
    elif kind == "transition":
        transition = journey.transition(element_id)
        name = f"{journey.stage(transition.source).name} → {journey.stage(transition.target).name}"
    elif kind == "card":
        name = journey.card(element_id).title
    else:
        name = getattr(journey, kind)(element_id).name
    name = " ".join(name.split())  # a title of several lines reads as one
    if not name:
        return tr("(untitled)")
    return name if len(name) <= NAME_LENGTH else name[:NAME_LENGTH - 1] + "…"


def update_text(journey: JourneyMap, kind: str, element_id: str | None, fields: Iterable[str]) -> str:
    """The history entry of an edit of ``fields`` of one element (read before the change)."""
    fields = list(fields)
    name = element_name(journey, kind, element_id)
    if fields == ["emotions"]:
        return tr("Set emotion of \"%1\"").replace("%1", name)
    if kind == "map":
        if len(fields) == 1:
            return tr("Edit map %1").replace("%1", field_label(kind, fields[0]))
        return tr("Edit map")
    if len(fields) == 1:
        return tr("Edit %1 of \"%2\"").replace("%1", field_label(kind, fields[0])).replace("%2", name)
    return tr("Edit \"%1\"").replace("%1", name)


def cards_update_text(fields: Iterable[str], count: int) -> str:
    """The history entry of one edit made to several cards at once."""
    fields = sorted(set(fields))
    if len(fields) == 1:
        return (tr("Edit %1 of %2 cards").replace("%1", field_label("card", fields[0]))
                .replace("%2", str(count)))
    return tr("Edit %1 cards").replace("%1", str(count))
