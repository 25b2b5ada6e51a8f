"""Activity records as Excel workbooks: the template an officer fills in, export, and import.

The workbook is derived from the record model itself (:mod:`dancoso_rules.record.model`), so that a
field added to the model appears in the template and is read back without a second definition:

- the record's single values (its organisation, its period, ...) go on the sheet ``Tổ chức``, one
  field a row: the Vietnamese label, the field's key (``organisation.kind``), the value, its description;
- each list of objects of the record (``activities``, ``events``, ``attestations``) gets a sheet of
  its own, one object a row: the Vietnamese labels on row 1, the field keys on row 2, data from row 3;
  a nested object is flattened into dotted columns (``resolution.date``, ``file.sha256``) and a list
  of words is one cell, the words separated by ``;``;
- a list of objects inside those objects (the evidence of an activity, of an event's resolution, of
  an attestation) gets one sheet for all its owners, each row naming its owner and the owner's id;
- drop-down lists come from the vocabulary (activity types, kinds of organisation, evidence kinds,
  event types) and from the model's fixed choices (the administrative level), listed with their
  Vietnamese labels on the sheet ``Danh mục``; date columns are date cells.

Import reads the keys of row 2 (or column B), not the labels, so the labels can be reworded freely.
Every problem is located as ``Sheet!Cell`` (a :class:`~dancoso_rules.errors.Location` with ``cell``)
with what was expected; the record then goes through the same validation as a JSON record. A CSV file
holds one sheet, in the same layout, and is recognised by its keys.

openpyxl is imported only inside the functions that read or write workbooks, so that importing the
library and checking JSON records never loads it.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
import json
import re
import types
import unicodedata
import zipfile
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError

from dancoso_rules.errors import Location, Problem, RecordError
from dancoso_rules.i18n import thousands, tr
from dancoso_rules.model import Rulebook
from dancoso_rules.record.checks import check_record
from dancoso_rules.record.messages import schema_problems
from dancoso_rules.record.model import ActivityRecord
from dancoso_rules.record.result import RecordResult

if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

#: The sheet of the record's single values (organisation, period).
SINGLE_SHEET = "Tổ chức"
INSTRUCTIONS_SHEET = "Hướng dẫn"
LISTS_SHEET = "Danh mục"
#: The first data row of a table sheet: row 1 holds the labels, row 2 the field keys.
FIRST_ROW = 3
#: How many rows of an empty template carry drop-downs and date formats.
TEMPLATE_ROWS = 500
#: The most rows and columns read from a sheet, and the largest file read: far more than a record needs.
MAX_ROWS = 100_000
MAX_COLUMNS = 256
MAX_FILE_BYTES = 20 * 1024 * 1024
#: The separator of the words of a list in one cell.
LIST_SEPARATOR = "; "
#: When a workbook is said to be written when nothing else says: fixed, so that output is reproducible.
DEFAULT_STAMP = dt.datetime(2000, 1, 1)

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_WHOLE = re.compile(r"^[+-]?\d+$")

# -- the Vietnamese words of the workbook ------------------------------------------------------------------

#: Sheet names of the record's lists of objects, by the record's key (at most 31 characters, Excel's limit).
SHEET_NAMES: dict[str, str] = {
    "activities": "Hoạt động",
    "events": "Sự việc",
    "attestations": "Xác nhận",
}
#: Names a sheet of :data:`SHEET_NAMES` had in earlier templates, by the record's key: a workbook made
#: from one of them is still read, and its messages name its sheets as it names them.
FORMER_SHEET_NAMES: dict[str, tuple[str, ...]] = {"events": ("Sự kiện",)}
#: Sheet names of nested lists of objects, by the model class of their items.
CHILD_SHEET_NAMES: dict[str, str] = {"Evidence": "Tài liệu kiểm chứng"}

#: Vietnamese column labels, by ``Model.field``; a field missing here is labelled by its key.
LABELS: dict[str, str] = {
    "ActivityRecord.$schema": "Lược đồ JSON (dành cho trình soạn thảo)",
    "ActivityRecord.record_version": "Phiên bản định dạng hồ sơ",
    "Organisation.id": "Mã cơ quan, đơn vị",
    "Organisation.name": "Tên cơ quan, đơn vị",
    "Organisation.kind": "Loại hình tổ chức",
    "Organisation.level": "Cấp hành chính",
    "Organisation.territory": "Địa bàn (tỉnh trước sắp xếp)",
    "Organisation.packs": "Bộ quy tắc áp dụng",
    "Organisation.functions": "Chức năng, nhiệm vụ khác",
    "Organisation.bodies": "Các tổ chức bên trong (ban, hội đồng)",
    "ParentBody.id": "Mã cơ quan quản lý",
    "ParentBody.name": "Tên cơ quan quản lý",
    "Period.start": "Kỳ báo cáo từ ngày",
    "Period.end": "Kỳ báo cáo đến ngày",
    "Activity.id": "Mã hoạt động",
    "Activity.type": "Loại hoạt động",
    "Activity.date": "Ngày thực hiện",
    "Activity.start": "Ngày bắt đầu",
    "Activity.end": "Ngày kết thúc",
    "Activity.title": "Tên hoạt động",
    "Activity.participants": "Số người tham gia",
    "Activity.items": "Số lượng",
    "Activity.serves": "Thực hiện điều, khoản, nghĩa vụ",
    "Activity.covers": "Kỳ được báo cáo",
    "Evidence.kind": "Loại tài liệu",
    "Evidence.number": "Số, ký hiệu văn bản",
    "Evidence.date": "Ngày ban hành",
    "Evidence.title": "Trích yếu",
    "Evidence.url": "Đường dẫn (URL)",
    "FileRef.name": "Tên tệp",
    "FileRef.sha256": "Mã băm SHA-256 của tệp",
    "Event.id": "Mã sự việc",
    "Event.type": "Loại sự việc",
    "Event.date": "Ngày tiếp nhận, phát hiện",
    "Event.title": "Nội dung",
    "Event.reference": "Số vào sổ, số văn bản",
    "Event.resolution": "Kết quả giải quyết",
    "Resolution.date": "Ngày giải quyết",
    "Resolution.title": "Kết quả giải quyết",
    "Attestation.id": "Mã xác nhận",
    "Attestation.obligation": "Mã nghĩa vụ được xác nhận",
    "Attestation.attested_by": "Người xác nhận (họ tên, chức vụ)",
    "Attestation.date": "Ngày ký",
    "Attestation.statement": "Nội dung xác nhận",
}
OWNER_KIND_KEY = "owner"
OWNER_ID_KEY = "owner_id"
_OWNER_KIND_LABEL = "Thuộc về"
_OWNER_ID_LABEL = "Mã hoạt động, sự việc hoặc xác nhận"
_LEVEL_LABELS = {"province": "Tỉnh", "district": "Huyện", "commune": "Xã", "hamlet": "Ấp, khu phố"}

ColumnKind = Literal["text", "date", "int", "list", "choice"]


# -- the layout, derived from the model ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Column:
    """One cell of a row (or one row of the single-value sheet): a field reached by ``path``."""

    path: tuple[str, ...]
    kind: ColumnKind
    label: str
    description: str
    required: bool
    choices: tuple[str, ...] = ()
    #: The list of :data:`VOCABULARY_LISTS` that fills its drop-down, if any.
    vocabulary: str | None = None

    @property
    def key(self) -> str:
        return ".".join(self.path)


@dataclass(frozen=True, slots=True)
class Owner:
    """Where a nested list sits: in the items of ``table`` (a record key, on the sheet ``sheet``), at
    ``path`` inside each."""

    table: str
    path: tuple[str, ...]
    label: str
    sheet: str

    @property
    def code(self) -> str:
        return ".".join((self.table, *self.path))


@dataclass(frozen=True, slots=True)
class Table:
    """A sheet of one object a row: the record's list ``key`` (or a nested list, with ``owners``)."""

    key: str
    sheet: str
    columns: tuple[Column, ...]
    owners: tuple[Owner, ...] = ()
    #: Where its list is in the record: ``("activities",)``, or inside the single values
    #: (``("organisation", "hosted_bodies")``); empty for a nested table (see ``owners``).
    path: tuple[str, ...] = ()

    @property
    def keys(self) -> tuple[str, ...]:
        fixed = (OWNER_KIND_KEY, OWNER_ID_KEY) if self.owners else ()
        return (*fixed, *(c.key for c in self.columns))

    @property
    def labels(self) -> tuple[str, ...]:
        fixed = (_OWNER_KIND_LABEL, _OWNER_ID_LABEL) if self.owners else ()
        return (*fixed, *(c.label for c in self.columns))


@dataclass(frozen=True, slots=True)
class Layout:
    """The whole workbook: the single values, the record's tables, and the nested tables."""

    single: tuple[Column, ...]
    tables: tuple[Table, ...]
    children: tuple[Table, ...]

    @property
    def all_tables(self) -> tuple[Table, ...]:
        return self.tables + self.children


def _unwrap(annotation: Any) -> tuple[Any, bool]:
    """The type inside ``Annotated[...]`` and ``X | None``, and whether ``None`` was allowed."""
    optional = False
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            annotation = get_args(annotation)[0]
        elif origin in (Union, types.UnionType):
            members = [a for a in get_args(annotation) if a is not type(None)]
            optional = optional or len(members) < len(get_args(annotation))
            if len(members) != 1:
                return str, optional
            annotation = members[0]
        else:
            return annotation, optional


def _is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def _item_type(annotation: Any) -> Any | None:
    """``X`` of ``tuple[X, ...]`` or ``list[X]``, else ``None``."""
    if get_origin(annotation) in (tuple, list):
        args = [a for a in get_args(annotation) if a is not Ellipsis]
        if len(args) == 1:
            return _unwrap(args[0])[0]
    return None


def _scalar_kind(annotation: Any) -> tuple[ColumnKind, tuple[str, ...]]:
    if annotation is dt.date:
        return "date", ()
    if annotation is int:
        return "int", ()
    if get_origin(annotation) is Literal:
        return "choice", tuple(str(a) for a in get_args(annotation))
    return "text", ()


#: (model class name, field name) → the vocabulary list that fills the field's drop-down.
VOCABULARY_FIELDS: dict[tuple[str, str], str] = {
    ("Organisation", "kind"): "organisation_kinds",
    ("Organisation", "territory"): "territories",
    ("Activity", "type"): "activity_types",
    ("Event", "type"): "event_types",
    ("Evidence", "kind"): "evidence_kinds",
}


def _columns(
    model: type[BaseModel], prefix: tuple[str, ...], required: bool, found: dict[str, list[tuple[str, ...]]]
) -> Iterator[Column]:
    """The flat columns of ``model``; nested lists of objects are noted in ``found`` (by model name)."""
    for name, info in model.model_fields.items():
        key = info.alias or name
        annotation, optional = _unwrap(info.annotation)
        is_required = required and info.is_required()
        item = _item_type(annotation)
        if _is_model(annotation):
            yield from _columns(annotation, (*prefix, key), is_required, found)
            continue
        if item is not None and _is_model(item):
            found.setdefault(item.__name__, []).append((*prefix, key))
            continue
        label = LABELS.get(f"{model.__name__}.{key}", key)
        description = info.description or ""
        if item is not None:
            yield Column((*prefix, key), "list", label, description, is_required)
            continue
        kind, choices = _scalar_kind(annotation)
        vocabulary = VOCABULARY_FIELDS.get((model.__name__, key))
        if kind == "choice" and vocabulary is None:
            vocabulary = f"choice:{model.__name__}.{key}"
        yield Column(
            (*prefix, key), kind, label, description, is_required and not optional, choices, vocabulary
        )


def sheet_names(present: Collection[str]) -> dict[str, str]:
    """The names of the sheets of the record's lists in a workbook whose sheets are ``present``: the
    template's (:data:`SHEET_NAMES`), or a former one (:data:`FORMER_SHEET_NAMES`) where the workbook
    has it and not the template's."""
    names = dict(SHEET_NAMES)
    for key, former in FORMER_SHEET_NAMES.items():
        if names[key] not in present:
            names[key] = next((name for name in former if name in present), names[key])
    return names


def _child_model(model: type[BaseModel], path: tuple[str, ...]) -> type[BaseModel]:
    current: Any = model
    for part in path:
        fields = {(i.alias or n): i for n, i in current.model_fields.items()}
        annotation = _unwrap(fields[part].annotation)[0]
        current = _item_type(annotation) or annotation
    assert _is_model(current)
    return current  # type: ignore[no-any-return]


def _path_labels(model: type[BaseModel], path: tuple[str, ...]) -> Iterator[str]:
    """The Vietnamese labels of the nested fields along ``path`` inside ``model``."""
    current: Any = model
    for part in path:
        yield LABELS.get(f"{current.__name__}.{part}", part)
        fields = {(i.alias or n): i for n, i in current.model_fields.items()}
        current = _unwrap(fields[part].annotation)[0]


def record_layout(
    model: type[BaseModel] = ActivityRecord, *, sheets: Mapping[str, str] = SHEET_NAMES
) -> Layout:
    """The workbook's layout for ``model`` (the activity record): every field, where it goes; ``sheets``
    names the sheets of the record's lists (see :func:`sheet_names`)."""
    single: list[Column] = []
    record_fields: list[Column] = []  # the format's own fields ($schema, version), after the organisation's
    tables: list[Table] = []
    nested: dict[str, list[Owner]] = {}
    nested_models: dict[str, type[BaseModel]] = {}
    for name, info in model.model_fields.items():
        key = info.alias or name
        annotation, _ = _unwrap(info.annotation)
        item = _item_type(annotation)
        if item is not None and _is_model(item):
            found: dict[str, list[tuple[str, ...]]] = {}
            columns = tuple(_columns(item, (), True, found))
            sheet = sheets.get(key, key)
            tables.append(Table(key, sheet, columns, path=(key,)))
            for child_name, paths in found.items():
                for path in paths:
                    child = _child_model(item, path)
                    nested_models[child_name] = child
                    where = " — ".join([sheet, *_path_labels(item, path[:-1])])
                    nested.setdefault(child_name, []).append(Owner(key, path, where, sheet))
        elif _is_model(annotation):
            inside: dict[str, list[tuple[str, ...]]] = {}
            single.extend(_columns(annotation, (key,), info.is_required(), inside))
            # A list of objects inside the single values (e.g. the organisation's) gets a sheet of its own.
            for paths in inside.values():
                for path in paths:
                    label = list(_path_labels(model, path))[-1]
                    columns = tuple(_columns(_child_model(model, path), (), True, {}))
                    tables.append(Table(".".join(path), label[:31], columns, path=path))
        else:
            record_fields.extend(c for c in _columns(model, (), True, {}) if c.path == (key,))
    children = tuple(
        Table(
            name,
            CHILD_SHEET_NAMES.get(name, name),
            tuple(_columns(nested_models[name], (), True, {})),
            tuple(owners),
        )
        for name, owners in nested.items()
    )
    return Layout(tuple(single + record_fields), tuple(tables), children)


# -- the lists of the drop-downs -----------------------------------------------------------------------------


def vocabulary_lists(rulebook: Rulebook, layout: Layout) -> dict[str, list[tuple[str, str]]]:
    """Every drop-down's entries, ``(value, Vietnamese label)``, by list name."""
    vocabulary = rulebook.vocabulary
    lists: dict[str, list[tuple[str, str]]] = {
        "activity_types": [(a.id, a.label.vi) for a in vocabulary.activity_types],
        "organisation_kinds": [(b.id, b.label.vi) for b in vocabulary.organisation_kinds()],
        "event_types": [(e.id, e.label.vi) for e in vocabulary.event_types],
        "evidence_kinds": [(e.id, e.label.vi) for e in vocabulary.evidence_kinds],
        "territories": sorted({(p.instrument.territory.province, "") for p in rulebook.packs}),
    }
    for table in layout.children:
        # Chosen by their Vietnamese words; the importer reads the code too.
        lists[f"owners:{table.key}"] = [(owner.label, owner.code) for owner in table.owners]
    for column in (*layout.single, *(c for t in layout.all_tables for c in t.columns)):
        if column.vocabulary is not None and column.vocabulary.startswith("choice:"):
            labels = _LEVEL_LABELS if column.path[-1] == "level" else {}
            lists[column.vocabulary] = [(c, labels.get(c, "")) for c in column.choices]
    return lists


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
        return _OWNER_KIND_LABEL
    return LABELS.get(name.removeprefix("choice:"), name.removeprefix("choice:"))


# -- writing ----------------------------------------------------------------------------------------------


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
            f"1. Sheet «{SINGLE_SHEET}»: điền cột «Giá trị» cho từng dòng (mã, tên, loại hình, cấp, địa bàn, kỳ báo cáo).",
            False,
        ),
        *(
            (
                f"{n}. Sheet «{t.sheet}»: mỗi dòng một mục, từ dòng {FIRST_ROW}; dòng 1 là tên cột, dòng 2 là mã trường (không sửa dòng 2).",
                False,
            )
            for n, t in enumerate(layout.all_tables, start=2)
        ),
        ("", False),
        ("Quy ước", True),
        (
            "• Ngày: nhập dạng ngày của Excel (ví dụ 31/03/2025) hoặc văn bản YYYY-MM-DD (ví dụ 2025-03-31).",
            False,
        ),
        (
            "• Cột có danh sách thả xuống: chọn một giá trị; ý nghĩa của từng mã xem ở sheet «Danh mục».",
            False,
        ),
        (
            f"• Cột nhiều giá trị (ví dụ «{LABELS['Activity.serves']}»): các giá trị cách nhau bằng dấu chấm phẩy (;).",
            False,
        ),
        ("• Một hoạt động có ngày thực hiện, hoặc có cả ngày bắt đầu và ngày kết thúc.", False),
        (
            "• Sheet «Tài liệu kiểm chứng»: cột «Thuộc về» chọn hoạt động, kết quả giải quyết sự việc hoặc xác nhận; "
            "cột kế tiếp ghi mã của dòng đó (ví dụ mã hoạt động).",
            False,
        ),
        ("• Mỗi tài liệu kiểm chứng cần ít nhất số, ký hiệu văn bản, đường dẫn hoặc tên tệp.", False),
        ("• Cột có dấu * là bắt buộc khi dòng có dữ liệu.", False),
        ("", False),
        ("Kiểm tra và chuyển đổi", True),
        ("dancoso validate ho-so.xlsx      — kiểm tra, báo lỗi theo vị trí Sheet!Ô", False),
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


def _validation(column: Column, ranges: dict[str, str]) -> Any:
    from openpyxl.worksheet.datavalidation import DataValidation

    if column.vocabulary is not None and column.vocabulary in ranges:
        return DataValidation(
            type="list",
            formula1=ranges[column.vocabulary],
            allow_blank=True,
            showErrorMessage=True,
            errorTitle=column.label,
            error=f"Chọn một giá trị trong danh sách (sheet «{LISTS_SHEET}»).",
        )
    if column.kind == "date":
        return DataValidation(
            type="date",
            operator="greaterThan",
            formula1="1",
            allow_blank=True,
            showErrorMessage=True,
            errorTitle=column.label,
            error="Nhập một ngày có thật, ví dụ 31/03/2025.",
        )
    if column.kind == "int":
        return DataValidation(
            type="whole",
            operator="greaterThanOrEqual",
            formula1="0",
            allow_blank=True,
            showErrorMessage=True,
            errorTitle=column.label,
            error="Nhập một số nguyên không âm.",
        )
    return None


def _cell_value(column: Column, value: Any) -> Any:
    if value is None:
        return None
    if column.kind == "date" and isinstance(value, str) and _ISO_DATE.match(value):
        return dt.date.fromisoformat(value)
    if column.kind == "list" and isinstance(value, list):
        return LIST_SEPARATOR.join(str(v) for v in value)
    return value


def _put(sheet: Worksheet, row: int, column: int, value: Any) -> Any:
    """Write a value; text that starts with '=' stays text (openpyxl would store it as a formula)."""
    from openpyxl.utils.exceptions import IllegalCharacterError

    try:
        cell = sheet.cell(row=row, column=column, value=value)
    except IllegalCharacterError:
        where = _sheet_ref(sheet.title, column, row)
        raise RecordError(
            Problem(
                Location("<record>", cell=where),
                tr("sheet.control_character", value=value),
                code="control-character",
            )
        ) from None
    if isinstance(value, str) and value.startswith("="):
        cell.data_type = "s"
    return cell


def _style_value_cell(cell: Any, column: Column) -> None:
    if column.kind == "date":
        cell.number_format = "dd/mm/yyyy"
    elif column.kind != "int":
        cell.number_format = "@"  # text: Excel keeps '0123' and '1/2' as typed


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
    owner_column = Column((OWNER_KIND_KEY,), "choice", _OWNER_KIND_LABEL, "", True, (), f"owners:{table.key}")
    owner_id = Column((OWNER_ID_KEY,), "text", _OWNER_ID_LABEL, "", True)
    columns = ([owner_column, owner_id] if table.owners else []) + list(table.columns)
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
                _put(sheet, FIRST_ROW + offset, index, _cell_value(column, value))
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


# -- reading ----------------------------------------------------------------------------------------------


@dataclass(slots=True)
class ReadRecord:
    """A record read from a spreadsheet: its data (as the JSON would hold it), where each value came
    from (JSON Pointer → ``Sheet!Cell``), and the problems found while reading the cells."""

    file: str
    data: dict[str, Any] = field(default_factory=dict)
    cells: dict[str, str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def where(self, cell: str) -> Location:
        return Location(self.file, cell=cell)

    def locate(self, pointer: str) -> Location:
        """The cell of ``pointer``, or of its nearest ancestor that came from a cell."""
        while True:
            cell = self.cells.get(pointer)
            if cell is not None:
                return self.where(cell)
            if not pointer:
                return Location(self.file)
            pointer = pointer.rsplit("/", 1)[0]

    def fail(self, cell: str | None, message: str, code: str = "invalid") -> None:
        location = self.where(cell) if cell is not None else Location(self.file)
        self.problems.append(Problem(location, message, code=code))


def _sheet_ref(sheet: str, column: int, row: int) -> str:
    from openpyxl.utils import get_column_letter

    return f"{sheet}!{get_column_letter(column)}{row}"


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _quote(value: Any) -> str:
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return json.dumps(value, ensure_ascii=False) if isinstance(value, str) else str(value)


def _convert(column: Column, value: Any, cell: str, read: ReadRecord, choices: dict[str, set[str]]) -> Any:
    """The JSON value of one cell, or ``None`` (with a problem noted) when the cell cannot be one."""
    if isinstance(value, str):
        # Text is kept as written (but in NFC); codes, dates and numbers lose stray spaces.
        value = unicodedata.normalize("NFC", value)
        if column.kind != "text" or column.vocabulary is not None:
            value = value.strip()
    if column.kind == "date":
        if isinstance(value, dt.datetime):
            return value.date().isoformat()
        if isinstance(value, dt.date):
            return value.isoformat()
        if isinstance(value, str) and _ISO_DATE.match(value):
            try:
                return dt.date.fromisoformat(value).isoformat()
            except ValueError:
                pass
        read.fail(cell, tr("sheet.date", value=_quote(value)), "date")
        return None
    if column.kind == "int":
        if isinstance(value, bool):
            pass
        elif isinstance(value, int):
            return value
        elif (isinstance(value, float) and value.is_integer()) or (
            isinstance(value, str) and _WHOLE.match(value)
        ):
            return int(value)
        read.fail(cell, tr("sheet.whole_number", value=_quote(value)), "int")
        return None
    if column.vocabulary is not None:
        if not isinstance(value, str):
            allowed = sorted(choices.get(column.vocabulary, ()))
            hint = f" ({', '.join(allowed[:8])}{', ...' if len(allowed) > 8 else ''})" if allowed else ""
            read.fail(cell, tr("sheet.choice", hint=hint, value=_quote(value)), "choice")
            return None
        return value
    if isinstance(value, dt.datetime | dt.date):
        return _quote(value)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if column.kind == "list":
        text = value if isinstance(value, str) else str(value)
        return [part.strip() for part in re.split(r"[;\n]", text) if part.strip()]
    return value if isinstance(value, str) else str(value)


def _set(target: dict[str, Any], path: Sequence[str], value: Any) -> None:
    for part in path[:-1]:
        target = target.setdefault(part, {})
    target[path[-1]] = value


def _pointer(*parts: str | int) -> str:
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in parts)


class Sheets:
    """The sheets of a workbook or of CSV files: name → rows of cell values (top to bottom)."""

    def __init__(self, sheets: dict[str, list[tuple[Any, ...]]], file: str) -> None:
        self.sheets = sheets
        self.file = file


def read_xlsx(path: Path | bytes, file: str) -> Sheets:
    """The values of every sheet of an .xlsx file (formulas as their last computed value)."""
    from openpyxl import load_workbook

    source = io.BytesIO(path) if isinstance(path, bytes) else path
    book = load_workbook(source, read_only=True, data_only=True)
    sheets: dict[str, list[tuple[Any, ...]]] = {}
    try:
        for sheet in book.worksheets:
            # Bounded: a sheet formatted to its last row and column must not be read cell by cell.
            rows = list(
                itertools.islice(sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS), MAX_ROWS + 1)
            )
            if len(rows) > MAX_ROWS:
                raise TooLarge(tr("sheet.too_many_rows", sheet=sheet.title, limit=thousands(MAX_ROWS)))
            sheets[sheet.title] = rows
    finally:
        book.close()
    return Sheets(sheets, file)


class TooLarge(Exception):
    """A spreadsheet larger than a record can be."""


def read_csv(paths: Iterable[tuple[Path | bytes, str]], layout: Layout) -> tuple[Sheets, list[Problem]]:
    """CSV files, one sheet each, recognised by their field keys (row 2, or column B of the single values)."""
    sheets: dict[str, list[tuple[Any, ...]]] = {}
    problems: list[Problem] = []
    names: list[str] = []
    for source, name in paths:
        raw = source if isinstance(source, bytes) else source.read_bytes()
        text = raw.decode("utf-8-sig")
        rows: list[tuple[Any, ...]] = [
            tuple(v if v != "" else None for v in row) for row in csv.reader(io.StringIO(text))
        ]
        sheet = _recognise(rows, layout)
        names.append(name)
        if sheet is None:
            problems.append(
                Problem(
                    Location(name),
                    tr(
                        "sheet.not_a_template_sheet",
                        tables=", ".join(t.sheet for t in layout.all_tables),
                        single=SINGLE_SHEET,
                    ),
                    code="csv",
                )
            )
            continue
        sheets[sheet] = rows
    return Sheets(sheets, ", ".join(names)), problems


def _recognise(rows: list[tuple[Any, ...]], layout: Layout) -> str | None:
    if len(rows) >= 2:
        keys = {str(v).strip() for v in rows[1] if not _blank(v)}
        for table in layout.all_tables:
            if keys and keys <= set(table.keys) and (not table.owners) == (OWNER_KIND_KEY not in keys):
                return table.sheet
    single_keys = {c.key for c in layout.single}
    found = {str(row[1]).strip() for row in rows[1:] if len(row) > 1 and not _blank(row[1])}
    if found and found <= single_keys:
        return SINGLE_SHEET
    return None


def record_from_sheets(sheets: Sheets, rulebook: Rulebook, layout: Layout | None = None) -> ReadRecord:
    """The record data the sheets hold, with where each value came from and the problems of the cells.

    Without ``layout``, the sheets are looked for by the names the workbook gives them (see :func:`sheet_names`).
    """
    layout = layout or record_layout(sheets=sheet_names(sheets.sheets))
    read = ReadRecord(sheets.file)
    lists = vocabulary_lists(rulebook, layout)
    choices = {name: {code for code, _ in entries} for name, entries in lists.items()}
    expected = [SINGLE_SHEET, *(t.sheet for t in layout.all_tables)]
    for name in expected:
        if name not in sheets.sheets:
            present = ", ".join(s for s in sheets.sheets) or tr("sheet.none")
            read.fail(
                None,
                tr("sheet.missing", name=name, expected=", ".join(expected), present=present),
                "missing-sheet",
            )
    if SINGLE_SHEET in sheets.sheets:
        _read_single(sheets.sheets[SINGLE_SHEET], layout.single, read, choices)
    index_of: dict[str, dict[str, int]] = {}
    for table in layout.tables:
        items: list[dict[str, Any]] = []
        if table.sheet in sheets.sheets:
            for row_number, values in _read_table(sheets.sheets[table.sheet], table, read, choices):
                pointer = _pointer(*table.path, len(items))
                read.cells[pointer] = _sheet_ref(table.sheet, 1, row_number)
                items.append(_row_object(table, values, pointer, read))
        if items:  # an empty list is left out, as a JSON record would
            _set(read.data, table.path, items)
        index_of[table.key] = {}
        for position, item in enumerate(items):
            if isinstance(item.get("id"), str):
                index_of[table.key].setdefault(item["id"], position)
    for table in layout.children:
        if table.sheet in sheets.sheets:
            _read_children(sheets.sheets[table.sheet], table, read, choices, index_of)
    return read


def _read_single(
    rows: list[tuple[Any, ...]], columns: Sequence[Column], read: ReadRecord, choices: dict[str, set[str]]
) -> None:
    by_key = {c.key: c for c in columns}
    for row_number, row in enumerate(rows[1:], start=2):
        key = row[1] if len(row) > 1 else None
        if _blank(key):
            continue
        key_text = str(key).strip()
        column = by_key.get(key_text)
        if column is None:
            read.fail(
                _sheet_ref(SINGLE_SHEET, 2, row_number),
                tr("sheet.unknown_field", key=key_text, keys=", ".join(by_key)),
                "unknown-field",
            )
            continue
        cell = _sheet_ref(SINGLE_SHEET, 3, row_number)
        pointer = _pointer(*column.path)
        read.cells[pointer] = cell
        value = row[2] if len(row) > 2 else None
        if _blank(value):
            continue
        converted = _convert(column, value, cell, read, choices)
        if converted is not None:
            _set(read.data, column.path, converted)
    # A missing required value is pointed at the row where it belongs, a missing object at its first row.
    for column in columns:
        cell = read.cells.setdefault(_pointer(*column.path), f"{SINGLE_SHEET}!A1")
        for end in range(1, len(column.path)):
            read.cells.setdefault(_pointer(*column.path[:end]), cell)


def _read_table(
    rows: list[tuple[Any, ...]], table: Table, read: ReadRecord, choices: dict[str, set[str]]
) -> Iterator[tuple[int, dict[str, tuple[Column, str, Any]]]]:
    """Each non-empty data row: its number and, by field key, the column, cell and JSON value."""
    keys = rows[1] if len(rows) > 1 else ()
    columns_by_key = {c.key: c for c in table.columns}
    owner_columns = {
        OWNER_KIND_KEY: Column(
            (OWNER_KIND_KEY,), "choice", _OWNER_KIND_LABEL, "", True, (), f"owners:{table.key}"
        ),
        OWNER_ID_KEY: Column((OWNER_ID_KEY,), "text", _OWNER_ID_LABEL, "", True),
    }
    if table.owners:
        columns_by_key.update(owner_columns)
    positions: list[tuple[int, Column]] = []
    for index, key in enumerate(keys, start=1):
        if _blank(key):
            continue
        column = columns_by_key.get(str(key).strip())
        if column is None:
            read.fail(
                _sheet_ref(table.sheet, index, 2),
                tr("sheet.unknown_field_key", key=str(key).strip(), keys=", ".join(table.keys)),
                "unknown-field",
            )
            continue
        positions.append((index, column))
    if not positions:
        read.fail(
            _sheet_ref(table.sheet, 1, 2),
            tr("sheet.no_keys", keys=", ".join(table.keys)),
            "no-keys",
        )
        return
    for row_number, row in enumerate(rows[FIRST_ROW - 1 :], start=FIRST_ROW):
        values: dict[str, tuple[Column, str, Any]] = {}
        for index, column in positions:
            value = row[index - 1] if index - 1 < len(row) else None
            cell = _sheet_ref(table.sheet, index, row_number)
            values[column.key] = (column, cell, None if _blank(value) else value)
        if all(v[2] is None for v in values.values()):
            continue
        for key, (column, cell, value) in list(values.items()):
            if value is not None:
                values[key] = (column, cell, _convert(column, value, cell, read, choices))
        values["#row"] = (
            columns_by_key.get(table.keys[0]) or positions[0][1],
            _sheet_ref(table.sheet, 1, row_number),
            None,
        )
        # Where a field would be when no column holds it: the row's first cell.
        yield row_number, values


def _row_object(
    table: Table, values: dict[str, tuple[Column, str, Any]], pointer: str, read: ReadRecord
) -> dict[str, Any]:
    item: dict[str, Any] = {}
    row_cell = values["#row"][1]
    for column in table.columns:
        found = values.get(column.key)
        read.cells[pointer + _pointer(*column.path)] = found[1] if found else row_cell
        if found is not None and found[2] is not None:
            _set(item, column.path, found[2])
    return item


def _read_children(
    rows: list[tuple[Any, ...]],
    table: Table,
    read: ReadRecord,
    choices: dict[str, set[str]],
    index_of: dict[str, dict[str, int]],
) -> None:
    owners = {o.code: o for o in table.owners} | {o.label: o for o in table.owners}
    labels = ", ".join(repr(o.label) for o in table.owners)
    for _, values in _read_table(rows, table, read, choices):
        kind = values.get(OWNER_KIND_KEY)
        owner_id = values.get(OWNER_ID_KEY)
        row_cell = values["#row"][1]
        owner = owners.get(kind[2]) if kind and isinstance(kind[2], str) else None
        if owner is None:
            if kind is None or kind[2] is not None:
                read.fail(
                    kind[1] if kind else row_cell,
                    tr("sheet.owner", owners=labels)
                    + (tr("sheet.owner_got", value=_quote(kind[2])) if kind and kind[2] is not None else ""),
                    "owner",
                )
            else:
                read.fail(
                    kind[1],
                    tr("sheet.owner_missing", owners=labels),
                    "owner",
                )
            continue
        sheet = owner.sheet
        if owner_id is None or owner_id[2] is None:
            read.fail(
                owner_id[1] if owner_id else row_cell,
                tr("sheet.owner_id_missing", sheet=sheet),
                "owner",
            )
            continue
        position = index_of.get(owner.table, {}).get(str(owner_id[2]))
        if position is None:
            known = list(index_of.get(owner.table, {}))
            from dancoso_rules.load.suggest import did_you_mean

            read.fail(
                owner_id[1],
                tr(
                    "sheet.no_such_id",
                    sheet=sheet,
                    id=str(owner_id[2]),
                    hint=did_you_mean(str(owner_id[2]), known),
                ),
                "owner",
            )
            continue
        parent = read.data[owner.table][position]
        container = parent
        for part in owner.path[:-1]:
            container = container.setdefault(part, {})
        children = container.setdefault(owner.path[-1], [])
        pointer = _pointer(owner.table, position, *owner.path, len(children))
        read.cells[pointer] = row_cell
        children.append(_row_object(table, values, pointer, read))


# -- validation -----------------------------------------------------------------------------------------------


def record_json(data: dict[str, Any]) -> str:
    """The record's JSON as ``dancoso import`` writes it: fields in the model's order, two-space indents,
    Vietnamese as is, a final newline."""
    return json.dumps(_in_model_order(data, ActivityRecord), ensure_ascii=False, indent=2) + "\n"


def _in_model_order(value: Any, model: Any) -> Any:
    if isinstance(value, list):
        return [_in_model_order(v, model) for v in value]
    if not isinstance(value, dict) or not _is_model(model):
        return value
    fields = {(i.alias or n): i for n, i in model.model_fields.items()}
    ordered: dict[str, Any] = {}
    for key in [*fields, *(k for k in value if k not in fields)]:
        if key in value:
            inner = _unwrap(fields[key].annotation)[0] if key in fields else None
            ordered[key] = _in_model_order(value[key], _item_type(inner) or inner)
    return ordered


def read_spreadsheet(
    sources: Sequence[Path | str], rulebook: Rulebook, *, name: str | None = None
) -> ReadRecord:
    """Read one .xlsx file, or one or more .csv files (the sheets of one record), into record data."""
    layout = record_layout()
    paths = [Path(s) for s in sources]
    file = name or ", ".join(_display(p) for p in paths)
    try:
        sizes = [p.stat().st_size for p in paths]
    except OSError as exc:
        return _unreadable(file, tr("record.cannot_read", reason=exc.strerror or exc), "io")
    if max(sizes, default=0) > MAX_FILE_BYTES:
        return _unreadable(
            file,
            tr("sheet.too_large", size=thousands(max(sizes)), limit=thousands(MAX_FILE_BYTES)),
            "too-large",
        )
    if len(paths) == 1 and paths[0].suffix.lower() == ".xlsx":
        try:
            sheets = read_xlsx(paths[0], file)
        except OSError as exc:
            return _unreadable(file, tr("record.cannot_read", reason=exc.strerror or exc), "io")
        except TooLarge as exc:
            return _unreadable(file, tr("sheet.too_large_rows", reason=exc), "too-large")
        except Exception as exc:  # openpyxl raises many kinds for a file that is not a workbook
            return _unreadable(file, tr("sheet.not_xlsx", error=f"{type(exc).__name__}: {exc}"), "not-xlsx")
        return record_from_sheets(sheets, rulebook)
    try:
        csv_sheets, problems = read_csv(((p, _display(p)) for p in paths), layout)
    except OSError as exc:
        return _unreadable(file, tr("record.cannot_read", reason=exc.strerror or exc), "io")
    except csv.Error as exc:
        return _unreadable(file, tr("sheet.not_csv", error=exc), "encoding")
    except UnicodeDecodeError as exc:
        return _unreadable(
            file,
            tr("sheet.not_utf8", reason=exc.reason, at=exc.start),
            "encoding",
        )
    read = record_from_sheets(Sheets(csv_sheets.sheets, file), rulebook, layout)
    read.problems[:0] = problems
    return read


def _display(path: Path) -> str:
    from dancoso_rules.paths import display_path

    return display_path(path)


def _unreadable(file: str, message: str, code: str) -> ReadRecord:
    read = ReadRecord(file)
    read.problems.append(Problem(Location(file), message, code=code))
    return read


def validate_read(read: ReadRecord, rulebook: Rulebook) -> RecordResult:
    """Validate what was read from a spreadsheet as a JSON record is validated, located by cell."""
    problems = list(read.problems)
    if any(p.code in ("io", "not-xlsx", "encoding", "too-large") for p in problems):
        return RecordResult(read.file, None, tuple(problems))
    record: ActivityRecord | None = None
    try:
        record = ActivityRecord.model_validate_json(json.dumps(read.data, ensure_ascii=False), strict=True)
    except ValidationError as exc:
        problems.extend(schema_problems(exc, read.data, read.locate))
    problems.extend(check_record(read.data, record, rulebook, read.locate))
    # A cell that could not be read is said once: not again as a missing value.
    unread = {p.location.cell for p in read.problems if p.location.cell is not None}
    problems = [*read.problems, *(p for p in problems[len(read.problems) :] if p.location.cell not in unread)]
    if any(p.severity == "error" for p in problems):
        record = None
    return RecordResult(read.file, record, tuple(problems))


def validate_spreadsheet(
    source: Path | str | Sequence[Path | str], rulebook: Rulebook, *, name: str | None = None
) -> RecordResult:
    """Validate a record kept as an .xlsx workbook (or as the .csv files of its sheets)."""
    sources = [source] if isinstance(source, str | Path) else list(source)
    return validate_read(read_spreadsheet(sources, rulebook, name=name), rulebook)
