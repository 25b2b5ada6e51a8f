"""CSV for spreadsheets: UTF-8 with a byte-order mark (so that Excel shows Vietnamese), one row per result.

Columns are labelled in the report's language; values that a program would filter on (status,
obligation id, ISO dates) are kept as codes beside their words. ``todo_rank`` is a result's place in
"Việc cần làm" (1 first; empty when it is not a to-do): sorting on it gives the reports' order.
``due_interpreted`` (``true`` or ``false``) says whether the due date rests on an interpretation
rather than on the instrument's words, as the other formats say "theo diễn giải" beside a duty's
date; a request's or an encouragement's date, a reference date and never a deadline, carries the
flag here but no such words there.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import TYPE_CHECKING

from dancoso_rules.report.messages import citation, msg
from dancoso_rules.report.model import STATUSES, ComplianceReport
from dancoso_rules.report.renderers import RenderOptions
from dancoso_rules.report.renderers.common import (
    count_cells,
    count_titles,
    evidence_text,
    explanation,
    instance_label,
    schedule_label,
    status_days,
    status_word,
)
from dancoso_rules.text import visible_lines

if TYPE_CHECKING:
    from dancoso_rules.report.overview import Overview

BOM = "\ufeff"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> str:
    """A cell as text; text that a spreadsheet would run as a formula is quoted with a leading apostrophe."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def _rows_text(rows: list[list[object]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerows([[_cell(v) for v in row] for row in rows])
    # Line breaks inside a quoted cell are CSV; every other control character is written out.
    return visible_lines(buffer.getvalue())


class CsvRenderer:
    """Renders one row per result (or, for the overview, per organisation × khoản)."""

    extension = "csv"
    needs_locations = False

    def render(self, report: ComplianceReport, options: RenderOptions) -> str:
        """The results as CSV, with a byte-order mark first."""
        lang = options.lang
        header: list[object] = [
            msg("col.organisation", lang),
            "organisation_id",
            msg("col.pack", lang),
            msg("col.citation", lang),
            "provision",
            "obligation",
            msg("col.obligation", lang),
            msg("col.modality", lang),
            msg("col.schedule", lang),
            msg("col.period", lang),
            "period",
            msg("col.window", lang),
            msg("col.due", lang),
            msg("col.counted_due", lang),
            msg("col.close", lang),
            "status",
            msg("col.status", lang),
            msg("col.days", lang),
            msg("col.evidence", lang),
            msg("col.interpretations", lang),
            msg("col.explanation", lang),
            "todo_rank",
            "due_interpreted",
        ]
        rows: list[list[object]] = [header]
        entries = {o.uid: o for s in report.instruments for p, _ in s.walk() for o in p.obligations}
        for r in report.results:
            entry = entries.get(r.obligation)
            rows.append(
                [
                    report.organisation.name,
                    report.organisation.id,
                    r.pack,
                    citation(r.provision, r.citation, lang, heading=True),
                    r.provision,
                    r.obligation,
                    entry.summary.get(lang) if entry else "",
                    msg(f"modality.{r.modality.value}", lang),
                    schedule_label(entry, lang) if entry else msg(f"schedule.{r.schedule}", lang),
                    instance_label(r, lang),
                    r.period.label if r.period else "",
                    f"{r.window.start.isoformat()}/{r.window.end.isoformat()}" if r.window else "",
                    r.due.isoformat() if r.due else "",
                    r.counted_due.isoformat() if r.counted_due else "",
                    r.close.isoformat() if r.close else "",
                    r.status.value,
                    status_word(r, lang),
                    status_days(r),
                    evidence_text(r, lang, report.titles),
                    " ".join(r.interpretations),
                    explanation(r, lang),
                    r.todo_rank,
                    "true" if r.due_interpreted else "false",
                ]
            )
        return BOM + _rows_text(rows)

    def render_overview(self, overview: Overview, options: RenderOptions) -> Iterator[str]:
        """One row per organisation × khoản, organisations worst first, with the count of each status and
        the requests' and encouragements' results apart (:func:`counts_apart`), as the workbook's sheet."""
        lang = options.lang
        header: list[object] = [
            msg("col.organisation", lang),
            "organisation_id",
            msg("col.file", lang),
            msg("col.pack", lang),
            msg("col.clause", lang),
            "provision",
            *count_titles(lang, STATUSES),
        ]
        yield BOM + _rows_text([header])
        for row in overview.rows():
            where = f"{row.file}:{row.line}" if row.line else row.file
            yield _rows_text(
                [
                    [
                        row.name,
                        row.organisation,
                        where,
                        clause.pack,
                        citation(clause.provision, clause.citation, lang, heading=True),
                        clause.provision,
                        *count_cells(clause, STATUSES),
                    ]
                    for clause in row.clauses
                ]
            )
