"""Legal time: nothing binds before the law exists, evidence that did not exist yet, periods an activity names.

Named in the lawyer's terms (issue 12, part 2).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import EXAMPLES
from dancoso_rules.errors import RuleError
from dancoso_rules.evaluation import Status, evaluate
from dancoso_rules.model import Rulebook
from dancoso_rules.record import validate_record
from dancoso_rules.record.model import ActivityRecord
from evaluate_helpers import BOARD, REPORT, SELF_STUDY, activity, day, fixture_rulebook, make_record, one

SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _example(name: str) -> ActivityRecord:
    return ActivityRecord.model_validate(json.loads((EXAMPLES / name).read_text(encoding="utf-8")))


# --- Nothing before the law exists --------------------------------------------------------------------


def test_the_tra_vinh_pack_yields_only_not_applicable_before_its_effective_date(rulebook: Rulebook) -> None:
    record = _example("tra-vinh/so-noi-vu.json")
    report = evaluate(record, packs=rulebook, as_of=day("2024-12-01"))
    assert report.results
    assert {r.status for r in report.results} == {Status.NOT_APPLICABLE}
    assert {r.reason.code for r in report.results if r.reason} == {"not_in_force"}
    in_force = [r for r in report.results if r.reason and r.reason.code == "not_in_force"]
    assert "văn bản chưa có hiệu lực (có hiệu lực từ ngày 19/12/2024)" in in_force[0].explanation.vi


def test_on_its_effective_date_the_pack_binds_again(rulebook: Rulebook) -> None:
    record = _example("tra-vinh/so-noi-vu.json")
    report = evaluate(record, packs=rulebook, as_of=day("2024-12-19"))
    assert any(r.status is not Status.NOT_APPLICABLE for r in report.results)


@SETTINGS
@given(st.dates(dt.date(2020, 1, 1), dt.date(2024, 12, 18)), st.booleans())
def test_for_every_date_before_the_effective_date_every_result_is_not_applicable(
    as_of: dt.date, with_activities: bool
) -> None:
    activities = [activity("hn", "staff_conference", "2024-03-01")] if with_activities else []
    record = make_record(start="2024-01-01", end="2024-12-31", activities=activities)
    report = evaluate(record, packs=fixture_rulebook(), as_of=as_of)
    assert {r.status for r in report.results} == {Status.NOT_APPLICABLE}


# --- Evidence that did not exist yet never counts ------------------------------------------------------


def _studied(evidence_date: str | None) -> ActivityRecord:
    evidence = {"number": "01/BC", **({"date": evidence_date} if evidence_date else {})}
    return make_record(activities=[activity("hoc", "law_study", "2025-03-01", evidence=[evidence])])


def test_an_evidence_document_dated_after_the_evaluation_date_never_counts() -> None:
    report = evaluate(_studied("2025-08-01"), packs=fixture_rulebook(), as_of=day("2025-06-30"))
    assert one(report, SELF_STUDY).status is not Status.MET


def test_the_same_evidence_counts_once_it_exists() -> None:
    report = evaluate(_studied("2025-08-01"), packs=fixture_rulebook(), as_of=day("2025-12-31"))
    assert one(report, SELF_STUDY).status is Status.MET


@SETTINGS
@given(st.dates(dt.date(2025, 1, 1), dt.date(2026, 12, 30)), st.integers(1, 400))
def test_evidence_dated_after_the_as_of_date_shows_what_no_evidence_shows(as_of: dt.date, later: int) -> None:
    signed = (as_of + dt.timedelta(days=later)).isoformat()
    with_late_evidence = evaluate(_studied(signed), packs=fixture_rulebook(), as_of=as_of)
    bare = make_record(activities=[activity("hoc", "law_study", "2025-03-01")])
    without = evaluate(bare, packs=fixture_rulebook(), as_of=as_of)
    assert [r.status for r in with_late_evidence.results] == [r.status for r in without.results]


def test_undated_evidence_is_taken_as_existing() -> None:
    report = evaluate(_studied(None), packs=fixture_rulebook(), as_of=day("2025-06-30"))
    assert one(report, SELF_STUDY).status is Status.MET


# --- Which period an activity reports on ---------------------------------------------------------------


def _district(*activities: dict[str, object]) -> ActivityRecord:
    # A provincial department acting as the district committee's reporter: it is bound by the half-yearly
    # report while its addressee lasts (H1 2025) and, as a state agency, by the quarterly report.
    return make_record(
        kind="provincial_department", functions=["district_peoples_committee"], activities=list(activities)
    )


def test_a_review_of_h1_held_in_july_counts_for_h1_and_never_for_h2() -> None:
    named = activity("bc-q2", "democracy_report", "2025-07-10", covers="2025-Q2")
    report = evaluate(_district(named), packs=fixture_rulebook(), as_of=day("2025-12-31"))
    # The quarterly report (due 15 days after the quarter): the report of Q2 held on 10/7 is on time for Q2.
    assert one(report, REPORT, "2025-Q2").status is Status.MET
    assert one(report, REPORT, "2025-Q3").status is not Status.MET


def test_without_naming_its_period_the_same_report_counts_for_the_quarter_it_was_held_in() -> None:
    unnamed = activity("bc-q2", "democracy_report", "2025-07-10")
    report = evaluate(_district(unnamed), packs=fixture_rulebook(), as_of=day("2025-12-31"))
    assert (
        one(report, REPORT, "2025-Q2").status is Status.MET
    )  # earliest due first: Q2's window still holds it


def test_a_report_naming_an_earlier_period_is_late_for_it_and_never_counts_for_the_current_one() -> None:
    named = activity("bc-q1", "democracy_report", "2025-05-20", covers="2025-Q1")
    report = evaluate(_district(named), packs=fixture_rulebook(), as_of=day("2025-12-31"))
    assert one(report, REPORT, "2025-Q1").status is Status.LATE
    assert one(report, REPORT, "2025-Q2").status is not Status.MET


def test_a_named_period_that_fits_no_instance_counts_for_none() -> None:
    named = activity(
        "bc", "democracy_report", "2025-04-10", covers="2025-02"
    )  # a month: no quarter ends then
    report = evaluate(_district(named), packs=fixture_rulebook(), as_of=day("2025-12-31"))
    assert all(r.status is not Status.MET for r in report.results if r.obligation == REPORT)


@pytest.mark.parametrize("label", ["2025-H3", "2025-13", "25", "2025-q1", "2025-06-30"])
def test_a_covered_period_that_is_not_one_is_refused_with_a_located_message(
    label: str, rulebook: Rulebook
) -> None:
    data = json.loads((EXAMPLES / "tra-vinh/so-noi-vu.json").read_text(encoding="utf-8"))
    data["activities"][0]["covers"] = label
    result = validate_record(json.dumps(data, ensure_ascii=False, indent=2).encode(), rulebook, name="r.json")
    assert not result.valid()
    [problem] = result.errors
    assert str(problem).startswith("r.json:")
    assert "/activities/0/covers" in str(problem)
    assert "expected a period written '2025', '2025-H1', '2025-Q3' or '2025-07'" in str(problem)


# --- Yearly plans are due early in the year; reviews of a period belong to it ---------------------------


def test_a_yearly_plan_is_due_at_the_end_of_january_and_counts_from_december_before() -> None:
    early = make_record(activities=[activity("kh", "inspection_plan", "2024-12-20", covers="2025")])
    report = evaluate(early, packs=fixture_rulebook(), as_of=day("2025-12-31"))
    plan = one(report, BOARD, "2025")
    assert (plan.due, plan.status) == (day("2025-01-31"), Status.MET)


def test_a_plan_made_in_december_of_the_year_it_plans_is_late() -> None:
    record = make_record(activities=[activity("kh", "inspection_plan", "2025-12-10")])
    report = evaluate(record, packs=fixture_rulebook(), as_of=day("2025-12-31"))
    assert one(report, BOARD, "2025").status is Status.LATE


def test_a_plan_due_early_in_2025_binds_a_district_body_that_existed_until_30_june() -> None:
    record = make_record(kind="district_peoples_committee", level="district")
    report = evaluate(record, packs=fixture_rulebook(), as_of=day("2025-12-31"))
    plan = one(report, BOARD, "2025")
    # Not "no addressee": the plan was owed; undone by 30/6/2025, when the district ceased, it is missed.
    assert (plan.due, plan.close, plan.status) == (day("2025-01-31"), day("2025-06-30"), Status.MISSED)
    as_of_may = evaluate(record, packs=fixture_rulebook(), as_of=day("2025-05-15"))
    assert one(as_of_may, BOARD, "2025").status is Status.OVERDUE  # it could still be done late then


def _reviews(*activities: dict[str, object]) -> ActivityRecord:
    data = json.loads((EXAMPLES / "tra-vinh/benh-vien-da-khoa.json").read_text(encoding="utf-8"))
    kept = [a for a in data["activities"] if a["type"] != "conference_resolution_review"]
    data["activities"] = [*kept, *activities]
    return ActivityRecord.model_validate(data)


def _review_uid(rulebook: Rulebook) -> str:
    [uid] = [
        p.uid
        for p in rulebook.obligations()
        if p.uid.startswith("tra-vinh-2024.") and p.uid.endswith(".conference-resolution-check")
    ]
    return uid


def test_an_h1_review_held_in_july_counts_for_h1_and_never_for_h2(rulebook: Rulebook) -> None:
    uid = _review_uid(rulebook)
    june = activity("kt-6", "conference_resolution_review", "2025-06-20")
    july = activity("kt-7", "conference_resolution_review", "2025-07-15", covers="2025-H1")
    report = evaluate(_reviews(june, july), packs=rulebook, as_of=day("2025-12-31"))
    h1, h2 = one(report, uid, "2025-H1"), one(report, uid, "2025-H2")
    assert h1.status is Status.MET
    assert h1.evidence[0].id == "kt-7"  # the review that names H1
    assert h2.status is not Status.MET  # the June review belongs to H1's window, never to H2's


def test_a_review_of_h1_held_in_july_is_on_time_for_h1_even_unnamed(rulebook: Rulebook) -> None:
    uid = _review_uid(rulebook)
    july = activity("kt-7", "conference_resolution_review", "2025-07-15")
    report = evaluate(_reviews(july), packs=rulebook, as_of=day("2025-12-31"))
    assert one(report, uid, "2025-H1").status is Status.MET
    assert one(report, uid, "2025-H2").status is Status.UPCOMING  # due 31/01/2026


# --- Interpretations that depend on the date and the bearer's level ------------------------------------


def _commune(year: int, *activities: dict[str, object]) -> ActivityRecord:
    data = json.loads((EXAMPLES / "long-an/ubnd-xa-my-yen.json").read_text(encoding="utf-8"))
    data["period"] = {"start": f"{year}-01-01", "end": f"{year}-12-31"}
    data["activities"] = list(activities)
    return ActivityRecord.model_validate(data)


def _reception_uid(rulebook: Rulebook) -> str:
    [uid] = [
        p.uid
        for p in rulebook.obligations()
        if p.uid.startswith("long-an-2025.") and p.uid.endswith(".citizen-reception")
    ]
    return uid


def test_a_commune_receives_citizens_weekly_before_1_july_2026(rulebook: Rulebook) -> None:
    uid = _reception_uid(rulebook)
    report = evaluate(_commune(2025), packs=rulebook, as_of=day("2025-12-31"))
    labels = [r.period.label for r in report.results if r.obligation == uid and r.period]
    assert labels[0] == "2024-W52" or labels[0].startswith("2025-W")
    assert len([label for label in labels if label.startswith("2025-W")]) == 52
    first = next(
        r for r in report.results if r.obligation == uid and r.period and r.period.label == "2025-W15"
    )
    assert first.due == day("2025-04-13")  # the Sunday ending the first week in force (from 01/4/2025)


def test_from_1_july_2026_the_commune_cadence_is_the_unverified_monthly_reading(rulebook: Rulebook) -> None:
    uid = _reception_uid(rulebook)
    report = evaluate(_commune(2026), packs=rulebook, as_of=day("2026-12-31"))
    labels = [r.period.label for r in report.results if r.obligation == uid and r.period]
    assert "2026-W26" in labels  # the week of 22-28/6/2026: still weekly
    assert "2026-W27" in labels  # it began on 29/6/2026, before the change
    assert [
        label for label in labels if not label.startswith("2026-W") and not label.startswith("2025-W")
    ] == [
        "2026-07",
        "2026-08",
        "2026-09",
        "2026-10",
        "2026-11",
        "2026-12",
    ]
    [used] = [i for i in report.interpretations if i.id == "citizen-reception-frequency"]
    assert [(v.value, v.verified) for v in used.applied] == [("weekly", True), ("monthly", False)]


def test_a_provincial_department_receives_citizens_monthly(rulebook: Rulebook) -> None:
    report = evaluate(_example("tra-vinh/so-noi-vu.json"), packs=rulebook, as_of=day("2025-12-31"))
    uid = next(
        p.uid
        for p in rulebook.obligations()
        if p.uid.startswith("tra-vinh-2024.") and p.uid.endswith(".citizen-reception")
    )
    labels = [r.period.label for r in report.results if r.obligation == uid and r.period]
    assert labels == [f"2025-{m:02d}" for m in range(1, 13)]
    [used] = [i for i in report.interpretations if i.id == "citizen-reception-frequency"]
    assert (used.value, used.applied) == ("monthly", ())


def test_the_report_names_the_interpretation_value_it_used(rulebook: Rulebook) -> None:
    from dancoso_rules.report.build import build_report
    from dancoso_rules.report.renderers import RenderOptions, get_renderer

    report = evaluate(_commune(2026), packs=rulebook, as_of=day("2026-12-31"))
    text = get_renderer("text").render(build_report(report, rulebook), RenderOptions(lang="vi", width=400))
    assert "Giá trị áp dụng: hằng tuần — cấp xã, đến hết ngày " in text  # (the date style is the report's)
    assert "— Luật Tiếp công dân số 42/2013/QH13, Điều 15 khoản 2 điểm d" in text
    assert "chưa đối chiếu được văn bản; áp dụng mức ít khắt khe hơn" in text


# --- Overrides that invert a window or make a duty impossible are refused ------------------------------

ZERO_PLAN = """\
interpretations:
  - id: yearly-plan-deadline
    kind: duration
    value: P0D
    basis: project_default
    title: {vi: Kế hoạch ngay ngày đầu năm, en: The plan on the year's first day}
    rationale: {vi: Thử., en: A test.}
"""

INVERTED = """\
interpretations:
  - id: citizen-reception-frequency
    kind: frequency
    value: monthly
    basis: project_default
    title: {vi: Tiếp công dân, en: Citizen reception}
    rationale: {vi: Thử., en: A test.}
    values:
      - levels: [commune]
        since: 2026-07-01
        until: 2026-06-30
        value: weekly
"""


def test_an_override_that_makes_a_plan_due_before_its_window_opens_is_refused(
    tmp_path: Path, rulebook: Rulebook
) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(ZERO_PLAN, encoding="utf-8")
    with pytest.raises(RuleError) as caught:
        evaluate(
            _example("tra-vinh/so-noi-vu.json"), packs=rulebook, as_of=day("2025-12-31"), interpretations=path
        )
    message = str(caught.value)
    assert re.search(
        r"mine\.yaml:2:\d+ /interpretations/0/id: interpretation 'yearly-plan-deadline' set to P0D", message
    )
    assert "impossible" in message


def test_an_override_whose_dated_value_ends_before_it_starts_is_refused_with_its_place(
    tmp_path: Path, rulebook: Rulebook
) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(INVERTED, encoding="utf-8")
    with pytest.raises(RuleError) as caught:
        evaluate(
            _example("tra-vinh/so-noi-vu.json"), packs=rulebook, as_of=day("2025-12-31"), interpretations=path
        )
    assert re.search(
        r"mine\.yaml:\d+:\d+ /interpretations/0/values/0: a dated value ends \(2026-06-30\) before it starts",
        str(caught.value),
    )


def test_the_cli_refuses_a_bad_override_with_a_located_message_and_no_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from dancoso_rules.cli.main import main

    path = tmp_path / "mine.yaml"
    path.write_text(INVERTED, encoding="utf-8")
    code = main(["check", str(EXAMPLES / "tra-vinh/so-noi-vu.json"), "--interpretations", str(path)])
    err = capsys.readouterr().err
    assert code == 2
    assert "mine.yaml:" in err
    assert "Traceback" not in err


# --- Honest labels ------------------------------------------------------------------------------------


def test_a_request_never_reads_as_overdue(rulebook: Rulebook) -> None:
    record = _example("tra-vinh/benh-vien-da-khoa.json")
    report = evaluate(record, packs=rulebook, as_of=day("2026-12-31"))
    asked = [
        r
        for r in report.results
        if r.modality.value in ("request", "encouragement") and r.status in (Status.OVERDUE, Status.MISSED)
    ]
    assert asked  # the organisation has requests or encouragements it did not act on
    for result in asked:
        assert "quá hạn" not in result.explanation.vi
        assert "overdue" not in result.explanation.en
        assert "no binding deadline" in result.explanation.en


def test_a_cadence_the_text_does_not_state_is_an_interpretation_not_regular(rulebook: Rulebook) -> None:
    for placed in rulebook.obligations():
        schedule = placed.obligation.schedule
        if schedule.kind == "regular":
            assert "thường xuyên" in placed.obligation.quote.lower(), placed.uid
        if placed.uid.endswith(".dialogue-meetings"):
            assert schedule.kind == "periodic"
            assert schedule.interpreted == "dialogue-frequency"


# --- Complaints and denunciations: counted from acceptance, with the extensions the laws allow ----------


def _complaints(resolved_after: int, rulebook: Rulebook) -> Status:
    data = json.loads((EXAMPLES / "tra-vinh/so-noi-vu.json").read_text(encoding="utf-8"))
    received = dt.date(2025, 3, 3)
    data["events"] = [
        {
            "id": "kn-1",
            "type": "complaint_received",
            "date": received.isoformat(),
            "title": "Đơn khiếu nại",
            "resolution": {"date": (received + dt.timedelta(days=resolved_after)).isoformat()},
        }
    ]
    report = evaluate(ActivityRecord.model_validate(data), packs=rulebook, as_of=day("2025-12-31"))
    [found] = [r for r in report.results if r.trigger and r.trigger.id == "kn-1"]
    return found.status


def test_a_complaint_resolved_30_days_after_its_acceptance_is_on_time(rulebook: Rulebook) -> None:
    # 10 working days to accept (two working weeks: 3/3/2025 + 14 days is Monday 17/3), 30 to resolve
    assert _complaints(44, rulebook) is Status.MET


def test_a_complaint_resolved_within_the_lawful_extensions_is_late_never_missed(rulebook: Rulebook) -> None:
    assert _complaints(45, rulebook) is Status.LATE
    assert _complaints(104, rulebook) is Status.LATE  # 44 + 60: a denunciation extended twice
    assert _complaints(105, rulebook) is Status.MISSED


def test_a_2025_record_owes_no_review_of_a_2024_half_begun_before_the_resolution(rulebook: Rulebook) -> None:
    uid = _review_uid(rulebook)
    report = evaluate(_example("tra-vinh/so-noi-vu.json"), packs=rulebook, as_of=day("2026-01-15"))
    labels = [r.period.label for r in report.results if r.obligation == uid and r.period]
    assert labels == ["2025-H1", "2025-H2"]  # not 2024-H2, due 31/01/2025 but begun before 19/12/2024
