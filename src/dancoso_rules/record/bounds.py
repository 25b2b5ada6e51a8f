"""The bounds of a record's days and period, shared by the validator and the fast path.

A module of its own, without pydantic: :mod:`dancoso_rules.record.fast` checks a clean record against
the same bounds as the models of :mod:`dancoso_rules.record.model`, which are loaded only for a record
that is not clean.
"""

from __future__ import annotations

import datetime as dt

from dancoso_rules.days import MAX_DATE, MIN_DATE
from dancoso_rules.model.schedule import labelled_period, shift

#: The longest period a record may cover, in months: ten years (its last day before the tenth
#: anniversary of its first). Evaluation lays out every period of every duty over it.
MAX_PERIOD_MONTHS = 120


def period_too_long(start: dt.date, end: dt.date) -> bool:
    """Whether a period from ``start`` to ``end`` is longer than :data:`MAX_PERIOD_MONTHS`."""
    return end >= shift(start, MAX_PERIOD_MONTHS, 0)


def covers_in_bounds(label: str) -> bool:
    """Whether the period ``label`` names lies within the days a record may name (:data:`MIN_DATE`...)."""
    first, last = labelled_period(label)
    return first >= MIN_DATE and last <= MAX_DATE


__all__ = ["MAX_DATE", "MAX_PERIOD_MONTHS", "MIN_DATE", "covers_in_bounds", "period_too_long"]
