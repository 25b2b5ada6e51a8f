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

Three modules, one concept each: :mod:`~dancoso_rules.record.workbook.layout` (the sheets and columns
derived from the model, and the drop-down lists), :mod:`~dancoso_rules.record.workbook.write` (the
template and export) and :mod:`~dancoso_rules.record.workbook.read` (import and validation).

openpyxl is imported only inside the functions that read or write workbooks, so that importing the
library and checking JSON records never loads it.
"""

from __future__ import annotations

from dancoso_rules.record.workbook.layout import (
    CHILD_SHEET_NAMES,
    FIRST_ROW,
    FORMER_SHEET_NAMES,
    INSTRUCTIONS_SHEET,
    LABELS,
    LISTS_SHEET,
    OWNER_ID_KEY,
    OWNER_KIND_KEY,
    SHEET_NAMES,
    SINGLE_SHEET,
    VOCABULARY_FIELDS,
    Column,
    ColumnKind,
    Layout,
    Owner,
    Table,
    owner_labels,
    record_layout,
    sheet_names,
    vocabulary_lists,
)
from dancoso_rules.record.workbook.read import (
    MAX_COLUMNS,
    MAX_FILE_BYTES,
    MAX_ROWS,
    ReadRecord,
    Sheets,
    TooLarge,
    read_csv,
    read_spreadsheet,
    read_xlsx,
    record_from_sheets,
    record_json,
    validate_read,
    validate_spreadsheet,
)
from dancoso_rules.record.workbook.write import (
    DEFAULT_STAMP,
    LIST_SEPARATOR,
    TEMPLATE_ROWS,
    template_workbook,
    workbook_bytes,
)

__all__ = [
    "CHILD_SHEET_NAMES",
    "DEFAULT_STAMP",
    "FIRST_ROW",
    "FORMER_SHEET_NAMES",
    "INSTRUCTIONS_SHEET",
    "LABELS",
    "LISTS_SHEET",
    "LIST_SEPARATOR",
    "MAX_COLUMNS",
    "MAX_FILE_BYTES",
    "MAX_ROWS",
    "OWNER_ID_KEY",
    "OWNER_KIND_KEY",
    "SHEET_NAMES",
    "SINGLE_SHEET",
    "TEMPLATE_ROWS",
    "VOCABULARY_FIELDS",
    "Column",
    "ColumnKind",
    "Layout",
    "Owner",
    "ReadRecord",
    "Sheets",
    "Table",
    "TooLarge",
    "owner_labels",
    "read_csv",
    "read_spreadsheet",
    "read_xlsx",
    "record_from_sheets",
    "record_json",
    "record_layout",
    "sheet_names",
    "template_workbook",
    "validate_read",
    "validate_spreadsheet",
    "vocabulary_lists",
    "workbook_bytes",
]
