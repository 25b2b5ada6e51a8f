"""dancoso-rules: Vietnamese grassroots-democracy law as machine-checkable obligations.

The public API, importable from here::

    from dancoso_rules import evaluate, render

    report = evaluate("examples/tra-vinh/so-noi-vu.json", as_of=datetime.date(2026, 1, 15))
    html = render(report, "html", lang="vi")

``evaluate`` reads a record from a path, its bytes, a mapping or an ``ActivityRecord`` (an invalid
one raises ``RecordError`` with the messages of ``dancoso validate``); ``render`` writes any format
of ``dancoso check --format``.

For many records (a batch, a CI gate that only needs the counts), ``decode_clean`` reads a clean
record in one pass (``None``: run ``validate_record`` for the located problems) and ``assess``
decides every status, leaving the report to ``Assessment.report()``.

Names are imported lazily, so that ``import dancoso_rules`` (and the CLI's start-up) stays cheap.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__all__ = [
    "ActivityRecord",
    "Assessment",
    "DancosoError",
    "DutyResult",
    "RecordError",
    "Report",
    "RuleError",
    "Rulebook",
    "Status",
    "WorkingCalendar",
    "assess",
    "decode_clean",
    "evaluate",
    "load_overrides",
    "load_record",
    "load_rulebook",
    "render",
    "validate_record",
    "working_calendar",
]

_EXPORTS: dict[str, str] = {
    "ActivityRecord": "dancoso_rules.record.model",
    "DancosoError": "dancoso_rules.errors",
    "RecordError": "dancoso_rules.errors",
    "RuleError": "dancoso_rules.errors",
    "Rulebook": "dancoso_rules.model.pack",
    "load_rulebook": "dancoso_rules.load.packs",
    "load_record": "dancoso_rules.record.validate",
    "validate_record": "dancoso_rules.record.validate",
    "evaluate": "dancoso_rules.evaluation.engine",
    "assess": "dancoso_rules.evaluation.engine",
    "Assessment": "dancoso_rules.evaluation.assessment",
    "decode_clean": "dancoso_rules.record.fast",
    "Report": "dancoso_rules.evaluation.result",
    "DutyResult": "dancoso_rules.evaluation.result",
    "Status": "dancoso_rules.evaluation.status",
    "render": "dancoso_rules.report.render",
    "load_overrides": "dancoso_rules.evaluation.interpretations",
    "WorkingCalendar": "dancoso_rules.evaluation.workdays",
    "working_calendar": "dancoso_rules.evaluation.workdays",
}

if TYPE_CHECKING:
    from dancoso_rules.errors import DancosoError, RecordError, RuleError
    from dancoso_rules.evaluation.assessment import Assessment
    from dancoso_rules.evaluation.engine import assess, evaluate
    from dancoso_rules.evaluation.interpretations import load_overrides
    from dancoso_rules.evaluation.result import DutyResult, Report
    from dancoso_rules.evaluation.status import Status
    from dancoso_rules.evaluation.workdays import WorkingCalendar, working_calendar
    from dancoso_rules.load.packs import load_rulebook
    from dancoso_rules.model.pack import Rulebook
    from dancoso_rules.record.fast import decode_clean
    from dancoso_rules.record.model import ActivityRecord
    from dancoso_rules.record.validate import load_record, validate_record
    from dancoso_rules.report.render import render


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'dancoso_rules' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)


def __dir__() -> list[str]:
    return sorted(__all__)
