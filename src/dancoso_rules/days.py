"""The first and last day a record may name, and so the days a run may be evaluated on.

Evaluation adds deadlines of up to two hundred years
(:data:`~dancoso_rules.model.schedule.MAX_DURATION_MONTHS`, twice) to a record's days; far from the ends of
the calendar (years 1 and 9999) that arithmetic can never overflow. A module of its own, so that the
command line's help can name them without importing the record's models.
"""

from __future__ import annotations

import datetime as dt

MIN_DATE = dt.date(1900, 1, 1)
MAX_DATE = dt.date(2199, 12, 31)

__all__ = ["MAX_DATE", "MIN_DATE"]
