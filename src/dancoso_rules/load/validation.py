"""Turn pydantic's validation errors into located problems, one per error, for any located document."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel, ValidationError

from dancoso_rules.errors import Location, Problem
from dancoso_rules.i18n import tr
from dancoso_rules.load.located import join_pointer
from dancoso_rules.load.suggest import did_you_mean
from dancoso_rules.model.common import SLUG_RE


def data_pointer(data: Any, loc: tuple[str | int, ...]) -> tuple[str, Any]:
    """The JSON Pointer of a pydantic error location, skipping the tags of discriminated unions."""
    pointer, current = "", data
    for part in loc:
        if _has_child(current, part):
            pointer, current = join_pointer(pointer, part), current[part]
        elif isinstance(current, dict) and isinstance(part, str) and not _is_union_tag(part, current):
            return join_pointer(pointer, part), None
    return pointer, current


def _has_child(current: Any, part: str | int) -> bool:
    if isinstance(current, dict):
        return part in current
    return isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current)


def _is_union_tag(part: str, current: dict[str, Any]) -> bool:
    return current.get("kind") == part or part.startswith(("function-", "tagged-union", "union"))


def describe(
    error: dict[str, Any], model: type[BaseModel] | None, patterns: Mapping[str, str] | None = None
) -> str:
    """One message for one pydantic error, with the allowed fields when a field is unknown.

    ``patterns`` adds the forms of a schema's own text (a pattern → the catalogue key saying it) to the
    shared ones (:data:`PATTERNS`)."""
    kind = error["type"]
    field = error["loc"][-1] if error["loc"] else None
    if kind == "extra_forbidden" and isinstance(field, str):
        allowed = _allowed_fields(model, error["loc"][:-1])
        hint = did_you_mean(field, allowed) if allowed else ""
        return tr("field.unknown", field=field, hint=hint) + (
            tr("field.allowed", fields=", ".join(sorted(allowed))) if allowed else ""
        )
    if kind == "missing":
        return tr("field.missing", field=field)
    friendly = _FRIENDLY.get(kind)
    message = (
        _from_context(error, patterns or {})
        or (tr(friendly) if friendly else None)
        or str(error["msg"]).removeprefix("Value error, ")
    )
    if message.startswith("Input should be "):
        message = tr("value.expected", rest=message.removeprefix("Input should be "))
    value = error.get("input")
    if not isinstance(value, dict | list) and value is not None:
        return tr("field.got", message=message, value=value)
    return message


#: pydantic's limits on numbers: the name of the limit in the error's context, and the catalogue key.
_LIMITS: dict[str, tuple[str, str]] = {
    "greater_than": ("gt", "value.greater_than"),
    "greater_than_equal": ("ge", "type.number_at_least"),
    "less_than": ("lt", "value.less_than"),
    "less_than_equal": ("le", "value.at_most"),
}
_QUOTED = re.compile(r"'(?:[^'\\]|\\.)*'")


def _from_context(error: dict[str, Any], patterns: Mapping[str, str]) -> str | None:
    """The message of an error whose details pydantic gives in its context: a value outside a list of
    allowed ones, an unknown tag of a union (``kind: qualitatve``), a number past its limit, text too
    long or too short, text of the wrong form."""
    kind, context, value = error["type"], error.get("ctx") or {}, error.get("input")
    if kind in ("literal_error", "enum"):
        choices = _QUOTED.findall(str(context.get("expected", "")))
        last = choices.pop() if choices else ""
        expected = tr("word.or").join(filter(None, (", ".join(choices), last)))
        return tr("type.one_of" if choices else "type.exactly", expected=expected)
    if kind == "union_tag_invalid":
        tags = [t.strip().strip("'") for t in str(context.get("expected_tags", "")).split(",")]
        tag = str(context.get("tag", ""))
        name = str(context.get("discriminator", "")).strip("'")
        return tr(
            "value.unknown_tag", name=name, tag=tag, hint=did_you_mean(tag, tags), expected=", ".join(tags)
        )
    if kind in _LIMITS:
        name, key = _LIMITS[kind]
        return tr(key, limit=context.get(name), minimum=context.get(name))
    if kind == "string_too_long":
        return tr("type.at_most_characters", count=context.get("max_length"))
    if kind in ("string_too_short", "too_short") and isinstance(value, str):
        minimum = context.get("min_length", 1)
        return tr("type.non_empty_text") if minimum == 1 else tr("type.at_least_characters", count=minimum)
    if kind == "string_pattern_mismatch":
        pattern = str(context.get("pattern", ""))
        return tr(patterns.get(pattern) or PATTERNS.get(pattern) or "pattern.other", pattern=pattern)
    return None


#: pydantic's wording, said the way a person filling in a form would understand it: catalogue keys.
_FRIENDLY: dict[str, str] = {
    "string_type": "type.text",
    "int_type": "type.whole_number",
    "int_parsing": "type.whole_number",
    "int_from_float": "type.whole_number",
    "bool_type": "type.bool",
    "list_type": "type.list",
    "tuple_type": "type.list",
    "dict_type": "type.object",
    "model_type": "type.object",
    "model_attributes_type": "type.object",
    "string_too_short": "type.non_empty_text",
    "too_short": "type.non_empty_list",
}

#: The forms (``pattern``) of the models' text, said in words: catalogue keys.
PATTERNS: dict[str, str] = {
    SLUG_RE.pattern: "pattern.slug",
    "^[0-9a-fA-F]{64}$": "pattern.sha256",
    "^[0-9a-f]{64}$": "pattern.sha256_lower",
}


def _allowed_fields(model: type[BaseModel] | None, loc: tuple[Any, ...]) -> list[str]:
    """Best effort: the field names of the sub-model at ``loc``."""
    current: Any = model
    for part in loc:
        if isinstance(part, int) or current is None:
            continue
        fields = _fields_by_key(current)
        if fields is None:
            return []
        current = _inner_model(fields[part].annotation) if part in fields else _union_member(current, part)
    return list(_fields_by_key(current) or ())


def _fields_by_key(model: Any) -> dict[str, Any] | None:
    """A model's fields by the key written in the document (its alias, e.g. ``$schema``, or its name)."""
    fields = getattr(model, "model_fields", None)
    if fields is None:
        return None
    return {field.alias or name: field for name, field in fields.items()}


def _inner_model(annotation: Any) -> Any:
    """The model class inside ``X``, ``X | None``, ``tuple[X, ...]``, or the union itself."""
    args = getattr(annotation, "__args__", None)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if args:
        models = [a for a in (_inner_model(x) for x in args) if a is not None]
        if len(models) == 1:
            return models[0]
        return tuple(models) or None
    metadata = getattr(annotation, "__metadata__", None)
    if metadata is not None:
        return _inner_model(annotation.__origin__)
    return None


def _union_member(current: Any, tag: str) -> Any:
    if isinstance(current, tuple):
        for member in current:
            kind = getattr(member, "model_fields", {}).get("kind")
            if kind is not None and tag in getattr(kind.annotation, "__args__", ()):
                return member
    return None


def located_problems(
    exc: ValidationError,
    data: Any,
    locate: Any,
    model: type[BaseModel] | None = None,
    *,
    prefix: str = "",
    patterns: Mapping[str, str] | None = None,
) -> list[Problem]:
    """Each pydantic error of ``exc`` as a problem located in the document it came from.

    ``locate`` maps a JSON Pointer to a :class:`~dancoso_rules.errors.Location`; ``prefix`` is the
    pointer of ``data`` inside its document.
    """
    problems: list[Problem] = []
    for error in exc.errors(include_url=False):
        loc = tuple(error["loc"])
        pointer, _ = data_pointer(data, loc)
        location: Location = locate(prefix + pointer)
        problems.append(Problem(location, describe(dict(error), model, patterns), code=str(error["type"])))
    return problems
