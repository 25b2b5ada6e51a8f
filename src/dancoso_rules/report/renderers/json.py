"""JSON: the report model itself, canonical (sorted keys, ISO dates, UTF-8), valid against
``schemas/report.schema.json``; the overview streamed in the shape of ``schemas/overview.schema.json``."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import TYPE_CHECKING

from dancoso_rules.report.model import ComplianceReport
from dancoso_rules.report.renderers import RenderOptions
from dancoso_rules.text import json_visible

if TYPE_CHECKING:
    from dancoso_rules.report.model import ClauseTotals
    from dancoso_rules.report.overview import Overview, OverviewRow


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
            "invalid": [item.model_dump(mode="json") for item in overview.invalid],
            "organisations": overview.organisations,
            "overview_version": "1",
            "soft": overview.soft.model_dump(mode="json"),
            "totals": overview.totals.model_dump(mode="json"),
        }
        opening = json_visible(json.dumps(head, ensure_ascii=False, sort_keys=True, indent=2))
        yield opening[:-2] + ',\n  "rows": ['
        encoded: dict[int, tuple[ClauseTotals, str]] = {}
        separator = "\n"
        for row in overview.rows():
            yield separator + "    " + _row_json(row, encoded)
            separator = ",\n"
        yield ("\n  " if separator != "\n" else "") + "]\n}\n"


def _dumps(value: object) -> str:
    return json_visible(json.dumps(value, ensure_ascii=False, sort_keys=True))


def _row_json(row: OverviewRow, encoded: dict[int, tuple[ClauseTotals, str]]) -> str:
    """A row as ``_dumps(row.model_dump(mode="json"))`` gives it, with each khoản's JSON made once
    (:func:`~dancoso_rules.text.json_visible` escapes character by character: its parts can be escaped apart).

    Rows share their khoản (:meth:`~dancoso_rules.report.overview.Overview.rows` makes each distinct one
    once): ``encoded`` keeps each one's JSON by identity (and the object, so that its identity is not
    reused). ``clauses`` is the first of the row's keys in sorted order, so the row is its array
    followed by the other keys' object.
    """
    parts = []
    for cell in row.clauses:
        kept = encoded.get(id(cell))
        if kept is None:
            kept = encoded[id(cell)] = (cell, _dumps(cell.model_dump(mode="json")))
        parts.append(kept[1])
    rest = _dumps(row.model_dump(mode="json", exclude={"clauses"}))
    return '{"clauses": [' + ", ".join(parts) + "], " + rest[1:]
