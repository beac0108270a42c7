"""Messages of the file layer in a form a user interface can translate, with no UI library here.

A ``Message`` is the English text (it *is* a ``str``, so the command line, logs and tests read it
as before) that also keeps its template and arguments: ``Message("is larger than the limit of
{limit} MiB", limit=64)``. The editor translates the template (Qt context "FileMessages"), and
each argument that is itself a Message, then fills it in (editor.i18n.translate_message). Every
template is a string literal in a ``Message(...)`` call, so that scripts/update_translations.py
finds them all in the source; arguments that come from the file (ids, values, JSON paths) stay as
they are. Templates use ``str.format`` fields, named, so a translation may order them freely.
Pure standard library; imports nothing of the project.
"""
from __future__ import annotations

from typing import Any

CONTEXT = "FileMessages"  # the translation context of every template


class Message(str):
    """English text of a message, with ``template`` and ``args`` to translate it."""

    template: str
    args: dict[str, Any]

    def __new__(cls, template: str, /, **args: Any) -> Message:
        text = super().__new__(cls, template.format(**args))
        text.template = template
        text.args = args
        return text

    def __reduce__(self):  # copy and pickle keep the parts
        return (_rebuild, (self.template, self.args))


def _rebuild(template: str, args: dict[str, Any]) -> Message:
    return Message(template, **args)


def either(choices: list[Any]) -> Any:
    """``a``, ``a or b``, ``a or b or c`` as one (translatable) Message."""
    result = choices[0]
    for choice in choices[1:]:
        result = Message("{first} or {second}", first=result, second=choice)
    return result
