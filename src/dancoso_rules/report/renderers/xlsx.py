"""The overview as an Excel workbook, for the Sở Nội vụ: one row per organisation, counts per khoản.

Sheets: ``Tổng hợp`` (one row per organisation: its totals, its worst status in words, and a cell per
khoản saying its counts in words), ``Theo khoản`` (one row per organisation × khoản, a number per
status, for filters and pivot tables), ``Thông tin`` (the date, the totals, what the colours mean),
the invalid records if any, and, with ``--unit-sheets``, one sheet per organisation. Every table has
a frozen header and filters; colours are conditional formats that repeat the words in the cells
(never colour alone). The workbook's bytes depend only on the overview (its dates are the as-of date).

One organisation's report (``check RECORD --format xlsx``) is the same workbook for that one
organisation, with its sheet.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from dancoso_rules.report.messages import STATUS_ORDER, citation, msg, status_label
from dancoso_rules.report.model import ClauseTotals, ComplianceReport, Counted, StatusCounts
from dancoso_rules.report.overview import Overview, OverviewBuilder, OverviewRow
from dancoso_rules.report.renderers import RenderOptions
from dancoso_rules.report.renderers.common import (
    count_cells,
    count_titles,
    counts_apart,
    soft_worst_word,
    worst_status,
)
from dancoso_rules.text import xml_visible

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

#: Background colours of each status (conditional formats; the word is always in the cell too).
COLOURS: dict[str, str] = {
    "missed": "F4B6B6",
    "overdue": "F8CBAD",
    "late": "FFE699",
    "unverified": "D9D9D9",
    "upcoming": "BDD7EE",
    "met": "C6EFCE",
}
#: The status columns, worst first (the order of every table of the reports).
STATUSES = STATUS_ORDER
_SHEET_NAME = re.compile(r"[\[\]:*?/\\']")


def clause_words(clause: Counted, lang: str) -> str:
    """A khoản's counts in words, worst first, one status a line: ``2 Không thực hiện``, ``1 Quá hạn``, ...,
    then its requests' and encouragements' results apart (:func:`counts_apart`)."""
    shown, soft = counts_apart(clause)
    parts = [
        f"{shown.get(s)} {status_label(s, lang)}"
        for s in STATUS_ORDER
        if s != "not_applicable" and shown.get(s)
    ]
    if soft:
        parts.append(f"{soft} {msg('report.soft_count', lang)}")
    return "\n".join(parts)


#: The count columns (:func:`count_cells`): one a status, then the requests' and encouragements'.
_COUNT_COLUMNS = len(STATUSES) + 1


def _natural(provision: str) -> tuple[Any, ...]:
    return tuple(int(part) if part.isdigit() else part for part in re.split(r"(\d+)", provision))


class XlsxRenderer:
    """Renders the overview (and one organisation's report) as an .xlsx workbook."""

    extension = "xlsx"
    needs_locations = False
    #: The output is bytes, not text.
    binary = True

    def render(self, report: ComplianceReport, options: RenderOptions) -> bytes:
        """One organisation's workbook: the overview of that one organisation, with its own sheet."""
        builder = OverviewBuilder(report.as_of)
        builder.add(report, report.record.file if report.record is not None else report.organisation.id)
        return overview_workbook(builder.build(), options, unit_sheets=True)

    def render_overview(self, overview: Overview, options: RenderOptions) -> Iterator[bytes]:
        """The overview workbook, as one chunk."""
        yield overview_workbook(overview, options, unit_sheets=options.unit_sheets)


def overview_workbook(overview: Overview, options: RenderOptions, *, unit_sheets: bool = False) -> bytes:
    """The overview of many organisations as .xlsx bytes."""
    import datetime as dt

    from openpyxl import Workbook

    from dancoso_rules.record.workbook import workbook_bytes

    lang = options.lang
    rows = list(overview.rows())
    clauses = sorted(
        {(c.pack, c.provision): c for row in rows for c in row.clauses}.values(),
        key=lambda c: (c.pack, _natural(c.provision)),
    )
    book = Workbook()
    summary = book.active
    assert summary is not None
    summary.title = msg("xlsx.sheet.summary", lang)
    _summary_sheet(summary, rows, clauses, lang)
    _clause_sheet(book.create_sheet(msg("xlsx.sheet.by_clause", lang)), rows, lang)
    _about_sheet(book.create_sheet(msg("xlsx.sheet.about", lang)), overview, lang)
    if overview.invalid:
        _invalid_sheet(
            book.create_sheet(_sheet_title(msg("overview.invalid", lang), set(book.sheetnames))), overview
        )
    if unit_sheets:
        for row in rows:
            _unit_sheet(book.create_sheet(_sheet_title(row.organisation, set(book.sheetnames))), row, lang)
    return workbook_bytes(book, dt.datetime.combine(overview.as_of, dt.time()))


def _sheet_title(name: str, used: set[str]) -> str:
    base = _SHEET_NAME.sub("-", name)[:31] or "-"
    candidate, n = base, 1
    while candidate in used:
        n += 1
        suffix = f"-{n}"
        candidate = base[: 31 - len(suffix)] + suffix
    return candidate


def _append(sheet: Worksheet, values: Iterable[Any]) -> None:
    """Add a row. Text (a record's names and titles, a file name) has its control characters written
    out (``\\x1b``), as in every report, and so never stops the workbook being written; text that starts
    with "=" stays text (openpyxl would store it as a formula, which Excel would run)."""
    sheet.append([xml_visible(v) if isinstance(v, str) else v for v in values])
    for cell in sheet[sheet.max_row]:
        if isinstance(cell.value, str) and cell.value.startswith("="):
            cell.data_type = "s"


def _header(sheet: Worksheet, titles: list[str]) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill

    _append(sheet, titles)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"


def _filters(sheet: Worksheet, columns: int, rows: int) -> None:
    from openpyxl.utils import get_column_letter

    sheet.auto_filter.ref = f"A1:{get_column_letter(columns)}{max(1, rows + 1)}"


def _colour_words(sheet: Worksheet, ref: str, lang: str) -> None:
    """Colour the cells of ``ref`` by the status word they contain, worst first (the first rule that matches wins)."""
    from openpyxl.formatting.rule import Rule
    from openpyxl.styles import PatternFill
    from openpyxl.styles.differential import DifferentialStyle

    first = ref.split(":")[0]
    for priority, status in enumerate(s for s in STATUS_ORDER if s in COLOURS):
        word = status_label(status, lang)
        rule = Rule(
            type="containsText",
            operator="containsText",
            text=word,
            dxf=DifferentialStyle(fill=PatternFill(bgColor=COLOURS[status], fill_type="solid")),
            stopIfTrue=True,
        )
        rule.formula = [f'NOT(ISERROR(SEARCH("{word}",{first})))']
        rule.priority = priority + 1
        sheet.conditional_formatting.add(ref, rule)


def _colour_counts(sheet: Worksheet, columns: dict[str, str], first_row: int, last_row: int) -> None:
    """Colour a status's count when it is above zero (its column's title says which status it is)."""
    from openpyxl.formatting.rule import CellIsRule
    from openpyxl.styles import PatternFill

    for status, letter in columns.items():
        if status not in COLOURS or status == "met":
            continue
        rule = CellIsRule(  # type: ignore[no-untyped-call]
            operator="greaterThan",
            formula=["0"],
            fill=PatternFill(bgColor=COLOURS[status], fill_type="solid"),
        )
        sheet.conditional_formatting.add(f"{letter}{first_row}:{letter}{max(first_row, last_row)}", rule)


def _assessment(row_totals: StatusCounts, soft: StatusCounts, lang: str) -> str:
    """The worst duty's status; with no duty that applies, the requests' and encouragements' in their
    own words ("Chưa thực hiện (khuyến khích, đề nghị)", never coloured as a failure); else nothing."""
    worst = worst_status(row_totals, soft)
    if worst is not None:
        return status_label(worst, lang)
    return soft_worst_word(soft, lang) or msg("xlsx.nothing", lang)


def _summary_sheet(sheet: Worksheet, rows: list[OverviewRow], clauses: list[ClauseTotals], lang: str) -> None:
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter

    fixed = [
        msg("xlsx.number", lang),
        msg("col.organisation", lang),
        msg("xlsx.id", lang),
        msg("col.file", lang),
        msg("xlsx.from", lang),
        msg("xlsx.to", lang),
        msg("xlsx.assessment", lang),
    ]
    statuses = count_titles(lang)
    clause_titles = [f"{citation(c.provision, c.citation, lang, heading=True)} ({c.pack})" for c in clauses]
    _header(sheet, [*fixed, *statuses, *clause_titles])
    for number, row in enumerate(rows, start=1):
        by_clause = {(c.pack, c.provision): c for c in row.clauses}
        cells: list[Any] = [
            number,
            row.name,
            row.organisation,
            f"{row.file}:{row.line}" if row.line else row.file,
            row.period_start,
            row.period_end,
            _assessment(row.totals, row.soft, lang),
            *count_cells(row),
            *(
                clause_words(by_clause[(c.pack, c.provision)], lang)
                if (c.pack, c.provision) in by_clause
                else None
                for c in clauses
            ),
        ]
        _append(sheet, cells)
        for column in (5, 6):
            sheet.cell(row=number + 1, column=column).number_format = "dd/mm/yyyy"
        for column in range(1, len(cells) + 1):
            wrap = column > len(fixed) + len(statuses)
            sheet.cell(row=number + 1, column=column).alignment = Alignment(wrap_text=wrap, vertical="top")
        lines = max((str(c).count("\n") + 1 for c in cells[len(fixed) + len(statuses) :] if c), default=1)
        sheet.row_dimensions[number + 1].height = 15 * lines  # not every program fits a row to wrapped text
    last = len(rows) + 1
    total_columns = len(fixed) + len(statuses) + len(clauses)
    _filters(sheet, total_columns, len(rows))
    status_columns = {s: get_column_letter(len(fixed) + 1 + i) for i, s in enumerate(STATUSES)}
    _colour_counts(sheet, status_columns, 2, last)
    _colour_words(sheet, f"G2:G{max(2, last)}", lang)
    if clauses:
        start = get_column_letter(len(fixed) + len(statuses) + 1)
        end = get_column_letter(total_columns)
        _colour_words(sheet, f"{start}2:{end}{max(2, last)}", lang)
    widths = [6, 40, 24, 30, 12, 12, 24] + [11] * len(statuses) + [28] * len(clauses)
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    for cell in sheet[1]:
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.row_dimensions[1].height = 45
    sheet.freeze_panes = "C2"  # the header and the organisation's number and name stay in view


def _clause_sheet(sheet: Worksheet, rows: list[OverviewRow], lang: str) -> None:
    from openpyxl.utils import get_column_letter

    fixed = [
        msg("col.organisation", lang),
        msg("xlsx.id", lang),
        msg("col.file", lang),
        msg("col.pack", lang),
        msg("col.clause", lang),
        msg("xlsx.provision_id", lang),  # the id, for pivot tables and lookups; its header in words
        msg("xlsx.assessment", lang),
    ]
    _header(sheet, [*fixed, *count_titles(lang)])
    count = 0
    for row in rows:
        for clause in row.clauses:
            count += 1
            _append(
                sheet,
                [
                    row.name,
                    row.organisation,
                    f"{row.file}:{row.line}" if row.line else row.file,
                    clause.pack,
                    citation(clause.provision, clause.citation, lang, heading=True),
                    clause.provision,
                    _assessment(clause.totals, clause.soft, lang),
                    *count_cells(clause),
                ],
            )
    _filters(sheet, len(fixed) + _COUNT_COLUMNS, count)
    status_columns = {s: get_column_letter(len(fixed) + 1 + i) for i, s in enumerate(STATUSES)}
    _colour_counts(sheet, status_columns, 2, count + 1)
    _colour_words(sheet, f"G2:G{max(2, count + 1)}", lang)
    for index, width in enumerate([40, 24, 30, 16, 28, 18, 24] + [11] * _COUNT_COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.row_dimensions[1].height = 30


def _about_sheet(sheet: Worksheet, overview: Overview, lang: str) -> None:
    from openpyxl.styles import Font

    _append(sheet, [msg("overview.title", lang)])
    sheet["A1"].font = Font(bold=True, size=13)
    _append(sheet, [msg("overview.subtitle", lang)])
    _append(sheet, [msg("report.law", lang)])
    _append(sheet, [])
    _append(sheet, [msg("report.as_of", lang), overview.as_of])
    sheet["B5"].number_format = "dd/mm/yyyy"
    _append(sheet, [msg("overview.organisations", lang), overview.organisations])
    _append(sheet, [msg("overview.invalid", lang), len(overview.invalid)])
    _append(sheet, [])
    _append(sheet, [msg("report.total", lang)])
    for title, count in zip(count_titles(lang), count_cells(overview), strict=True):
        _append(sheet, [title, count])
    _append(sheet, [])
    _append(sheet, [msg("xlsx.legend", lang)])
    sheet.column_dimensions["A"].width = 40
    sheet.column_dimensions["B"].width = 14


def _invalid_sheet(sheet: Worksheet, overview: Overview) -> None:
    _header(sheet, [msg("col.file"), msg("xlsx.problems")])
    for invalid in overview.invalid:
        _append(sheet, [invalid.file, "\n".join(invalid.problems)])
    _filters(sheet, 2, len(overview.invalid))
    sheet.column_dimensions["A"].width = 40
    sheet.column_dimensions["B"].width = 120


def _unit_sheet(sheet: Worksheet, row: OverviewRow, lang: str) -> None:
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    _append(sheet, [row.name])
    sheet["A1"].font = Font(bold=True, size=13)
    _append(sheet, [msg("report.period", lang), row.period_start, row.period_end])
    sheet["B2"].number_format = sheet["C2"].number_format = "dd/mm/yyyy"
    _append(sheet, [msg("report.record", lang), f"{row.file}:{row.line}" if row.line else row.file])
    _append(sheet, [])
    titles = [msg("col.pack", lang), msg("col.clause", lang), msg("xlsx.assessment", lang)]
    _append(sheet, [*titles, *count_titles(lang)])
    from openpyxl.styles import PatternFill

    for cell in sheet[5]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
    for clause in row.clauses:
        _append(
            sheet,
            [
                clause.pack,
                citation(clause.provision, clause.citation, lang, heading=True),
                _assessment(clause.totals, clause.soft, lang),
                *count_cells(clause),
            ],
        )
    last = 5 + len(row.clauses)
    sheet.freeze_panes = "A6"
    sheet.auto_filter.ref = f"A5:{get_column_letter(len(titles) + _COUNT_COLUMNS)}{max(5, last)}"
    _colour_words(sheet, f"C6:C{max(6, last)}", lang)
    status_columns = {s: get_column_letter(len(titles) + 1 + i) for i, s in enumerate(STATUSES)}
    _colour_counts(sheet, status_columns, 6, last)
    for index, width in enumerate([16, 28, 24] + [11] * _COUNT_COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
