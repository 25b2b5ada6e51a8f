"""The evaluator: which duties bind an organisation, and which it met, did late, owes or missed.

``evaluate(record, packs=..., as_of=..., interpretations=...)`` returns a :class:`Report`;
``assess(...)`` (same arguments) decides every status and leaves the report to be written on
demand (:class:`Assessment`). The semantics are documented module by module and, for lawyers, in
``docs/evaluation.md``.
"""

from dancoso_rules.evaluation.assessment import Assessment
from dancoso_rules.evaluation.engine import PackSelection, assess, evaluate, rulebook_for, select_packs
from dancoso_rules.evaluation.interpretations import (
    InterpretationTable,
    Overrides,
    interpretation_table,
    load_overrides,
)
from dancoso_rules.evaluation.result import (
    DateRange,
    DutyResult,
    EvidenceRef,
    PeriodRef,
    Reason,
    ReasonCode,
    Report,
    UsedInterpretation,
    UsedPack,
)
from dancoso_rules.evaluation.status import STATUS_RANK, Status

__all__ = [
    "STATUS_RANK",
    "Assessment",
    "DateRange",
    "DutyResult",
    "EvidenceRef",
    "InterpretationTable",
    "Overrides",
    "PackSelection",
    "PeriodRef",
    "Reason",
    "ReasonCode",
    "Report",
    "Status",
    "UsedInterpretation",
    "UsedPack",
    "assess",
    "evaluate",
    "interpretation_table",
    "load_overrides",
    "rulebook_for",
    "select_packs",
]
