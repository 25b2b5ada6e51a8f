"""Properties a lawyer would state, checked by Hypothesis on generated records.

- More evidence never makes things worse: adding an activity never lowers any status in the order
  met > late > overdue = upcoming = unverified > missed (``STATUS_RANK``), and never makes a duty bind:
  a not-applicable instance stays so, or is met (what a body did before it ceased, or while an
  instrument was in force, for an instance that fell due outside that time).
- A later evaluation date never turns an overdue or missed duty back into an upcoming one.
- The order of the record's activities, events and attestations does not matter.
- Shifting every date of a record (and the evaluation date) by whole years shifts its instances and
  nothing else. Shifts are by multiples of 4 years within 2026-2099, so leap days stay leap days.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

import msgspec
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dancoso_rules.evaluation import STATUS_RANK, DutyResult, Report, Status, assess, evaluate
from dancoso_rules.record.model import ActivityRecord
from evaluate_helpers import (
    BOARD,
    COMPLAINTS,
    INSPECTION,
    MONTHLY,
    REGULATION,
    REPORT,
    SELF_STUDY,
    STAFF,
    fixture_rulebook,
)

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
TYPES = (
    "staff_conference",
    "democracy_report",
    "inspection",
    "disclosure",
    "complaint_resolution",
    "law_study",
    "inspection_plan",
)
EVENTS = ("complaint_received", "denunciation_received")
#: Duties an activity may name in ``serves``, of every kind of schedule, and a provision (which names no duty).
SERVED = (
    STAFF,
    REPORT,
    INSPECTION,
    COMPLAINTS,
    REGULATION,
    SELF_STUDY,
    MONTHLY,
    BOARD,
    "fix-tra-vinh.art_1__cl_3",
)


def _iso(day: dt.date) -> str:
    return day.isoformat()


@st.composite
def records(draw: st.DrawFn, near_the_cut_offs: bool = False) -> tuple[dict[str, Any], dt.date]:
    """A one-year record of a provincial department of Trà Vinh, as JSON data, and an evaluation date.

    ``near_the_cut_offs``: a record of 2024 (the resolution took effect on 19/12/2024: the yearly plan of
    2024 fell due before it) or 2025, of the department or of a district committee (which ceased on
    01/7/2025), where instances that do not bind can still be shown done."""
    year = draw(st.sampled_from([2024, 2025]) if near_the_cut_offs else st.integers(2026, 2030))
    around = st.dates(dt.date(year - 1, 6, 1), dt.date(year + 1, 6, 30))
    events = []
    for n in range(draw(st.integers(0, 3))):
        date = draw(st.dates(dt.date(year, 1, 1), dt.date(year, 12, 31)))
        event: dict[str, Any] = {
            "id": f"e{n}",
            "type": draw(st.sampled_from(EVENTS)),
            "date": _iso(date),
            "title": "e",
        }
        if draw(st.booleans()):
            event["resolution"] = {"date": _iso(date + dt.timedelta(days=draw(st.integers(0, 80))))}
        if draw(st.booleans()):  # a longer period the law allows, as the body decided it
            until = date + dt.timedelta(days=draw(st.integers(0, 150)))
            event["extension"] = {"until": _iso(until), "basis": "Vụ việc phức tạp"}
        events.append(event)
    activities = []
    for n in range(draw(st.integers(0, 25))):
        start = draw(around)
        item: dict[str, Any] = {"id": f"a{n}", "type": draw(st.sampled_from(TYPES)), "title": "a"}
        if draw(st.booleans()):
            item["date"] = _iso(start)
        else:
            item["start"], item["end"] = _iso(start), _iso(start + dt.timedelta(days=draw(st.integers(0, 5))))
        if draw(st.booleans()):
            item["evidence"] = [{"number": f"{n}/BC"}]
        if events and draw(st.booleans()):
            item["serves"] = [draw(st.sampled_from([e["id"] for e in events]))]
        if draw(st.integers(0, 3)) == 0:  # now and then, a duty it was done for, whatever its type
            item["serves"] = [*item.get("serves", ()), draw(st.sampled_from(SERVED))]
        if draw(st.integers(0, 3)) == 0:  # now and then, the period it reports on or reviews
            covered = draw(st.sampled_from(["", "-H1", "-H2", "-Q1", "-Q2", "-Q3", "-Q4", "-06", "-12"]))
            item["covers"] = f"{draw(st.sampled_from([year - 1, year]))}{covered}"
        activities.append(item)
    attestations = [
        {
            "id": f"x{n}",
            "obligation": SELF_STUDY,
            "attested_by": "a",
            "statement": "s",
            "date": _iso(draw(around)),
        }
        for n in range(draw(st.integers(0, 1)))
    ]
    district = near_the_cut_offs and draw(st.booleans())
    data = {
        "organisation": {
            "id": "so-thu-nghiem",
            "name": "Sở Thử nghiệm",
            "kind": "district_peoples_committee" if district else "provincial_department",
            "level": "district" if district else "province",
            "territory": "tra-vinh",
        },
        "period": {"start": f"{year}-01-01", "end": f"{year}-12-31"},
        "activities": activities,
        "events": events,
        "attestations": attestations,
    }
    as_of = draw(st.dates(dt.date(year, 1, 1), dt.date(year + 2, 12, 31)))
    return data, as_of


def run(data: dict[str, Any], as_of: dt.date) -> Report:
    return evaluate(ActivityRecord.model_validate(data), packs=fixture_rulebook(), as_of=as_of)


def key(result: DutyResult) -> tuple[str, str | None, str | None]:
    return (result.obligation, result.period and result.period.label, result.trigger and result.trigger.id)


def by_key(report: Report) -> dict[tuple[str, str | None, str | None], DutyResult]:
    table = {key(r): r for r in report.results}
    assert len(table) == len(report.results)
    return table


@SETTINGS
@given(records(), st.sampled_from(TYPES), st.integers(-200, 400), st.data())
def test_adding_an_activity_never_worsens_a_status(
    case: tuple[dict[str, Any], dt.date], kind: str, offset: int, data: st.DataObject
) -> None:
    _never_worse(case, kind, offset, data)


@SETTINGS
@given(records(near_the_cut_offs=True), st.sampled_from(TYPES), st.integers(-200, 400), st.data())
def test_adding_an_activity_near_the_cut_offs_never_worsens_a_status(
    case: tuple[dict[str, Any], dt.date], kind: str, offset: int, data: st.DataObject
) -> None:
    _never_worse(case, kind, offset, data)


def _never_worse(case: tuple[dict[str, Any], dt.date], kind: str, offset: int, data: st.DataObject) -> None:
    record, as_of = case
    year = int(record["period"]["start"][:4])
    extra: dict[str, Any] = {"id": "added", "type": kind, "title": "a", "evidence": [{"number": "1/BC"}]}
    extra["date"] = _iso(dt.date(year, 1, 1) + dt.timedelta(days=offset))
    if record["events"] and data.draw(st.booleans()):
        extra["serves"] = [data.draw(st.sampled_from([e["id"] for e in record["events"]]))]
    if data.draw(st.booleans()):
        extra["serves"] = [*extra.get("serves", ()), data.draw(st.sampled_from(SERVED))]
    before = by_key(run(record, as_of))
    after = by_key(run({**record, "activities": [*record["activities"], extra]}, as_of))
    assert before.keys() == after.keys()
    for k, old in before.items():
        new = after[k]
        if old.status is Status.NOT_APPLICABLE:  # shown done at most, never made to bind
            assert new.status in (Status.NOT_APPLICABLE, Status.MET), (k, new.status)
            continue
        assert STATUS_RANK[new.status] >= STATUS_RANK[old.status], (k, old.status, new.status)


#: Records of either kind: far from the cut-offs, or near them (see :func:`records`).
ANY_RECORDS = st.booleans().flatmap(lambda near: records(near_the_cut_offs=near))


@SETTINGS
@given(ANY_RECORDS, st.integers(1, 800))
def test_a_later_evaluation_date_never_makes_a_duty_upcoming_again(
    case: tuple[dict[str, Any], dt.date], days: int
) -> None:
    record, as_of = case
    earlier, later = by_key(run(record, as_of)), by_key(run(record, as_of + dt.timedelta(days=days)))
    for k, old in earlier.items():
        if old.status in (Status.OVERDUE, Status.MISSED):
            assert later[k].status is not Status.UPCOMING, k
        if old.status in (Status.MET, Status.LATE):
            assert later[k].status is old.status, k


def _without_pointers(report: Report) -> str:
    return re.sub(r'"pointer": "[^"]*"', '"pointer": ""', report.to_json())


@SETTINGS
@given(ANY_RECORDS, st.randoms(use_true_random=False))
def test_the_order_of_the_record_does_not_matter(case: tuple[dict[str, Any], dt.date], random: Any) -> None:
    record, as_of = case
    shuffled = {**record}
    for field in ("activities", "events", "attestations"):
        items = list(record[field])
        random.shuffle(items)
        shuffled[field] = items
    original, reordered = run(record, as_of), run(shuffled, as_of)
    # Byte-identical except the JSON Pointers, which follow each item to its new place ...
    assert _without_pointers(original) == _without_pointers(reordered)
    if record["events"] == shuffled["events"] and record["activities"] == shuffled["activities"]:
        assert original.to_json() == reordered.to_json()
    # ... and every pointer still names the item with the same id.
    for result in reordered.results:
        for ref in (*result.evidence, *([result.trigger] if result.trigger else [])):
            parts = ref.pointer.strip("/").split("/")
            assert shuffled[parts[0]][int(parts[1])]["id"] == ref.id


@SETTINGS
@given(ANY_RECORDS)
def test_counting_the_statuses_gives_the_counts_of_the_written_report(
    case: tuple[dict[str, Any], dt.date],
) -> None:
    record, as_of = case
    assessment = assess(ActivityRecord.model_validate(record), packs=fixture_rulebook(), as_of=as_of)
    report = assessment.report()
    assert assessment.counts() == report.counts()
    assert assessment.statuses() == [result.status for result in report.results]


def test_no_status_can_be_found_across_the_seam_of_two_others() -> None:
    """What ``Laid.counts`` counts on: statuses joined end to end are counted by ``str.count``.

    A status found in such a run starts where a listed one starts (and, none beginning another,
    is that one) or inside one; the latter needs a status inside another, or an ending of one that
    begins another, and neither happens.
    """
    values = [status.value for status in Status]
    for status in values:
        for other in values:
            if other != status:
                assert not other.startswith(status)
                assert status not in other
            for cut in range(1, len(status)):
                assert not other.startswith(status[cut:])


_YEAR = re.compile(r"(?<!\d)(20[2-9]\d)(?!\d)")


def _shift_dates(value: Any, years: int) -> Any:
    if isinstance(value, dict):
        return {k: _shift_dates(v, years) for k, v in value.items()}
    if isinstance(value, list):
        return [_shift_dates(v, years) for v in value]
    if isinstance(value, str) and re.fullmatch(r"\d{4}(-\d{2}-\d{2}|-H\d|-Q\d|-\d{2})?", value):
        return f"{int(value[:4]) + years}{value[4:]}"  # a date, or the period an activity covers
    return value


def _shift_text(text: str, years: int) -> str:
    """Every year in serialised results moved on (ISO dates, labels, 31/3/2026, 'năm 2026', 'March 2026').

    Day counts stay below 2020 here (evaluation dates are at most three years from the record), so
    every four-digit number from 2020 to 2099 is a year.
    """
    return _YEAR.sub(lambda m: str(int(m.group(1)) + years), text)


@SETTINGS
@given(records(), st.sampled_from([4, 8, 40]))
def test_shifting_a_record_by_whole_years_shifts_its_instances_and_nothing_else(
    case: tuple[dict[str, Any], dt.date], years: int
) -> None:
    record, as_of = case
    moved = _shift_dates(record, years)
    original = run(record, as_of)
    shifted = run(moved, as_of.replace(year=as_of.year + years))

    def results_json(report: Report) -> str:
        kept = [msgspec.to_builtins(r) for r in report.results if r.obligation != REGULATION]
        return json.dumps(kept, ensure_ascii=False, sort_keys=True)

    assert _shift_text(results_json(original), years) == results_json(shifted)
