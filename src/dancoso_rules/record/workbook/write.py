"""Writing the workbook: the template an officer fills in, and a record exported to it (see
:mod:`dancoso_rules.record.workbook`)."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any, Literal

from dancoso_rules.errors import Location, Problem, RecordError
from dancoso_rules.i18n import tr
from dancoso_rules.model import Rulebook
from dancoso_rules.record.model import ActivityRecord
from dancoso_rules.record.workbook.layout import (
    EXCEL_EXACT_LIMIT,
    FIRST_ROW,
    INSTRUCTIONS_SHEET,
    ISO_DATE,
    LABELS,
    LISTS_SHEET,
    OWNER_ID_KEY,
    OWNER_KIND_KEY,
    OWNER_KIND_LABEL,
    SINGLE_SHEET,
    Column,
    Layout,
    Table,
    record_layout,
    sheet_ref,
    vocabulary_lists,
)
from dancoso_rules.text import xml_compatible

if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

#: How many rows of an empty template carry drop-downs and date formats.
TEMPLATE_ROWS = 500
#: The separator of the words of a list in one cell.
LIST_SEPARATOR = "; "
#: When a workbook is said to be written when nothing else says: fixed, so that output is reproducible.
DEFAULT_STAMP = dt.datetime(2000, 1, 1)


def template_workbook(rulebook: Rulebook, record: ActivityRecord | None = None) -> bytes:
    """The .xlsx an officer fills in; with ``record``, filled with it (export). Byte-identical for the same input."""
    from openpyxl import Workbook

    layout = record_layout(type(record) if record is not None else ActivityRecord)
    book = Workbook()
    data = record.model_dump(mode="json", by_alias=True, exclude_none=True) if record is not None else None
    instructions = book.active
    assert instructions is not None
    instructions.title = INSTRUCTIONS_SHEET
    _write_instructions(instructions, layout)
    lists = vocabulary_lists(rulebook, layout)
    ranges = _write_lists(book.create_sheet(LISTS_SHEET), lists)
    _write_single(book.create_sheet(SINGLE_SHEET), layout.single, data or {}, ranges)
    for table in layout.tables:
        rows = [_flatten(item, table) for item in _get(data or {}, table.path) or []]
        _write_table(book.create_sheet(table.sheet), table, rows, ranges)
    for table in layout.children:
        rows = list(_child_rows(data or {}, table))
        _write_table(book.create_sheet(table.sheet), table, rows, ranges)
    # The lists sheet last, out of the way; the single values first after the instructions.
    book.move_sheet(LISTS_SHEET, offset=len(book.sheetnames) - 1 - book.sheetnames.index(LISTS_SHEET))
    book.active = 1
    stamp = DEFAULT_STAMP if record is None else dt.datetime.combine(record.period.end, dt.time())
    return workbook_bytes(book, stamp)


def workbook_bytes(book: Workbook, stamp: dt.datetime = DEFAULT_STAMP) -> bytes:
    """``book`` as .xlsx bytes that depend only on its content: the document's dates are ``stamp``
    (openpyxl would write the time of saving) and every entry of the zip archive has one fixed date."""
    from openpyxl.writer.excel import ExcelWriter

    book.properties.created = stamp
    book.properties.modified = stamp
    book.properties.creator = "dancoso-rules"
    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
        ExcelWriter(book, archive).write_data()
    fixed = io.BytesIO()
    with zipfile.ZipFile(raw) as source, zipfile.ZipFile(fixed, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            target.writestr(entry, source.read(info.filename))
    return fixed.getvalue()


def _header_styles() -> tuple[Any, Any, Any, Any]:
    from openpyxl.styles import Alignment, Font, PatternFill

    return (
        Font(bold=True),
        PatternFill("solid", fgColor="DDEBF7"),
        Font(italic=True, color="808080", size=9),
        Alignment(wrap_text=True, vertical="top"),
    )


def _write_instructions(sheet: Worksheet, layout: Layout) -> None:
    from openpyxl.styles import Alignment, Font

    lines = [
        ("Hồ sơ hoạt động thực hiện dân chủ ở cơ sở", True),
        ("Mẫu nhập liệu của dancoso-rules (Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15).", False),
        ("", False),
        ("Cách điền", True),
        (
            f"1. Trang tính «{SINGLE_SHEET}»: điền cột «Giá trị» cho từng dòng (mã, tên, loại hình, cấp, địa bàn, kỳ báo cáo).",
            False,
        ),
        *(
            (
                f"{n}. Trang tính «{t.sheet}»: mỗi dòng một mục, từ dòng {FIRST_ROW}; dòng 1 là tên cột, dòng 2 là mã trường (không sửa dòng 2).",
                False,
            )
            for n, t in enumerate(layout.all_tables, start=2)
        ),
        ("", False),
        ("Quy ước", True),
        (
            "• Ngày: nhập dạng ngày của Excel (ví dụ 31/3/2025) hoặc văn bản YYYY-MM-DD (ví dụ 2025-03-31).",
            False,
        ),
        (
            "• Cột có danh sách thả xuống: chọn một giá trị; ý nghĩa của từng mã xem ở trang tính «Danh mục».",
            False,
        ),
        (
            f"• Cột nhiều giá trị (ví dụ «{LABELS['Activity.serves']}»): các giá trị cách nhau bằng dấu chấm phẩy (;).",
            False,
        ),
        ("• Một hoạt động có ngày thực hiện, hoặc có cả ngày bắt đầu và ngày kết thúc.", False),
        (
            "• Trang tính «Tài liệu kiểm chứng»: cột «Thuộc về» chọn hoạt động, kết quả giải quyết sự việc hoặc xác nhận; "
            "cột kế tiếp ghi mã của dòng đó (ví dụ mã hoạt động).",
            False,
        ),
        ("• Mỗi tài liệu kiểm chứng cần ít nhất số, ký hiệu văn bản, đường dẫn hoặc tên tệp.", False),
        ("• Cột có dấu * là bắt buộc khi dòng có dữ liệu.", False),
        ("", False),
        ("Kiểm tra và chuyển đổi", True),
        ("dancoso validate ho-so.xlsx      — kiểm tra, báo lỗi theo vị trí Trang tính!Ô", False),
        ("dancoso check ho-so.xlsx         — đánh giá việc thực hiện từng nghĩa vụ", False),
        ("dancoso import ho-so.xlsx --output ho-so.json   — chuyển thành hồ sơ JSON", False),
        ("", False),
        ("How to fill in (English)", True),
        (
            f"Fill in «{SINGLE_SHEET}» (organisation, period), then one row per activity, event, attestation and",
            False,
        ),
        (
            "document from row 3. Row 2 holds the field keys the importer reads: do not change it. Dates as date",
            False,
        ),
        (
            "cells or YYYY-MM-DD; several words in one cell separated by ';'. The codes are explained on «Danh mục».",
            False,
        ),
    ]
    for row, (text, bold) in enumerate(lines, start=1):
        cell = sheet.cell(row=row, column=1, value=text or None)
        if bold:
            cell.font = Font(bold=True, size=13 if row == 1 else 11)
        cell.alignment = Alignment(vertical="top")
    sheet.column_dimensions["A"].width = 110


def _write_lists(sheet: Worksheet, lists: dict[str, list[tuple[str, str]]]) -> dict[str, str]:
    """Each list in two columns (code, Vietnamese label); the drop-down range of each, by list name."""
    from openpyxl.utils import get_column_letter

    bold, _, _, _ = _header_styles()
    ranges: dict[str, str] = {}
    for index, (name, entries) in enumerate(lists.items()):
        code_column = 2 * index + 1
        sheet.cell(row=1, column=code_column, value=_list_title(name)).font = bold
        sheet.cell(row=1, column=code_column + 1, value="Ý nghĩa").font = bold
        for row, (code, label) in enumerate(entries, start=2):
            sheet.cell(row=row, column=code_column, value=code)
            sheet.cell(row=row, column=code_column + 1, value=label or None)
        letter = get_column_letter(code_column)
        sheet.column_dimensions[letter].width = 30
        sheet.column_dimensions[get_column_letter(code_column + 1)].width = 45
        ranges[name] = f"'{LISTS_SHEET}'!${letter}$2:${letter}${max(2, len(entries) + 1)}"
    sheet.freeze_panes = "A2"
    return ranges


_Check = tuple[
    Literal["list", "date", "whole"], Literal["greaterThan", "greaterThanOrEqual"] | None, str, str
]
#: The check Excel makes of a date or a whole-number cell: its type, operator, bound and error message.
_CELL_CHECKS: dict[str, _Check] = {
    "date": ("date", "greaterThan", "1", "Nhập một ngày có thật, ví dụ 31/3/2025."),
    "int": ("whole", "greaterThanOrEqual", "0", "Nhập một số nguyên không âm."),
}


def _validation(column: Column, ranges: dict[str, str]) -> Any:
    """The drop-down of a column with a list, or Excel's check of a date or whole-number column (else ``None``)."""
    from openpyxl.worksheet.datavalidation import DataValidation

    check: _Check
    if column.vocabulary is not None and column.vocabulary in ranges:
        error = f"Chọn một giá trị trong danh sách (trang tính «{LISTS_SHEET}»)."
        check = ("list", None, ranges[column.vocabulary], error)
    elif column.kind in _CELL_CHECKS:
        check = _CELL_CHECKS[column.kind]
    else:
        return None
    kind, operator, bound, error = check
    return DataValidation(
        type=kind,
        operator=operator,
        formula1=bound,
        allow_blank=True,
        showErrorMessage=True,
        errorTitle=column.label,
        error=error,
    )


def _cell_value(column: Column, value: Any) -> Any:
    if value is None:
        return None
    if column.kind == "date" and isinstance(value, str) and ISO_DATE.match(value):
        return dt.date.fromisoformat(value)
    if column.kind == "list" and isinstance(value, list):
        return LIST_SEPARATOR.join(str(v) for v in value)
    if column.kind == "int" and isinstance(value, int) and abs(value) >= EXCEL_EXACT_LIMIT:
        return str(value)  # as a number, Excel would keep only its first 15 digits
    return value


def _put(sheet: Worksheet, row: int, column: int, value: Any) -> Any:
    """Write a value; text that starts with '=' stays text (openpyxl would store it as a formula).

    Text XML cannot carry (a control character, U+FFFF) is refused with its cell: written out as a
    report writes it (``\\x1b``), it would be read back as other text than the record's.
    """
    if isinstance(value, str) and not xml_compatible(value):
        raise RecordError(
            Problem(
                Location("<record>", cell=sheet_ref(sheet.title, column, row)),
                tr("sheet.control_character", value=value),
                code="control-character",
            )
        )
    cell = sheet.cell(row=row, column=column, value=value)
    if isinstance(value, str) and value.startswith("="):
        cell.data_type = "s"
    return cell


def _style_value_cell(cell: Any, column: Column) -> None:
    if column.kind == "date":
        cell.number_format = "dd/mm/yyyy"
    elif column.kind != "int" or isinstance(cell.value, str):
        cell.number_format = "@"  # text: Excel keeps '0123', '1/2' and a whole number of 20 digits as typed


def _write_single(
    sheet: Worksheet, columns: Sequence[Column], data: dict[str, Any], ranges: dict[str, str]
) -> None:
    bold, fill, grey, wrap = _header_styles()
    for column_index, title in enumerate(
        ("Nội dung", "Mã trường", "Giá trị", "Mô tả (của định dạng hồ sơ, tiếng Anh)"), start=1
    ):
        cell = sheet.cell(row=1, column=column_index, value=title)
        cell.font, cell.fill = bold, fill
    for row, column in enumerate(columns, start=2):
        sheet.cell(row=row, column=1, value=column.label + (" *" if column.required else "")).alignment = wrap
        sheet.cell(row=row, column=2, value=column.key).font = grey
        value_cell = _put(sheet, row, 3, _cell_value(column, _get(data, column.path)))
        _style_value_cell(value_cell, column)
        sheet.cell(row=row, column=4, value=column.description or None).alignment = wrap
        if len(column.description) > 90:  # not every program fits a row to wrapped text
            sheet.row_dimensions[row].height = 15 * (1 + len(column.description) // 90)
        validation = _validation(column, ranges)
        if validation is not None:
            sheet.add_data_validation(validation)
            validation.add(f"C{row}")
    for letter, width in (("A", 38), ("B", 24), ("C", 45), ("D", 80)):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A2"


def _write_table(sheet: Worksheet, table: Table, rows: list[dict[str, Any]], ranges: dict[str, str]) -> None:
    from openpyxl.comments import Comment
    from openpyxl.utils import get_column_letter

    bold, fill, grey, wrap = _header_styles()
    last = FIRST_ROW + max(len(rows), TEMPLATE_ROWS) - 1
    columns = table.sheet_columns
    for index, column in enumerate(columns, start=1):
        letter = get_column_letter(index)
        head = sheet.cell(row=1, column=index, value=column.label + (" *" if column.required else ""))
        head.font, head.fill, head.alignment = bold, fill, wrap
        if column.description:
            head.comment = Comment(column.description, "dancoso-rules", width=300, height=120)
        sheet.cell(row=2, column=index, value=column.key).font = grey
        sheet.column_dimensions[letter].width = 14 if column.kind in ("date", "int") else 26
        validation = _validation(column, ranges)
        if validation is not None:
            sheet.add_data_validation(validation)
            validation.add(f"{letter}{FIRST_ROW}:{letter}{last}")
        if column.kind == "date":  # typed dates show as dates; other columns keep the column's format
            for row in range(FIRST_ROW, last + 1):
                _style_value_cell(sheet.cell(row=row, column=index), column)
        elif column.kind != "int":
            sheet.column_dimensions[letter].number_format = "@"
    for offset, values in enumerate(rows):
        for index, column in enumerate(columns, start=1):
            value = values.get(column.key)
            if value is not None:
                cell = _put(sheet, FIRST_ROW + offset, index, _cell_value(column, value))
                if column.kind == "int":  # the other columns have their format already
                    _style_value_cell(cell, column)
    sheet.row_dimensions[1].height = 32
    sheet.freeze_panes = f"A{FIRST_ROW}"
    sheet.auto_filter.ref = f"A2:{get_column_letter(len(columns))}{max(2, FIRST_ROW + len(rows) - 1)}"


def _get(data: Any, path: Sequence[str]) -> Any:
    for part in path:
        if not isinstance(data, dict) or part not in data:
            return None
        data = data[part]
    return data


def _flatten(item: dict[str, Any], table: Table) -> dict[str, Any]:
    return {c.key: _get(item, c.path) for c in table.columns}


def _child_rows(data: dict[str, Any], table: Table) -> Iterator[dict[str, Any]]:
    """The rows of a nested table, owner by owner in the record's order."""
    for owner in table.owners:
        for item in data.get(owner.table, []):
            for child in _get(item, owner.path) or []:
                row = _flatten(child, table)
                row[OWNER_KIND_KEY] = owner.label
                row[OWNER_ID_KEY] = item.get("id")
                yield row


def _list_title(name: str) -> str:
    titles = {
        "activity_types": "Loại hoạt động",
        "organisation_kinds": "Loại hình tổ chức",
        "event_types": "Loại sự việc",
        "evidence_kinds": "Loại tài liệu",
        "territories": "Địa bàn",
    }
    if name in titles:
        return titles[name]
    if name.startswith("owners:"):
        return OWNER_KIND_LABEL
    return LABELS.get(name.removeprefix("choice:"), name.removeprefix("choice:"))
