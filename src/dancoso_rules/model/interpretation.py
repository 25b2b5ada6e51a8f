"""Interpretations: every number or deadline the instrument does not state, as labelled data.

An interpretation has an id, a value, a rationale and a basis: a citation of the law it rests on,
or ``project_default`` when it is this project's own reasonable reading. Users override them.

Its kind says what its value is: a ``duration`` (ISO 8601, ``P3M``; working days, which the law
counts on the calendar of state agencies, as ``WD`` before the calendar part: ``P10WD30D`` is ten
working days and then thirty days), a ``frequency`` (``quarterly``)
or a ``flag`` (``yes`` or ``no``: a reading the law leaves open, such as whether a merged agency
answers for its former province's instrument).

A value may change on a date and differ by the bearer's level: ``values`` lists dated values, each
for some levels (none: every level), from a day (``since``) and/or up to a day (``until``, included),
with its own source, and ``verified: false`` when its text could not be checked (the report says
so). The first dated value that fits the organisation's level and the day applies; otherwise
``value``. Citizen reception is the first use: the commune chair weekly, then, from 01/7/2026, as
the amending law says.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

from dancoso_rules.i18n import tr
from dancoso_rules.model.common import Frozen, Labels, Slug, Text, check
from dancoso_rules.model.schedule import (
    MAX_DURATION_DAYS,
    MAX_DURATION_MONTHS,
    MAX_WORKING_DAYS,
    Duration,
    Frequency,
)
from dancoso_rules.model.vocabulary import Level

# At most six digits a number: more could only ever exceed the bounds below.
_DURATION = re.compile(
    r"^P(?:(?P<working_days>\d{1,6})WD)?(?:(?P<years>\d{1,6})Y)?"
    r"(?:(?P<months>\d{1,6})M)?(?:(?P<days>\d{1,6})D)?$"
)

InterpretationKind = Literal["duration", "frequency", "flag"]
#: The values of a ``flag`` interpretation.
FLAG_VALUES = ("yes", "no")
Basis = Literal["legal_source", "project_default"]


def parse_duration(text: str) -> Duration:
    """Parse an ISO 8601 calendar duration such as ``P3M``, ``P30D`` or ``P1Y``, optionally led by
    working days: ``P10WD`` (ten working days), ``P10WD30D`` (ten working days, then thirty days)."""
    match = _DURATION.fullmatch(text)
    if match is None or text == "P":
        raise ValueError(tr("model.duration_form", text=text))
    working, years, months, days = (
        int(match.group(g) or 0) for g in ("working_days", "years", "months", "days")
    )
    if 12 * years + months > MAX_DURATION_MONTHS or days > MAX_DURATION_DAYS:
        raise ValueError(
            tr("model.duration_long", text=text, months=MAX_DURATION_MONTHS, days=MAX_DURATION_DAYS)
        )
    if working > MAX_WORKING_DAYS:
        raise ValueError(tr("model.duration_working", text=text, limit=MAX_WORKING_DAYS))
    # Checked above: built without validation.
    return Duration(months=12 * years + months, days=days, working_days=working)


def _check_value(kind: InterpretationKind, value: str) -> None:
    if kind == "duration":
        parse_duration(value)
    elif kind == "flag":
        if value not in FLAG_VALUES:
            raise ValueError(tr("model.flag_value", value=value))
    elif value not in Frequency.__members__.values():
        allowed = ", ".join(f.value for f in Frequency)
        raise ValueError(tr("model.frequency_value", allowed=allowed, value=value))


class DatedValue(Frozen, frozen=True, kw_only=True):
    """A value of an interpretation for some levels and some days, with its own source."""

    value: str
    levels: tuple[Level, ...] = ()
    since: dt.date | None = None
    until: dt.date | None = None
    source: Text | None = None
    verified: bool = True
    note: Labels | None = None

    @check
    def _ordered(self) -> None:
        if self.since is not None and self.until is not None and self.until < self.since:
            raise ValueError(tr("model.dated_order", until=self.until, since=self.since))

    def fits(self, level: str | None, day: dt.date) -> bool:
        """Whether this value applies to an organisation of ``level`` on ``day``."""
        if self.levels and level not in self.levels:
            return False
        return (self.since is None or self.since <= day) and (self.until is None or day <= self.until)


class Interpretation(Frozen, frozen=True, kw_only=True):
    """A value the instrument leaves open, with why this value was chosen and on what authority."""

    id: Slug
    title: Labels
    kind: InterpretationKind
    value: str
    basis: Basis
    source: Text | None = None
    rationale: Labels
    values: tuple[DatedValue, ...] = ()

    @check
    def _check(self) -> None:
        _check_value(self.kind, self.value)
        for dated in self.values:
            _check_value(self.kind, dated.value)
        if self.basis == "legal_source" and not self.source:
            raise ValueError(tr("model.legal_source"))

    def value_for(self, level: str | None, day: dt.date) -> tuple[str, DatedValue | None]:
        """The value for an organisation of ``level`` on ``day``, and the dated value it comes from (if any)."""
        for dated in self.values:
            if dated.fits(level, day):
                return dated.value, dated
        return self.value, None

    def changes(self, level: str | None, start: dt.date, end: dt.date) -> tuple[dt.date, ...]:
        """The days within ``[start, end]`` (after ``start``) on which the value for ``level`` may change."""
        days = set()
        for dated in self.values:
            if dated.levels and level not in dated.levels:
                continue
            if dated.since is not None and start < dated.since <= end:
                days.add(dated.since)
            if dated.until is not None and start <= dated.until < end:
                days.add(dated.until + dt.timedelta(days=1))
        return tuple(sorted(days))

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
