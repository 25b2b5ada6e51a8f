"""JSON: the report model itself, canonical (sorted keys, ISO dates, UTF-8), valid against
``schemas/report.schema.json``; the overview streamed in the shape of ``schemas/overview.schema.json``."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from json.encoder import encode_basestring
from typing import TYPE_CHECKING, Any

import msgspec

from dancoso_rules.report.build import counts_of
from dancoso_rules.report.model import ComplianceReport
from dancoso_rules.report.renderers import RenderOptions
from dancoso_rules.text import json_visible

if TYPE_CHECKING:
    from dancoso_rules.model.common import Frozen
    from dancoso_rules.report.overview import Overview


class JsonRenderer:
    """Renders the report model as canonical JSON."""

    extension = "json"
    needs_locations = False

    def render(self, report: ComplianceReport, options: RenderOptions) -> str:
        """The report's canonical JSON (the language does not apply: both are in it)."""
        return json_visible(report.to_json())

    def render_overview(self, overview: Overview, options: RenderOptions) -> Iterator[str]:
        """The overview as one JSON document, written row by row."""
        head = {
            "as_of": overview.as_of.isoformat(),
            "invalid": [json_data(item) for item in overview.invalid],
            "organisations": overview.organisations,
            "overview_version": "1",
            "soft": json_data(overview.soft),
            "totals": json_data(overview.totals),
        }
        opening = json_visible(json.dumps(head, ensure_ascii=False, sort_keys=True, indent=2))
        yield opening[:-2] + ',\n  "rows": ['
        separator = "\n"
        for row in _rows_json(overview):
            yield separator + "    " + row
            separator = ",\n"
        yield ("\n  " if separator != "\n" else "") + "]\n}\n"


def json_data(value: Frozen) -> Any:
    """A struct of the overview as the JSON overview writes it: builtins, without ``uri`` (for SARIF only)."""
    data = msgspec.to_builtins(value)
    data.pop("uri", None)
    return data


#: The encoder of the values rows share (``json.dumps`` would make one per call).
_ENCODER = json.JSONEncoder(ensure_ascii=False, sort_keys=True)


def _encoded(value: object) -> str:
    return json_visible(_ENCODER.encode(value))


def _string(value: str) -> str:
    """A string as ``json.dumps(value, ensure_ascii=False)`` writes it, then made visible."""
    return json_visible(encode_basestring(value))


def _rows_json(overview: Overview) -> Iterator[str]:
    """Each row of :meth:`~dancoso_rules.report.overview.Overview.rows`, in its order, as
    ``json.dumps(json_data(row), ensure_ascii=False, sort_keys=True)`` gives it (then
    :func:`~dancoso_rules.text.json_visible`), written from the rows' packed values without making
    their models: five times faster, the most of an overview of many organisations
    (``tests/test_report_renderers.py`` holds the two to the same text, field for field).

    The members are written in the order ``sort_keys`` gives them. What rows share is encoded once:
    each khoản (by identity: :meth:`~dancoso_rules.report.overview.Overview.packed_rows` gives equal ones
    as the same object; ``shared`` keeps the object too, so that its identity is not reused), their
    counts and period (by value) and their file. A row's list of khoản is joined anew for each row:
    rows of records of many activities seldom share theirs, and keeping each list's text would make
    memory grow by ~4 kB a row. ``json_visible`` escapes character by character, so each part is
    escaped apart.
    """
    shared: dict[int, tuple[object, str]] = {}
    counts: dict[tuple[int, ...], str] = {}
    periods: dict[tuple[dt.date, dt.date], str] = {}
    files: dict[str, str] = {}

    def encoded(value: Frozen) -> str:
        kept = shared.get(id(value))
        if kept is None:
            kept = shared[id(value)] = (value, _encoded(json_data(value)))
        return kept[1]

    def counted(values: tuple[int, ...]) -> str:
        text = counts.get(values)
        if text is None:
            text = counts[values] = _encoded(json_data(counts_of(values)))
        return text

    for packed, clauses in overview.packed_rows():
        period = periods.get(packed.period)
        if period is None:
            start, end = packed.period
            period = periods[packed.period] = (
                f'"period_end": "{end.isoformat()}", "period_start": "{start.isoformat()}"'
            )
        file = files.get(packed.file)
        if file is None:
            file = files[packed.file] = _string(packed.file)
        line = "null" if packed.line is None else int.__repr__(packed.line)
        report = "null" if packed.report is None else _string(packed.report)
        yield (
            f'{{"clauses": [{", ".join(map(encoded, clauses))}], "file": {file}, "line": {line}, '
            f'"name": {_string(packed.name)}, "organisation": {_string(packed.organisation)}, '
            f'{period}, "report": {report}, '
            f'"soft": {counted(packed.soft)}, "totals": {counted(packed.totals)}}}'
        )
