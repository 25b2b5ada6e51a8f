"""Duty instances: each schedule expanded into dated instances over a record's period.

An instance has a *window* (from its first day to its due date: doing it then is on time), a *due
date*, and a *close date* (the last day on which doing it still counts, as late).

- **Periodic** and **regular** duties: one instance per calendar period (year, half-year, quarter,
  month; periods start on 1 January). With ``window: period`` the window opens on the period's
  first day; with ``window: after_period`` it opens the day after the period ends (the staff
  conference for 2025 is held in 2026). The due date is the ``due`` interpretation's duration
  after the period's last day (none: the last day itself); months are added first, keeping month
  ends (31/12 + 2 months = 28/02, or 29/02 in a leap year), then days. A due date so counted that
  falls on a day off moves to the next working day (see below); the last day of the period does not:
  a duty done within the month is due within it. An instance belongs to a
  record when its period **or its window** overlaps the record's period: a 2025 record holds the
  2024 conference (its window is in 2025) as well as the 2025 one (its period is 2025).
  With ``window: plan`` (a yearly plan) the due date is the ``due`` duration after the day before
  the period begins (31/12/2024 + 1 month = 31/01/2025) and the window opens as long before the
  period begins (01/12/2024); such an instance belongs to a record when its period overlaps it.
- **Triggered** duties: one instance per event of a listed type in the record, dated on or
  before the evaluation date; the window opens on the event's date and the duty is due
  ``respond_within`` after it. A duration led by working days (``P10WD30D``) counts them first on
  the working calendar of state agencies (:mod:`dancoso_rules.evaluation.workdays`: from the day
  after the event, Bộ luật Dân sự 2015 Điều 147), then its calendar part.
- **One-off** duties: one instance, due the ``due`` interpretation's duration after the
  instrument's effective date, with the window opening on that date; it belongs to a record whose
  period overlaps the window.
- **Qualitative** duties: one instance spanning the record's period; it has no due date.

A deadline counted as a duration (a periodic ``due``, a triggered ``respond_within``, a one-off's
``due``) that falls on a day off moves to the next working day when the ``deadline-on-day-off``
interpretation says so (Bộ luật Dân sự 2015, Điều 148 khoản 5): the yearly plan due 31/01/2025, a
Tết day off, is due Monday 03/02/2025. The instance keeps the stated deadline beside it.

The close date is the due date plus the schedule's ``close`` interpretation, or the shared default
for its kind (``late-window-yearly``, ``-half-yearly``, ``-quarterly``, ``-monthly``, ``-triggered``,
``-one-off``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise
from typing import NamedTuple

import msgspec

from dancoso_rules.errors import RuleError
from dancoso_rules.evaluation.interpretations import At, InterpretationTable
from dancoso_rules.evaluation.workdays import WorkingCalendar, working_calendar
from dancoso_rules.model import Duration, Frequency, Modality, Obligation, add_months, shift
from dancoso_rules.record.extensions import LONGEST_EXTENSION
from dancoso_rules.record.view import EventLike

_ONE_DAY = dt.timedelta(days=1)

#: The shared late-window interpretation used when a schedule names no ``close``.
DEFAULT_CLOSE: dict[str, str] = {
    Frequency.YEARLY.value: "late-window-yearly",
    Frequency.HALF_YEARLY.value: "late-window-half-yearly",
    Frequency.QUARTERLY.value: "late-window-quarterly",
    Frequency.MONTHLY.value: "late-window-monthly",
    Frequency.WEEKLY.value: "late-window-weekly",
    "triggered": "late-window-triggered",
    "one_off": "late-window-one-off",
}


#: The interpretation (a flag) that moves a deadline counted as a length of time off a day off.
ROLL_FORWARD_ID = "deadline-on-day-off"
#: The forces whose dates are reference dates, never moved off a day off.
_SOFT = frozenset({Modality.REQUEST, Modality.ENCOURAGEMENT})


class Shift(NamedTuple):
    """A :class:`~dancoso_rules.model.Duration` as the evaluator applies it, for every event of a record.

    (A named tuple of numbers: reading them costs less than reading a model's fields.)
    """

    months: int
    days: int
    working_days: int = 0

    @classmethod
    def of(cls, duration: Duration) -> Shift:
        return cls(duration.months, duration.days, duration.working_days)

    def after(self, day: dt.date) -> dt.date:
        """The date this long after ``day``: working days first (on the working calendar), then as
        :meth:`Duration.after <dancoso_rules.model.Duration.after>`."""
        if self.working_days:
            day = working_calendar().add_working_days(day, self.working_days)
        return shift(day, self.months, self.days)


#: A duration of nothing: a periodic duty due on its period's last day.
_NO_TIME = Shift(0, 0, 0)


@dataclass(frozen=True, slots=True)
class Plan:
    """A schedule with its interpretations resolved to values, and the ids it relied on.

    A dataclass, where the project's other value classes are msgspec structs (made at import in C,
    not by generating code): its cache of event dates is left out of equality and hashing, which a
    struct cannot do."""

    kind: str
    frequency: Frequency | None = None
    after_period: bool = False
    due: Shift | None = None
    close: Shift | None = None
    interpretations: tuple[str, ...] = ()
    #: A plan for its period: due ``due`` after the day before the period begins (``window: plan``).
    plan: bool = False
    #: Whether a deadline counted as a duration (``due``) that falls on a day off moves to the next working
    #: day (Bộ luật Dân sự 2015, Điều 148 khoản 5; never the end of a period a duty is done within).
    roll_forward: bool = False
    #: Whether its due dates rest on an interpretation (a deadline or a cadence the instrument does not
    #: state), which the explanations then say: "(theo diễn giải, hạn là ngày …)", never "chậm nhất ngày …".
    due_interpreted: bool = False
    #: :meth:`event_dates` by the event's day, kept as they are asked (a batch's events fall on the
    #: same few hundred days, and counting working days costs more than looking them up), under the
    #: working calendar they were counted on (``None`` for a plan that counts no working day): a new
    #: calendar (after ``working_calendar.cache_clear()``) counts them again.
    _event_dates: dict[WorkingCalendar | None, dict[dt.date, tuple[dt.date, dt.date, dt.date | None]]] = (
        field(default_factory=dict, compare=False, hash=False, repr=False)
    )

    def calendar(self) -> WorkingCalendar | None:
        """The working calendar its dates are counted on, or ``None`` when they depend on none."""
        return working_calendar() if self.counts_working_days else None

    @property
    def counts_working_days(self) -> bool:
        """Whether its dates depend on the working calendar: a deadline in working days, or moved off a day off."""
        return (
            self.roll_forward
            or (self.due is not None and self.due.working_days > 0)
            or (self.close is not None and self.close.working_days > 0)
        )

    def due_after(self, day: dt.date) -> dt.date:
        """The due date counted from ``day`` (the period's last day, the event, or the effective date)."""
        return day if self.due is None else self.due.after(day)

    def event_dates(self, day: dt.date) -> tuple[dt.date, dt.date, dt.date | None]:
        """The due and close dates of the instance of an event on ``day`` (a triggered plan's), and the
        deadline as stated when the due date counted was moved off a day off (else ``None``)."""
        # The calendar (the holidays, the decided days off) is built only for a plan that counts on it.
        calendar = self.calendar()
        kept = self._event_dates.get(calendar)
        if kept is None:
            self._event_dates.clear()  # only the dates of the calendar in use are kept
            kept = self._event_dates[calendar] = {}
        found = kept.get(day)
        if found is None:
            assert self.close is not None
            due, stated = self.counted(self.due_after(day), calendar)
            found = kept[day] = (due, self.close.after(due), stated)
        return found

    def counted(self, due: dt.date, calendar: WorkingCalendar | None) -> tuple[dt.date, dt.date | None]:
        """A deadline as counted, and as stated when it was moved off a day off (else ``None``): moved to the
        next working day when the plan rolls forward (``calendar``: the working calendar, given when it does)."""
        if self.roll_forward and calendar is not None and not calendar.is_working_day(due):
            return calendar.next_working_day(due), due
        return due, None

    def period_due(self, period: Span) -> dt.date:
        """The due date of the instance of ``period``."""
        return self.due_after(period.start - _ONE_DAY if self.plan else period.end)

    def period_window(self, period: Span) -> dt.date:
        """The first day of the window of the instance of ``period``."""
        if self.after_period:
            return period.end + _ONE_DAY
        if self.plan and self.due is not None:  # as long before the period as it is due after it begins
            return shift(period.start, -self.due.months, -self.due.days)
        return period.start


class Span(msgspec.Struct, frozen=True):
    """A labelled stretch of days: a calendar period (``2025-Q3``) or a record's period."""

    label: str
    start: dt.date
    end: dt.date


class Instance(NamedTuple):
    """One dated occurrence of a duty: window ``[start, end]``, due date, close date.

    ``end`` equals ``due`` for dated duties; a qualitative instance has ``due`` and ``close`` empty.
    ``event`` is the index of the triggering event in the record. (A named tuple: immutable, and
    cheap to make for each event of each record.)
    """

    start: dt.date
    end: dt.date
    due: dt.date | None = None
    close: dt.date | None = None
    period: Span | None = None
    event: int | None = None
    #: The deadline as stated, when the one counted (``due``) was moved off a day off.
    stated: dt.date | None = None

    def clipped(self, start: dt.date) -> Instance:
        """The same instance with its window opening no earlier than ``start``."""
        return self if start <= self.start else self._replace(start=start)


def as_stated(instance: Instance) -> dt.date:
    """A dated instance's deadline as stated, before any move off a day off: what decides whether the
    instrument or the bearer was there when it fell due."""
    due = instance.due if instance.stated is None else instance.stated
    assert due is not None, "a dated instance has a due date"
    return due


def plan_for(obligation: Obligation, table: InterpretationTable, uid: str, at: At = None) -> Plan:
    """Resolve an obligation's schedule against the interpretations in force for this evaluation
    (their values for an organisation's level on a day, if ``at`` is given)."""
    schedule = obligation.schedule
    ids = list(obligation.interpretation_ids())

    def close(default_key: str, named: str | None) -> Shift:
        close_id = named or DEFAULT_CLOSE[default_key]
        if close_id not in ids:
            ids.append(close_id)
        return Shift.of(table.duration(close_id, at))

    def rolls() -> bool:
        """Whether a deadline counted as a duration that ends on a day off moves to the next working day: never
        a request's or an encouragement's date, a reference date rather than a time limit."""
        if ROLL_FORWARD_ID not in table.by_id or obligation.modality in _SOFT:
            return False
        ids.append(ROLL_FORWARD_ID)
        return table.flag(ROLL_FORWARD_ID)

    if schedule.kind == "periodic":
        if schedule.window == "after_period" and schedule.due is None:
            raise RuleError(f"{uid}: a schedule with window 'after_period' must name a 'due' interpretation")
        due = Shift.of(table.duration(schedule.due, at)) if schedule.due else None
        interpreted = schedule.interpreted
        frequency = Frequency(schedule.frequency) if interpreted is None else table.frequency(interpreted, at)
        closing = close(frequency.value, schedule.close)
        # A deadline a duration after the period is a time limit, which a day off moves; the period's own end
        # (done within the month, the week; or a duration of nothing) is not.
        roll = due is not None and due != _NO_TIME and rolls()
        return Plan(
            "periodic",
            frequency,
            schedule.window == "after_period",
            due,
            closing,
            tuple(ids),
            plan=schedule.window == "plan",
            roll_forward=roll,
            due_interpreted=due is not None or interpreted is not None,
        )
    if schedule.kind == "regular":
        frequency = table.frequency(schedule.frequency, at)
        return Plan(
            "regular",
            frequency,
            False,
            None,
            close(frequency.value, schedule.close),
            tuple(ids),
            due_interpreted=True,
        )
    if schedule.kind == "triggered":
        due = Shift.of(table.duration(schedule.respond_within, at))
        closing = close("triggered", schedule.close)
        roll = rolls()
        return Plan(
            "triggered",
            due=due,
            close=closing,
            interpretations=tuple(ids),
            roll_forward=roll,
            due_interpreted=True,
        )
    if schedule.kind == "one_off":
        due = Shift.of(table.duration(schedule.due, at))
        closing = close("one_off", schedule.close)
        roll = rolls()
        return Plan(
            "one_off",
            due=due,
            close=closing,
            interpretations=tuple(ids),
            roll_forward=roll,
            due_interpreted=True,
        )
    return Plan("qualitative", interpretations=tuple(ids))


@lru_cache(maxsize=4096)
def calendar_period(day: dt.date, frequency: Frequency) -> Span:
    """The calendar period of ``frequency`` that holds ``day``, with its label (an ISO week: ``2025-W03``)."""
    if frequency is Frequency.WEEKLY:
        year, week, weekday = day.isocalendar()
        monday = day - dt.timedelta(days=weekday - 1)
        return Span(f"{year}-W{week:02d}", monday, monday + dt.timedelta(days=6))
    months = frequency.months
    index = (day.month - 1) // months
    start = dt.date(day.year, index * months + 1, 1)
    end = add_months(start, months) - _ONE_DAY
    if frequency is Frequency.YEARLY:
        label = f"{day.year}"
    elif frequency is Frequency.HALF_YEARLY:
        label = f"{day.year}-H{index + 1}"
    elif frequency is Frequency.QUARTERLY:
        label = f"{day.year}-Q{index + 1}"
    else:
        label = f"{day.year}-{start.month:02d}"
    return Span(label, start, end)


def record_span(start: dt.date, end: dt.date) -> Span:
    """A record's period, labelled like a calendar period when it is one, else ``start/end``."""
    for frequency in Frequency:
        period = calendar_period(start, frequency)
        if period.start == start and period.end == end:
            return period
    return Span(f"{start.isoformat()}/{end.isoformat()}", start, end)


def periodic_instances(plan: Plan, span: Span) -> tuple[Instance, ...]:
    """Instances of a periodic or regular plan whose period or window overlaps ``span``, oldest first; a due
    date a duration after its period that falls on a day off moved as :meth:`Plan.counted` moves it."""
    return _periodic_instances(plan, span, plan.calendar())


@lru_cache(maxsize=4096)
def _periodic_instances(plan: Plan, span: Span, calendar: WorkingCalendar | None) -> tuple[Instance, ...]:
    """:func:`periodic_instances`, kept by the working calendar too (a new one counts them again)."""
    assert plan.frequency is not None
    assert plan.close is not None
    frequency, closing = plan.frequency, plan.close
    period = calendar_period(span.start, frequency)
    while not plan.plan:  # step back while an earlier period's window still reaches into the span
        earlier = calendar_period(period.start - _ONE_DAY, frequency)
        if plan.counted(plan.period_due(earlier), calendar)[0] < span.start:
            break
        period = earlier
    found: list[Instance] = []
    while period.start <= span.end:
        due, stated = plan.counted(plan.period_due(period), calendar)
        found.append(Instance(plan.period_window(period), due, due, closing.after(due), period, None, stated))
        period = calendar_period(period.end + _ONE_DAY, frequency)
    return tuple(found)


def dated_instances(
    obligation: Obligation, table: InterpretationTable, uid: str, level: str, span: Span
) -> tuple[tuple[Instance, ...], tuple[str, ...]]:
    """Instances of a periodic or regular duty whose interpretations change with the date or level.

    The days around ``span`` are cut where a value changes for ``level``; each stretch has its plan
    (its values on the stretch's first day) and keeps the instances whose period begins in it (a
    commune chair's weekly reception up to 30/6/2026, then by the month). Also returns every
    interpretation id the plans relied on.
    """
    lowest = span.start - dt.timedelta(days=400)  # before any period whose window reaches the span
    cuts: set[dt.date] = set()
    for interpretation in table.dated(plan_for(obligation, table, uid).interpretations):
        cuts.update(interpretation.changes(level, lowest, span.end))
    bounds = [lowest, *sorted(cuts), span.end + _ONE_DAY]
    found: list[Instance] = []
    ids: dict[str, None] = {}
    for first, after in pairwise(bounds):
        plan = plan_for(obligation, table, uid, (level, first))  # one value all along the stretch
        ids.update(dict.fromkeys(plan.interpretations))
        for instance in periodic_instances(plan, span):
            assert instance.period is not None
            if (first == lowest or first <= instance.period.start) and instance.period.start < after:
                found.append(instance)
    found.sort(key=lambda i: (i.period.start if i.period else i.start, i.due or i.start))
    return tuple(found), tuple(ids)


#: A triggered instance as the evaluator first lays it: ``(start, due, close, event, stated)``, the
#: day of the event, the due (as counted) and close dates, the event's index in the record, and the
#: deadline as stated when the counted one was moved off a day off (else ``None``). A plain tuple: a
#: record may have hundreds of events; :func:`triggered_instance` writes it out for the report.
TriggeredDates = tuple[dt.date, dt.date, dt.date, int, dt.date | None]


def triggered_dates(plan: Plan, events: Sequence[tuple[int, EventLike]]) -> list[TriggeredDates]:
    """One instance per triggering event (given as ``(index in the record, event)``), by date, id and index.

    An event whose record gives it a longer period the law allows is due on that period's last day
    (:func:`extended`)."""
    found: list[TriggeredDates] = []
    for index, event in sorted(events, key=lambda pair: (pair[1].date, pair[1].id, pair[0])):
        day = event.date
        due, close, stated = plan.event_dates(day)
        longer = extended(plan, day, event)
        if longer is not None:
            due, stated = longer.due, longer.stated
        found.append((day, due, close, index, stated))
    return found


class Extended(NamedTuple):
    """The deadline of a triggered instance whose record gives a longer period (an event's ``extension``)."""

    #: The due date as counted, and as stated when it was moved off a day off (else ``None``).
    due: dt.date
    stated: dt.date | None
    #: The last day of the longer period, as the record gives it.
    until: dt.date
    #: The last day the law allows, when ``until`` lies beyond it (the due date is then that day), else ``None``.
    ceiling: dt.date | None


def extended(plan: Plan, day: dt.date, event: EventLike) -> Extended | None:
    """The deadline of the instance of ``event`` (on ``day``) when its record gives it a longer period that
    the law allows (:data:`~dancoso_rules.record.extensions.LONGEST_EXTENSION`), else ``None``.

    The longer period ends on the record's ``until``, never earlier than the ordinary deadline (an
    extension never shortens it), never later than the law's ceiling for the kind of case, counted from
    the ordinary deadline as stated, nor than the close of the late window. A day off at its end moves it
    to the next working day, as it moves the ordinary deadline (``deadline-on-day-off``)."""
    extension, longest = event.extension, LONGEST_EXTENSION.get(event.type)
    if extension is None or longest is None:
        return None
    due, close, stated = plan.event_dates(day)
    ceiling = min(close, (stated or due) + dt.timedelta(days=longest[0]))
    last = min(extension.until, ceiling)
    if last <= due:
        return None
    counted, moved = last, None
    if plan.roll_forward:
        calendar = working_calendar()
        if not calendar.is_working_day(last):
            counted, moved = min(calendar.next_working_day(last), close), last
    return Extended(counted, moved, extension.until, ceiling if extension.until > ceiling else None)


def triggered_instance(dates: TriggeredDates) -> Instance:
    """The :class:`Instance` of a triggered instance laid as :data:`TriggeredDates`."""
    start, due, close, event, stated = dates
    return Instance(start, due, due, close, None, event, stated)


def one_off_instances(plan: Plan, effective: dt.date, span: Span) -> list[Instance]:
    """The single instance of a one-off duty, if its window overlaps ``span``."""
    assert plan.close is not None
    due, stated = plan.counted(plan.due_after(effective), plan.calendar())
    if due < span.start or effective > span.end:
        return []
    return [Instance(effective, due, due, plan.close.after(due), stated=stated)]


def qualitative_instances(span: Span) -> list[Instance]:
    """The single instance of a qualitative duty: the record's whole period."""
    return [Instance(span.start, span.end, period=span)]
