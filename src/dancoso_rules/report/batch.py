"""Checking many records, one at a time: files, folders, glob patterns and JSON Lines files.

:func:`record_sources` names every record the arguments hold without reading them (a ``.jsonl``
file is read line by line as it is checked); :func:`check_source` validates one record, evaluates
it and builds its clause-by-clause report, or returns its located problems; :func:`assess_source`
does the same on the fast path, for a run over many records: the overview's counts
(:mod:`dancoso_rules.report.tally`), and the report only when it is written. Nothing is kept from one
record to the next, so that checking 10,000 records takes the memory of one (plus the overview's
few hundred bytes per record, see :mod:`dancoso_rules.report.overview`).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

import msgspec
from msgspec.structs import replace

from dancoso_rules.errors import DancosoError, Location, Problem, RecordError
from dancoso_rules.evaluation.engine import assess, evaluate
from dancoso_rules.evaluation.result import Report
from dancoso_rules.model import Interpretation, Rulebook
from dancoso_rules.paths import display_path, uri_reference
from dancoso_rules.record.fast import decode_clean
from dancoso_rules.record.inputs import find_record_files, is_jsonl
from dancoso_rules.record.jsonload import MAX_BYTES, JsonDocument, decode_text, parse_json
from dancoso_rules.record.validate import STDIN_NAME, RecordResult, validate_document, validate_record
from dancoso_rules.record.view import RecordLike
from dancoso_rules.report.build import build_report
from dancoso_rules.report.model import ComplianceReport

if TYPE_CHECKING:
    from dancoso_rules.record.model import ActivityRecord
    from dancoso_rules.report.tally import Tally


class RecordSource(msgspec.Struct, frozen=True):
    """One record to check: a JSON file, or one line of a JSON Lines file (``line`` is 1-based)."""

    path: Path
    name: str
    line: int | None = None
    data: bytes | None = None


class Assessed(msgspec.Struct, frozen=True):
    """What checking one record on the fast path gave: its tally (and its report, when one was asked
    for), or the problems that stopped it."""

    source: RecordSource
    tally: Tally | None
    report: ComplianceReport | None = None
    problems: tuple[Problem, ...] = ()


class Checked(msgspec.Struct, frozen=True):
    """What checking one record gave: its report, or the problems that stopped it."""

    source: RecordSource
    report: ComplianceReport | None
    problems: tuple[Problem, ...] = ()


def record_sources(arguments: Sequence[str]) -> tuple[list[Path], list[Problem]]:
    """The record files (``*.json``) and JSON Lines files the arguments name, and a problem for each naming none.

    A folder holds its ``*.json`` files (see :func:`~dancoso_rules.record.inputs.find_records`) and
    its ``*.jsonl`` files.
    """
    return find_record_files(arguments)


class Lines(msgspec.Struct, frozen=True):
    """Whole lines of a JSON Lines file as they were read, the first of them numbered ``first``: the
    records of a block (see :func:`blocks`), sent as one piece of bytes to whoever checks them."""

    path: Path
    name: str
    first: int
    data: bytes
    #: How many lines ``data`` holds (a last one without its line break too): counted where the block is
    #: cut, for whoever groups blocks by their records not to count them again.
    count: int

    def sources(self) -> Iterator[RecordSource]:
        """Each record of the block: each line that is not blank, without its line break (``\\r\\n`` too)."""
        path, name = self.path, self.name
        for number, line in enumerate(self.data.split(b"\n"), start=self.first):
            if line.strip():
                yield RecordSource(path, name, number, line.rstrip(b"\r"))


#: How many bytes of a JSON Lines file are read at a time (a line cut there is read on to its end): small
#: enough that a batch's memory stays that of a few records, large enough that reading costs nothing.
BLOCK = 1 << 18


def blocks(
    paths: Iterable[Path], *, size: int = BLOCK, most: int | None = None
) -> Iterator[RecordSource | Lines]:
    """The records of ``paths`` as they are read: a JSON file as one source, a JSON Lines file in
    :class:`Lines` of about ``size`` bytes (a longer line whole), and of at most ``most`` lines each
    when it is given."""
    for path in paths:
        name = display_path(path)
        if not is_jsonl(path):
            yield RecordSource(path, name)
            continue
        with path.open("rb") as handle:
            yield from _read_lines(handle, path, name, size, most)


def _read_lines(handle: BinaryIO, path: Path, name: str, size: int, most: int | None) -> Iterator[Lines]:
    first = 1
    while block := handle.read(size):
        block += handle.readline()  # the rest of a line cut by ``size``: a block ends where a line does
        start = 0
        while start < len(block):
            if most and (end := _end_of_lines(block, start, most)):
                lines = most  # ``most`` whole lines: no need to count them
            else:
                end = len(block)
                lines = block.count(b"\n", start, end) + (not block.endswith(b"\n"))
            yield Lines(path, name, first, block[start:end], lines)
            first += lines
            start = end


def _end_of_lines(data: bytes, start: int, most: int) -> int:
    """Where the ``most``-th line of ``data`` from ``start`` ends (after its line break), or 0 when
    fewer whole lines are there."""
    end = start
    for _ in range(most):
        end = data.find(b"\n", end) + 1
        if end == 0:
            return 0
    return end


def expand(paths: Iterable[Path]) -> Iterator[RecordSource]:
    """Each record of ``paths``: a JSON file as one source, a JSON Lines file line by line (blank lines skipped)."""
    return each_source(blocks(paths))


def each_source(items: Iterable[RecordSource | Lines]) -> Iterator[RecordSource]:
    """Each record of ``items``, in order: a source as it is, the records of a block of lines."""
    for item in items:
        if isinstance(item, Lines):
            yield from item.sources()
        else:
            yield item


def stdin_sources(raw: bytes, name: str = STDIN_NAME) -> Iterator[RecordSource]:
    """The records of standard input's bytes: one record, or JSON Lines (one record per line).

    It is JSON Lines when it has more than one non-blank line and its first non-blank line is a whole
    JSON value by itself (a record written over several lines never is); otherwise it is one record,
    whose problems (an empty input among them) are reported when it is checked.
    """
    lines = [(number, line) for number, line in enumerate(raw.split(b"\n"), start=1) if line.strip()]
    if len(lines) > 1 and _whole_json(lines[0][1]):
        for number, line in lines:
            yield RecordSource(Path(name), name, number, line.rstrip(b"\r"))
        return
    yield RecordSource(Path(name), name, None, raw)


def _whole_json(line: bytes) -> bool:
    try:
        json.loads(line.removeprefix(b"\xef\xbb\xbf"))
    except ValueError:
        return False
    return True


def check_source(
    source: RecordSource,
    rulebook: Rulebook,
    *,
    as_of: dt.date | None = None,
    interpretations: Sequence[Interpretation] | None = None,
    locate: bool = False,
) -> Checked:
    """Validate, evaluate and report on one record; ``locate`` looks up where its JSON Pointers are (for SARIF).

    A record :func:`~dancoso_rules.record.fast.decode_clean` accepts is evaluated as it was decoded (the
    validator's models are not even loaded); any other goes through the full validator."""
    raw = _raw(source)
    record: RecordLike | None = None if raw is None else decode_clean(raw, rulebook)
    document: JsonDocument | None = None
    if record is None:
        record, document, problems = _validated(source, rulebook, locate)
        if record is None:
            return Checked(source, None, problems)
    elif raw is not None and (locate or source.data is not None):
        document = _document(raw, source.name)  # located as the full validator's path locates it
    try:
        report = evaluate(record, packs=rulebook, as_of=as_of, interpretations=interpretations)
    except DancosoError as exc:
        return Checked(source, None, tuple(_named(p, source) for p in exc.problems))
    return Checked(source, _built(report, rulebook, source, document, record))


def assess_source(
    source: RecordSource,
    rulebook: Rulebook,
    *,
    as_of: dt.date,
    interpretations: Sequence[Interpretation] | None = None,
    report: bool = False,
    locate: bool = False,
) -> Assessed:
    """Check one record on the fast path: its tally, and its report only when ``report`` asks for it.

    A record :func:`~dancoso_rules.record.fast.decode_clean` accepts is assessed as it was decoded;
    any other goes through the full validator, which locates its problems exactly as
    :func:`check_source` does. ``locate`` is :func:`check_source`'s, for the report.
    """
    raw = _raw(source)
    record: RecordLike | None = None if raw is None else decode_clean(raw, rulebook)
    document: JsonDocument | None = None
    if record is None:
        record, document, problems = _validated(source, rulebook, locate and report)
        if record is None:
            return Assessed(source, None, problems=problems)
    elif report and raw is not None and (locate or source.data is not None):
        document = _document(raw, source.name)  # a line's report is located, as check_source's is
    try:
        assessment = assess(record, packs=rulebook, as_of=as_of, interpretations=interpretations)
    except DancosoError as exc:
        return Assessed(source, None, problems=tuple(_named(p, source) for p in exc.problems))
    # Imported here: a run of one record (check_source) never tallies, and pays nothing for it.
    from dancoso_rules.report.tally import tally_assessment

    tally = tally_assessment(assessment, rulebook)
    if not report:
        return Assessed(source, tally)
    return Assessed(source, tally, _built(assessment.report(), rulebook, source, document, record))


def _raw(source: RecordSource) -> bytes | None:
    """The bytes of a JSON record small enough to check (``None`` for a workbook, or to let the validator say why)."""
    if source.data is not None:
        return source.data if len(source.data) <= MAX_BYTES else None
    if source.path.suffix.lower() == ".xlsx":
        return None
    try:
        with source.path.open("rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except OSError:
        return None
    return raw if len(raw) <= MAX_BYTES else None


def _validated(
    source: RecordSource, rulebook: Rulebook, locate: bool
) -> tuple[ActivityRecord | None, JsonDocument | None, tuple[Problem, ...]]:
    """The record the full validator accepts, or its problems; with the parsed document of a line of JSON
    Lines (always) or of a file (when ``locate``), for the report to locate its JSON Pointers."""
    document: JsonDocument | None = None
    if source.data is None:
        result = validate_record(source.path, rulebook, name=source.name)
        if locate and result.record is not None and source.path.suffix.lower() != ".xlsx":
            document = _document(source.path.read_bytes(), source.name)
    else:
        try:
            document = _document(source.data, source.name)
        except RecordError as exc:
            return None, None, tuple(_shift(p, source.line) for p in exc.problems)
        result = validate_document(document, rulebook)
    if result.record is None:
        return None, None, _errors(result, source.line)
    return result.record, document, ()


def _built(
    report: Report,
    rulebook: Rulebook,
    source: RecordSource,
    document: JsonDocument | None,
    record: RecordLike,
) -> ComplianceReport:
    locator = None
    if document is not None:
        found = document

        def locator(pointer: str) -> Location:
            return _shift(Problem(found.locate(pointer), ""), source.line).location

    uri = uri_reference(source.path) if source.name != STDIN_NAME else None
    return build_report(
        report, rulebook, record_file=source.name, locate=locator, record=record, record_uri=uri
    )


def _document(raw: bytes, name: str) -> JsonDocument:
    return parse_json(decode_text(raw, name), name)


def _errors(result: RecordResult, line: int | None) -> tuple[Problem, ...]:
    return tuple(_shift(p, line) for p in result.errors)


def _shift(problem: Problem, line: int | None) -> Problem:
    """A problem found in one line of a JSON Lines file, located in that file."""
    where = problem.location
    if line is None or line == 1:
        return problem
    return replace(problem, location=replace(where, line=(where.line or 1) + line - 1))


def _named(problem: Problem, source: RecordSource) -> Problem:
    if problem.location.file != "<record>":
        return problem
    return _shift(
        replace(problem, location=replace(problem.location, file=source.name)),
        source.line,
    )


def display(source: RecordSource) -> str:
    """How a source is named in messages: ``records.jsonl:12`` for a line, else the file."""
    return f"{source.name}:{source.line}" if source.line is not None else source.name
