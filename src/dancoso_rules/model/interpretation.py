"""Interpretations: every number or deadline the instrument does not state, as labelled data.

An interpretation has an id, a value, a rationale and a basis: a citation of the law it rests on,
or ``project_default`` when it is this project's own reasonable reading. Users override them.

Its kind says what its value is: a ``duration`` (ISO 8601, ``P3M``), a ``frequency`` (``quarterly``)
or a ``flag`` (``yes`` or ``no``: a reading the law leaves open, such as whether a merged agency
answers for its former province's instrument).
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import model_validator

from dancoso_rules.model.common import Frozen, Labels, Slug, Text
from dancoso_rules.model.schedule import Duration, Frequency

_DURATION = re.compile(r"^P(?:(?P<years>\d+)Y)?(?:(?P<months>\d+)M)?(?:(?P<days>\d+)D)?$")

InterpretationKind = Literal["duration", "frequency", "flag"]
#: The values of a ``flag`` interpretation.
FLAG_VALUES = ("yes", "no")
Basis = Literal["legal_source", "project_default"]


def parse_duration(text: str) -> Duration:
    """Parse an ISO 8601 calendar duration such as ``P3M``, ``P30D`` or ``P1Y``."""
    match = _DURATION.fullmatch(text)
    if match is None or text == "P":
        raise ValueError(f"expected an ISO 8601 duration such as 'P3M', 'P30D' or 'P1Y', got {text!r}")
    years, months, days = (int(match.group(g) or 0) for g in ("years", "months", "days"))
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
        elif self.kind == "flag":
            if self.value not in FLAG_VALUES:
                raise ValueError(f"a flag interpretation's value must be 'yes' or 'no'; got {self.value!r}")
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
    def flag(self) -> bool:
        """The value as a yes/no flag (only for ``kind: flag``)."""
        if self.kind != "flag":
            raise TypeError(f"interpretation {self.id!r} is a {self.kind}, not a flag")
        return self.value == "yes"

    @property
    def frequency(self) -> Frequency:
        """The value as a frequency (only for ``kind: frequency``)."""
        if self.kind != "frequency":
            raise TypeError(f"interpretation {self.id!r} is a {self.kind}, not a frequency")
        return Frequency(self.value)
