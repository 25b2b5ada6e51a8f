"""Schedules: how often a duty recurs and by when it is due.

The kinds follow the words of the instruments: ``periodic`` ("hàng năm", "định kỳ 06 tháng",
"hàng quý"), ``regular`` ("thường xuyên": the frequency is an interpretation), ``triggered`` (an
event opens the duty), ``one_off`` (once, by a date) and ``qualitative`` (not decidable from dates).
Every number the text does not state is named by the id of an interpretation, never written here.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from enum import StrEnum
from functools import lru_cache
from typing import Annotated, Literal

import msgspec

from dancoso_rules.i18n import tr
from dancoso_rules.model.common import FieldArgs, Frozen, Slug, check


class Frequency(StrEnum):
    """How often a periodic duty recurs; periods are calendar years, halves, quarters, months and
    ISO weeks (Monday to Sunday: citizen reception at commune level is weekly)."""

    YEARLY = "yearly"
    HALF_YEARLY = "half_yearly"
    QUARTERLY = "quarterly"
    MONTHLY = "monthly"
    WEEKLY = "weekly"

    @property
    def months(self) -> int:
        """The length of one period in months (0 for a week)."""
        return {"yearly": 12, "half_yearly": 6, "quarterly": 3, "monthly": 1, "weekly": 0}[self.value]


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` plus whole months; a month's last day stays the last day (31/12 + 3 months = 31/3)."""
    if months == 0:
        return day
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    last = calendar.monthrange(year, month)[1]
    was_last = day.day == calendar.monthrange(day.year, day.month)[1]
    return dt.date(year, month, last if was_last else min(day.day, last))


#: A calendar period as an activity names the one it covers: a year ``2025``, a half ``2025-H1``, a
#: quarter ``2025-Q3`` or a month ``2025-07``.
#: (Written without named groups: it is also the pattern of the record's JSON Schema.)
#: ASCII digits, as the published schema (ECMA-262) reads \d; Python's \d takes '٢٠٢٤' (Arabic-Indic) too.
PERIOD_LABEL = re.compile(r"^[0-9]{4}(-H[12]|-Q[1-4]|-(0[1-9]|1[0-2]))?$")
_PERIOD_PARTS = re.compile(
    r"(?P<year>[0-9]{4})(?:-H(?P<half>[12])|-Q(?P<quarter>[1-4])|-(?P<month>0[1-9]|1[0-2]))?"
)


@lru_cache(maxsize=1024)
def labelled_period(label: str) -> tuple[dt.date, dt.date]:
    """The first and last day of the calendar period ``label`` names (see :data:`PERIOD_LABEL`)."""
    match = _PERIOD_PARTS.fullmatch(label)
    if match is None:
        raise ValueError(
            f"expected a period written '2025', '2025-H1', '2025-Q3' or '2025-07', got {label!r}"
        )
    year = int(match["year"])
    if match["half"]:
        first, months = 6 * int(match["half"]) - 5, 6
    elif match["quarter"]:
        first, months = 3 * int(match["quarter"]) - 2, 3
    elif match["month"]:
        first, months = int(match["month"]), 1
    else:
        first, months = 1, 12
    start = dt.date(year, first, 1)
    return start, add_months(start, months) - dt.timedelta(days=1)


@lru_cache(maxsize=16384)
def shift(day: dt.date, months: int, days: int) -> dt.date:
    """``day`` plus ``months`` (month ends kept, see :func:`add_months`) and then ``days``."""
    # Kept for the last days asked: a batch asks the same few hundred days again and again.
    return add_months(day, months) + dt.timedelta(days=days)


#: The longest duration an interpretation may give: a hundred years, as months or as days. Every
#: deadline a text leaves open is far shorter; the bound keeps date arithmetic inside the calendar.
MAX_DURATION_MONTHS = 1200
MAX_DURATION_DAYS = 36525
#: The most working days a duration may count: the law states a few (07, 10); a year has about 250.
MAX_WORKING_DAYS = 2500


class Duration(Frozen, frozen=True, kw_only=True):
    """A duration: working days (counted first, on the working calendar of state agencies), then
    whole months (month ends kept) and then days.

    Working days are data here: the model cannot count them (the calendar belongs to the
    evaluation, ``dancoso_rules.evaluation.workdays``), so :meth:`after` is for calendar durations.
    """

    months: Annotated[int, msgspec.Meta(ge=0, le=MAX_DURATION_MONTHS)] = 0
    days: Annotated[int, msgspec.Meta(ge=0, le=MAX_DURATION_DAYS)] = 0
    working_days: Annotated[int, msgspec.Meta(ge=0, le=MAX_WORKING_DAYS)] = 0

    @property
    def is_zero(self) -> bool:
        """Whether the duration adds nothing."""
        return not (self.months or self.days or self.working_days)

    def after(self, day: dt.date) -> dt.date:
        """The date this calendar duration after ``day`` (working days are counted by the evaluation)."""
        if self.working_days:
            raise ValueError(f"{self} counts working days: count it with the working calendar")
        return shift(day, self.months, self.days)

    def __str__(self) -> str:
        parts = (
            ([f"{self.working_days}WD"] if self.working_days else [])
            + ([f"{self.months}M"] if self.months else [])
            + ([f"{self.days}D"] if self.days else [])
        )
        return "P" + ("".join(parts) or "0D")


class Periodic(Frozen, frozen=True, kw_only=True):
    """A duty for every calendar period of the stated frequency.

    ``window: period`` means doing it during the period counts; ``after_period`` means it is done
    for a period once that period has ended (the annual staff conference reviews the year just past);
    ``plan`` means it is done for a period as that period begins (a yearly plan, "hằng năm, xây dựng
    kế hoạch"): it is due ``due`` after the day before the period's first day (31/12 + 1 month =
    31/01), and doing it counts on time from as long before the period begins (from 01/12).
    ``due`` names an interpretation: how long after the period's last day it is due (none: that day),
    or for ``plan``, how long after the period began.
    ``close`` names an interpretation: how long after the due date doing it still counts, late.
    """

    kind: Literal["periodic"]
    #: A frequency, or the id of a frequency interpretation when the text states the cadence loosely
    #: ("định kỳ (hàng quý, tháng)") or not at all: the cadence is then a labelled reading.
    frequency: Annotated[Frequency | Slug, FieldArgs(union_mode="left_to_right")]
    window: Literal["period", "after_period", "plan"] = "period"
    due: Slug | None = None
    close: Slug | None = None

    @check
    def _after_period_needs_due(self) -> None:
        if self.window == "after_period" and self.due is None:
            raise ValueError(tr("model.after_period_due"))
        if self.window == "plan" and self.due is None:
            raise ValueError(tr("model.plan_due"))

    @property
    def interpreted(self) -> str | None:
        """The id of the interpretation that gives the frequency, if the frequency is not stated."""
        return None if isinstance(self.frequency, Frequency) else self.frequency

    def interpretation_ids(self) -> tuple[str, ...]:
        return tuple(i for i in (self.interpreted, self.due, self.close) if i)


class Regular(Frozen, frozen=True, kw_only=True):
    """A duty done "thường xuyên" (regularly): the minimum frequency is an interpretation."""

    kind: Literal["regular"]
    frequency: Slug
    close: Slug | None = None

    def interpretation_ids(self) -> tuple[str, ...]:
        return tuple(i for i in (self.frequency, self.close) if i)


class Triggered(Frozen, frozen=True, kw_only=True):
    """A duty opened by an event (a complaint received, a violation found), due within a deadline."""

    kind: Literal["triggered"]
    events: Annotated[tuple[Slug, ...], msgspec.Meta(min_length=1)]
    respond_within: Slug
    close: Slug | None = None

    def interpretation_ids(self) -> tuple[str, ...]:
        return tuple(i for i in (self.respond_within, self.close) if i)


class OneOff(Frozen, frozen=True, kw_only=True):
    """A duty done once; ``due`` names an interpretation counted from the instrument's effective date."""

    kind: Literal["one_off"]
    due: Slug
    close: Slug | None = None

    def interpretation_ids(self) -> tuple[str, ...]:
        return tuple(i for i in (self.due, self.close) if i)


class Qualitative(Frozen, frozen=True, kw_only=True):
    """A duty of conduct that dates cannot decide: it is shown by evidence or an attestation per record."""

    kind: Literal["qualitative"]

    def interpretation_ids(self) -> tuple[str, ...]:
        return ()


Schedule = Annotated[Periodic | Regular | Triggered | OneOff | Qualitative, FieldArgs(discriminator="kind")]
