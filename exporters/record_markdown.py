"""The workshop record as Markdown (CommonMark with GitHub tables): a page a team pastes into a
wiki or a ticket. Every user text is escaped, so a title with ``*`` or ``|`` stays text and a
line break in a comment stays inside its list item or table cell. Imports exporters.record_content only.
"""
from __future__ import annotations

import re

from exporters.record_content import Record

_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")  # ( ) only matter after a ], which is escaped
_LIST_START = re.compile(r"\d+[.)]|[-+]")  # "1. x", "- x" or "+ x" at the start: a list


def md(text: str) -> str:
    """User text as Markdown that shows exactly these characters, on one line."""
    text = _SPECIAL.sub(r"\\\1", text.replace("\r\n", "\n").replace("\r", "\n"))
    start = _LIST_START.match(text)  # only the start: the later lines follow a <br>
    if start:
        text = f"{text[:start.end() - 1]}\\{text[start.end() - 1:]}"
    return text.replace("\n", "<br>")


def record_markdown(record: Record) -> str:
    labels = record.labels
    lines = [f"# {md(labels['record'])}: {md(record.title) or '—'}", ""]
    facts = [(labels["date"], record.span.date), (labels["duration"], record.duration),
             (labels["participants"], labels["list_sep"].join(md(n) for n in record.participants))]
    lines += [f"- **{md(key)}:** {value or '—'}" for key, value in facts] + [""]
    lines += _ranking(record) + _comments(record) + _parking(record)
    return "\n".join(lines).rstrip("\n") + "\n"


def _ranking(record: Record) -> list[str]:
    labels = record.labels
    lines = [f"## {md(labels['ranking'])}", ""]
    notes = [record.vote_rules, labels["anonymous"] if record.anonymous else ""]
    lines += [f"_{md(note)}_" for note in notes if note] + ([""] if any(notes) else [])
    if not record.ranking:
        return lines + [md(labels["nothing"]), ""]
    head = [labels["rank"], labels["card"], labels["kind"], labels["stage"], labels["lane"],
            labels["votes"], *record.voters]
    lines += ["| " + " | ".join(md(h) for h in head) + " |",
              "|" + "---|" * 5 + "---:|" + "---:|" * len(record.voters)]
    for row in record.ranking:
        named = dict(row.named)
        cells = [str(row.rank), md(row.card.card.title), md(record.kind(row)),
                 md(row.card.stage.name), md(row.card.lane.name), str(row.votes),
                 *(str(named.get(name, 0)) for name in record.voters)]
        lines.append("| " + " | ".join(cells) + " |")
    return lines + [""]


def _comments(record: Record) -> list[str]:
    lines = [f"## {md(record.labels['comments'])}", ""]
    if not record.comments:
        return lines + [md(record.labels["nothing"]), ""]
    card_id = None
    for row in record.comments:
        if row.card.card.id != card_id:
            card_id = row.card.card.id
            where = f"{md(row.card.stage.name)} / {md(row.card.lane.name)}"
            lines += ([""] if lines[-1] else []) + [
                f"### {md(row.card.card.title) or '—'} ({where})", ""]
        indent = "  " if row.reply_to else ""
        lines.append(f"{indent}- {_comment(record, row)}")
    return lines + [""]


def _comment(record: Record, row) -> str:
    who = ", ".join(md(part) for part in (row.author, row.time) if part)
    text = md(row.comment.text) + (f" — {who}" if who else "")
    if row.comment.resolved:
        text += f" ({md(record.labels['resolved'])})"
    return text


def _parking(record: Record) -> list[str]:
    lines = [f"## {md(record.labels['parking_lot'])}", ""]
    if not record.parking:
        return lines + [md(record.labels["nothing"])]
    for row in record.parking:
        who = ", ".join(md(part) for part in (row.author, row.time) if part)
        lines.append(f"{row.number}. {md(row.item.text)}" + (f" — {who}" if who else ""))
    return lines
