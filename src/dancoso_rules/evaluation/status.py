"""The seven statuses of a duty instance, their order, and the rule that decides between them.

A status is decided *as of* an evaluation date, from three dates of the instance (its due date and
its close date) and the day it was done, if the record shows it done by then:

- ``met``: done within the window, on or before the due date;
- ``late``: done after the due date, on or before the close date;
- ``overdue``: not done, the due date has passed, the close date has not;
- ``missed``: not done, and the close date has passed;
- ``upcoming``: not done, and the due date has not passed (the due date itself is still in time);
- ``not_applicable``: the instance does not bind the organisation (the result says why);
- ``unverified``: a qualitative duty that no attestation or evidence shows.

For "more evidence never makes things worse", statuses are ordered by :data:`STATUS_RANK`:
``met`` > ``late`` > ``overdue`` = ``upcoming`` = ``unverified`` > ``missed``. ``not_applicable``
has no rank: evidence never makes a duty bind. It can only show done (``met``) an instance that does not
bind but that the body did while the duty bound it: one due after its bearer ceased, or before the
instrument took effect (see :func:`~dancoso_rules.evaluation.applicability.credited_span`).
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import NamedTuple


class Status(StrEnum):
    """The status of one duty instance as of the evaluation date."""

    MET = "met"
    LATE = "late"
    OVERDUE = "overdue"
    MISSED = "missed"
    UPCOMING = "upcoming"
    NOT_APPLICABLE = "not_applicable"
    UNVERIFIED = "unverified"


#: How good a status is for the organisation; higher is better. ``not_applicable`` is not ranked.
STATUS_RANK: dict[Status, int] = {
    Status.MET: 3,
    Status.LATE: 2,
    Status.OVERDUE: 1,
    Status.UPCOMING: 1,
    Status.UNVERIFIED: 1,
    Status.MISSED: 0,
}


class Decision(NamedTuple):
    """A status with its day counts: days left before the due date, days overdue, days late."""

    status: Status
    days_left: int | None = None
    days_overdue: int | None = None
    days_late: int | None = None


def dated_status(due: dt.date, close: dt.date, done_on: dt.date | None, as_of: dt.date) -> Status:
    """The status of a dated instance, without its day counts (:func:`decide` gives both)."""
    if done_on is not None:
        return Status.MET if done_on <= due else Status.LATE
    if as_of <= due:
        return Status.UPCOMING
    if as_of <= close:
        return Status.OVERDUE
    return Status.MISSED


def decide(*, due: dt.date, close: dt.date, done_on: dt.date | None, as_of: dt.date) -> Decision:
    """The status of a dated instance; ``done_on`` is the day it was done (already known to be ≤ ``as_of``)."""
    status = dated_status(due, close, done_on, as_of)
    if status is Status.LATE:
        assert done_on is not None
        return Decision(status, days_late=(done_on - due).days)
    if status is Status.UPCOMING:
        return Decision(status, days_left=(due - as_of).days)
    if status is Status.OVERDUE:
        return Decision(status, days_overdue=(as_of - due).days)
    return Decision(status)
