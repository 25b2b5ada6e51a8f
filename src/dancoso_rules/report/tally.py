"""One organisation's counts per khoản: what the overview keeps of a record, from its report or its assessment.

A :class:`Tally` is the organisation, its period, its totals (and their ``soft`` part, from requests
and encouragements) and, for each khoản with a result that binds it, that khoản's totals and soft
part: the overview's share of one :class:`~dancoso_rules.report.model.ComplianceReport`, small
enough to send between processes.

:func:`tally_report` reads it off a report's :meth:`~dancoso_rules.report.model.ComplianceReport.clause_totals`.
:func:`tally_assessment` counts it straight from an
:class:`~dancoso_rules.evaluation.assessment.Assessment`, without writing a result: a
:class:`ClauseMap` says, for each obligation, under which khoản of the report it is shown (the
report's own nesting, :func:`~dancoso_rules.report.build.parent_id`) and whether it can fail
(:func:`~dancoso_rules.report.model.is_enforceable`). ``tests/test_report_tally.py`` holds the two
to giving the same overview, byte for byte.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import msgspec

from dancoso_rules.evaluation.assessment import Assessment, frame_obligations
from dancoso_rules.evaluation.frame import Frame
from dancoso_rules.model import Rulebook
from dancoso_rules.model.pack import obligation_uid
from dancoso_rules.report.build import counts_of, parent_id
from dancoso_rules.report.model import STATUSES, ComplianceReport, failing_count, is_enforceable

_WIDTH = len(STATUSES)
_INDEX = {status: n for n, status in enumerate(STATUSES)}
_NOT_APPLICABLE = _INDEX["not_applicable"]

#: A khoản as the overview names it: pack id, provision id, citation.
ClauseKey = tuple[str, str, str]


class Tally(msgspec.Struct, frozen=True):
    """The overview's share of one record: counts are in :data:`~dancoso_rules.report.model.STATUSES` order.

    ``clauses`` holds each khoản with a result that binds the organisation, in the instruments'
    order, with its totals then its soft part (``2 * len(STATUSES)`` counts).
    """

    organisation: str
    name: str
    period: tuple[dt.date, dt.date]
    totals: tuple[int, ...]
    soft: tuple[int, ...]
    clauses: tuple[tuple[ClauseKey, tuple[int, ...]], ...]

    def failing(self, fail_on: Iterable[str]) -> int:
        """How many results fail (see :func:`~dancoso_rules.report.model.failing_count`)."""
        return failing_count(counts_of(self.totals), counts_of(self.soft), fail_on)


def tally_report(report: ComplianceReport) -> Tally:
    """The tally of a full report."""
    clauses = tuple(
        (
            (row.pack, row.provision, row.citation),
            tuple(row.totals.get(s) for s in STATUSES) + tuple(row.soft.get(s) for s in STATUSES),
        )
        for row in report.clause_totals()
        if row.totals.applicable
    )
    return Tally(
        report.organisation.id,
        report.organisation.name,
        (report.period.start, report.period.end),
        tuple(report.totals.get(s) for s in STATUSES),
        tuple(report.soft.get(s) for s in STATUSES),
        clauses,
    )


class ClauseMap(msgspec.Struct, frozen=True):
    """Where each obligation of a rulebook is counted in a report's per-khoản totals.

    ``rows`` lists every row of :meth:`~dancoso_rules.report.model.InstrumentSection.clause_totals`
    that any record could have, in the report's order: a Điều's own duties, then each of its
    khoản (with everything below it). ``of`` maps an obligation's uid to its row and whether it can fail.
    """

    rows: tuple[ClauseKey, ...]
    of: dict[str, tuple[int, bool]]

    @classmethod
    def of_rulebook(cls, rulebook: Rulebook) -> ClauseMap:
        """The map of every pack of ``rulebook`` (the report's packs are in the rulebook's order)."""
        rows: list[ClauseKey] = []
        of: dict[str, tuple[int, bool]] = {}
        for pack in rulebook.packs:
            parents: dict[str, str | None] = {}
            children: dict[str | None, list[str]] = {}
            for provision in pack.provisions:
                parent = parents[provision.id] = parent_id(provision.id, parents)
                children.setdefault(parent, []).append(provision.id)
            citation = {provision.id: provision.citation for provision in pack.provisions}
            row_of: dict[str, int] = {}
            for article in children.get(None, ()):
                row_of[article] = len(rows)
                rows.append((pack.id, article, citation[article]))
                for clause in children.get(article, ()):
                    row_of[clause] = len(rows)
                    rows.append((pack.id, clause, citation[clause]))
            for provision in pack.provisions:
                place = provision.id
                while (above := parents[place]) is not None and parents[above] is not None:
                    place = above  # up to the khoản (a child of a Điều), or the Điều itself
                for obligation in provision.obligations:
                    uid = obligation_uid(pack.id, provision.id, obligation.id)
                    of[uid] = (row_of[place], is_enforceable(obligation.modality))
        return cls(tuple(rows), of)


_MAPS: dict[int, tuple[Rulebook, ClauseMap]] = {}


def clause_map(rulebook: Rulebook) -> ClauseMap:
    """The :class:`ClauseMap` of ``rulebook``, made once per rulebook."""
    kept = _MAPS.get(id(rulebook))
    if kept is None or kept[0] is not rulebook:
        kept = _MAPS[id(rulebook)] = (rulebook, ClauseMap.of_rulebook(rulebook))
    return kept[1]


def tally_assessment(assessment: Assessment, rulebook: Rulebook) -> Tally:
    """The tally of an assessment of a record against ``rulebook``, as :func:`tally_report` of its report.

    The counts of the record's frame (what every record of its kind and period has when it shows
    nothing) are made once per frame (:class:`_FrameCounts`); a record then only moves the statuses
    it changed (:attr:`~dancoso_rules.evaluation.apply.Laid.gone` and ``came``, each with its step),
    and only the rows of those steps are copied.
    """
    counted = _frame_counts(assessment.laid.frame, rulebook)
    places, cells = counted.places, counted.cells
    laid = assessment.laid
    totals = list(counted.totals)
    moved: dict[int, list[int]] = {}  # the rows the record changed, with their counts now
    for steps, statuses, sign in ((laid.gone_at, laid.gone, -1), (laid.came_at, laid.came, 1)):
        last = -1
        for position, status in zip(steps, statuses, strict=True):
            if position != last:  # a step's statuses come one after another: its row is looked up once
                last = position
                row, enforceable = places[position]
                if row in moved:
                    cell = moved[row]
                else:
                    cell = moved[row] = list(cells[row])
            index = _INDEX[status]
            cell[index] += sign
            totals[index] += sign
            if not enforceable:
                cell[_WIDTH + index] += sign
                totals[_WIDTH + index] += sign
    clauses = counted.shown
    if moved:
        rows = clause_map(rulebook).rows
        shown = []
        for row, clause in zip(counted.order, counted.clauses, strict=True):
            if row in moved:
                clause = _clause(rows, row, moved[row])
            if clause is not None:
                shown.append(clause)
        clauses = tuple(shown)
    organisation, period = assessment.record.organisation, assessment.record.period
    return Tally(
        organisation.id,
        organisation.name,
        (period.start, period.end),
        tuple(totals[:_WIDTH]),
        tuple(totals[_WIDTH:]),
        clauses,
    )


def _clause(
    rows: tuple[ClauseKey, ...], row: int, cell: list[int]
) -> tuple[ClauseKey, tuple[int, ...]] | None:
    """A row of the tally, or ``None`` when it holds nothing but results that do not apply."""
    return (rows[row], tuple(cell)) if sum(cell[:_WIDTH]) > cell[_NOT_APPLICABLE] else None


def _count(cell: list[int], statuses: Iterable[str], enforceable: bool) -> None:
    """Count ``statuses`` in a row's cell, and in its soft part when they are a request's or an encouragement's."""
    for status in statuses:
        index = _INDEX[status]
        cell[index] += 1
        if not enforceable:
            cell[_WIDTH + index] += 1


class _FrameCounts(msgspec.Struct, frozen=True):
    """A frame's counts, made once per frame: each step's row and whether it can fail, the counts by
    row of the frame's own results and their totals, the rows in the report's order, and the tally's
    clauses of a record that changes nothing (each row's, or ``None`` when it would not be shown)."""

    places: tuple[tuple[int, bool], ...]
    cells: dict[int, tuple[int, ...]]
    totals: tuple[int, ...]
    order: tuple[int, ...]
    clauses: tuple[tuple[ClauseKey, tuple[int, ...]] | None, ...]
    shown: tuple[tuple[ClauseKey, tuple[int, ...]], ...]


#: The last frames counted, by the frame's id (with the frame, so that a reused id is not mistaken).
_FRAMES: dict[int, tuple[Frame, _FrameCounts]] = {}


def _frame_counts(frame: Frame, rulebook: Rulebook) -> _FrameCounts:
    """The :class:`_FrameCounts` of ``frame``."""
    kept = _FRAMES.get(id(frame))
    if kept is not None and kept[0] is frame:
        return kept[1]
    known = clause_map(rulebook)
    places: list[tuple[int, bool]] = []
    cells: dict[int, list[int]] = {}
    for uid, statuses in frame_obligations(frame):
        row, enforceable = known.of[uid]
        places.append((row, enforceable))
        _count(cells.setdefault(row, [0] * (2 * _WIDTH)), statuses, enforceable)
    order = tuple(sorted(cells))
    clauses = tuple(_clause(known.rows, row, cells[row]) for row in order)
    totals = [sum(cell[i] for cell in cells.values()) for i in range(2 * _WIDTH)]
    counted = _FrameCounts(
        tuple(places),
        {row: tuple(cell) for row, cell in cells.items()},
        tuple(totals),
        order,
        clauses,
        tuple(clause for clause in clauses if clause is not None),
    )
    if len(_FRAMES) >= 64:
        _FRAMES.clear()
    _FRAMES[id(frame)] = (frame, counted)
    return counted


__all__ = ["ClauseKey", "ClauseMap", "Tally", "clause_map", "counts_of", "tally_assessment", "tally_report"]
