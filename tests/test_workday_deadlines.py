"""Deadlines stated in working days, counted in the evaluation and shown in every report (issue 15).

The complaint deadline is 10 working days to accept, counted on the working calendar of state
agencies from the day after receipt, then 30 days to resolve; a deadline that falls on a day off
moves to the next working day (Bộ luật Dân sự 2015, Điều 148 khoản 5). The dates below are counted
by hand on the calendar of ``rules/calendar/vietnam-days-off.yaml``: Tết Ất Tỵ (Monday 27/01 to
Friday 31/01/2025), Quốc khánh 2025 (Monday 01/09 and Tuesday 02/09), Tết Bính Ngọ (Monday 16/02
to Friday 20/02/2026).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from pathlib import Path

import msgspec
import pytest

from conftest import EXAMPLES
from dancoso_rules.errors import RuleError
from dancoso_rules.evaluation import Status, evaluate, workdays
from dancoso_rules.evaluation.result import DutyResult
from dancoso_rules.evaluation.workdays import working_calendar
from dancoso_rules.model import Duration, Interpretation, Rulebook, parse_duration
from dancoso_rules.model.derive import validate
from dancoso_rules.record.model import ActivityRecord
from dancoso_rules.report.messages import format_date, value_label
from dancoso_rules.report.render import render

D = dt.date
END_OF_2026 = D(2026, 12, 31)


def _record(received: D, resolved: D | None, event_type: str = "complaint_received") -> ActivityRecord:
    data = json.loads((EXAMPLES / "tra-vinh/so-noi-vu.json").read_text(encoding="utf-8"))
    event: dict[str, object] = {
        "id": "kn-1",
        "type": event_type,
        "date": received.isoformat(),
        "title": "Đơn khiếu nại",
    }
    if resolved is not None:
        event["resolution"] = {"date": resolved.isoformat()}
    data["events"] = [event]
    return ActivityRecord.model_validate(data)


def _result(
    rulebook: Rulebook,
    received: D,
    resolved: D | None,
    as_of: D = END_OF_2026,
    event_type: str = "complaint_received",
    overrides: dict[str, str] | None = None,
) -> DutyResult:
    report = evaluate(
        _record(received, resolved, event_type),
        packs=rulebook,
        as_of=as_of,
        interpretations=_overrides(rulebook, overrides or {}),
    )
    [found] = [r for r in report.results if r.trigger and r.trigger.id == "kn-1"]
    return found


def _overrides(rulebook: Rulebook, values: dict[str, str]) -> dict[str, Interpretation]:
    """``values`` as overrides; the Trà Vinh department is judged as its successor's after 01/7/2025."""
    values = {"merged-agency-successor": "yes", **values}
    by_id = {i.id: i for i in rulebook.interpretations}
    return {
        k: validate(Interpretation, {**msgspec.to_builtins(by_id[k]), "value": v}) for k, v in values.items()
    }


# --- the duration ----------------------------------------------------------------------------------


def test_a_duration_may_lead_with_working_days() -> None:
    assert parse_duration("P10WD30D") == Duration(working_days=10, days=30)
    assert parse_duration("P7WD") == Duration(working_days=7)
    assert str(parse_duration("P10WD1M5D")) == "P10WD1M5D"
    assert parse_duration("P30D").working_days == 0


@pytest.mark.parametrize("text", ["P30DWD", "P10W", "PWD", "P30D10WD", "P9999999WD"])
def test_a_malformed_working_day_duration_is_refused(text: str) -> None:
    with pytest.raises(ValueError, match="duration"):
        parse_duration(text)


def test_the_model_does_not_count_working_days_itself() -> None:
    with pytest.raises(ValueError, match="working calendar"):
        Duration(working_days=3).after(D(2025, 1, 1))


# --- Tết 2025 ---------------------------------------------------------------------------------------


def test_a_complaint_received_before_tet_2025_is_due_after_the_holiday_moved_off_a_saturday(
    rulebook: Rulebook,
) -> None:
    # Thursday 23/01/2025: Friday 24/01 is the 1st working day, Tết 27–31/01, then 03/02 ... Thursday
    # 13/02 the 10th; + 30 days = Saturday 15/03/2025, moved to Monday 17/03.
    found = _result(rulebook, D(2025, 1, 23), D(2025, 3, 17))
    assert (found.due, found.counted_due, found.status) == (D(2025, 3, 15), D(2025, 3, 17), Status.MET)
    assert "deadline-on-day-off" in found.interpretations
    assert found.window is not None
    assert found.window.end == D(2025, 3, 17)
    late = _result(rulebook, D(2025, 1, 23), D(2025, 3, 18))
    assert (late.status, late.days_late) == (Status.LATE, 1)


def test_the_old_fourteen_day_approximation_would_have_called_a_lawful_resolution_late(
    rulebook: Rulebook,
) -> None:
    # 23/01/2025 + 44 calendar days is 08/03/2025: resolved on 10/03 it is on time under the law.
    assert _result(rulebook, D(2025, 1, 23), D(2025, 3, 10)).status is Status.MET


def test_overdue_days_are_counted_from_the_counted_deadline(rulebook: Rulebook) -> None:
    found = _result(rulebook, D(2025, 1, 23), None, as_of=D(2025, 3, 20))
    assert (found.status, found.days_overdue) == (Status.OVERDUE, 3)
    upcoming = _result(rulebook, D(2025, 1, 23), None, as_of=D(2025, 3, 16))
    assert (upcoming.status, upcoming.days_left) == (Status.UPCOMING, 1)


# --- Tết 2026 ---------------------------------------------------------------------------------------


def test_a_complaint_received_before_tet_2026_counts_no_day_of_the_holiday(rulebook: Rulebook) -> None:
    # Wednesday 11/02/2026: 12/02 and 13/02, Tết 16–20/02, then 23/02 ... Wednesday 04/03 the 10th;
    # + 30 days = Friday 03/04/2026, a working day: nothing moves.
    found = _result(rulebook, D(2026, 2, 11), D(2026, 4, 3))
    assert (found.due, found.counted_due, found.status) == (D(2026, 4, 3), None, Status.MET)
    assert _result(rulebook, D(2026, 2, 11), D(2026, 4, 4)).status is Status.LATE


def test_a_complaint_received_during_tet_2026_starts_counting_after_it(rulebook: Rulebook) -> None:
    # Received on mùng 1 Tết, Tuesday 17/02/2026: 23/02 is the 1st working day, Friday 06/03 the
    # 10th; + 30 days = Sunday 05/04/2026, moved to Monday 06/04.
    found = _result(rulebook, D(2026, 2, 17), None, as_of=D(2026, 4, 1))
    assert (found.due, found.counted_due, found.status) == (D(2026, 4, 5), D(2026, 4, 6), Status.UPCOMING)


# --- Quốc khánh 2/9/2025 ----------------------------------------------------------------------------


def test_a_deadline_on_the_national_day_weekend_moves_past_2_september_2025(rulebook: Rulebook) -> None:
    # Friday 18/07/2025: Friday 01/08 is the 10th working day; + 30 days = Sunday 31/08, and Monday
    # 01/09 and Tuesday 02/09 are days off: the deadline moves to Wednesday 03/09/2025.
    found = _result(rulebook, D(2025, 7, 18), D(2025, 9, 3))
    assert (found.due, found.counted_due, found.status) == (D(2025, 8, 31), D(2025, 9, 3), Status.MET)
    assert _result(rulebook, D(2025, 7, 18), D(2025, 9, 4)).status is Status.LATE


def test_a_complaint_received_just_before_2_september_2025_skips_both_days_off(rulebook: Rulebook) -> None:
    # Thursday 28/08/2025: 29/08 the 1st; 03/09 the 2nd ... Monday 15/09 the 10th; + 30 = 15/10/2025.
    found = _result(rulebook, D(2025, 8, 28), None, as_of=D(2025, 10, 1))
    assert (found.due, found.counted_due) == (D(2025, 10, 15), None)


def test_denunciations_and_petitions_are_counted_the_same_way(rulebook: Rulebook) -> None:
    for kind in ("denunciation_received", "petition_received"):
        found = _result(rulebook, D(2025, 1, 23), None, as_of=D(2025, 3, 1), event_type=kind)
        assert (found.due, found.counted_due) == (D(2025, 3, 15), D(2025, 3, 17))


def test_a_new_working_calendar_counts_the_deadlines_again(
    rulebook: Rulebook, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The dates counted for an event are kept with the calendar they were counted on: when the calendar
    is made again (a days-off decision added, ``working_calendar.cache_clear()``), they are counted again,
    though the rules and their interpretations (and so the frame kept for them) are the same."""

    def counted() -> tuple[D, D | None]:
        report = evaluate(_record(D(2025, 1, 23), None), packs=rulebook, as_of=D(2025, 3, 1))
        [found] = [r for r in report.results if r.trigger and r.trigger.id == "kn-1"]
        return found.due, found.counted_due

    assert counted() == (D(2025, 3, 15), D(2025, 3, 17))
    decided = workdays.decided_days()
    extra = workdays.DecidedDays({**decided.days_off, D(2025, 3, 17): "nghỉ"}, decided.make_up, decided.years)
    monkeypatch.setattr(workdays, "decided_days", lambda: extra)
    working_calendar.cache_clear()
    try:
        assert counted() == (D(2025, 3, 15), D(2025, 3, 18))
    finally:
        monkeypatch.undo()
        working_calendar.cache_clear()
    assert counted() == (D(2025, 3, 15), D(2025, 3, 17))


# --- overrides -------------------------------------------------------------------------------------


def test_the_roll_forward_is_an_interpretation_a_user_can_turn_off(rulebook: Rulebook) -> None:
    found = _result(rulebook, D(2025, 1, 23), D(2025, 3, 17), overrides={"deadline-on-day-off": "no"})
    assert (found.due, found.counted_due, found.status) == (D(2025, 3, 15), None, Status.LATE)


def test_a_deadline_in_calendar_days_that_ends_on_a_saturday_moves_too(rulebook: Rulebook) -> None:
    # Bộ luật Dân sự 2015 Điều 148 khoản 5 speaks of any period: 23/01/2025 + 44 days = Saturday 08/03/2025
    found = _result(rulebook, D(2025, 1, 23), None, overrides={"complaint-resolution-deadline": "P44D"})
    assert (found.due, found.counted_due) == (D(2025, 3, 8), D(2025, 3, 10))
    assert "deadline-on-day-off" in found.interpretations
    on_a_friday = _result(rulebook, D(2025, 1, 23), None, overrides={"complaint-resolution-deadline": "P43D"})
    assert (on_a_friday.due, on_a_friday.counted_due) == (D(2025, 3, 7), None)


def test_an_override_in_working_days_is_counted_on_the_calendar(rulebook: Rulebook) -> None:
    # Denunciation read strictly: 07 working days (Luật Tố cáo, Điều 24) from Thursday 23/01/2025
    # is Monday 10/02; + 30 days = Wednesday 12/03/2025.
    found = _result(rulebook, D(2025, 1, 23), None, overrides={"complaint-resolution-deadline": "P7WD30D"})
    assert (found.due, found.counted_due) == (D(2025, 3, 12), None)


def test_a_malformed_working_day_override_is_refused_with_its_place(
    rulebook: Rulebook, tmp_path: Path
) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(MALFORMED, encoding="utf-8")
    with pytest.raises(RuleError) as caught:
        evaluate(_record(D(2025, 1, 23), None), packs=rulebook, as_of=D(2025, 12, 31), interpretations=path)
    assert re.search(r"mine\.yaml:\d+:\d+ .*'P10DW'", str(caught.value))
    assert "P10WD30D" in str(caught.value)  # the message shows the working-day form


MALFORMED = """\
interpretations:
  - id: complaint-resolution-deadline
    kind: duration
    value: P10DW
    basis: project_default
    title: {vi: Thời hạn giải quyết, en: Resolution deadline}
    rationale: {vi: Thử., en: A test.}
"""


# --- every report shows both deadlines -------------------------------------------------------------


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_the_reports_show_the_stated_and_the_counted_deadline(
    rulebook: Rulebook, fmt: str, lang: str
) -> None:
    record = _record(D(2025, 1, 23), None)
    report = evaluate(record, packs=rulebook, as_of=D(2025, 3, 1))
    output = render(report, fmt, lang=lang, rulebook=rulebook, record=record, width=200)
    assert isinstance(output, str)
    moved = "lùi đến ngày làm việc tiếp theo" if lang == "vi" else "moved to the next working day"
    stated, counted = (format_date(D(2025, 3, day), lang) for day in (15, 17))
    interpreted = "theo diễn giải" if lang == "vi" else "an interpretation"  # Luật Khiếu nại's 30 days
    # in HTML the date stays on one line and what is said of it goes below, in its own span
    between = '</span><span class="due-note">' if fmt == "html" else " "
    assert re.search(
        rf"{re.escape(stated)}{re.escape(between)}\({interpreted}; {moved}: {re.escape(counted)}\)", output
    )


def test_the_json_report_gives_counted_due_next_to_due(rulebook: Rulebook) -> None:
    record = _record(D(2025, 1, 23), None)
    report = evaluate(record, packs=rulebook, as_of=D(2025, 3, 1))
    data = json.loads(str(render(report, "json", rulebook=rulebook, record=record)))
    found = [r for r in _walk_results(data) if (r.get("trigger") or {}).get("id") == "kn-1"]
    assert found
    assert all((r["due"], r["counted_due"]) == ("2025-03-15", "2025-03-17") for r in found)


def test_the_csv_report_has_a_counted_due_column(rulebook: Rulebook) -> None:
    record = _record(D(2025, 1, 23), None)
    report = evaluate(record, packs=rulebook, as_of=D(2025, 3, 1))
    text = str(render(report, "csv", lang="en", rulebook=rulebook, record=record)).lstrip("\ufeff")
    rows = list(csv.reader(io.StringIO(text)))
    header = rows[0]
    due, counted = header.index("Due"), header.index("Due moved to the next working day")
    dated = {(row[due], row[counted]) for row in rows[1:] if row[counted]}
    # the complaint's, and the yearly plans due on Friday 31/01/2025 (Tết) and Saturday 31/01/2026
    assert dated == {("2025-03-15", "2025-03-17"), ("2025-01-31", "2025-02-03"), ("2026-01-31", "2026-02-02")}


def _walk_results(node: object) -> list[dict[str, object]]:
    """Every result object in a JSON report (those with a ``status`` and a ``due`` key)."""
    found: list[dict[str, object]] = []
    if isinstance(node, dict):
        if "status" in node and "due" in node:
            found.append(node)
        for value in node.values():
            found.extend(_walk_results(value))
    elif isinstance(node, list):
        for value in node:
            found.extend(_walk_results(value))
    return found


def test_a_working_day_duration_reads_in_words() -> None:
    assert value_label("P10WD30D") == "10 ngày làm việc, tiếp theo là 30 ngày"
    assert value_label("P10WD30D", "en") == "10 working days, then 30 days"
    assert value_label("P7WD", "en") == "7 working days"


# --- a case resolved after the late window --------------------------------------------------------------


def test_a_case_resolved_after_the_late_window_is_missed_and_the_sentence_says_it_was_resolved(
    rulebook: Rulebook,
) -> None:
    """The record shows the complaint resolved, though too late to count: the sentence says so rather than
    "hồ sơ không có hoạt động nào đáp ứng", which would be untrue of the record."""
    # due Monday 17/3/2025 (counted); the late window of a complaint (complaint-extension-window, 60 days)
    # closes on Friday 16/5/2025
    found = _result(rulebook, D(2025, 1, 23), D(2025, 6, 20))
    assert (found.status, found.close, found.evidence) == (Status.MISSED, D(2025, 5, 16), ())
    assert found.explanation.vi.endswith(
        "hồ sơ có kết quả giải quyết sự việc kn-1 ngày 20/6/2025, sau thời hạn chấp nhận thực hiện chậm "
        "(16/5/2025): không thực hiện."
    )
    english = found.explanation.en
    assert (
        "the resolution of event kn-1 of 20 June 2025, after the late window closed on 16 May 2025" in english
    )
    within = _result(rulebook, D(2025, 1, 23), D(2025, 5, 16))
    assert (within.status, within.days_late) == (Status.LATE, 60)
    # a resolution after the evaluation date has not happened yet: the record shows nothing
    unresolved = _result(rulebook, D(2025, 1, 23), D(2025, 6, 20), as_of=D(2025, 6, 1))
    assert unresolved.status is Status.MISSED
    assert "hồ sơ không có hoạt động nào đáp ứng và đã hết thời hạn chấp nhận thực hiện chậm" in (
        unresolved.explanation.vi
    )
