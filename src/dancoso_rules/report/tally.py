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
from dataclasses import dataclass

from dancoso_rules.evaluation.assessment import Assessment, frame_obligations
from dancoso_rules.evaluation.frame import Frame
from dancoso_rules.model import Rulebook
from dancoso_rules.model.pack import obligation_uid
from dancoso_rules.report.build import counts_of, parent_id
from dancoso_rules.report.model import STATUSES, ComplianceReport, failing_count, is_enforceable
from dancoso_rules.sendable import sendable

_WIDTH = len(STATUSES)
_INDEX = {status: n for n, status in enumerate(STATUSES)}
_NOT_APPLICABLE = _INDEX["not_applicable"]

#: A khoản as the overview names it: pack id, provision id, citation.
ClauseKey = tuple[str, str, str]


@sendable
@dataclass(frozen=True, slots=True)
class Tally:
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


@dataclass(frozen=True, slots=True)
class ClauseMap:
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
    nothing) are made once per frame; a record then only moves the results of the steps it changed.
    """
    places, base = _frame_counts(assessment.laid.frame, rulebook)
    cells = {row: list(cell) for row, cell in base.items()}
    for position, before, now in assessment.changes():
        row, enforceable = places[position]
        _count(cells[row], before, enforceable, -1)
        _count(cells[row], now, enforceable)
    totals = [0] * (2 * _WIDTH)
    for cell in cells.values():
        for i, count in enumerate(cell):
            totals[i] += count
    organisation, period = assessment.record.organisation, assessment.record.period
    rows = clause_map(rulebook).rows
    return Tally(
        organisation.id,
        organisation.name,
        (period.start, period.end),
        tuple(totals[:_WIDTH]),
        tuple(totals[_WIDTH:]),
        tuple(
            (rows[row], tuple(cell))
            for row, cell in sorted(cells.items())
            if sum(cell[:_WIDTH]) > cell[_NOT_APPLICABLE]
        ),
    )


def _count(cell: list[int], statuses: Iterable[str], enforceable: bool, sign: int = 1) -> None:
    """Count ``statuses`` in a row's cell (``sign`` -1: take them away), and in its soft part when they
    are a request's or an encouragement's."""
    for status in statuses:
        index = _INDEX[status]
        cell[index] += sign
        if not enforceable:
            cell[_WIDTH + index] += sign


#: The last frames counted: (frame, its steps' rows, its counts by row), by the frame's id.
_FRAMES: dict[int, tuple[Frame, list[tuple[int, bool]], dict[int, list[int]]]] = {}


def _frame_counts(frame: Frame, rulebook: Rulebook) -> tuple[list[tuple[int, bool]], dict[int, list[int]]]:
    """Each step's row and whether it can fail, and the counts by row of the frame's own results."""
    kept = _FRAMES.get(id(frame))
    if kept is not None and kept[0] is frame:
        return kept[1], kept[2]
    where = clause_map(rulebook).of
    places: list[tuple[int, bool]] = []
    cells: dict[int, list[int]] = {}
    for uid, statuses in frame_obligations(frame):
        row, enforceable = where[uid]
        places.append((row, enforceable))
        _count(cells.setdefault(row, [0] * (2 * _WIDTH)), statuses, enforceable)
    if len(_FRAMES) >= 64:
        _FRAMES.clear()
    _FRAMES[id(frame)] = (frame, places, cells)
    return places, cells


__all__ = ["ClauseKey", "ClauseMap", "Tally", "clause_map", "counts_of", "tally_assessment", "tally_report"]
