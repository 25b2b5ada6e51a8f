"""The clause-by-clause compliance report: one serialisable model that every renderer reads.

A :class:`ComplianceReport` is an evaluation :class:`~dancoso_rules.evaluation.result.Report` laid
out in each instrument's own order, Điều → khoản → điểm → gạch đầu dòng: every provision with its
verbatim words and content hash, its obligations, and for each obligation the results of its
instances (status, due date, evidence, explanation). Every node carries the totals of the statuses
below it, so that a khoản's totals are read, not recomputed, by the renderers.

Failing is decided here, once: a result fails when its status is in ``--fail-on`` and its obligation
is enforceable (a duty or a duty to study, :data:`ENFORCEABLE`). Requests and encouragements keep
their true status and are shown with their modality, but never fail; every node's ``soft`` counts
are the part of its ``totals`` that comes from them, and :meth:`Tallied.failing` is what the exit
code, the verdicts, the JUnit failures and the SARIF errors count.

It keeps the evaluator's top-level fields (``organisation``, ``period``, ``as_of``, ``packs``,
``interpretations``, ``results``) so that a program reading the evaluator's JSON reads this one too;
the tree refers to ``results`` by index. It is built by :func:`dancoso_rules.report.build.build_report`
and serialised by :meth:`ComplianceReport.to_json`; ``schemas/report.schema.json`` is generated from it.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from collections.abc import Iterable, Iterator, Sequence
from typing import Annotated, Literal, Protocol

import msgspec
from msgspec.structs import replace

from dancoso_rules.evaluation.result import DutyResult, UsedInterpretation
from dancoso_rules.evaluation.status import Status
from dancoso_rules.model.common import FieldArgs, Frozen, Labels
from dancoso_rules.model.instrument import KIND_LABELS
from dancoso_rules.model.obligation import Modality
from dancoso_rules.model.schedule import Frequency
from dancoso_rules.record.fast import Organisation, Period

REPORT_SCHEMA_ID = "urn:dancoso-rules:schema:report:1"

ProvisionLevel = Literal["article", "clause", "point", "indent", "conclusions"]
ScheduleKind = Literal["periodic", "regular", "triggered", "one_off", "qualitative"]

#: The statuses a run fails on unless told otherwise (``--fail-on``).
DEFAULT_FAIL_ON: frozenset[str] = frozenset({"missed", "overdue"})

#: The modalities whose results can fail: a duty ("giao", "có trách nhiệm", an imperative) and a duty
#: to study ("nghiên cứu"). A request ("đề nghị", to a body the issuer cannot command) and an
#: encouragement ("khuyến khích", "quan tâm, tạo điều kiện") keep their true status in every report,
#: but never count as failing: the instrument only asks, so keeping its force means they cannot fail.
ENFORCEABLE: frozenset[Modality] = frozenset({Modality.DUTY, Modality.STUDY})

#: The statuses a person should look at, worst first: the "cần chú ý" lists of the reports.
ATTENTION: tuple[str, ...] = ("missed", "overdue", "late", "unverified")

#: How far ahead "Việc cần làm" looks: duties due within this many days of the evaluation date.
#: A project default for reading a report, not a number of the law.
TODO_HORIZON_DAYS = 30


def is_enforceable(modality: Modality) -> bool:
    """Whether results of this modality can fail (a duty or a duty to study; not a request or an encouragement)."""
    return modality in ENFORCEABLE


def is_failing(result: DutyResult, fail_on: Iterable[str] = DEFAULT_FAIL_ON) -> bool:
    """The one rule of failing: the status is in ``fail_on`` and the obligation is enforceable.

    Every count of failing results (:meth:`ComplianceReport.failing` and the like) counts exactly the
    results this is true of; renderers and the exit code use those counts, never a rule of their own.
    """
    return result.status.value in fail_on and is_enforceable(result.modality)


def overdue_now(result: DutyResult) -> bool:
    """Whether a result is past its due date and still to be done: an overdue duty, or a missed case still
    unresolved (:attr:`DutyResult.unresolved`, a complaint no decision answers yet). The to-do list, its
    overdue part and the calendar take these as overdue."""
    return result.status is Status.OVERDUE or result.unresolved


def todo_order(results: Sequence[DutyResult], as_of: dt.date, horizon: int = TODO_HORIZON_DAYS) -> list[int]:
    """The indices of the results that are to-dos ("Việc cần làm"), in the order a person acts on them.

    First the overdue duties, most days overdue first; then the duties due within ``horizon`` days
    of ``as_of``, earliest due date first; ties keep the instruments' order. Only duties and duties
    to study are to-dos (:data:`ENFORCEABLE`): a request or an encouragement is never listed as
    something overdue, and an obligation that does not bind is not a to-do at all. A missed duty
    (its window closed) can no longer be done: it is counted and listed as failing, not as a to-do;
    except a case still unresolved (:attr:`DutyResult.unresolved`: a complaint no decision answers
    yet), which must still be resolved and is listed with the overdue duties, by its days past due.
    """
    end = as_of + dt.timedelta(days=horizon)
    overdue: list[tuple[int, int]] = []
    upcoming: list[tuple[dt.date, int]] = []
    for index, result in enumerate(results):
        if not is_enforceable(result.modality):
            continue
        if overdue_now(result):  # a missed case still to resolve: by its days past due, as an overdue duty
            overdue.append((-(result.days_overdue or 0), index))
        elif result.status is Status.UPCOMING and result.due is not None:
            due = result.counted_due or result.due  # the day it must be done by, as counted
            if due <= end:
                upcoming.append((due, index))
    overdue.sort()
    upcoming.sort()
    return [index for _, index in overdue] + [index for _, index in upcoming]


def rank_todo(results: Sequence[DutyResult], as_of: dt.date) -> tuple[DutyResult, ...]:
    """``results`` with :attr:`DutyResult.todo_rank` set (1, 2, ...) on the to-dos of :func:`todo_order`."""
    ranked = list(results)
    for rank, index in enumerate(todo_order(results, as_of), start=1):
        ranked[index] = replace(results[index], todo_rank=rank)
    return tuple(ranked)


class StatusCounts(Frozen, frozen=True, kw_only=True):
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
        return StatusCounts(**table)

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

    def __sub__(self, other: StatusCounts) -> StatusCounts:
        return StatusCounts(**{s: getattr(self, s) - getattr(other, s) for s in STATUSES})

    def among(self, statuses: Iterable[str]) -> int:
        """How many results have one of ``statuses`` (whatever their modality: see :func:`failing_count`)."""
        return sum(self.get(s) for s in frozenset(statuses))

    def severity(self) -> tuple[int, ...]:
        """A sort key, larger when worse: missed first, then overdue, late, unverified, upcoming."""
        return (self.missed, self.overdue, self.late, self.unverified, self.upcoming)


STATUSES: tuple[str, ...] = StatusCounts.__struct_fields__
_NONE = StatusCounts()


def failing_count(totals: StatusCounts, soft: StatusCounts, fail_on: Iterable[str]) -> int:
    """How many results fail (see :func:`is_failing`), given the ``totals`` of every result and the
    ``soft`` counts of the requests and encouragements among them."""
    statuses = frozenset(fail_on)
    return totals.among(statuses) - soft.among(statuses)


class _Counts(Protocol):
    @property
    def totals(self) -> StatusCounts: ...

    @property
    def soft(self) -> StatusCounts: ...


class Counted(_Counts, Protocol):
    """Anything with totals that says how many of its results fail: every :class:`Tallied` node."""

    def failing(self, fail_on: Iterable[str] = DEFAULT_FAIL_ON) -> int: ...

    def soft_failing(self, fail_on: Iterable[str] = DEFAULT_FAIL_ON) -> int: ...


class Tallied:
    """What every node with totals can say: how many results fail, and how many would were they duties.

    A node has ``totals`` (every result, by its true status) and ``soft`` (the part of ``totals`` that
    comes from requests and encouragements, see :data:`ENFORCEABLE`).
    """

    __slots__ = ()

    def failing(self: _Counts, fail_on: Iterable[str] = DEFAULT_FAIL_ON) -> int:
        """How many results fail: an enforceable obligation's result with a status in ``fail_on``."""
        return failing_count(self.totals, self.soft, fail_on)

    def soft_failing(self: _Counts, fail_on: Iterable[str] = DEFAULT_FAIL_ON) -> int:
        """How many results of requests and encouragements have a status in ``fail_on`` (never failing)."""
        return self.soft.among(fail_on)

    def enforceable(self: _Counts) -> StatusCounts:
        """The totals of the duties and duties to study alone."""
        return self.totals - self.soft


class PackInfo(Frozen, frozen=True, kw_only=True):
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

    def cited(self, lang: str = "vi") -> str:
        """The instrument as cited after a provision: "Nghị quyết số 33/2024/NQ-HĐND của Hội đồng nhân dân
        tỉnh …" (no number when the stored text gives none: the project never supplies one)."""
        kind = KIND_LABELS[self.kind]
        if lang == "en":
            return f"{kind.en.lower()}{f' {self.number}' if self.number else ''} of {self.issuer}"
        return f"{kind.vi}{f' số {self.number}' if self.number else ''} của {self.issuer}"

    def named(self, lang: str = "vi") -> str:
        """The instrument and what it is about, as a report names it: "Nghị quyết của Hội đồng nhân dân tỉnh
        Trà Vinh quy định các biện pháp bảo đảm …" (the title joined as a Vietnamese document cites one)."""
        if lang == "en":
            cited = self.cited(lang)
            return f"{cited[:1].upper()}{cited[1:]}: {self.title}"
        return f"{self.cited(lang)} {self.title[:1].lower()}{self.title[1:]}"


class InterpretationInfo(UsedInterpretation, frozen=True, kw_only=True):
    """An interpretation relied on, as the evaluation reports it, with its title from the rulebook."""

    title: Labels | None = None


class ObligationEntry(Frozen, Tallied, frozen=True, kw_only=True):
    """One obligation of a provision, and its results (indices into :attr:`ComplianceReport.results`)."""

    uid: str
    id: str
    modality: Modality
    activity: str
    bearers: tuple[str, ...]
    schedule: ScheduleKind
    #: How often the obligation recurs for this organisation (periodic and regular schedules; for a
    #: regular one, the least often it may be done). ``None`` for other schedules, and when the value
    #: is not known: the interpretation that gives it changes within the period, or was not relied on.
    frequency: Frequency | None = None
    #: The interpretation that gives ``frequency`` when the instrument does not state it (legal
    #: review, item 17: a cadence the text does not state is printed as an interpretation).
    frequency_interpretation: str | None = None
    summary: Labels
    quote: str
    #: The activity and the documents that would show the obligation done, in words (from the
    #: rule's evidence kinds and the vocabulary); ``None`` when the rule names none.
    evidence_wanted: Labels | None = None
    results: tuple[int, ...] = ()
    totals: StatusCounts = StatusCounts()

    @property
    def soft(self) -> StatusCounts:
        """Every result when the obligation is a request or an encouragement, else none."""
        return _NONE if is_enforceable(self.modality) else self.totals


class ProvisionSection(Frozen, Tallied, frozen=True, kw_only=True):
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

    @property
    def own_soft(self) -> StatusCounts:
        """The part of :attr:`own_totals` from requests and encouragements."""
        total = _NONE
        for obligation in self.obligations:
            if not is_enforceable(obligation.modality):
                total = total + obligation.totals
        return total

    @property
    def soft(self) -> StatusCounts:
        """The part of :attr:`totals` from requests and encouragements, here and below."""
        total = self.own_soft
        for child in self.children:
            total = total + child.soft
        return total


class ClauseTotals(Frozen, Tallied, frozen=True, kw_only=True):
    """A row of the per-khoản summary: a khoản (or an article's own duties), its totals, and the part
    of them from requests and encouragements (``soft``: shown, never failing)."""

    pack: str
    provision: str
    citation: str
    totals: StatusCounts
    soft: StatusCounts


class InstrumentSection(Frozen, Tallied, frozen=True, kw_only=True):
    """One instrument's provisions, in its own order, with its totals."""

    pack: str
    provisions: tuple[ProvisionSection, ...]
    totals: StatusCounts

    def walk(self) -> Iterator[tuple[ProvisionSection, int]]:
        """Every provision of the instrument in order, with its depth (0 for a Điều)."""
        for provision in self.provisions:
            yield from provision.walk()

    @property
    def soft(self) -> StatusCounts:
        """The part of :attr:`totals` from requests and encouragements."""
        total = _NONE
        for provision in self.provisions:
            total = total + provision.soft
        return total

    def clause_totals(self) -> tuple[ClauseTotals, ...]:
        """Totals per khoản; a Điều's own duties (outside any khoản) make a row of their own."""
        rows: list[ClauseTotals] = []
        for article in self.provisions:
            own = article.own_totals
            if own.total:
                rows.append(
                    ClauseTotals(
                        pack=self.pack,
                        provision=article.id,
                        citation=article.citation,
                        totals=own,
                        soft=article.own_soft,
                    )
                )
            for child in article.children:
                if child.totals.total:
                    rows.append(
                        ClauseTotals(
                            pack=self.pack,
                            provision=child.id,
                            citation=child.citation,
                            totals=child.totals,
                            soft=child.soft,
                        )
                    )
        return tuple(rows)


class SourcePosition(Frozen, frozen=True, kw_only=True):
    """A 1-based line and column in the record file."""

    line: int
    column: int


class RecordSource(Frozen, frozen=True, kw_only=True):
    """The record file the report is about, where the JSON Pointers the results use are in it, and the
    titles of the items used as evidence (``/activities/3`` → "Hội nghị CBCCVC năm 2025")."""

    file: str
    positions: dict[str, SourcePosition] = msgspec.field(default_factory=dict)
    titles: dict[str, str] = msgspec.field(default_factory=dict)
    uri: Annotated[str | None, FieldArgs(exclude=True)] = None
    """The file as a URI reference (:func:`~dancoso_rules.paths.uri_reference`), made from its path when the
    report is built from one, for SARIF: ``file`` is for people, and cannot give back the bytes of a name
    that is not UTF-8. Not written in the JSON report."""


class ComplianceReport(Frozen, Tallied, frozen=True, kw_only=True):
    """Every duty of the applied instruments for one record, as of one day, clause by clause."""

    report_version: Literal["1"] = "1"
    organisation: Organisation
    period: Period
    as_of: dt.date
    record: RecordSource | None = None
    packs: tuple[PackInfo, ...]
    interpretations: tuple[InterpretationInfo, ...] = ()
    totals: StatusCounts
    soft: StatusCounts
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

    def todo(self) -> list[DutyResult]:
        """The to-dos ("Việc cần làm"), in order: overdue duties (and unresolved cases) by days past due, then
        duties due within :data:`TODO_HORIZON_DAYS` days by due date (see :func:`todo_order`)."""
        found = [r for r in self.results if r.todo_rank is not None]
        found.sort(key=lambda r: r.todo_rank or 0)
        return found

    def obligation_entries(self) -> dict[str, ObligationEntry]:
        """Every obligation's entry in the instruments' tree, by uid."""
        return {
            entry.uid: entry
            for section in self.instruments
            for provision, _ in section.walk()
            for entry in provision.obligations
        }

    def attention(self) -> list[DutyResult]:
        """The results of duties and duties to study that need attention (:data:`ATTENTION`), worst first."""
        return self._needing(enforceable=True)

    def soft_attention(self) -> list[DutyResult]:
        """The results of requests and encouragements with an :data:`ATTENTION` status, worst first:
        listed apart, never as failing."""
        return self._needing(enforceable=False)

    def _needing(self, *, enforceable: bool) -> list[DutyResult]:
        found = [
            r
            for r in self.results
            if r.status.value in ATTENTION and is_enforceable(r.modality) == enforceable
        ]
        found.sort(key=lambda r: ATTENTION.index(r.status.value))
        return found

    def to_json(self, *, indent: int | None = 2) -> str:
        """The canonical JSON: keys sorted, ISO dates, UTF-8 text; identical inputs give identical bytes."""
        data = msgspec.to_builtins(self)
        if self.record is not None:
            del data["record"]["uri"]  # for SARIF, not written in the JSON report (see RecordSource.uri)
        if indent == 2:
            # The same bytes as json.dumps(..., ensure_ascii=False, sort_keys=True, indent=2) for a report
            # (strings, integers, booleans and nulls: no floats), in C: a report is ~300 kB of JSON, and
            # the pure-Python indenting encoder took most of the time of writing 10,000 of them.
            encoded = msgspec.json.format(_sorted_encoder().encode(data), indent=2)
            return encoded.decode("utf-8") + "\n"
        text = json.dumps(data, ensure_ascii=False, sort_keys=True, indent=indent)
        return text + "\n" if indent is not None else text


@functools.cache
def _sorted_encoder() -> msgspec.json.Encoder:
    """A JSON encoder that sorts keys."""
    return msgspec.json.Encoder(order="sorted")


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
