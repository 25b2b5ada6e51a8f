"""Working days on the Vietnamese calendar of state agencies, for deadlines the law states in working days.

A working day is a Monday to Friday that is neither a public holiday of Bộ luật Lao động 2019,
Điều 112 (from the ``holidays`` package's Vietnam calendar) nor a day off decided for the year, or a
weekend day decided as a make-up working day (hoán đổi ngày làm việc). The yearly decisions are data,
``rules/calendar/vietnam-days-off.yaml``, each with the letter it comes from.

Counting follows Bộ luật Dân sự 2015: a period starts the day after the event (Điều 147), and a
deadline that falls on a day off moves to the end of the next working day (Điều 148 khoản 5). The
evaluation moves a deadline counted as a length of time (working days, days or months) under the
interpretation ``deadline-on-day-off``, citing :data:`ROLL_FORWARD`; the end of a period a duty is
done within does not move.

``holidays`` is imported only when a calendar is first built, so that importing this module is cheap.
"""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path
from typing import Annotated

import msgspec

from dancoso_rules.model.common import Frozen, Labels
from dancoso_rules.paths import bundled_rules_dir

#: The interpretation relied on when a deadline that falls on a day off is moved to the next working day.
ROLL_FORWARD = "Bộ luật Dân sự 2015, Điều 148 khoản 5"
#: Where a period counted from an event starts.
PERIOD_START = "Bộ luật Dân sự 2015, Điều 147"


class DaysOffDecision(Frozen, frozen=True, kw_only=True):
    """One decided occasion: its days off, its make-up working days, and the letter it comes from."""

    occasion: Labels
    source: str
    verified: bool
    days_off: tuple[dt.date, ...] = ()
    working_days: tuple[dt.date, ...] = ()


class DaysOffFile(Frozen, frozen=True, kw_only=True):
    """``rules/calendar/vietnam-days-off.yaml``: the years it decides and its decisions."""

    years: Annotated[tuple[int, ...], msgspec.Meta(min_length=1)]
    decisions: tuple[DaysOffDecision, ...] = ()


def days_off_file() -> Path:
    """The bundled data file of decided days off and make-up working days."""
    return bundled_rules_dir() / "calendar" / "vietnam-days-off.yaml"


def load_days_off(path: Path | None = None) -> DaysOffFile:
    """Read and check a days-off file (by default the bundled one); raises ``RuleError`` with its location."""
    from dancoso_rules.errors import Location, Problem, RuleError
    from dancoso_rules.load.yamlsafe import load_yaml
    from dancoso_rules.model.derive import validate  # pydantic, only when the file is read (not cached)

    source = path or days_off_file()
    document = load_yaml(source.read_text(encoding="utf-8"), str(source))
    try:
        return validate(DaysOffFile, document.data)
    except ValueError as exc:
        raise RuleError(Problem(Location(str(source)), f"invalid days-off file: {exc}")) from exc


class DecidedDays(msgspec.Struct, frozen=True):
    """What the working calendar takes from a days-off file: each day off with the name of its occasion,
    the make-up working days with theirs, and the years decided."""

    days_off: dict[dt.date, str]
    make_up: dict[dt.date, str]
    years: frozenset[int]

    @classmethod
    def of(cls, decisions: DaysOffFile) -> DecidedDays:
        """The days ``decisions`` decide (a day two decisions name keeps the later one's occasion)."""
        days_off: dict[dt.date, str] = {}
        make_up: dict[dt.date, str] = {}
        for decision in decisions.decisions:
            for day in decision.days_off:
                days_off[day] = decision.occasion.vi
            for day in decision.working_days:
                make_up[day] = decision.occasion.vi
        return cls(days_off, make_up, frozenset(decisions.years))


def decided_days(path: Path | None = None) -> DecidedDays:
    """The days the days-off file (by default the bundled one) decides.

    Reading the YAML and checking it costs more than the rest of a check of a record with a complaint,
    so what it decides is kept in the cache folder (:func:`cache_dir`), as JSON named by the SHA-256
    of the file's bytes: derived from that file and nothing else, and checked as it was written. A
    cache file that cannot be read, or does not hold what it should, is ignored and written again.
    """
    import hashlib

    from dancoso_rules.load.cache import cache_dir

    source = path or days_off_file()
    folder = cache_dir()
    cached = None
    if folder is not None:
        cached = folder / f"days-off-{hashlib.sha256(source.read_bytes()).hexdigest()}.json"
        found = _read_decided(cached)
        if found is not None:
            return found
    decided = DecidedDays.of(load_days_off(source))
    if cached is not None:
        years = sorted(decided.years)
        _write_json(
            cached,
            {
                "years": years,
                "days_off": _dated_json(decided.days_off),
                "make_up": _dated_json(decided.make_up),
            },
        )
    return decided


def _read_decided(path: Path) -> DecidedDays | None:
    data = _read_json(path)
    if not isinstance(data, dict):
        return None
    years = data.get("years")
    days_off, make_up = _dated(data.get("days_off")), _dated(data.get("make_up"))
    if days_off is None or make_up is None or not isinstance(years, list):
        return None
    if not all(isinstance(year, int) for year in years):
        return None
    return DecidedDays(days_off, make_up, frozenset(years))


class CountedDeadline(msgspec.Struct, frozen=True):
    """A deadline as stated (by the rule) and as counted (moved off a day off), with why it moved."""

    stated: dt.date
    counted: dt.date
    basis: str | None = None

    @property
    def moved(self) -> bool:
        """Whether the counted deadline differs from the stated one."""
        return self.counted != self.stated


class WorkingCalendar:
    """Which days state agencies work: the statutory holidays, the decided days off and make-up days.

    :meth:`is_working_day` is the one definition of a working day. Counting with it day by day costs a
    call per day (a complaint's ten working days, twice, for each event of each record), so each year
    the calendar knows (a year of its holidays and decisions) is laid out by it, at the first count
    that reaches the year, as :class:`_Counts`: :meth:`add_working_days`, :meth:`working_days_between`
    and :meth:`next_working_day` then look their answer up in the year's table, going on to the next
    year's when a count runs past the end of one. One record's counts lay out the year or two they
    reach, not every known year. Outside those years (no holiday is known there) they count day by
    day, by the same definition.
    """

    def __init__(self, decided: DecidedDays, holidays: dict[dt.date, str]) -> None:
        self._holidays = dict(holidays)
        self._days_off = decided.days_off
        self._make_up = decided.make_up
        self.decided_years = decided.years
        years = {day.year for day in (*self._holidays, *self._days_off, *self._make_up)} | decided.years
        self._years = (min(years), max(years)) if years else None
        self._tables: dict[int, _Counts] = {}

    def is_working_day(self, day: dt.date) -> bool:
        """Whether ``day`` is a working day of state agencies."""
        if day in self._make_up:
            return True
        return day.weekday() < 5 and day not in self._holidays and day not in self._days_off

    def day_off_reason(self, day: dt.date) -> str | None:
        """Why ``day`` is not a working day (the holiday or occasion, or "nghỉ hằng tuần"), else ``None``."""
        if self.is_working_day(day):
            return None
        if day in self._days_off:
            return self._days_off[day]
        if day in self._holidays:
            return self._holidays[day]
        return "nghỉ hằng tuần"

    def next_working_day(self, day: dt.date) -> dt.date:
        """``day`` itself when it is a working day, else the first working day after it."""
        table = self._year(day.year)
        if table is not None:
            # the working days of the year before ``day``: the next is the one after them
            found = table.before[day.toordinal() - table.first]
            while table is not None:
                if found < len(table.working):
                    return table.working[found]
                day = dt.date(table.year + 1, 1, 1)  # none left in the year: the first of the next
                table, found = self._year(day.year), 0
        while not self.is_working_day(day):
            day += _ONE_DAY
        return day

    def add_working_days(self, event: dt.date, count: int) -> dt.date:
        """The last day of a period of ``count`` working days counted from ``event``: it starts the day
        after (Bộ luật Dân sự 2015, Điều 147) and counts working days only; ``count`` 0 gives ``event``."""
        if count < 0:
            raise ValueError("a period of working days cannot be negative")
        if not count:
            return event
        day, table = event, self._year(event.year)
        if table is not None:
            # before[offset + 1] working days up to ``event`` included: the period ends on the count-th after
            last = table.before[event.toordinal() - table.first + 1] + count - 1
            while table is not None:
                if last < len(table.working):
                    return table.working[last]
                last -= len(table.working)  # past the year's end: counted on in the next year
                day, table = dt.date(table.year, 12, 31), self._year(table.year + 1)
            count = last + 1
        while count:
            day += _ONE_DAY
            if self.is_working_day(day):
                count -= 1
        return day

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """How many working days lie after ``start`` up to ``end`` included (0 when ``end`` <= ``start``)."""
        if end <= start:
            return 0
        whole_years = sum(self._through(dt.date(year, 12, 31)) for year in range(start.year, end.year))
        return whole_years - self._through(start) + self._through(end)

    def counted(self, stated: dt.date) -> CountedDeadline:
        """A stated deadline and the one counted from it: moved to the next working day when it falls on a
        day off (Bộ luật Dân sự 2015, Điều 148 khoản 5, an interpretation: :data:`ROLL_FORWARD`)."""
        counted = self.next_working_day(stated)
        return CountedDeadline(stated, counted, ROLL_FORWARD if counted != stated else None)

    def _through(self, day: dt.date) -> int:
        """How many working days of ``day``'s year fall on or before ``day``."""
        table = self._year(day.year)
        if table is not None:
            return table.before[day.toordinal() - table.first + 1]
        first = dt.date(day.year, 1, 1)
        return sum(self.is_working_day(first + dt.timedelta(days=n)) for n in range((day - first).days + 1))

    def _year(self, year: int) -> _Counts | None:
        """The days of ``year`` laid out by :meth:`is_working_day` at the first count that reaches it, then
        kept; ``None`` for a year the calendar does not know."""
        if self._years is None or not self._years[0] <= year <= self._years[1]:
            return None
        table = self._tables.get(year)
        if table is None:
            table = self._tables[year] = self._lay_out(year)
        return table

    def _lay_out(self, year: int) -> _Counts:
        first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
        before = [0]
        working: list[dt.date] = []
        day = first
        while day <= last:
            if self.is_working_day(day):
                working.append(day)
            before.append(len(working))
            day += _ONE_DAY
        return _Counts(year, first.toordinal(), before, working)


class _Counts(msgspec.Struct, frozen=True):
    """The days of ``year``, from ``first`` (the ordinal of its 1 January) on: ``before[i]`` is how many
    of the year's first ``i`` days are working days (``before[0]`` is 0), and ``working`` lists its
    working days in order, so that ``working[before[i]]`` is the first working day on or after day
    ``i`` (when the year has one)."""

    year: int
    first: int
    before: list[int]
    working: list[dt.date]


_ONE_DAY = dt.timedelta(days=1)


def _vietnam_holidays(years: range) -> dict[dt.date, str]:
    """The statutory holidays of ``years``, as the ``holidays`` package computes them.

    Computing them (importing the package, its lunar calendar and its Vietnamese names) costs about 0.2 s,
    once per process: the result is kept in the cache folder of the rule cache (:func:`cache_dir`), as JSON
    named by the package's version and the years, so that it is derived from the package and nothing else.
    A cache file that cannot be read, or does not hold dates and names, is ignored and written again.
    """
    from dancoso_rules.load.cache import cache_dir

    folder = cache_dir()
    cached: Path | None = None
    if folder is not None:
        version = holidays_version()
        if version is not None:
            cached = folder / f"holidays-vn-{version}-{years.start}-{years.stop - 1}.json"
    if cached is not None:
        found = _dated(_read_json(cached))
        if found is not None:
            return found
    import holidays

    calendar = holidays.country_holidays("VN", years=list(years), language="vi")
    computed = {day: str(name) for day, name in sorted(calendar.items())}
    if cached is not None:
        _write_json(cached, _dated_json(computed))
    return computed


def holidays_version() -> str | None:
    """The installed ``holidays`` package's version, read from the name of its ``.dist-info`` folder
    beside it, as ``importlib.metadata`` does, without importing that or the package (each costs more
    than a cached check's evaluation); ``None`` when not found (the holidays are then not cached)."""
    import importlib.util

    spec = importlib.util.find_spec("holidays")
    if spec is None or spec.origin is None:  # pragma: no cover - the package is a dependency
        return None
    found = [p.name for p in Path(spec.origin).parent.parent.glob("holidays-*.dist-info")]
    if len(found) != 1:  # pragma: no cover - not installed from a wheel
        return None
    return found[0].removeprefix("holidays-").removesuffix(".dist-info")


def _read_json(path: Path) -> object:
    """The JSON in a cache file, or ``None`` when it cannot be read."""
    import json

    try:
        found: object = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return found


def _dated(data: object) -> dict[dt.date, str] | None:
    """A JSON object of ISO dates to names, read back; ``None`` when it is not one."""
    if not isinstance(data, dict) or not all(isinstance(name, str) for name in data.values()):
        return None
    try:
        return {dt.date.fromisoformat(day): name for day, name in data.items()}
    except (ValueError, TypeError):
        return None


def _dated_json(days: dict[dt.date, str]) -> dict[str, str]:
    return {day.isoformat(): name for day, name in days.items()}


def _write_json(path: Path, data: object) -> None:
    """Write a cache file atomically; a read-only cache folder is not an error (it is computed again next time)."""
    import json
    import os

    text = json.dumps(data, ensure_ascii=False, indent=0)
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_text(text, encoding="utf-8")
        temporary.replace(path)
    except OSError:
        temporary.unlink(missing_ok=True)


@functools.cache
def working_calendar(first_year: int = 2019, last_year: int = 2035) -> WorkingCalendar:
    """The Vietnamese working calendar of state agencies for ``first_year`` to ``last_year`` (cached)."""
    return WorkingCalendar(decided_days(), _vietnam_holidays(range(first_year, last_year + 1)))


__all__ = [
    "PERIOD_START",
    "ROLL_FORWARD",
    "CountedDeadline",
    "DaysOffDecision",
    "DaysOffFile",
    "DecidedDays",
    "WorkingCalendar",
    "days_off_file",
    "decided_days",
    "load_days_off",
    "working_calendar",
]
