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
    from dancoso_rules.model.common import Frozen
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
        encoded: dict[int, tuple[object, str]] = {}
        separator = "\n"
        for row in overview.rows():
            yield separator + "    " + _row_json(row, encoded)
            separator = ",\n"
        yield ("\n  " if separator != "\n" else "") + "]\n}\n"


#: The encoder of every row's values (``json.dumps`` would make one per call).
_ENCODER = json.JSONEncoder(ensure_ascii=False, sort_keys=True)
#: The row's fields that rows share (the same objects: see ``Overview.rows``), each encoded once. In the
#: order of sorted keys, ``clauses`` comes before the row's own fields and ``soft`` and ``totals`` after them.
_SHARED = {"clauses", "soft", "totals"}


def _encoded(value: object) -> str:
    return json_visible(_ENCODER.encode(value))


def _row_json(row: OverviewRow, encoded: dict[int, tuple[object, str]]) -> str:
    """A row as ``json.dumps(row.model_dump(mode="json"), ensure_ascii=False, sort_keys=True)`` gives it
    (then :func:`~dancoso_rules.text.json_visible`), with what rows share encoded once.

    Rows share their tuple of khoản, each khoản and their totals (:meth:`~dancoso_rules.report.overview.Overview.rows`
    makes each distinct one once): ``encoded`` keeps each one's JSON by identity (and the object, so that
    its identity is not reused). The row's own fields are encoded in one object, whose members go between
    the shared ones, as ``sort_keys`` orders them; ``json_visible`` escapes character by character, so
    each part is escaped apart.
    """

    def shared(value: Frozen | tuple[Frozen, ...]) -> str:
        kept = encoded.get(id(value))
        if kept is None:
            if isinstance(value, tuple):
                text = "[" + ", ".join(map(shared, value)) + "]"
            else:
                text = _encoded(value.model_dump(mode="json"))
            kept = encoded[id(value)] = (value, text)
        return kept[1]

    own = _encoded(row.model_dump(mode="json", exclude=_SHARED))
    return (
        f'{{"clauses": {shared(row.clauses)}, {own[1:-1]}, '
        f'"soft": {shared(row.soft)}, "totals": {shared(row.totals)}}}'
    )
