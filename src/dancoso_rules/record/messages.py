"""The schema's errors of a record, each said in the current language.

pydantic says what is wrong in English (its ``msg``); the shared wording of the common errors
(:func:`dancoso_rules.load.validation.describe`) covers types, missing and unknown fields. Here are
the other errors the record schema can produce (a value outside a ``Literal``, a number below its
minimum, text too long or too short, a value of the wrong form), said from the catalogue, so that no
message of ``dancoso validate`` is left in pydantic's English.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from pydantic import ValidationError

from dancoso_rules.errors import Location, Problem
from dancoso_rules.i18n import tr
from dancoso_rules.load.validation import located_problems
from dancoso_rules.model.common import SLUG_RE
from dancoso_rules.record.model import ITEM_ID_PATTERN, SHA256_PATTERN, URL_PATTERN, ActivityRecord

#: The forms (``pattern``) a record's text must have, and the catalogue key saying each.
PATTERNS: dict[str, str] = {
    SLUG_RE.pattern: "pattern.slug",
    ITEM_ID_PATTERN: "pattern.item_id",
    URL_PATTERN: "pattern.url",
    SHA256_PATTERN: "pattern.sha256",
}
_QUOTED = re.compile(r"'(?:[^'\\]|\\.)*'")


def schema_problems(exc: ValidationError, data: Any, locate: Callable[[str], Location]) -> list[Problem]:
    """Each error of ``exc`` (validating ``data`` as an activity record) as a located problem."""
    problems = located_problems(exc, data, locate, ActivityRecord)
    errors = exc.errors(include_url=False)
    return [
        replace(problem, message=message) if (message := schema_message(dict(error))) is not None else problem
        for problem, error in zip(problems, errors, strict=True)
    ]


def schema_message(error: dict[str, Any]) -> str | None:
    """The message for one pydantic error of a record, or ``None`` when the shared wording says it."""
    kind = error["type"]
    context = error.get("ctx") or {}
    value = error.get("input")
    if kind == "literal_error":
        choices = _QUOTED.findall(str(context.get("expected", "")))
        last = choices.pop() if choices else ""
        expected = tr("word.or").join(filter(None, (", ".join(choices), last)))
        message = tr("type.one_of" if choices else "type.exactly", expected=expected)
    elif kind == "greater_than_equal":
        message = tr("type.number_at_least", minimum=context.get("ge"))
    elif kind == "string_too_long":
        message = tr("type.at_most_characters", count=context.get("max_length"))
    elif kind in ("string_too_short", "too_short") and isinstance(value, str):
        minimum = context.get("min_length", 1)
        message = tr("type.non_empty_text") if minimum == 1 else tr("type.at_least_characters", count=minimum)
    elif kind == "string_pattern_mismatch":
        pattern = str(context.get("pattern", ""))
        key = PATTERNS.get(pattern)
        message = tr(key) if key else tr("pattern.other", pattern=pattern)
    else:
        return None
    if isinstance(value, dict | list) or value is None:
        return message
    return tr("field.got", message=message, value=value)
