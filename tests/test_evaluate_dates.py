"""The edges a lawyer asks about, to the day: due dates, year ends, 29 February, effective dates, lateness."""

from __future__ import annotations

import pytest
from msgspec.structs import replace

from dancoso_rules.evaluation import Report, Status, evaluate
from dancoso_rules.record.model import ActivityRecord
from evaluate_helpers import (
    COMPLAINTS,
    INSPECTION,
    LONG_AN_STAFF,
    MONTHLY,
    REPORT,
    SELF_STUDY,
    STAFF,
    activity,
    day,
    event,
    fixture_rulebook,
    make_record,
    one,
    results,
)


def run(record: ActivityRecord, as_of: str) -> Report:
    return evaluate(record, packs=fixture_rulebook(), as_of=day(as_of))


def conference(when: str, identifier: str = "hn") -> dict[str, object]:
    return activity(identifier, "staff_conference", when)


# --- the staff conference: held after the year it reviews, by 31/3 of the next ---------------------


def test_a_2025_record_holds_the_2024_and_the_2025_conference() -> None:
    found = results(run(make_record(), "2025-06-01"), STAFF)
    assert [(r.period.label if r.period else None) for r in found] == ["2024", "2025"]
    first, second = found
    assert (first.window and first.window.start, first.due, first.close) == (
        day("2025-01-01"),
        day("2025-03-31"),
        day("2026-03-31"),
    )
    assert (second.window and second.window.start, second.due) == (day("2026-01-01"), day("2026-03-31"))
    assert second.interpretations == ("staff-conference-deadline", "late-window-yearly")


def test_done_on_the_due_date_is_met() -> None:
    result = one(run(make_record(activities=[conference("2025-03-31")]), "2025-12-31"), STAFF, "2024")
    assert result.status is Status.MET
    assert [(e.id, e.pointer) for e in result.evidence] == [("hn", "/activities/0")]


def test_done_the_day_after_is_late_by_one_day() -> None:
    result = one(run(make_record(activities=[conference("2025-04-01")]), "2025-12-31"), STAFF, "2024")
    assert (result.status, result.days_late) == (Status.LATE, 1)
    assert "chậm 1 ngày so với hạn: thực hiện chậm" in result.explanation.vi
    assert "1 day after the due date: late" in result.explanation.en


def test_as_of_the_due_date_is_still_upcoming_with_zero_days_left() -> None:
    result = one(run(make_record(), "2025-03-31"), STAFF, "2024")
    assert (result.status, result.days_left) == (Status.UPCOMING, 0)


def test_the_day_after_the_due_date_is_overdue_by_one_day() -> None:
    result = one(run(make_record(), "2025-04-01"), STAFF, "2024")
    assert (result.status, result.days_overdue) == (Status.OVERDUE, 1)


def test_overdue_until_the_close_date_and_missed_after_it() -> None:
    assert one(run(make_record(), "2026-03-31"), STAFF, "2024").status is Status.OVERDUE
    assert one(run(make_record(), "2026-04-01"), STAFF, "2024").status is Status.MISSED


def test_an_activity_after_the_evaluation_date_is_ignored() -> None:
    record = make_record(activities=[conference("2025-03-01")])
    assert one(run(record, "2025-02-28"), STAFF, "2024").status is Status.UPCOMING
    assert one(run(record, "2025-03-01"), STAFF, "2024").status is Status.MET


def test_the_explanation_reads_like_the_issue() -> None:
    result = one(run(make_record(), "2026-04-15"), STAFF, "2025")
    assert result.explanation.vi == (
        "Khoản 1 Điều 1 yêu cầu tổ chức hội nghị cán bộ, công chức, viên chức, người lao động năm 2025 "
        "(theo diễn giải, hạn là ngày 31/3/2026); hồ sơ không có hoạt động nào đáp ứng: quá hạn 15 ngày."
    )
    assert result.explanation.en == (
        "Article 1, clause 1 requires: Hold the annual staff conference (2025), due 31 March 2026 (an "
        "interpretation); the record shows no qualifying activity: 15 days overdue."
    )


def test_only_a_deadline_the_text_states_is_said_to_be_its_own() -> None:
    """A due date the instrument does not state (a deadline after the period, a cadence read into
    "thường xuyên", a response time) is never put in its mouth as "yêu cầu ... chậm nhất ngày ...";
    the end of a period the text names ("hằng tháng") is."""
    report = run(make_record(), "2026-04-15")
    stated = one(report, MONTHLY, "2025-01").explanation.vi
    assert "tháng 1/2025 chậm nhất ngày 31/01/2025;" in stated
    for obligation, period, due in ((REPORT, "2025-Q1", "15/4/2025"), (INSPECTION, "2025-Q1", "31/3/2025")):
        said = one(report, obligation, period).explanation.vi
        assert f"quý I/2025 (theo diễn giải, hạn là ngày {due});" in said
        assert "chậm nhất ngày" not in said


# --- year boundaries --------------------------------------------------------------------------------


def test_a_conference_on_1_january_serves_the_year_just_ended() -> None:
    report = run(
        make_record(activities=[conference("2025-02-01", "a"), conference("2026-01-01", "b")]), "2026-01-02"
    )
    assert one(report, STAFF, "2024").status is Status.MET
    assert [e.id for e in one(report, STAFF, "2025").evidence] == ["b"]
    assert one(report, STAFF, "2025").status is Status.MET


def test_a_conference_on_31_december_cannot_serve_the_year_it_is_in() -> None:
    report = run(make_record(activities=[conference("2025-12-31")]), "2026-01-02")
    assert one(report, STAFF, "2025").status is Status.UPCOMING
    late = one(report, STAFF, "2024")
    assert (late.status, late.days_late) == (Status.LATE, 275)


def test_a_monthly_duty_across_the_new_year() -> None:
    on_time = run(make_record(activities=[activity("d", "disclosure", "2025-12-31")]), "2026-01-05")
    assert one(on_time, MONTHLY, "2025-12").status is Status.MET
    late = run(make_record(activities=[activity("d", "disclosure", "2026-01-01")]), "2026-01-05")
    december = one(late, MONTHLY, "2025-12")
    assert (december.status, december.days_late, december.close) == (Status.LATE, 1, day("2026-01-31"))


# --- 29 February and month ends ---------------------------------------------------------------------


def leap_record(**kwargs: object) -> ActivityRecord:
    return make_record(start="2028-01-01", end="2028-12-31", **kwargs)  # type: ignore[arg-type]


def test_february_2028_is_due_on_the_29th() -> None:
    february = one(run(leap_record(), "2028-02-29"), MONTHLY, "2028-02")
    assert (february.due, february.status, february.days_left) == (day("2028-02-29"), Status.UPCOMING, 0)
    assert "chậm nhất ngày 29/02/2028" in february.explanation.vi
    done = one(
        run(leap_record(activities=[activity("d", "disclosure", "2028-02-29")]), "2028-03-01"),
        MONTHLY,
        "2028-02",
    )
    assert done.status is Status.MET


def test_month_ends_stay_month_ends() -> None:
    report = run(leap_record(), "2028-01-01")
    january, february = one(report, MONTHLY, "2028-01"), one(report, MONTHLY, "2028-02")
    assert january.close == day("2028-02-29")  # 31/01 + 1 month: the last day of February
    assert february.close == day("2028-03-31")  # 29/02 + 1 month: the last day of March
    q4 = one(report, REPORT, "2027-Q4")  # window [01/10/2027, 15/01/2028] reaches into 2028
    assert (q4.due, q4.close) == (day("2028-01-15"), day("2028-04-15"))


def test_an_override_lands_a_deadline_on_29_february() -> None:
    override = replace(fixture_rulebook().interpretation_by_id["staff-conference-deadline"], value="P2M")
    leap = evaluate(
        leap_record(), packs=fixture_rulebook(), as_of=day("2028-01-01"), interpretations=[override]
    )
    assert one(leap, STAFF, "2027").due == day("2028-02-29")
    common = evaluate(
        make_record(start="2027-01-01", end="2027-12-31"),
        packs=fixture_rulebook(),
        as_of=day("2027-01-01"),
        interpretations=[override],
    )
    assert one(common, STAFF, "2026").due == day("2027-02-28")


# --- the effective date -----------------------------------------------------------------------------


def test_instances_before_the_effective_date_do_not_apply_and_a_straddling_one_counts_from_it() -> None:
    record = make_record(
        start="2024-01-01", end="2024-12-31", activities=[activity("d", "disclosure", "2024-12-10")]
    )
    report = run(record, "2025-01-05")
    november = one(report, MONTHLY, "2024-11")
    assert (november.status, november.reason and november.reason.code) == (
        Status.NOT_APPLICABLE,
        "not_in_force",
    )
    assert "trước ngày văn bản có hiệu lực (19/12/2024)" in november.explanation.vi
    december = one(report, MONTHLY, "2024-12")
    assert december.window is not None
    assert (december.window.start, december.window.end) == (day("2024-12-19"), day("2024-12-31"))
    assert december.status is Status.OVERDUE  # done on 10/12, before the resolution was in force
    in_force = run(
        record.model_copy(
            update={"activities": (record.activities[0].model_copy(update={"date": day("2024-12-19")}),)}
        ),
        "2025-01-05",
    )
    assert one(in_force, MONTHLY, "2024-12").status is Status.MET


def test_long_an_s_2024_conference_fell_due_before_the_decision() -> None:
    record = make_record(territory="long-an")
    report = run(record, "2025-12-31")
    assert {r.pack for r in report.results} == {"fix-long-an"}
    assert one(report, LONG_AN_STAFF, "2024").reason.code == "not_in_force"  # type: ignore[union-attr]
    assert one(report, LONG_AN_STAFF, "2025").status is Status.UPCOMING


# --- triggered duties -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("resolved", "status", "days_late"),
    [
        ("2025-04-02", Status.MET, None),  # 03/3 + 30 days = 02/4
        ("2025-04-10", Status.LATE, 8),
        ("2025-05-02", Status.LATE, 30),  # the last day of the late window
        ("2025-05-03", Status.MISSED, None),
    ],
)
def test_a_complaint_resolved_on_time_late_or_too_late(
    resolved: str, status: Status, days_late: int | None
) -> None:
    record = make_record(events=[event("kn-1", "complaint_received", "2025-03-03", resolved)])
    result = one(run(record, "2025-12-31"), COMPLAINTS)
    assert (result.due, result.close) == (day("2025-04-02"), day("2025-05-02"))
    assert (result.status, result.days_late) == (status, days_late)
    assert result.trigger is not None
    assert (result.trigger.id, result.trigger.pointer) == ("kn-1", "/events/0")


def test_a_complaint_resolved_late_explains_itself() -> None:
    record = make_record(events=[event("kn-1", "complaint_received", "2025-03-03", "2025-04-10")])
    result = one(run(record, "2025-12-31"), COMPLAINTS)
    assert [(e.kind, e.pointer) for e in result.evidence] == [("resolution", "/events/0/resolution")]
    assert result.explanation.vi == (
        "Khoản 4 Điều 1 yêu cầu giải quyết kịp thời khiếu nại, tố cáo đối với sự việc kn-1 (tiếp nhận khiếu nại) "
        "ngày 03/3/2025 (theo diễn giải, hạn là ngày 02/4/2025); hồ sơ có kết quả giải quyết sự việc kn-1 ngày "
        "10/4/2025, "
        "chậm 8 ngày so với hạn: thực hiện chậm."
    )


def test_an_activity_that_serves_the_event_counts_and_an_unlinked_one_does_not() -> None:
    record = make_record(
        events=[event("kn-1", "complaint_received", "2025-03-03")],
        activities=[
            activity("unlinked", "complaint_resolution", "2025-03-10"),
            activity("linked", "complaint_resolution", "2025-03-20", serves=["kn-1"]),
        ],
    )
    result = one(run(record, "2025-12-31"), COMPLAINTS)
    assert (result.status, [e.id for e in result.evidence]) == (Status.MET, ["linked"])


# --- what an activity names in ``serves``: the duty it was done for counts it, whatever its type ---------


def test_an_activity_of_another_type_counts_for_the_duty_it_names() -> None:
    # A training on the Law, held to explain it, answers the duty to communicate it: the record says so.
    study = activity("hoc-tap", "law_study", "2025-04-05", serves=[REPORT], evidence=[{"number": "1/BC"}])
    report = run(make_record(activities=[study]), "2026-01-15")
    q1 = one(report, REPORT, "2025-Q1")
    assert (q1.status, [e.id for e in q1.evidence]) == (Status.MET, ["hoc-tap"])
    assert one(report, REPORT, "2025-Q2").status is Status.MISSED


def test_an_activity_of_another_type_that_names_nothing_or_a_provision_does_not_count() -> None:
    for serves in ([], ["fix-tra-vinh.art_1__cl_2"], [INSPECTION]):
        study = activity("hoc-tap", "law_study", "2025-04-05", serves=serves)
        assert (
            one(run(make_record(activities=[study]), "2026-01-15"), REPORT, "2025-Q1").status is Status.MISSED
        )


def test_an_activity_of_the_duty_s_own_type_that_names_it_counts_once() -> None:
    # On 5/4 it is on time for the report of Q1 and for that of Q2; named twice over, it still shows one.
    done = activity("bc", "democracy_report", "2025-04-05", serves=[REPORT])
    report = run(make_record(activities=[done]), "2026-01-15")
    assert [r.period.label for r in results(report, REPORT) if r.status is Status.MET and r.period] == [
        "2025-Q1"
    ]


def test_an_activity_of_a_type_no_duty_uses_counts_for_the_duty_it_names() -> None:
    # No duty of a department is shown by a supervision: the index keeps it only because it names one.
    shown = activity("gs", "supervision", "2025-05-05", serves=[REPORT], evidence=[{"number": "2/BC"}])
    assert one(run(make_record(activities=[shown]), "2026-01-15"), REPORT, "2025-Q2").status is Status.MET


def test_a_qualitative_duty_and_a_yearly_one_count_what_names_them() -> None:
    record = make_record(
        activities=[
            activity(
                "tap-huan", "inspection", "2025-05-05", serves=[SELF_STUDY], evidence=[{"number": "3/BC"}]
            ),
            activity("hn", "inspection", "2025-02-20", serves=[STAFF]),
        ]
    )
    report = run(record, "2026-01-15")
    assert one(report, SELF_STUDY).status is Status.MET
    assert (one(report, STAFF, "2024").status, one(report, STAFF, "2025").status) == (
        Status.MET,
        Status.UPCOMING,
    )


def test_an_unresolved_complaint_is_upcoming_then_overdue() -> None:
    record = make_record(events=[event("kn-1", "denunciation_received", "2025-03-03")])
    assert one(run(record, "2025-03-20"), COMPLAINTS).days_left == 13
    assert one(run(record, "2025-04-05"), COMPLAINTS).days_overdue == 3


# --- regular duties ---------------------------------------------------------------------------------


def inspections(*dates: str) -> list[dict[str, object]]:
    return [activity(f"kt-{n}", "inspection", d) for n, d in enumerate(dates)]


def test_a_regular_duty_with_one_quarter_empty() -> None:
    report = run(make_record(activities=inspections("2025-02-10", "2025-05-10", "2025-11-10")), "2026-01-15")
    statuses = {r.period.label: r.status for r in results(report, INSPECTION) if r.period}
    assert statuses == {
        "2025-Q1": Status.MET,
        "2025-Q2": Status.MET,
        "2025-Q3": Status.MISSED,
        "2025-Q4": Status.MET,
    }
    q3 = one(report, INSPECTION, "2025-Q3")
    assert q3.interpretations == ("regular-frequency", "late-window-quarterly")
    assert "quý III/2025" in q3.explanation.vi


def test_a_second_activity_in_the_next_quarter_makes_the_empty_quarter_late() -> None:
    report = run(
        make_record(activities=inspections("2025-02-10", "2025-05-10", "2025-10-05", "2025-11-10")),
        "2026-01-15",
    )
    q3, q4 = one(report, INSPECTION, "2025-Q3"), one(report, INSPECTION, "2025-Q4")
    assert (q4.status, [e.id for e in q4.evidence]) == (Status.MET, ["kt-2"])
    assert (q3.status, [e.id for e in q3.evidence], q3.days_late) == (Status.LATE, ["kt-3"], 41)


def test_overlapping_windows_go_to_the_instance_due_first() -> None:
    # Quarterly report due 15 days after the quarter: Q1's window runs to 15/4, Q2's opens on 1/4.
    report = run(make_record(activities=[activity("bc", "democracy_report", "2025-04-10")]), "2025-05-01")
    assert one(report, REPORT, "2025-Q1").status is Status.MET
    assert one(report, REPORT, "2025-Q2").status is Status.UPCOMING
