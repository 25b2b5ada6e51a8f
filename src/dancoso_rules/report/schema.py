"""The JSON Schemas of the JSON renderer's output, generated from the pydantic models derived from the
report's structs (:mod:`dancoso_rules.model.derive`).

``schemas/report.schema.json`` describes one organisation's report (``--format json``) and
``schemas/overview.schema.json`` the overview of many; regenerate both with::

    python -m dancoso_rules.report.schema
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from dancoso_rules.model.common import Frozen
from dancoso_rules.report.model import REPORT_SCHEMA_ID, ComplianceReport
from dancoso_rules.report.overview import OVERVIEW_SCHEMA_ID, OverviewDocument


def _schema(model: type[Frozen], schema_id: str, title: str, description: str) -> dict[str, Any]:
    from dancoso_rules.model.derive import pydantic_model

    derived = pydantic_model(model)
    schema = derived.model_json_schema(mode="serialization", ref_template="#/$defs/{model}")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": schema_id,
        **{k: v for k, v in schema.items() if k not in ("title", "description")},
        "title": title,
        "description": description,
    }


def report_schema() -> dict[str, Any]:
    """The schema of one organisation's report as ``dancoso check --format json`` prints it."""
    return _schema(
        ComplianceReport,
        REPORT_SCHEMA_ID,
        "dancoso-rules compliance report",
        "One organisation's duties, clause by clause, as of one day (dancoso check --format json).",
    )


def overview_schema() -> dict[str, Any]:
    """The schema of the overview of many records as ``dancoso check FOLDER --format json`` prints it."""
    return _schema(
        OverviewDocument,
        OVERVIEW_SCHEMA_ID,
        "dancoso-rules overview",
        "Many organisations' results by khoản, worst first (dancoso check FOLDER --format json).",
    )


def render_schema(schema: dict[str, Any]) -> str:
    """A schema as stable, sorted, indented JSON with a final newline (what is committed)."""
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


SCHEMA_FILES = {"report.schema.json": report_schema, "overview.schema.json": overview_schema}

if __name__ == "__main__":  # pragma: no cover - the documented regeneration command
    from dancoso_rules.paths import bundled_schemas_dir

    for name, make in SCHEMA_FILES.items():
        (Path(bundled_schemas_dir()) / name).write_text(render_schema(make()), encoding="utf-8")
