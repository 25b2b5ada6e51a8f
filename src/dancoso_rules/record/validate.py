"""Validate an activity record: its bytes, its JSON, its shape, and its words against the rulebook.

:func:`validate_record` returns every problem of one file, located as ``file:line:col /pointer``;
:func:`load_record` returns the record or raises :class:`~dancoso_rules.errors.RecordError`. Neither
ever writes to its input. A file that cannot be read at all gives a problem with code ``io``.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, Union

from msgspec.structs import replace

from dancoso_rules.errors import Location, Problem, RecordError, capped
from dancoso_rules.i18n import os_reason, tr
from dancoso_rules.load.packs import bundled_rulebook
from dancoso_rules.model import Rulebook
from dancoso_rules.paths import display_path
from dancoso_rules.record.checks import check_record
from dancoso_rules.record.fast import validated_clean
from dancoso_rules.record.jsonload import (
    MAX_BYTES,
    UTF8_BOM,
    JsonDocument,
    decode_text,
    parse_json,
    too_large_message,
)
from dancoso_rules.record.result import RecordResult as RecordResult  # also importable from here, as before

if TYPE_CHECKING:  # the models (pydantic) are loaded when a record is not clean
    from dancoso_rules.record.model import ActivityRecord

#: The name a record read from standard input is reported under.
STDIN_NAME = "<stdin>"
#: The keys of which a JSON object needs one to be taken for an activity record (see :func:`is_record_like`).
RECORD_KEYS = frozenset({"organisation", "period", "activities", "events", "attestations"})
#: The key that marks what ``dancoso check --format json`` writes, a report or an overview, and the catalogue
#: message that says so: JSON that names an organisation and a period too, and is never a record.
WRITTEN_BY_CHECK = {"report_version": "record.is_report", "overview_version": "record.is_overview"}


def validate_record(
    source: str | os.PathLike[str] | bytes, rulebook: Rulebook | None = None, *, name: str | None = None
) -> RecordResult:
    """Validate a record file (a path) or a record's bytes (named ``name``) against ``rulebook``.

    ``rulebook`` defaults to the bundled one. Never raises for a bad record: every problem is in the result.
    """
    if isinstance(source, bytes):
        return validate_bytes(source, name or "<input>", rulebook)
    path = Path(source)
    file = name or display_path(path)
    if path.suffix.lower() == ".xlsx":  # a workbook made from `dancoso template`
        from dancoso_rules.record.workbook import validate_spreadsheet

        return validate_spreadsheet(path, bundled_rulebook() if rulebook is None else rulebook, name=file)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:  # say so without reading 50 MB first
            return _failed(file, Problem(Location(file), too_large_message(size), code="too-large"))
        with path.open("rb") as handle:
            raw = _read_limited(handle)
    except OSError as exc:
        return _failed(
            file, Problem(Location(file), tr("record.cannot_read", reason=os_reason(exc)), code="io")
        )
    return validate_bytes(raw, file, rulebook)


def validate_stdin(rulebook: Rulebook | None = None) -> RecordResult:
    """Validate a record read from standard input (reported as ``<stdin>``)."""
    try:
        raw = _read_limited(sys.stdin.buffer)
    except OSError as exc:
        return _failed(
            STDIN_NAME,
            Problem(Location(STDIN_NAME), tr("record.cannot_read", reason=os_reason(exc)), code="io"),
        )
    return validate_bytes(raw, STDIN_NAME, rulebook)


def _read_limited(handle: BinaryIO) -> bytes:
    # One byte more than the limit is enough to know the input is too large, without reading it all.
    return handle.read(MAX_BYTES + 1)


def validate_bytes(raw: bytes, file: str, rulebook: Rulebook | None = None) -> RecordResult:
    """Validate a record's bytes; ``file`` names it in the messages.

    A UTF-8 byte-order mark is skipped, with a note (a warning, even with ``--strict``)."""
    try:
        document = parse_json(decode_text(raw, file), file)
    except RecordError as exc:
        return _failed(file, *exc.problems)
    result = validate_document(document, bundled_rulebook() if rulebook is None else rulebook)
    if raw.startswith(UTF8_BOM):
        note = Problem(
            Location(file, 1, 1),
            tr("record.bom_utf8"),
            severity="warning",
            code="bom",
        )
        result = replace(result, problems=_in_file_order((note, *result.problems)))
    return result


def is_record_like(raw: bytes) -> bool:
    """Whether ``raw`` should be validated as an activity record: anything but well-formed JSON that is
    plainly something else (not an object, or an object with none of :data:`RECORD_KEYS` and no
    record ``$schema``, like a ``package.json``, or a report ``dancoso check`` wrote). A broken file is
    record-like: the validator says why."""
    return not_a_record(raw) is None


def not_a_record(raw: bytes) -> str | None:
    """Why ``raw`` is plainly no activity record (see :func:`is_record_like`), or ``None``."""
    try:
        data = json.loads(raw.removeprefix(UTF8_BOM))
    except ValueError:
        return None
    if isinstance(data, dict) and (written := _written_by_check(data)) is not None:
        return tr(WRITTEN_BY_CHECK[written])
    if not isinstance(data, dict):
        return tr("validate.not_record_like")
    schema = data.get("$schema")
    if RECORD_KEYS & data.keys() or (isinstance(schema, str) and "activity-record" in schema):
        return None
    return tr("validate.not_record_like")


def _written_by_check(data: Mapping[str, Any]) -> str | None:
    """The key that shows ``data`` to be a report or an overview ``dancoso check`` wrote (one left among
    the records by an earlier run, ``--output recs/out/``), or ``None``. A record with such a key beside
    its activities is a record with an unknown field, said as such."""
    if "activities" in data:
        return None
    return next((key for key in WRITTEN_BY_CHECK if key in data), None)


def validate_lines(
    path: Path, rulebook: Rulebook | None = None, *, name: str | None = None
) -> list[RecordResult]:
    """Validate a JSON Lines file, one record per non-blank line, each located at its line of the file."""
    file = name or display_path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return [
            _failed(file, Problem(Location(file), tr("record.cannot_read", reason=os_reason(exc)), code="io"))
        ]
    results: list[RecordResult] = []
    for number, line in enumerate(raw.split(b"\n"), start=1):
        if line.strip():
            result = validate_bytes(line.rstrip(b"\r"), file, rulebook)
            results.append(replace(result, problems=tuple(_on_line(p, number) for p in result.problems)))
    if not results:
        results.append(_failed(file, Problem(Location(file), tr("record.empty_jsonl"))))
    return results


def _on_line(problem: Problem, line: int) -> Problem:
    where = problem.location
    return replace(problem, location=replace(where, line=(where.line or 1) + line - 1))


def validate_document(document: JsonDocument, rulebook: Rulebook) -> RecordResult:
    """Validate a parsed record: its shape (the schema), then what only the rulebook can tell."""
    if not isinstance(document.data, dict):
        problem = Problem(document.locate(""), tr("record.top_level"))
        return _failed(document.file, problem)
    written = _written_by_check(document.data)
    if written is not None:  # one line that says what the file is, not a dozen unknown fields
        problem = Problem(document.locate(f"/{written}"), tr(WRITTEN_BY_CHECK[written]), code="not-a-record")
        return _failed(document.file, problem)
    problems: list[Problem] = []
    # A clean record (most are) is read on the fast path, which gives what validation would.
    record = validated_clean(document.text.encode("utf-8"), rulebook)
    if record is None:
        from pydantic import ValidationError

        from dancoso_rules.record.model import ActivityRecord

        try:
            # JSON mode and strict: "12" is not a number and 12 is not a string, as in the published schema.
            record = ActivityRecord.model_validate_json(document.text, strict=True)
        except ValidationError as exc:
            from dancoso_rules.record.messages import schema_problems  # only for a record with problems

            problems.extend(schema_problems(exc, document.data, document.locate))
    problems.extend(check_record(document.data, record, rulebook, document.locate))
    if any(p.severity == "error" for p in problems):
        record = None
    return RecordResult(document.file, record, capped(_in_file_order(problems), document.file))


def _failed(file: str, *problems: Problem) -> RecordResult:
    return RecordResult(file, None, capped(_in_file_order(problems), file))


def _in_file_order(problems: tuple[Problem, ...] | list[Problem]) -> tuple[Problem, ...]:
    def key(problem: Problem) -> tuple[int, int, str, str]:
        where = problem.location
        return (where.line or 0, where.column or 0, where.pointer or "", problem.message)

    return tuple(sorted(problems, key=key))


#: What :func:`load_record` (and ``dancoso_rules.evaluate``) read a record from: a path (a JSON file or
#: a ``.xlsx`` workbook), the JSON's bytes, the record as a JSON-like mapping, or a validated record.
RecordInput = Union[str, os.PathLike[str], bytes, Mapping[str, Any], "ActivityRecord"]
#: The name a record given as bytes or as a mapping is reported under.
BYTES_NAME = "<bytes>"
MAPPING_NAME = "<dict>"


def load_record(source: RecordInput, rulebook: Rulebook | None = None) -> ActivityRecord:
    """Read and validate a record; raise :class:`RecordError` listing its errors (warnings are allowed).

    ``source`` is a path (``str`` or ``Path``: a JSON file, or a ``.xlsx`` workbook from ``dancoso
    template``), the record's JSON as ``bytes`` (reported as ``<bytes>``), the record as a mapping
    such as ``json.load`` gives (reported as ``<dict>``, located by JSON Pointer only), or an
    ``ActivityRecord``, returned as it is. The messages are those of ``dancoso validate``.
    ``rulebook`` defaults to the bundled one.
    """
    from dancoso_rules.record.model import ActivityRecord

    if isinstance(source, ActivityRecord):
        return source
    if isinstance(source, Mapping):
        result = _validate_mapping(source, rulebook)
    elif isinstance(source, bytes):
        result = validate_bytes(source, BYTES_NAME, rulebook)
    elif isinstance(source, str | os.PathLike):
        result = validate_record(source, rulebook)
    else:
        raise RecordError(
            Problem(
                Location("<input>"),
                tr("record.input_type", type=type(source).__name__),
                code="type",
            )
        )
    if result.record is None:
        raise RecordError(list(result.errors))
    return result.record


def _validate_mapping(data: Mapping[str, Any], rulebook: Rulebook | None) -> RecordResult:
    """Validate a record given as a mapping: as its JSON, with locations by JSON Pointer only (the
    lines and columns of JSON written here would point into a file nobody has)."""
    try:
        raw = json.dumps(data, ensure_ascii=False, indent=1, allow_nan=False).encode("utf-8")
    except (TypeError, ValueError) as exc:
        problem = Problem(
            Location(MAPPING_NAME, pointer=""),
            tr("record.not_json", error=exc),
            code="type",
        )
        return _failed(MAPPING_NAME, problem)
    result = validate_bytes(raw, MAPPING_NAME, rulebook)
    unlined = tuple(replace(p, location=replace(p.location, line=None, column=None)) for p in result.problems)
    return replace(result, problems=unlined)
