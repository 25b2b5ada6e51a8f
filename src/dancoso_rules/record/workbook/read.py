"""Reading a workbook (or the CSV files of its sheets) back into a record, every problem located as
``Sheet!Cell``, and validating it as a JSON record is (see :mod:`dancoso_rules.record.workbook`)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
import json
import math
import re
import unicodedata
import warnings
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import msgspec
from msgspec.structs import replace
from pydantic import ValidationError

from dancoso_rules.errors import Location, Problem
from dancoso_rules.i18n import os_reason, thousands, tr
from dancoso_rules.model import Rulebook
from dancoso_rules.record.checks import check_record
from dancoso_rules.record.messages import schema_problems
from dancoso_rules.record.model import ActivityRecord
from dancoso_rules.record.result import RecordResult
from dancoso_rules.record.workbook.layout import (
    EXCEL_EXACT_LIMIT,
    FIRST_ROW,
    FORMER_SHEET_NAMES,
    ISO_DATE,
    OWNER_ID_KEY,
    OWNER_KIND_KEY,
    SHEET_NAMES,
    SINGLE_SHEET,
    Column,
    Layout,
    Table,
    is_model,
    item_type,
    owner_labels,
    record_layout,
    sheet_names,
    sheet_ref,
    unwrap,
    vocabulary_lists,
)

#: The most rows and columns read from a sheet, and the largest file read: far more than a record needs.
MAX_ROWS = 100_000
MAX_COLUMNS = 256
MAX_FILE_BYTES = 20 * 1024 * 1024
_WHOLE = re.compile(r"^[+-]?\d+$")


class ReadRecord(msgspec.Struct):
    """A record read from a spreadsheet: its data (as the JSON would hold it), where each value came
    from (JSON Pointer → ``Sheet!Cell``), and the problems found while reading the cells."""

    file: str
    data: dict[str, Any] = msgspec.field(default_factory=dict)
    cells: dict[str, str] = msgspec.field(default_factory=dict)
    problems: list[Problem] = msgspec.field(default_factory=list)
    #: The empty cells read that lie in a merged range but are not its first cell (``Sheet!B7`` → the range
    #: ``B6:B8`` and its first cell ``B6``): Excel shows the range's value over them, but only the first
    #: cell holds it, and the others are read as empty (see :func:`_explain_merged`).
    hidden: dict[str, tuple[str, str]] = msgspec.field(default_factory=dict)

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
        if isinstance(value, str) and ISO_DATE.match(value):
            try:
                return dt.date.fromisoformat(value).isoformat()
            except ValueError:
                pass
        read.fail(cell, tr("sheet.date", value=_quote(value)), "date")
        return None
    if column.kind == "int":
        if isinstance(value, bool):
            pass
        elif isinstance(value, int | float) and math.isfinite(value) and abs(value) >= EXCEL_EXACT_LIMIT:
            # A number cell of 16 digits or more: Excel may have changed the last ones (text is read exactly).
            read.fail(cell, tr("sheet.whole_number_inexact", value=int(value)), "int")
            return None
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
    """The sheets of a workbook or of CSV files: name → rows of cell values (top to bottom), and the
    merged ranges of each sheet of a workbook (``B6:B8``; CSV has none)."""

    def __init__(
        self,
        sheets: dict[str, list[tuple[Any, ...]]],
        file: str,
        merged: dict[str, tuple[str, ...]] | None = None,
    ) -> None:
        self.sheets = sheets
        self.file = file
        self.merged = merged or {}


def read_xlsx(path: Path | bytes, file: str) -> Sheets:
    """The values of every sheet of an .xlsx file (formulas as their last computed value).

    What openpyxl warns about (an Excel extension it drops, a date cell whose serial is no date) is not
    printed: it names no cell, and what matters of it is a located problem (the cell's value is refused).
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return _read_xlsx(path, file)


def _read_xlsx(path: Path | bytes, file: str) -> Sheets:
    from openpyxl import load_workbook

    source = io.BytesIO(path) if isinstance(path, bytes) else path
    book = load_workbook(source, read_only=True, data_only=True)
    sheets: dict[str, list[tuple[Any, ...]]] = {}
    merged: dict[str, tuple[str, ...]] = {}
    try:
        for sheet in book.worksheets:
            # Bounded: a sheet formatted to its last row and column must not be read cell by cell.
            rows = list(
                itertools.islice(sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS), MAX_ROWS + 1)
            )
            if len(rows) > MAX_ROWS:
                raise TooLarge(tr("sheet.too_many_rows", sheet=sheet.title, limit=thousands(MAX_ROWS)))
            sheets[sheet.title] = rows
            merged[sheet.title] = _merged_ranges(sheet)
    finally:
        book.close()
    return Sheets(sheets, file, merged)


#: A ``<mergeCell ref="B6:B8"/>`` element of a sheet's XML (with or without a namespace prefix).
_MERGE_CELL = re.compile(
    rb"<(?:[A-Za-z_][\w.-]*:)?mergeCell\s[^>]*?\bref\s*=\s*[\"']([A-Z]{1,3}[0-9]{1,7}:[A-Z]{1,3}[0-9]{1,7})[\"']"
)
#: The most merged ranges of a sheet looked at: far more than a record's sheet has. They only explain
#: problems (the values read are the same without them), so the rest are left out.
MAX_MERGED = 10_000


def _merged_ranges(sheet: Any, block: int = 1 << 20) -> tuple[str, ...]:
    """The merged ranges of a sheet read by openpyxl's read-only mode, which leaves them out: found in the
    sheet's XML, after its rows, by their ``<mergeCell>`` elements (no element holds a ``<`` inside, so
    each is found whole; one cut between two blocks is read again with the next). ``()`` when openpyxl
    no longer gives the sheet's XML (a test says so)."""
    opener = getattr(sheet, "_get_source", None)
    if opener is None:
        return ()
    found: list[str] = []
    carry = b""
    with opener() as xml:
        while (chunk := xml.read(block)) and len(found) < MAX_MERGED:
            data = carry + chunk
            end = 0
            for match in _MERGE_CELL.finditer(data):
                found.append(match.group(1).decode("ascii"))
                end = match.end()
            start = data.rfind(b"<", end)
            carry = data[start:] if start != -1 and len(data) - start < 1024 else b""
    return tuple(found[:MAX_MERGED])


class TooLarge(Exception):
    """A spreadsheet larger than a record can be."""


def read_csv(paths: Iterable[tuple[Path | bytes, str]], layout: Layout) -> tuple[Sheets, list[Problem]]:
    """CSV files, one sheet each, recognised by their field keys (row 2, or column B of the single values).

    Two files of the same sheet are a problem (``same-sheet``) naming both: the record is not read.
    """
    sheets: dict[str, list[tuple[Any, ...]]] = {}
    source_of: dict[str, str] = {}  # the file each sheet was read from
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
        if sheet in source_of:  # which of the two is the record's? Never one chosen silently.
            problems.append(
                Problem(
                    Location(name),
                    tr("sheet.csv_same_sheet", first=source_of[sheet], second=name, sheet=sheet),
                    code="same-sheet",
                )
            )
            continue
        source_of[sheet] = name
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
    for key, former_names in FORMER_SHEET_NAMES.items():  # one of them would be read, the other left out
        current = SHEET_NAMES[key]
        for former in former_names:
            if former in sheets.sheets and current in sheets.sheets:
                read.fail(
                    None, tr("sheet.former_and_current", former=former, current=current), "duplicate-sheet"
                )
    if SINGLE_SHEET in sheets.sheets:
        _read_single(sheets.sheets[SINGLE_SHEET], layout.single, read, choices)
    index_of: dict[str, dict[str, int]] = {}
    for table in layout.tables:
        items: list[dict[str, Any]] = []
        if table.sheet in sheets.sheets:
            for row_number, values in _read_table(sheets.sheets[table.sheet], table, read, choices):
                pointer = _pointer(*table.path, len(items))
                read.cells[pointer] = sheet_ref(table.sheet, 1, row_number)
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
    for name, ranges in sheets.merged.items():
        if ranges and name in sheets.sheets:
            _note_hidden(name, sheets.sheets[name], ranges, read)
    return read


#: The most cells of merged ranges looked at in a workbook, whatever its ranges (a crafted file may give
#: thousands that overlap): far more than a record's workbook has.
MAX_HIDDEN_LOOKED_AT = 200_000


def _note_hidden(name: str, rows: list[tuple[Any, ...]], ranges: tuple[str, ...], read: ReadRecord) -> None:
    """Note in ``read.hidden`` the empty cells of ``ranges`` that are read as values (data rows of a table,
    the value column of the single-value sheet) and are not their range's first cell."""
    from openpyxl.utils.cell import get_column_letter, range_boundaries

    single = name == SINGLE_SHEET
    first_row = 2 if single else FIRST_ROW
    keys = rows[1] if len(rows) > 1 else ()
    budget = MAX_HIDDEN_LOOKED_AT
    for ref in ranges:
        try:
            left, top, right, bottom = range_boundaries(ref)
        except ValueError:
            continue
        if left is None or top is None or right is None or bottom is None:
            continue
        first = f"{get_column_letter(left)}{top}"
        columns = (
            [3] if single else [c for c in range(left, min(right, len(keys)) + 1) if not _blank(keys[c - 1])]
        )
        for row in range(max(top, first_row), min(bottom, len(rows)) + 1):
            values = rows[row - 1]
            for column in columns:
                budget -= 1
                if budget < 0:
                    return
                if not (left <= column <= right) or (row, column) == (top, left):
                    continue
                if _blank(values[column - 1] if column - 1 < len(values) else None):
                    read.hidden[sheet_ref(name, column, row)] = (ref, first)


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
                sheet_ref(SINGLE_SHEET, 2, row_number),
                tr("sheet.unknown_field", key=key_text, keys=", ".join(by_key)),
                "unknown-field",
            )
            continue
        cell = sheet_ref(SINGLE_SHEET, 3, row_number)
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
    columns_by_key = {c.key: c for c in table.sheet_columns}
    positions: list[tuple[int, Column]] = []
    for index, key in enumerate(keys, start=1):
        if _blank(key):
            continue
        column = columns_by_key.get(str(key).strip())
        if column is None:
            read.fail(
                sheet_ref(table.sheet, index, 2),
                tr("sheet.unknown_field_key", key=str(key).strip(), keys=", ".join(table.keys)),
                "unknown-field",
            )
            continue
        positions.append((index, column))
    if not positions:
        read.fail(
            sheet_ref(table.sheet, 1, 2),
            tr("sheet.no_keys", keys=", ".join(table.keys)),
            "no-keys",
        )
        return
    for row_number, row in enumerate(rows[FIRST_ROW - 1 :], start=FIRST_ROW):
        values: dict[str, tuple[Column, str, Any]] = {}
        for index, column in positions:
            value = row[index - 1] if index - 1 < len(row) else None
            cell = sheet_ref(table.sheet, index, row_number)
            values[column.key] = (column, cell, None if _blank(value) else value)
        if all(v[2] is None for v in values.values()):
            continue
        for key, (column, cell, value) in list(values.items()):
            if value is not None:
                values[key] = (column, cell, _convert(column, value, cell, read, choices))
        values["#row"] = (
            columns_by_key.get(table.keys[0]) or positions[0][1],
            sheet_ref(table.sheet, 1, row_number),
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
    owners = {o.code: o for o in table.owners} | {label: o for o in table.owners for label in owner_labels(o)}
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
    if not isinstance(value, dict) or not is_model(model):
        return value
    fields = {(i.alias or n): i for n, i in model.model_fields.items()}
    ordered: dict[str, Any] = {}
    for key in [*fields, *(k for k in value if k not in fields)]:
        if key in value:
            inner = unwrap(fields[key].annotation)[0] if key in fields else None
            ordered[key] = _in_model_order(value[key], item_type(inner) or inner)
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
        return _unreadable(file, tr("record.cannot_read", reason=os_reason(exc)), "io")
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
            return _unreadable(file, tr("record.cannot_read", reason=os_reason(exc)), "io")
        except TooLarge as exc:
            return _unreadable(file, tr("sheet.too_large_rows", reason=exc), "too-large")
        except Exception as exc:  # openpyxl raises many kinds for a file that is not a workbook
            return _unreadable(file, tr("sheet.not_xlsx", error=f"{type(exc).__name__}: {exc}"), "not-xlsx")
        return record_from_sheets(sheets, rulebook)
    try:
        csv_sheets, problems = read_csv(((p, _display(p)) for p in paths), layout)
    except OSError as exc:
        return _unreadable(file, tr("record.cannot_read", reason=os_reason(exc)), "io")
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
    if any(p.code in ("io", "not-xlsx", "encoding", "too-large", "same-sheet") for p in problems):
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
    if read.hidden:
        problems = _explain_merged(problems, read.hidden)
    if any(p.severity == "error" for p in problems):
        record = None
    return RecordResult(read.file, record, tuple(problems))


def _explain_merged(problems: Sequence[Problem], hidden: dict[str, tuple[str, str]]) -> list[Problem]:
    """``problems``, each said about an empty cell of a merged range (not its first cell) saying so first
    ("ô B7 nằm trong vùng gộp B6:B8, được đọc như ô trống ..."), and each said about a row (its first
    cell) that has such cells naming them: the officer sees the range's value in those cells, and "missing
    field" alone would say the opposite of what the screen shows."""
    by_row: dict[str, list[str]] = {}
    for ref in hidden:
        sheet, _, cell = ref.rpartition("!")
        by_row.setdefault(f"{sheet}!A{cell.lstrip('ABCDEFGHIJKLMNOPQRSTUVWXYZ')}", []).append(ref)
    explained = []
    for problem in problems:
        where = problem.location.cell
        if where is not None and where in hidden:
            merged, first = hidden[where]
            message = tr(
                "sheet.merged_cell",
                cell=where.rpartition("!")[2],
                range=merged,
                first=first,
                message=problem.message,
            )
            problem = replace(problem, message=message)
        elif where is not None and where in by_row:
            cells = ", ".join(
                tr("sheet.merged_in_range", cell=c.rpartition("!")[2], range=hidden[c][0])
                for c in by_row[where]
            )
            problem = replace(problem, message=problem.message + tr("sheet.merged_row", cells=cells))
        explained.append(problem)
    return explained


def validate_spreadsheet(
    source: Path | str | Sequence[Path | str], rulebook: Rulebook, *, name: str | None = None
) -> RecordResult:
    """Validate a record kept as an .xlsx workbook (or as the .csv files of its sheets)."""
    sources = [source] if isinstance(source, str | Path) else list(source)
    return validate_read(read_spreadsheet(sources, rulebook, name=name), rulebook)
