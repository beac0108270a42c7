"""Who wrote what, and when, in words: the authorship of a card (created by, last edited by) for
its tooltip and the inspector, and the names and times the comments and parking-lot docks show.

The model keeps a participant's id and an ISO 8601 time (docs/workshop.md, "the data"); people
read a name and a local time. Times are shown in this computer's time zone to the minute, as
"2026-11-30 14:05": the same in English and Japanese, and unambiguous in a room of people from
different places. An unknown author or time ("", a version 1 file) is left out, never guessed.
Imports: model, editor.canvas.tooltips, editor.i18n.
"""
from __future__ import annotations

from datetime import datetime

from editor.canvas.tooltips import wrapped_tooltip
from editor.i18n import tr
from model import Card, JourneyMap, ModelError


def moment_text(iso_time: str) -> str:
    """An ISO 8601 time as local "YYYY-MM-DD HH:MM"; the text itself when it is not a time."""
    if not iso_time:
        return ""
    try:
        moment = datetime.fromisoformat(iso_time)
    except ValueError:
        return iso_time
    if moment.tzinfo is not None:
        moment = moment.astimezone()  # this computer's zone: what the clock on the wall says
    return f"{moment:%Y-%m-%d %H:%M}"


def person_name(journey: JourneyMap | None, participant_id: str) -> str:
    """A participant's name; the id itself when the map does not know it (yet)."""
    if not participant_id or journey is None:
        return participant_id
    try:
        return journey.participant(participant_id).name
    except (ModelError, KeyError):
        return participant_id


def _who_when(template_both: str, template_time: str, template_name: str, name: str,
              when: str) -> str:
    if name and when:
        return template_both.replace("%1", name).replace("%2", when)
    if when:
        return template_time.replace("%2", when)
    return template_name.replace("%1", name) if name else ""


def created_text(card: Card, journey: JourneyMap | None) -> str:
    """"Aiko, 2026-11-30 14:05"; "" when neither is known."""
    return _who_when(tr("%1, %2"), "%2", "%1", person_name(journey, card.created_by),
                     moment_text(card.created_at))


def edited_text(card: Card, journey: JourneyMap | None) -> str:
    return _who_when(tr("%1, %2"), "%2", "%1", person_name(journey, card.edited_by),
                     moment_text(card.edited_at))


def authorship_lines(card: Card, journey: JourneyMap | None) -> list[str]:
    """"Created by Aiko, 2026-11-30 14:05" and "Last edited by Ken, …", each when known."""
    if not (card.created_by or card.created_at or card.edited_by or card.edited_at):
        return []  # most cards of an older map: no translation looked up per card
    lines = []
    created, edited = created_text(card, journey), edited_text(card, journey)
    if created:
        lines.append(tr("Created by %1").replace("%1", created) if card.created_by
                     else tr("Created %1").replace("%1", created))
    if edited:
        lines.append(tr("Last edited by %1").replace("%1", edited) if card.edited_by
                     else tr("Last edited %1").replace("%1", edited))
    return lines


def card_tooltip(card: Card, journey: JourneyMap | None = None) -> str:
    """A card's tooltip: its details (or title), then who created and last edited it."""
    text = card.details or card.title
    lines = authorship_lines(card, journey)
    if lines:
        text = "\n\n".join(part for part in (text.strip(), "\n".join(lines)) if part)
    return wrapped_tooltip(text)
