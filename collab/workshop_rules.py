"""The repair rules of the workshop's data (R10-R12 in docs/collaboration.md): who is named,
dots within the running vote's rules, comments on cards. Pure Python, no Qt; imports
collab.layout only.

Like R1-R9 these are "repair on read": every peer derives the same map from the same document
state, and nothing here writes to the document (the engine writes the dots R11 cut back with
the next local step, so a later change of the vote cannot bring them back).
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .layout import DOTS, PEOPLE, VOTES, clean_record


def clean_people(record: dict[str, Any], participants: set[str]) -> None:
    """R10: authorship naming no live participant reads as "" (nobody known)."""
    for name in PEOPLE:
        if record.get(name) and record[name] not in participants:
            record[name] = ""


class VoteLimits:
    """R11: while a vote runs, the dots shown keep its rules whatever arrived concurrently.

    A participant's dots on one card are cut to ``max_per_card`` (when it is not 0); then, if
    their dots over all cards exceed ``dots_per_participant``, they are kept card by card in
    the order of the card ids, and the rest are not shown. Deterministic (the same on every
    peer), and a participant who clicked twice at once on two machines loses the dot on the
    card whose id sorts last. When no vote runs, dots are shown as they are."""

    def __init__(self) -> None:
        self.base: dict[str, dict[str, int]] = {}  # card id -> its dots before the cut
        self.cut: dict[str, dict[str, int]] = {}  # card id -> participant -> dots shown

    def note(self, card_id: str, dots: Mapping[str, int]) -> None:
        if dots:
            self.base[card_id] = dict(dots)
        else:
            self.base.pop(card_id, None)

    def forget(self, card_id: str) -> None:
        self.base.pop(card_id, None)

    def apply(self, vote: Mapping[str, Any], cards: dict[str, dict[str, Any]],
              bases: dict[str, dict[str, Any]], cached=None) -> set[str]:
        """Recompute the cuts; put the shown records in ``cards`` (the touched cards' clean
        records are ``bases``, the others' come from ``cached``, card id -> clean record).
        Returns the ids of the cards whose shown record changed."""
        new_cut = self._cuts(vote)
        changed = (set(self.cut) ^ set(new_cut)) | {c for c in new_cut if self.cut.get(c) != new_cut[c]}
        self.cut = new_cut
        for card_id in changed | (set(bases) & set(new_cut)):
            base = bases.get(card_id) or (cached(card_id) if cached else None)
            if card_id in cards and base is not None:
                cards[card_id] = _shown(base, new_cut.get(card_id, {}))
        return changed

    def _cuts(self, vote: Mapping[str, Any]) -> dict[str, dict[str, int]]:
        if not vote.get("active"):
            return {}
        budget, cap = vote["dots_per_participant"], vote["max_per_card"]
        by_participant: dict[str, dict[str, int]] = {}
        for card_id, dots in self.base.items():
            for participant_id, count in dots.items():
                by_participant.setdefault(participant_id, {})[card_id] = count
        cut: dict[str, dict[str, int]] = {}
        for participant_id, counts in by_participant.items():
            left = budget
            for card_id in sorted(counts):
                allowed = min(counts[card_id], cap) if cap else counts[card_id]
                allowed = min(allowed, left)
                left -= allowed
                if allowed != counts[card_id]:
                    cut.setdefault(card_id, {})[participant_id] = allowed
        return cut


def _shown(base: dict[str, Any], cut: dict[str, int]) -> dict[str, Any]:
    if not cut:
        return base
    dots = {p: cut.get(p, n) for p, n in base[DOTS].items()}
    dots = {p: n for p, n in dots.items() if n}
    removed = sum(base[DOTS].values()) - sum(dots.values())
    return {**base, DOTS: dots, VOTES: base[VOTES] - removed}


def project_comments(result, raw: Mapping[str, Mapping[str, Any]]) -> None:
    """R12: a comment is shown on a shown card (one on a card someone removed meanwhile stays
    in the document, hidden, and comes back if the removal is undone); its author names a live
    participant or reads as "". A reply to a reply joins the thread of its parent; a reply whose
    thread is not shown on the same card is hidden. Order: (created_at, id)."""
    participants, cards = set(result.orders["participant"]), result.records["card"]
    clean: dict[str, dict[str, Any]] = {}
    for comment_id in sorted(raw.get("comment", {})):
        if result.claims.get(comment_id) != "comment":
            continue
        record = clean_record("comment", comment_id, raw["comment"][comment_id])
        clean_people(record, participants)
        if record["card"] in cards:
            clean[comment_id] = record
    shown = {}
    for comment_id, record in clean.items():
        parent = clean.get(record["parent"]) if record["parent"] else None
        if parent is not None and parent["parent"]:  # a reply to a reply: into its thread
            record = {**record, "parent": parent["parent"]}
            parent = clean.get(parent["parent"])
        if record["parent"] and (parent is None or parent["parent"]
                                 or parent["card"] != record["card"]):
            continue
        shown[comment_id] = record
    result.records["comment"] = dict(sorted(shown.items(),
                                            key=lambda item: (item[1]["created_at"], item[0])))
