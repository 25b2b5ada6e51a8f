"""Builders shared by the evaluator's tests: the fixture rulebook and records written in a line each."""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path
from typing import Any

from dancoso_rules.evaluation import DutyResult, Report
from dancoso_rules.load import load_rulebook
from dancoso_rules.model import Rulebook
from dancoso_rules.record.model import ActivityRecord

RULES = Path(__file__).resolve().parent / "fixtures" / "evaluate" / "rules"

STAFF = "fix-tra-vinh.art_1__cl_1.staff-conference"
REPORT = "fix-tra-vinh.art_1__cl_2.quarterly-report"
INSPECTION = "fix-tra-vinh.art_1__cl_3.inspection"
COMPLAINTS = "fix-tra-vinh.art_1__cl_4.complaints"
REGULATION = "fix-tra-vinh.art_1__cl_5.regulation"
SELF_STUDY = "fix-tra-vinh.art_1__cl_6.self-study"
DISTRICT = "fix-tra-vinh.art_1__cl_7.district-report"
MONTHLY = "fix-tra-vinh.art_1__cl_8.monthly-disclosure"
FRONT = "fix-tra-vinh.art_1__cl_9.front-supervision"
BOARD = "fix-tra-vinh.art_1__cl_10.inspection-board-plan"
LONG_AN_STAFF = "fix-long-an.art_1.staff-conference"


@cache
def fixture_rulebook() -> Rulebook:
    """The small test rulebook in tests/fixtures/evaluate/rules."""
    return load_rulebook(RULES)


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def activity(
    identifier: str, kind: str, when: str, *, end: str | None = None, **extra: Any
) -> dict[str, Any]:
    """An activity done on ``when`` (or from ``when`` to ``end``)."""
    dates = {"start": when, "end": end} if end else {"date": when}
    return {"id": identifier, "type": kind, "title": f"Hoạt động {identifier}", **dates, **extra}


def event(identifier: str, kind: str, when: str, resolved: str | None = None) -> dict[str, Any]:
    """An event on ``when``, resolved on ``resolved`` if given."""
    data: dict[str, Any] = {"id": identifier, "type": kind, "date": when, "title": f"Sự việc {identifier}"}
    if resolved:
        data["resolution"] = {"date": resolved}
    return data


def make_record(
    *,
    activities: list[dict[str, Any]] | tuple[dict[str, Any], ...] = (),
    events: list[dict[str, Any]] | tuple[dict[str, Any], ...] = (),
    attestations: list[dict[str, Any]] | tuple[dict[str, Any], ...] = (),
    start: str = "2025-01-01",
    end: str = "2025-12-31",
    **organisation: Any,
) -> ActivityRecord:
    """A record of a provincial department of Trà Vinh (override any organisation field by keyword)."""
    org = {
        "id": "so-thu-nghiem",
        "name": "Sở Thử nghiệm",
        "kind": "provincial_department",
        "level": "province",
        "territory": "tra-vinh",
        **organisation,
    }
    return ActivityRecord.model_validate(
        {
            "organisation": org,
            "period": {"start": start, "end": end},
            "activities": list(activities),
            "events": list(events),
            "attestations": list(attestations),
        }
    )


def results(report: Report, uid: str) -> list[DutyResult]:
    """The results of one obligation, in order."""
    return [r for r in report.results if r.obligation == uid]


def one(report: Report, uid: str, label: str | None = None) -> DutyResult:
    """The single result of ``uid`` (for the period ``label``, when given)."""
    found = [r for r in results(report, uid) if label is None or (r.period and r.period.label == label)]
    assert len(found) == 1, [(r.period, r.status) for r in found]
    return found[0]
