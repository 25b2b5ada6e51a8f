"""A case the record does not show resolved stays on "Việc cần làm" after its late window closes.

A complaint past its late window is "Không thực hiện" (missed): the window in which resolving it counts as
late has closed. But nothing closes the case itself: the complaint must still be resolved, and is the first
thing an official should do. Such a result is ``unresolved``: said "Không thực hiện (chưa giải quyết, quá hạn N ngày)",
listed with the overdue duties by its days past due, and overdue in the calendar. A case the record shows
resolved, however late, or answered by an activity, or whose body has ceased, is not.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from conftest import EXAMPLES
from dancoso_rules.evaluation import Status, evaluate
from dancoso_rules.evaluation.result import DutyResult
from dancoso_rules.model import Rulebook
from dancoso_rules.record.model import ActivityRecord
from dancoso_rules.report.build import build_report
from dancoso_rules.report.calendar import calendar_entries
from dancoso_rules.report.render import render

D = dt.date
AS_OF = D(2026, 1, 15)
COMMUNE = EXAMPLES / "long-an" / "ubnd-xa-my-yen.json"
DEPARTMENT = EXAMPLES / "tra-vinh" / "so-noi-vu.json"


def _data(path: Path = COMMUNE) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _case(
    data: dict[str, object], case: str, as_of: D = AS_OF, rulebook: Rulebook | None = None
) -> DutyResult:
    report = evaluate(ActivityRecord.model_validate(data), packs=rulebook, as_of=as_of)
    [found] = [r for r in report.results if r.trigger and r.trigger.id == case]
    return found


def test_the_communes_open_complaint_is_missed_and_still_to_resolve(rulebook: Rulebook) -> None:
    # received 08/9/2025, due 22/10/2025, the late window closed on 21/12/2025; no decision in the record
    found = _case(_data(), "kn-2025-09", rulebook=rulebook)
    assert (found.status, found.unresolved, found.due, found.close) == (
        Status.MISSED,
        True,
        D(2025, 10, 22),
        D(2025, 12, 21),
    )
    report = build_report(
        evaluate(ActivityRecord.model_validate(_data()), packs=rulebook, as_of=AS_OF), rulebook
    )
    [ranked] = [r for r in report.results if r.trigger and r.trigger.id == "kn-2025-09"]
    assert ranked.todo_rank is not None
    # with the overdue duties, by days past due: 85 days, after the review 168 days overdue, before those 15
    todo = report.todo()
    before = todo[ranked.todo_rank - 2]
    after = todo[ranked.todo_rank]
    past_due = (AS_OF - D(2025, 10, 22)).days
    assert before.days_overdue is not None
    assert before.days_overdue >= past_due
    assert after.days_overdue is not None
    assert after.days_overdue <= past_due
    [entry] = [e for e in calendar_entries(report, rulebook) if "kn-2025-09" in e.uid]
    assert entry.status == "overdue"


def test_every_human_format_says_it_is_unresolved(rulebook: Rulebook) -> None:
    report = evaluate(ActivityRecord.model_validate(_data()), packs=rulebook, as_of=AS_OF)
    text = render(report, "text", lang="vi", rulebook=rulebook)
    todo = text[
        text.index("VIỆC CẦN LÀM") : text.index("Nhiệm vụ đến hạn") if "Nhiệm vụ đến hạn" in text else None
    ]
    assert "kn-2025-09 (08/9/2025): Không thực hiện (chưa giải quyết, quá hạn 85 ngày)" in " ".join(
        todo.split()
    )
    english = render(report, "markdown", lang="en", rulebook=rulebook)
    assert "Missed (still unresolved, 85 days overdue)" in english
    data = json.loads(render(report, "json", rulebook=rulebook))
    [case] = [r for r in data["results"] if (r.get("trigger") or {}).get("id") == "kn-2025-09"]
    assert (case["status"], case["unresolved"], case["days_overdue"]) == ("missed", True, 85)
    assert sum(r["unresolved"] for r in data["results"]) == 1


def test_a_case_resolved_after_the_window_or_answered_is_not_unresolved(rulebook: Rulebook) -> None:
    data = _data()
    [case] = [e for e in data["events"] if e["id"] == "kn-2025-09"]
    case["resolution"] = {"date": "2026-01-05", "title": "Quyết định giải quyết khiếu nại"}
    late = _case(data, "kn-2025-09", rulebook=rulebook)
    assert (late.status, late.unresolved) == (Status.MISSED, False)
    assert "hồ sơ có kết quả giải quyết sự việc kn-2025-09 ngày 05/01/2026" in late.explanation.vi
    # a decision dated after the evaluation date has not been made yet: still unresolved
    assert _case(data, "kn-2025-09", as_of=D(2026, 1, 4), rulebook=rulebook).unresolved


def test_a_case_of_a_body_that_ceased_is_not_its_to_do(rulebook: Rulebook) -> None:
    """The Trà Vinh department ceased on 01/7/2025 (no successor is judged by default): a complaint whose late
    window that cut short is missed, but no longer this body's to resolve."""
    data = _data(DEPARTMENT)
    data["events"] = [
        {"id": "kn-x", "type": "complaint_received", "date": "2025-04-10", "title": "Đơn khiếu nại"}
    ]
    found = _case(data, "kn-x", rulebook=rulebook)
    assert found.status is Status.MISSED
    assert found.close == D(2025, 6, 30)
    assert not found.unresolved


def test_a_case_answered_by_an_activity_after_the_window_is_said_answered(rulebook: Rulebook) -> None:
    data = _data()
    data["activities"].append(
        {
            "id": "gq-1",
            "type": "complaint_handling",
            "date": "2026-01-05",
            "title": "Quyết định giải quyết khiếu nại",
            "serves": ["kn-2025-09"],
            "evidence": [{"kind": "decision", "number": "1/QĐ-UBND", "date": "2026-01-05"}],
        }
    )
    found = _case(data, "kn-2025-09", rulebook=rulebook)
    assert (found.status, found.unresolved) == (Status.MISSED, False)
    assert (
        "hồ sơ có hoạt động gq-1 ngày 05/01/2026, sau thời hạn chấp nhận thực hiện chậm"
        in found.explanation.vi
    )


def test_an_activity_that_counts_for_another_case_or_came_before_this_one_leaves_it_unresolved(
    rulebook: Rulebook,
) -> None:
    """One decision serving two complaints shows only the first done (an activity serves one instance): the
    second stays a to-do, and an activity dated before a complaint cannot answer it."""
    data = _data()
    data["events"] = [
        {"id": "kn-a", "type": "complaint_received", "date": "2025-09-01", "title": "Đơn A"},
        {"id": "kn-b", "type": "complaint_received", "date": "2025-09-08", "title": "Đơn B"},
    ]
    data["activities"].append(
        {
            "id": "gq-ab",
            "type": "complaint_handling",
            "date": "2025-09-05",
            "title": "Quyết định giải quyết",
            "serves": ["kn-a", "kn-b"],
            "evidence": [{"kind": "decision", "number": "9/QĐ-UBND", "date": "2025-09-05"}],
        }
    )
    assert _case(data, "kn-a", rulebook=rulebook).status is Status.MET
    second = _case(data, "kn-b", rulebook=rulebook)
    assert (second.status, second.unresolved) == (Status.MISSED, True)


def test_a_case_of_a_body_that_ceased_after_its_window_closed_is_not_its_to_do(rulebook: Rulebook) -> None:
    # received 10/3/2025: the late window closes before the department ceased on 01/7/2025, but it has ceased
    data = _data(DEPARTMENT)
    data["events"] = [
        {"id": "kn-x", "type": "complaint_received", "date": "2025-03-10", "title": "Đơn khiếu nại"}
    ]
    found = _case(data, "kn-x", rulebook=rulebook)
    assert found.status is Status.MISSED
    assert found.close is not None
    assert found.close < D(2025, 6, 30)
    assert not found.unresolved
    # while the department still existed, the same case was its to-do
    assert _case(data, "kn-x", as_of=D(2025, 6, 29), rulebook=rulebook).unresolved
