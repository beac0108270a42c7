"""The checks of a file's workshop data that a JSON Schema cannot make: who and what it names.

After the schema and the checks of the other references (filechecks.check_references, which
has made sure ids are unique across the file), this checks that the participants named by a
card (its dots, its author and last editor), a comment and a parking-lot item exist; that a
comment is on a card and a reply answers a top-level comment of the same card; and that a
card's named dots are at most its votes. Each problem is one FileProblem naming the place.
Raises ``FileProblem`` with a translatable Message. Imports model.fileformat (filechecks,
messages).
"""
from __future__ import annotations

from typing import Any

from model.fileformat.filechecks import FileProblem, json_path, short
from model.journey.messages import Message


def check_workshop_references(data: dict[str, Any]) -> None:
    participants = {p["id"] for p in data.get("participants", [])}
    cards = {c["id"] for c in data.get("cards", [])}
    comments = {c["id"]: c for c in data.get("comments", [])}
    for i, card in enumerate(data.get("cards", [])):
        _check_card(card, i, participants)
    for i, comment in enumerate(comments.values()):
        name, at = Message("comment {id}", id=short(comment["id"])), ("comments", i)
        if comment["card"] not in cards:
            raise FileProblem(Message("{comment} is on card {card}, which does not exist",
                                      comment=name, card=short(comment["card"])),
                              json_path(at + ("card",)))
        _person(comment, "author", participants, name, at)
        _check_parent(comment, comments, name, at)
    for i, item in enumerate(data.get("parking_lot", [])):
        _person(item, "author", participants,
                Message("parking item {id}", id=short(item["id"])), ("parking_lot", i))


def _check_card(card: dict[str, Any], index: int, participants: set[str]) -> None:
    dots = card.get("dots", {})
    if not dots and not card.get("created_by") and not card.get("edited_by"):
        return  # the common card: nothing to check
    name, at = Message("card {id}", id=short(card["id"])), ("cards", index)
    for participant_id in dots:
        if participant_id not in participants:
            raise FileProblem(Message("{card} has dots of participant {participant}, who does "
                                      "not exist", card=name, participant=short(participant_id)),
                              json_path(at + ("dots", participant_id)))
    named, votes = sum(dots.values()), card.get("votes", 0)
    if named > votes:
        raise FileProblem(Message("{card} has {named} named dots but only {votes} votes (the "
                                  "votes are the total)", card=name, named=named, votes=votes),
                          json_path(at + ("votes",)))
    for field in ("created_by", "edited_by"):
        _person(card, field, participants, name, at)


def _person(element: dict[str, Any], field: str, participants: set[str], name: Message,
            at: tuple) -> None:
    participant_id = element.get(field, "")
    if participant_id and participant_id not in participants:
        raise FileProblem(Message("{element}: its {field} is participant {participant}, who "
                                  "does not exist", element=name, field=field,
                                  participant=short(participant_id)), json_path(at + (field,)))


def _check_parent(comment: dict[str, Any], comments: dict[str, Any], name: Message,
                  at: tuple) -> None:
    parent_id = comment.get("parent", "")
    if not parent_id:
        return
    parent = comments.get(parent_id)
    if parent is None:
        raise FileProblem(Message("{comment} replies to comment {parent}, which does not exist",
                                  comment=name, parent=short(parent_id)),
                          json_path(at + ("parent",)))
    if parent_id == comment["id"] or parent.get("parent") or parent["card"] != comment["card"]:
        raise FileProblem(Message("{comment} replies to comment {parent}, but a reply must "
                                  "answer a top-level comment of the same card", comment=name,
                                  parent=short(parent_id)), json_path(at + ("parent",)))
