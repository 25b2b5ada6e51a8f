"""The workbook's layout, derived from the record model: its sheets, their columns and Vietnamese
labels, and the entries of its drop-down lists (see :mod:`dancoso_rules.record.workbook`)."""

from __future__ import annotations

import datetime as dt
import re
import types
from collections.abc import Collection, Iterator, Mapping
from typing import Annotated, Any, Literal, Union, get_args, get_origin

import msgspec
from pydantic import BaseModel

from dancoso_rules.model import Rulebook
from dancoso_rules.record.model import ActivityRecord

#: The sheet of the record's single values (organisation, period).
SINGLE_SHEET = "Tổ chức"
INSTRUCTIONS_SHEET = "Hướng dẫn"
LISTS_SHEET = "Danh mục"
#: The first data row of a table sheet: row 1 holds the labels, row 2 the field keys.
FIRST_ROW = 3
#: A date written as text, as a record writes it.
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
#: Excel keeps 15 significant digits of a number: from this one on, a whole number in a number cell may
#: not be the one typed. Export writes such a number as text (read back exactly); import refuses one that
#: comes as a number.
EXCEL_EXACT_LIMIT = 10**15

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
    "Organisation.province": "Tỉnh hiện nay (sau sắp xếp)",
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
    "Event.extension": "Thời hạn giải quyết được kéo dài, gia hạn",
    "Extension.until": "Thời hạn giải quyết được kéo dài, gia hạn đến ngày",
    "Extension.basis": "Căn cứ kéo dài, gia hạn",
    "Attestation.id": "Mã xác nhận",
    "Attestation.obligation": "Mã nghĩa vụ được xác nhận",
    "Attestation.attested_by": "Người xác nhận (họ tên, chức vụ)",
    "Attestation.date": "Ngày ký",
    "Attestation.statement": "Nội dung xác nhận",
}
OWNER_KIND_KEY = "owner"
OWNER_ID_KEY = "owner_id"
OWNER_KIND_LABEL = "Thuộc về"
OWNER_ID_LABEL = "Mã hoạt động, sự việc hoặc xác nhận"
#: As the reports name the levels ("cấp xã": a ward is of it too, and is no "Xã").
_LEVEL_LABELS = {
    "province": "Cấp tỉnh",
    "district": "Cấp huyện",
    "commune": "Cấp xã",
    "hamlet": "Ấp, khu phố",
}

ColumnKind = Literal["text", "date", "int", "list", "choice"]


# -- the layout, derived from the model ----------------------------------------------------------------------


class Column(msgspec.Struct, frozen=True):
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


class Owner(msgspec.Struct, frozen=True):
    """Where a nested list sits: in the items of ``table`` (a record key, on the sheet ``sheet``), at
    ``path`` inside each."""

    table: str
    path: tuple[str, ...]
    label: str
    sheet: str

    @property
    def code(self) -> str:
        return ".".join((self.table, *self.path))


class Table(msgspec.Struct, frozen=True):
    """A sheet of one object a row: the record's list ``key`` (or a nested list, with ``owners``)."""

    key: str
    sheet: str
    columns: tuple[Column, ...]
    owners: tuple[Owner, ...] = ()
    #: Where its list is in the record: ``("activities",)``, or inside the single values
    #: (``("organisation", "hosted_bodies")``); empty for a nested table (see ``owners``).
    path: tuple[str, ...] = ()

    @property
    def sheet_columns(self) -> tuple[Column, ...]:
        """Its columns as its sheet has them: a nested table's owner and the owner's id first."""
        if not self.owners:
            return self.columns
        return (
            Column((OWNER_KIND_KEY,), "choice", OWNER_KIND_LABEL, "", True, (), f"owners:{self.key}"),
            Column((OWNER_ID_KEY,), "text", OWNER_ID_LABEL, "", True),
            *self.columns,
        )

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(c.key for c in self.sheet_columns)

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(c.label for c in self.sheet_columns)


class Layout(msgspec.Struct, frozen=True):
    """The whole workbook: the single values, the record's tables, and the nested tables."""

    single: tuple[Column, ...]
    tables: tuple[Table, ...]
    children: tuple[Table, ...]

    @property
    def all_tables(self) -> tuple[Table, ...]:
        return self.tables + self.children


def unwrap(annotation: Any) -> tuple[Any, bool]:
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


def is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def item_type(annotation: Any) -> Any | None:
    """``X`` of ``tuple[X, ...]`` or ``list[X]``, else ``None``."""
    if get_origin(annotation) in (tuple, list):
        args = [a for a in get_args(annotation) if a is not Ellipsis]
        if len(args) == 1:
            return unwrap(args[0])[0]
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
        annotation, optional = unwrap(info.annotation)
        is_required = required and info.is_required()
        item = item_type(annotation)
        if is_model(annotation):
            yield from _columns(annotation, (*prefix, key), is_required, found)
            continue
        if item is not None and is_model(item):
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


def owner_labels(owner: Owner) -> tuple[str, ...]:
    """The words that name ``owner`` in the column «Thuộc về»: its label, then the same with each other name
    its sheet has had or has (a workbook of an earlier template, or CSV files saved from one)."""
    rest = owner.label.removeprefix(owner.sheet)
    names = {SHEET_NAMES.get(owner.table, owner.sheet), *FORMER_SHEET_NAMES.get(owner.table, ())}
    return (owner.label, *sorted(name + rest for name in names if name != owner.sheet))


def _child_model(model: type[BaseModel], path: tuple[str, ...]) -> type[BaseModel]:
    current: Any = model
    for part in path:
        fields = {(i.alias or n): i for n, i in current.model_fields.items()}
        annotation = unwrap(fields[part].annotation)[0]
        current = item_type(annotation) or annotation
    assert is_model(current)
    return current  # type: ignore[no-any-return]


def _path_labels(model: type[BaseModel], path: tuple[str, ...]) -> Iterator[str]:
    """The Vietnamese labels of the nested fields along ``path`` inside ``model``."""
    current: Any = model
    for part in path:
        yield LABELS.get(f"{current.__name__}.{part}", part)
        fields = {(i.alias or n): i for n, i in current.model_fields.items()}
        current = unwrap(fields[part].annotation)[0]


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
        annotation, _ = unwrap(info.annotation)
        item = item_type(annotation)
        if item is not None and is_model(item):
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
        elif is_model(annotation):
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


def sheet_ref(sheet: str, column: int, row: int) -> str:
    from openpyxl.utils import get_column_letter

    return f"{sheet}!{get_column_letter(column)}{row}"
