"""Working days on the Vietnamese calendar: Tết 2025 and 2026, 2/9, the decided swaps, and the data file."""

from __future__ import annotations

import datetime as dt
import json
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dancoso_rules.errors import RuleError
from dancoso_rules.evaluation.workdays import (
    ROLL_FORWARD,
    DecidedDays,
    WorkingCalendar,
    load_days_off,
    working_calendar,
)

D = dt.date


@pytest.fixture(scope="module")
def calendar() -> WorkingCalendar:
    return working_calendar()


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (D(2025, 1, 24), True),  # the Friday before Tết Ất Tỵ
        (D(2025, 1, 27), False),  # 28 tháng Chạp: decided day off
        (D(2025, 1, 31), False),  # mùng 3
        (D(2025, 2, 3), True),  # back to work
        (D(2025, 4, 26), True),  # Saturday worked for the 2/5 swap
        (D(2025, 5, 2), False),  # the Friday swapped off
        (D(2025, 9, 1), False),  # the day beside 2/9 (BLLĐ 2019 Điều 112 khoản 1 điểm đ)
        (D(2025, 9, 2), False),
        (D(2025, 9, 3), True),
        (D(2026, 1, 2), False),  # Tết Dương lịch 2026 swap: Friday off ...
        (D(2026, 1, 10), True),  # ... Saturday worked (Công văn 12729/VPCP-KGVX)
        (D(2026, 2, 13), True),  # the Friday before Tết Bính Ngọ
        (D(2026, 2, 16), False),
        (D(2026, 2, 20), False),
        (D(2026, 2, 23), True),
        (D(2026, 9, 2), False),
        (D(2026, 9, 3), True),
        (D(2026, 3, 7), False),  # an ordinary Saturday
    ],
)
def test_working_days_of_2025_and_2026(calendar: WorkingCalendar, day: dt.date, working: bool) -> None:
    assert calendar.is_working_day(day) is working


def test_denunciation_logged_within_seven_working_days_across_tet_2025(calendar: WorkingCalendar) -> None:
    # Received Wednesday 22/01/2025 (Luật Tố cáo 2018 Điều 24): 23, 24/01, then 03–07/02 after Tết.
    assert calendar.add_working_days(D(2025, 1, 22), 7) == D(2025, 2, 7)
    # Without the holidays it would have been Friday 31/01.
    assert calendar.working_days_between(D(2025, 1, 22), D(2025, 2, 7)) == 7


def test_complaint_accepted_within_ten_working_days_across_tet_2026(calendar: WorkingCalendar) -> None:
    # Received Tuesday 10/02/2026: 11, 12, 13/02, then 23–27/02, 02, 03/03 (NĐ 124/2020 Điều 16).
    assert calendar.add_working_days(D(2026, 2, 10), 10) == D(2026, 3, 3)


def test_period_across_national_day_2025_and_make_up_saturday(calendar: WorkingCalendar) -> None:
    assert calendar.add_working_days(D(2025, 8, 29), 1) == D(2025, 9, 3)
    # The make-up Saturday 26/04/2025 counts, the swapped Friday 02/05 does not.
    assert calendar.add_working_days(D(2025, 4, 25), 1) == D(2025, 4, 26)
    assert calendar.add_working_days(D(2025, 4, 29), 1) == D(2025, 5, 5)


def test_zero_and_negative_periods(calendar: WorkingCalendar) -> None:
    assert calendar.add_working_days(D(2025, 1, 27), 0) == D(2025, 1, 27)
    with pytest.raises(ValueError, match="negative"):
        calendar.add_working_days(D(2025, 1, 27), -1)


def test_a_deadline_on_a_day_off_moves_to_the_next_working_day(calendar: WorkingCalendar) -> None:
    on_tet = calendar.counted(D(2026, 2, 17))
    assert (on_tet.stated, on_tet.counted, on_tet.moved, on_tet.basis) == (
        D(2026, 2, 17),
        D(2026, 2, 23),
        True,
        ROLL_FORWARD,
    )
    assert "Điều 148 khoản 5" in ROLL_FORWARD
    on_weekday = calendar.counted(D(2026, 3, 31))
    assert (on_weekday.counted, on_weekday.moved, on_weekday.basis) == (D(2026, 3, 31), False, None)
    # 30/08/2025 is a Saturday before the 2/9 holidays: moved to Wednesday 03/09.
    assert calendar.counted(D(2025, 8, 30)).counted == D(2025, 9, 3)


def test_day_off_reasons_name_the_occasion(calendar: WorkingCalendar) -> None:
    assert calendar.day_off_reason(D(2026, 2, 18)) == "Tết Âm lịch Bính Ngọ 2026"
    assert calendar.day_off_reason(D(2026, 2, 21)) == "nghỉ hằng tuần"
    assert calendar.day_off_reason(D(2026, 2, 24)) is None


def test_every_decision_cites_its_source_and_says_whether_it_was_verified() -> None:
    data = load_days_off()
    assert set(data.years) == {2025, 2026}
    years_seen = set()
    for decision in data.decisions:
        assert decision.source.strip()
        if decision.verified:
            assert "VPCP" in decision.source or "TB-" in decision.source, decision.occasion.vi
        for day in (*decision.days_off, *decision.working_days):
            years_seen.add(day.year)
        # days off are weekdays; make-up working days are weekend days
        assert all(day.weekday() < 5 for day in decision.days_off), decision.occasion.vi
        assert all(day.weekday() >= 5 for day in decision.working_days), decision.occasion.vi
        assert decision.occasion.vi == unicodedata.normalize("NFC", decision.occasion.vi)
    assert years_seen == set(data.years)


def test_a_bad_days_off_file_is_a_located_error(tmp_path: Path) -> None:
    bad = tmp_path / "days-off.yaml"
    bad.write_text(
        "years: [2025]\ndecisions:\n  - occasion: {vi: x, en: x}\n    source: s\n    verified: maybe\n"
    )
    with pytest.raises(RuleError, match=r"days-off\.yaml"):
        load_days_off(bad)


def test_the_cached_holidays_are_the_packages_own(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from dancoso_rules.evaluation import workdays

    years = range(2024, 2027)
    monkeypatch.setenv("DANCOSO_NO_CACHE", "1")
    computed = workdays._vietnam_holidays(years)
    monkeypatch.delenv("DANCOSO_NO_CACHE")
    monkeypatch.setenv("DANCOSO_CACHE_DIR", str(tmp_path))
    assert workdays._vietnam_holidays(years) == computed  # computed, and written to the cache
    [cached] = tmp_path.glob("holidays-vn-*-2024-2026.json")
    assert workdays._vietnam_holidays(years) == computed  # read back from it
    for damaged in ("{not json", '{"2025-02-30": "x"}', '{"2025-01-01": 1}', "[]"):
        cached.write_text(damaged, encoding="utf-8")
        assert workdays._vietnam_holidays(years) == computed  # ignored, computed and written again
    assert json.loads(cached.read_text(encoding="utf-8"))["2025-01-01"] == computed[dt.date(2025, 1, 1)]


def test_the_holidays_version_is_the_one_importlib_metadata_gives() -> None:
    from importlib.metadata import version

    from dancoso_rules.evaluation import workdays

    assert workdays.holidays_version() == version("holidays")


def test_the_cached_days_off_are_those_of_the_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from dancoso_rules.evaluation import workdays

    expected = workdays.DecidedDays.of(load_days_off())
    assert expected.days_off[D(2026, 2, 18)] == "Tết Âm lịch Bính Ngọ 2026"
    assert expected.make_up
    assert expected.years == frozenset({2025, 2026})
    monkeypatch.setenv("DANCOSO_CACHE_DIR", str(tmp_path))
    assert workdays.decided_days() == expected  # read from the YAML, and written to the cache
    [cached] = tmp_path.glob("days-off-*.json")
    assert workdays.decided_days() == expected  # read back from it
    for damaged in (
        "{not json",
        "[]",
        '{"years": [2025], "days_off": {"2025-02-30": "x"}, "make_up": {}}',
        '{"years": ["2025"], "days_off": {}, "make_up": {}}',
        '{"years": [2025], "days_off": {}}',
    ):
        cached.write_text(damaged, encoding="utf-8")
        assert workdays.decided_days() == expected  # ignored, read from the YAML and written again
    edited = tmp_path / "days-off.yaml"
    edited.write_text("years: [2030]\ndecisions: []\n", encoding="utf-8")
    assert workdays.decided_days(edited) == workdays.DecidedDays({}, {}, frozenset({2030}))  # its own key


# The counts are looked up in tables laid out once per calendar and year; these are the plain definitions
# they must agree with, counting day by day with ``is_working_day``.


def _plain_add(calendar: WorkingCalendar, event: dt.date, count: int) -> dt.date:
    day = event
    while count:
        day += dt.timedelta(days=1)
        count -= calendar.is_working_day(day)
    return day


def _plain_between(calendar: WorkingCalendar, start: dt.date, end: dt.date) -> int:
    days = (end - start).days
    return sum(calendar.is_working_day(start + dt.timedelta(days=n)) for n in range(1, days + 1))


def _plain_next(calendar: WorkingCalendar, day: dt.date) -> dt.date:
    while not calendar.is_working_day(day):
        day += dt.timedelta(days=1)
    return day


#: Days around the years the calendars know (2023-2025), and beyond them, where counting goes day by day.
_AROUND = st.dates(D(2021, 6, 1), D(2027, 6, 30))


@st.composite
def calendars(draw: st.DrawFn) -> WorkingCalendar:
    """A calendar of holidays in 2023-2025, days off decided on weekdays, and weekend days worked."""
    holidays = draw(st.dictionaries(st.dates(D(2023, 1, 1), D(2025, 12, 31)), st.just("lễ"), max_size=40))
    weekdays = st.dates(D(2023, 1, 1), D(2025, 12, 31)).filter(lambda day: day.weekday() < 5)
    weekends = st.dates(D(2023, 1, 1), D(2025, 12, 31)).filter(lambda day: day.weekday() >= 5)
    days_off = draw(st.dictionaries(weekdays, st.just("nghỉ"), max_size=20))
    make_up = draw(st.dictionaries(weekends, st.just("làm bù"), max_size=20))
    return WorkingCalendar(DecidedDays(days_off, make_up, frozenset({2024, 2025})), holidays)


@settings(max_examples=200, deadline=None)
@given(calendars(), _AROUND, st.integers(0, 400), _AROUND)
def test_counting_working_days_agrees_with_counting_day_by_day(
    calendar: WorkingCalendar, day: dt.date, count: int, other: dt.date
) -> None:
    assert calendar.add_working_days(day, count) == _plain_add(calendar, day, count)
    assert calendar.next_working_day(day) == _plain_next(calendar, day)
    assert calendar.working_days_between(day, other) == _plain_between(calendar, day, other)
    assert calendar.working_days_between(other, day) == _plain_between(calendar, other, day)


def test_the_bundled_calendar_counts_as_day_by_day_over_its_years(calendar: WorkingCalendar) -> None:
    # Every day of 2019-2035 (and a little beyond), with Tết, the decided swaps and the make-up Saturdays.
    day = D(2018, 12, 1)
    while day <= D(2036, 1, 31):
        assert calendar.next_working_day(day) == _plain_next(calendar, day)
        for count in (1, 7, 10, 30):
            assert calendar.add_working_days(day, count) == _plain_add(calendar, day, count)
        assert calendar.working_days_between(day, day + dt.timedelta(days=45)) == _plain_between(
            calendar, day, day + dt.timedelta(days=45)
        )
        day += dt.timedelta(days=1)


def test_a_count_lays_out_only_the_years_it_reaches() -> None:
    # A record's few counts must not pay for laying out every known year (start-up of `dancoso check`).
    calendar = WorkingCalendar(DecidedDays({}, {}, frozenset(range(2019, 2036))), {})
    assert calendar.add_working_days(D(2025, 3, 3), 10) == D(2025, 3, 17)
    assert sorted(calendar._tables) == [2025]
    assert calendar.add_working_days(D(2025, 12, 26), 10) == D(2026, 1, 9)  # on into the next year
    assert sorted(calendar._tables) == [2025, 2026]


def test_a_calendar_that_knows_no_year_counts_day_by_day() -> None:
    empty = WorkingCalendar(DecidedDays({}, {}, frozenset()), {})
    assert empty.add_working_days(D(2025, 1, 3), 1) == D(2025, 1, 6)  # Friday, then Monday
    assert empty.next_working_day(D(2025, 1, 4)) == D(2025, 1, 6)
    assert empty.working_days_between(D(2025, 1, 3), D(2025, 1, 10)) == 5
