"""A JSON Schema error of a `.journey` file in words a person can act on: '<element>: <field> must
be ...' at the JSON path, as a translatable Message. Imports jsonschema's types only for checking,
and model.fileformat (filechecks, references, scenario_data), model.journey.messages.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from model.fileformat.filechecks import ELEMENT_ARRAYS, FileProblem, json_path, json_type, short
from model.fileformat.references import KIND_NAMES, KIND_WORDS
from model.fileformat.scenario_data import in_scenario
from model.journey.messages import Message, either

if TYPE_CHECKING:
    from jsonschema.exceptions import ValidationError

_TYPE_WORDS = {"string": Message("text"), "integer": Message("a whole number"),
               "number": Message("a number"), "object": Message("an object"),
               "array": Message("a list"), "null": Message("null"),
               "boolean": Message("true or false")}


def schema_problem(error: ValidationError, data: dict[str, Any]) -> FileProblem:
    """A schema error as a FileProblem: '<element>: <field> must be ...' at the JSON path;
    inside a scenario, 'scenario "To-be": <element>: ...' at ``scenarios[1]...``."""
    path = tuple(error.absolute_path)
    if len(path) > 2 and path[0] == "scenarios" and isinstance(path[1], int):
        entry = data["scenarios"][path[1]]
        return in_scenario(_problem_at(error, entry, path[2:]), entry, path[1])
    return _problem_at(error, data, path)


def _problem_at(error: ValidationError, data: dict[str, Any], path: tuple) -> FileProblem:
    if error.validator == "required":
        missing = next(k for k in error.validator_value if k not in error.instance)
        path += (missing,)
        problem = Message('the required field "{field}" is missing', field=missing)
    else:
        problem = _describe(error, _field_name(path))
    subject = _subject(data, path)
    if subject:
        problem = Message("{subject}: {problem}", subject=subject, problem=problem)
    return FileProblem(problem, json_path(path))


def _subject(data: dict[str, Any], path: tuple) -> Message | None:
    """'card "c7"' (or 'card number 7') when the path is inside an element."""
    if len(path) < 3 or path[0] not in ELEMENT_ARRAYS or not isinstance(path[1], int):
        return None
    element = data[path[0]][path[1]]
    element_id = element.get("id") if isinstance(element, dict) else None
    kind = KIND_WORDS[KIND_NAMES[path[0]]]
    if isinstance(element_id, str) and element_id:
        return Message("{kind} {id}", kind=kind, id=short(element_id))
    return Message("{kind} number {number}", kind=kind, number=path[1] + 1)


def _field_name(path: tuple) -> str:
    if not path:
        return Message("the file")
    last = path[-1]
    if isinstance(last, int):
        if len(path) > 1:
            return Message("entry {number} of {array}", number=last + 1, array=path[-2])
        return Message("an entry")
    if len(path) > 2 and path[-3] == "exit_criteria":
        return Message("the {field} of exit criterion {number}", field=last, number=path[-2] + 1)
    if len(path) > 1 and path[-2] == "emotions":
        if last:
            return Message("the emotion for segment {segment}", segment=short(last))
        return Message("the emotion of all customers")
    return last


def _describe(error: ValidationError, field: str) -> Message:
    keyword, value, schema = error.validator, error.instance, error.schema
    shown = short(value) if not isinstance(value, (dict, list)) else json_type(value)
    if "propertyNames" in error.schema_path and value == "":
        return Message("{field} has an empty key", field=field)
    if "propertyNames" in error.schema_path:
        return Message("{field} has the key {key}, which is longer than 64 characters",
                       field=field, key=short(value))
    if keyword == "type":
        expected = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        return Message("{field} must be {expected}, not {value}", field=field,
                       expected=either([_TYPE_WORDS[t] for t in expected]), value=shown)
    if keyword in ("enum", "const"):
        allowed = schema.get("enum", [schema.get("const")])
        return Message("{field} must be one of {allowed}; not {value}", field=field,
                       allowed=", ".join(map(short, allowed)), value=shown)
    if keyword in ("minimum", "maximum"):
        return _out_of_range(field, schema.get("minimum"), schema.get("maximum"), shown)
    return _describe_text(error, field, keyword, shown)


def _out_of_range(field: str, low: Any, high: Any, shown: str) -> Message:
    if high is not None:
        return Message("{field} must be from {low} to {high}, not {value}", field=field, low=low,
                       high=high, value=shown)
    return Message("{field} must be at least {low}, not {value}", field=field, low=low,
                   value=shown)


def _describe_text(error: ValidationError, field: str, keyword: str, shown: str) -> Message:
    if keyword == "maxLength":
        return Message("{field} is longer than the limit of {limit:,} characters", field=field,
                       limit=error.validator_value)
    if keyword == "minLength":
        return Message("{field} must not be empty", field=field)
    if keyword == "pattern":
        if "\\d{4}" in error.validator_value:  # the times of format version 2
            return Message("{field} must be a time like 2025-03-14T09:30:00+09:00, or empty; "
                           "not {value}", field=field, value=shown)
        if error.validator_value.startswith("^("):
            return Message('{field} must be a colour like "#4e79a7" or empty, not {value}',
                           field=field, value=shown)
        return Message('{field} must be a colour like "#4e79a7", not {value}', field=field,
                       value=shown)
    if keyword == "uniqueItems":
        return Message("{field} lists the same id twice", field=field)
    return Message("{field}: {detail}", field=field, detail=error.message[:200])
