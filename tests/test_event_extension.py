"""A longer period the law allows for one case, recorded on its event (``extension``), is the deadline it is held to.

Luật Khiếu nại 2011, Điều 28 gives a complex complaint 45 days from acceptance instead of 30 (60 at most, in remote
areas); Luật Tố cáo 2018, Điều 30 lets a denunciation's period be extended once or twice by up to 30 days. A record
that says so is judged against the longer period, never shorter than the ordinary one nor beyond the law's ceiling
(30 days more for a complaint, 60 for a denunciation). The commune's complaint kn-2025-09 (received 08/9/2025) is
due 22/10/2025 and closes 21/12/2025; its ceiling is 21/11/2025.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest

from conftest import EXAMPLES
from dancoso_rules import evaluate
from dancoso_rules.evaluation.result import DutyResult
from dancoso_rules.evaluation.status import Status
from dancoso_rules.model import Rulebook
from dancoso_rules.record.fast import decode_clean
from dancoso_rules.record.model import ActivityRecord
from dancoso_rules.record.validate import validate_bytes
from dancoso_rules.report.renderers.common import due_text

COMMUNE = EXAMPLES / "long-an" / "ubnd-xa-my-yen.json"
D = dt.date
ORDINARY_DUE, CEILING, CLOSE = D(2025, 10, 22), D(2025, 11, 21), D(2025, 12, 21)
AS_OF = D(2026, 1, 15)
BASIS = "Vụ việc phức tạp, Thông báo thụ lý số 31/TB-UBND"


def _data(until: D | None, resolved: D | None, event_type: str = "complaint_received") -> dict[str, Any]:
    data: dict[str, Any] = json.loads(COMMUNE.read_text(encoding="utf-8"))
    [event] = [e for e in data["events"] if e["id"] == "kn-2025-09"]
    event["type"] = event_type
    if until is not None:
        event["extension"] = {"until": until.isoformat(), "basis": BASIS}
    if resolved is not None:
        event["resolution"] = {
            "date": resolved.isoformat(),
            "title": "Quyết định giải quyết khiếu nại lần đầu",
        }
    return data


def _result(
    rulebook: Rulebook,
    until: D | None,
    resolved: D | None,
    as_of: D = AS_OF,
    event_type: str = "complaint_received",
) -> DutyResult:
    data = _data(until, resolved, event_type)
    report = evaluate(ActivityRecord.model_validate(data), packs=rulebook, as_of=as_of)
    [found] = [r for r in report.results if r.trigger is not None and r.trigger.id == "kn-2025-09"]
    return found


def test_without_an_extension_the_ordinary_period_holds(rulebook: Rulebook) -> None:
    result = _result(rulebook, None, D(2025, 11, 3))
    assert (result.status, result.due, result.close, result.days_late) == (
        Status.LATE,
        ORDINARY_DUE,
        CLOSE,
        12,
    )
    assert result.due_interpreted


def test_resolved_within_the_extended_period_is_met(rulebook: Rulebook) -> None:
    result = _result(rulebook, D(2025, 11, 6), D(2025, 11, 3))
    assert (result.status, result.due, result.close) == (Status.MET, D(2025, 11, 6), CLOSE)
    # the date is the body's, as its record gives it, not an interpretation: said with its basis
    assert not result.due_interpreted
    assert f"(thời hạn giải quyết được kéo dài đến ngày 06/11/2025; căn cứ: {BASIS})" in result.explanation.vi
    assert f"due 6 November 2025 as extended ({BASIS})" in result.explanation.en
    assert due_text(result, "vi") == "06/11/2025"


def test_resolved_after_the_extended_period_is_late_by_the_days_after_it(rulebook: Rulebook) -> None:
    result = _result(rulebook, D(2025, 11, 6), D(2025, 11, 10))
    assert (result.status, result.due, result.days_late) == (Status.LATE, D(2025, 11, 6), 4)


def test_an_open_case_within_its_extended_period_is_not_yet_due(rulebook: Rulebook) -> None:
    before = _result(rulebook, None, None, as_of=D(2025, 11, 1))
    assert (before.status, before.days_overdue) == (Status.OVERDUE, 10)
    extended = _result(rulebook, D(2025, 11, 6), None, as_of=D(2025, 11, 1))
    assert (extended.status, extended.days_left) == (Status.UPCOMING, 5)


def test_an_extension_beyond_the_laws_ceiling_stops_at_it_and_says_so(rulebook: Rulebook) -> None:
    result = _result(rulebook, D(2026, 1, 31), D(2025, 12, 20))
    assert (result.status, result.due, result.close, result.days_late) == (Status.LATE, CEILING, CLOSE, 29)
    assert result.due_interpreted  # counted from the ordinary deadline, the project's reading of the law
    assert (
        "hồ sơ ghi thời hạn giải quyết được kéo dài đến ngày 31/01/2026; căn cứ: "
        f"{BASIS}; thời hạn kéo dài không quá 30 ngày sau thời hạn thông thường theo diễn giải (Luật Khiếu nại "
        "2011, Điều 28), hạn là ngày 21/11/2025)"
    ) in result.explanation.vi
    assert _result(rulebook, D(2026, 1, 31), None).status is Status.MISSED


def test_a_denunciation_may_be_extended_twice_as_long_and_is_said_gia_han(rulebook: Rulebook) -> None:
    result = _result(rulebook, D(2025, 12, 19), D(2025, 12, 18), event_type="denunciation_received")
    assert (result.status, result.due) == (Status.MET, D(2025, 12, 19))
    assert "thời hạn giải quyết được gia hạn đến ngày 19/12/2025" in result.explanation.vi


def test_an_extension_that_ends_on_a_day_off_moves_to_the_next_working_day(rulebook: Rulebook) -> None:
    # Saturday 08/11/2025: as the ordinary deadline would (Bộ luật Dân sự 2015, Điều 148 khoản 5)
    result = _result(rulebook, D(2025, 11, 8), D(2025, 11, 10))
    assert (result.status, result.due, result.counted_due) == (Status.MET, D(2025, 11, 8), D(2025, 11, 10))
    assert "thời hạn giải quyết được kéo dài đến ngày 08/11/2025" in result.explanation.vi
    assert "deadline-on-day-off" in result.interpretations


@pytest.mark.parametrize("event_type", ["petition_received", "violation_found"])
def test_only_complaints_and_denunciations_may_be_extended(rulebook: Rulebook, event_type: str) -> None:
    """No law sets a petition or a violation found a longer period: the validator refuses it, at the event,
    and the fast decoder leaves the record to it."""
    data = _data(D(2025, 11, 6), None, event_type)
    result = validate_bytes(json.dumps(data, ensure_ascii=False).encode(), "x.json", rulebook)
    assert result.record is None
    [problem] = result.problems
    assert problem.location.pointer == "/events/1"
    assert problem.message.endswith(f"may have a longer resolution period; this event is a {event_type}")
    assert decode_clean(json.dumps(data, ensure_ascii=False).encode(), rulebook) is None


def test_an_extension_never_shortens_the_ordinary_period(rulebook: Rulebook) -> None:
    shorter = _result(rulebook, D(2025, 10, 1), D(2025, 11, 3))
    assert shorter == _result(rulebook, None, D(2025, 11, 3))


@pytest.mark.parametrize("until", [D(2025, 11, 6), D(2026, 1, 31), D(2025, 10, 1)])
def test_the_fast_path_judges_an_extended_case_as_the_validated_record_does(
    rulebook: Rulebook, until: D
) -> None:
    data = _data(until, D(2025, 11, 10))
    raw = json.dumps(data, ensure_ascii=False).encode()
    assert decode_clean(raw, rulebook) is not None  # the fast path, not the validator it falls back to
    fast = evaluate(raw, packs=rulebook, as_of=AS_OF)
    validated = evaluate(ActivityRecord.model_validate(data), packs=rulebook, as_of=AS_OF)
    assert fast.to_json() == validated.to_json()
