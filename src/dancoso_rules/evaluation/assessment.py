"""An :class:`Assessment`: a record evaluated, every status decided, its report written on demand.

:func:`~dancoso_rules.evaluation.engine.assess` decides the status of every duty instance (with
its evidence and day counts) and stops there; :meth:`Assessment.report` writes the
:class:`~dancoso_rules.evaluation.result.Report`, with a sentence in two languages for each
result, only when asked. ``evaluate`` is ``assess(...).report()``. Counting statuses, as a batch
run or a CI gate does, needs only the assessment.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import msgspec
from msgspec.structs import replace

from dancoso_rules.evaluation.apply import Laid, materialise, status_of
from dancoso_rules.evaluation.frame import Fixed, Frame
from dancoso_rules.evaluation.interpretations import InterpretationTable
from dancoso_rules.evaluation.prepared import Prepared
from dancoso_rules.evaluation.result import Report, UsedInterpretation, UsedPack
from dancoso_rules.evaluation.status import Status
from dancoso_rules.record.fast import Organisation, Period
from dancoso_rules.record.view import RecordLike


class Assessment(msgspec.Struct, frozen=True):
    """Every duty of the selected packs for one record as of one day: statuses now, sentences on demand."""

    record: RecordLike
    as_of: dt.date
    packs: tuple[UsedPack, ...]
    laid: Laid
    rules: Prepared
    table: InterpretationTable

    def statuses(self) -> list[Status]:
        """The status of each result, in the report's order."""
        return [status_of(entry) for entry in self.laid.entries()]

    def counts(self) -> dict[str, int]:
        """How many results have each status (every status listed, zeros included), as :meth:`Report.counts`."""
        return self.laid.counts()

    def report(self) -> Report:
        """The full report: every result with its placement, evidence, interpretations and sentences."""
        results = materialise(self.laid.entries())
        relied: set[str] = set()
        for result in results:
            if result.interpretations:
                relied.update(result.interpretations)
        rules, table = self.rules, self.table
        used = [rules.used_interpretation(table, i) for i in sorted(relied | table.overridden)]
        return Report(
            organisation=_organisation(self.record),
            period=_period(self.record),
            as_of=self.as_of,
            packs=self.packs,
            interpretations=tuple(self._applied(used)),
            results=tuple(results),
        )

    def _applied(self, used: list[UsedInterpretation]) -> Iterator[UsedInterpretation]:
        """Each interpretation echoed, with the dated values that applied to the record's organisation and period."""
        level, period = self.record.organisation.level, self.record.period
        for item in used:
            values = self.table.get(item.id).values
            applied = tuple(
                dated
                for dated in values
                if (not dated.levels or level in dated.levels)
                and (dated.since is None or dated.since <= period.end)
                and (dated.until is None or period.start <= dated.until)
            )
            yield replace(item, applied=applied) if applied else item


def frame_obligations(frame: Frame) -> tuple[tuple[str, list[Status]], ...]:
    """Each step of ``frame``: the uid of its obligation, and the statuses of its results when the
    record shows nothing for it (every step is one obligation, in the report's order)."""
    return tuple(
        (
            step.results[0].obligation if isinstance(step, Fixed) else step.duty.placed.uid,
            [result.status for result in segment],
        )
        for step, segment in zip(frame.steps, frame.segments, strict=True)
    )


def _organisation(record: RecordLike) -> Organisation:
    """The record's organisation as the report carries it: the fast path's struct, whichever way it was read."""
    found = record.organisation
    if isinstance(found, Organisation):
        return found
    return msgspec.convert(found, Organisation, from_attributes=True)


def _period(record: RecordLike) -> Period:
    found = record.period
    if isinstance(found, Period):
        return found
    return Period(start=found.start, end=found.end)


__all__ = ["Assessment", "frame_obligations"]
