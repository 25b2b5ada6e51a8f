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
            "invalid": [item.model_dump(mode="json") for item in overview.invalid],
            "organisations": overview.organisations,
            "overview_version": "1",
            "soft": overview.soft.model_dump(mode="json"),
            "totals": overview.totals.model_dump(mode="json"),
        }
        opening = json_visible(json.dumps(head, ensure_ascii=False, sort_keys=True, indent=2))
        yield opening[:-2] + ',\n  "rows": ['
        separator = "\n"
        for row in overview.rows():
            yield (
                separator
                + "    "
                + json_visible(json.dumps(row.model_dump(mode="json"), ensure_ascii=False, sort_keys=True))
            )
            separator = ",\n"
        yield ("\n  " if separator != "\n" else "") + "]\n}\n"
