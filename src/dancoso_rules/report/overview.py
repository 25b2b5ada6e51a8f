"""The overview of many organisations for the body that oversees them (the Sở Nội vụ).

Records are evaluated one by one; :meth:`OverviewBuilder.add_tally` keeps only what the overview
needs of each (the organisation, its file, and its counts per khoản: see
:mod:`dancoso_rules.report.tally`), and :meth:`OverviewBuilder.add` the same of a report, so
memory grows by a few hundred bytes per record and never holds a report: a khoản's counts, its
totals and its period are kept once for all the organisations that have the same. :meth:`OverviewBuilder.build`
sorts the organisations worst first (most failing results, then most missed duties, overdue, late,
unverified, upcoming; requests and encouragements, which never fail, only break ties) and
:meth:`Overview.rows` materialises their rows one at a time, for the renderers to stream.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Annotated, TypeVar

import msgspec

from dancoso_rules.model.common import FieldArgs, Frozen
from dancoso_rules.report.model import (
    DEFAULT_FAIL_ON,
    STATUSES,
    ClauseTotals,
    ComplianceReport,
    StatusCounts,
    Tallied,
)
from dancoso_rules.report.tally import ClauseKey, Tally, counts_of, tally_report

OVERVIEW_SCHEMA_ID = "urn:dancoso-rules:schema:overview:1"
_WIDTH = len(STATUSES)
_V = TypeVar("_V", bound=tuple[object, ...])


class OverviewRow(Frozen, Tallied, frozen=True, kw_only=True):
    """One organisation: its record, its totals (and their ``soft`` part, from requests and
    encouragements), and its khoản with duties that bind it, worst first."""

    organisation: str
    name: str
    file: str
    line: int | None = None
    period_start: dt.date
    period_end: dt.date
    totals: StatusCounts
    soft: StatusCounts
    clauses: tuple[ClauseTotals, ...]
    report: str | None = None
    """The file name of the organisation's own report, written beside the overview (``None`` when none was)."""
    uri: Annotated[str | None, FieldArgs(exclude=True)] = None
    """The record file as a URI reference (:func:`~dancoso_rules.paths.uri_reference`), for SARIF; not written
    in the JSON overview."""


class InvalidRecord(Frozen, frozen=True, kw_only=True):
    """A record that could not be evaluated, with its located messages."""

    file: str
    problems: tuple[str, ...]
    uri: Annotated[str | None, FieldArgs(exclude=True)] = None
    """The record file as a URI reference (:func:`~dancoso_rules.paths.uri_reference`), for SARIF; not written
    in the JSON overview."""


class OverviewDocument(Frozen, frozen=True, kw_only=True):
    """The overview as one document (the JSON renderer streams exactly this shape)."""

    overview_version: str = "1"
    as_of: dt.date
    organisations: int
    totals: StatusCounts
    soft: StatusCounts
    invalid: tuple[InvalidRecord, ...] = ()
    rows: tuple[OverviewRow, ...] = ()


class PackedRow(msgspec.Struct):
    """An organisation's row as the overview keeps it: its counts as tuples in
    :data:`~dancoso_rules.report.model.STATUSES` order, each distinct one kept once."""

    organisation: str
    name: str
    file: str
    line: int | None
    period: tuple[dt.date, dt.date]
    totals: tuple[int, ...]
    soft: tuple[int, ...]
    #: Each khoản's cell: (its index, its counts..., their soft part...), shared by the rows that have it.
    clauses: tuple[tuple[int, ...], ...]
    report: str | None = None
    uri: str | None = None


class OverviewBuilder(msgspec.Struct):
    """Collects what the overview needs from each report, compactly, as the reports are made."""

    as_of: dt.date
    _clauses: dict[tuple[str, str], int] = msgspec.field(default_factory=dict)
    _clause_list: list[tuple[str, str, str]] = msgspec.field(default_factory=list)
    _rows: list[PackedRow] = msgspec.field(default_factory=list)
    _invalid: list[InvalidRecord] = msgspec.field(default_factory=list)
    #: Every distinct cell (by khoản and counts), totals and period, kept once: most organisations share
    #: most of theirs.
    _cells: dict[tuple[ClauseKey, tuple[int, ...]], tuple[int, ...]] = msgspec.field(default_factory=dict)
    _shared: dict[object, object] = msgspec.field(default_factory=dict)

    def add(
        self,
        report: ComplianceReport,
        file: str,
        line: int | None = None,
        *,
        report_file: str | None = None,
        uri: str | None = None,
    ) -> None:
        """Keep the overview's share of one organisation's report; ``report_file`` names the report
        written for it beside the overview, for the overview to link to; ``uri`` is the record file as a
        URI reference (:func:`~dancoso_rules.paths.uri_reference`), for SARIF."""
        self.add_tally(tally_report(report), file, line, report_file=report_file, uri=uri)

    def add_tally(
        self,
        tally: Tally,
        file: str,
        line: int | None = None,
        *,
        report_file: str | None = None,
        uri: str | None = None,
    ) -> None:
        """Keep one organisation's :class:`~dancoso_rules.report.tally.Tally` (as :meth:`add` its report's)."""
        cells = []
        for pair in tally.clauses:
            cell = self._cells.get(pair)
            if cell is None:
                key, counts = pair
                index = self._clauses.get(key[:2])
                if index is None:
                    index = self._clauses[key[:2]] = len(self._clause_list)
                    self._clause_list.append(key)
                cell = self._cells[pair] = (index, *counts)
            cells.append(cell)
        self._rows.append(
            PackedRow(
                tally.organisation,
                tally.name,
                file,
                line,
                self._once(tally.period),
                self._once(tally.totals),
                self._once(tally.soft),
                self._once(tuple(cells)),
                report_file,
                uri,
            )
        )

    def _once(self, value: _V) -> _V:
        """``value``, or the equal one kept before."""
        return self._shared.setdefault(value, value)  # type: ignore[return-value]

    def add_invalid(self, file: str, problems: tuple[str, ...], *, uri: str | None = None) -> None:
        """Note a record that could not be evaluated (``uri``: its file, as :meth:`add`'s)."""
        self._invalid.append(InvalidRecord(file=file, problems=problems, uri=uri))

    def build(self, fail_on: frozenset[str] = DEFAULT_FAIL_ON) -> Overview:
        """The overview, organisations worst first: most results failing on ``fail_on`` (duties only),
        then by severity (ties by organisation id, then file)."""
        positions = [i for i, status in enumerate(STATUSES) if status in fail_on]
        ranks: dict[tuple[tuple[int, ...], tuple[int, ...]], _Rank] = {}

        def worst_first(row: PackedRow) -> tuple[int, tuple[int, ...], tuple[int, ...], str, str, int]:
            counts = (row.totals, row.soft)
            rank = ranks.get(counts)
            if rank is None:
                rank = ranks[counts] = _rank(row.totals, row.soft, positions)
            return (*rank, row.organisation, row.file, row.line or 0)

        rows = sorted(self._rows, key=worst_first)
        totals = [0] * _WIDTH
        soft = [0] * _WIDTH
        for row in rows:
            for i, count in enumerate(row.totals):
                totals[i] += count
            for i, count in enumerate(row.soft):
                soft[i] += count
        return Overview(
            as_of=self.as_of,
            totals=counts_of(totals),
            soft=counts_of(soft),
            invalid=tuple(self._invalid),
            _packed=rows,
            _clause_list=self._clause_list,
        )


def _natural(key: tuple[str, str]) -> tuple[str, tuple[tuple[int, str], ...]]:
    """A khoản's place in its instrument: ``art_2__cl_10`` after ``art_2__cl_9`` (numbers compared as numbers)."""
    pack, provision = key
    parts = tuple((int(p), "") if p.isdigit() else (-1, p) for p in re.split(r"(\d+)", provision) if p)
    return pack, parts


def _severity(counts: tuple[int, ...]) -> tuple[int, ...]:
    named = dict(zip(STATUSES, counts, strict=True))
    return (named["missed"], named["overdue"], named["late"], named["unverified"], named["upcoming"])


#: How bad an organisation's counts are, as a sort key: failing results, then the severity of its duties,
#: then of its requests and encouragements (the soft part: they never fail, so they only break ties).
_Rank = tuple[int, tuple[int, ...], tuple[int, ...]]


def _rank(totals: tuple[int, ...], soft: tuple[int, ...], failing: list[int]) -> _Rank:
    hard = tuple(total - part for total, part in zip(totals, soft, strict=True))
    return (
        -sum(hard[i] for i in failing),
        tuple(-n for n in _severity(hard)),
        tuple(-n for n in _severity(soft)),
    )


class Overview(msgspec.Struct, Tallied, frozen=True):
    """Many organisations' results as of one day: totals (and their ``soft`` part), invalid records,
    and rows worst first."""

    as_of: dt.date
    totals: StatusCounts
    soft: StatusCounts
    invalid: tuple[InvalidRecord, ...]
    _packed: list[PackedRow]
    _clause_list: list[tuple[str, str, str]]

    @property
    def periods(self) -> tuple[tuple[dt.date, dt.date], ...]:
        """The periods the records cover, each once, in order."""
        return tuple(sorted({packed.period for packed in self._packed}))

    def clauses(self) -> tuple[ClauseTotals, ...]:
        """Every khoản with a duty binding some organisation, in the instruments' order, with its totals
        over all organisations (the columns of a khoản × organisation heat map)."""
        totals = [[0] * (2 * _WIDTH) for _ in self._clause_list]
        for packed in self._packed:
            for cell in packed.clauses:
                row = totals[cell[0]]
                for i in range(2 * _WIDTH):
                    row[i] += cell[1 + i]
        order = sorted(range(len(self._clause_list)), key=lambda i: _natural(self._clause_list[i][:2]))
        return tuple(
            ClauseTotals(
                pack=self._clause_list[i][0],
                provision=self._clause_list[i][1],
                citation=self._clause_list[i][2],
                totals=counts_of(totals[i][:_WIDTH]),
                soft=counts_of(totals[i][_WIDTH:]),
            )
            for i in order
        )

    @property
    def organisations(self) -> int:
        """How many organisations were evaluated."""
        return len(self._packed)

    def rows(self) -> Iterator[OverviewRow]:
        """Each organisation's row, worst first; its khoản worst first too, then in the instrument's order.

        A khoản with the same counts is the same frozen :class:`ClauseTotals` in every row that has it
        (most rows share most of theirs), made once with its sort key; and rows with the same khoản
        share one tuple of them, sorted once.
        """
        for packed, clauses in self.packed_rows():
            yield OverviewRow(
                organisation=packed.organisation,
                name=packed.name,
                file=packed.file,
                line=packed.line,
                period_start=packed.period[0],
                period_end=packed.period[1],
                totals=counts_of(packed.totals),
                soft=counts_of(packed.soft),
                clauses=clauses,
                report=packed.report,
                uri=packed.uri,
            )

    def packed_rows(self) -> Iterator[tuple[PackedRow, tuple[ClauseTotals, ...]]]:
        """What :meth:`rows` makes each row of, in its order: the organisation's packed values and its
        khoản (the same tuple for rows with the same). For a renderer that writes many rows without
        making their models (the JSON renderer); any other reads :meth:`rows`."""
        made: dict[tuple[int, ...], tuple[tuple[tuple[int, ...], int], ClauseTotals]] = {}
        # By the identity of a row's packed cells (kept alive by the row): equal ones are kept once.
        sorted_cells: dict[int, tuple[ClauseTotals, ...]] = {}
        for packed in self._packed:
            clauses = sorted_cells.get(id(packed.clauses))
            if clauses is None:
                cells: list[tuple[tuple[tuple[int, ...], int], ClauseTotals]] = []
                for key in packed.clauses:
                    cell = made.get(key)
                    if cell is None:
                        cell = made[key] = self._cell(key)
                    cells.append(cell)
                cells.sort(key=_first)
                clauses = sorted_cells[id(packed.clauses)] = tuple(cell for _, cell in cells)
            yield packed, clauses

    def _cell(self, packed: tuple[int, ...]) -> tuple[tuple[tuple[int, ...], int], ClauseTotals]:
        """A khoản's totals from its packed cell (its index, its counts, their soft part), with its sort key:
        worst first, then in the instrument's order."""
        index = packed[0]
        pack, provision, citation = self._clause_list[index]
        totals = counts_of(packed[1 : 1 + _WIDTH])
        cell = ClauseTotals(
            pack=pack,
            provision=provision,
            citation=citation,
            totals=totals,
            soft=counts_of(packed[1 + _WIDTH :]),
        )
        return (tuple(-n for n in totals.severity()), index), cell


def _first(cell: tuple[tuple[tuple[int, ...], int], ClauseTotals]) -> tuple[tuple[int, ...], int]:
    return cell[0]
