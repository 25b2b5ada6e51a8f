"""The schema's errors of a record, each said in the current language.

pydantic says what is wrong in English (its ``msg``); the shared wording
(:func:`dancoso_rules.load.validation.describe`) says each error from the catalogue: types, missing and
unknown fields, a value outside a ``Literal``, a number past its limit, text too long or too short. Here
are the forms of a record's own text (an activity id, a URL), so that no message of ``dancoso validate``
is left in pydantic's English.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pydantic import ValidationError

from dancoso_rules.errors import Location, Problem
from dancoso_rules.load.validation import located_problems
from dancoso_rules.record.model import ITEM_ID_PATTERN, URL_PATTERN, ActivityRecord

#: The forms (``pattern``) of a record's own text, and the catalogue key saying each (the shared ones,
#: ids and sha256, are :data:`dancoso_rules.load.validation.PATTERNS`).
PATTERNS: dict[str, str] = {
    ITEM_ID_PATTERN: "pattern.item_id",
    URL_PATTERN: "pattern.url",
}


def schema_problems(exc: ValidationError, data: Any, locate: Callable[[str], Location]) -> list[Problem]:
    """Each error of ``exc`` (validating ``data`` as an activity record) as a located problem."""
    return located_problems(exc, data, locate, ActivityRecord, patterns=PATTERNS)
