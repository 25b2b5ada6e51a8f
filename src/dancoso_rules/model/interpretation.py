"""Interpretations: every number or deadline the instrument does not state, as labelled data.

An interpretation has an id, a value, a rationale and a basis: a citation of the law it rests on,
or ``project_default`` when it is this project's own reasonable reading. Users override them.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import model_validator

from dancoso_rules.model.common import Frozen, Labels, Slug, Text
from dancoso_rules.model.schedule import MAX_DURATION_DAYS, MAX_DURATION_MONTHS, Duration, Frequency

# At most six digits a number: more could only ever exceed the bounds below.
_DURATION = re.compile(r"^P(?:(?P<years>\d{1,6})Y)?(?:(?P<months>\d{1,6})M)?(?:(?P<days>\d{1,6})D)?$")

InterpretationKind = Literal["duration", "frequency"]
Basis = Literal["legal_source", "project_default"]


def parse_duration(text: str) -> Duration:
    """Parse an ISO 8601 calendar duration such as ``P3M``, ``P30D`` or ``P1Y``."""
    match = _DURATION.fullmatch(text)
    if match is None or text == "P":
        raise ValueError(f"expected an ISO 8601 duration such as 'P3M', 'P30D' or 'P1Y', got {text!r}")
    years, months, days = (int(match.group(g) or 0) for g in ("years", "months", "days"))
    if 12 * years + months > MAX_DURATION_MONTHS or days > MAX_DURATION_DAYS:
        raise ValueError(
            f"the duration {text!r} is longer than a hundred years; at most P100Y "
            f"({MAX_DURATION_MONTHS} months) and {MAX_DURATION_DAYS} days"
        )
    return Duration(months=12 * years + months, days=days)


class Interpretation(Frozen):
    """A value the instrument leaves open, with why this value was chosen and on what authority."""

    id: Slug
    title: Labels
    kind: InterpretationKind
    value: str
    basis: Basis
    source: Text | None = None
    rationale: Labels

    @model_validator(mode="after")
    def _check(self) -> Interpretation:
        if self.kind == "duration":
            parse_duration(self.value)
        elif self.value not in Frequency.__members__.values():
            allowed = ", ".join(f.value for f in Frequency)
            raise ValueError(
                f"a frequency interpretation's value must be one of {allowed}; got {self.value!r}"
            )
        if self.basis == "legal_source" and not self.source:
            raise ValueError("an interpretation with basis 'legal_source' must cite its source")
        return self

    @property
    def duration(self) -> Duration:
        """The value as a duration (only for ``kind: duration``)."""
        if self.kind != "duration":
            raise TypeError(f"interpretation {self.id!r} is a {self.kind}, not a duration")
        return parse_duration(self.value)

    @property
    def frequency(self) -> Frequency:
        """The value as a frequency (only for ``kind: frequency``)."""
        if self.kind != "frequency":
            raise TypeError(f"interpretation {self.id!r} is a {self.kind}, not a frequency")
        return Frequency(self.value)
