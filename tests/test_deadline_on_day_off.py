"""A deadline counted as a duration that ends on a day off moves to the next working day (Bộ luật Dân sự
2015, Điều 148 khoản 5), whatever it is counted in; the end of a period a duty is done within does not.

The interpretation ``deadline-on-day-off`` used to move only deadlines counted partly in working days (a
complaint's). The yearly plan of the People's Inspection Board, due by the project's default a month
after the year begins, fell on Friday 31/01/2025, the last day of the Tết Ất Tỵ days off: a plan issued on
the first working day after Tết, Monday 03/02/2025, read "Thực hiện chậm". The days off are those of
``rules/calendar/vietnam-days-off.yaml``.
"""

from __future__ import annotations

import datetime as dt
import json

import msgspec
import pytest

from conftest import EXAMPLES
from dancoso_rules.evaluation import Status, evaluate, workdays
from dancoso_rules.evaluation.instances import Span, one_off_instances, plan_for
from dancoso_rules.evaluation.interpretations import InterpretationTable
from dancoso_rules.evaluation.result import DutyResult
from dancoso_rules.evaluation.workdays import working_calendar
from dancoso_rules.model import Interpretation, Modality, Rulebook
from dancoso_rules.model.derive import validate
from dancoso_rules.record.model import ActivityRecord
from dancoso_rules.report.build import build_report
from dancoso_rules.report.calendar import calendar_entries
from dancoso_rules.report.render import render

D = dt.date
PLAN = "tra-vinh-2024.art_2__cl_3__pt_c.inspection-board-plan"
RECEPTION = "tra-vinh-2024.art_2__cl_3__pt_b.citizen-reception"
WEB_SECTION = "tra-vinh-2024.art_2__cl_4__pt_b.web-section"


def _record(plan_issued: D | None = None) -> ActivityRecord:
    """The Trà Vinh department's example, its board's 2025 plan issued on ``plan_issued`` (as given: 10/01)."""
    data = json.loads((EXAMPLES / "tra-vinh/so-noi-vu.json").read_text(encoding="utf-8"))
    if plan_issued is not None:
        [activity] = [a for a in data["activities"] if a["id"] == "ttnd-ke-hoach-2025"]
        activity["date"] = plan_issued.isoformat()
        activity["evidence"][0]["date"] = plan_issued.isoformat()
    return ActivityRecord.model_validate(data)


def _overrides(rulebook: Rulebook, values: dict[str, str]) -> dict[str, Interpretation]:
    by_id = {i.id: i for i in rulebook.interpretations}
    return {
        k: validate(Interpretation, {**msgspec.to_builtins(by_id[k]), "value": v}) for k, v in values.items()
    }


def _results(
    rulebook: Rulebook, uid: str, plan_issued: D | None = None, overrides: dict[str, str] | None = None
) -> list[DutyResult]:
    report = evaluate(
        _record(plan_issued),
        packs=rulebook,
        as_of=D(2026, 1, 15),
        # none given: the rulebook's own, whose frames are kept between records (and must follow the calendar)
        interpretations=_overrides(rulebook, overrides) if overrides else None,
    )
    return [r for r in report.results if r.obligation == uid]


def _plan_2025(rulebook: Rulebook, issued: D, overrides: dict[str, str] | None = None) -> DutyResult:
    [found] = [
        r for r in _results(rulebook, PLAN, issued, overrides) if r.period and r.period.label == "2025"
    ]
    return found


def test_a_yearly_plan_due_on_the_last_day_of_tet_2025_is_due_the_first_working_day_after_it(
    rulebook: Rulebook,
) -> None:
    found = _plan_2025(rulebook, D(2025, 2, 3))
    assert (found.due, found.counted_due, found.status) == (D(2025, 1, 31), D(2025, 2, 3), Status.MET)
    assert found.window is not None
    assert found.window.end == D(2025, 2, 3)
    assert "deadline-on-day-off" in found.interpretations
    assert found.due_interpreted
    # the sentence gives the deadline it was judged by, and says it rests on an interpretation
    assert (
        "(theo diễn giải, hạn là ngày 31/01/2025, trùng ngày nghỉ nên lùi đến ngày 03/02/2025)"
        in found.explanation.vi
    )
    assert (
        "due 31 January 2025 (an interpretation), a day off, so moved to 3 February 2025"
        in found.explanation.en
    )
    assert "đã thực hiện đúng hạn" in found.explanation.vi


def test_a_day_after_the_moved_deadline_is_late_by_one_day(rulebook: Rulebook) -> None:
    found = _plan_2025(rulebook, D(2025, 2, 4))
    assert (found.status, found.days_late) == (Status.LATE, 1)


def test_the_move_can_be_turned_off(rulebook: Rulebook) -> None:
    found = _plan_2025(rulebook, D(2025, 2, 3), overrides={"deadline-on-day-off": "no"})
    assert (found.due, found.counted_due, found.status, found.days_late) == (
        D(2025, 1, 31),
        None,
        Status.LATE,
        3,
    )


def test_a_deadline_on_a_working_day_does_not_move(rulebook: Rulebook) -> None:
    # 31/01/2025 + 1 month: the same plan with a two-month deadline is due Friday 28/02/2025, a working day
    found = _plan_2025(rulebook, D(2025, 2, 28), overrides={"yearly-plan-deadline": "P2M"})
    assert (found.due, found.counted_due, found.status) == (D(2025, 2, 28), None, Status.MET)


def test_the_end_of_a_period_a_duty_is_done_within_does_not_move(rulebook: Rulebook) -> None:
    """Citizen reception is done within each month: August 2025 ends on Sunday 31/8, and a reception held on
    the next working day, Wednesday 03/9, is September's, not a late August's."""
    [august] = [r for r in _results(rulebook, RECEPTION) if r.period and r.period.label == "2025-08"]
    assert (august.due, august.counted_due) == (D(2025, 8, 31), None)


def test_a_one_off_deadline_on_a_saturday_moves_to_monday(rulebook: Rulebook) -> None:
    # Trà Vinh's resolution took effect on Thursday 19/12/2024: + 12 months and 1 day = Saturday 20/12/2025
    [placed] = [p for p in rulebook.obligations() if p.uid == WEB_SECTION]
    values = {**rulebook.interpretation_by_id, **_overrides(rulebook, {"one-off-deadline": "P12M1D"})}
    plan = plan_for(placed.obligation, InterpretationTable(values), placed.uid)
    assert plan.roll_forward
    assert "deadline-on-day-off" in plan.interpretations
    [instance] = one_off_instances(
        plan, placed.pack.instrument.effective, Span("2025", D(2025, 1, 1), D(2025, 12, 31))
    )
    assert (instance.stated, instance.due) == (D(2025, 12, 20), D(2025, 12, 22))


def test_the_reports_and_the_calendar_show_both_dates(rulebook: Rulebook) -> None:
    report = evaluate(_record(D(2025, 2, 3)), packs=rulebook, as_of=D(2026, 1, 15))
    text = " ".join(render(report, "text", lang="vi").split())  # the lines are wrapped
    assert "Hạn 31/01/2025 (theo diễn giải; lùi đến ngày làm việc tiếp theo: 03/02/2025)" in text
    data = json.loads(render(report, "json"))
    [plan] = [r for r in data["results"] if r["obligation"] == PLAN and r["period"]["label"] == "2025"]
    assert (plan["due"], plan["counted_due"]) == ("2025-01-31", "2025-02-03")
    # on 05/01/2025 the plan (issued 03/02) is still to come: the calendar gives the day it is due by
    early = build_report(evaluate(_record(D(2025, 2, 3)), packs=rulebook, as_of=D(2025, 1, 5)), rulebook)
    entries = [e for e in calendar_entries(early, rulebook) if e.obligation == PLAN]
    assert [(e.status, e.due, e.counted_due) for e in entries] == [
        ("upcoming", D(2025, 1, 31), D(2025, 2, 3))
    ]


def test_a_new_working_calendar_counts_a_periodic_deadline_again(
    rulebook: Rulebook, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The instances of a periodic duty are kept by the calendar they were counted on, as an event's are."""

    def counted() -> D | None:
        return _plan_2025(rulebook, D(2025, 2, 3)).counted_due

    assert counted() == D(2025, 2, 3)
    decided = workdays.decided_days()
    extra = workdays.DecidedDays({**decided.days_off, D(2025, 2, 3): "nghỉ"}, decided.make_up, decided.years)
    monkeypatch.setattr(workdays, "decided_days", lambda: extra)
    working_calendar.cache_clear()
    try:
        assert counted() == D(2025, 2, 4)
    finally:
        monkeypatch.undo()
        working_calendar.cache_clear()
    assert counted() == D(2025, 2, 3)


def test_a_move_off_a_day_off_never_makes_a_duty_bind_that_fell_due_before_the_law(
    rulebook: Rulebook,
) -> None:
    """Whether the instrument was in force when an instance fell due is judged by its deadline as stated: had
    the resolution taken effect on Saturday 01/02/2025, the 2025 plan due Friday 31/01/2025 would not bind,
    though the deadline moves to Monday 03/02/2025 (the review found it "missed" in a window of two days off)."""
    packs = tuple(
        msgspec.structs.replace(
            pack, instrument=msgspec.structs.replace(pack.instrument, effective=D(2025, 2, 1))
        )
        if pack.id == "tra-vinh-2024"
        else pack
        for pack in rulebook.packs
    )
    later = msgspec.structs.replace(rulebook, packs=packs)
    report = evaluate(_record(D(2025, 1, 10)), packs=later, as_of=D(2026, 1, 15))
    [plan] = [r for r in report.results if r.obligation == PLAN and r.period and r.period.label == "2025"]
    assert plan.status is Status.NOT_APPLICABLE
    assert plan.reason is not None
    assert plan.reason.code == "not_in_force"
    assert "vì hạn ngày 31/01/2025 trước ngày văn bản có hiệu lực (01/02/2025)" in plan.explanation.vi


def test_a_reference_date_and_a_period_end_are_never_moved(rulebook: Rulebook) -> None:
    [placed] = [p for p in rulebook.obligations() if p.uid == PLAN]
    table = InterpretationTable(rulebook.interpretation_by_id)
    assert plan_for(placed.obligation, table, PLAN).roll_forward
    # the same schedule, only requested: its date is a reference date ("mốc đối chiếu"), not a time limit
    requested = msgspec.structs.replace(placed.obligation, modality=Modality.REQUEST)
    plan = plan_for(requested, table, PLAN)
    assert not plan.roll_forward
    assert "deadline-on-day-off" not in plan.interpretations
    # a deadline of no time after the period is the period's own end
    values = {**rulebook.interpretation_by_id, **_overrides(rulebook, {"yearly-plan-deadline": "P0D"})}
    assert not plan_for(placed.obligation, InterpretationTable(values), PLAN).roll_forward
