"""The clause-by-clause compliance report: one serialisable model that every renderer reads.

A :class:`ComplianceReport` is an evaluation :class:`~dancoso_rules.evaluation.result.Report` laid
out in each instrument's own order, Điều → khoản → điểm → gạch đầu dòng: every provision with its
verbatim words and content hash, its obligations, and for each obligation the results of its
instances (status, due date, evidence, explanation). Every node carries the totals of the statuses
below it, so that a khoản's totals are read, not recomputed, by the renderers.

It keeps the evaluator's top-level fields (``organisation``, ``period``, ``as_of``, ``packs``,
``interpretations``, ``results``) so that a program reading the evaluator's JSON reads this one too;
the tree refers to ``results`` by index. It is built by :func:`dancoso_rules.report.build.build_report`
and serialised by :meth:`ComplianceReport.to_json`; ``schemas/report.schema.json`` is generated from it.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from typing import Literal

from pydantic import Field

from dancoso_rules.evaluation.result import DutyResult
from dancoso_rules.model.common import Frozen, Labels
from dancoso_rules.model.interpretation import Basis
from dancoso_rules.model.obligation import Modality
from dancoso_rules.record.model import Organisation, Period

REPORT_SCHEMA_ID = "urn:dancoso-rules:schema:report:1"

ProvisionLevel = Literal["article", "clause", "point", "indent", "conclusions"]
ScheduleKind = Literal["periodic", "regular", "triggered", "one_off", "qualitative"]

#: The statuses a run fails on unless told otherwise (``--fail-on``).
DEFAULT_FAIL_ON: frozenset[str] = frozenset({"missed", "overdue"})


class StatusCounts(Frozen):
    """How many results have each status."""

    met: int = 0
    late: int = 0
    overdue: int = 0
    missed: int = 0
    upcoming: int = 0
    not_applicable: int = 0
    unverified: int = 0

    @classmethod
    def of(cls, statuses: Iterable[str]) -> StatusCounts:
        """The counts of a sequence of status values."""
        table = dict.fromkeys(STATUSES, 0)
        for status in statuses:
            table[status] += 1
        return cls(**table)

    def __add__(self, other: StatusCounts) -> StatusCounts:
        return StatusCounts(**{s: getattr(self, s) + getattr(other, s) for s in STATUSES})

    def get(self, status: str) -> int:
        """The count of ``status``."""
        return int(getattr(self, status))

    @property
    def total(self) -> int:
        """How many results in all."""
        return sum(self.get(s) for s in STATUSES)

    @property
    def applicable(self) -> int:
        """How many results bind the organisation (every status but ``not_applicable``)."""
        return self.total - self.not_applicable

    def failing(self, fail_on: Iterable[str] = DEFAULT_FAIL_ON) -> int:
        """How many results have a status in ``fail_on``."""
        return sum(self.get(s) for s in fail_on)

    def severity(self) -> tuple[int, ...]:
        """A sort key, larger when worse: missed first, then overdue, late, unverified, upcoming."""
        return (self.missed, self.overdue, self.late, self.unverified, self.upcoming)


STATUSES: tuple[str, ...] = tuple(StatusCounts.model_fields)


class PackInfo(Frozen):
    """An instrument the record was evaluated against: what it is, which version, which exact text."""

    id: str
    version: str
    kind: Literal["nghi_quyet", "quyet_dinh"]
    title: str
    issuer: str
    number: str | None = None
    adopted: dt.date | None = None
    effective: dt.date
    territory: str
    source_sha256: str


class InterpretationInfo(Frozen):
    """An interpretation relied on: its value, its basis, whether the user overrode it, and its title."""

    id: str
    kind: Literal["duration", "frequency"]
    value: str
    basis: Basis
    source: str | None = None
    overridden: bool = False
    title: Labels | None = None


class ObligationEntry(Frozen):
    """One obligation of a provision, and its results (indices into :attr:`ComplianceReport.results`)."""

    uid: str
    id: str
    modality: Modality
    activity: str
    bearers: tuple[str, ...]
    schedule: ScheduleKind
    summary: Labels
    quote: str
    results: tuple[int, ...] = ()
    totals: StatusCounts = StatusCounts()


class ProvisionSection(Frozen):
    """A Điều, khoản, điểm or dash: its words, its obligations, the provisions below it, and totals."""

    id: str
    citation: str
    level: ProvisionLevel
    heading: str | None = None
    text: str | None = None
    content_hash: str
    non_operative: Labels | None = None
    obligations: tuple[ObligationEntry, ...] = ()
    children: tuple[ProvisionSection, ...] = ()
    totals: StatusCounts = StatusCounts()

    def walk(self, depth: int = 0) -> Iterator[tuple[ProvisionSection, int]]:
        """This provision and every one below it, in the instrument's order, with their depth."""
        yield self, depth
        for child in self.children:
            yield from child.walk(depth + 1)

    @property
    def own_totals(self) -> StatusCounts:
        """The totals of this provision's own obligations, not those of the provisions below it."""
        total = StatusCounts()
        for obligation in self.obligations:
            total = total + obligation.totals
        return total


class ClauseTotals(Frozen):
    """A row of the per-khoản summary: a khoản (or an article's own duties) and its totals."""

    pack: str
    provision: str
    citation: str
    totals: StatusCounts


class InstrumentSection(Frozen):
    """One instrument's provisions, in its own order, with its totals."""

    pack: str
    provisions: tuple[ProvisionSection, ...]
    totals: StatusCounts

    def walk(self) -> Iterator[tuple[ProvisionSection, int]]:
        """Every provision of the instrument in order, with its depth (0 for a Điều)."""
        for provision in self.provisions:
            yield from provision.walk()

    def clause_totals(self) -> tuple[ClauseTotals, ...]:
        """Totals per khoản; a Điều's own duties (outside any khoản) make a row of their own."""
        rows: list[ClauseTotals] = []
        for article in self.provisions:
            own = article.own_totals
            if own.total:
                rows.append(
                    ClauseTotals(pack=self.pack, provision=article.id, citation=article.citation, totals=own)
                )
            for child in article.children:
                if child.totals.total:
                    rows.append(
                        ClauseTotals(
                            pack=self.pack, provision=child.id, citation=child.citation, totals=child.totals
                        )
                    )
        return tuple(rows)


class SourcePosition(Frozen):
    """A 1-based line and column in the record file."""

    line: int
    column: int


class RecordSource(Frozen):
    """The record file the report is about, where the JSON Pointers the results use are in it, and the
    titles of the items used as evidence (``/activities/3`` → "Hội nghị CBCCVC năm 2025")."""

    file: str
    positions: dict[str, SourcePosition] = Field(default_factory=dict)
    titles: dict[str, str] = Field(default_factory=dict)


class ComplianceReport(Frozen):
    """Every duty of the applied instruments for one record, as of one day, clause by clause."""

    report_version: Literal["1"] = "1"
    organisation: Organisation
    period: Period
    as_of: dt.date
    record: RecordSource | None = None
    packs: tuple[PackInfo, ...]
    interpretations: tuple[InterpretationInfo, ...] = ()
    totals: StatusCounts
    instruments: tuple[InstrumentSection, ...]
    results: tuple[DutyResult, ...] = ()

    @property
    def titles(self) -> dict[str, str]:
        """The titles of the record's items used as evidence, by JSON Pointer (empty when unknown)."""
        return self.record.titles if self.record is not None else {}

    def pack(self, pack_id: str) -> PackInfo:
        """The metadata of an applied pack."""
        return next(p for p in self.packs if p.id == pack_id)

    def clause_totals(self) -> tuple[ClauseTotals, ...]:
        """Totals per khoản over every applied instrument, in the instruments' order."""
        return tuple(row for section in self.instruments for row in section.clause_totals())

    def results_of(self, obligation: ObligationEntry) -> Iterator[DutyResult]:
        """The results of one obligation's instances, in order."""
        for index in obligation.results:
            yield self.results[index]

    def failing(self, fail_on: Iterable[str] = DEFAULT_FAIL_ON) -> int:
        """How many results have a status in ``fail_on``."""
        return self.totals.failing(fail_on)

    def to_json(self, *, indent: int | None = 2) -> str:
        """The canonical JSON: keys sorted, ISO dates, UTF-8 text; identical inputs give identical bytes."""
        data = self.model_dump(mode="json", by_alias=True, exclude_none=False)
        text = json.dumps(data, ensure_ascii=False, sort_keys=True, indent=indent)
        return text + "\n" if indent is not None else text


def target_pointer(result: DutyResult) -> str:
    """Where in the record a result can be pointed at: its evidence, its trigger, or where it is missing.

    A duty shown done points at the activity (``/activities/3``); a triggered duty at its event; a
    duty not done at the list it is missing from (``/activities``, or ``/attestations`` for a
    qualitative duty); a duty that does not bind at the organisation's kind.
    """
    if result.evidence:
        return result.evidence[0].pointer
    if result.trigger is not None:
        return result.trigger.pointer
    if result.status == "not_applicable":
        return "/organisation/kind"
    if result.schedule == "qualitative":
        return "/attestations"
    return "/activities"
