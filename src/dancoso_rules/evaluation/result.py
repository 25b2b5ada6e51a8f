"""The evaluation report: one serialisable, frozen struct that every renderer reads.

A :class:`Report` says who was evaluated (the record's organisation and period, as the structs of
:mod:`dancoso_rules.record.fast`, whichever way the record was read), as of which day,
against which packs (with the sha256 of their source texts) and which interpretations (with their
values, their basis and whether the user overrode them), and then gives one :class:`DutyResult`
per duty instance, in the instruments' order. The report knows nothing of how it is shown.

:meth:`Report.to_json` is the canonical serialisation: keys sorted, dates ISO 8601, Vietnamese
kept as UTF-8, so that the same inputs always give the same bytes.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Literal

import msgspec

from dancoso_rules.evaluation.status import Status
from dancoso_rules.model.common import Frozen, Labels
from dancoso_rules.model.interpretation import Basis, DatedValue
from dancoso_rules.model.obligation import Modality
from dancoso_rules.record.fast import Organisation, Period

REPORT_VERSION: Literal["1"] = "1"

ReasonCode = Literal[
    "not_bearer",  # no bearer of the obligation is this organisation, a body it has, or a function it declares
    "not_binding",  # addressed only to bodies a state instrument cannot command (Party, Front) or to citizens
    "level_out_of_scope",  # the instrument does not govern organisations of this level
    "not_in_force",  # the instance fell due before the instrument took effect
    "no_longer_in_force",  # the instance opens after the instrument ceased to be in force
    "no_addressee",  # the bearer no longer exists when the instance falls due (district level after 01/7/2025)
    "no_event",  # a triggered duty that no event in the record opened
    "outside_period",  # a one-off duty whose window lies outside the record's period
]

EvidenceKind = Literal["activity", "event", "resolution", "attestation"]


class PeriodRef(Frozen, frozen=True, kw_only=True):
    """The calendar period an instance is for: ``2025``, ``2025-H1``, ``2025-Q3``, ``2025-03``, or a record's span."""

    label: str
    start: dt.date
    end: dt.date


class DateRange(Frozen, frozen=True, kw_only=True):
    """A span of days, first and last included."""

    start: dt.date
    end: dt.date


class EvidenceRef(Frozen, frozen=True, kw_only=True):
    """An item of the record relied on: its kind, its id, its JSON Pointer in the record, and its date."""

    kind: EvidenceKind
    id: str
    pointer: str
    date: dt.date


class Reason(Frozen, frozen=True, kw_only=True):
    """Why an obligation or an instance does not apply: a stable code and a sentence in both languages."""

    code: ReasonCode
    text: Labels


class UsedPack(Frozen, frozen=True, kw_only=True):
    """A rule pack the record was evaluated against."""

    id: str
    version: str
    title: str
    source_sha256: str


class UsedInterpretation(Frozen, frozen=True, kw_only=True):
    """An interpretation the evaluation relied on, with its value and whether the user overrode it."""

    id: str
    kind: Literal["duration", "frequency", "flag"]
    value: str
    basis: Basis
    source: str | None = None
    overridden: bool = False
    #: The dated values that applied to this organisation within the record's period (its level, and
    #: days that overlap the period); ``value`` applies outside them. A value marked ``verified:
    #: false`` rests on a text the project could not check.
    applied: tuple[DatedValue, ...] = ()


class DutyResult(Frozen, frozen=True, kw_only=True):
    """The status of one instance of one obligation (or of the whole obligation, when it does not bind).

    ``period``, ``window``, ``due`` and ``close`` are empty when the obligation does not bind the
    organisation at all, and for qualitative duties ``due`` and ``close`` are empty. ``days_left`` is
    set for ``upcoming``, ``days_overdue`` for ``overdue`` (and for a ``missed`` case still ``unresolved``:
    its days past due), ``days_late`` for ``late``.
    """

    obligation: str
    pack: str
    provision: str
    citation: str
    modality: Modality
    activity: str
    bearers: tuple[str, ...]
    schedule: Literal["periodic", "regular", "triggered", "one_off", "qualitative"]
    period: PeriodRef | None = None
    trigger: EvidenceRef | None = None
    window: DateRange | None = None
    due: dt.date | None = None
    #: The due date as counted, when the stated one (``due``) falls on a day off and was moved to the
    #: next working day (Bộ luật Dân sự 2015, Điều 148 khoản 5): the status is decided against it.
    counted_due: dt.date | None = None
    #: Whether ``due`` rests on an interpretation (a deadline or a cadence the instrument does not state,
    #: see the report's ``interpretations``), which every format then says ("Hạn 31/12/2025 (theo diễn
    #: giải)"), never putting the date in the instrument's mouth; ``False`` when there is no due date.
    due_interpreted: bool = False
    close: dt.date | None = None
    status: Status
    days_left: int | None = None
    days_overdue: int | None = None
    days_late: int | None = None
    evidence: tuple[EvidenceRef, ...] = ()
    interpretations: tuple[str, ...] = ()
    reason: Reason | None = None
    explanation: Labels
    #: Whether this is a triggered case (a complaint, a denunciation, ...) past its late window that the record
    #: does not show resolved by the evaluation date, by a body that still exists: ``missed``, yet still to be
    #: resolved, so a to-do ("Không thực hiện (chưa giải quyết, quá hạn 85 ngày)"), with its days past due in
    #: ``days_overdue``. ``False`` for every other result.
    unresolved: bool = False
    #: The place of this instance in the report's "Việc cần làm" (1 first), or ``None`` when it is not
    #: a to-do; the evaluator leaves it ``None`` and the clause-by-clause report sets it
    #: (:func:`dancoso_rules.report.model.todo_order`), so that every format sorts the same way.
    todo_rank: int | None = None


class Report(Frozen, frozen=True, kw_only=True):
    """Every duty of the selected packs, for one record, as of one day."""

    report_version: Literal["1"] = REPORT_VERSION
    organisation: Organisation
    period: Period
    as_of: dt.date
    packs: tuple[UsedPack, ...]
    interpretations: tuple[UsedInterpretation, ...] = ()
    results: tuple[DutyResult, ...] = ()

    def counts(self) -> dict[str, int]:
        """How many results have each status (every status listed, zeros included)."""
        table = dict.fromkeys((s.value for s in Status), 0)
        for result in self.results:
            table[result.status.value] += 1
        return table

    def to_json(self, *, indent: int | None = 2) -> str:
        """The canonical JSON: keys sorted, ISO dates, UTF-8 text; identical inputs give identical bytes."""
        data = msgspec.to_builtins(self)
        text = json.dumps(data, ensure_ascii=False, sort_keys=True, indent=indent)
        return text + "\n" if indent is not None else text
