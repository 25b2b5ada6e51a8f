"""Evaluation reports made by hand for the renderer tests: every status, every schedule, hostile text.

They do not depend on the evaluator's judgement, only on its report model, so that the renderers are
tested on every status even where the bundled examples happen not to show one.
"""

from __future__ import annotations

import datetime as dt

from dancoso_rules.evaluation.result import (
    DateRange,
    DutyResult,
    EvidenceRef,
    PeriodRef,
    Reason,
    Report,
    UsedInterpretation,
    UsedPack,
)
from dancoso_rules.evaluation.status import Status
from dancoso_rules.model import Rulebook
from dancoso_rules.model.common import Labels
from dancoso_rules.record.fast import Organisation, Period

HOSTILE = '<script>alert("x")</script> & “Sở” <b>'
_CYCLE = (
    Status.MET,
    Status.LATE,
    Status.OVERDUE,
    Status.MISSED,
    Status.UPCOMING,
    Status.NOT_APPLICABLE,
    Status.UNVERIFIED,
)


def sample_report(
    rulebook: Rulebook, *, pack: str = "tra-vinh-2024", name: str = "Sở Nội vụ tỉnh Trà Vinh"
) -> Report:
    """A report over every obligation of ``pack``, cycling through the statuses, two periods each."""
    used = rulebook.pack_by_id[pack]
    results: list[DutyResult] = []
    as_of = dt.date(2026, 1, 15)
    for n, placed in enumerate(used.obligations()):
        for year in (2024, 2025):
            status = _CYCLE[(n + year) % len(_CYCLE)]
            due = dt.date(year + 1, 3, 31)
            evidence: tuple[EvidenceRef, ...] = ()
            if status in (Status.MET, Status.LATE):
                evidence = (
                    EvidenceRef(kind="activity", id=f"A{n}", pointer=f"/activities/{n % 3}", date=due),
                )
            results.append(
                DutyResult(
                    obligation=placed.uid,
                    pack=pack,
                    provision=placed.provision.id,
                    citation=placed.provision.citation,
                    modality=placed.obligation.modality,
                    activity=placed.obligation.activity,
                    bearers=placed.obligation.bearers,
                    schedule=placed.obligation.schedule.kind,
                    period=PeriodRef(label=str(year), start=dt.date(year, 1, 1), end=dt.date(year, 12, 31)),
                    window=DateRange(start=dt.date(year, 1, 1), end=due),
                    due=due,
                    close=dt.date(year + 1, 12, 31),
                    status=status,
                    days_left=(due - as_of).days if status == Status.UPCOMING else None,
                    days_overdue=15 if status == Status.OVERDUE else None,
                    days_late=3 if status == Status.LATE else None,
                    evidence=evidence,
                    interpretations=("late-window-yearly",),
                    reason=Reason(
                        code="not_bearer", text=Labels(vi="Không phải chủ thể.", en="Not a bearer.")
                    )
                    if status == Status.NOT_APPLICABLE
                    else None,
                    explanation=Labels(
                        vi=f"{placed.provision.citation} yêu cầu {placed.obligation.summary.vi} năm {year}.",
                        en=f"{placed.provision.citation} requires: {placed.obligation.summary.en} ({year}).",
                    ),
                )
            )
    return Report(
        organisation=Organisation(
            id="so-noi-vu-tra-vinh", name=name, kind="state_agency", level="province", territory="tra-vinh"
        ),
        period=Period(start=dt.date(2025, 1, 1), end=dt.date(2025, 12, 31)),
        as_of=as_of,
        packs=(
            UsedPack(
                id=pack,
                version=used.instrument.version,
                title=used.instrument.title,
                source_sha256=used.instrument.source.sha256,
            ),
        ),
        interpretations=(
            UsedInterpretation(
                id="late-window-yearly",
                kind="duration",
                value="P9M",
                basis="project_default",
                overridden=True,
            ),
        ),
        results=tuple(results),
    )
